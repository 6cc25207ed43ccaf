"""The whole path for several units, from the installed wheel only: the repository's records split by province into
three unit sites made with ``mohinh init`` and built, then a national site made with ``mohinh init`` whose
``federation.yml`` names those three units and one that does not exist. One unit's published data has a record with
a bad value (edited by hand after its build). The national site warns about the missing unit by name, refuses that
record by unit and id, and publishes every other model once, with its unit named, in search and in the summary."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from openpyxl import load_workbook

from conftest import REPO, InstalledMohinh, Project, models_by_province, search_fragments
from mohinh.text import slug

MISSING = "Công an tỉnh Không Tồn Tại"


@pytest.fixture(scope="module")
def national(installed_mohinh: InstalledMohinh, repo_site: Project, tmp_path_factory) -> dict:
    by_province = models_by_province(repo_site.root / "site")
    groups = {province: [model["id"] for model in models] for province, models in by_province.items()}
    names = {model["id"]: model["record"]["name"] for models in by_province.values() for model in models}

    def self_contained(ids: list[str]) -> bool:  # a unit relates only its own models
        return all(set(yaml.safe_load((REPO / "models" / f"{i}.yml").read_text(encoding="utf-8")).get("related") or [])
                   <= set(ids) for i in ids)

    provinces = sorted(name for name, ids in groups.items() if 2 <= len(ids) <= 3 and self_contained(ids))[:3]
    assert len(provinces) == 3
    home = tmp_path_factory.mktemp("ca-nuoc")  # outside the repository
    units: list[tuple[str, str, list[str]]] = []  # unit name, folder, the ids it publishes
    for province in provinces:
        name = f"Công an {province}"
        folder = installed_mohinh.init(home / slug(province), name, "--province", province)
        for source in (REPO / "models" / "_sources").glob("*.yml"):
            shutil.copy(source, folder / "models" / "_sources" / source.name)
        for record in groups[province]:
            shutil.copy(REPO / "models" / f"{record}.yml", folder / "models" / f"{record}.yml")
        installed_mohinh.build(folder)
        units.append((name, folder.name, groups[province]))
    bad_unit, bad_folder, bad_ids = units[2]
    published = home / bad_folder / "site" / "du-lieu" / "mo-hinh.json"
    data = json.loads(published.read_text(encoding="utf-8"))
    data["models"][0]["record"]["status"] = "đang chạy"  # not a status the record format knows
    refused = data["models"][0]["id"]
    published.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    country = installed_mohinh.init(home / "ca-nuoc", "Cục Cảnh sát quản lý hành chính về trật tự xã hội")
    lines = ["units:"]
    for name, folder, _ in units:
        lines += [f"  - name: {name}", f"    data: ../{folder}/site/du-lieu/mo-hinh.json"]
    lines += [f"  - name: {MISSING}", "    data: ../khong-co/site/du-lieu/mo-hinh.json"]
    (country / "federation.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    told = installed_mohinh.run("build", cwd=country)
    expected = {(name, record) for name, _, ids in units for record in ids if (name, record) != (bad_unit, refused)}
    return {"site": country / "site", "told": told.stdout + told.stderr, "expected": expected,
            "refused": (bad_unit, refused), "names": names}


def test_a_national_site_warns_about_a_unit_it_cannot_read_and_refuses_a_bad_record(national: dict) -> None:
    told = national["told"]
    assert MISSING in told
    unit, record = national["refused"]
    (line,) = [line for line in told.splitlines() if record in line and unit in line]
    assert "status" in line or "trạng thái" in line.lower()


def test_every_model_of_every_unit_is_published_once_with_its_unit(national: dict) -> None:
    site, expected = national["site"], national["expected"]
    data = json.loads((site / "du-lieu" / "mo-hinh.json").read_text(encoding="utf-8"))
    published = [(m["unit"], m["id"]) for m in data["models"]]
    assert len(published) == len(set(published)) == len(expected)
    # each id is the unit's own id behind the unit's prefix, and its page names the unit
    for unit, record in expected:
        (entry,) = [m for m in data["models"] if m["unit"] == unit and m["id"].endswith("-" + record)]
        page = (site / entry["url"].lstrip("/") / "index.html").read_text(encoding="utf-8")
        assert unit in page
    pages = {url for url in search_fragments(site / "pagefind") if "/mo-hinh/" in url}
    assert {m["url"] for m in data["models"]} <= pages
    rows = list(load_workbook(site / "du-lieu" / "tong-hop.xlsx", read_only=True)["Cả nước"].iter_rows(values_only=True))
    assert rows[0][-1] == "Đơn vị công bố"
    assert sorted((row[-1], row[1]) for row in rows[1:]) == sorted((unit, national["names"][r]) for unit, r in expected)
