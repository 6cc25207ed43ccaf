"""Open data in /du-lieu/: JSON valid against its published schemas, CSVs that round-trip safely."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from referencing import Registry, Resource

from conftest import BAC_KAN, Project, give_site_url, make_project
from mohinh.build import build_site
from mohinh.text import csv_cell

SITE = "https://mohinh.donvi.gov.vn/"
FORMULAS = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "=1+1", "-lệnh"]
DAK_TO_RE = """\
name: Tổ tự quản
summary: Tổ tự quản ở xã Đăk Tờ Re.
status: active
topics: [phong-chong-toi-pham]
community: thon-to-dan-pho
locations:
  - province: Kon Tum
    district: huyện Kon Rẫy
    commune: xã Đăk Tờ Re
  - province: null
    note: Nguồn không nêu tên tỉnh
results:
  - label: Tỷ lệ hộ tham gia
    value: 64.7
    unit: "%"
    as_of: 2021
    source: bac-kan-2020-09
sources: [bac-kan-2020-09]
"""


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Project:
    project = make_project(tmp_path_factory.mktemp("exports") / "p", with_records=False)
    project.record("dak-to-re", DAK_TO_RE)
    project.record("nguy-hiem", BAC_KAN.replace("name: Hộ an toàn - Thôn, bản, tổ dân phố bình yên", f"name: '{FORMULAS[0]}'")
                   .replace("lead: Công an tỉnh Bắc Kạn", f"lead: '{FORMULAS[1]}'")
                   .replace("motto: Tự phòng, tự quản, tự bảo vệ và tự hòa giải", "")
                   .replace("  - label: Hộ gia đình tham gia", f"  - label: '{FORMULAS[2]}'")
                   .replace("unit: hộ", f"unit: '{FORMULAS[3]}'")
                   .replace("scope: 108 xã, phường, thị trấn", f"scope: \"{FORMULAS[4]}\"")
                   .replace("unit: thôn, tổ dân phố", f"unit: \"{FORMULAS[5]}\""))
    give_site_url(project, SITE)  # a unit's real address: every address is absolute
    build_site(project.root)
    return project


def read(project: Project, name: str) -> bytes:
    return (project.root / "site" / "du-lieu" / name).read_bytes()


def rows(project: Project, name: str) -> list[dict[str, str]]:
    raw = read(project, name)
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel shows Vietnamese correctly
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_json_validates_against_the_published_schemas(data: Project) -> None:
    document = json.loads(read(data, "mo-hinh.json"))
    schema = json.loads(read(data, "mo-hinh.schema.json"))
    record_schema = json.loads(read(data, "model.schema.json"))
    registry = Registry().with_resource("model.schema.json", Resource.from_contents(record_schema))
    validator = jsonschema.Draft202012Validator(schema, registry=registry)
    assert list(validator.iter_errors(document)) == []
    broken = json.loads(json.dumps(document))
    broken["models"][0]["record"]["results"][0]["value"] = "64,7"  # the record part is checked too
    assert [e.message for e in validator.iter_errors(broken)] == ["'64,7' is not of type 'number'"]


def test_json_is_normalised(data: Project) -> None:
    document = json.loads(read(data, "mo-hinh.json"))
    assert [m["id"] for m in document["models"]] == ["dak-to-re", "nguy-hiem"]
    dak_to_re, other = document["models"]
    assert dak_to_re["url"] == f"{SITE}mo-hinh/dak-to-re/"
    assert dak_to_re["record"]["results"][0] == {"label": "Tỷ lệ hộ tham gia", "value": 64.7, "unit": "%",
                                                 "as_of": "2021", "source": "bac-kan-2020-09"}
    assert other["record"]["results"][0]["as_of"] == "2020-09-08" and other["record"]["results"][0]["value"] == 847
    assert other["record"]["started"] == "2018"
    assert dak_to_re["places"][0] == {
        "reported": "xã Đăk Tờ Re, huyện Kon Rẫy, tỉnh Kon Tum", "province_reported": "Kon Tum",
        "province_today": "Quảng Ngãi", "province_today_code": "51", "province_today_slug": "quang-ngai",
        "commune_today": "xã Kon Braih, tỉnh Quảng Ngãi",
        "text": "xã Đăk Tờ Re, huyện Kon Rẫy (cấp huyện không còn từ 01/07/2025), tỉnh Kon Tum — nay thuộc tỉnh Quảng Ngãi",
    }
    assert dak_to_re["record"]["locations"][1] == {"province": None, "note": "Nguồn không nêu tên tỉnh"}
    assert dak_to_re["places"][1]["province_today"] is None
    assert dak_to_re["sources"][0]["date"] == "2020-09-08"
    assert "draft" not in other["record"]


def test_models_csv_round_trips(data: Project) -> None:
    document = json.loads(read(data, "mo-hinh.json"))
    table = rows(data, "mo-hinh.csv")
    assert [r["id"] for r in table] == [m["id"] for m in document["models"]]
    dak_to_re = table[0]
    assert dak_to_re["tên"] == "Tổ tự quản"
    assert dak_to_re["địa bàn"] == ("xã Đăk Tờ Re, huyện Kon Rẫy (cấp huyện không còn từ 01/07/2025), tỉnh Kon Tum "
                                   "— nay thuộc tỉnh Quảng Ngãi | Không rõ địa phương")
    assert dak_to_re["tỉnh hiện nay"] == "Quảng Ngãi"
    assert dak_to_re["số kết quả"] == "1" and dak_to_re["địa chỉ"] == f"{SITE}mo-hinh/dak-to-re/"


def test_results_csv_round_trips_with_sources(data: Project) -> None:
    table = rows(data, "ket-qua.csv")
    assert [(r["mô hình"], r["số liệu"], r["trên tổng số"], r["tính đến"], r["mã nguồn"], r["ngày nguồn"]) for r in table] == [
        ("dak-to-re", "64.7", "", "2021", "bac-kan-2020-09", "2020-09-08"),
        ("nguy-hiem", "847", "1310", "2020-09-08", "bac-kan-2020-09", "2020-09-08"),
        ("nguy-hiem", "76303", "", "2020-09-08", "bac-kan-2020-09", "2020-09-08"),
    ]
    assert table[0]["nguồn"].startswith("Bắc Kạn tiếp tục nhân rộng mô hình tự quản “Hộ an toàn")


def test_formula_like_cells_are_neutralised(data: Project) -> None:
    model = rows(data, "mo-hinh.csv")[1]
    results = rows(data, "ket-qua.csv")[1:]
    cells = [model["tên"], model["cơ quan chủ trì"], results[1]["nội dung"], results[1]["đơn vị"],
             results[0]["phạm vi"], results[0]["đơn vị"]]
    assert cells == ["'" + f for f in FORMULAS]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows(data, "mo-hinh.csv") + results
               for c in r.values())


@pytest.mark.parametrize("cell, safe", [("\tTab", "'\tTab"), ("\rCR", "'\rCR"), ("a=b", "a=b"), (-3, -3), ("", "")])
def test_csv_cell(cell, safe) -> None:
    """Text the record validator would already have trimmed (Tab, CR) is still neutralised."""
    assert csv_cell(cell) == safe


def test_data_page_explains_files_and_licence(data: Project) -> None:
    html = data.html("du-lieu/index.html")
    for name in ("mo-hinh.json", "mo-hinh.csv", "ket-qua.csv", "model.schema.json", "mo-hinh.schema.json"):
        assert f'<a href="{name}">{name}</a>' in html
    assert "CC BY 4.0" in html and "MIT" in html
    assert "Toàn bộ 2 mô hình đã công bố" in html
