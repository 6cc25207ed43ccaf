"""Record contract version 2, as a commune planning a copy and an officer reporting upward meet it: costs
and who paid, the team, where it was copied, recognition, contacts, the dated status, the evidence level,
and the officers' summary; every mistake of a file told in one run of `mohinh check`."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from click.testing import CliRunner
from docx import Document

from conftest import BAC_KAN, Project
from mohinh.build import build_site
from mohinh.cli import main

# Written as an officer would from the "Camera và ánh sáng an ninh" article (held out of the repository's records).
HELD_OUT = """\
name: Camera và ánh sáng an ninh
summary: >-
  Thôn góp tiền lắp camera công cộng; doanh nghiệp ủng hộ đèn năng lượng mặt trời.
status: replicating
status_as_of: 02/2021
topics: [camera-cong-nghe]
community: thon-to-dan-pho
started: 10/2020
locations:
  - province: Gia Lai
    district: huyện Ia Grai
    commune: xã Ia Bă
    place: làng Út 2
    origin: true
    teams: 1
    members: 15
  - province: Gia Lai
    place: thôn thứ hai
    since: 2021
    teams: 2
    members: 30
  - province: Kon Tum
    since: 2022
    teams: 3
results:
  - label: Camera công cộng
    value: 5
    unit: camera
    as_of: 02/2021
    source: bac-kan-2020-09
costs:
  - label: Tổng chi phí xây dựng mô hình
    amount: 878000000
    paid_by: nhieu-nguon
    as_of: 02/2021
    source: bac-kan-2020-09
  - label: Góp lắp camera công cộng
    amount: 50000
    per: hộ
    paid_by: nguoi-dan
    note: Hộ nghèo được miễn.
    as_of: 02/2021
    source: bac-kan-2020-09
  - label: Đèn năng lượng mặt trời (37 bóng)
    amount: 51800000
    paid_by: doanh-nghiep
    in_kind: true
    as_of: 02/2021
    source: bac-kan-2020-09
team:
  members: {min: 10, max: 20}
  per: thôn
  roles: [Tổ trưởng do các hộ bầu]
  schedule: Tuần tra từ 22 giờ đến 4 giờ sáng hôm sau
  training: [Sử dụng camera]
  source: bac-kan-2020-09
recognition:
  - title: Mô hình điển hình tiên tiến
    by: Ủy ban nhân dân tỉnh Gia Lai
    level: tinh
    date: 2021
    document: Quyết định số 123/QĐ-UBND
    source: bac-kan-2020-09
contacts:
  - organisation: Công an xã Ia Bă
    address: xã Ia Bă, huyện Ia Grai
replication:
  steps:
    - title: Họp dân thống nhất mức góp
sources: [bac-kan-2020-09]
"""


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Project:
    from conftest import make_project

    project = make_project(tmp_path_factory.mktemp("v2") / "p")
    project.record("lang-ut-2-camera", HELD_OUT)
    build_site(project.root)
    return project


def section(html: str, heading: str) -> str:
    """The text of the page's section under the heading ``heading`` (not the key facts' label of that name)."""
    start = re.search(rf"<h2[^>]*>{re.escape(heading)}<", html).start()
    end = html.find("<h2", start + 1)
    return text_of(html[start:end if end > 0 else None])


def test_costs_have_their_own_section_and_never_count_as_results(built) -> None:
    html = built.html("mo-hinh/lang-ut-2-camera/index.html")
    costs = section(html, "Kinh phí")
    assert "878.000.000 đồng" in costs and "50.000 đồng/hộ" in costs and "51.800.000 đồng (hiện vật)" in costs
    assert "Người dân đóng góp" in costs and "Doanh nghiệp, nhà tài trợ" in costs and "Hộ nghèo được miễn" in costs
    results = section(html, "Kết quả")
    assert "đồng" not in results
    assert "878" not in open_data(built, "ket-qua.csv")
    costs_csv = open_data(built, "kinh-phi.csv")
    assert "878000000" in costs_csv and "50000,hộ" in costs_csv


def open_data(project: Project, name: str) -> str:
    return (project.root / "site" / "du-lieu" / name).read_text(encoding="utf-8-sig")


def test_team_replication_points_recognition_contacts_and_dated_status(built) -> None:
    html = built.html("mo-hinh/lang-ut-2-camera/index.html")
    assert "10–20 người/thôn" in section(html, "Đội, tổ thực hiện")
    points = section(html, "Nơi đã nhân rộng")
    assert points.index("Nơi khởi đầu: làng Út 2") < points.index("thôn thứ hai")
    assert "từ năm 2021; 2 tổ, đội; 30 người tham gia" in points
    assert "Mô hình điển hình tiên tiến: Ủy ban nhân dân tỉnh Gia Lai (Cấp tỉnh), năm 2021, Quyết định số 123/QĐ-UBND" in section(html, "Công nhận")
    assert "Công an xã Ia Bă" in section(html, "Liên hệ")
    facts = text_of(html)
    assert "Đang nhân rộng (theo nguồn tháng 02/2021)" in facts
    assert "Được công nhận" in facts  # the evidence level, linked to its explanation
    assert 'href="../../gioi-thieu/#muc-thong-tin"' in html


def test_a_record_without_version_2_fields_shows_none_of_their_sections(built) -> None:
    html = built.html("mo-hinh/bac-kan-ho-an-toan/index.html")
    for heading in ("Kinh phí", "Đội, tổ thực hiện", "Nơi đã nhân rộng", "Công nhận", "Liên hệ"):
        assert not re.search(f"<h[23][^>]*>{heading}<", html), heading
    # the decision box still answers the commune's question, plainly (issue 27)
    assert "<dt>Kinh phí</dt><dd>nguồn không nêu</dd>" in html and "<dt>Ai chi trả</dt><dd>nguồn không nêu</dd>" in html


def test_the_kit_carries_the_budget_the_team_and_the_contacts(built) -> None:
    document = Document(str(built.root / "site" / "mo-hinh" / "lang-ut-2-camera" / "checklist.docx"))
    budget = document.tables[1]
    assert [c.text for c in budget.rows[0].cells][:4] == ["STT", "Khoản chi", "Mô hình gốc (theo nguồn)", "Ai chi trả"]
    rows = [[c.text for c in row.cells] for row in budget.rows[1:]]
    assert rows[0][1:4] == ["Tổng chi phí xây dựng mô hình", "878.000.000 đồng, tháng 02/2021", "Nhiều nguồn cùng chi trả"]
    assert rows[1][2] == "50.000 đồng/hộ, tháng 02/2021"
    assert [r[1] for r in rows[3:]] == ["", "", ""]  # rows for the commune's own estimate
    paragraphs = [p.text for p in document.paragraphs]
    assert "Số người mỗi tổ: 10–20 người/thôn" in paragraphs and "Công an xã Ia Bă, xã Ia Bă, huyện Ia Grai" in paragraphs


def test_the_officers_summary_counts_replication_points_and_teams(built) -> None:
    """Read with the standard library alone (not the library that wrote it)."""
    data = (built.root / "site" / "du-lieu" / "tong-hop.xlsx").read_bytes()
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        workbook = ET.fromstring(book.read("xl/workbook.xml"))
        names = [sheet.get("name") for sheet in workbook.find("m:sheets", ns)]
        shared = book.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in book.namelist() else b"<sst/>"
        strings = ["".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t")) for si in ET.fromstring(shared)]
        sheet = ET.fromstring(book.read("xl/worksheets/sheet1.xml"))
        pane = sheet.find("m:sheetViews/m:sheetView/m:pane", ns)

    def value(cell: ET.Element) -> object:
        v = cell.find("m:v", ns)
        if cell.get("t") == "s":
            return strings[int(v.text)]
        if cell.get("t") == "inlineStr":
            return "".join(t.text or "" for t in cell.iter(f"{{{ns['m']}}}t"))
        return int(v.text) if v is not None and v.text.isdigit() else (v.text if v is not None else None)

    rows = [[value(c) for c in row] for row in sheet.find("m:sheetData", ns)]
    assert names[0] == "Cả nước" and "Quảng Ngãi" in names and "Gia Lai" in names
    assert rows[0][:7] == ["STT", "Mô hình", "Cộng đồng", "Địa bàn (như nguồn ghi, nay thuộc)", "Số điểm nhân rộng",
                           "Số tổ, đội", "Số người tham gia"]
    held = next(row for row in rows if row[1] == "Camera và ánh sáng an ninh")
    assert held[4:7] == [2, 6, 45]  # numbers as numbers: 2 points (3 places less the origin), 1+2+3 teams, 15+30 people
    assert pane is not None and pane.get("topLeftCell") == "A2"  # the header row stays in view


def test_three_mistakes_are_told_in_one_run(project: Project) -> None:
    bad = HELD_OUT.replace("    amount: 878000000", "    amount: 878.000.000") \
        .replace("    amount: 51800000", "    amount: 51,8 triệu").replace("  members: {min: 10, max: 20}", "  members: 10-20") \
        .replace("topics: [camera-cong-nghe]", "topics: [camera-an-ninh]").replace("status: replicating", "\tstatus: replicating")
    project.record("ba-loi", bad)
    result = CliRunner().invoke(main, ["check"])
    lines = result.output.splitlines()
    assert result.exit_code == 1
    assert lines[-1] == "5 lỗi trong 1 tệp."
    text = "\n".join(lines)
    assert "models/ba-loi.yml:4:1: có ký tự Tab" in text
    assert "costs (khoản kinh phí thứ 1) › amount: `878.000.000` không phải số tiền viết liền" in text and "viết 878000000" in text
    assert "viết 51800000" in text and "viết members: {min: 10, max: 20}" in text
    assert "topics (chủ đề thứ 1): không có chủ đề `camera-an-ninh`. Cách sửa: có phải ý bạn là `camera-cong-nghe`?" in text


def test_a_personal_mobile_number_is_a_warning_and_only_shows_one_file(project: Project) -> None:
    project.record("lien-he", HELD_OUT.replace("    address: xã Ia Bă, huyện Ia Grai", "    phone: 0912 345 678"))
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0
    assert ("models/lien-he.yml:66:12: contacts (liên hệ thứ 1) › phone: cảnh báo: `0912 345 678` trông như số di "
            "động cá nhân. Cách sửa: chỉ ghi số công khai của đơn vị; nếu số này đã được công bố, ghi nơi công bố vào "
            "`note`.") in result.output.splitlines()
    project.record("khong-ro-tinh", BAC_KAN.replace("  - province: Bắc Kạn", "  - province: null\n    note: Nguồn không nêu."))
    only = CliRunner().invoke(main, ["check", "--only", "models/khong-ro-tinh.yml"])
    assert only.exit_code == 0
    assert "lien-he" not in only.output and "khong-ro-tinh.yml" in only.output
    assert only.output.splitlines()[-1].endswith("Ẩn 1 lỗi, cảnh báo ở tệp khác (bỏ --only để xem).")
