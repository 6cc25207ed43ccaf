"""The replication checklist in a real browser: ticks remembered, the count, clearing, no JavaScript, print."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest

from conftest import StaticServer, give_site_url, make_project
from mohinh.build import build_site
from test_kits import KIT_ID, SHORT_ID, SITE_URL, STEPS, squeeze, write_kit_records

pytestmark = pytest.mark.browser

STORAGE_KEY = f"mohinh:checklist:{KIT_ID}"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    """This module's site (the records of test_kits) built once and served on 127.0.0.1."""
    project = make_project(tmp_path_factory.mktemp("kits-browser") / "p")
    write_kit_records(project)
    give_site_url(project, SITE_URL)  # the printed kit link is a whole address only with a real site_url
    build_site(project.root)
    server = StaticServer(project.root / "site")
    yield server.url
    server.close()


def count(page) -> str:
    return page.locator(".mh-kit__progress").inner_text()


def ticked(page) -> list[bool]:
    boxes = page.locator("input.mh-step__box")
    return [boxes.nth(i).is_checked() for i in range(boxes.count())]


def test_ticks_are_remembered_counted_and_cleared(page, base_url) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{base_url}mo-hinh/{KIT_ID}/")
    assert count(page) == "Đã xong 0/5 bước"
    page.get_by_label(STEPS[0]).check()
    page.get_by_label(STEPS[2]).check()
    assert count(page) == "Đã xong 2/5 bước"

    page.reload()
    assert ticked(page) == [True, False, True, False, False]
    assert count(page) == "Đã xong 2/5 bước"
    other = page.context.new_page()  # a new tab of the same browser remembers too
    other.goto(f"{base_url}mo-hinh/{KIT_ID}/")
    assert ticked(other) == [True, False, True, False, False]
    other.goto(f"{base_url}mo-hinh/{SHORT_ID}/")  # ticks belong to one model
    assert ticked(other) == [False, False] and count(other) == "Đã xong 0/2 bước"

    page.get_by_role("button", name="Xóa đánh dấu").click()
    assert ticked(page) == [False] * 5 and count(page) == "Đã xong 0/5 bước"
    page.reload()
    assert ticked(page) == [False] * 5
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    assert page.context.cookies() == []  # nothing but localStorage, nothing sent anywhere
    assert requests and all(url.startswith(base_url) for url in requests)


def test_the_checklist_reads_without_javascript(browser, base_url) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}mo-hinh/{KIT_ID}/")
    steps = page.locator("ol.mh-steps > li")
    assert [squeeze(steps.nth(i).locator(".mh-step__title").inner_text()) for i in range(5)] == [squeeze(s) for s in STEPS]
    assert page.locator("input.mh-step__box").count() == 5
    assert not page.locator(".mh-kit__progress").is_visible()
    assert not page.get_by_role("button", name="Xóa đánh dấu").is_visible()
    assert page.get_by_role("link", name="Word (.docx)").is_visible()
    context.close()


def pdf_text(data: bytes, tmp_path) -> str:
    """Text of a PDF, white space removed (extractors space Vietnamese letters differently)."""
    if shutil.which("pdftotext"):
        (tmp_path / "page.pdf").write_bytes(data)
        return squeeze(subprocess.run(["pdftotext", str(tmp_path / "page.pdf"), "-"],
                                      capture_output=True, text=True, check=True).stdout)
    from pypdf import PdfReader

    return "".join(squeeze(p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages)


def test_print_is_a4_with_the_steps_and_without_the_site_chrome(page, base_url, tmp_path) -> None:
    from pypdf import PdfReader

    page.goto(f"{base_url}mo-hinh/{KIT_ID}/")
    page.emulate_media(media="print")
    data = page.pdf(prefer_css_page_size=True, print_background=True)
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)  # @page A4
    text = pdf_text(data, tmp_path)
    for step in STEPS:
        assert squeeze(step) in text, step
    assert squeeze("Nhân rộng mô hình") in text and squeeze("Lưu ý hạn chế đã gặp") in text
    # links printed as references: the Word file's address and an outside source's address
    assert squeeze(f"{SITE_URL}mo-hinh/{KIT_ID}/checklist.docx") in text
    assert "https://baoquangtri.example.vn/ngo-sang" in text
    for chrome in ("Trang chủ", "Địa phương", "Tin mới", "Bộ nhân rộng", "Đóng góp", "Tìm mô hình", "Xóa đánh dấu",
                   "Sao chép liên kết", "Mục lục"):
        assert squeeze(chrome) not in text, chrome
