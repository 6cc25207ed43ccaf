"""`mohinh add-update`: keeps a hand-written record's comments and order, refuses bad updates."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conftest import Project
from mohinh.cli import main

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"


def test_add_update_keeps_comments_and_layout(project: Project) -> None:
    project.record("viet-tay", (DATA / "hand-written.yml").read_text(encoding="utf-8"))
    result = CliRunner().invoke(main, ["add-update", "viet-tay", "--title", "Nhân rộng thêm: 12 thôn", "--date",
                                       "15/09/2020", "--text", "Mô hình **tiếp tục** mở rộng.", "--source",
                                       "bac-kan-2020-09"])
    assert result.exit_code == 0, result.output
    assert result.output == "Đã thêm tin cập nhật vào models/viet-tay.yml.\n"
    after = (project.models / "viet-tay.yml").read_text(encoding="utf-8")
    assert after == (GOLDEN / "hand-written-after-update.yml").read_text(encoding="utf-8")
    assert CliRunner().invoke(main, ["check"]).exit_code == 0


def test_add_update_to_a_record_without_updates_goes_before_sources(project: Project) -> None:
    result = CliRunner().invoke(main, ["add-update", "bac-kan-ho-an-toan", "--title", "Tin mới", "--date", "2021"])
    assert result.exit_code == 0
    text = (project.models / "bac-kan-ho-an-toan.yml").read_text(encoding="utf-8")
    assert text.endswith("updates:\n  - date: '2021'\n    title: Tin mới\nsources: [bac-kan-2020-09]\n")


def test_invalid_update_is_refused_and_file_untouched(project: Project) -> None:
    path = project.models / "bac-kan-ho-an-toan.yml"
    before = path.read_bytes()
    bad_date = CliRunner().invoke(main, ["add-update", "bac-kan-ho-an-toan", "--title", "x", "--date", "31/02/2020"])
    assert bad_date.exit_code == 1
    assert "updates[0].date: ngày 31/02/2020 không có thật" in bad_date.output
    bad_source = CliRunner().invoke(main, ["add-update", "bac-kan-ho-an-toan", "--title", "x", "--source", "khong-co"])
    assert bad_source.exit_code == 1
    assert "updates[0].source: không có nguồn `khong-co` trong models/_sources.yml" in bad_source.output
    html = CliRunner().invoke(main, ["add-update", "bac-kan-ho-an-toan", "--title", "x", "--text", "<script>x</script>"])
    assert html.exit_code == 1 and "có thẻ HTML" in html.output
    assert path.read_bytes() == before
    missing = CliRunner().invoke(main, ["add-update", "khong-co", "--title", "x"])
    assert missing.exit_code == 1
    assert "không có mô hình “khong-co”" in missing.output
