"""A national site built from units' open data (``federation.yml``): the repository's published open data split by
province into three units, one unit that does not exist and one record with a bad value."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import Project, make_project, models_by_province, search_fragments
from mohinh.catalogue import load_catalogue
from mohinh.cli import main
from mohinh.text import slug

MISSING = "Công an tỉnh Không Tồn Tại"
UNIT_SITE = "https://congan.donvi-thu.gov.vn/"  # the first unit has a real address: its pages are canonical


def _split(repo_site: Project) -> list[tuple[str, list[dict]]]:
    """Three provinces of today with two to four models each (by the first place of each model), and their models."""
    groups = models_by_province(repo_site.root / "site")
    chosen = sorted(name for name, models in groups.items() if 2 <= len(models) <= 4)[:3]
    assert len(chosen) == 3
    return [(f"Công an tỉnh {name}", groups[name]) for name in chosen]


def _unit_file(root: Path, name: str, models: list[dict]) -> str:
    rel = f"don-vi/{slug(name)}.json"
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(json.dumps({"schema_version": 3, "models": models}, ensure_ascii=False), encoding="utf-8")
    return rel


@pytest.fixture(scope="module")
def national(repo_site: Project, tmp_path_factory: pytest.TempPathFactory):
    """The national site (one record of its own), built once; what it was built from; what the build told."""
    from mohinh.build import build_site

    project = make_project(tmp_path_factory.mktemp("national") / "p")
    units = _split(repo_site)
    (first_name, first), (_, second), (bad_name, third) = units
    first = [dict(m, url=UNIT_SITE + m["url"].lstrip("/")) for m in first]  # a unit with its site_url
    third = [dict(m) for m in third]
    refused = third[0]["id"]
    third[0] = dict(third[0], record=dict(third[0]["record"], status="đang chạy"))
    lines = ["name: Cục Cảnh sát quản lý hành chính về trật tự xã hội", "units:"]
    for n, (name, models) in enumerate([(first_name, first), (units[1][0], second), (bad_name, third)]):
        lines += [f"  - name: {name}", f"    data: {_unit_file(project.root, name, models)}"]
        if n == 0:
            lines.append("    id: don-vi-mot")
    lines += [f"  - name: {MISSING}", "    data: don-vi/khong-co.json"]
    project.write("federation.yml", "\n".join(lines) + "\n")
    told: list[str] = []

    class Collector(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            told.append(record.getMessage())

    handler = Collector(level=logging.INFO)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        build_site(project.root)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    expected = {("don-vi-mot" if n == 0 else slug(name)) + "-" + m["id"]: (name, m)
                for n, (name, models) in enumerate(units) for m in models if m["id"] != refused or name != bad_name}
    return project, expected, told, (bad_name, refused)


def test_a_unit_that_cannot_be_read_is_named_and_the_build_goes_on(national) -> None:
    project, _, told, _ = national
    about = [line for line in told if MISSING in line]
    assert len(about) == 1 and "không có tệp don-vi/khong-co.json" in about[0] and "federation.yml:" in about[0]
    assert (project.root / "site" / "index.html").is_file()


def test_a_record_with_a_bad_value_is_left_out_with_one_line_naming_unit_and_id(national) -> None:
    project, _, told, (unit, record_id) = national
    lines = [line for line in told if f"`{record_id}`" in line]
    assert len(lines) == 1
    assert unit in lines[0] and "status" in lines[0] and "đang chạy" in lines[0] and "bỏ qua" in lines[0]
    assert not any(record_id in p.name for p in (project.root / "site" / "mo-hinh").iterdir())


def test_every_other_model_is_published_once_with_its_unit(national) -> None:
    project, expected, _, (bad_unit, _) = national
    site = project.root / "site"
    data = json.loads((site / "du-lieu" / "mo-hinh.json").read_text(encoding="utf-8"))["models"]
    published = {m["id"]: m for m in data}
    assert set(published) == set(expected) | {"bac-kan-ho-an-toan"}  # and the site's own record
    assert published["bac-kan-ho-an-toan"]["unit"] == "Cục Cảnh sát quản lý hành chính về trật tự xã hội"
    catalogue = (site / "mo-hinh" / "index.html").read_text(encoding="utf-8")
    fragments = search_fragments(site / "pagefind")
    for model_id, (unit, original) in expected.items():
        assert published[model_id]["unit"] == unit and published[model_id]["record"]["name"] == original["record"]["name"]
        page = (site / "mo-hinh" / model_id / "index.html").read_text(encoding="utf-8")
        assert f"Hồ sơ do <strong>{unit}</strong> công bố" in page
        assert catalogue.count(f'href="{model_id}/"') == 1
        fragment = fragments[f"/mo-hinh/{model_id}/"]
        assert fragment["filters"]["đơn vị công bố"] == [unit]
    assert bad_unit in catalogue and 'name="don-vi"' in catalogue  # the catalogue filters by unit


def test_a_unit_page_with_a_known_address_is_the_canonical_one(national) -> None:
    project, expected, _, _ = national
    model_id, (_, original) = next((k, v) for k, v in expected.items() if k.startswith("don-vi-mot-"))
    page = (project.root / "site" / "mo-hinh" / model_id / "index.html").read_text(encoding="utf-8")
    at_unit = UNIT_SITE + f"mo-hinh/{original['id']}/"
    assert f'<link rel="canonical" href="{at_unit}">' in page and f'href="{at_unit}"' in page


def test_the_summary_and_the_about_page_count_every_unit(national) -> None:
    from openpyxl import load_workbook

    project, expected, _, _ = national
    site = project.root / "site"
    book = load_workbook(site / "du-lieu" / "tong-hop.xlsx", read_only=True)
    rows = list(book["Cả nước"].iter_rows(values_only=True))
    assert rows[0][-1] == "Đơn vị công bố"
    units_by_name = {row[1]: row[-1] for row in rows[1:]}
    for unit, original in expected.values():
        assert units_by_name[original["record"]["name"]] == unit
    assert len(rows) - 1 == len(expected) + 1
    about = (site / "gioi-thieu" / "index.html").read_text(encoding="utf-8")
    assert f"<strong>{len(expected) + 1} mô hình</strong>" in about and "do 4 đơn vị công bố" in about


def test_the_last_good_copy_is_used_when_a_unit_cannot_be_read(repo_site: Project, tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", with_records=False)
    (name, models), *_ = _split(repo_site)
    rel = _unit_file(project.root, name, models)
    project.write("federation.yml", f"units:\n  - name: {name}\n    data: {rel}\n")
    first = load_catalogue(project.root, parallel=False)
    assert len(first.records) == len(models) and not first.notes
    (project.root / rel).write_text("{ không phải JSON", encoding="utf-8")  # a unit's site half-published
    second = load_catalogue(project.root, parallel=False)
    assert [r.id for r in second.records] == [r.id for r in first.records]
    assert len(second.notes) == 1 and name in str(second.notes[0]) and "bản lưu" in str(second.notes[0])
    shutil.rmtree(project.root / ".federation-cache")
    third = load_catalogue(project.root, parallel=False)
    assert not third.records and name in str(third.notes[0]) and "chưa có bản lưu" in str(third.notes[0])


def test_check_tells_what_is_wrong_in_federation_yml(project: Project) -> None:
    project.write("federation.yml", "units:\n  - name: Công an tỉnh Gia Lai\n    data: a.json\n  - data: b.json\n")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "federation.yml:4:5: units (đơn vị thứ 2) › name: thiếu trường bắt buộc `name`" in result.output
    project.write("federation.yml", "units: [1\n")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "federation.yml:1:8: danh sách mở bằng `[` ở đây chưa được đóng. Cách sửa: thêm `]`" in result.output


def test_ids_and_sources_that_clash_between_units_stay_distinct(repo_site: Project, tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", with_records=False)
    (_, models), *_ = _split(repo_site)
    changed = json.loads(json.dumps(models))  # the same ids at a second unit, one source told differently there
    source_id = changed[0]["sources"][0]["id"]
    for model in changed:
        for source in model["sources"]:
            if source["id"] == source_id:
                source["title"] = "Bản tin của đơn vị B"
    project.write("federation.yml", f"units:\n  - name: Đơn vị A\n    data: {_unit_file(project.root, 'a', models)}\n"
                                    f"    id: a\n  - name: Đơn vị B\n    data: {_unit_file(project.root, 'b', changed)}\n")
    catalogue = load_catalogue(project.root, parallel=False)
    ids = sorted(r.id for r in catalogue.records)
    assert ids == sorted([f"a-{m['id']}" for m in models] + [f"don-vi-b-{m['id']}" for m in models])
    by_id = catalogue.by_id
    first = models[0]["id"]
    assert source_id in by_id[f"a-{first}"].model.sources
    assert f"don-vi-b-{source_id}" in by_id[f"don-vi-b-{first}"].model.sources
    assert catalogue.sources[f"don-vi-b-{source_id}"].title == "Bản tin của đơn vị B"
    assert catalogue.sources[source_id].title != "Bản tin của đơn vị B"
    assert sorted(r.id for r in load_catalogue(project.root, parallel=False).records) == ids  # the same next time


def test_a_source_a_unit_wrote_inside_its_record_is_read_as_its_other_sources(repo_site: Project, tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", with_records=False)
    (_, models), *_ = _split(repo_site)
    models = json.loads(json.dumps(models))
    first = models[0]
    written = next(s for s in first["sources"] if s["id"] == first["record"]["sources"][0])
    first["record"]["sources"][0] = {k: v for k, v in written.items() if v not in (None, False)}  # written in the record
    project.write("federation.yml", f"units:\n  - name: Đơn vị A\n    data: {_unit_file(project.root, 'a', models)}\n"
                                    "    id: a\n")
    catalogue = load_catalogue(project.root, parallel=False)
    assert sorted(r.id for r in catalogue.records) == sorted(f"a-{m['id']}" for m in models)
    assert catalogue.by_id[f"a-{first['id']}"].model.source_ids[0] == written["id"]
    assert catalogue.sources[written["id"]].title == written["title"]
