"""Replication kits: Word, CSV and Markdown checklists, the /nhan-rong/ page, and the page in a browser."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess

import pytest
from docx import Document

from conftest import REPO
from mohinh.catalogue import load_catalogue
from mohinh.kits import Checklist, csv_bytes, docx_bytes
from mohinh.render import Renderer
from mohinh.text import csv_cell

STEPS_5_TU_QUAN = [
    "Đánh giá tình hình an ninh trật tự ở từng địa bàn, tìm sơ hở mà tội phạm có thể lợi dụng và những khó khăn, "
    "hạn chế trong phòng ngừa, đấu tranh với tội phạm, tệ nạn xã hội",
    "Báo cáo, tham mưu cấp ủy, chính quyền chỉ đạo xây dựng mô hình “5 tự quản” thiết thực, hiệu quả",
    "Làm điểm mô hình “5 tự quản” ở 1 địa bàn",
    "Lập kế hoạch nhân rộng mô hình ra các địa bàn khác trong toàn tỉnh",
]


@pytest.fixture(scope="module")
def views():
    return {v.id: v for v in Renderer(load_catalogue(REPO)).models}


def test_docx_holds_every_step_in_order(views, tmp_path) -> None:
    data = docx_bytes(Checklist.of(views["mo-hinh-5-tu-quan"]))
    path = tmp_path / "checklist.docx"
    path.write_bytes(data)
    document = Document(str(path))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Bước", "Việc cần làm", "Người phụ trách", "Thời hạn", "Đã xong", "Ghi chú"]
    assert [row.cells[1].text for row in table.rows[1:]] == STEPS_5_TU_QUAN
    assert table.rows[3].cells[3].text == "Trong năm 2020"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Xã, phường, thị trấn:" in text and "Người phụ trách:" in text
    assert "Triển khai mô hình “5 tự quản” về an ninh trật tự trên địa bàn tỉnh, 22/07/2020" in text
    assert docx_bytes(Checklist.of(views["mo-hinh-5-tu-quan"])) == data  # reproducible


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-writer) is not installed")
def test_libreoffice_converts_docx_to_pdf(views, tmp_path) -> None:
    (tmp_path / "checklist.docx").write_bytes(docx_bytes(Checklist.of(views["bac-kan-ho-an-toan"])))
    result = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                             str(tmp_path / "checklist.docx")], capture_output=True, timeout=180)
    assert result.returncode == 0 and (tmp_path / "checklist.pdf").stat().st_size > 1000


def test_csv_round_trips_every_step(views) -> None:
    raw = csv_bytes(Checklist.of(views["mo-hinh-5-tu-quan"]))
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["Việc cần làm"] for r in rows if r["Loại"] == "Bước"] == STEPS_5_TU_QUAN


@pytest.mark.parametrize(("value", "safe"), [
    ("=1+1", "'=1+1"), ("+84 912", "'+84 912"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("Tổ liên gia", "Tổ liên gia"), (12, 12),
])
def test_formula_like_cells_are_neutralised(value, safe) -> None:
    assert csv_cell(value) == safe


def test_kit_files_and_listing_on_the_site(repo_site) -> None:
    site = repo_site.root / "site"
    for name in ("checklist.docx", "checklist.csv", "checklist.md"):
        assert (site / "mo-hinh" / "bac-kan-ho-an-toan" / name).is_file()
    assert not (site / "mo-hinh" / "ky-anh-doi-co-dong" / "checklist.docx").exists()  # no replication section
    listing = repo_site.html("nhan-rong/index.html")
    assert "Hộ an toàn - Thôn, bản, tổ dân phố bình yên" in listing and "7 bước" in listing
    md = (site / "mo-hinh" / "mo-hinh-5-tu-quan" / "checklist.md").read_text(encoding="utf-8")
    assert "- [ ] 3. Làm điểm mô hình “5 tự quản” ở 1 địa bàn — Phụ trách: Mỗi đơn vị Công an huyện, thành phố" in md


def test_ticks_are_remembered_and_cleared(page, repo_url) -> None:
    page.goto(repo_url + "mo-hinh/bac-kan-ho-an-toan/")
    boxes = page.locator("input.mh-step__box")
    assert boxes.count() == 7
    boxes.nth(0).check()
    boxes.nth(2).check()
    assert page.locator(".mh-kit__progress").inner_text() == "Đã xong 2/7 bước"
    page.reload()
    assert [boxes.nth(i).is_checked() for i in range(7)] == [True, False, True, False, False, False, False]
    assert page.locator(".mh-kit__progress").inner_text() == "Đã xong 2/7 bước"
    page.click(".mh-kit__clear")
    page.reload()
    assert not any(boxes.nth(i).is_checked() for i in range(7))
    assert page.context.cookies() == []


def test_print_shows_steps_without_navigation(page, repo_url) -> None:
    from pypdf import PdfReader

    page.goto(repo_url + "mo-hinh/mo-hinh-5-tu-quan/")
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    # PDF text extraction splits Vietnamese letters with spaces: compare with white space removed.
    text = "".join("".join((p.extract_text() or "").split()) for p in pdf.pages)

    def squeeze(s: str) -> str:
        return "".join(s.split())

    assert squeeze("Làm điểm mô hình “5 tự quản” ở 1 địa bàn") in text
    assert squeeze("Lập kế hoạch nhân rộng mô hình ra các địa bàn khác") in text
    for chrome in ("Trang chủ", "Địa phương", "Tìm mô hình", "Đóng góp"):
        assert squeeze(chrome) not in text, chrome


def test_checklist_reads_without_javascript(browser, repo_url) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(repo_url + "mo-hinh/bac-kan-ho-an-toan/")
    assert page.locator("ol.mh-steps > li").count() == 7
    assert not page.locator(".mh-kit__clear").is_visible()
    context.close()
