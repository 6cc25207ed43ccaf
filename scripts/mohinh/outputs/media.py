"""Photos of a model (``models/media/<id>/``): resized with Pillow to web sizes and published beside its page.

A photo listed as ``file: anh/Kẻng 1.JPG`` is published as ``/mo-hinh/<id>/anh-keng-1.jpg``: a web-safe
name (`published_name`), no larger than `MAX_SIDE` pixels, turned upright and stripped of its
metadata (EXIF, GPS). A path that leads outside the model's own media folder is refused here too,
not only by ``mohinh check``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from PIL import Image, ImageOps

from ..catalogue import Record, format_loc
from ..errors import InvalidRecords, Problem
from ..memo import Memo
from ..paths import media_file, photo_path, published_name
from ..render import Site

MAX_SIDE = 1280


def web_image(data: bytes, suffix: str) -> bytes:
    """The picture upright, no larger than ``MAX_SIDE`` pixels on its long side, metadata (GPS, EXIF) stripped."""
    with Image.open(io.BytesIO(data)) as opened:
        opened.load()
        if max(opened.size) <= MAX_SIDE and suffix in {".jpg", ".jpeg"} and not opened.info.get("exif") \
                and opened.mode in ("RGB", "L"):
            return data
        image = ImageOps.exif_transpose(opened)
        image.thumbnail((MAX_SIDE, MAX_SIDE))
        out = io.BytesIO()
        if suffix in {".jpg", ".jpeg"}:
            image.convert("RGB").save(out, format="JPEG", quality=82, optimize=True, progressive=True)
        elif suffix == ".png":
            image.save(out, format="PNG", optimize=True)
        else:
            image.save(out, format="WEBP", quality=82, method=4)
        return out.getvalue()


def _problem(record: Record, index: int, message: str, fix: str) -> Problem:
    line, column = record.doc.position(("media", index, "file"))
    return Problem(record.path, line, column, format_loc(("media", index, "file")), message, fix)


def make(site: Site) -> dict[str, bytes]:
    """Every photo of every published model, web-sized, by site path (see `media_files`)."""
    return media_files(site.catalogue.root, site.catalogue.records, site.memo)


def media_files(root: Path, records: Iterable[Record], memo: Memo | None = None) -> dict[str, bytes]:
    """Site path (``mo-hinh/<id>/<published name>``) -> web-sized picture, for every photo a record lists.

    Raises `InvalidRecords` listing every photo that is outside its folder, unreadable, or published
    under the same name as another photo of the model. With the ``memo`` of ``mohinh serve``, a photo whose
    file did not change (date and size) is not resized again.
    """
    memo = memo if memo is not None else Memo()
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    for record in records:
        names: dict[str, str] = {}
        for index, item in enumerate(record.model.media):
            source = media_file(root, record.id, item.file)
            if source is None:
                problems.append(_problem(record, index, f"đường dẫn `{item.file}` ra ngoài thư mục ảnh của mô hình",
                                         f"đặt ảnh trong models/media/{record.id}/ và chỉ ghi tên tệp"))
                continue
            name = published_name(item.file)
            if name in names:
                problems.append(_problem(record, index, f"ảnh `{item.file}` trùng tên với `{names[name]}` khi đăng lên trang",
                                         "đổi tên một trong hai tệp ảnh"))
                continue
            names[name] = item.file
            suffix = source.suffix.lower()
            try:
                stat = source.stat()
                files[photo_path(record.id, name)] = memo.get(
                    ("photo", str(source)), (stat.st_mtime_ns, stat.st_size),
                    lambda source=source, suffix=suffix: web_image(source.read_bytes(), suffix))
            except (OSError, ValueError, Image.DecompressionBombError):
                problems.append(_problem(record, index, f"không đọc được ảnh models/media/{record.id}/{item.file}",
                                         "mở ảnh bằng trình xem ảnh, lưu lại dạng .jpg hoặc .png rồi thử lại"))
    if problems:
        raise InvalidRecords(problems)
    return files
