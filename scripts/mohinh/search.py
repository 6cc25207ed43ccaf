"""The search index: Pagefind (PyPI ``pagefind[bin]`` ships the binary).

Pagefind matches queries with or without Vietnamese accents and loads only the index chunks a query
needs. Model pages carry filters (province today and as reported, topic, community, status, year)
as ``data-pagefind-filter`` attributes written by ``templates/model.md.j2``.

A full build feeds each page to a Pagefind service process (`SearchFeeder`) as soon as MkDocs has
rendered it, so indexing runs on the second core while MkDocs renders the rest; a large site is split
into several indexes (`SHARD_PAGES`), each written as soon as its pages are in. `index_site` does the
same from a folder already written (used by ``mohinh serve`` after a partial rebuild).
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
from pathlib import Path
from typing import IO, Any

from . import pagefind_order
from .errors import MohinhError

EXCLUDED = [".headerlink", ".md-content__button", ".md-source-file", ".mh-no-index"]
BODY_MARK = "data-pagefind-body"


class SearchIndexError(MohinhError):
    """Pagefind could not index the site."""


def pagefind_binary() -> Path:
    """Path of the Pagefind binary installed with the ``pagefind[bin]`` package."""
    try:
        from pagefind.service import _must_get_executable
    except ImportError as exc:  # pragma: no cover - a broken install
        raise SearchIndexError("thiếu gói pagefind: chạy lại `bash run.sh site` để cài đặt") from exc
    return Path(_must_get_executable())


def index_site(site_dir: Path, model_pages: list[str]) -> None:
    """Index again the pages already written in ``site_dir`` (``mohinh serve``, after a partial rebuild),
    as a full build does: the same indexes (`search_folders`), the same memory. ``model_pages`` are the
    model pages in the order of the build (``mo-hinh/<id>/index.html``). The indexes are made in a
    folder beside them and then put in place, so the preview always has a whole index."""
    import shutil

    staging = site_dir / ".pagefind-moi"
    shutil.rmtree(staging, ignore_errors=True)
    folders = search_folders(len(model_pages))
    feeder = SearchFeeder(staging, model_pages)
    try:
        models = set(model_pages)
        others = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
        for dest_uri in [*model_pages, *(uri for uri in others if uri not in models)]:
            if dest_uri.startswith(("pagefind", ".")):
                continue
            try:
                html = (site_dir / dest_uri).read_text(encoding="utf-8")
            except FileNotFoundError:  # a page removed meanwhile
                continue
            feeder.add(dest_uri, html)
        feeder.finish()
    finally:
        feeder.close()
    for folder in sorted({p.name for p in site_dir.glob("pagefind*")} | set(folders)):
        old = site_dir / folder
        if old.exists():
            old.rename(staging / f"{folder}.cu")
        if (staging / folder).exists():
            (staging / folder).rename(old)
    shutil.rmtree(staging, ignore_errors=True)


# Model pages per search index. Pagefind needs about 0.2 MB of memory per page while it writes an index
# (1.1 GB for 5,000 pages in one index), so a large site gets several indexes, written one after another
# as their pages are ready, and the browser merges them (`search_folders`).
SHARD_PAGES = 1500


def search_folders(model_pages: int) -> list[str]:
    """Site folders of the search indexes: ``pagefind`` (also the one the browser loads), then
    ``pagefind-2``... for every further `SHARD_PAGES` model pages."""
    count = max(1, -(-model_pages // SHARD_PAGES))
    return ["pagefind"] + [f"pagefind-{n}" for n in range(2, count + 1)]


class _PagefindService:
    """One Pagefind service (``pagefind --service``) and one index in it.

    Messages are base64 JSON ended by a comma, both ways. A reader thread collects the answers, so
    the build never waits for Pagefind until `wait_written`.
    """

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [str(pagefind_binary()), "--service"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        self._answers: dict[int, dict[str, Any]] = {}
        self._done = threading.Condition()
        self._last = 0
        self._closed = False
        self._written: int | None = None
        self._folder: Path | None = None
        self._unanswered: set[int] = set()
        self.pages = 0
        assert self._process.stdout is not None
        self._reader = threading.Thread(target=self._read, args=(self._process.stdout,), daemon=True)
        self._reader.start()
        config = {"exclude_selectors": EXCLUDED}
        self._index = self._wait(self._send({"type": "NewIndex", "config": config}))["index_id"]

    def _read(self, stream: IO[bytes]) -> None:
        pending: list[bytes] = []  # the message being received (the index's files come as one of ~10 MB)
        while chunk := stream.read1(1 << 16):  # type: ignore[attr-defined]
            *ends, rest = chunk.split(b",")
            for end in ends:
                pending.append(end)
                self._receive(b"".join(pending))
                pending.clear()
            if rest:
                pending.append(rest)
        with self._done:
            self._closed = True
            self._done.notify_all()

    def _receive(self, message: bytes) -> None:
        answer = json.loads(base64.b64decode(message))
        payload, message_id = answer["payload"], answer.get("message_id") or 0
        with self._done:
            self._unanswered.discard(message_id)
            if payload.get("type") in ("Error", "NewIndex", "GetFiles"):  # the others are not read
                self._answers[message_id] = payload
            self._done.notify_all()

    def _send(self, payload: dict[str, Any]) -> int:
        self._last += 1
        with self._done:
            self._unanswered.add(self._last)
        message = json.dumps({"message_id": self._last, "payload": payload}, ensure_ascii=False)
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            self._process.stdin.flush()
        except BrokenPipeError:
            raise SearchIndexError("Pagefind dừng giữa chừng khi lập chỉ mục tìm kiếm") from None
        return self._last

    def _wait(self, message_id: int) -> dict[str, Any]:
        with self._done:
            self._done.wait_for(lambda: message_id in self._answers or self._closed)
            answer = self._answers.get(message_id)
        if answer is None:
            raise SearchIndexError("Pagefind dừng giữa chừng khi lập chỉ mục tìm kiếm")
        return answer

    def add(self, dest_uri: str, html: str) -> None:
        self._send({"type": "AddFile", "index_id": self._index, "file_path": dest_uri, "file_contents": html})
        self.pages += 1

    def write(self, folder: Path) -> None:
        """Ask Pagefind for the index, to be written into ``folder`` by `wait_written`. Pagefind handles
        messages side by side, so the request goes only once every page sent has been indexed: sent
        earlier, it could miss the last pages. The files come back in the answer and Python writes
        them: Pagefind's own ``WriteFiles`` answers before its files are on disk, and when the service
        stops right after, some are left empty."""
        with self._done:
            self._done.wait_for(lambda: not self._unanswered or self._closed)
        self._folder = folder
        self._written = self._send({"type": "GetFiles", "index_id": self._index})

    def wait_written(self) -> None:
        """Wait for `write`, stop the service and write the index; raise `SearchIndexError` if
        Pagefind failed."""
        try:
            assert self._written is not None and self._folder is not None
            answer = self._wait(self._written)
            errors = [a for a in self._answers.values() if a.get("type") == "Error"]
            if errors:
                raise SearchIndexError(f"Pagefind không lập được chỉ mục tìm kiếm: {errors[0].get('message')}")
            if answer.get("type") != "GetFiles":
                raise SearchIndexError(f"Pagefind không trả về chỉ mục tìm kiếm: {answer.get('message')}")
        finally:
            self.close()
        files = {file["path"]: base64.b64decode(file["content"]) for file in answer.pop("files")}
        self._answers.clear()
        try:
            files = pagefind_order.canonical(files)
        except ValueError:  # not the layout Pagefind 1.5 writes: kept as Pagefind made it
            pass
        folder = self._folder.resolve()
        for name in sorted(files):
            path = self._folder / name
            if folder not in path.resolve().parents:
                raise SearchIndexError(f"Pagefind trả về đường dẫn lạ: {name}")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files.pop(name))  # let each file go once written

    def close(self) -> None:
        """Stop the service (also when the build failed)."""
        if self._process.poll() is None:
            assert self._process.stdin is not None
            try:
                self._process.stdin.close()
            except BrokenPipeError:
                pass
            try:
                self._process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


class SearchFeeder:
    """The search indexes of a full build, fed page by page as MkDocs writes them.

    Model page number ``k`` goes to index ``k // SHARD_PAGES``; every other searchable page to the last
    index. An index whose model pages have all arrived is written at once and its service stopped,
    so at most about two run at a time, whatever the size of the site.
    """

    def __init__(self, site_dir: Path, model_pages: list[str]) -> None:
        self._site_dir = site_dir
        self._folders = search_folders(len(model_pages))
        self._shard = {uri: n // SHARD_PAGES for n, uri in enumerate(model_pages)}
        self._services: dict[int, _PagefindService] = {}
        self._writing: list[_PagefindService] = []

    def add(self, dest_uri: str, html: str) -> None:
        """Index one page written to ``dest_uri`` (``mo-hinh/x/index.html``) if it asks to be searched."""
        if BODY_MARK not in html:
            return
        last = len(self._folders) - 1
        shard = self._shard.get(dest_uri, last)
        service = self._services.get(shard)
        if service is None:
            service = self._services[shard] = _PagefindService()
        service.add(dest_uri, html)
        if shard != last and service.pages == SHARD_PAGES:  # every page of this index is in
            self._write(shard)

    def _write(self, shard: int) -> None:
        service = self._services.pop(shard)
        service.write(self._site_dir / self._folders[shard])
        self._writing.append(service)
        if len(self._writing) > 1:  # one index written at a time: the memory of one, not of all
            self._writing.pop(0).wait_written()

    def finish(self) -> None:
        """Write every index not yet written and wait until all are complete on disk."""
        try:
            if not self._services and not self._writing:
                self._services[len(self._folders) - 1] = _PagefindService()  # a site with nothing to search
            for shard in sorted(self._services):
                self._write(shard)
            while self._writing:
                self._writing.pop(0).wait_written()
        finally:
            self.close()

    def close(self) -> None:
        """Stop every service (also when the build failed)."""
        for service in [*self._services.values(), *self._writing]:
            service.close()
        self._services.clear()
        self._writing.clear()
