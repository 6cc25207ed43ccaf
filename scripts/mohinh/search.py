"""The search index: Pagefind (PyPI ``pagefind[bin]`` ships the binary) run on the built site.

Pagefind matches queries with or without Vietnamese accents and loads only the index chunks a query
needs. Model pages carry filters (province today and as reported, topic, community, status, year)
as ``data-pagefind-filter`` attributes written by ``templates/model.md.j2``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import MohinhError

if TYPE_CHECKING:
    from .site import BuildState

EXCLUDED = [".headerlink", ".md-content__button", ".md-source-file", ".mh-no-index"]


class SearchIndexError(MohinhError):
    """Pagefind could not index the site."""


def pagefind_binary() -> Path:
    """Path of the Pagefind binary installed with the ``pagefind[bin]`` package."""
    try:
        from pagefind.service import _must_get_executable
    except ImportError as exc:  # pragma: no cover - a broken install
        raise SearchIndexError("thiếu gói pagefind: chạy lại `bash run.sh site` để cài đặt") from exc
    return Path(_must_get_executable())


def index_site(state: BuildState | None, site_dir: Path) -> None:
    """Write ``site_dir/pagefind/``: the search index of every page marked ``data-pagefind-body``."""
    command = [str(pagefind_binary()), "--site", str(site_dir), "--silent"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind không lập được chỉ mục tìm kiếm: {result.stderr.strip() or result.stdout.strip()}")
