"""Where things are: the project root, a model's photos and their names on the site (kept light, so that
`mohinh check` does not load what only a build needs)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .errors import ProjectNotFound
from .text import slug

MEDIA_DIR = "models/media"
MODEL_DIR = "mo-hinh"
PROVINCE_DIR = "dia-phuong"
TOPIC_DIR = "chu-de"
UPDATES_PAGE = "tin-moi.md"


def find_root(start: Path | None = None) -> Path:
    """The project root: the nearest folder at or above ``start`` holding ``mkdocs.yml``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise ProjectNotFound(
        "không tìm thấy mkdocs.yml: hãy chạy lệnh trong thư mục gốc của dự án (nơi có mkdocs.yml và models/)"
    )


def media_file(root: Path, model_id: str, file: str) -> Path | None:
    """The photo ``file`` of model ``model_id`` under ``models/media/<id>/``; None when the path leads outside it."""
    folder = (root / MEDIA_DIR / model_id).resolve()
    target = (folder / file).resolve()
    return target if folder in target.parents else None


def write_if_changed(target: Path, content: str | bytes) -> None:
    """Write ``content`` unless the file already holds it (a file's date tells MkDocs' dirty rebuild whether
    it changed), making its folder if need be."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def published_name(file: str) -> str:
    """The photo's file name on the site: ``anh/Kẻng 1.JPG`` -> ``anh-keng-1.jpg``."""
    path = PurePosixPath(file.replace("\\", "/"))
    suffix = path.suffix.lower()
    stem = "/".join(part for part in path.with_suffix("").parts if part not in (".", "/"))
    return (slug(stem) or "anh") + (".jpg" if suffix == ".jpeg" else suffix)


# Model pages per search index; `mohinh.plugin.MohinhConfig.search_shard_pages` can change it.
SHARD_PAGES = 1500


def search_folders(model_pages: int, shard: int = SHARD_PAGES) -> list[str]:
    """Site folders of the search indexes: ``pagefind`` (also the one the browser loads), then
    ``pagefind-2``... for every further ``shard`` model pages."""
    count = max(1, -(-model_pages // shard))
    return ["pagefind"] + [f"pagefind-{n}" for n in range(2, count + 1)]
