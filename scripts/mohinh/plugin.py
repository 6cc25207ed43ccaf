"""The MkDocs plugin: MkDocs' events, each handed to the plain functions of the package.

Named ``mohinh`` in ``mkdocs.yml`` (``plugins: {mohinh: {}}``) and registered as a ``mkdocs.plugins``
entry point, so ``mkdocs build``, ``properdocs build`` and ``mohinh build`` build the same site. Only
MkDocs' documented plugin API is used: events, ``File.generated``, public ``Files``/``Page``
attributes. Everything a build carries from event to event lives on the plugin instance; under
``mkdocs serve`` MkDocs keeps the instance for the whole session (it has ``on_startup``), and with it
the `Preview`.

Events used, and why:

- ``startup``/``shutdown``: serve or build; the preview's memory lives between them.
- ``files``: load the records (`catalogue`), make every generated page and file (`outputs.base.make`), write
  them into a work folder and hand them to MkDocs with ``File.generated(abs_src_path=...)``: a
  page whose Markdown did not change keeps its file date, so ``mkdocs serve --dirty`` skips it.
- ``pre_page``: date each page from the records, not the clock (sitemap ``lastmod``).
- ``page_markdown``/``page_content``: set the large HTML blocks of generated listings aside before
  Python-Markdown and put them back in the page's HTML; edit links of model pages point at the record; a
  page converted in a worker gets the worker's HTML with its links as MkDocs rewrote them (`convert`).
- ``page_content`` (last) / ``page_context`` (first) / ``post_page`` (last): in a full build each page's HTML
  is kept compressed between its conversion and its writing, and let go once written.
- ``env``: the files made in another process while MkDocs converted the pages (open data, feeds) are
  handed over before MkDocs copies the static files.
- ``post_build``: wait for the kits written into the site beside MkDocs, then the search index.
- ``config``: the package's theme folder (`THEME`: template overrides of Material and the site's own CSS, JS and
  images under ``assets/``) joins the theme's folders after the site's ``custom_dir``, and its stylesheets and
  scripts are listed before the site's own, so a unit's ``mkdocs.yml`` needs only ``plugins: [mohinh]``.
- ``files`` also: the pages every site has that follow the generator (`unit.PROVIDED`: the contributing guide, the
  search page) come from the package when the site's ``docs_dir`` does not write its own; they have no edit link.
- ``serve``: watch ``models/``, ``overrides/``, the package's theme folder and ``federation.yml`` too.
- ``post_page``: under ``mkdocs serve``, every page loads the preview's errors (`preview.ERRORS_SCRIPT`).

Under ``mkdocs serve``, records with errors do not abort the rebuild: the last good pages stay and every page
shows the errors over it (`MohinhPlugin._show_errors`); ``mkdocs build`` and ``mohinh build`` fail as before.
"""

from __future__ import annotations

import logging
import os
import pickle
import posixpath
import tempfile
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import federation, outputs
from .cache import BuildCache
from .catalogue import Catalogue, load_catalogue
from .convert import Converted, finish, pack, unpack
from .errors import InvalidRecords, MohinhError
from .outputs import base as machinery
from .paths import LOCAL_DIR, SHARD_PAGES, is_absolute, is_placeholder, search_folders, write_if_changed
from .preview import ERRORS_SCRIPT, Preview, error_lines, errors_script
from .render import MARKER, Site
from .templating import THEME_TEMPLATES, put_back_html, set_aside_html
from .unit import provided_pages

log = logging.getLogger("mkdocs.plugins.mohinh")

#: Material's template overrides and the site's own CSS, JS and images (``assets/``), shipped in the package: MkDocs
#: copies every file of a theme folder that is not a template into the site, as it does Material's own assets.
THEME = Path(__file__).resolve().parent / "theme"
#: The stylesheets and scripts of `THEME` every page loads, in this order, before any the site lists itself: fonts,
#: the site's look, text size and contrast, the header search. A page loads the parts it uses itself (its front
#: matter's ``mohinh_assets``, read by ``theme/main.html``).
STYLESHEETS = ("assets/fonts.css", "assets/mohinh.css")
SCRIPTS = ("assets/a11y.js", "assets/search.js")

# Models from which kits are made in another process while MkDocs works (below, a process costs more).
WORKER_THRESHOLD = 20


def site_url_notice(site_url: str) -> str | None:
    """What the build says once when ``site_url`` is not a real address (None when it is): the site still
    works, but no address that leaves it (canonical, ``og:url``, share links written in the page, the address
    column of the open data, the kit's page line) can be given. Logged at INFO with ``mohinh_notice`` set
    (`mohinh.build` prints it): a site without an address is a valid site, so a strict build goes on."""
    if is_absolute(site_url):
        return None
    said = (f"`site_url: {site_url}` là địa chỉ mẫu, không phải địa chỉ thật" if is_placeholder(site_url)
            else "chưa có `site_url`")
    return (f"Cảnh báo: mkdocs.yml {said}. Trang vẫn dựng đầy đủ, nhưng không ghi địa chỉ đầy đủ nào (thẻ canonical, "
            "og:url, cột địa chỉ của dữ liệu mở, dòng “Trang mô hình” của bộ nhân rộng chỉ ghi đường dẫn; nút chia sẻ "
            "dùng địa chỉ trang đang xem). Cách sửa: ghi địa chỉ công khai của trang vào `site_url` trong mkdocs.yml, "
            "ví dụ `site_url: https://<tên miền của đơn vị>/`.")


class MohinhConfig(base.Config):
    """Options under ``plugins: {mohinh: {...}}`` in ``mkdocs.yml``."""

    drafts = c.Type(bool, default=False)  # include records marked ``draft: true``
    # processes making pages and files beside MkDocs (0: all in MkDocs' process); default: two, one on a single core
    workers = c.Type(int, default=min(2, os.cpu_count() or 1))
    search_shard_pages = c.Type(int, default=SHARD_PAGES)  # model pages per search index
    convert_pages = c.Type(bool, default=True)  # model pages converted to HTML in the workers (`convert`)
    cache = c.Type(bool, default=True)  # cards, kits and converted pages kept for the next build (`mohinh.cache`)


class _Held:
    """Each page's HTML from its conversion until MkDocs writes it, compressed (`convert.pack`), in a temporary file
    beside the build cache (``.mohinh/``; the system's temporary folder if that cannot be written). MkDocs converts
    every page before it writes the first, so a full build holds all of them at once: at 10,000 models, 80 MB of the
    main process if they stayed in memory."""

    def __init__(self, folder: Path) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._file = tempfile.TemporaryFile(dir=folder, prefix="trang-")
        except OSError:
            self._file = tempfile.TemporaryFile(prefix="mohinh-trang-")
        self._where: dict[str, tuple[int, int]] = {}

    def put(self, key: str, html: str) -> None:
        packed = pack(html)
        self._file.seek(0, os.SEEK_END)
        self._where[key] = (self._file.tell(), len(packed))
        self._file.write(packed)

    def pop(self, key: str) -> str | None:
        where = self._where.pop(key, None)
        if where is None:
            return None
        self._file.seek(where[0])
        return unpack(self._file.read(where[1]))

    def close(self) -> None:
        self._file.close()


@dataclass
class _Build:
    """What one build carries from event to event."""

    site: Site
    made: machinery.Made
    generated_pages: set[str] = field(default_factory=set)
    pool: Executor | None = None
    html_blocks: dict[str, list[str]] = field(default_factory=dict)
    handed: dict[str, File] = field(default_factory=dict)  # generated files as MkDocs knows them
    filled: set[str] = field(default_factory=set)  # hand-written pages replaced by their filled copy
    provided: set[str] = field(default_factory=set)  # pages of the package the site does not write (`unit.PROVIDED`)
    converted: dict[str, Converted] = field(default_factory=dict)  # pages converted in a worker, until MkDocs is
    held: _Held | None = None  # a full build's pages, from their conversion until MkDocs writes them
    cache: BuildCache | None = None  # a full build's cache (what it did not use is let go after a good build)


def plugin_error(exc: MohinhError) -> PluginError:
    """A `MohinhError` as MkDocs reports it: every problem of the records on its own line."""
    if isinstance(exc, InvalidRecords):
        return PluginError("Hồ sơ mô hình có lỗi:\n" + "\n".join(str(p) for p in exc.problems))
    return PluginError(str(exc))


def _provide(files: Files, config: MkDocsConfig) -> list[str]:
    """The pages every site has that follow the generator (the contributing guide, the search page), from the
    package, unless the site's ``docs_dir`` writes its own; the paths added."""
    added = []
    for path, source in provided_pages().items():
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, abs_src_path=str(source)))
            added.append(path)
    return added


class MohinhPlugin(BasePlugin[MohinhConfig]):
    """Builds the model pages, listings, open data, feeds, kits, photos and search index from ``models/``."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        #: Records already loaded and checked (``mohinh build`` checks before anything is written).
        self.catalogue: Catalogue | None = None
        #: What ``mkdocs serve`` keeps between rebuilds; None in a one-off build.
        self.preview: Preview | None = None
        self._build: _Build | None = None
        #: ``site_url`` as ``mkdocs.yml`` gives it (MkDocs' own is cleared when it is a placeholder).
        self.site_url = ""
        #: Under ``mkdocs serve``: the script every page loads, with the errors of the last rebuild.
        self._errors_file: File | None = None

    # --- session ---

    def on_startup(self, *, command: str, dirty: bool) -> None:
        if command == "serve" and self.preview is None:
            self.preview = Preview()

    def on_shutdown(self) -> None:
        if self.preview is not None:
            self.preview.close()
            self.preview = None

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        root = _root(config)
        for folder in (root / "models", root / "overrides", THEME):
            if folder.is_dir():
                server.watch(str(folder))
        if (root / federation.FILE).is_file():  # its units are read again when it changes
            server.watch(str(root / federation.FILE))
        if self.preview is not None and self.preview.late_folder is not None:
            server.watch(str(self.preview.late_folder))  # listings made after the edited page (`Preview`)
        return server

    # --- one build ---

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.preview is not None:
            self.preview.pause_collector()  # until the rebuild ends (`on_post_build`, `on_build_error`)
        if self.config.search_shard_pages < 1 or self.config.workers < 0:
            raise PluginError("mohinh: `search_shard_pages` phải từ 1 trở lên và `workers` từ 0 trở lên (mkdocs.yml)")
        self.site_url = config.site_url or ""
        add_theme(config)
        notice = site_url_notice(self.site_url)
        if notice and self.preview is None:  # once a build (`mkdocs serve` gives its own address)
            log.info("%s", notice, extra={"mohinh_notice": True})
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        root = _root(config)
        catalogue, self.catalogue = self.catalogue, None
        try:
            if catalogue is None:
                catalogue = load_catalogue(root, drafts=self.config.drafts,
                                           cache=self.preview.records if self.preview else None)
            for warning in catalogue.warnings:
                log.info("%s", warning)
            for note in catalogue.notes:  # federation.yml: a unit not read, a unit's record left out (always told)
                log.info("%s", note, extra={"mohinh_notice": True})
            settings = config.extra.get("mohinh") or {}
            national = settings.get("national")
            if national and national.get("source") not in catalogue.sources:
                raise MohinhError(f"mkdocs.yml, extra › mohinh › national › source: không có nguồn "
                                  f"`{national.get('source')}` trong models/_sources.yml. Cách sửa: thêm nguồn đó vào "
                                  "models/_sources.yml, hoặc xóa phần `national:`")
            site = Site(catalogue, site_url=self.site_url,
                            memo=self.preview.memo if self.preview else None, docs_dir=Path(config.docs_dir),
                            stale_after_years=int(settings.get("stale_after_years", 3)),
                            national=settings.get("national"), site_name=config.site_name,
                            editor=outputs.settings(settings, config.repo_url).get("editor"))
            registry = outputs.registry()
            site_dir = Path(config.site_dir)
            if self.preview is not None:
                made = self.preview.make(site, registry, site_dir)
                self._build = _Build(site, made)
            else:
                pool = None
                if self.config.workers and len(site.models) >= WORKER_THRESHOLD:
                    pool = ProcessPoolExecutor(self.config.workers)
                cache = BuildCache.of(root) if self.config.cache else None
                self._build = _Build(site, machinery.Made(), pool=pool, cache=cache,  # closed by `on_build_error`
                                     held=_Held(root / LOCAL_DIR))
                project = machinery.Project(root, catalogue.drafts_included, site.site_url, site.docs_dir,
                                          site.build_date, site.stale_after_years, tuple(site.national.items()),
                                          cache)
                made = self._build.made = machinery.make(site, registry, site_dir, pool, project,
                                                         markdown=self._markdown_settings(config))
        except MohinhError as exc:
            if self.preview is None:
                raise plugin_error(exc) from None
            return self._show_errors(files, config, exc)
        generated_pages, filled, handed = self._build.generated_pages, self._build.filled, self._build.handed
        # Files made here first, then those made in another process in the order it makes them (model pages, then
        # the open data and its page...): MkDocs converts pages in this order, so it waits for a page made elsewhere
        # only once every page it already has is converted.
        for path in [*sorted(made.contents), *made.pending]:
            existing = files.get_file_from_path(path)
            if existing is not None:
                if not (existing.abs_src_path and path in made.contents and _has_marker(existing.abs_src_path)):
                    raise PluginError(f"content/{path} trùng với trang được tạo tự động từ models/; đổi tên hoặc xóa tệp đó")
                files.remove(existing)  # a hand-written page with listings: its filled copy takes its place
                filled.add(path)
            if path.endswith(".md"):
                generated_pages.add(path)
            handed[path] = self._hand_over(config, path, made.contents.get(path, b""))
            files.append(handed[path])
        self._build.provided.update(_provide(files, config))
        # The search indexes the browser merges with the first (a large site has several; see outputs.search).
        config.extra["mohinh_search_more"] = search_folders(
            len(site.models), self.config.search_shard_pages)[1:]
        if self.preview is not None:
            self._errors_file = self.preview.hand_over(config, ERRORS_SCRIPT, errors_script([]))
            files.append(self._errors_file)
            self.preview.forget_gone(files)
            self.preview.search_more = config.extra["mohinh_search_more"]
        return files

    def _show_errors(self, files: Files, config: MkDocsConfig, exc: MohinhError) -> Files:
        """``mkdocs serve`` with records in error: said in the terminal, and over every page of the browser; the
        pages of the last good rebuild stay, and MkDocs' live reload goes on, so the page returns once fixed."""
        assert self.preview is not None
        log.error("%s", plugin_error(exc))
        self._build = None
        for file in self.preview.last_pages(config):
            existing = files.get_file_from_path(file.src_uri)
            if existing is not None:  # a hand-written page with listings: its last filled copy stays
                files.remove(existing)
            files.append(file)
        _provide(files, config)
        self._errors_file = self.preview.hand_over(config, ERRORS_SCRIPT, errors_script(error_lines(exc)))
        files.append(self._errors_file)
        self.preview.forget_gone(files)
        config.extra["mohinh_search_more"] = self.preview.search_more
        return files

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        """A page made in another process gets its Markdown before MkDocs reads it. Every page is dated from
        the records, not the clock (the sitemap's ``lastmod``: a model page from its record, any other page
        from the newest record), so two builds of the same records are the same on any day."""
        if self._build is not None and page.file.src_uri in self._build.made.pending:
            try:
                received = self._build.made.receive([page.file.src_uri])
            except MohinhError as exc:
                raise plugin_error(exc) from None
            content = received[page.file.src_uri]
            if isinstance(content, Converted):  # MkDocs reads its front matter, headings and links
                self._build.converted[page.file.src_uri] = content
                content = content.source
            page.file.content_bytes = content
        if self._build is not None and page.file.src_uri in self._build.provided:
            page.edit_url = None  # not a file of the site's repository
        if not is_absolute(self.site_url):
            page.canonical_url = None  # a placeholder's address is written nowhere (MkDocs' sitemap keeps the path)
        if self._build is not None:
            site = self._build.site
            original = site.original_pages.get(page.file.src_uri)
            if original is not None:  # another unit's model: its own page there is the canonical one
                page.canonical_url = original
            updated = site.page_dates.get(page.file.src_uri, site.site_date)
            if updated is not None:
                page.update_date = updated.first_day.isoformat()
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self._build is not None:  # the date in words for the printed page (theme/main.html)
            updated = self._build.site.page_dates.get(page.file.src_uri, self._build.site.site_date)
            if updated is not None:
                page.meta["mohinh_updated"] = updated.display
        if self._build is None or page.file.src_uri not in self._build.generated_pages:
            return markdown
        record = self._build.site.record_paths.get(page.file.src_uri)
        if page.file.src_uri in self._build.filled:  # edited where it is written, in content/
            record = posixpath.join(os.path.relpath(config.docs_dir, _root(config)).replace(os.sep, "/"), page.file.src_uri)
        if record is not None and config.repo_url and config.edit_uri:
            page.edit_url = _edit_url(record, config)
        markdown, blocks = set_aside_html(markdown)
        if blocks:
            self._build.html_blocks[page.file.src_uri] = blocks
        return markdown

    @event_priority(100)  # before any other plugin's: they see the page's whole HTML
    def _on_page_content_whole(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self._build is None:
            return html
        blocks = self._build.html_blocks.pop(page.file.src_uri, None)
        html = html if blocks is None else put_back_html(html, blocks)
        converted = self._build.converted.pop(page.file.src_uri, None)
        return html if converted is None else finish(converted, html)

    @event_priority(-100)  # after every other plugin's
    def _on_page_content_held(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """In a full build, MkDocs keeps every page's HTML from its conversion until all pages are converted,
        then writes them one after another: the plugin keeps it meanwhile (`_Held`, compressed, out of memory)
        and gives it back in ``on_page_context``, before any other plugin and the theme see the page again."""
        if self._build is None or self._build.held is None or html is None:
            return html
        self._build.held.put(page.file.src_uri, html)
        return ""

    on_page_content = CombinedEvent(_on_page_content_whole, _on_page_content_held)

    @event_priority(100)  # before any other plugin's
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        held = self._build.held.pop(page.file.src_uri) if self._build and self._build.held else None
        if held is not None:
            page.content = held
        return context

    @event_priority(-100)  # after every other plugin's
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """A full build lets a page's HTML go once MkDocs has put it in the theme (nothing reads it after). Under
        ``mkdocs serve`` the page is noted for the search index, and loads the preview's errors (shown over it
        when there are any)."""
        if self.preview is None:
            page.content = None
            return output
        self.preview.written(page.file.dest_uri)
        if self._errors_file is None:
            return output
        tag = f'<script src="{self._errors_file.url_relative_to(page.file)}"></script>'
        head, found, tail = output.rpartition("</body>")
        return head + tag + found + tail if found else output + tag

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Before MkDocs copies the static files: the files made in another process are handed over."""
        env.bytecode_cache = THEME_TEMPLATES  # theme templates compiled once a process (a serve session, the tests)
        if self._build is not None:
            try:
                received = self._build.made.receive()
            except MohinhError as exc:
                raise plugin_error(exc) from None
            for path, content in received.items():
                self._fill(self._build.handed[path], content.source if isinstance(content, Converted) else content)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.preview is not None:
            self.preview.resume_collector()
        build, self._build = self._build, None
        if build is None:
            return
        if build.held is not None:  # every page is written
            build.held.close()
        site_dir = Path(config.site_dir)
        try:
            if self.preview is not None:
                written = build.made.written()
                self._close_pool(build)
                self.preview.forget_unwritten(written, site_dir)
                self.preview.after_build(build.site, site_dir, self.config.search_shard_pages)
                return
            # Every page is written: the search index (Pagefind, reading only pages) is made while the workers
            # finish the kits and cards, which write no page.
            with ThreadPoolExecutor(1) as beside:
                after = beside.submit(self._after_pages, build, site_dir)
                build.made.written()  # a job's error first (leaving the with waits for the index)
                self._close_pool(build)
                after.result()
            if build.cache is not None:  # the build ended well: what it did not use goes
                build.cache.prune()
        except MohinhError as exc:
            raise plugin_error(exc) from None

    def _after_pages(self, build: _Build, site_dir: Path) -> None:
        for output in outputs.made(outputs.AFTER_PAGES):
            output.after_pages(build.site, site_dir, self.config.search_shard_pages, None)  # type: ignore[misc]

    def on_build_error(self, *, error: Exception) -> None:
        if self.preview is not None:
            self.preview.resume_collector()
        build, self._build = self._build, None
        if build is not None:
            self._close_pool(build, cancel=True)
            if build.held is not None:
                build.held.close()

    # --- helpers ---

    def _markdown_settings(self, config: MkDocsConfig) -> machinery.MarkdownSettings | None:
        """MkDocs' Markdown extensions and settings for the workers (`convert`); None when the option is off or
        they cannot be sent to another process (an extension given as an object another plugin made)."""
        if not self.config.convert_pages:
            return None
        settings = (list(config.markdown_extensions), dict(config.mdx_configs or {}))
        try:
            pickle.dumps(settings)
        except Exception:  # noqa: BLE001 - any object may refuse
            log.debug("mohinh: trang mô hình do MkDocs chuyển (cài đặt Markdown không gửi được sang tiến trình phụ)")
            return None
        return settings

    def _hand_over(self, config: MkDocsConfig, path: str, content: str | bytes) -> File:
        """A generated page or file for MkDocs: in memory in a full build, through the preview's work
        folder under ``mkdocs serve`` (see `Preview.hand_over`)."""
        if self.preview is not None:
            return self.preview.hand_over(config, path, content)
        return File.generated(config, path, content=content)

    def _fill(self, file: File, content: bytes) -> None:
        """The content of a file registered before it was made (`_hand_over` with empty content)."""
        if file.abs_src_path is not None:
            write_if_changed(Path(file.abs_src_path), content)
        else:
            file.content_bytes = content

    @staticmethod
    def _close_pool(build: _Build, cancel: bool = False) -> None:
        if build.pool is not None:
            build.pool.shutdown(wait=True, cancel_futures=cancel)  # nothing writes into the site after
            build.pool = None


def add_theme(config: MkDocsConfig) -> None:
    """`THEME` as one of the theme's folders (``theme.dirs``, public: MkDocs makes the template loader and the
    list of static files from it after ``on_config``), right after the site's ``custom_dir`` so a unit can still
    override any template; its stylesheets and scripts before the site's own (a file the site already lists is
    not listed twice). Idempotent: ``mkdocs serve`` may load the same config again."""
    dirs = config.theme.dirs
    if str(THEME) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    config.extra_css[:0] = [path for path in STYLESHEETS if path not in config.extra_css]
    listed = {str(script) for script in config.extra_javascript}
    config.extra_javascript[:0] = [path for path in SCRIPTS if path not in listed]


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _has_marker(path: str) -> bool:
    with open(path, encoding="utf-8") as handle:
        return MARKER in handle.read()


def _edit_url(record: str, config: MkDocsConfig) -> str:
    """Edit link of a generated model page: its record ``models/<id>.yml``, not a page in content/."""
    up = os.path.relpath(_root(config), config.docs_dir).replace(os.sep, "/")
    path = posixpath.normpath(posixpath.join(config.edit_uri, up, record))
    return config.repo_url.rstrip("/") + "/" + path
