"""Replication kits: the Word, CSV and Markdown checklists, the section on the model page, /nhan-rong/.

One small site is built for the module from the records below (not the repository's records):
one model with a full ``replication`` section, written to trip every escape, one with a short
section, and the conftest's Bắc Kạn record, which has none. A second site is built from the
repository's seed records, whose kits are checked against the steps typed in the YAML files.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import markdown
import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from conftest import REPO, Project, give_site_url, make_project
from mohinh.build import build_site
from mohinh.catalogue import load_catalogue
from mohinh.outputs.kits import Checklist, docx_bytes, plain_text
from mohinh.render import Site
from mohinh.text import csv_cell

KIT_ID = "quang-tri-ngo-sang"
KIT = """\
name: Tổ tự quản “Ngõ sáng” <script>alert(1)</script>
summary: >-
  Các hộ trong tổ dân phố cùng góp tiền lắp đèn, thay nhau trông ngõ vào ban đêm và báo ngay cho Công an phường.
status: replicating
topics: [phong-chong-toi-pham]
community: thon-to-dan-pho
started: 2019
lead: Công an phường Đông Hà
locations:
  - province: Quảng Trị
results:
  - label: Ngõ đã lắp đèn
    value: 42
    unit: ngõ
    as_of: 03/2021
    source: ngo-sang-2021
limitations:
  - Kinh phí duy trì đèn phụ thuộc vào đóng góp tự nguyện.
replication:
  prerequisites:
    - Cấp ủy, chính quyền xã đồng ý chủ trương
    - "=HYPERLINK(\\"http://evil.example\\";\\"bấm\\")"
  steps:
    - title: Họp dân, thống nhất quy ước tự quản
      who: Trưởng thôn, tổ trưởng dân phố
      when: Tuần 1
      detail: Lập **biên bản** họp, ghi rõ số hộ đồng ý; mẫu ở [trang Công an tỉnh](https://congan.example.vn/mau).
    - title: "+ Khảo sát các ngõ tối, lập danh sách ưu tiên"
      who: "@Tổ an ninh"
      when: Tuần 2
    - title: "-Vận động kinh phí, lắp đèn"
      who: Ban công tác Mặt trận
      when: Tháng 1–2
    - title: Phân công trực ngõ <b>ban đêm</b>
      who: Tổ tự quản
    - title: Sơ kết 6 tháng, rút kinh nghiệm
      when: Tháng 6
  resources:
    - Đèn LED tiết kiệm điện, dây dẫn
    - Sổ ghi chép trực ngõ
  indicators:
    - Số vụ trộm cắp trong các ngõ đã lắp đèn
    - Tỉ lệ hộ tham gia trực
  pitfalls:
    - Giao hết việc cho một vài hộ, dễ bỏ cuộc
sources: [ngo-sang-2021]
"""
STEPS = [
    "Họp dân, thống nhất quy ước tự quản",
    "+ Khảo sát các ngõ tối, lập danh sách ưu tiên",
    "-Vận động kinh phí, lắp đèn",
    "Phân công trực ngõ <b>ban đêm</b>",
    "Sơ kết 6 tháng, rút kinh nghiệm",
]
SHORT_ID = "ha-tinh-keng"
SHORT = """\
name: Tiếng kẻng an ninh
summary: >-
  Mỗi tổ dân phố treo một chiếc kẻng ở nơi dễ nghe; khi có trộm cắp, cháy nổ hay người gặp nạn, ai phát hiện
  trước thì đánh kẻng theo hiệu lệnh đã thống nhất, nghe kẻng cả tổ cùng ra hỗ trợ, báo ngay cho Công an xã và
  giữ nguyên hiện trường cho đến khi lực lượng chức năng tới (tóm tắt dài hơn 255 ký tự, giới hạn thuộc tính của Word).
status: active
topics: [phong-chong-toi-pham]
community: thon-to-dan-pho
locations:
  - province: Hà Tĩnh
replication:
  steps:
    - title: Treo kẻng ở đầu tổ dân phố
    - title: Thống nhất hiệu lệnh kẻng
sources: [ngo-sang-2021]
"""
SOURCE = """\
ngo-sang-2021:
  title: Đông Hà nhân rộng mô hình “Ngõ sáng”
  publisher: Báo Quảng Trị
  date: 15/03/2021
  url: https://baoquangtri.example.vn/ngo-sang
"""
SITE_URL = "https://mohinh.donvi.gov.vn/"  # mkdocs.yml's site_url


def write_kit_records(project: Project) -> None:
    """The records of this module's site, next to the conftest's Bắc Kạn record (no replication)."""
    sources = project.models / "_sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + SOURCE, encoding="utf-8")
    project.record(KIT_ID, KIT)
    project.record(SHORT_ID, SHORT)


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def kit_site(tmp_path_factory) -> tuple[Project, list[str]]:
    """The site built once, strict, with every MkDocs warning collected."""
    project = make_project(tmp_path_factory.mktemp("kits") / "p")
    write_kit_records(project)
    give_site_url(project, SITE_URL)
    collector = _Warnings()
    logging.getLogger("mkdocs").addHandler(collector)
    try:
        build_site(project.root)
    finally:
        logging.getLogger("mkdocs").removeHandler(collector)
    return project, collector.messages


@pytest.fixture(scope="module")
def site(kit_site) -> Project:
    return kit_site[0]


def kit_file(site: Project, model_id: str, name: str) -> Path:
    return site.root / "site" / "mo-hinh" / model_id / name


@pytest.fixture(scope="module")
def checklist(site: Project) -> Checklist:
    views = {v.id: v for v in Site(load_catalogue(site.root)).models}
    return Checklist.of(views[KIT_ID], SITE_URL)


def squeeze(text: str) -> str:
    return "".join(text.split())


def test_build_is_strict_and_quiet(kit_site) -> None:
    assert kit_site[1] == []


# --- Word ---


def test_docx_holds_every_step_in_order_with_vietnamese_intact(site) -> None:
    document = Document(str(kit_file(site, KIT_ID, "checklist.docx")))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Bước", "Việc cần làm", "Người phụ trách", "Thời hạn", "Đã xong", "Ghi chú"]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "5"]
    assert [row.cells[1].paragraphs[0].text for row in table.rows[1:]] == STEPS
    assert rows[0][2:5] == ["Trưởng thôn, tổ trưởng dân phố", "Tuần 1", "☐"]
    assert rows[3][2:4] == ["Tổ tự quản", ""] and rows[4][2:4] == ["", "Tháng 6"]
    # the step's Markdown detail as plain text, link address kept
    assert table.rows[1].cells[1].paragraphs[1].text == (
        "Lập biên bản họp, ghi rõ số hộ đồng ý; mẫu ở trang Công an tỉnh (https://congan.example.vn/mau)."
    )
    text = [p.text for p in document.paragraphs]
    assert text[:3] == ["Danh sách việc cần làm để nhân rộng mô hình", "Tổ tự quản “Ngõ sáng” <script>alert(1)</script>",
                        "Các hộ trong tổ dân phố cùng góp tiền lắp đèn, thay nhau trông ngõ vào ban đêm và báo ngay cho Công an phường."]
    assert text[3] == "Theo: Đông Hà nhân rộng mô hình “Ngõ sáng” (15/03/2021)"  # the source under the name
    assert f"Trang mô hình: {SITE_URL}mo-hinh/{KIT_ID}/" in text
    assert any(t.startswith("Xã, phường: ....") for t in text)
    assert any(t.startswith("Người phụ trách: ....") for t in text)
    for heading, item in [("Điều kiện cần có", "Cấp ủy, chính quyền xã đồng ý chủ trương"),
                          ("Nguồn lực", "Sổ ghi chép trực ngõ"),
                          ("Chỉ số theo dõi", "Tỉ lệ hộ tham gia trực"),
                          ("Điều cần tránh", "Lưu ý hạn chế đã gặp: Kinh phí duy trì đèn phụ thuộc vào đóng góp tự nguyện."),
                          ("Nguồn", "Đông Hà nhân rộng mô hình “Ngõ sáng”, Báo Quảng Trị, 15/03/2021, "
                                    "https://baoquangtri.example.vn/ngo-sang")]:
        assert text.index(heading) < text.index(item), heading
    assert text.index("Điều kiện cần có") < text.index("Chỉ số theo dõi") < text.index("Điều cần tránh") < text.index("Nguồn")


def test_docx_is_a4_in_a_vietnamese_font_for_word_and_libreoffice(site) -> None:
    document = Document(str(kit_file(site, KIT_ID, "checklist.docx")))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    styles = [defaults] + [document.styles[name].element.find(qn("w:rPr"))
                           for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet")]
    for properties in styles:
        fonts = properties.find(qn("w:rFonts"))
        # named fonts for Latin, east-Asian and complex scripts; no theme font that would win over them in Word
        assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
        assert not [a for a in fonts.attrib if a.endswith("Theme") or a.endswith("theme")]
        assert properties.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    assert document.core_properties.language == "vi-VN"
    header = document.tables[0].rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None  # repeated on every printed page
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in document.tables[0].rows)
    usable = section.page_width - section.left_margin - section.right_margin
    assert sum(c.width for c in document.tables[0].columns) <= usable + Mm(0.1)  # the table fits the page


def test_docx_of_a_long_summary_keeps_it_whole_in_the_text(site) -> None:
    document = Document(str(kit_file(site, SHORT_ID, "checklist.docx")))
    assert any(p.text.endswith("giới hạn thuộc tính của Word).") for p in document.paragraphs)
    assert len(document.core_properties.comments) <= 255  # Word's limit for a document property
    assert [row.cells[1].text for row in document.tables[0].rows[1:]] == ["Treo kẻng ở đầu tổ dân phố",
                                                                          "Thống nhất hiệu lệnh kẻng"]


def test_docx_is_reproducible(site, checklist) -> None:
    built = kit_file(site, KIT_ID, "checklist.docx").read_bytes()
    assert docx_bytes(checklist) == built
    with zipfile.ZipFile(io.BytesIO(built)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        names = package.namelist()
        assert names == sorted(names) and names[0] == "[Content_Types].xml"
    core = Document(io.BytesIO(built)).core_properties
    # dates from the record (here its source: the project is not a git repository), never the build's clock
    assert (core.created.date().isoformat(), core.modified.date().isoformat()) == ("2021-03-15", "2021-03-15")


@pytest.mark.slow
def test_libreoffice_converts_docx_to_pdf(site, tmp_path) -> None:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is missing: `apt-get install libreoffice-writer-nogui` (.ci/run installs it)")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    shutil.copy(kit_file(site, KIT_ID, "checklist.docx"), tmp_path / "checklist.docx")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    result = subprocess.run(
        [office, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "checklist.docx")],
        capture_output=True, text=True, timeout=300,
    )
    pdf = tmp_path / "checklist.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = squeeze(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
        for step in STEPS:
            assert squeeze(step) in text, step


# --- CSV ---


def read_csv(site: Project, model_id: str) -> tuple[bytes, list[dict[str, str]]]:
    raw = kit_file(site, model_id, "checklist.csv").read_bytes()
    return raw, list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_round_trips_every_step(site) -> None:
    raw, rows = read_csv(site, KIT_ID)
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel then reads the Vietnamese correctly
    steps = [r for r in rows if r["Loại"] == "Bước"]
    assert [r["Bước"] for r in steps] == ["1", "2", "3", "4", "5"]
    assert [r["Việc cần làm"].removeprefix("'") for r in steps] == STEPS
    assert steps[0]["Người phụ trách"] == "Trưởng thôn, tổ trưởng dân phố" and steps[0]["Thời hạn"] == "Tuần 1"
    assert steps[0]["Chi tiết"].startswith("Lập biên bản họp")
    assert {r["Đã xong"] for r in steps} == {""}
    kinds = {(r["Loại"], r["Việc cần làm"]) for r in rows}
    assert ("Điều kiện", "Cấp ủy, chính quyền xã đồng ý chủ trương") in kinds
    assert ("Chỉ số", "Số vụ trộm cắp trong các ngõ đã lắp đèn") in kinds
    assert ("Cần tránh", "Lưu ý hạn chế đã gặp: Kinh phí duy trì đèn phụ thuộc vào đóng góp tự nguyện.") in kinds


def test_csv_never_holds_a_formula(site) -> None:
    _, rows = read_csv(site, KIT_ID)
    cells = [cell for row in rows for cell in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'+ Khảo sát các ngõ tối, lập danh sách ưu tiên" in cells
    assert "'-Vận động kinh phí, lắp đèn" in cells
    assert "'@Tổ an ninh" in cells
    assert "'=HYPERLINK(\"http://evil.example\";\"bấm\")" in cells


@pytest.mark.parametrize(("value", "safe"), [
    ("=1+1", "'=1+1"), ("+84 912 345 678", "'+84 912 345 678"), ("-2", "'-2"), ("@SUM(A1:A3)", "'@SUM(A1:A3)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("Tổ liên gia", "Tổ liên gia"), ("1+1=2", "1+1=2"), (12, 12),
])
def test_formula_like_cells_are_neutralised(value, safe) -> None:
    assert csv_cell(value) == safe


# --- Markdown ---


def test_markdown_checklist_has_a_box_per_step_and_no_markup_from_records(site) -> None:
    text = kit_file(site, KIT_ID, "checklist.md").read_text(encoding="utf-8")
    boxes = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert boxes[0] == "- [ ] 1. Họp dân, thống nhất quy ước tự quản — Phụ trách: Trưởng thôn, tổ trưởng dân phố — Thời gian: Tuần 1"
    assert [re.sub(r"^- \[ \] \d\. ", "", b).split(" — ")[0].replace("\\", "") for b in boxes] == STEPS
    html = markdown.markdown(text)
    assert "<script>" not in html and "<b>" not in html  # record text shows as typed, never as HTML
    assert "script&gt;alert(1)" in html  # (CommonMark drops the backslash of \<; Python-Markdown shows it)
    assert "Xã, phường: ...." in text and "Người phụ trách: ...." in text


def test_plain_text_of_a_markdown_detail() -> None:
    assert plain_text("Lập **biên bản**, xem [mẫu](https://a.example/m).\n\n- Một\n- Hai") == (
        "Lập biên bản, xem mẫu (https://a.example/m).\n• Một\n• Hai"
    )


# --- On the site ---


def test_model_page_has_the_replication_section(site) -> None:
    html = site.html(f"mo-hinh/{KIT_ID}/index.html")
    section = html[html.index('id="nhan-rong-mo-hinh"'):html.index('id="nguon"')]
    for heading in ("Điều kiện cần có", "Các bước thực hiện", "Nguồn lực", "Chỉ số theo dõi", "Điều cần tránh"):
        assert f">{heading}<" in section, heading
    steps = re.findall(r'<li class="mh-step">.*?</li>', section, flags=re.S)
    assert len(steps) == 5 and all('type="checkbox"' in s for s in steps)
    assert "Phân công trực ngõ &lt;b&gt;ban đêm&lt;/b&gt;" in steps[3] and "<b>ban" not in section
    assert "Phụ trách: Trưởng thôn, tổ trưởng dân phố" in steps[0] and "Thời gian: Tuần 1" in steps[0]
    assert "Lập <strong>biên bản</strong> họp" in steps[0]
    assert "Lưu ý hạn chế đã gặp: Kinh phí duy trì đèn phụ thuộc vào đóng góp tự nguyện." in section
    assert "<script>alert" not in html
    # download links beside the steps, each to a file that exists
    links = re.findall(r'<a href="(checklist\.\w+)" download', section)
    assert links == ["checklist.docx", "checklist.csv", "checklist.md"]
    assert all(kit_file(site, KIT_ID, name).is_file() for name in links)
    assert f'data-url="{SITE_URL}mo-hinh/{KIT_ID}/checklist.docx"' in section  # printed as a reference


def test_a_model_without_replication_has_no_kit(site) -> None:
    assert not list((site.root / "site" / "mo-hinh" / "bac-kan-ho-an-toan").glob("checklist.*"))
    assert "Nhân rộng mô hình" not in site.html("mo-hinh/bac-kan-ho-an-toan/index.html")


def test_listing_page_names_every_kit_with_its_steps_and_needs(site) -> None:
    html = site.html("nhan-rong/index.html")
    assert "<title>Bộ nhân rộng mô hình" in html
    main = html[html.index("<h1"):html.index("</article>")]
    assert "Tổ tự quản “Ngõ sáng” &lt;script&gt;alert(1)&lt;/script&gt;" in main
    assert "Tiếng kẻng an ninh" in main and "Hộ an toàn" not in main
    assert "5 bước" in main and "2 bước" in main
    assert "Cấp ủy, chính quyền xã đồng ý chủ trương" in main and "Sổ ghi chép trực ngõ" in main
    assert f'href="../mo-hinh/{KIT_ID}/#nhan-rong-mo-hinh"' in main
    folder = site.root / "site" / "nhan-rong"
    downloads = re.findall(r'href="(\.\./mo-hinh/[^"]+/checklist\.\w+)"', main)
    assert len(downloads) == 6 and all((folder / d).resolve().is_file() for d in downloads)
    assert 'href="nhan-rong/"' in site.html("index.html")  # in the site's navigation


# --- The repository's seed records ---


def seed_kits() -> dict[str, dict]:
    """The seed records with a ``replication`` section, read straight from their YAML files."""
    records = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((REPO / "models").glob("*.yml"))
               if not path.stem.startswith("_")}
    return {model_id: record for model_id, record in records.items() if record.get("replication")}


SEED_KITS = seed_kits()


@pytest.fixture(scope="module")
def seed_site(repo_site) -> Project:
    return repo_site  # the repository's site, built once per test session


def test_the_seed_records_have_kits() -> None:
    assert {"bac-kan-ho-an-toan", "dak-to-re-to-tu-quan", "mo-hinh-5-tu-quan"} <= set(SEED_KITS)


@pytest.mark.parametrize("model_id", sorted(SEED_KITS))
def test_seed_kit_holds_every_step_in_order_in_word_csv_and_markdown(seed_site, model_id: str) -> None:
    record = SEED_KITS[model_id]
    steps = [" ".join(step["title"].split()) for step in record["replication"]["steps"]]
    document = Document(str(kit_file(seed_site, model_id, "checklist.docx")))
    assert [p.text for p in document.paragraphs][:2] == ["Danh sách việc cần làm để nhân rộng mô hình",
                                                         " ".join(record["name"].split())]
    table = document.tables[0]
    assert [row.cells[0].text for row in table.rows[1:]] == [str(i) for i in range(1, len(steps) + 1)]
    assert [row.cells[1].paragraphs[0].text for row in table.rows[1:]] == steps
    _, rows = read_csv(seed_site, model_id)
    assert [r["Việc cần làm"].removeprefix("'") for r in rows if r["Loại"] == "Bước"] == steps
    text = kit_file(seed_site, model_id, "checklist.md").read_text(encoding="utf-8")
    assert [line.split(". ", 1)[1].split(" — ")[0].replace("\\", "")
            for line in text.splitlines() if line.startswith("- [ ] ")] == steps


def test_seed_listing_page_names_every_model_with_a_kit(seed_site) -> None:
    html = seed_site.html("nhan-rong/index.html")
    main = html[html.index("<h1"):html.index("</article>")]
    listed = re.findall(r'<h2 id="[^"]*"><a href="\.\./mo-hinh/([^/"]+)/#nhan-rong-mo-hinh"', main)
    assert sorted(listed) == sorted(SEED_KITS)
    for model_id, record in SEED_KITS.items():
        block = main[main.index(f"../mo-hinh/{model_id}/#"):]
        assert f"{len(record['replication']['steps'])} bước" in block[:block.index("checklist.docx")], model_id
