"""The build cache: what a full build made that is costly and depends only on plain data (share cards, kits, pages
converted to HTML), kept in ``.mohinh/cache/`` of the project for the next build, so a build after an edit redoes
only what the edit changed. Plugin option ``cache`` (on by default); the cache folder can be deleted at any time.

An entry is found by a key: a SHA-256 of everything its result is made from, the inputs (a job's function and
plain data, a page's Markdown and MkDocs' Markdown settings) and the generator itself (`generator_version`: every
file of the ``mohinh`` package and the version of Python and of every installed library). Same key, same bytes:
a build with the cache makes the same site as a build without it (a test builds both ways and compares).

Entries are bytes, never pickles (a cache restored by a CI service is not trusted to run code): a job's files
after a JSON head with their paths and sizes; a converted page as JSON. An entry is written beside and renamed, so
a build that stops leaves no half entry; each entry used is touched, and a build that ends well deletes the
entries it did not use (`BuildCache.prune`), so the folder holds one site's worth.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

#: Where the cache is, under the project's root (``.mohinh/`` is ignored by git).
FOLDER = Path(".mohinh") / "cache"
_PACKAGE = Path(__file__).resolve().parent


@cache
def generator_version() -> str:
    """A hash of what makes the outputs besides their inputs: the package's files (code, templates, fonts, theme)
    and the version of Python and of every installed distribution (Pillow draws the cards, python-docx writes
    the kits, Python-Markdown and its extensions convert the pages)."""
    digest = hashlib.sha256(sys.version.encode())
    # mohinh itself is its files (below): whether its own metadata is found depends on the path a command runs with
    found = {f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()
             if (d.metadata["Name"] or "").lower() != "mohinh"}
    for dist in sorted(found):
        digest.update(dist.encode())
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class BuildCache:
    """The cache of one project (plain data: it is sent to worker processes)."""

    folder: Path
    version: str
    started: float  # when the build began (`time.time`, a second early: file times may be coarse); see `prune`

    @classmethod
    def of(cls, root: Path) -> BuildCache:
        """The cache of the project at ``root``, for a build starting now."""
        return cls(Path(root) / FOLDER, generator_version(), time.time() - 1)

    def key(self, kind: str, *inputs: str) -> str:
        """The key of a result of ``kind`` made from ``inputs`` (their text: ``repr`` of plain data)."""
        digest = hashlib.sha256(self.version.encode())
        for part in (kind, *inputs):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str) -> bytes | None:
        """The entry's bytes, or None; a found entry is marked as used by this build."""
        path = self._path(key)
        try:
            data = path.read_bytes()
            os.utime(path)
        except OSError:
            return None
        return data

    def put(self, key: str, data: bytes) -> None:
        """Keep an entry; a cache that cannot be written only makes the next build slower."""
        path = self._path(key)
        part = path.with_name(f"{key}.{os.getpid()}.part")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            part.write_bytes(data)
            os.replace(part, path)
        except OSError:
            part.unlink(missing_ok=True)

    def get_files(self, key: str) -> dict[str, bytes] | None:
        """A job's files kept by `put_files`, by site path; None when not kept (or not readable)."""
        data = self.get(key)
        if data is None:
            return None
        head, _, body = data.partition(b"\n")
        try:
            listed = json.loads(head)
            files, start = {}, 0
            for path, size in listed:
                files[path] = body[start:start + size]
                start += size
        except (ValueError, TypeError):
            return None
        return files if start == len(body) else None

    def put_files(self, key: str, files: dict[str, bytes]) -> None:
        head = json.dumps([[path, len(content)] for path, content in files.items()]).encode()
        self.put(key, head + b"\n" + b"".join(files.values()))

    def prune(self) -> None:
        """After a build that ended well: delete the entries it did not use (not touched since it started)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*/*"):
            try:
                if path.stat().st_mtime < self.started:
                    path.unlink()
            except OSError:
                pass
