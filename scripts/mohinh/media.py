"""Photos of a model (``models/media/<id>/``): resized with Pillow to web sizes and published beside its page."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from .catalogue import Record

MAX_SIDE = 1280
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}


def web_image(data: bytes, suffix: str) -> bytes:
    """The picture no larger than ``MAX_SIDE`` pixels on its long side, metadata (GPS, EXIF) stripped."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        if max(image.size) <= MAX_SIDE and suffix in {".jpg", ".jpeg"} and "exif" not in image.info:
            return data
        image.thumbnail((MAX_SIDE, MAX_SIDE))
        out = io.BytesIO()
        if suffix in {".jpg", ".jpeg"}:
            image.convert("RGB").save(out, format="JPEG", quality=82, optimize=True)
        elif suffix == ".png":
            image.save(out, format="PNG", optimize=True)
        else:
            image.save(out, format="WEBP", quality=82)
        return out.getvalue()


def media_files(root: Path, records: list[Record]) -> dict[str, bytes]:
    """Site path (``mo-hinh/<id>/<file>``) -> web-sized picture, for every photo a record lists.

    Paths were checked by the catalogue: they stay inside ``models/media/<id>/``.
    """
    files: dict[str, bytes] = {}
    for record in records:
        folder = root / "models" / "media" / record.id
        for item in record.model.media:
            source = (folder / item.file).resolve()
            name = Path(item.file).name
            files[f"mo-hinh/{record.id}/{name}"] = web_image(source.read_bytes(), source.suffix.lower())
    return files
