"""Building the site: the functions behind both doors (the ``mohinh`` CLI and the MkDocs hook).

MkDocs events land in ``scripts/mkdocs_hooks.py``, which calls `generate_files`, `fill_page`, `fill_html`,
`page_edit_url`, `page_written` and `after_build` here. ``mohinh build`` calls `build_site`, which runs
the same MkDocs build into a fresh folder and swaps it in only on success.

Work beside MkDocs, on the second core: a forked worker process makes the model pages, turns a share
of them into HTML with MkDocs' own ``Page.render`` (the site is byte for byte the same), makes the open
data, feeds and replication kits; each rendered page goes to a Pagefind service as soon as it is ready
(see `search.SearchFeeder`).

``mohinh serve`` runs MkDocs' dirty rebuilds (`Preview`): after an edit, only pages whose Markdown
changed are rendered again, records that did not change are not parsed again, and only the changed
kits are made again; the search index is brought up to date in the background.
"""

from __future__ import annotations

import logging
import os
import posixpath
import shutil
import threading
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import history
from .catalogue import Catalogue, load_catalogue
from .errors import MohinhError
from .paths import find_root as find_root  # re-exported: site.find_root is the public name
from .render import Pages, Renderer, put_back_html, set_aside_html

if TYPE_CHECKING:  # MkDocs is only needed when a site is built
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

    from .kits import Checklist
    from .search import SearchFeeder

log = logging.getLogger("mkdocs.plugins.mohinh")

DRAFTS_ENV = "MOHINH_DRAFTS"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@dataclass
class BuildState:
    """What one MkDocs build carries from event to event."""

    catalogue: Catalogue
    renderer: Renderer
    pages: Pages
    site_url: str = ""
    kits: Future[dict[str, bytes]] | None = None
    search: SearchFeeder | None = None
    html_blocks: dict[str, list[str]] = field(default_factory=dict)  # see render.set_aside_html
    waiting_html: dict[str, bytes] = field(default_factory=dict)  # see fill_html


_preloaded: dict[Path, Catalogue] = {}
_states: dict[int, BuildState] = {}


@dataclass
class Preview:
    """What ``mohinh serve`` keeps from one rebuild to the next (one per served project)."""

    generated: dict[str, str | bytes] = field(default_factory=dict)  # site path -> content last written
    model_pages: dict[str, tuple[Any, str]] = field(default_factory=dict)  # see Renderer.pages
    data: dict[str, bytes] = field(default_factory=dict)  # open data and feeds last written
    kits: dict[Checklist, dict[str, bytes]] = field(default_factory=dict)
    snippets: dict[tuple[Any, ...], tuple[Any, Any]] = field(default_factory=dict)  # see Renderer.snippet
    background: threading.Lock = field(default_factory=threading.Lock)


_previews: dict[Path, Preview] = {}
_serving = False


def startup(command: str) -> None:
    """MkDocs' ``startup`` event: ``serve`` makes every build after the first one partial."""
    global _serving
    _serving = command == "serve"


def shutdown() -> None:
    global _serving
    _serving = False
    _previews.clear()


def configure(config: MkDocsConfig) -> None:
    """MkDocs' ``config`` event (once per build, a new config each time under serve)."""
    if _serving:
        _previews.setdefault(_root_of(config), Preview())


def theme_environment(env: Any) -> Any:
    """MkDocs' ``env`` event: under serve, theme templates compiled by an earlier rebuild are not compiled again
    (MkDocs makes a new Jinja environment for every rebuild; the 404 page alone took a quarter of a second)."""
    if _serving:
        env.bytecode_cache = _theme_bytecode()
    return env


@lru_cache(maxsize=1)
def _theme_bytecode() -> Any:
    import jinja2

    class MemoryBytecodeCache(jinja2.BytecodeCache):
        """Compiled templates kept in memory, by name; Jinja checks the source's checksum before using one."""

        def __init__(self) -> None:
            self.compiled: dict[str, bytes] = {}

        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            if bucket.key in self.compiled:
                bucket.bytecode_from_string(self.compiled[bucket.key])

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            self.compiled[bucket.key] = bucket.bytecode_to_string()

    return MemoryBytecodeCache()


def _unmodified() -> bool:
    return False


def _post_build_steps() -> list[Callable[[BuildState, Path], None]]:
    """Steps run, in order, on the folder MkDocs just wrote: kits, then the search index."""
    from . import kits

    return [kits.write_kits, _finish_search]


def _finish_search(state: BuildState, site_dir: Path) -> None:
    if state.search is not None:
        state.search.finish()


def _root_of(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def generate_files(files: Files, config: MkDocsConfig) -> Files:
    """Load the records and add every generated page and file to MkDocs' files, in memory."""
    from mkdocs.structure.files import File

    from . import kits, media, search

    root = _root_of(config)
    preview = _previews.get(root)
    drafts = os.environ.get(DRAFTS_ENV) == "1"
    catalogue = _preloaded.pop(root, None) or load_catalogue(root, drafts=drafts, reuse=preview is not None)
    for warning in catalogue.warnings:
        log.info("%s", warning)
    catalogue.first_commits, catalogue.last_commits = history.record_dates(root)
    site_url = config.site_url or ""
    renderer = Renderer(catalogue, site_url=site_url, snippets=preview.snippets if preview is not None else None)
    deferred = data = None
    if preview is None and len(renderer.models) >= _WORKER_THRESHOLD:
        deferred, pages, data = _render_in_worker(renderer, Path(config.site_dir), config, files)
    else:
        pages = renderer.pages(reuse=preview.model_pages if preview is not None else None)
    for src_uri in pages.markdown:
        if files.get_file_from_path(src_uri) is not None:
            raise MohinhError(
                f"content/{src_uri} trùng với trang được tạo tự động từ models/; đổi tên hoặc xóa tệp đó"
            )
    generated: dict[str, str | bytes] = dict(pages.markdown)
    if data is not None:
        generated.update(data)
        generated.update(media.media_files(catalogue.root, catalogue.records))
    elif preview is None:
        generated.update(generated_assets(renderer, site_url))
    else:
        # Serve: open data and feeds of the last build now, brought up to date after the page reloads.
        if not preview.data:
            preview.data = data_files(renderer, site_url)
        generated.update(preview.data)
        generated.update(media.media_files(catalogue.root, catalogue.records))
    for src_uri, content in generated.items():
        if deferred is not None and src_uri in deferred.expected:
            files.append(_deferred_file_class().of(config, src_uri, deferred))
        else:
            files.append(File.generated(config, src_uri, content=content))
    if preview is None:  # a full build renders each card once: the cache only serves `mohinh serve`
        renderer.forget_snippets()
    state = BuildState(catalogue, renderer, pages, site_url)
    # The search indexes the browser merges with the first (a large site has several; see search.SHARD_PAGES).
    config.extra["mohinh_search_more"] = search.search_folders(len(renderer.models))[1:]
    if preview is None:
        state.kits = deferred or kits.start_kits(renderer.models, site_url)  # type: ignore[assignment]
        state.search = search.SearchFeeder(Path(config.site_dir), model_pages(renderer))
    else:
        _mark_unchanged(files, generated, preview, Path(config.site_dir))
        state.kits = _preview_kits(renderer, preview, site_url)
    _states[id(config)] = state
    return files


def model_pages(renderer: Renderer) -> list[str]:
    """Where MkDocs writes the model pages (``mo-hinh/<id>/index.html``), in the order of the build."""
    return [f"{posixpath.dirname(v.url)}/{v.id}/index.html" for v in renderer.models]


_WORKER_THRESHOLD = 20  # models; below this a worker process costs more than it saves
# Share of model pages the worker also turns into HTML (0: none), so both cores convert Markdown: the
# worker makes every model page's Markdown, the data files and the kits besides, so it takes less than half.
_WORKER_HTML = 0.4


@dataclass
class _Forked:
    """What the page worker inherits when it is forked."""

    renderer: Renderer
    site_dir: Path
    config: MkDocsConfig
    files: list[File]  # the files MkDocs knew when the worker was forked (content/ and the theme)
    generated: list[str]  # and the generated ones, for links between pages
    html: set[str]  # model ids whose page the worker converts to HTML


_forked: _Forked | None = None


@dataclass
class _Rendered:
    """A page converted to HTML by the worker: what MkDocs' ``Page.render`` would have set."""

    content: str
    toc: Any
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None  # links to anchors of other pages, by src_uri
    logs: list[tuple[str, int, str]]  # what MkDocs logged meanwhile, told again by the build


class _Deferred:
    """Model pages made by a worker process, in the order MkDocs reads them; waited for only when read."""

    def __init__(self, results: Iterator[list[tuple[str, str, _Rendered | None]]], expected: set[str]) -> None:
        self._results = results
        self._ready: dict[str, str] = {}
        self._rendered: dict[str, _Rendered] = {}
        self.expected = expected

    def take(self, src_uri: str) -> str:
        while src_uri not in self._ready:
            made = next(self._results, None)
            if made is None:
                raise MohinhError(f"tiến trình phụ đã xong mà không tạo {src_uri} (lỗi của mohinh, xin báo lại)")
            for uri, content, rendered in made:
                self._ready[uri] = content
                if rendered is not None:
                    self._rendered[uri] = rendered
        return self._ready.pop(src_uri)

    def rendered(self, src_uri: str) -> _Rendered | None:
        """The HTML the worker made of a page already taken, if it made it."""
        return self._rendered.pop(src_uri, None)

    def result(self) -> dict[str, bytes]:
        """Wait for the worker's last task (the kits, written straight into the site): nothing left to write."""
        for _ in self._results:
            pass
        return {}


_DATA, _KITS = "<data>", "<kits>"


def _render_chunk(ids: list[str]) -> list[tuple[str, str | bytes, _Rendered | None]]:
    """In the worker: open data and feeds (``[_DATA]``), some model pages (Markdown, and HTML for those
    in ``_forked.html``), or the kits (``[_KITS]``, written into the site folder)."""
    from . import kits

    assert _forked is not None
    renderer = _forked.renderer
    if ids == [_DATA]:
        return [(uri, content, None) for uri, content in data_files(renderer, renderer.site_url).items()]
    if ids == [_KITS]:
        checklists = [kits.Checklist.of(v, renderer.site_url) for v in renderer.models if kits.has_kit(v)]
        kits.kit_files(checklists, _forked.site_dir)
        return []
    made: list[tuple[str, str | bytes, _Rendered | None]] = []
    for i in ids:
        view = renderer.by_id[i]
        markdown = renderer.model_page(view)
        made.append((view.url, markdown, _to_html(view.url, markdown) if i in _forked.html else None))
    return made


class _Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


@lru_cache(maxsize=1)
def _worker_files() -> tuple[Files, _Captured]:
    """In the worker: every file of the build (for links between pages); MkDocs' log kept, not printed."""
    from mkdocs.structure.files import File, Files

    assert _forked is not None
    generated = [File.generated(_forked.config, uri, content="") for uri in _forked.generated]
    captured = _Captured()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.handlers = [captured]
    mkdocs_log.propagate = False
    return Files([*_forked.files, *generated]), captured


def _to_html(src_uri: str, markdown: str) -> _Rendered:
    """In the worker: MkDocs' own ``Page.render`` of a generated page (the hook leaves their Markdown as is)."""
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    assert _forked is not None
    config = _forked.config
    files, captured = _worker_files()
    page = Page(None, File.generated(config, src_uri, content=markdown), config)
    config._current_page = page
    captured.records = []
    page.read_source(config)
    page.render(config, files)
    links = None
    if page.links_to_anchors is not None:
        links = {to_file.src_uri: dict(found) for to_file, found in page.links_to_anchors.items()}
    assert page.content is not None
    return _Rendered(page.content, page.toc, page._title_from_render, page.present_anchor_ids, links, captured.records)


def prepare_page(page: Any, config: MkDocsConfig) -> None:
    """Before MkDocs reads a page: date it from the records, not the clock (the sitemap's ``lastmod``, so
    two builds of the same records are the same on any day); if the worker converts it to HTML, MkDocs
    takes that HTML."""
    current = _states.get(id(config))
    if current is not None:
        updated = current.renderer.page_dates.get(page.file.src_uri, current.renderer.site_date)
        if updated is not None:
            page.update_date = updated.first_day.isoformat()
    deferred = getattr(page.file, "_deferred", None)
    if deferred is None or page.file.src_uri not in deferred.expected:
        return

    def render(config: MkDocsConfig, files: Files) -> None:
        rendered = deferred.rendered(page.file.src_uri)
        if rendered is None:
            type(page).render(page, config, files)
            return
        for name, level, message in rendered.logs:
            logging.getLogger(name).log(level, "%s", message)
        page.content, page.toc = rendered.content, rendered.toc
        page._title_from_render, page.present_anchor_ids = rendered.title, rendered.anchors
        if rendered.links is not None:
            page.links_to_anchors = {files.get_file_from_path(uri): found for uri, found in rendered.links.items()}

    page.render = render


def _die_with_parent(parent: int) -> None:
    """The page worker ends with the build: if the build is killed, nothing writes into its folder after."""
    import sys

    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # killed before the line above took effect
        os._exit(0)


def _render_in_worker(
    renderer: Renderer, site_dir: Path, config: MkDocsConfig, files: Files,
) -> tuple[_Deferred, Pages, dict[str, bytes | str]]:
    """A forked worker makes open data, feeds, model pages (and the HTML of a share of them) and kits
    while this process renders the listings and MkDocs works; model pages are waited for only when read."""
    import multiprocessing

    from .media import published_name

    global _forked
    ids = [v.id for v in renderer.models]
    chunks = [ids[i:i + 50] for i in range(0, len(ids), 50)] + [[_DATA], [_KITS]]
    data: dict[str, bytes | str] = dict.fromkeys(data_paths(renderer), b"")  # made by the worker after the pages
    generated = [v.url for v in renderer.models] + renderer.listing_paths() + list(data)
    generated += [f"{posixpath.dirname(v.url)}/{v.id}/{published_name(item.file)}" for v in renderer.models
                  for item in v.m.media]
    html = {i for n, i in enumerate(ids) if int((n + 1) * _WORKER_HTML) > int(n * _WORKER_HTML)}  # spread evenly
    _forked = _Forked(renderer, site_dir, config, list(files), generated, html)
    try:
        pool = multiprocessing.get_context("fork").Pool(1, initializer=_die_with_parent, initargs=(os.getpid(),))
    finally:
        _forked = None
    results = pool.imap(_render_chunk, chunks)
    pool.close()
    pages = Pages()
    for view in renderer.models:
        pages.add(view.url, "", view.record.path)
    listings = renderer.listing_pages()
    pages.markdown.update(listings.markdown)
    deferred = _Deferred(results, set(pages.markdown) - set(listings.markdown) | set(data))  # type: ignore[arg-type]
    return deferred, pages, data


@lru_cache(maxsize=1)
def _deferred_file_class():  # noqa: ANN202 - a subclass of MkDocs' File, made when MkDocs is imported
    from mkdocs.structure.files import File

    class DeferredFile(File):
        """A generated page whose Markdown arrives from the worker when MkDocs first reads it."""

        _deferred: _Deferred

        @classmethod
        def of(cls, config: MkDocsConfig, src_uri: str, deferred: _Deferred) -> DeferredFile:
            made = cls.generated(config, src_uri, content="")
            del made.__dict__["_made"]
            made._deferred = deferred
            return made

        @property  # type: ignore[override]
        def _content(self) -> str | bytes | None:
            if "_made" not in self.__dict__:
                self.__dict__["_made"] = self._deferred.take(self.src_uri)
            return self.__dict__["_made"]

        @_content.setter
        def _content(self, value: str | bytes | None) -> None:
            self.__dict__["_made"] = value

    return DeferredFile


def _mark_unchanged(files: Files, generated: dict[str, str | bytes], preview: Preview, site_dir: Path) -> None:
    """Serve: tell MkDocs' dirty build which files to skip; remove what the last build made and this one did not."""
    by_uri: dict[str, File] = {f.src_uri: f for f in files}
    for src_uri, content in generated.items():
        if preview.generated.get(src_uri) == content:
            by_uri[src_uri].is_modified = _unmodified  # type: ignore[method-assign]
    for src_uri in preview.generated.keys() - generated.keys():
        gone = by_uri.get(src_uri)
        if gone is None:
            from mkdocs.structure.files import File

            dest = File(src_uri, src_dir=None, dest_dir=str(site_dir), use_directory_urls=True).abs_dest_path
            Path(dest).unlink(missing_ok=True)
    for file in files.documentation_pages():
        if file.src_uri not in generated and file.abs_src_path and _has_placeholders(file.abs_src_path):
            file.is_modified = lambda: True  # type: ignore[method-assign]  # its listings may have changed
    preview.generated = generated


def _has_placeholders(path: str) -> bool:
    with open(path, encoding="utf-8") as handle:
        return "<!-- mohinh:" in handle.read()


def _preview_kits(renderer: Renderer, preview: Preview, site_url: str) -> Future[dict[str, bytes]]:
    """Serve: make only the kits whose checklist changed; return only the files to write again."""
    from . import kits

    made: dict[Checklist, dict[str, bytes]] = {}
    changed: dict[str, bytes] = {}
    for view in renderer.models:
        if not kits.has_kit(view):
            continue
        checklist = kits.Checklist.of(view, site_url)
        made[checklist] = preview.kits.get(checklist) or kits.kit_files([checklist])
        if checklist not in preview.kits:
            changed.update(made[checklist])
    preview.kits = made
    done: Future[dict[str, bytes]] = Future()
    done.set_result(changed)
    return done


def generated_assets(renderer: Renderer, site_url: str) -> dict[str, bytes]:
    """Files other than pages made from the records: open data, feeds and photos, by site path."""
    from . import media

    assets = data_files(renderer, site_url)
    assets.update(media.media_files(renderer.catalogue.root, renderer.catalogue.records))
    return assets


def data_paths(renderer: Renderer) -> list[str]:
    """Site paths of `data_files`, known without making them."""
    from . import exports, feeds

    return exports.open_data_paths() + feeds.feed_paths(renderer.provinces)


def data_files(renderer: Renderer, site_url: str) -> dict[str, bytes]:
    """Open data and feeds, by site path."""
    from . import exports, feeds

    files = exports.open_data_files(renderer.models, site_url)
    files.update(feeds.feed_files(renderer.models, renderer.provinces, site_url))
    return files


def state(config: MkDocsConfig) -> BuildState:
    """The state of the build ``config`` belongs to."""
    return _states[id(config)]


def fill_page(markdown: str, src_uri: str, config: MkDocsConfig) -> str:
    """Fill the ``<!-- mohinh:... -->`` listings of a hand-written page; set aside a generated page's HTML blocks."""
    current = state(config)
    if src_uri in current.pages.markdown:
        markdown, blocks = set_aside_html(markdown)
        if blocks:
            current.html_blocks[src_uri] = blocks
        return markdown
    return current.renderer.fill_placeholders(markdown)


def fill_html(html: str, page: Any, config: MkDocsConfig) -> str:
    """A page converted to HTML: put back the blocks `fill_page` set aside, and (full build) let go of
    its Markdown. MkDocs converts every page before it writes any, so at 5,000 models the Markdown of
    all pages, kept twice (file and page), was a third of the build's memory."""
    current = state(config)
    src_uri = page.file.src_uri
    blocks = current.html_blocks.pop(src_uri, None)
    if blocks is not None:
        html = put_back_html(html, blocks)
    if current.search is None:
        return html
    page.markdown = ""  # not None: MkDocs takes a page without Markdown for one without a title
    if src_uri in current.pages.markdown:  # a generated page: its Markdown is in memory only
        page.file._content = None
    # Until MkDocs writes the page, its HTML waits compressed (a quarter of the size); `restore_html`.
    current.waiting_html[src_uri] = zlib.compress(html.encode("utf-8"), 1)
    return ""


def restore_html(page: Any, config: MkDocsConfig) -> None:
    """MkDocs' ``page_context`` event, just before the page is written: its HTML back from `fill_html`."""
    current = _states.get(id(config))
    waiting = current.waiting_html.pop(page.file.src_uri, None) if current is not None else None
    if waiting is not None:
        page.content = zlib.decompress(waiting).decode("utf-8")


def page_edit_url(src_uri: str, config: MkDocsConfig) -> str | None:
    """Edit link of a generated model page: its record ``models/<id>.yml``, not a page in content/."""
    record = state(config).pages.sources.get(src_uri)
    if record is None or not config.repo_url or not config.edit_uri:
        return None
    root = _root_of(config)
    up = os.path.relpath(root, config.docs_dir).replace(os.sep, "/")
    path = posixpath.normpath(posixpath.join(config.edit_uri, up, record))
    return config.repo_url.rstrip("/") + "/" + path


def page_written(html: str, page: Any, config: MkDocsConfig) -> None:
    """A page is written: hand it to the search index being built beside MkDocs, then (full build) let
    go of its HTML; what MkDocs still needs, the page's anchors and links, stays."""
    current = _states.get(id(config))
    if current is not None and current.search is not None:
        current.search.add(page.file.dest_uri, html)
        page.content = None


def after_build(config: MkDocsConfig) -> None:
    """Run the post-build steps (kits, search index) on the folder MkDocs just wrote."""
    current = _states.pop(id(config))
    site_dir = Path(config.site_dir)
    for step in _post_build_steps():
        step(current, site_dir)
    preview = _previews.get(_root_of(config))
    if preview is not None:
        threading.Thread(target=_after_preview, args=(preview, current, site_dir), daemon=True).start()


def _after_preview(preview: Preview, current: BuildState, site_dir: Path) -> None:
    """Serve, once the page has reloaded: bring open data and feeds up to date, then index the preview."""
    from . import search

    with preview.background:
        try:
            data = data_files(current.renderer, current.site_url)
            for path, content in data.items():
                if preview.data.get(path) != content:
                    target = site_dir / path
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(content)
            preview.data = data
            search.index_site(site_dir, model_pages(current.renderer))
        except (MohinhError, OSError) as exc:
            log.warning("%s", exc)


def build_failed() -> None:
    """The build stopped: stop what runs beside it."""
    while _states:
        _, current = _states.popitem()
        if current.search is not None:
            current.search.close()


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


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _recover(final: Path) -> None:
    """Clear what a killed build left next to ``final``: its half-built folder is removed; if it was
    killed between its two renames, the previous site (``.site-old-<pid>``) is put back."""
    leftovers = []
    for folder in final.parent.glob(f".{final.name}-*-*"):
        kind, _, pid = folder.name[len(final.name) + 2:].rpartition("-")
        if kind in ("old", "build") and pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            leftovers.append((kind != "old", folder))
    for _, folder in sorted(leftovers):
        if folder.name.startswith(f".{final.name}-old-") and not final.exists():
            folder.rename(final)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def build_site(root: Path, *, drafts: bool = False, verbose: bool = False, site_dir: Path | None = None) -> Path:
    """Check the records, then build the whole site into ``site/``, swapping it in only on success.

    Raises `InvalidRecords` before anything is written when a record is wrong; any other failure
    removes the half-built folder and leaves the previous ``site/`` exactly as it was.
    """
    from mkdocs.commands.build import build as mk_build

    root = root.resolve()
    final = (site_dir or root / "site").resolve()
    _recover(final)
    catalogue = load_catalogue(root, drafts=drafts)
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
