"""The registry of what the site is made of besides the hand-written pages: every generated thing is declared
here once, by the functions that make it, under a stable key. The full build (`mohinh.plugin`) and the preview
(`mohinh.preview`) only ask this registry; the machinery that runs the outputs lives below them
(`mohinh.outputs.base`), so no output imports this package.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import cards, data, editor, feeds, finder, fonts, kits, listings, media, pages, search, types
from .base import AFTER_PAGES, FIRST, LATE, Output


def registry() -> tuple[Output, ...]:
    """Every output, in the order they are made."""
    return (
        Output("pages", "trang mô hình", make=pages.make, paths=pages.paths, part=pages.part),
        Output("listings", "trang danh sách", make=listings.make, paths=listings.paths, part=listings.part, when=LATE),
        Output("filled", "trang viết tay có danh sách", make=listings.filled_pages, when=LATE),
        Output("types", "loại mô hình", make=types.make, when=LATE),
        Output("data", "dữ liệu mở", make=data.make, paths=data.paths, when=LATE),
        Output("feeds", "nguồn tin", make=feeds.make, paths=feeds.paths, when=LATE),
        Output("finder", "tìm và so sánh", make=finder.make, paths=finder.paths),
        Output("kits", "bộ nhân rộng", make=kits.make),
        Output("cards", "thẻ chia sẻ", make=cards.make),
        Output("media", "ảnh", make=media.make),
        Output("fonts", "phông chữ", make=fonts.make),
        Output("editor", "trình soạn thảo", make=editor.make, settings=editor.settings),
        Output("search", "chỉ mục tìm kiếm", after_pages=search.make, when=AFTER_PAGES),
    )


def made(when: str) -> tuple[Output, ...]:
    """The outputs made at ``when`` (`FIRST`, `LATE` or `AFTER_PAGES`), in registry order."""
    return tuple(output for output in registry() if output.when == when)


def settings(extra: Mapping[str, Any], repo_url: str | None) -> dict[str, Any]:
    """Each output's checked settings from ``extra.mohinh`` of ``mkdocs.yml`` (its part under the output's
    key), by key; raises the output's `MohinhError` for a wrong value."""
    return {output.key: output.settings(extra.get(output.key), repo_url)
            for output in registry() if output.settings is not None}


__all__ = ["AFTER_PAGES", "FIRST", "LATE", "Output", "made", "registry", "settings"]
