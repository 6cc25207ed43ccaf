"""`mohinh check`: every problem of every file, one precise Vietnamese line each, no traceback."""

from __future__ import annotations

import unicodedata

import pytest
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


CASES = [
    (
        "typo-key",
        BAC_KAN.replace("limitations:", "limitation:"),
        "models/typo-key.yml:27:1: limitation: trường `limitation` không có trong định dạng hồ sơ. "
        "Cách sửa: có phải ý bạn là `limitations`?",
    ),
    (
        "thousands",
        BAC_KAN.replace("value: 76303", "value: 76.303"),
        "models/thousands.yml:23:12: results[1].value: `76.303` bị đọc thành số thập phân 76,303; "
        "dấu chấm phân cách hàng nghìn không dùng được trong trường số. Cách sửa: viết 76303.",
    ),
    (
        "thousands-total",
        BAC_KAN.replace("total: 1310", "total: 1.310"),
        "models/thousands-total.yml:17:12: results[0].total: `1.310` bị đọc thành số thập phân 1,310; "
        "dấu chấm phân cách hàng nghìn không dùng được trong trường số. Cách sửa: viết 1310.",
    ),
    (
        "text-number",
        BAC_KAN.replace("value: 76303", 'value: "76303 hộ"'),
        "models/text-number.yml:23:12: results[1].value: phải là một số, đang là `76303 hộ`. "
        "Cách sửa: chỉ ghi số, không kèm chữ hay dấu chấm phân cách; đơn vị ghi vào trường `unit`, ví dụ: value: 76303.",
    ),
    (
        "bad-date",
        BAC_KAN.replace("as_of: 08/09/2020\n    source: bac-kan-2020-09\n  - label: Hộ", "as_of: 31/02/2020\n    source: bac-kan-2020-09\n  - label: Hộ"),
        "models/bad-date.yml:20:12: results[0].as_of: ngày 31/02/2020 không có thật. "
        "Cách sửa: kiểm tra lại ngày trong nguồn; viết ngày trước, tháng sau: 02/10/2018.",
    ),
    (
        "unknown-source",
        BAC_KAN.replace("sources: [bac-kan-2020-09]", "sources: [bac-kan-2020-9]"),
        "models/unknown-source.yml:30:11: sources[0]: không có nguồn `bac-kan-2020-9` trong models/_sources.yml. "
        "Cách sửa: có phải ý bạn là `bac-kan-2020-09`?",
    ),
    (
        "missing-name",
        BAC_KAN.replace("name: Hộ an toàn - Thôn, bản, tổ dân phố bình yên\n", ""),
        "models/missing-name.yml:2:1: name: thiếu trường bắt buộc `name`. Cách sửa: thêm dòng `name: ...`.",
    ),
    (
        "bad-status",
        BAC_KAN.replace("status: replicating", "status: nhan-rong"),
        "models/bad-status.yml:6:9: status: giá trị `nhan-rong` không hợp lệ. Cách sửa: chọn một trong: "
        "pilot (thí điểm), active (đang hoạt động), replicating (đang nhân rộng), paused (tạm dừng), ended (đã kết thúc).",
    ),
    (
        "unknown-topic",
        BAC_KAN.replace("hoa-giai-co-so]", "hoa-giai]"),
        "models/unknown-topic.yml:7:32: topics[1]: không có chủ đề `hoa-giai`. Cách sửa: có phải ý bạn là `hoa-giai-co-so`?",
    ),
    (
        "unknown-province",
        BAC_KAN.replace("province: Bắc Kạn", "province: Bac Kann"),
        "models/unknown-province.yml:13:15: locations[0].province: không nhận ra tỉnh, thành phố `Bac Kann`. "
        "Cách sửa: có phải ý bạn là `Bắc Kạn`",
    ),
    (
        "wrong-id",
        "id: mot-ma-khac\n" + BAC_KAN,
        "models/wrong-id.yml:1:5: id: mã `mot-ma-khac` khác tên tệp `wrong-id`. "
        "Cách sửa: xóa dòng `id:` hoặc đổi thành `id: wrong-id`.",
    ),
    (
        "duplicate-key",
        BAC_KAN.replace("status: replicating", "status: replicating\nstatus: active"),
        "models/duplicate-key.yml:7:1: trường `status` xuất hiện hai lần (lần đầu ở dòng 6). "
        "Cách sửa: gộp hai phần vào một trường, xóa phần thừa.",
    ),
    (
        "tab",
        BAC_KAN.replace("  - province: Bắc Kạn", "\t- province: Bắc Kạn"),
        "models/tab.yml:13:1: có ký tự Tab; YAML chỉ cho phép thụt lề bằng dấu cách. "
        "Cách sửa: thay mỗi Tab bằng dấu cách (thường là 2 dấu cách).",
    ),
    (
        "python-tag",
        BAC_KAN.replace("lead: Công an tỉnh Bắc Kạn", "lead: !!python/object/apply:os.system [echo]"),
        "models/python-tag.yml:10:7: thẻ YAML `!!python/object/apply:os.system` không được phép. "
        "Cách sửa: bỏ thẻ bắt đầu bằng `!`; hồ sơ chỉ chứa văn bản, số, danh sách.",
    ),
    (
        "a-list",
        "- name: x\n- name: y\n",
        "models/a-list.yml:1:1: hồ sơ phải là các trường dạng `tên: giá trị`, không phải danh sách hay văn bản. "
        "Cách sửa: mỗi tệp chỉ chứa một mô hình; chạy `mohinh new` để có tệp mẫu.",
    ),
    (
        "negative",
        BAC_KAN.replace("value: 847", "value: -847"),
        "models/negative.yml:16:12: results[0].value: số -847 bị âm. Cách sửa: số đếm không thể âm; kiểm tra lại nguồn.",
    ),
    (
        "total-smaller",
        BAC_KAN.replace("total: 1310", "total: 84"),
        "models/total-smaller.yml:17:12: results[0].total: tổng số 84 nhỏ hơn số liệu 847. "
        "Cách sửa: kiểm tra lại: `value` là phần, `total` là tổng (847 trên 1310).",
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_record_gives_one_precise_line(project: Project, name: str, text: str, expected: str) -> None:
    project.record(name, text)
    code, lines = check(project)
    assert code == 1
    problems = [line for line in lines if line.startswith(f"models/{name}.yml")]
    assert len(problems) == 1, lines
    assert problems[0].startswith(expected), problems[0]
    assert lines[-1].startswith("1 lỗi trong 1 tệp")


def test_every_problem_of_every_file_in_one_run(project: Project) -> None:
    for name, text, _ in CASES[:6]:
        project.record(name, text)
    code, lines = check(project)
    assert code == 1
    assert lines[-1] == "6 lỗi trong 6 tệp."
    assert [line.split(":")[0] for line in lines[:-1]] == sorted(f"models/{c[0]}.yml" for c in CASES[:6])


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
        "models/khong-ro-tinh.yml:13:15: locations[0].province: cảnh báo: nguồn không nêu tỉnh, thành phố. "
        "Cách sửa: nếu nguồn có nêu, ghi tên tỉnh; nếu không, giữ null và giải thích ở `note`."
    )
    assert lines[-1] == "2 mô hình, 1 nguồn. Không có lỗi, 1 cảnh báo."


def test_drafts_are_checked(project: Project) -> None:
    project.record("nhap", BAC_KAN.replace("value: 847", "value: 8.470") + "draft: true\n")
    code, lines = check(project)
    assert code == 1
    assert lines[0].startswith("models/nhap.yml:16:12: results[0].value:")


def test_not_a_project(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "không tìm thấy mkdocs.yml" in result.output


def test_partial_dates_sort_year_before_month_before_day() -> None:
    from mohinh.dates import PartialDate

    dates = [PartialDate.parse(x) for x in ("03/2020", "2020", "02/03/2020", "2019-12-31")]
    assert [d.display for d in sorted(dates)] == ["31/12/2019", "năm 2020", "tháng 03/2020", "02/03/2020"]
