"""The output machinery, below every output: `Output` (what an output declares), `Job` (files made on plain
data, in any process), `Project` (what another process needs to make the same site), and `make`, which runs
the outputs given by the registry (`mohinh.outputs`) for a full build and for the preview alike.

An output's ``make(site)`` returns the site paths it makes with their content:

- Markdown (a path ending in ``.md``): a page MkDocs converts;
- bytes: a file MkDocs publishes as it is;
- a `Job`: files that need neither MkDocs nor the catalogue (a module-level function on plain data, so
  it may run in another process, fork or spawn alike), written straight into the site folder; MkDocs
  does not handle them (a kit's ``checklist.md`` is a download, not a page to convert).

An output that also declares its ``paths`` may be made whole in another process from the same records
(`Project`) while MkDocs works; MkDocs still publishes its files. An output with ``after_pages`` works on
the folder MkDocs wrote (the search index).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cache import BuildCache
from ..convert import Converted, Converter
from ..errors import MohinhError
from ..memo import Memo
from ..paths import write_if_changed
from ..render import Site


@dataclass(frozen=True)
class Job:
    """Files made by ``function(*args)`` (which returns them by site path), declared with their ``paths``."""

    paths: tuple[str, ...]
    function: Callable[..., dict[str, bytes]]
    args: tuple[Any, ...]

    def run(self, folder: Path, cache: BuildCache | None = None) -> tuple[str, ...]:
        """Make the files (or take them from the build ``cache``) and write them into ``folder`` (the site);
        their paths."""
        key = made = None
        if cache is not None:  # the function's name and its plain data: equal data, equal text
            key = cache.key("job", f"{self.function.__module__}.{self.function.__qualname__}", repr(self.paths),
                            repr(self.args))
            made = cache.get_files(key)
        if made is None:
            made = self.function(*self.args)
            if key is not None:
                cache.put_files(key, made)  # type: ignore[union-attr]
        _as_declared(self.function.__name__, made, self.paths)
        for path, content in made.items():
            write_if_changed(folder / path, content)
        return self.paths


def _as_declared(what: str, made: Mapping[str, object], declared: Iterable[str]) -> None:
    """An output made elsewhere must make exactly the files it declared (MkDocs was told of them before)."""
    if sorted(made) != sorted(declared):
        raise MohinhError(f"{what} tạo {sorted(made)}, không phải {sorted(declared)} (lỗi của mohinh, xin báo lại)")


Content = str | bytes | Job


#: When an output is made (`Output.when`):
FIRST = "first"  # in every build and rebuild, before MkDocs converts the pages
LATE = "late"  # like FIRST in a full build; in the preview served from the last rebuild, then made again
#                after the page has reloaded (open data, feeds: every model is in them, no page needs them)
AFTER_PAGES = "after-pages"  # on the folder MkDocs wrote (``after_pages``); in the preview, after the reload
WHEN = (FIRST, LATE, AFTER_PAGES)


@dataclass(frozen=True)
class Output:
    """One generated thing of the site, declared once in the registry (`mohinh.outputs.registry`).

    ``key`` names it in code and never changes (``"data"``, ``"feeds"``...); ``label`` names it for people
    (messages); ``when`` says when it is made (`WHEN`). ``settings``, when given, checks the output's part of
    ``extra.mohinh`` in ``mkdocs.yml`` (under ``key``) and returns what `Site` keeps of it."""

    key: str
    label: str
    make: Callable[[Site], Mapping[str, Content]] | None = None
    paths: Callable[[Site], list[str]] | None = None
    part: Callable[[Site, Sequence[str]], Mapping[str, Content]] | None = None  # only these of its paths
    # (site, site folder, model pages per index, pages written since it last ran or None for all)
    after_pages: Callable[[Site, Path, int, Any], None] | None = None
    when: str = FIRST
    settings: Callable[[Any, str | None], Any] | None = None  # (extra.mohinh.<key>, repo_url) -> settings

    def __post_init__(self) -> None:
        if self.when not in WHEN or (self.when == AFTER_PAGES) != (self.after_pages is not None):
            raise ValueError(f"{self.key}: `when` is one of {WHEN}, {AFTER_PAGES} exactly for `after_pages`")


@dataclass
class Made:
    """What `make` returns: pages and files for MkDocs (``contents``), files for MkDocs still being made
    elsewhere (``pending``), and the jobs writing into the site folder (``writing``)."""

    contents: dict[str, str | bytes] = field(default_factory=dict)
    pending: dict[str, Future[dict[str, bytes | Converted]]] = field(default_factory=dict)
    writing: list[Future[list[tuple[str, ...]]] | tuple[str, ...]] = field(default_factory=list)

    def receive(self, paths: Iterable[str] | None = None) -> dict[str, bytes | Converted]:
        """Wait for the files made elsewhere (those of ``paths``, or all); them, by site path (a page converted
        there is a `Converted`). A part made elsewhere is let go once all its files are received."""
        wanted = sorted(self.pending) if paths is None else [p for p in paths if p in self.pending]
        done = {path: self.pending.pop(path).result()[path] for path in wanted}
        return done

    def written(self) -> list[str]:
        """Wait for the jobs; the paths they wrote into the site folder."""
        paths: list[str] = []
        for part in self.writing:
            if isinstance(part, tuple):
                paths += part
            else:
                paths += [path for job_paths in part.result() for path in job_paths]
        self.writing.clear()
        return paths


@dataclass(frozen=True)
class Project:
    """What another process needs to make the same site again: where the records are and the build's
    settings, as plain data (it works with the fork and the spawn start methods alike)."""

    root: Path
    drafts: bool
    site_url: str
    docs_dir: Path | None
    build_date: dt.date
    stale_after_years: int
    national: tuple[tuple[str, Any], ...] = ()
    cache: BuildCache | None = None  # where the workers keep and find cards, kits and converted pages

    def site(self) -> Site:
        from ..catalogue import collector_paused, load_catalogue

        with collector_paused():  # in a worker process, before its work starts; the units of federation.yml
            #                       as the main process read them (its copies in .federation-cache/)
            catalogue = load_catalogue(self.root, drafts=self.drafts, parallel=False, units="cache")
        return Site(catalogue, site_url=self.site_url, docs_dir=self.docs_dir, today=self.build_date,
                        stale_after_years=self.stale_after_years, national=dict(self.national))


_WORKER_SITES = Memo()  # in a worker process (it lives for one build): the project's site, loaded once


def _site_of(project: Project) -> Site:
    """In a worker process: the project's site, loaded once for all the outputs that process makes."""
    return _WORKER_SITES.get(("site",), project, project.site)


@contextmanager
def _workers_inherit(project: Project | None, site: Site) -> Iterator[None]:
    """While the pool starts its workers (with a ``project``; nothing to do without): the main process's
    ``site`` is in `_WORKER_SITES`, so a worker forked from it (the default start method on Linux) does not read
    the records again (one started otherwise, spawn or forkserver, loads the site itself), and the objects made
    so far are frozen (`gc.freeze`), so a worker's collector never walks, and so never copies, the memory it
    shares with this process. Afterwards this process holds no extra reference, and its collector sees all."""
    global _WORKER_SITES
    if project is None:
        yield
        return
    _WORKER_SITES.put(("site",), project, site)
    gc.freeze()
    try:
        yield
    finally:
        _WORKER_SITES = Memo()
        gc.unfreeze()


#: What a worker needs to convert pages as MkDocs would: ``markdown_extensions`` and ``mdx_configs``.
MarkdownSettings = tuple[list[Any], dict[str, Any]]


def _make_elsewhere(project: Project, outputs: tuple[Output, ...], wanted: tuple[str, ...] | None = None,
                    markdown: MarkdownSettings | None = None) -> dict[str, bytes | Converted]:
    """In another process: ``outputs`` made from the project's records (only the ``wanted`` paths of an
    output with a ``part``), checked against their paths; with ``markdown``, pages converted to HTML
    (`convert`)."""
    site = _site_of(project)
    converter = Converter(*markdown, cache=project.cache) if markdown is not None else None
    files: dict[str, bytes | Converted] = {}
    for output in outputs:
        if wanted is not None and output.part is not None:
            made, declared = dict(output.part(site, wanted)), list(wanted)
        elif output.make is not None and output.paths is not None:
            made, declared = dict(output.make(site)), output.paths(site)
        else:
            continue
        _as_declared(output.label, made, declared)
        for path, content in made.items():
            if isinstance(content, Job):
                continue
            converted = converter.convert(content) if converter and isinstance(content, str) and \
                path.endswith(".md") else None
            files[path] = converted or (content.encode("utf-8") if isinstance(content, str) else content)
    return files


def _run_all(jobs: list[Job], folder: Path, cache: BuildCache | None = None) -> list[tuple[str, ...]]:
    return [job.run(folder, cache) for job in jobs]


def make(site: Site, outputs: Iterable[Output], folder: Path, pool: Executor | None = None,
         project: Project | None = None, chunk: int = 50, markdown: MarkdownSettings | None = None,
         pages: int = 20) -> Made:
    """Make ``outputs`` for ``site``; jobs write into ``folder`` (the site). With a ``pool``, outputs that
    declare their paths are made whole in it from ``project`` (an output with a ``part``: ``pages`` paths a
    task, so MkDocs gets the first while the rest are made; with ``markdown`` its pages are converted there),
    and jobs run in it in chunks while MkDocs works; otherwise all runs here. Under ``mohinh serve``
    (``site.memo``) a job equal to one already written is not run again; with the ``project``'s build cache
    (`mohinh.cache`), jobs and converted pages made by an earlier build are taken from it."""
    made = Made()
    jobs: dict[Job, None] = {}
    seen: set[str] = set()

    def claim(path: str) -> None:
        if path in seen:
            raise MohinhError(f"hai phần của trang cùng tạo {path} (lỗi của mohinh, xin báo lại)")
        seen.add(path)

    outputs = list(outputs)
    elsewhere = [o for o in outputs if pool is not None and project is not None and o.paths and o.make]
    # Pages first, a few a task, in the order MkDocs reads them (generated pages come sorted by path); then the
    # other outputs made elsewhere, one task each, in registry order.
    shares = sorted((path, n) for n, output in enumerate(elsewhere) if output.part is not None
                    for path in output.paths(site))  # type: ignore[misc]
    with _workers_inherit(project if elsewhere else None, site):  # the pool starts its workers at the first task
        while shares:
            n = shares[0][1]
            count = next((k for k, (_, m) in enumerate(shares[:pages]) if m != n), min(pages, len(shares)))
            part, shares = tuple(path for path, _ in shares[:count]), shares[count:]
            future = pool.submit(_make_elsewhere, project, (elsewhere[n],), part, markdown)  # type: ignore[union-attr]
            for path in part:
                claim(path)
                made.pending[path] = future
        for output in elsewhere:
            if output.part is None:
                assert pool is not None
                future = pool.submit(_make_elsewhere, project, (output,))
                for path in output.paths(site):  # type: ignore[misc]
                    claim(path)
                    made.pending[path] = future
    for output in outputs:
        if output.make is None or output in elsewhere:
            continue
        for path, content in output.make(site).items():
            claim(path)
            if isinstance(content, Job):
                jobs.setdefault(content)
            else:
                made.contents[path] = content
    todo = []
    for job in jobs:
        if site.memo.last(("job", job)) == str(folder):
            site.memo.put(("job", job), None, str(folder))  # written there before, unchanged
            made.writing.append(job.paths)
        else:
            todo.append(job)
    cache = project.cache if project is not None else None
    if pool is None or not todo:
        for job in todo:
            made.writing.append(job.run(folder, cache))
            site.memo.put(("job", job), None, str(folder))
        return made
    for start in range(0, len(todo), chunk):
        made.writing.append(pool.submit(_run_all, todo[start:start + chunk], folder, cache))
    return made
