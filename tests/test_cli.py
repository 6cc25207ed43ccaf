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
    assert result.output.startswith(f"Usage: main {command}")
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
