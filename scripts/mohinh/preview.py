"""``mohinh serve``: MkDocs' own ``serve --dirty`` with the plugin, and what it keeps between rebuilds.

How the preview differs from a full build:

- One `Preview` lives on the plugin for the whole session: records unchanged on disk are not parsed
  again (`RecordCache`), pages, cards and kits whose inputs did not change are not made again (`Memo`),
  and templates are compiled once (`templating.THEME_TEMPLATES`).
- Generated pages are written into the plugin's work folder only when they changed, so MkDocs' dirty
  rebuild (which compares file dates) converts only the pages an edit touched.
- Outputs made `LATE` (listings, type pages, hand-written pages with listings, open data, feeds) are served
  from the last rebuild at first, so a rebuild converts only the edited record's page and the officer sees it
  first; they are made again right after the page has reloaded, in the background. Their pages are written into
  a folder MkDocs' server watches (`late_folder`, `MohinhPlugin.on_serve`): when one changed, the server
  rebuilds those pages a moment later (`follow_up`); when none did, the search index is made again.
- Python's cycle collector is paused while a rebuild runs (`pause_collector`, from the first event of a rebuild to its
  last): at 5,000 models a full collection walks every record, page and file MkDocs and the plugin hold and takes most
  of a second, and a rebuild would start one or two. The background work collects once it is done, while the officer
  reads the page, so the memory of the last rebuild is given back before the next.
- Records with errors do not stop the server: the rebuild keeps the last good pages and every page shows the
  errors, as ``mohinh check`` words them, over it (`ERRORS_SCRIPT`, loaded by every page of the preview); the
  overlay goes once the records are fixed (MkDocs' live reload reloads the page after each rebuild).
"""

from __future__ import annotations

import gc
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .catalogue import RecordCache
from .errors import InvalidRecords, MohinhError
from .memo import Memo
from .outputs import AFTER_PAGES, LATE, made
from .outputs.base import Made, Output, make
from .paths import write_if_changed
from .render import Site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.plugins.mohinh")

DRAFTS_CONFIG = ".mohinh-nhap.yml"  # `mohinh serve --drafts`: mkdocs.yml with drafts on (see `serve`)
ERRORS_SCRIPT = "xem-truoc/loi.js"  # the preview's errors, shown over every page (templates/preview-errors.js)


def error_lines(exc: MohinhError) -> list[str]:
    """What the preview shows of an error: each problem of the records as ``mohinh check`` prints it."""
    if isinstance(exc, InvalidRecords):
        return [str(problem) for problem in exc.problems if not problem.warning]
    return [str(exc)]


def errors_script(lines: list[str]) -> str:
    """`ERRORS_SCRIPT`: the errors of the last rebuild (none when the records are valid) and the overlay that shows them."""
    from importlib import resources

    code = resources.files("mohinh").joinpath("templates", "preview-errors.js").read_text(encoding="utf-8")
    return "window.mohinhPreviewErrors = " + json.dumps(lines, ensure_ascii=False) + ";\n" + code


class Preview:
    """What ``mkdocs serve`` keeps from one rebuild to the next (one per session)."""

    def __init__(self) -> None:
        self.memo = Memo()
        self.records = RecordCache()
        self._late: dict[str, str | bytes] = {}
        self._dests: dict[str, str] = {}  # generated file -> where it was written in the site, last rebuild
        self._handed: dict[Path, str | bytes] = {}  # what `hand_over` last wrote, by file of the work folders
        self._written: set[str] = set()  # files jobs wrote into the site (kits), last rebuild
        self._background: threading.Thread | None = None
        self._work_folder: Path | None = None
        self.search_more: list[str] = []  # `extra.mohinh_search_more` of the last good rebuild
        #: Where the pages of `LATE` outputs are written, watched by MkDocs' server (made with the first page).
        self.late_folder: Path | None = None
        #: The last background work changed pages: MkDocs' server rebuilds them (it watches `late_folder`).
        self.follow_up = False
        self._unindexed: set[str] = set()  # pages written since the search index was last made
        self._indexed: tuple[str, ...] | None = None  # the models it was made for, in order (None: none yet)

    @staticmethod
    def pause_collector() -> None:
        """A rebuild starts: no cycle collection until it ends (`resume_collector`). Only the preview switches the
        collector during a session; its background work (which may still run) only ever collects."""
        gc.disable()

    @staticmethod
    def resume_collector() -> None:
        """The rebuild ended, well or not: the collector runs again."""
        gc.enable()

    def make(self, site: Site, registry: Iterable[Output], site_dir: Path) -> Made:
        """`outputs.make` for a rebuild: open data and feeds of the last rebuild for now (made at once the
        first time), every other output made again where its inputs changed."""
        self.wait()
        registry = list(registry)
        early = [output for output in registry if output.when != LATE]
        now = make(site, early, site_dir)
        if not self._late:
            self._late = make(site, [output for output in registry if output.when == LATE], site_dir).contents
        now.contents.update(self._late)
        self.memo.sweep()
        return now

    def hand_over(self, config: MkDocsConfig, path: str, content: str | bytes) -> File:
        """A generated page or file for MkDocs, through the session's work folder: written only when it
        changed, so the dirty rebuild (which compares file dates) converts and copies only what an edit
        touched."""
        from mkdocs.structure.files import File

        if self._work_folder is None:
            self._work_folder = Path(tempfile.mkdtemp(prefix="mohinh-"))
            self.late_folder = Path(tempfile.mkdtemp(prefix="mohinh-sau-"))
        target = (self.late_folder if path in self._late and path.endswith(".md") else self._work_folder) / path
        if self._handed.get(target) != content:  # what this session last wrote there, compared in memory
            write_if_changed(target, content)
            self._handed[target] = content
        return File.generated(config, path, abs_src_path=str(target))

    def last_pages(self, config: MkDocsConfig) -> list[File]:
        """The generated pages and files of the last good rebuild, as they are (records with errors: the
        preview keeps showing them; unchanged on disk, the dirty rebuild converts none of them again)."""
        from mkdocs.structure.files import File

        if self._work_folder is None:
            return []
        return [File.generated(config, path, abs_src_path=str(self._work_folder / path))
                for path in sorted(self._dests) if path != ERRORS_SCRIPT and (self._work_folder / path).is_file()]

    def forget_gone(self, files: Iterable) -> None:  # noqa: ANN001 - MkDocs' Files
        """Remove from the served site what the last rebuild generated and this one does not (a removed model)."""
        now = {file.src_uri: file.abs_dest_path for file in files if file.generated_by}
        for src_uri in self._dests.keys() - now.keys():
            Path(self._dests[src_uri]).unlink(missing_ok=True)
            self._indexed = None  # a page gone: every index made again
        self._dests = now

    def written(self, page: str) -> None:
        """MkDocs wrote ``page`` (its path in the site): the search index is made again where it is."""
        self._unindexed.add(page)

    def forget_unwritten(self, written: list[str], site_dir: Path) -> None:
        """Remove from the served site the files jobs wrote last rebuild and not this one (a removed kit)."""
        for path in self._written - set(written):
            (site_dir / path).unlink(missing_ok=True)
        self._written = set(written)

    def after_build(self, site: Site, site_dir: Path, shard: int) -> None:
        """Once MkDocs has written the rebuild: open data and feeds, then the search index, in the background."""
        late, after = made(LATE), made(AFTER_PAGES)

        def work() -> None:
            try:
                contents = make(site, late, site_dir).contents
                changed = False
                for path, content in contents.items():
                    if not path.endswith(".md"):
                        write_if_changed(site_dir / path, content)
                    elif self.late_folder is not None:  # a page (never its Markdown in the site): MkDocs converts it
                        changed = write_if_changed(self.late_folder / path, content) or changed
                        self._handed[self.late_folder / path] = content
                self._late = contents
                self.follow_up = changed
                if changed:  # MkDocs' server rebuilds the pages, then this runs again and indexes them
                    return
                models = tuple(view.id for view in site.models)
                changed = set(self._unindexed) if models == self._indexed else None  # None: every index
                for output in after:
                    output.after_pages(site, site_dir, shard, changed)  # type: ignore[misc]
                self._unindexed -= changed or self._unindexed
                self._indexed = models
            except (MohinhError, OSError) as exc:
                log.warning("%s", exc)
            finally:
                gc.collect()  # what the rebuild left, while the officer reads (`pause_collector`)

        self._background = threading.Thread(target=work, daemon=True)
        self._background.start()

    def wait(self) -> bool:
        """Wait for the last rebuild's background work (listings, open data, feeds, search index); whether it
        changed pages MkDocs' server will rebuild (`follow_up`)."""
        if self._background is not None:
            self._background.join()
            self._background = None
        return self.follow_up

    def close(self) -> None:
        """End of the session: background work finished, the work folder removed."""
        self.wait()
        for folder in (self._work_folder, self.late_folder):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
        self._work_folder = self.late_folder = None


def serve(root: Path, *, drafts: bool, dev_addr: str) -> int:
    """Run ``mkdocs serve --dirty`` (MkDocs' command line) for the project at ``root``; its exit status.

    With ``drafts``, MkDocs reads `DRAFTS_CONFIG`, a file beside ``mkdocs.yml`` that inherits it
    (MkDocs' ``INHERIT``) and turns the plugin's ``drafts`` option on; it is removed afterwards.
    """
    config = root / "mkdocs.yml"
    if drafts:
        config = root / DRAFTS_CONFIG
        config.write_text("# Tạo bởi `mohinh serve --drafts`; xóa được.\nINHERIT: mkdocs.yml\n"
                          "plugins:\n  mohinh:\n    drafts: true\n", encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a", dev_addr, "-f", str(config)]
    process = subprocess.Popen(command, cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    # Stopping `mohinh serve` stops MkDocs' server (Ctrl-C reaches both; a SIGTERM is passed on).
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: process.send_signal(signum))
    try:
        while True:
            try:
                return process.wait()
            except KeyboardInterrupt:
                continue  # MkDocs got it too and is shutting down
    finally:
        signal.signal(signal.SIGTERM, previous)
        if process.poll() is None:
            process.kill()
        if drafts:
            config.unlink(missing_ok=True)
