"""Building the site: the functions behind both doors (the ``mohinh`` CLI and the MkDocs hook).

MkDocs events land in ``scripts/mkdocs_hooks.py``, which calls `generate_files`, `fill_page`,
`page_edit_url` and `after_build` here. ``mohinh build`` calls `build_site`, which runs the same
MkDocs build into a fresh folder and swaps it in only on success.
"""

from __future__ import annotations

import logging
import os
import posixpath
import shutil
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import history
from .catalogue import Catalogue, load_catalogue
from .errors import MohinhError, ProjectNotFound
from .render import Pages, Renderer

if TYPE_CHECKING:  # MkDocs is only needed when a site is built
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.mohinh")

DRAFTS_ENV = "MOHINH_DRAFTS"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def find_root(start: Path | None = None) -> Path:
    """The project root: the nearest folder at or above ``start`` holding ``mkdocs.yml``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise ProjectNotFound(
        "không tìm thấy mkdocs.yml: hãy chạy lệnh trong thư mục gốc của dự án (nơi có mkdocs.yml và models/)"
    )


@dataclass
class BuildState:
    """What one MkDocs build carries from event to event."""

    catalogue: Catalogue
    renderer: Renderer
    pages: Pages
    site_url: str = ""
    kits: Future[dict[str, bytes]] | None = None


_preloaded: dict[Path, Catalogue] = {}
_states: dict[int, BuildState] = {}


def _post_build_steps() -> list[Callable[[BuildState, Path], None]]:
    """Steps run, in order, on the folder MkDocs just wrote (exports, kits, feeds, search index last)."""
    from . import kits, search

    return [kits.write_kits, search.index_site]


def _root_of(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def generate_files(files: Files, config: MkDocsConfig) -> Files:
    """Load the records and add every generated page to MkDocs' files, in memory."""
    from mkdocs.structure.files import File

    root = _root_of(config)
    drafts = os.environ.get(DRAFTS_ENV) == "1"
    catalogue = _preloaded.pop(root, None) or load_catalogue(root, drafts=drafts)
    for warning in catalogue.warnings:
        log.info("%s", warning)
    catalogue.first_commits, catalogue.last_commits = history.record_dates(root)
    renderer = Renderer(catalogue, site_url=config.site_url or "")
    pages = renderer.pages()
    for src_uri, markdown in pages.markdown.items():
        if files.get_file_from_path(src_uri) is not None:
            raise MohinhError(
                f"content/{src_uri} trùng với trang được tạo tự động từ models/; đổi tên hoặc xóa tệp đó"
            )
        files.append(File.generated(config, src_uri, content=markdown))
    for src_uri, content in generated_assets(renderer, config.site_url or "").items():
        files.append(File.generated(config, src_uri, content=content))
    from . import kits

    _states[id(config)] = BuildState(catalogue, renderer, pages, config.site_url or "", kits.start_kits(renderer.models, config.site_url or ""))
    return files


def generated_assets(renderer: Renderer, site_url: str) -> dict[str, bytes]:
    """Files other than pages made from the records: open data and feeds, by site path."""
    from . import exports, feeds, media

    assets = exports.open_data_files(renderer.models, site_url)
    assets.update(feeds.feed_files(renderer.models, renderer.provinces, site_url))
    assets.update(media.media_files(renderer.catalogue.root, renderer.catalogue.records))
    return assets


def state(config: MkDocsConfig) -> BuildState:
    """The state of the build ``config`` belongs to."""
    return _states[id(config)]


def fill_page(markdown: str, src_uri: str, config: MkDocsConfig) -> str:
    """Fill the ``<!-- mohinh:... -->`` listings of a hand-written page."""
    current = state(config)
    if src_uri in current.pages.markdown:
        return markdown
    return current.renderer.fill_placeholders(markdown)


def page_edit_url(src_uri: str, config: MkDocsConfig) -> str | None:
    """Edit link of a generated model page: its record ``models/<id>.yml``, not a page in content/."""
    record = state(config).pages.sources.get(src_uri)
    if record is None or not config.repo_url or not config.edit_uri:
        return None
    root = _root_of(config)
    up = os.path.relpath(root, config.docs_dir).replace(os.sep, "/")
    path = posixpath.normpath(posixpath.join(config.edit_uri, up, record))
    return config.repo_url.rstrip("/") + "/" + path


def after_build(config: MkDocsConfig) -> None:
    """Run the post-build steps (search index, exports) on the folder MkDocs just wrote."""
    current = _states.pop(id(config))
    for step in _post_build_steps():
        step(current, Path(config.site_dir))


def _mkdocs_logging(verbose: bool) -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_mohinh", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s - %(message)s"))
        handler._mohinh = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)


def load_config(root: Path, **overrides: Any) -> MkDocsConfig:
    """MkDocs' config for the project at ``root`` (strict: any warning fails the build)."""
    from mkdocs.config import load_config as mk_load_config

    return mk_load_config(str(root / "mkdocs.yml"), strict=True, **overrides)


def build_site(root: Path, *, drafts: bool = False, verbose: bool = False, site_dir: Path | None = None) -> Path:
    """Check the records, then build the whole site into ``site/``, swapping it in only on success.

    Raises `InvalidRecords` before anything is written when a record is wrong; any other failure
    removes the half-built folder and leaves the previous ``site/`` exactly as it was.
    """
    from mkdocs.commands.build import build as mk_build

    root = root.resolve()
    catalogue = load_catalogue(root, drafts=drafts)
    final = (site_dir or root / "site").resolve()
    work = final.with_name(f".{final.name}-build-{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    previous_env = os.environ.get(DRAFTS_ENV)
    os.environ[DRAFTS_ENV] = "1" if drafts else "0"
    _mkdocs_logging(verbose)
    try:
        config = load_config(root, site_dir=str(work))
        _preloaded[root] = catalogue
        mk_build(config)
        old = final.with_name(f".{final.name}-old-{os.getpid()}")
        if final.exists():
            final.rename(old)
        work.rename(final)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        _preloaded.pop(root, None)
        shutil.rmtree(work, ignore_errors=True)
        if previous_env is None:
            os.environ.pop(DRAFTS_ENV, None)
        else:
            os.environ[DRAFTS_ENV] = previous_env
    return final
