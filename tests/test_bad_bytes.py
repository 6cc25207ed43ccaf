"""Bad input at the byte and file level: one precise Vietnamese line, exit 1, no traceback, site untouched."""

from __future__ import annotations

import time

import pytest
from click.testing import CliRunner

from conftest import BAC_KAN, Project
from mohinh.cli import main
from mohinh.site import build_site

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" + "".join(
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("bcdefgh", "cdefghi", strict=True))

CASES = [
    ("bom", "models/bom.yml", b"\xef\xbb\xbf" + BAC_KAN.encode(),
     "models/bom.yml:1:1: tệp bắt đầu bằng dấu BOM. Cách sửa: lưu lại tệp dạng UTF-8 không có BOM (UTF-8 without BOM)."),
    ("latin1", "models/latin1.yml", BAC_KAN.replace("Công an", "C\u00f4ng an").encode("utf-8")[:60] + b"\xe9\xe9\n",
     "models/latin1.yml:2:"),
    ("huge", "models/huge.yml", b"name: " + b"a" * 1_100_000 + b"\n",
     "models/huge.yml:1:1: tệp quá lớn (1.100.007 byte; tối đa 1.000.000 byte)."),
    ("bomb", "models/bomb.yml", ALIAS_BOMB.encode(),
     "models/bomb.yml:2:8: có neo/bí danh YAML (& và *), không được phép."),
    ("empty", "models/empty.yml", b"", "models/empty.yml:1:1: tệp rỗng."),
    ("bad-name", "models/Tieng Keng.yml", BAC_KAN.encode(), "models/Tieng Keng.yml:1:1: tên tệp `Tieng Keng.yml` không phải mã hợp lệ."),
    ("future", "models/future.yml", BAC_KAN.replace("started: 2018", "started: 2099").encode(),
     "models/future.yml:9:10: started: ngày năm 2099 còn ở tương lai."),
    ("related", "models/related.yml", (BAC_KAN + "related: [bac-kan-ho-an-toann]\n").encode(),
     "models/related.yml:31:11: related[0]: không có mô hình `bac-kan-ho-an-toann`. Cách sửa: có phải ý bạn là `bac-kan-ho-an-toan`?"),
    ("community", "models/community.yml", BAC_KAN.replace("community: thon-to-dan-pho", "community: thon").encode(),
     "models/community.yml:8:12: community: không có loại cộng đồng `thon`."),
    ("duplicate-id", "models/bac-kan-ho-an-toan.yaml", BAC_KAN.encode(),
     "models/bac-kan-ho-an-toan.yml:1:1: id: mã `bac-kan-ho-an-toan` trùng với models/bac-kan-ho-an-toan.yaml."),
    ("unknown-key-nested", "models/nested.yml", BAC_KAN.replace("    unit: hộ", "    units: hộ").encode(),
     "models/nested.yml:24:5: results[1].units: trường `units` không có trong định dạng hồ sơ. Cách sửa: có phải ý bạn là `unit`?"),
    ("wrong-type", "models/wrong-type.yml", BAC_KAN.replace("  - province: Bắc Kạn", "  - Bắc Kạn").encode(),
     "models/wrong-type.yml:13:5: locations[0]: phải là một nhóm trường dạng `tên: giá trị`."),
]


@pytest.mark.parametrize(("name", "rel", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_refused_precisely_and_site_kept(project: Project, name: str, rel: str, content: bytes,
                                                     expected: str) -> None:
    build_site(project.root)
    index = (project.root / "site" / "mo-hinh" / "bac-kan-ho-an-toan" / "index.html").read_bytes()
    (project.root / rel).write_bytes(content)
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["check"])
    assert time.perf_counter() - started < 30  # an alias bomb is refused, not expanded
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert any(line.startswith(expected) for line in result.output.splitlines()), result.output
    build = CliRunner().invoke(main, ["build"])
    assert build.exit_code == 1 and "Traceback" not in build.output
    assert (project.root / "site" / "mo-hinh" / "bac-kan-ho-an-toan" / "index.html").read_bytes() == index


@pytest.mark.parametrize("field", ["name", "summary", "status", "topics", "community", "locations", "sources"])
def test_each_required_field_missing(project: Project, field: str) -> None:
    lines = BAC_KAN.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")), len(lines))
    project.record("thieu", "".join(lines[:start] + lines[end:]))
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert f"{field}: thiếu trường bắt buộc `{field}`. Cách sửa: thêm dòng `{field}: ...`." in result.output
