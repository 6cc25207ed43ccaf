"""The web editor at /quan-tri/ (Decap CMS) driven in Debian's Chromium against a local git repository,
through Decap's own local proxy (``decap-server``, npm, installed in tests/cms by ``bash run.sh test``) in
its git mode, with the editorial workflow on: every save is a branch ``cms/mo-hinh/<mã>``, as a merge
request would be on the git host.

An officer creates a model through the form, typing Vietnamese; the branch holds a record that `mohinh
check` accepts with no warning and the built site shows with the place "nay thuộc" today's province. Then
an existing model's summary is edited: the record changes in that field only, as data. Then the form
refuses ``878.000.000`` and ``31/02/2020`` in Vietnamese.

The screenshots in scripts/mohinh/theme/assets/quan-tri/ (used by the contributing page) are taken here from the real
editor; they are rewritten only when asked: ``MOHINH_UPDATE_SCREENSHOTS=1``.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SOURCES, StaticServer, make_project, search_fragments
from mohinh.build import build_site
from mohinh.catalogue import load_catalogue
from mohinh.outputs import editor as editor_output
from mohinh.render import Site

pytestmark = pytest.mark.browser

DECAP_SERVER = REPO / "tests" / "cms" / "node_modules" / "decap-server" / "dist" / "index.js"
SHOTS = REPO / "scripts" / "mohinh" / "theme" / "assets" / "quan-tri"
UPDATE_SHOTS = os.environ.get("MOHINH_UPDATE_SCREENSHOTS") == "1"
SOURCE_TITLE = SOURCES.splitlines()[1].split(": ", 1)[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Kiểm thử", "-c", "user.email=kiem-thu@example.vn", *args],
                          cwd=root, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """A small project in its own git repository, built with the editor on Decap's local proxy; the proxy
    (git mode) and the built site served on 127.0.0.1. Yields (project, site URL)."""
    if not DECAP_SERVER.exists() or shutil.which("node") is None:
        if os.environ.get("CI"):
            pytest.fail("decap-server is missing: `npm ci --prefix tests/cms` (bash run.sh test does it)")
        pytest.skip("decap-server is not installed: npm ci --prefix tests/cms")
    project = make_project(tmp_path_factory.mktemp("editor") / "p")
    (project.models / "_sources.yml").unlink()  # the editor's sources: one file each
    project.write("models/_sources/bac-kan-2020-09.yml", "\n".join(
        line.removeprefix("  ") for line in SOURCES.splitlines()[1:]) + "\n")
    port = _free_port()
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", config.replace(
        "  mohinh:\n", f"  mohinh:\n    editor:\n      local: http://localhost:{port}/api/v1\n", 1))
    shutil.copy(REPO / ".gitignore", project.root / ".gitignore")
    _git(project.root, "init", "-q", "-b", "main")
    _git(project.root, "add", "-A")
    _git(project.root, "commit", "-qm", "Dự án nhỏ cho kiểm thử trình soạn thảo")
    build_site(project.root)
    env = {**os.environ, "MODE": "git", "PORT": str(port), "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn",
           "GIT_REPO_DIRECTORY": str(project.root), "GIT_AUTHOR_NAME": "Cán bộ", "GIT_AUTHOR_EMAIL": "can-bo@example.vn",
           "GIT_COMMITTER_NAME": "Cán bộ", "GIT_COMMITTER_EMAIL": "can-bo@example.vn"}
    proxy = subprocess.Popen(["node", str(DECAP_SERVER)], cwd=project.root, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    site = StaticServer(project.root / "site")
    try:
        for _ in range(200):  # until the proxy listens (it exits at once if it cannot)
            if proxy.poll() is not None:
                pytest.fail("decap-server stopped: " + proxy.stdout.read().decode("utf-8", "replace"))
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield project, site.url, port
    finally:
        site.close()
        proxy.terminate()
        proxy.wait(timeout=10)


@pytest.fixture
def tab(browser, editor):
    """The editor open and signed in (the local proxy needs no account), with every request recorded."""
    url = editor[1]
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(url + "quan-tri/")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Hộ an toàn - Thôn, bản, tổ dân phố bình yên").wait_for()
    yield page
    context.close()


def _shot(page, name: str, locator=None) -> None:
    """A screenshot of the real editor for the contributing page, rewritten only when asked."""
    if UPDATE_SHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        (locator or page).screenshot(path=str(SHOTS / f"{name}.png"), animations="disabled", caret="hide")


def _choose(page, label: str, typed: str, option: str, nth: int = 0) -> None:
    """Pick ``option`` in a select (or a relation) by typing ``typed`` in the field labelled ``label``."""
    page.get_by_label(label, exact=True).nth(nth).fill(typed)
    page.get_by_role("option", name=option, exact=True).click()


def _branch_file(root: Path, branch: str, path: str) -> str:
    return _git(root, "show", f"{branch}:{path}")


def test_an_officer_creates_a_model_in_the_form_and_it_builds(tab, editor, tmp_path) -> None:
    project, url, port = editor
    page = tab
    page.goto(url + "quan-tri/#/collections/mo-hinh/new")
    page.get_by_label("Mã mô hình", exact=True).fill("ha-giang-to-tu-quan-duong-bien")
    page.get_by_label("Tên mô hình", exact=True).fill("Tổ tự quản đường biên, cột mốc")
    page.get_by_label("Tóm tắt", exact=True).fill(
        "Các hộ dân ở thôn biên giới nhận tự quản từng đoạn đường biên, cột mốc và báo tin cho đồn biên phòng.")
    _choose(page, "Tình trạng", "Đang hoạt", "Đang hoạt động")
    _choose(page, "Chủ đề", "Tuần tra", "Tuần tra, canh gác, báo động")
    _choose(page, "Cộng đồng", "Thôn", "Thôn, bản, tổ dân phố")
    page.get_by_label("Tên mô hình", exact=True).scroll_into_view_if_needed()
    _shot(page, "soan-mo-hinh")
    page.get_by_role("button", name="Thêm địa bàn").click()
    page.get_by_label("Tỉnh, thành phố", exact=True).fill("Hà Giang")
    former = page.get_by_role("option", name="Hà Giang (trước 01/07/2025; nay thuộc Tuyên Quang)", exact=True)
    former.wait_for()
    _shot(page, "chon-tinh")
    former.click()
    page.get_by_label("Xã, phường, thị trấn (không bắt buộc)").fill("xã Lũng Cú")
    page.get_by_role("button", name="Thêm kết quả").click()
    page.get_by_label("Nội dung đếm", exact=True).fill("Hộ nhận tự quản đường biên")
    page.get_by_label("Số liệu", exact=True).fill("126")
    page.get_by_label("Đơn vị (không bắt buộc)").fill("hộ")
    page.get_by_label("Tính đến ngày", exact=True).first.fill("08/09/2020")
    _choose(page, "Nguồn", "Bắc Kạn", f"{SOURCE_TITLE} (08/09/2020)", nth=0)
    page.get_by_role("button", name="Thêm kinh phí").click()
    page.get_by_label("Khoản chi", exact=True).fill("Đèn pin, áo mưa cho tổ")
    page.get_by_label("Số tiền (đồng)", exact=True).fill("12500000")
    _choose(page, "Ai chi trả", "ngân", "Ngân sách nhà nước")
    page.get_by_label("Tính đến ngày", exact=True).nth(1).fill("2020")
    _choose(page, "Nguồn", "Bắc Kạn", f"{SOURCE_TITLE} (08/09/2020)", nth=1)
    _choose(page, "Nguồn", "Bắc Kạn", f"{SOURCE_TITLE} (08/09/2020)", nth=2)
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Mục đã được lưu").wait_for()
    page.get_by_text("Trạng thái: Bản nháp").click()  # the officer sends it for review
    page.get_by_text("Đang xét duyệt", exact=True).click()
    page.get_by_text("Trạng thái: Đang xét duyệt").wait_for()
    _shot(page, "gui-duyet")

    branch = "cms/mo-hinh/ha-giang-to-tu-quan-duong-bien"
    assert branch in _git(project.root, "branch", "--list", "cms/*")
    assert _git(project.root, "config", f"branch.{branch}.description").strip() == "decap-cms/pending_review"
    page.goto(url + "quan-tri/#/workflow")
    page.get_by_text("Tổ tự quản đường biên, cột mốc").wait_for()
    _shot(page, "cho-duyet")
    text = _branch_file(project.root, branch, "models/ha-giang-to-tu-quan-duong-bien.yml")
    record = yaml.safe_load(text)
    assert record["name"] == "Tổ tự quản đường biên, cột mốc"
    assert record["locations"] == [{"province": "Hà Giang", "commune": "xã Lũng Cú"}]
    assert record["results"][0]["value"] == 126 and record["costs"][0]["amount"] == 12500000
    assert record["sources"] == ["bac-kan-2020-09"]
    assert "models/ha-giang-to-tu-quan-duong-bien.yml" not in _git(project.root, "ls-tree", "-r", "--name-only", "main")

    # What a reviewer's merge publishes: the branch checked and built as CI would.
    copy = tmp_path / "xem-truoc"
    _git(project.root, "worktree", "add", "-q", str(copy), branch)
    try:
        check = subprocess.run([str(Path(sys.executable).parent / "mohinh"), "check"], cwd=copy,
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "cảnh báo" not in check.stdout + check.stderr
        build_site(copy)
        html = (copy / "site" / "mo-hinh" / "ha-giang-to-tu-quan-duong-bien" / "index.html").read_text(encoding="utf-8")
        assert "Tổ tự quản đường biên, cột mốc" in html
        assert re.search(r"tỉnh Hà Giang</a> — nay thuộc [^<]*tỉnh Tuyên Quang", html), html
    finally:
        _git(project.root, "worktree", "remove", "--force", str(copy))
    # Nothing from outside the site but the git host (here, the local proxy).
    assert {u.split("/")[2] for u in page.requests} <= {url.split("/")[2], f"localhost:{port}"}


def test_editing_a_summary_changes_that_field_only(tab, editor) -> None:
    project, url, _ = editor
    page = tab
    text = (project.models / "bac-kan-ho-an-toan.yml").read_text(encoding="utf-8")
    before = yaml.safe_load(text)
    page.goto(url + "quan-tri/#/collections/mo-hinh/entries/bac-kan-ho-an-toan")
    summary = page.get_by_label("Tóm tắt", exact=True)
    summary.fill("Từng hộ gia đình cam kết giữ an toàn; cả thôn, bản, tổ dân phố cùng tự phòng, tự quản, tự bảo vệ.")
    _shot(page, "sua-mo-hinh")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Mục đã được lưu").wait_for()
    written = _branch_file(project.root, "cms/mo-hinh/bac-kan-ho-an-toan", "models/bac-kan-ho-an-toan.yml")
    after = yaml.safe_load(written)
    assert after["summary"].startswith("Từng hộ gia đình cam kết giữ an toàn;")
    assert {k: v for k, v in after.items() if k != "summary"} == {k: v for k, v in before.items() if k != "summary"}
    # The file's text: the summary's lines only (the file writes no `id:`, and still does not).
    changed = [line for line in difflib.unified_diff(text.splitlines(), written.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    lines = text.splitlines()
    start = lines.index("summary: >-")
    end = next(n for n in range(start + 1, len(lines)) if not lines[n].startswith("  "))
    assert changed == [f"-{line}" for line in lines[start:end]] + [f"+summary: {after['summary']}"], changed
    assert "\nid:" not in written
    # The commit (and the review's title) in Vietnamese.
    title = _git(project.root, "log", "-1", "--format=%s", "cms/mo-hinh/bac-kan-ho-an-toan").strip()
    assert title == "Sửa mô hình “bac-kan-ho-an-toan” (trình soạn thảo)", title


def test_a_photo_uploaded_to_a_record_without_id_lands_in_its_folder_and_checks(tab, editor, tmp_path) -> None:
    project, url, _ = editor
    page = tab
    record = "models/bac-kan-ho-an-toan.yml"
    assert "\nid:" not in (project.root / record).read_text(encoding="utf-8")
    photo = tmp_path / "tuan-tra.png"
    from PIL import Image

    Image.new("RGB", (32, 24), (200, 40, 40)).save(photo)
    page.goto(url + "quan-tri/#/collections/mo-hinh/entries/bac-kan-ho-an-toan")
    page.get_by_role("button", name="Thêm ảnh").click()
    page.get_by_label("Mô tả ảnh", exact=True).fill("   ")  # spaces only: refused, as `mohinh check` refuses it
    page.get_by_role("button", name="Lưu", exact=True).click()
    errors = page.locator("ul li").all_text_contents()
    assert any("chỉ có dấu cách là chưa điền" in e for e in errors), errors
    page.get_by_label("Mô tả ảnh", exact=True).fill("Tổ tự quản tuần tra ban đêm")
    page.get_by_role("button", name="Chọn ảnh", exact=True).click()
    page.locator("input[type=file]").set_input_files(str(photo))
    page.get_by_text("tuan-tra.png").first.wait_for()
    page.get_by_role("button", name="Dùng ảnh đã chọn").click()
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Mục đã được lưu").wait_for()
    branch = "cms/mo-hinh/bac-kan-ho-an-toan"
    files = _git(project.root, "ls-tree", "-r", "--name-only", branch)
    assert "models/media/bac-kan-ho-an-toan/tuan-tra.png" in files.splitlines(), files
    copy = tmp_path / "duyet"
    _git(project.root, "worktree", "add", "-q", str(copy), branch)
    try:
        written = (copy / record).read_text(encoding="utf-8")
        assert "media:\n  - file: tuan-tra.png\n    alt: Tổ tự quản tuần tra ban đêm\n" in written, written
        check = subprocess.run([str(Path(sys.executable).parent / "mohinh"), "check"], cwd=copy,
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
    finally:
        _git(project.root, "worktree", "remove", "--force", str(copy))


ENGLISH = re.compile(r"\b(No options|results? available|Loading|Select\.\.\.|API_ERROR|Unknown error|Copy|Create|Update|"
                     r"Delete|Save|Publish|January|February|March|April|May|June|July|August|September|October|"
                     r"November|December|Search|Options|required|optional|field)\b")


def test_every_screen_of_the_editor_speaks_vietnamese(tab, editor) -> None:
    """The screens an officer goes through, with the select boxes open: no common English word, in the text or
    in what a screen reader is told (aria-label, live regions); commit titles in Vietnamese."""
    project, url, _ = editor
    page = tab
    seen: list[str] = []

    def look() -> None:
        page.wait_for_timeout(300)
        seen.append(page.evaluate("""() => document.body.innerText + '\\n' + [...document.querySelectorAll('[aria-label],[placeholder],[title]')]
            .map(e => [e.getAttribute('aria-label'), e.getAttribute('placeholder'), e.getAttribute('title')].join(' ')).join('\\n')"""))

    look()  # the list of models: name and province
    assert "Hộ an toàn - Thôn, bản, tổ dân phố bình yên · Bắc Kạn" in seen[-1]
    page.goto(url + "quan-tri/#/collections/mo-hinh/new")
    page.get_by_label("Tên mô hình", exact=True).wait_for()
    look()
    page.get_by_label("Chủ đề", exact=True).fill("zzzz")  # nothing matches
    look()
    page.get_by_label("Chủ đề", exact=True).fill("an")
    look()
    page.get_by_label("Nguồn", exact=True).last.fill("Bắc")
    look()
    page.goto(url + "quan-tri/#/workflow")
    page.wait_for_timeout(1000)
    look()
    page.goto(url + "quan-tri/#/collections/nguon")
    look()
    found = [(match.group(0), text[max(0, match.start() - 60):match.end() + 60]) for text in seen
             for match in ENGLISH.finditer(text)]
    assert not found, found


def test_the_form_refuses_thousands_dots_and_impossible_dates_in_vietnamese(tab, editor) -> None:
    url = editor[1]
    page = tab
    page.goto(url + "quan-tri/#/collections/mo-hinh/new")
    page.get_by_role("button", name="Thêm kinh phí").click()
    page.get_by_label("Số tiền (đồng)", exact=True).fill("878.000.000")
    page.get_by_label("Tính đến ngày", exact=True).fill("31/02/2020")
    page.get_by_role("button", name="Lưu", exact=True).click()
    errors = page.locator("ul li").all_text_contents()
    assert any("`878.000.000` không phải số tiền viết liền" in e and "viết 878000000" in e for e in errors), errors
    assert any("ngày 31/02/2020 không có thật" in e for e in errors), errors
    _shot(page, "loi-so-tien", page.get_by_label("Số tiền (đồng)", exact=True).locator("xpath=ancestor::div[3]"))


def test_the_admin_page_stays_out_of_search_and_sitemap_and_asks_only_its_git_host(browser, editor, tmp_path) -> None:
    project, _, _ = editor
    site = project.root / "site"
    assert '<meta name="robots" content="noindex, nofollow">' in (site / "quan-tri" / "index.html").read_text(encoding="utf-8")
    assert "quan-tri" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not [url for url in search_fragments(site / "pagefind") if "quan-tri" in url]
    # A site set up for a self-managed GitLab, signed in with PKCE: loading the editor asks nothing of anyone
    # but the site until the officer signs in (then only the git host).
    gitlab = editor_output.settings({"backend": "gitlab", "repo": "cong-an/mo-hinh", "base_url": "https://git.donvi.vn",
                                     "app_id": "a1b2c3"})
    for path, content in editor_output.make(Site(load_catalogue(project.root), editor=gitlab)).items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(content)
    server = StaticServer(tmp_path)
    context = browser.new_context(locale="vi-VN")
    try:
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        page.goto(server.url + "quan-tri/")
        page.get_by_role("button", name="Đăng nhập bằng GitLab").wait_for()
        assert {u.split("/")[2] for u in asked} == {server.url.split("/")[2]}
    finally:
        context.close()
        server.close()


def test_a_new_source_written_with_its_model_is_cited_and_saved_in_one_review(tab, editor, tmp_path) -> None:
    """An officer adds a source the site does not have while editing a model: written in the form's "Nguồn mới",
    chosen at once for a result, saved in the model's own file, so both reach the reviewer in one request."""
    from playwright.sync_api import expect

    project, url, _ = editor
    page = tab
    new_id = "bac-kan-2021-03-ho-an-toan"
    page.goto(url + "quan-tri/#/collections/mo-hinh/entries/bac-kan-ho-an-toan")
    page.get_by_role("button", name="Thêm nguồn mới").click()
    page.get_by_label("Mã nguồn", exact=True).fill(new_id)
    page.get_by_label("Tiêu đề", exact=True).fill("Bắc Kạn sơ kết mô hình Hộ an toàn")
    page.get_by_label("Cơ quan đăng tải (không bắt buộc)").fill("Báo Bắc Kạn")
    page.get_by_label("Ngày đăng", exact=True).fill("15/03/2021")
    # The model's list of sources names it, waiting for review with the model.
    page.get_by_text(f"Cùng nguồn mới viết trong hồ sơ này (chờ duyệt cùng mô hình): Bắc Kạn sơ kết mô hình Hộ an toàn "
                     f"({new_id})").wait_for()
    item = page.get_by_text("Hộ gia đình tham gia: 76303", exact=True).locator("xpath=..")
    item.locator("button").first.click()  # the second result, opened
    chooser = page.locator("label.mohinh-nguon-moi select:visible")
    expect(chooser).to_have_count(1)
    chooser.select_option(new_id)
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Mục đã được lưu").wait_for()
    branch = "cms/mo-hinh/bac-kan-ho-an-toan"
    files = _git(project.root, "diff", "--name-only", "main", branch).split()
    assert "models/bac-kan-ho-an-toan.yml" in files and not any(f.startswith("models/_sources/") for f in files)
    record = yaml.safe_load(_branch_file(project.root, branch, "models/bac-kan-ho-an-toan.yml"))
    assert record["sources"] == ["bac-kan-2020-09", {"id": new_id, "title": "Bắc Kạn sơ kết mô hình Hộ an toàn",
                                                     "publisher": "Báo Bắc Kạn", "date": "15/03/2021"}]
    assert [r["source"] for r in record["results"]] == ["bac-kan-2020-09", new_id]
    copy = tmp_path / "duyet-nguon"
    _git(project.root, "worktree", "add", "-q", str(copy), branch)
    try:
        check = subprocess.run([str(Path(sys.executable).parent / "mohinh"), "check"], cwd=copy,
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "2 nguồn" in check.stdout
    finally:
        _git(project.root, "worktree", "remove", "--force", str(copy))


def _has_glyph(family: str, char: str) -> bool:
    """Whether an installed font of ``family`` has ``char`` (fontconfig, which Chromium on Linux uses)."""
    found = subprocess.run(["fc-list", f"{family}:charset={ord(char):x}", "family"], capture_output=True, text=True)
    return bool(found.stdout.strip())


def test_the_new_model_button_and_the_list_show_every_glyph_in_debians_chromium(tab) -> None:
    """The list of models: the new button reads “Thêm mô hình”, and the fonts Chromium draws it with have each of
    its letters (the former full-width “＋” had none in Debian's fonts: an empty box); the list shows the province."""
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig's fc-list is missing")
    page = tab
    button = page.locator("a", has_text=re.compile("^Thêm mô hình$"))
    button.wait_for()
    text = button.inner_text().strip()
    assert text == "Thêm mô hình", text
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    button.evaluate("e => e.setAttribute('data-kiem-thu-glyph', '1')")
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "[data-kiem-thu-glyph]"})["nodeId"]
    families = [font["familyName"] for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]
    assert families
    missing = [char for char in set(text) - {" "} if not any(_has_glyph(family, char) for family in families)]
    assert not missing, (missing, families)
    # Two models of the same name are told apart by their province.
    assert page.get_by_text("Hộ an toàn - Thôn, bản, tổ dân phố bình yên · Bắc Kạn").count() >= 1
