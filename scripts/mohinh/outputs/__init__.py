"""The registry of what the site is made of besides the hand-written pages: every generated thing is
declared here once, by the function that makes it, and the full build (`mohinh.plugin`) and the
preview (`mohinh.preview`) both go through `make`, so each output has one code path.

An output's ``make(site)`` returns the site paths it makes with their content: Markdown (a path ending
in ``.md``, a page MkDocs converts), bytes (a file MkDocs publishes as it is), or a `Job`: work that
needs neither MkDocs nor the catalogue, a module-level function on plain data that may run in another
process (fork or spawn) while MkDocs works, and makes the files it names; those are written into the
built site once MkDocs is done (a kit's ``checklist.md`` is a download, not a page to convert). An
output with ``after_pages`` works on the folder MkDocs wrote (the search index).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MohinhError
from ..render import Renderer


@dataclass(frozen=True)
class Job:
    """Files made by ``function(*args)`` (which returns them by site path), declared with their ``paths``."""

    paths: tuple[str, ...]
    function: Callable[..., dict[str, bytes]]
    args: tuple[Any, ...]

    def run(self) -> dict[str, bytes]:
        made = self.function(*self.args)
        if sorted(made) != sorted(self.paths):
            raise MohinhError(f"{self.function.__name__} tạo {sorted(made)}, không phải {sorted(self.paths)} "
                              "(lỗi của mohinh, xin báo lại)")
        return made


Content = str | bytes | Job


@dataclass(frozen=True)
class Output:
    """One generated thing of the site; see the module's description."""

    name: str
    make: Callable[[Renderer], Mapping[str, Content]] | None = None
    after_pages: Callable[[Renderer, Path, int], None] | None = None  # (site, site folder, model pages per search index)


def registry() -> tuple[Output, ...]:
    """Every output, in the order they are made."""
    from . import data, feeds, kits, listings, media, pages, search

    return (
        Output("trang mô hình", make=pages.make),
        Output("trang danh sách", make=listings.make),
        Output("dữ liệu mở", make=data.make),
        Output("nguồn tin", make=feeds.make),
        Output("bộ nhân rộng", make=kits.make),
        Output("ảnh", make=media.make),
        Output("chỉ mục tìm kiếm", after_pages=search.make),
    )


@dataclass
class Made:
    """What `make` returns: pages and files for MkDocs (``contents``) and the files of jobs, made or
    still running (``beside``), by site path."""

    contents: dict[str, str | bytes] = field(default_factory=dict)
    beside: dict[str, bytes | Future[dict[str, bytes]]] = field(default_factory=dict)

    def finish(self) -> dict[str, bytes]:
        """Wait for every job; the files they made, by site path."""
        done: dict[str, bytes] = {}
        for path, made in sorted(self.beside.items()):
            done[path] = made if isinstance(made, bytes) else made.result()[path]
        self.beside.clear()
        return done


def _run_all(jobs: list[Job]) -> list[dict[str, bytes]]:
    return [job.run() for job in jobs]


def make(site: Renderer, outputs: Iterable[Output], pool: Executor | None = None, chunk: int = 50) -> Made:
    """Make ``outputs`` for ``site``. Jobs go to ``pool`` in chunks when one is given (`Made.pending`),
    otherwise they run here; under ``mohinh serve`` (``site.memo``) a job equal to one made before is
    not run again."""
    made = Made()
    jobs: dict[Job, None] = {}
    seen: set[str] = set()
    for output in outputs:
        if output.make is None:
            continue
        for path, content in output.make(site).items():
            if path in seen:
                raise MohinhError(f"hai phần của trang cùng tạo {path} (lỗi của mohinh, xin báo lại)")
            seen.add(path)
            if isinstance(content, Job):
                jobs.setdefault(content)
            else:
                made.contents[path] = content
    todo = []
    for job in jobs:
        known = site.memo.last(("job", job)) if site.memo.keep else None
        if known is not None:
            site.memo.put(("job", job), None, known)
            made.beside.update(known)
        else:
            todo.append(job)
    if pool is None or not todo:
        for job in todo:
            files = job.run()
            site.memo.put(("job", job), None, files)
            made.beside.update(files)
        return made
    for start in range(0, len(todo), chunk):
        part = todo[start:start + chunk]
        future = pool.submit(_run_all, part)
        for n, job in enumerate(part):
            job_future: Future[dict[str, bytes]] = Future()
            future.add_done_callback(_pick(n, job_future))
            for path in job.paths:
                made.beside[path] = job_future
    return made


def _pick(n: int, target: Future[dict[str, bytes]]) -> Callable[[Future[list[dict[str, bytes]]]], None]:
    def done(future: Future[list[dict[str, bytes]]]) -> None:
        error = future.exception()
        if error is not None:
            target.set_exception(error)
        else:
            target.set_result(future.result()[n])

    return done
