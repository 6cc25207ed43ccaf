"""The layout of the built site has one home (`mohinh.paths`): every address of a model agrees, whatever
``site_url`` is, and no other module spells a model's folder."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import feedparser
import pytest

from mohinh.catalogue import load_catalogue
from mohinh.outputs import data, feeds, kits
from mohinh.paths import address, card_path, kit_paths, model_page, model_url, photo_path, site_base
from mohinh.render import Site

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "mohinh"


@pytest.mark.parametrize(("site_url", "base"), [
    ("", "/"), ("/", "/"), ("/vi", "/vi/"), ("vi/", "/vi/"), ("/don-vi/vi/", "/don-vi/vi/"),
    ("https://mohinh.donvi.gov.vn/", "https://mohinh.donvi.gov.vn/"), ("https://mohinh.donvi.gov.vn/vi", "https://mohinh.donvi.gov.vn/vi/"),
])
def test_one_rule_for_site_url(site_url: str, base: str) -> None:
    assert site_base(site_url) == base
    assert model_url("camera-thon", site_url) == base + "mo-hinh/camera-thon/"
    assert address(site_url, "feed.xml") == base + "feed.xml"


def test_a_model_has_one_folder() -> None:
    assert model_page("x") == "mo-hinh/x.md"
    assert card_path("x") == "mo-hinh/x/the-chia-se.png"
    assert photo_path("x", "anh-1.jpg") == "mo-hinh/x/anh-1.jpg"
    assert kit_paths("x") == ("mo-hinh/x/checklist.docx", "mo-hinh/x/checklist.csv", "mo-hinh/x/checklist.md")


@pytest.mark.parametrize("site_url", ["", "https://mohinh.donvi.gov.vn/"])
def test_every_output_gives_a_model_the_same_address(site_url: str) -> None:
    """Open data (JSON and CSV), the feed, the page's share box and the kit name a model's page alike; without
    an absolute site_url the address starts at the server's root and the kit, printed on paper, names none."""
    site = Site(load_catalogue(PACKAGE.parents[1]), site_url=site_url)
    view = next(v for v in site.models if v.m.updates and kits.has_kit(v))
    expected = model_url(view.id, site_url)
    made = data.make(site)
    document = json.loads(made["du-lieu/mo-hinh.json"])
    assert next(m["url"] for m in document["models"] if m["id"] == view.id) == expected
    table = csv.DictReader(io.StringIO(made["du-lieu/mo-hinh.csv"].decode("utf-8-sig")))
    assert next(row["địa chỉ"] for row in table if row["id"] == view.id) == expected
    assert expected in {entry.link for entry in feeds.entries([view], site_url)}
    newest = feedparser.parse(feeds.make(site)["feed.xml"]).entries[0]
    assert newest.link.split("#")[0] == model_url(newest.link.split("/")[-2], site_url)
    assert f'data-url="{expected}"' in site.model_page(view)
    assert kits.Checklist.of(view, site_url).page_url == (expected if site_url else "")


def test_only_paths_spells_a_model_folder() -> None:
    """``mo-hinh/`` followed by a value is written in code in one module only."""
    spelled = re.compile(r"""f["'][^"'\n]*mo-hinh/\{""")
    modules = sorted(path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
                     if "vendor" not in path.parts and spelled.search(path.read_text(encoding="utf-8")))
    assert len(modules) <= 1, modules
    assert set(modules) <= {"paths.py"}
