"""Feeds, open data, the committed schema, drafts: what officers publish and others reuse."""

from __future__ import annotations

import csv
import gzip
import io
import json

import feedparser
import jsonschema
import pytest
from click.testing import CliRunner

from conftest import BAC_KAN, REPO, make_project
from mohinh.cli import main
from mohinh.exports import schema_text
from mohinh.site import build_site

DRAFT_NAME = "Mô hình nháp chưa công bố Zxq"
UPDATES = """updates:
  - date: 15/09/2020
    title: Thêm 12 thôn tham gia
    text: Có thêm **12 thôn**.
    source: bac-kan-2020-09
  - date: 2019
    title: Tin năm 2019
"""


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("pub") / "p")
    project.record("bac-kan-ho-an-toan", BAC_KAN.replace("sources: [bac-kan-2020-09]", UPDATES + "sources: [bac-kan-2020-09]"))
    project.record("khac", BAC_KAN.replace("name: Hộ an toàn - Thôn, bản, tổ dân phố bình yên", "name: \"=HYPERLINK(1) mô hình\"")
                   .replace("province: Bắc Kạn", "province: Hà Tĩnh"))
    project.record("nhap", BAC_KAN.replace("name: Hộ an toàn - Thôn, bản, tổ dân phố bình yên", f"name: {DRAFT_NAME}")
                   + "draft: true\n")
    build_site(project.root)
    return project


def test_atom_feed_entries_order_and_timezone(published) -> None:
    feed = feedparser.parse((published.root / "site" / "feed.xml").read_bytes())
    assert not feed.bozo
    titles = [e.title for e in feed.entries]
    assert titles[0] == "Hộ an toàn - Thôn, bản, tổ dân phố bình yên: Thêm 12 thôn tham gia"
    assert "Hộ an toàn - Thôn, bản, tổ dân phố bình yên: Tin năm 2019" in titles
    assert titles.count("Mô hình mới: Hộ an toàn - Thôn, bản, tổ dân phố bình yên") == 1
    assert all(e.updated.endswith("+07:00") for e in feed.entries)
    dates = [e.updated for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.entries[0].link == "https://mohinh.example.vn/mo-hinh/bac-kan-ho-an-toan/"


def test_province_feeds(published) -> None:
    feed = feedparser.parse((published.root / "site" / "dia-phuong" / "thai-nguyen" / "feed.xml").read_bytes())
    assert feed.feed.title == "Mô hình ở tỉnh Thái Nguyên: tin mới"
    assert all("Hộ an toàn" in e.title for e in feed.entries)
    ha_tinh = feedparser.parse((published.root / "site" / "dia-phuong" / "ha-tinh" / "feed.xml").read_bytes())
    assert [e.title for e in ha_tinh.entries] == ["Mô hình mới: =HYPERLINK(1) mô hình"]


def test_open_data_json_validates_against_published_schema(published) -> None:
    data_dir = published.root / "site" / "du-lieu"
    schema = json.loads((data_dir / "model.schema.json").read_text(encoding="utf-8"))
    document = json.loads((data_dir / "mo-hinh.json").read_text(encoding="utf-8"))
    assert [m["id"] for m in document["models"]] == ["bac-kan-ho-an-toan", "khac"]
    for model in document["models"]:
        jsonschema.validate(model["record"], schema)
    bac_kan = document["models"][0]
    assert bac_kan["record"]["results"][1]["value"] == 76303
    assert bac_kan["record"]["results"][0]["as_of"] == "2020-09-08"
    assert bac_kan["places"][0]["province_today"] == "Thái Nguyên"


def test_csv_round_trips_with_bom_and_no_formulas(published) -> None:
    raw = (published.root / "site" / "du-lieu" / "ket-qua.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["mô hình"], r["số liệu"], r["trên tổng số"]) for r in rows[:2]] == [
        ("bac-kan-ho-an-toan", "847", "1310"), ("bac-kan-ho-an-toan", "76303", "")]
    models = list(csv.DictReader(io.StringIO((published.root / "site" / "du-lieu" / "mo-hinh.csv")
                                             .read_bytes().decode("utf-8-sig"))))
    assert models[1]["tên"] == "'=HYPERLINK(1) mô hình"


def test_drafts_never_published(published) -> None:
    site = published.root / "site"
    assert not (site / "mo-hinh" / "nhap").exists()
    for path in site.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            if path.suffix.startswith(".pf_"):
                try:
                    content = gzip.decompress(content)
                except OSError:
                    pass
            assert DRAFT_NAME.encode() not in content, path


def test_drafts_flag_includes_them(tmp_path) -> None:
    project = make_project(tmp_path / "p")
    project.record("nhap", BAC_KAN.replace("name: Hộ an toàn - Thôn, bản, tổ dân phố bình yên", f"name: {DRAFT_NAME}")
                   + "draft: true\n")
    build_site(project.root, drafts=True)
    assert DRAFT_NAME in project.html("mo-hinh/nhap/index.html")


def test_committed_schema_equals_generated() -> None:
    assert (REPO / "schema" / "model.schema.json").read_text(encoding="utf-8") == schema_text()


def test_schema_has_vietnamese_titles_for_every_field() -> None:
    schema = json.loads(schema_text())
    for name, prop in schema["properties"].items():
        assert prop.get("title"), name
    for definition in schema["$defs"].values():
        for name, prop in definition.get("properties", {}).items():
            assert prop.get("title"), name


def test_schema_check_command(monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(main, ["schema", "--check"])
    assert result.exit_code == 0, result.output
