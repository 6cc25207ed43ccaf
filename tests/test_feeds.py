"""Atom feeds: the site's and each province's; entries, order, Vietnam time, links, escaping, git dates."""

from __future__ import annotations

import calendar
import os
import subprocess

import feedparser
import pytest

from conftest import BAC_KAN, Project, give_site_url, make_project
from mohinh.build import build_site
from mohinh.catalogue import load_catalogue
from mohinh.outputs import feeds
from mohinh.render import Site

SITE = "https://mohinh.donvi.gov.vn/"
NAME = "Hộ an toàn - Thôn, bản, tổ dân phố bình yên"
UPDATES = """updates:
  - date: 15/09/2020
    title: Thêm 12 thôn <b>tham gia</b> & nhân rộng
    text: Có thêm **12 thôn**.
    source: bac-kan-2020-09
  - date: 2019
    title: Tin năm 2019
sources: [bac-kan-2020-09]
"""


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Project:
    project = make_project(tmp_path_factory.mktemp("feeds") / "p")
    project.record("bac-kan-ho-an-toan", BAC_KAN.replace("sources: [bac-kan-2020-09]\n", UPDATES))
    project.record("khac", BAC_KAN.replace(f"name: {NAME}", "name: Mô hình ở Hà Tĩnh")
                   .replace("province: Bắc Kạn", "province: Hà Tĩnh"))
    give_site_url(project, SITE)  # a unit's real address: every address is absolute
    build_site(project.root)
    return project


def parse(project: Project, rel: str):
    feed = feedparser.parse((project.root / "site" / rel).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_site_feed_entries_order_and_vietnam_time(published: Project) -> None:
    feed = parse(published, "feed.xml")
    assert feed.feed.title == "Mô hình tự quản về an ninh trật tự: tin mới"
    assert feed.feed.id == f"{SITE}feed.xml"
    # outside git a model is dated by its newest source (08/09/2020); each model appears once as published
    assert [(e.title, e.updated) for e in feed.entries] == [
        (f"{NAME}: Thêm 12 thôn <b>tham gia</b> & nhân rộng", "2020-09-15T00:00:00+07:00"),
        ("Mô hình mới: Mô hình ở Hà Tĩnh", "2020-09-08T00:00:00+07:00"),
        (f"Mô hình mới: {NAME}", "2020-09-08T00:00:00+07:00"),
        (f"{NAME}: Tin năm 2019", "2019-01-01T00:00:00+07:00"),
    ]
    newest = feed.entries[0]
    assert calendar.timegm(newest.updated_parsed) == calendar.timegm((2020, 9, 14, 17, 0, 0))  # 00:00 in Hà Nội
    assert newest.link == f"{SITE}mo-hinh/bac-kan-ho-an-toan/#cap-nhat-2020-09-15-them-12-thon-b-tham-gia-b-nhan-rong"
    assert newest.content[0].value == "<p>Có thêm <strong>12 thôn</strong>.</p>"
    assert feed.entries[2].link == f"{SITE}mo-hinh/bac-kan-ho-an-toan/"
    assert len({e.id for e in feed.entries}) == len(feed.entries)


def test_feed_text_is_escaped_not_markup(published: Project) -> None:
    raw = (published.root / "site" / "feed.xml").read_text(encoding="utf-8")
    assert "Thêm 12 thôn &lt;b&gt;tham gia&lt;/b&gt; &amp; nhân rộng" in raw
    assert "<b>" not in raw


def test_update_link_lands_on_its_heading(published: Project) -> None:
    html = published.html("mo-hinh/bac-kan-ho-an-toan/index.html")
    assert 'id="cap-nhat-2020-09-15-them-12-thon-b-tham-gia-b-nhan-rong"' in html
    assert html.index("Thêm 12 thôn") < html.index("Tin năm 2019")  # timeline newest first


def test_one_feed_per_province_today(published: Project) -> None:
    thai_nguyen = parse(published, "dia-phuong/thai-nguyen/feed.xml")  # Bắc Kạn is part of Thái Nguyên today
    assert thai_nguyen.feed.title == "Mô hình ở tỉnh Thái Nguyên: tin mới"
    assert thai_nguyen.feed.links[0].href == f"{SITE}dia-phuong/thai-nguyen/feed.xml"
    assert [e.title for e in thai_nguyen.entries] == [
        f"{NAME}: Thêm 12 thôn <b>tham gia</b> & nhân rộng", f"Mô hình mới: {NAME}", f"{NAME}: Tin năm 2019"]
    ha_tinh = parse(published, "dia-phuong/ha-tinh/feed.xml")
    assert [e.title for e in ha_tinh.entries] == ["Mô hình mới: Mô hình ở Hà Tĩnh"]
    assert not (published.root / "site" / "dia-phuong" / "bac-kan" / "feed.xml").exists()


def test_pages_announce_the_feed(published: Project) -> None:
    for page in ("index.html", "mo-hinh/bac-kan-ho-an-toan/index.html"):
        assert '<link rel="alternate" type="application/atom+xml" title="Tin mới" href="' in published.html(page)
    updates_page = published.html("tin-moi/index.html")
    assert '<a href="../feed.xml">nguồn tin Atom</a>' in updates_page
    assert ('href="../mo-hinh/bac-kan-ho-an-toan/#cap-nhat-2019-tin-nam-2019">Tin năm 2019</a> '
            f"({NAME}; tỉnh Thái Nguyên)") in updates_page
    home = published.html("index.html")
    assert home.index("Thêm 12 thôn &lt;b&gt;tham gia&lt;/b&gt; &amp; nhân rộng</a>") < home.index("Tin năm 2019</a>")


def test_only_the_newest_fifty(project: Project) -> None:
    months = [f"{month:02d}/{year}" for year in (2019, 2020, 2021, 2022, 2023) for month in range(1, 13)]
    updates = "".join(f"  - date: {m}\n    title: Tin {m}\n" for m in months)
    project.record("bac-kan-ho-an-toan", BAC_KAN.replace("sources:", "updates:\n" + updates + "sources:"))
    renderer = Site(load_catalogue(project.root), site_url=SITE)
    feed = feedparser.parse(feeds.make(renderer)["feed.xml"])
    titles = [e.title for e in feed.entries]
    assert len(titles) == feeds.LIMIT == 50
    assert titles[0] == f"{NAME}: Tin 12/2023" and titles[-1] == f"{NAME}: Tin 12/2019"  # 60 updates + the model
    assert f"Mô hình mới: {NAME}" in titles
    assert feed.feed.updated == "2023-12-01T00:00:00+07:00"


def _git(root, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Cán bộ", "GIT_AUTHOR_EMAIL": "cb@example.vn",
           "GIT_COMMITTER_NAME": "Cán bộ", "GIT_COMMITTER_EMAIL": "cb@example.vn"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_dates_come_from_git_history(tmp_path) -> None:
    """Published = first commit of the record, "Cập nhật lần cuối" = last commit, even in a sub-folder."""
    repo = tmp_path / "kho"
    project = make_project(repo / "trang")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "Thêm mô hình", date="2021-04-02T10:00:00+07:00")
    project.record("bac-kan-ho-an-toan", BAC_KAN.replace("lead: Công an tỉnh Bắc Kạn", "lead: Công an tỉnh"))
    _git(repo, "commit", "-q", "-am", "Sửa mô hình", date="2022-06-30T09:00:00+07:00")
    project.record("chua-commit", BAC_KAN)  # not committed yet: falls back to its newest source
    views = Site(load_catalogue(project.root)).by_id  # the catalogue knows git's dates
    assert views["bac-kan-ho-an-toan"].published.iso == "2021-04-02"
    assert views["bac-kan-ho-an-toan"].last_modified.iso == "2022-06-30"
    assert views["chua-commit"].last_modified.iso == "2020-09-08"
    build_site(project.root)
    assert 'Cập nhật lần cuối: <time datetime="2022-06-30">30/06/2022</time>' in project.html(
        "mo-hinh/bac-kan-ho-an-toan/index.html")
    feed = feedparser.parse((project.root / "site" / "feed.xml").read_bytes())
    assert (f"Mô hình mới: {NAME}", "2021-04-02T00:00:00+07:00") in [(e.title, e.updated) for e in feed.entries]
