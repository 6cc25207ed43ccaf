"""Another unit's site: the wheel carries everything (`installed_mohinh`), `mohinh init` starts a site holding only
the unit's configuration and content, it builds at once and again with a record; `init` refuses a folder with a
site; deprecated values of the record format are warnings that say how to change them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import BAC_KAN, REPO, InstalledMohinh, Project
from mohinh.cli import main

OWN_GUIDE = "# Đóng góp\n\nGửi hồ sơ cho Phòng Tham mưu.\n"


@pytest.fixture(scope="module")
def units(installed_mohinh: InstalledMohinh, tmp_path_factory) -> dict:
    """Two units made and built from the installed wheel: Gia Lai with every option and a record, Huế with none."""
    home = tmp_path_factory.mktemp("units")  # outside the repository
    gia_lai = installed_mohinh.init(home / "gia-lai", "Công an tỉnh Gia Lai", "--province", "Gia Lai",
                                    "--site-url", "https://mohinh.congan.gialai.gov.vn",
                                    "--repo", "https://git.congan.gialai.gov.vn/tham-muu/mo-hinh")
    hue = installed_mohinh.init(home / "hue", "Công an thành phố Huế")
    (hue / "content" / "dong-gop.md").write_text(OWN_GUIDE, encoding="utf-8")  # a unit's own page wins
    empty = installed_mohinh.build(hue)
    record = installed_mohinh.add_record(gia_lai, "Tổ tự quản làng Ia", "Gia Lai", source_title="Làng Ia giữ bình yên")
    return {"home": home, "gia_lai": gia_lai, "record": record, "site": installed_mohinh.build(gia_lai),
            "hue": home / "hue", "empty": empty}


def test_the_installed_wheel_alone_builds_a_units_site(installed_mohinh: InstalledMohinh, units: dict) -> None:
    site, record = units["site"], units["record"]
    page = (site / "mo-hinh" / record / "index.html").read_text(encoding="utf-8")
    assert "Tổ tự quản làng Ia" in page
    assert '<link rel="canonical" href="https://mohinh.congan.gialai.gov.vn/mo-hinh/' in page
    # theme overrides, the site's own CSS and JS, fonts and the web editor all come from the package
    for rel in ("assets/mohinh.css", "assets/search.js", "assets/quan-tri/soan-mo-hinh.png", "quan-tri/index.html",
                "quan-tri/decap-cms.js", "quan-tri/yaml/index.js", "quan-tri/config.yml", "pagefind/pagefind.js"):
        assert (site / rel).is_file(), rel
    assert list((site / "assets" / "fonts").glob("be-vietnam-pro-*.woff2"))
    guide = (site / "dong-gop" / "index.html").read_text(encoding="utf-8")  # from the package, without an edit link
    assert "Giá trị đã cũ" in guide and "/-/edit/main/" not in guide and "/-/edit/main/" in page
    assert "mh-results__list" in (site / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../assets/mohinh.css"' in page and "mh-search" in page  # partials/mohinh-search.html
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Công an tỉnh Gia Lai" in home and "tỉnh Gia Lai" in home
    data = json.loads((site / "du-lieu" / "mo-hinh.json").read_text(encoding="utf-8"))
    assert [m["id"] for m in data["models"]] == [record]
    found = subprocess.run([sys.executable, "-c", "import mohinh.plugin as p; print(p.__file__, p.THEME)"],
                           cwd=units["home"], env=dict(os.environ, PYTHONPATH=str(installed_mohinh.lib)),
                           capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(path).is_relative_to(installed_mohinh.lib) for path in found), found  # not the repository's


def test_a_units_folder_holds_only_its_configuration_and_content(units: dict) -> None:
    folder = units["gia_lai"]
    made = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and "site" not in p.parts}
    assert not [p for p in made if p.endswith((".py", ".html", ".js", ".css", ".j2", ".woff2"))], made
    assert {"mkdocs.yml", "README.md", "requirements.txt", "models/_vocabularies.yml", "content/index.md",
            ".github/workflows/site.yml", ".gitlab-ci.yml", "schema/model.schema.json"} <= made
    # the contributing guide (it documents the record format) and the search page follow the generator
    assert not {"content/dong-gop.md", "content/tim-kiem.md"} & made
    assert {p.split("/")[2] for p in made if p.startswith("models/_types/")} == {
        p.name for p in (REPO / "models" / "_types").glob("*.yml")}
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    assert "plugins:\n  mohinh: {}" in config and "custom_dir:" not in config and "extra_css" not in config
    loaded = yaml.load(config, Loader=yaml.BaseLoader)  # the !!python/name tag as text
    assert loaded["site_url"] == "https://mohinh.congan.gialai.gov.vn/"
    assert loaded["repo_url"] == "https://git.congan.gialai.gov.vn/tham-muu/mo-hinh"
    assert loaded["edit_uri"] == "-/edit/main/content/"
    assert loaded["extra"]["mohinh"]["editor"] == {"backend": "gitlab", "repo": "tham-muu/mo-hinh",
                                                   "base_url": "https://git.congan.gialai.gov.vn"}
    assert "national" not in loaded["extra"]["mohinh"]  # the country's figures cite this project's source
    # CI installs the released generator, as the README says; the templates are this project's own
    assert (folder / ".github/workflows/site.yml").read_bytes() == (REPO / ".github/workflows/site.yml").read_bytes()
    assert [line for line in (folder / "requirements.txt").read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")] == ["mohinh>=0.1.0"]
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "Công an tỉnh Gia Lai" in readme and "pip install -U mohinh" in readme


def test_an_empty_site_builds_and_says_how_to_add_a_model(units: dict) -> None:
    site = units["empty"]
    for rel in ("index.html", "mo-hinh/index.html"):
        assert "Trang chưa có mô hình nào. Cách thêm mô hình đầu tiên" in (site / rel).read_text(encoding="utf-8"), rel
    assert json.loads((site / "du-lieu" / "mo-hinh.json").read_text(encoding="utf-8"))["models"] == []
    assert "Công an thành phố Huế" in (site / "gioi-thieu" / "index.html").read_text(encoding="utf-8")
    assert "Gửi hồ sơ cho Phòng Tham mưu." in (site / "dong-gop" / "index.html").read_text(encoding="utf-8")


def test_init_refuses_a_folder_that_has_a_site(installed_mohinh: InstalledMohinh, units: dict) -> None:
    folder = units["gia_lai"]
    before = (folder / "mkdocs.yml").read_bytes()
    refused = installed_mohinh.run("init", str(folder), "--unit", "Công an tỉnh Khác", cwd=units["home"], check=False)
    assert refused.returncode == 1
    assert refused.stderr.startswith(f"Lỗi: thư mục {folder} đã có trang (mkdocs.yml, models, content); mohinh init "
                                     "không ghi đè. Cách sửa: chọn một thư mục mới hoặc trống")
    assert (folder / "mkdocs.yml").read_bytes() == before


def test_init_checks_its_options(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", "moi", "--unit", "Công an tỉnh X", "--province", "Gia Lia"])
    assert result.exit_code == 1 and not (tmp_path / "moi").exists()
    assert "--province: không nhận ra tỉnh, thành phố “Gia Lia”. Cách sửa: có phải ý bạn là" in result.output
    result = CliRunner().invoke(main, ["init", "moi", "--unit", "Công an tỉnh X", "--site-url", "https://x.example.vn/"])
    assert result.exit_code == 1 and "--site-url: “https://x.example.vn/” không phải địa chỉ công khai" in result.output


def test_a_deprecated_value_is_a_warning_saying_how_to_change_it(project: Project) -> None:
    costs = ("costs:\n  - label: Mua loa\n    amount: 5000000\n    paid_by: hon-hop\n    as_of: 08/09/2020\n    source: bac-kan-2020-09\n")
    project.record("bac-kan-ho-an-toan", BAC_KAN.replace("sources: [bac-kan-2020-09]\n", costs + "sources: [bac-kan-2020-09]\n"))
    result = CliRunner().invoke(main, ["check"], catch_exceptions=False)
    assert result.exit_code == 0  # a record that built yesterday builds today
    line = [text for text in result.output.splitlines() if "hon-hop" in text]
    assert line == ["models/bac-kan-ho-an-toan.yml:33:14: costs (khoản kinh phí thứ 1) › paid_by: cảnh báo: `hon-hop` đã "
                    "cũ (thay từ phiên bản 3 của định dạng hồ sơ), vẫn được đọc. Cách sửa: ghi `nhieu-nguon` nếu nguồn "
                    "nêu nhiều bên cùng chi trả, `khong-neu` nếu nguồn nêu số tiền nhưng không nói ai chi trả."]
    assert result.output.splitlines()[-1] == "1 mô hình, 1 nguồn. Không có lỗi, 1 cảnh báo."


def test_open_data_of_every_earlier_format_is_read() -> None:
    from mohinh.schema import SCHEMA_VERSION, can_read

    assert all(can_read(v) for v in range(1, SCHEMA_VERSION + 1))
    assert not any(can_read(v) for v in (0, SCHEMA_VERSION + 1, "3", True, None))


def test_every_deprecated_value_is_documented_on_the_contributing_page() -> None:
    from mohinh.schema import DEPRECATED

    page = (REPO / "content" / "dong-gop.md").read_text(encoding="utf-8")
    table = page.split("### Giá trị đã cũ", 1)[1].split("\n#", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert len(rows) == len(DEPRECATED)
    for item, row in zip(DEPRECATED, rows, strict=True):
        assert f"`{item.value}` | {item.since} |" in row and " › ".join(f"`{p}`" for p in item.path if p != "*") in row
