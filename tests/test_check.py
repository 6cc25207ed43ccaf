"""`mohinh check` on good records, warnings, drafts and dates (the bad ones: tests/bad_records/, test_bad_records.py)."""

from __future__ import annotations

import unicodedata

from click.testing import CliRunner

from conftest import BAC_KAN, Project
from mohinh.cli import main


def check(project: Project) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check"], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result.exit_code, result.output.splitlines()


def test_valid_project_passes(project: Project) -> None:
    code, lines = check(project)
    assert code == 0
    assert lines == ["1 mô hình, 1 nguồn. Không có lỗi."]


def test_nfd_text_is_normalised(project: Project) -> None:
    project.record("bac-kan-ho-an-toan", unicodedata.normalize("NFD", BAC_KAN))
    code, _ = check(project)
    assert code == 0
    from mohinh.catalogue import load_catalogue

    model = load_catalogue(project.root).records[0].model
    assert model.name == unicodedata.normalize("NFC", "Hộ an toàn - Thôn, bản, tổ dân phố bình yên")


def test_province_null_is_a_warning_not_an_error(project: Project) -> None:
    project.record(
        "khong-ro-tinh",
        BAC_KAN.replace("  - province: Bắc Kạn", "  - province: null\n    note: Bài viết không nêu tên tỉnh"),
    )
    code, lines = check(project)
    assert code == 0
    assert lines[0] == (
        "models/khong-ro-tinh.yml:13:15: locations (địa bàn thứ 1) › province: cảnh báo: nguồn không nêu tỉnh, thành phố. "
        "Cách sửa: nếu nguồn có nêu, ghi tên tỉnh; nếu không, giữ null và giải thích ở `note`."
    )
    assert lines[-1] == "2 mô hình, 1 nguồn. Không có lỗi, 1 cảnh báo."


def test_drafts_are_checked(project: Project) -> None:
    project.record("nhap", BAC_KAN.replace("value: 847", "value: 8.470") + "draft: true\n")
    code, lines = check(project)
    assert code == 1
    assert lines[0].startswith("models/nhap.yml:16:12: results (kết quả thứ 1) › value:")


def test_not_a_project(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "không tìm thấy mkdocs.yml" in result.output


def test_partial_dates_sort_year_before_month_before_day() -> None:
    from mohinh.dates import PartialDate

    dates = [PartialDate.parse(x) for x in ("03/2020", "2020", "02/03/2020", "2019-12-31")]
    assert [d.display for d in sorted(dates)] == ["31/12/2019", "năm 2020", "tháng 03/2020", "02/03/2020"]
