"""`mohinh serve`: an officer edits a record and the preview shows it, without a full rebuild.

The server is started as an officer starts it (a subprocess in the project folder); the test edits
records on disk and reads the pages it serves.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import BAC_KAN, REPO, Project

PAGE = "mo-hinh/bac-kan-ho-an-toan/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _wait_for(check, what: str, timeout: float = 60) -> None:  # noqa: ANN001 - a predicate
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.25)
    raise AssertionError(f"the preview never showed {what}")


class Served:
    def __init__(self, project: Project, process: subprocess.Popen[str], url: str, log: Path) -> None:
        self.project, self.process, self.url, self.log = project, process, url, log

    def page(self, path: str) -> tuple[int, str]:
        return _get(self.url + path)

    def shows(self, path: str, text: str) -> bool:
        status, body = self.page(path)
        return status == 200 and text in body

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@pytest.fixture
def served(project: Project, tmp_path: Path) -> Iterator[Served]:
    port = _free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(REPO / "scripts"))
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mohinh.cli", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project.root, env=env, stdout=out, stderr=subprocess.STDOUT, text=True,
        )
    server = Served(project, process, f"http://127.0.0.1:{port}/", log)
    try:
        _wait_for(lambda: server.shows(PAGE, "Hộ an toàn"), "the first build", timeout=120)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def test_editing_a_record_updates_its_page_and_every_listing(served: Served) -> None:
    served.project.record("bac-kan-ho-an-toan", BAC_KAN.replace("Mô hình tự quản trong đó", "Bản sửa thử: mô hình trong đó"))
    _wait_for(lambda: served.shows(PAGE, "Bản sửa thử"), "the edited summary on the model page")
    _wait_for(lambda: served.shows("mo-hinh/", "Bản sửa thử"), "the edited summary in the catalogue")
    _wait_for(lambda: served.shows("chu-de/hoa-giai-co-so/", "Bản sửa thử"), "the edited summary on its topic's page")
    _wait_for(lambda: served.shows("dia-phuong/thai-nguyen/", "Bản sửa thử"), "the edited summary on its province's page")
    # Open data follows shortly after the page (it is refreshed once the page has reloaded).
    _wait_for(lambda: served.shows("du-lieu/mo-hinh.json", "Bản sửa thử"), "the edit in the open data")


def test_a_new_record_gets_a_page_and_a_removed_one_loses_it(served: Served) -> None:
    served.project.record("bac-kan-ban-sao", BAC_KAN.replace("Hộ an toàn - Thôn", "Bản sao an toàn - Thôn"))
    _wait_for(lambda: served.shows("mo-hinh/bac-kan-ban-sao/", "Bản sao an toàn"), "the new model's page")
    (served.project.root / "models" / "bac-kan-ban-sao.yml").unlink()
    _wait_for(lambda: served.page("mo-hinh/bac-kan-ban-sao/")[0] == 404, "the removed model's page gone")
    _wait_for(lambda: not served.shows("mo-hinh/", "Bản sao an toàn"), "the removed model gone from the catalogue")


def test_a_broken_edit_is_reported_and_the_preview_recovers(served: Served) -> None:
    served.project.record("bac-kan-ho-an-toan", BAC_KAN.replace("status: replicating", "status: dang-chay"))
    _wait_for(lambda: "models/bac-kan-ho-an-toan.yml" in served.output(), "the error in the terminal")
    assert "Traceback" not in served.output()
    assert served.process.poll() is None, "the preview server must keep running after a bad edit"
    served.project.record("bac-kan-ho-an-toan", BAC_KAN.replace("Hộ an toàn - Thôn", "Hộ an toàn đã sửa - Thôn"))
    _wait_for(lambda: served.shows(PAGE, "Hộ an toàn đã sửa"), "the page after the record was fixed")


def test_the_preview_is_searchable(served: Served) -> None:
    _wait_for(lambda: served.page("pagefind/pagefind.js")[0] == 200, "the search index")
    status, entry = served.page("pagefind/pagefind-entry.json")
    assert status == 200 and json.loads(entry)["languages"]["vi"]["page_count"] >= 2  # the model pages, and more


@pytest.mark.browser
def test_a_broken_record_shows_its_errors_in_the_browser_until_it_is_fixed(served: Served, browser) -> None:  # noqa: ANN001
    """The officer keeps the model's page open, saves a record with mistakes: the page shows what
    `mohinh check` says (file, line, fix); once the record is fixed, the page returns, edited."""
    from playwright.sync_api import expect

    page = browser.new_page()
    try:
        page.goto(served.url + PAGE)
        heading = page.get_by_role("heading", level=1)
        expect(heading).to_contain_text("Hộ an toàn")
        panel = page.locator("#mohinh-loi-xem-truoc")
        expect(panel).to_have_count(0)
        served.project.record("bac-kan-ho-an-toan", BAC_KAN.replace("status: replicating", "status: dang-chay")
                              .replace("value: 76303", "value: 76.303"))
        expect(panel).to_be_visible(timeout=60_000)  # MkDocs' live reload reloaded the page, the panel is over it
        checked = subprocess.run([sys.executable, "-m", "mohinh.cli", "check"], cwd=served.project.root,
                                 capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(REPO / "scripts")))
        said = [line for line in checked.stdout.splitlines() + checked.stderr.splitlines()
                if line.startswith("models/bac-kan-ho-an-toan.yml:")]
        assert checked.returncode == 1 and len(said) == 2, checked.stdout + checked.stderr
        shown = " ".join(panel.inner_text().split())
        for line in said:  # the very messages of `mohinh check`, with file, line and fix
            assert " ".join(line.split()) in shown
        assert "Cách sửa" in shown and "76303" in shown
        assert served.process.poll() is None, "the preview server must keep running after a bad edit"
        served.project.record("bac-kan-ho-an-toan", BAC_KAN.replace("Hộ an toàn - Thôn", "Hộ an toàn đã sửa - Thôn"))
        expect(heading).to_contain_text("Hộ an toàn đã sửa", timeout=60_000)
        expect(panel).to_have_count(0)
    finally:
        page.close()
