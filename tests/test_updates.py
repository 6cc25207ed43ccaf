"""`mohinh add-update`: keeps a hand-written record byte for byte, refuses bad updates; the timeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import BAC_KAN, Project
from mohinh.catalogue import load_catalogue
from mohinh.cli import main
from mohinh.errors import InvalidRecords, UnknownModel
from mohinh.outputs import pages
from mohinh.render import Site
from mohinh.updates import add_update, append_update

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_add_update_keeps_comments_and_layout(project: Project) -> None:
    project.record("viet-tay", (DATA / "hand-written.yml").read_text(encoding="utf-8"))
    result = run("add-update", "viet-tay", "--title", "Nhân rộng thêm: 12 thôn", "--date", "15/09/2020",
                 "--text", "Mô hình **tiếp tục** mở rộng.", "--source", "bac-kan-2020-09")
    assert result.exit_code == 0, result.output
    assert result.output == "Đã thêm tin cập nhật vào models/viet-tay.yml.\n"
    after = (project.models / "viet-tay.yml").read_text(encoding="utf-8")
    assert after == (GOLDEN / "hand-written-after-update.yml").read_text(encoding="utf-8")
    assert run("check").exit_code == 0


def test_record_without_updates_gets_a_block_before_sources(project: Project) -> None:
    result = run("add-update", "bac-kan-ho-an-toan", "--title", "Tin mới", "--date", "2021")
    assert result.exit_code == 0, result.output
    text = (project.models / "bac-kan-ho-an-toan.yml").read_text(encoding="utf-8")
    assert text == BAC_KAN.replace("sources: [bac-kan-2020-09]\n",
                                   "updates:\n  - date: '2021'\n    title: Tin mới\nsources: [bac-kan-2020-09]\n")


def test_date_defaults_to_today_and_multiline_text_is_a_literal_block(project: Project) -> None:
    add_update(project.root, "bac-kan-ho-an-toan", "Họp tổng kết", text="Dòng một.\n\nDòng **hai**.",
               today=dt.date(2021, 3, 5))
    text = (project.models / "bac-kan-ho-an-toan.yml").read_text(encoding="utf-8")
    assert ("updates:\n  - date: 05/03/2021\n    title: Họp tổng kết\n    text: |-\n      Dòng một.\n\n"
            "      Dòng **hai**.\nsources:") in text
    model = load_catalogue(project.root).by_id["bac-kan-ho-an-toan"].model
    assert model.updates[0].text == "Dòng một.\n\nDòng **hai**."


def test_windows_line_endings_and_compact_lists_are_kept(project: Project) -> None:
    written = (BAC_KAN.replace("  - province: Bắc Kạn", "- province: Bắc Kạn")
               .replace("sources:", "updates:\n- date: 2019\n  title: Cũ\nsources:").replace("\n", "\r\n"))
    path = project.models / "bac-kan-ho-an-toan.yml"
    path.write_bytes(written.encode("utf-8"))
    add_update(project.root, "bac-kan-ho-an-toan", "Mới", "2020")
    assert path.read_bytes().decode("utf-8") == written.replace(
        "  title: Cũ\r\n", "  title: Cũ\r\n- date: '2020'\r\n  title: Mới\r\n")


@pytest.mark.parametrize("before, after", [
    # the last update ends with a block scalar whose text holds a `#` line and is followed by blank lines
    ("updates:\n  - date: 2019\n    title: a\n    text: |\n      # không phải chú thích\n\n  # ghi chú\nsources: [s]\n",
     "updates:\n  - date: 2019\n    title: a\n    text: |\n      # không phải chú thích\n  - date: '2020'\n    title: b\n"
     "\n  # ghi chú\nsources: [s]\n"),
    ("updates: [{date: 2019, title: a}]  # cũ\nsources: [s]\n",
     'updates: [{date: 2019, title: a}, {date: "2020", title: "b"}]  # cũ\nsources: [s]\n'),
    ("updates:\nsources: [s]\n", "updates:\n  - date: '2020'\n    title: b\nsources: [s]\n"),
    ("# nguồn của mô hình\nsources: [s]", "updates:\n  - date: '2020'\n    title: b\n# nguồn của mô hình\nsources: [s]"),
    ("sources: [s]\nupdates:\n  - date: 2019\n    title: a", "sources: [s]\nupdates:\n  - date: 2019\n    title: a\n"
     "  - date: '2020'\n    title: b\n"),
])
def test_text_edit_touches_nothing_else(before: str, after: str) -> None:
    assert append_update("name: x\n" + before, {"date": "2020", "title": "b"}) == "name: x\n" + after


def test_invalid_update_is_refused_and_file_untouched(project: Project) -> None:
    path = project.models / "bac-kan-ho-an-toan.yml"
    before = path.read_bytes()
    bad_date = run("add-update", "bac-kan-ho-an-toan", "--title", "x", "--date", "31/02/2020")
    assert bad_date.exit_code == 1
    assert ("models/bac-kan-ho-an-toan.yml:31:11: updates (tin thứ 1) › date: ngày 31/02/2020 không có thật. "
            "Cách sửa: kiểm tra lại ngày trong nguồn; viết ngày trước, tháng sau: 02/10/2018.") in bad_date.output
    bad_source = run("add-update", "bac-kan-ho-an-toan", "--title", "x", "--source", "bac-kan-2020")
    assert bad_source.exit_code == 1
    assert ("updates (tin thứ 1) › source: không có nguồn `bac-kan-2020` (không có tệp models/_sources/bac-kan-2020.yml). "
            "Cách sửa: có phải ý bạn là `bac-kan-2020-09`?") in bad_source.output
    html = run("add-update", "bac-kan-ho-an-toan", "--title", "x", "--text", "<script>x</script>")
    assert html.exit_code == 1 and "updates (tin thứ 1) › text: có thẻ HTML" in html.output
    future = run("add-update", "bac-kan-ho-an-toan", "--title", "x", "--date", "2999")
    assert future.exit_code == 1 and "còn ở tương lai" in future.output
    assert path.read_bytes() == before
    assert sorted(p.name for p in project.models.iterdir()) == ["_sources.yml", "_vocabularies.yml", "bac-kan-ho-an-toan.yml"]


def test_a_record_already_wrong_elsewhere_is_not_written(project: Project) -> None:
    record = project.record("bac-kan-ho-an-toan", BAC_KAN.replace("community: thon-to-dan-pho", "community: thon"))
    before = record.read_bytes()
    result = run("add-update", "bac-kan-ho-an-toan", "--title", "x", "--date", "2020")
    assert result.exit_code == 1
    assert "community: không có loại cộng đồng `thon`" in result.output
    assert record.read_bytes() == before


def test_unknown_or_unsafe_model_id(project: Project) -> None:
    missing = run("add-update", "khong-co", "--title", "x")
    assert (missing.exit_code, missing.output) == (1, "Lỗi: không có mô hình “khong-co” (không thấy tệp models/khong-co.yml)\n")
    with pytest.raises(UnknownModel):
        add_update(project.root, "../models/bac-kan-ho-an-toan", "x")


def test_a_file_that_is_not_a_block_mapping_is_refused() -> None:
    with pytest.raises(InvalidRecords) as refused:
        append_update("{name: x, sources: [s]}\n", {"date": "2020", "title": "b"}, "models/x.yml")
    assert "thêm tin cập nhật bằng tay" in str(refused.value.problems[0])


def test_timeline_is_newest_first_with_anchors(project: Project) -> None:
    for title, date in [("Tin giữa", "03/2020"), ("Tin cũ nhất", "2019"), ("Tin mới nhất", "15/09/2020"),
                        ("Tin cùng ngày, viết sau", "15/09/2020")]:
        add_update(project.root, "bac-kan-ho-an-toan", title, date)
    markdown = pages.make(Site(load_catalogue(project.root)))["mo-hinh/bac-kan-ho-an-toan.md"]
    headings = [line for line in markdown.splitlines() if line.startswith("### ")]
    assert headings == [
        "### 15/09/2020: Tin cùng ngày, viết sau { #cap-nhat-2020-09-15-tin-cung-ngay-viet-sau }",
        "### 15/09/2020: Tin mới nhất { #cap-nhat-2020-09-15-tin-moi-nhat }",
        "### tháng 03/2020: Tin giữa { #cap-nhat-2020-03-tin-giua }",
        "### năm 2019: Tin cũ nhất { #cap-nhat-2019-tin-cu-nhat }",
    ]
