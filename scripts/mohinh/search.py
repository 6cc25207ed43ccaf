"""The search index: Pagefind (PyPI ``pagefind[bin]`` ships the binary).

Pagefind matches queries with or without Vietnamese accents and loads only the index chunks a query
needs. Model pages carry filters (province today and as reported, topic, community, status, year)
as ``data-pagefind-filter`` attributes written by ``templates/model.md.j2``.

A full build feeds each page to a Pagefind service process (`SearchFeeder`) as soon as MkDocs has
rendered it, so indexing runs on the second core while MkDocs renders the rest; only writing the
bundle is left for the end. `index_site` runs the Pagefind command on a folder already written
(used by ``mohinh serve`` after a partial rebuild).
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .errors import MohinhError

if TYPE_CHECKING:
    from .site import BuildState

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


def index_site(state: BuildState | None, site_dir: Path) -> None:
    """Write ``site_dir/pagefind/``: the search index of every page marked ``data-pagefind-body``."""
    command = [str(pagefind_binary()), "--site", str(site_dir), "--silent"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind không lập được chỉ mục tìm kiếm: {result.stderr.strip() or result.stdout.strip()}")


class SearchFeeder:
    """A Pagefind service (``pagefind --service``) fed page by page during the build.

    Messages are base64 JSON ended by a comma, both ways. A reader thread collects the answers, so
    the build never waits for Pagefind until `finish`.
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
        assert self._process.stdout is not None
        self._reader = threading.Thread(target=self._read, args=(self._process.stdout,), daemon=True)
        self._reader.start()
        config = {"exclude_selectors": EXCLUDED}
        self._index = self._wait(self._send({"type": "NewIndex", "config": config}))["index_id"]
        self._pages = 0

    def _read(self, stream: IO[bytes]) -> None:
        buffer = b""
        while chunk := stream.read1(1 << 16):  # type: ignore[attr-defined]
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for message in messages:
                answer = json.loads(base64.b64decode(message))
                with self._done:
                    self._answers[answer.get("message_id") or 0] = answer["payload"]
                    self._done.notify_all()
        with self._done:
            self._closed = True
            self._done.notify_all()

    def _send(self, payload: dict[str, Any]) -> int:
        self._last += 1
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
        """Index one page written to ``dest_uri`` (``mo-hinh/x/index.html``) if it asks to be searched."""
        if BODY_MARK in html:
            self._send({"type": "AddFile", "index_id": self._index, "file_path": dest_uri, "file_contents": html})
            self._pages += 1

    def finish(self, site_dir: Path) -> None:
        """Write the bundle to ``site_dir/pagefind/`` once every page sent has been indexed.

        The files are asked for (``GetFiles``) and written here, so they are complete when the build ends.
        """
        try:
            self._wait(self._last)
            errors = [a for a in self._answers.values() if a.get("type") == "Error"]
            if errors:
                raise SearchIndexError(f"Pagefind không lập được chỉ mục tìm kiếm: {errors[0].get('message')}")
            answer = self._wait(self._send({"type": "GetFiles", "index_id": self._index}))
            if answer.get("type") != "GetFiles":
                raise SearchIndexError(f"Pagefind không ghi được chỉ mục tìm kiếm: {answer.get('message')}")
            bundle = site_dir / "pagefind"
            for made in sorted(answer["files"], key=lambda f: f["path"]):
                target = bundle / made["path"]
                if bundle.resolve() not in target.resolve().parents:
                    raise SearchIndexError(f"Pagefind trả về đường dẫn lạ: {made['path']}")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(base64.b64decode(made["content"]))
        finally:
            self.close()

    def close(self) -> None:
        """Stop the service (also when the build failed)."""
        if self._process.poll() is None:
            assert self._process.stdin is not None
            try:
                self._process.stdin.close()
            except BrokenPipeError:
                pass
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
