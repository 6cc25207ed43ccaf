"""The `mohinh` command: help for every command, exit statuses, `new`."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import Project
from mohinh.cli import main

COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_vietnamese_help(command: str) -> None:
    result = CliRunner().invoke(main, [command, "-h"])
    assert result.exit_code == 0
    assert result.output.startswith(f"Cách dùng: main {command}")
    assert main.commands[command].help and any(ch in main.commands[command].help for ch in "ăâđêôơư")


def test_wrong_usage_exits_2() -> None:
    assert CliRunner().invoke(main, ["check", "--khong-co"]).exit_code == 2
    assert CliRunner().invoke(main, ["khong-co-lenh"]).exit_code == 2


def test_new_writes_a_valid_draft_and_refuses_to_overwrite(project: Project) -> None:
    result = CliRunner().invoke(main, ["new", "Tiếng kẻng an ninh", "--province", "ha tinh"])
    assert result.exit_code == 0, result.output
    path = project.root / "models" / "ha-tinh-tieng-keng-an-ninh.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/model.schema.json\n")
    assert 'name: "Tiếng kẻng an ninh"' in text and 'province: "Hà Tĩnh"' in text
    project.write("models/_sources.yml", (project.models / "_sources.yml").read_text(encoding="utf-8")
                  + "ma-nguon:\n  title: Nguồn mẫu\n  date: 2020\n")
    assert CliRunner().invoke(main, ["check"]).exit_code == 0
    again = CliRunner().invoke(main, ["new", "Tiếng kẻng an ninh", "--province", "Hà Tĩnh"])
    assert again.exit_code == 1
    assert "models/ha-tinh-tieng-keng-an-ninh.yml đã có; không ghi đè" in again.output
    assert path.read_text(encoding="utf-8") == text


def test_new_refuses_an_unknown_province(project: Project) -> None:
    result = CliRunner().invoke(main, ["new", "Tiếng kẻng", "--province", "Ha Tihn"])
    assert result.exit_code == 1
    assert "không nhận ra tỉnh, thành phố “Ha Tihn”. Có phải ý bạn là Hà Tĩnh" in result.output


def test_new_template_names_every_version_2_field(project: Project) -> None:
    CliRunner().invoke(main, ["new", "Camera an ninh", "--province", "Gia Lai"])
    text = (project.models / "gia-lai-camera-an-ninh.yml").read_text(encoding="utf-8")
    for field in ("status_as_of:", "costs:", "amount:", "paid_by:", "in_kind:", "team:", "members: {min:",
                  "recognition:", "level:", "contacts:", "origin:", "teams:"):
        assert field in text, field
    check = CliRunner().invoke(main, ["check"])  # the placeholder source is named as such
    assert "`ma-nguon` là mã nguồn mẫu của `mohinh new`" in check.output


def test_build_without_the_plugin_in_mkdocs_yml_says_how_to_add_it(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins:\n  mohinh: {}\n", "plugins: []\n"),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "mkdocs.yml chưa khai báo plugin mohinh" in result.output
    assert not (project.root / "site").exists()


def test_every_command_explains_itself_in_vietnamese() -> None:
    """`mohinh --help` and every command's help: no English (click's own "Usage", "Options", "Show this
    message" included), and a usage mistake is told in Vietnamese too."""
    import re

    from click.testing import CliRunner

    from mohinh.cli import main

    english = re.compile(r"\b(Usage|Options|Commands|Show|message|version|exit|Error|Missing|Try|for help|default|"
                         r"required|OPTIONS|COMMAND|ARGS|TEXT|INTEGER|NAME|the|and|or)\b")
    runner = CliRunner()
    helps = {"": runner.invoke(main, ["--help"]).output}
    for name, command in main.commands.items():
        helps[name] = runner.invoke(main, [name, "--help"]).output
        for sub in getattr(command, "commands", {}):
            helps[f"{name} {sub}"] = runner.invoke(main, [name, sub, "--help"]).output
    assert {"", "check", "build", "new", "serve", "source new", "editor"} <= set(helps)
    for name, text in helps.items():
        assert text.startswith("Cách dùng: main"), (name, text)
        words = re.sub(r"--?[a-z][a-z-]*|mkdocs serve|decap-server|dist/index\.js", "", text)  # option and program names
        assert not english.findall(words), (name, english.findall(words), text)
    mistake = runner.invoke(main, ["new"])
    assert mistake.exit_code == 2 and "Lỗi: Thiếu đối số 'TÊN'." in mistake.output
    assert "Xem hướng dẫn: main new --help" in mistake.output


def test_the_first_check_of_a_new_record_tells_every_mistake(project) -> None:
    """The template's placeholder source and a thousands dot in the same result, a Tab in a list and `6/6`:
    all in the first run, and no message points to the former models/_sources.yml."""
    from click.testing import CliRunner

    from mohinh.cli import main

    runner = CliRunner()
    made = runner.invoke(main, ["new", "Camera an ninh", "--province", "Khánh Hòa"])
    assert made.exit_code == 0, made.output
    record = project.models / "khanh-hoa-camera-an-ninh.yml"
    text = record.read_text(encoding="utf-8")
    assert "models/_sources/" in text and "_sources.yml" not in text
    start = text.index("# results:")
    block = text[start:text.index("# costs:")]
    filled = "\n".join(line[2:] for line in block.splitlines()).replace("76303", "76.303") + "\n"
    filled += "  - label: Camera\n    value: 6/6\n    as_of: 2024\n    source: ma-nguon\n"
    text = text[:start] + filled + text[start + len(block):]
    text = text.replace("    # commune: xã ...", "\tcommune: xã Ninh Thọ")
    record.write_text(text, encoding="utf-8")
    check = runner.invoke(main, ["check", "--only", "models/khanh-hoa-camera-an-ninh.yml"])
    assert check.exit_code == 1
    said = check.output
    assert "có ký tự Tab" in said and "thẳng hàng với `province`" in said
    assert "results (kết quả thứ 1) › value: `76.303`" in said and "viết 76303" in said
    assert "results (kết quả thứ 1) › source: `ma-nguon` là mã nguồn mẫu" in said
    assert "sources (nguồn thứ 1): `ma-nguon` là mã nguồn mẫu" in said and "mohinh source new" in said
    assert "thêm dòng `total: 6`" in said
    assert "_sources.yml" not in said


def test_source_new_writes_one_source_file_and_refuses_to_overwrite(project) -> None:
    from click.testing import CliRunner

    from mohinh.catalogue import load_catalogue
    from mohinh.cli import main

    runner = CliRunner()
    args = ["source", "new", "--url", "https://baokhanhhoa.vn/camera-an-ninh", "--title", "Camera an ninh ở xã Ninh Thọ",
            "--publisher", "Báo Khánh Hòa", "--date", "02/10/2024"]
    made = runner.invoke(main, args)
    assert made.exit_code == 0, made.output
    assert "Đã tạo models/_sources/bao-khanh-hoa-camera-an-ninh-o-xa-ninh-tho.yml" in made.output
    assert "bao-khanh-hoa-camera-an-ninh-o-xa-ninh-tho" in load_catalogue(project.root).sources
    again = runner.invoke(main, args)
    assert again.exit_code == 1 and "đã có; không ghi đè" in again.output
    wrong = runner.invoke(main, [*args[:-1], "31/02/2024", "--id", "khac"])
    assert wrong.exit_code == 1 and "--date: ngày 31/02/2024 không có thật" in wrong.output
    assert not (project.models / "_sources" / "khac.yml").exists()
