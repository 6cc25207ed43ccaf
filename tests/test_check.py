"""`mohinh check` on good records, warnings, drafts and dates (the bad ones: tests/bad_records/, test_bad_records.py)."""

from __future__ import annotations

import unicodedata

import pytest
from click.testing import CliRunner

from conftest import BAC_KAN, Project
from mohinh.catalogue import check_catalogue
from mohinh.cli import main
from mohinh.errors import InvalidRecords


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


WRITTEN = BAC_KAN.replace("sources: [bac-kan-2020-09]\n", """\
sources:
  - bac-kan-2020-09
  - id: bac-kan-2021-03-ho-an-toan
    title: Bắc Kạn sơ kết mô hình Hộ an toàn
    publisher: Báo Bắc Kạn
    date: 15/03/2021
    url: https://baobackan.vn/bai-viet
""").replace("""    value: 76303
    unit: hộ
    as_of: 08/09/2020
    source: bac-kan-2020-09""", """    value: 76303
    unit: hộ
    as_of: 15/03/2021
    source: bac-kan-2021-03-ho-an-toan""")


def test_a_source_written_in_the_record_is_registered_and_cited_in_one_change(project: Project) -> None:
    """An officer adds a model and its new source in one file (one review): `mohinh check` accepts it, the
    source is registered as if it had its own file in models/_sources/, and the model's page lists it."""
    from mohinh.catalogue import load_catalogue
    from mohinh.render import Site

    project.record("bac-kan-ho-an-toan", WRITTEN)
    code, lines = check(project)
    assert (code, lines) == (0, ["1 mô hình, 2 nguồn. Không có lỗi."])
    catalogue = load_catalogue(project.root)
    assert catalogue.sources["bac-kan-2021-03-ho-an-toan"].publisher == "Báo Bắc Kạn"
    view = Site(catalogue).models[0]
    assert [sid for sid, _ in view.sources] == ["bac-kan-2020-09", "bac-kan-2021-03-ho-an-toan"]
    assert view.m.source_ids == ["bac-kan-2020-09", "bac-kan-2021-03-ho-an-toan"]
    # Open data: the record as written (the source in it), and the source among the model's sources.
    import warnings

    from mohinh.outputs.data import model_data

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pydantic writes the source as the record has it, not as an id
        data = model_data(view, "").model_dump(mode="json")
    assert data["record"]["sources"][1]["id"] == "bac-kan-2021-03-ho-an-toan"
    assert data["sources"][1] == {"id": "bac-kan-2021-03-ho-an-toan", "title": "Bắc Kạn sơ kết mô hình Hộ an toàn",
                                  "publisher": "Báo Bắc Kạn", "date": "2021-03-15", "url": "https://baobackan.vn/bai-viet",
                                  "unavailable": False, "author": None, "note": None}


def test_mistakes_in_a_written_source_are_all_told_in_the_first_run(project: Project) -> None:
    project.record("bac-kan-ho-an-toan", WRITTEN.replace("    title: Bắc Kạn sơ kết mô hình Hộ an toàn\n", "")
                   .replace("    publisher: Báo Bắc Kạn", "    publsher: Báo Bắc Kạn"))
    project.record("ban-sao", WRITTEN.replace("id: bac-kan-2021-03-ho-an-toan", "id: bac-kan-2020-09")
                   .replace("source: bac-kan-2021-03-ho-an-toan", "source: chua-co"))
    project.record("ban-sao-2", WRITTEN)
    code, lines = check(project)
    assert code == 1
    said = "\n".join(lines)
    assert "models/bac-kan-ho-an-toan.yml:32:5: sources (nguồn thứ 2) › title: thiếu trường bắt buộc `title`" in said
    assert "models/bac-kan-ho-an-toan.yml:33:5: sources (nguồn thứ 2) › publsher: trường `publsher` không có" in said
    assert ("models/ban-sao.yml:32:9: sources (nguồn thứ 2) › id: mã nguồn `bac-kan-2020-09` đã có "
            "(models/_sources/bac-kan-2020-09.yml). Cách sửa: nguồn đã có thì chỉ ghi mã của nó") in said
    assert "models/ban-sao.yml:26:13: results (kết quả thứ 2) › source: không có nguồn `chua-co`" in said
    assert lines[-1] == "4 lỗi trong 2 tệp."  # ban-sao-2 writes the same source, but the first has mistakes: not taken
    assert "nguon-viet-trong-ho-so" not in said and "nguon-da-co" not in said  # pydantic's union tags are no place


def test_one_source_written_in_two_records_is_an_error_with_the_fix(project: Project) -> None:
    project.record("bac-kan-ho-an-toan", WRITTEN)
    project.record("ban-sao", WRITTEN)
    code, lines = check(project)
    assert code == 1
    assert lines[0].startswith(
        "models/ban-sao.yml:32:9: sources (nguồn thứ 2) › id: nguồn `bac-kan-2021-03-ho-an-toan` đã được viết trong "
        "models/bac-kan-ho-an-toan.yml. Cách sửa: mỗi nguồn chỉ viết một lần: chuyển nó thành tệp "
        "models/_sources/bac-kan-2021-03-ho-an-toan.yml")
    # The same when the records are checked in two processes (as `mohinh check` does from 200 records).
    with pytest.raises(InvalidRecords) as raised:
        check_catalogue(project.root, two_processes=2)
    assert str(raised.value.problems[0]) == lines[0]
    project.record("ban-sao", BAC_KAN)
    assert check_catalogue(project.root, two_processes=2)[:2] == (2, 2)  # models, sources (one written)
