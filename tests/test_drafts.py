"""`draft: true` records stay out of every output (pages, search, feeds, open data, kits, photos) unless --drafts."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import feedparser
import pytest
from PIL import Image

from conftest import BAC_KAN, Project, make_project
from mohinh.build import build_site

TOKEN = "zxqvw"  # a word found nowhere else, in the draft's name, summary, update, step and photo
DRAFT = f"""\
name: Mô hình nháp {TOKEN.upper()}
summary: Bản nháp {TOKEN} chưa công bố.
status: pilot
topics: [hoa-giai-co-so]
community: dong-ho
locations:
  - province: Cao Bằng
    commune: xã {TOKEN.capitalize()}
results:
  - label: Hộ {TOKEN}
    value: 12
    as_of: 2021
    source: bac-kan-2020-09
replication:
  steps:
    - title: Bước {TOKEN}
updates:
  - date: 2024
    title: Tin {TOKEN}
media:
  - file: {TOKEN}.jpg
    alt: Ảnh {TOKEN}
sources: [bac-kan-2020-09]
draft: true
"""


def _project(folder: Path) -> Project:
    project = make_project(folder)
    project.record("bac-kan-ho-an-toan", BAC_KAN + "replication:\n  steps:\n    - title: Họp dân\n")  # a kit
    project.record("nhap-" + TOKEN, DRAFT)
    photos = project.models / "media" / f"nhap-{TOKEN}"
    photos.mkdir(parents=True)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (0, 90, 0)).save(buffer, format="JPEG")
    (photos / f"{TOKEN}.jpg").write_bytes(buffer.getvalue())
    return project


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> Path:
    project = _project(tmp_path_factory.mktemp("drafts") / "p")
    build_site(project.root)
    return project.root / "site"


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Path:
    project = _project(tmp_path_factory.mktemp("drafts-preview") / "p")
    build_site(project.root, drafts=True)
    return project.root / "site"


def _contents(path: Path) -> list[bytes]:
    """The bytes of a built file, and of what it packs (gzip: sitemap, Pagefind; zip: Word kits)."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        return [gzip.decompress(data)]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return [archive.read(name) for name in archive.namelist()]
    return [data]


def test_no_output_mentions_a_draft(public: Path) -> None:
    files = [p for p in public.rglob("*") if p.is_file()]
    kinds = {p.suffix for p in files}
    assert {".html", ".xml", ".json", ".csv", ".docx", ".pf_fragment", ".pf_index", ".gz"} <= kinds
    for path in files:
        assert TOKEN not in path.as_posix()
        for content in _contents(path):
            assert TOKEN.encode() not in content.lower(), path.relative_to(public)


def test_draft_left_out_of_listings_feeds_and_data(public: Path) -> None:
    province = (public / "dia-phuong" / "cao-bang" / "index.html").read_text(encoding="utf-8")  # every province has a page
    assert "Trang chưa giới thiệu mô hình nào ở tỉnh Cao Bằng" in province
    assert not (public / "dia-phuong" / "cao-bang" / "feed.xml").exists()
    feed = feedparser.parse((public / "feed.xml").read_bytes())
    assert [e.title for e in feed.entries] == ["Mô hình mới: Hộ an toàn - Thôn, bản, tổ dân phố bình yên"]
    document = json.loads((public / "du-lieu" / "mo-hinh.json").read_text(encoding="utf-8"))
    assert [m["id"] for m in document["models"]] == ["bac-kan-ho-an-toan"]
    assert "Chưa có tin cập nhật nào." in (public / "tin-moi" / "index.html").read_text(encoding="utf-8")


def test_drafts_flag_shows_them_everywhere(preview: Path) -> None:
    page = preview / "mo-hinh" / f"nhap-{TOKEN}"
    assert f"Mô hình nháp {TOKEN.upper()}" in (page / "index.html").read_text(encoding="utf-8")
    assert (page / f"{TOKEN}.jpg").is_file() and (page / "checklist.docx").is_file()
    feed = feedparser.parse((preview / "feed.xml").read_bytes())
    assert f"Mô hình nháp {TOKEN.upper()}: Tin {TOKEN}" in [e.title for e in feed.entries]
    assert (preview / "dia-phuong" / "cao-bang" / "feed.xml").is_file()
    document = json.loads((preview / "du-lieu" / "mo-hinh.json").read_text(encoding="utf-8"))
    assert [m["id"] for m in document["models"]] == ["bac-kan-ho-an-toan", f"nhap-{TOKEN}"]
    assert "draft" not in document["models"][1]["record"]
    search = [c for p in (preview / "pagefind").rglob("*.pf_fragment") for c in _contents(p)]
    assert any(TOKEN.encode() in c.lower() for c in search)
