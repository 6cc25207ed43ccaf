"""Zip files written the same way every time (Word kits, the Excel summary): entries sorted by name, one fixed
time, the same compression and permissions, so two builds of the same records give the same bytes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """A zip of ``files`` (name -> content), entries sorted by name and stamped with `ZIP_TIME`.

    Sorting keeps ``[Content_Types].xml`` first, as Office expects.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, files[name], compresslevel=1)  # the fastest: kits are many, small and built often
    return out.getvalue()


def reproducible_zip(data: bytes) -> bytes:
    """A zip package (python-docx and openpyxl stamp every entry with the time of saving) rewritten by `zip_bytes`."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return zip_bytes({name: source.read(name) for name in source.namelist()})
