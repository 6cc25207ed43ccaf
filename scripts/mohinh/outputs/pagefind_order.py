"""Pagefind's filter files in a fixed order, so two builds of the same records write the same bytes.

Pagefind 1.5.2 writes each filter's values, and the list of filters in its meta file, in hash-map order,
which changes from run to run. Its files are gzip of ``pagefind_dcd`` and a CBOR body, named
``<lang>_<sha1 of the body>`` (7 hex digits for a filter, 10 for the meta file, which
``pagefind-entry.json`` names). `canonical` sorts the values and the filters, re-encodes the bodies
with cbor2 (the same shortest form as Pagefind's minicbor writes) and renames the files the way
Pagefind names them. Search reads the same data: the order carries no meaning for it.
"""

from __future__ import annotations

import gzip
import hashlib
from typing import Any

import cbor2

MAGIC = b"pagefind_dcd"
#: The Pagefind whose index format this module reads; ``pyproject.toml`` pins it, and a test fails when the
#: installed Pagefind is another or its files no longer read as described above.
PAGEFIND_VERSION = "1.5.2"


def canonical(files: dict[str, bytes]) -> dict[str, bytes]:
    """The index's files (path in the index folder -> bytes) with filters in a fixed order; ``files``
    itself is not changed. Raises `ValueError` on a layout other than the one described above."""
    files = dict(files)
    metas = [path for path in files if path.startswith("pagefind.") and path.endswith(".pf_meta")]
    if len(metas) != 1 or "pagefind-entry.json" not in files:
        raise ValueError("not one meta file and its entry")
    meta_path = metas[0]
    old_hash = meta_path[len("pagefind."):-len(".pf_meta")]
    language = old_hash.rsplit("_", 1)[0]
    meta = _unpack(files[meta_path])
    filters = meta[3] if isinstance(meta, list) and len(meta) > 3 else None
    if not isinstance(filters, list) or not all(isinstance(p, list) and len(p) == 2 for p in filters):
        raise ValueError("no filter list in the meta file")
    for pair in filters:
        path = f"filter/{pair[1]}.pf_filter"
        if path not in files:
            raise ValueError(f"no {path}")
        try:
            filter_name, values = _unpack(files.pop(path))
            values = sorted(([value, sorted(pages)] for value, pages in values), key=lambda v: v[0])
        except TypeError as exc:
            raise ValueError(f"{path}: {exc}") from None
        body = cbor2.dumps([filter_name, values])
        new = f"{language}_{hashlib.sha1(body, usedforsecurity=False).hexdigest()[:7]}"
        files[f"filter/{new}.pf_filter"] = _pack(body)
        pair[1] = new
    meta[3] = sorted(filters, key=lambda pair: pair[0])
    body = cbor2.dumps(meta)
    new_hash = f"{language}_{hashlib.sha1(body, usedforsecurity=False).hexdigest()[:10]}"
    del files[meta_path]
    files[f"pagefind.{new_hash}.pf_meta"] = _pack(body)
    entry = files["pagefind-entry.json"].decode("utf-8")
    if f'"{old_hash}"' not in entry:
        raise ValueError("the entry does not name the meta file")
    files["pagefind-entry.json"] = entry.replace(f'"{old_hash}"', f'"{new_hash}"').encode("utf-8")
    return files


def _unpack(data: bytes) -> Any:
    body = gzip.decompress(data)
    if not body.startswith(MAGIC):
        raise ValueError("not a Pagefind file")
    try:
        return cbor2.loads(body[len(MAGIC):])
    except cbor2.CBORDecodeError as exc:
        raise ValueError(f"not CBOR: {exc}") from None


def _pack(body: bytes) -> bytes:
    return gzip.compress(MAGIC + body, mtime=0)
