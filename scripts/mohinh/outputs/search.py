"""The search index: Pagefind (PyPI ``pagefind[bin]`` ships the binary), run on the folder MkDocs wrote.

Pagefind matches queries with or without Vietnamese accents and loads only the index chunks a query
needs. Model pages carry filters (province today and as reported, topic, community, status, year)
as ``data-pagefind-filter`` attributes written by ``templates/model.md.j2``; only pages that mark
their body (``data-pagefind-body``) are indexed.

Pagefind is driven through its command line, found with the package's public ``get_executable``.
It needs about 0.2 MB of memory per page while it writes an index, so a large site gets several
indexes of `SHARD_PAGES` model pages each (``pagefind``, ``pagefind-2``...), made one after another,
which the browser merges (``mergeIndex``). Pagefind writes its filter files in hash-map order;
`pagefind_order.canonical` puts them in a fixed order so two builds give the same bytes.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Collection
from pathlib import Path

from ..errors import MohinhError
from ..paths import SHARD_PAGES, model_html, search_folders
from ..render import Site
from . import pagefind_order

log = logging.getLogger("mkdocs.plugins.mohinh")

# Code (field names, codes such as `camera-cong-nghe`, YAML examples of the guides) is for contributors who read the
# page; a search result never shows it.
EXCLUDED = [".headerlink", ".md-content__button", ".md-source-file", ".mh-no-index", "code", "pre"]

#: How a page marks the part of it Pagefind indexes (``theme/main.html``).
BODY = b"data-pagefind-body"


class SearchIndexError(MohinhError):
    """Pagefind could not index the site."""


def pagefind_binary() -> Path:
    """The Pagefind binary installed with the ``pagefind[bin]`` package."""
    try:
        from pagefind.service import get_executable
    except ImportError as exc:  # pragma: no cover - a broken install
        raise SearchIndexError("thiếu gói pagefind: chạy lại `bash run.sh site` để cài đặt") from exc
    found = get_executable()
    if found is None:  # pragma: no cover - a broken install
        raise SearchIndexError("không tìm thấy chương trình Pagefind: chạy lại `bash run.sh site` để cài đặt")
    return Path(found)


def make(site: Site, site_dir: Path, shard: int = SHARD_PAGES, changed: Collection[str] | None = None) -> None:
    """Index the site written in ``site_dir``: the model pages of ``site`` in indexes of ``shard`` pages,
    every other page in the last. Each index is made in a folder beside it and then put in place, so a
    preview always serves a whole index. With ``changed`` (the preview: pages written since the last index,
    the same models in the same order), an index none of whose pages changed is kept as it is."""
    models = [model_html(view.id) for view in site.models]
    folders = search_folders(len(models), shard)
    model_set = set(models)
    others = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                    if not p.relative_to(site_dir).as_posix().startswith(("pagefind", ".")))
    others = [page for page in others if page not in model_set]
    groups = [models[n * shard:(n + 1) * shard] for n in range(len(folders))]
    groups[-1] = groups[-1] + _marked(site_dir, groups[-1], others)
    for folder, pages in zip(folders, groups, strict=True):
        if changed is not None and (site_dir / folder / "pagefind-entry.json").is_file() \
                and not any(page in changed for page in pages):
            continue
        _index(site_dir, folder, pages)
    for stale in site_dir.glob("pagefind*"):
        if stale.is_dir() and stale.name not in folders:
            shutil.rmtree(stale)


def _marked(site_dir: Path, models: list[str], others: list[str]) -> list[str]:
    """Of ``others``, the pages Pagefind would index beside ``models``: once a page of an index marks its body
    (``data-pagefind-body``), Pagefind leaves out every page that does not, so those are not given to it at all
    (the listings, which say ``search: false``, are the largest pages of the site: Pagefind would read them for
    nothing). When no page marks its body, Pagefind indexes every page whole, and all are given."""
    def marked(page: str) -> bool:
        try:
            return BODY in (site_dir / page).read_bytes()
        except OSError:
            return True  # Pagefind says what is wrong with it
    found = [page for page in others if marked(page)]
    return found if found or (models and marked(models[0])) else others


def _glob(pages: list[str]) -> str:
    """A Pagefind glob naming exactly ``pages`` (paths under the site, no glob characters in them)."""
    safe = [page for page in pages if not any(c in page for c in "{},*?[]!")]
    return "{" + ",".join(safe) + "}" if len(safe) > 1 else (safe[0] if safe else "nothing-to-index.html")


def _index(site_dir: Path, folder: str, pages: list[str]) -> None:
    staging = f".{folder}-moi"
    shutil.rmtree(site_dir / staging, ignore_errors=True)
    command = [str(pagefind_binary()), "--site", str(site_dir), "--output-subdir", staging, "--glob", _glob(pages),
               "--silent"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    try:
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace",
                              check=False, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"không chạy được Pagefind để lập chỉ mục tìm kiếm: {exc}") from None
    if done.returncode != 0 or not (site_dir / staging / "pagefind-entry.json").is_file():
        shutil.rmtree(site_dir / staging, ignore_errors=True)
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["không rõ lỗi"]
        raise SearchIndexError(f"Pagefind không lập được chỉ mục tìm kiếm: {detail[0]}")
    _canonical(site_dir / staging)
    old = site_dir / folder
    if old.exists():
        shutil.rmtree(old)
    (site_dir / staging).rename(old)


def _canonical(folder: Path) -> None:
    """Rewrite the index in ``folder`` with its filters in a fixed order (see `pagefind_order`)."""
    files = {}
    for path in folder.rglob("*"):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and (name == "pagefind-entry.json" or name.startswith("filter/") or name.endswith(".pf_meta")):
            files[name] = path.read_bytes()
    try:
        ordered = pagefind_order.canonical(files)
    except ValueError as exc:  # not the layout the pinned Pagefind writes: kept as Pagefind made it
        log.warning("chỉ mục tìm kiếm giữ nguyên thứ tự của Pagefind (không phải định dạng Pagefind %s: %s); "
                    "hai lần dựng có thể khác nhau", pagefind_order.PAGEFIND_VERSION, exc)
        return
    for name in files.keys() - ordered.keys():
        (folder / name).unlink()
    for name, content in sorted(ordered.items()):
        (folder / name).write_bytes(content)
