"""Where the project is (kept apart so that `mohinh check` does not load what only a build needs)."""

from __future__ import annotations

from pathlib import Path

from .errors import ProjectNotFound


def find_root(start: Path | None = None) -> Path:
    """The project root: the nearest folder at or above ``start`` holding ``mkdocs.yml``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise ProjectNotFound(
        "không tìm thấy mkdocs.yml: hãy chạy lệnh trong thư mục gốc của dự án (nơi có mkdocs.yml và models/)"
    )
