"""A model page in Debian's Chromium: the key facts of its record above the fold on a phone, no sideways
scroll (also at 200% text), charts a screen reader can name, axe with no serious finding (also in forced
colours), and an A4 print with the key facts and every source's address."""

from __future__ import annotations

import io
import re

import pytest

from conftest import StaticServer, make_project
from mohinh.build import build_site
from mohinh.catalogue import load_catalogue
from mohinh.views import ModelView, views
from test_axe_browser import serious_violations
from test_model_page import RECORD

pytestmark = pytest.mark.browser

PHONE, DESKTOP = {"width": 360, "height": 740}, {"width": 1280, "height": 900}
MODELS = ["bac-kan-ho-an-toan", "tp-ho-chi-minh-to-bao-ve-an-ninh-trat-tu"]


@pytest.fixture(scope="module")
def repo_views(repo_site) -> dict[str, ModelView]:
    return {v.id: v for v in views(load_catalogue(repo_site.root))}


HANDOUT = RECORD.replace("sources: [bac-kan-2020-09]", """\
replication:
  steps:
    - title: Họp dân thống nhất mức góp
      who: Trưởng thôn
    - title: Lắp camera ở các ngã ba đường làng
sources: [bac-kan-2020-09, camera-2021]""")
HANDOUT_SOURCE = """\
camera-2021:
  title: Thôn lắp camera an ninh
  publisher: Báo Bắc Kạn
  date: 2021
  url: https://baobackan.example.vn/thon-lap-camera-an-ninh-2021.html
"""


@pytest.fixture(scope="module")
def chart_site(tmp_path_factory):
    """A small site whose model has every kind of chart (a share, a measure on two dates, a split by payer),
    replication steps and a source with an address: (URL of its page, its view)."""
    project = make_project(tmp_path_factory.mktemp("charts") / "p")
    project.write("models/_sources.yml", (project.models / "_sources.yml").read_text(encoding="utf-8") + HANDOUT_SOURCE)
    project.record("camera-thon", HANDOUT)
    build_site(project.root)
    view = next(v for v in views(load_catalogue(project.root)) if v.id == "camera-thon")
    server = StaticServer(project.root / "site")
    yield server.url + "mo-hinh/camera-thon/", view
    server.close()


@pytest.fixture(scope="module")
def chart_url(chart_site) -> str:
    return chart_site[0]


def share_text(value: float, total: float) -> str:
    return f"{value * 100 / total:.1f}".replace(".", ",") + "%"


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("model_id", MODELS)
@pytest.mark.parametrize("viewport", ["dien-thoai", "may-tinh"])
def test_the_key_facts_of_the_record_open_the_page_without_sideways_scroll(browser, repo_url, repo_views, model_id,
                                                                            viewport) -> None:
    view = repo_views[model_id]
    context = browser.new_context(locale="vi-VN", viewport=PHONE if viewport == "dien-thoai" else DESKTOP)
    page = context.new_page()
    try:
        page.goto(repo_url + f"mo-hinh/{model_id}/")
        assert overflow(page) <= 1
        panel = " ".join(page.locator(".mh-panel").inner_text().split())
        assert f"{view.status_label} (theo nguồn {view.status_date.display})" in panel
        assert view.community.label in panel and view.evidence[1] in panel
        for province in view.provinces_today:
            assert province.full_name in panel
        if view.m.started:
            assert view.m.started.display in panel
        if view.team_size:
            assert view.team_size in panel
        headline = view.headlines[0].result
        figure = share_text(headline.value, headline.total) if headline.total else f"{headline.value:,}".replace(",", ".")
        first = page.locator(".mh-headline__figure").first
        assert figure in first.inner_text() and headline.as_of.display in panel
        # Above the fold on a phone: the panel, and the first headline figure with its drawing.
        box = page.locator(".mh-headline").first.bounding_box()
        assert box is not None and (viewport == "may-tinh" or box["y"] + box["height"] <= PHONE["height"])
        assert page.locator(".mh-panel").bounding_box()["y"] < page.locator(".mh-summary").bounding_box()["y"]
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        assert overflow(page) <= 1, "tràn ngang khi chữ 200%"
    finally:
        context.close()


def test_each_chart_is_named_with_its_figures_and_said_in_words(browser, chart_url) -> None:
    context = browser.new_context(locale="vi-VN", viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(chart_url)
        assert page.get_by_role("img", name=re.compile(r"^64,7% \(847 trên 1\.310 thôn\)")).count() == 2  # panel, results
        assert page.get_by_role("img", name=re.compile("Hộ tham gia .*1.200 hộ, tính đến năm 2019; 1.500 hộ")).count() == 1
        assert page.get_by_role("img", name=re.compile("Người dân đóng góp: 51.400.000 đồng")).count() == 1
        captions = page.locator("figure.mh-figure figcaption").all_inner_texts()
        assert any("1.200 (năm 2019); 1.500 (08/09/2020)" in c for c in captions)
        assert any("Doanh nghiệp, nhà tài trợ: 38.500.000 đồng" in c for c in captions)
        for chart in page.locator("svg.mh-chart").all():
            box = chart.bounding_box()
            assert box is not None and box["width"] > 20 and box["height"] > 5  # drawn, not collapsed
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        assert overflow(page) <= 1
    finally:
        context.close()


@pytest.mark.parametrize("colours", ["binh-thuong", "mau-cuong-buc"])
@pytest.mark.parametrize("which", ["bieu-do", "ho-so"])
def test_axe_finds_no_serious_violation_on_a_model_page(browser, repo_url, chart_url, colours, which, axe_source) -> None:
    context = browser.new_context(locale="vi-VN", viewport=PHONE)
    page = context.new_page()
    try:
        if colours == "mau-cuong-buc":
            page.emulate_media(forced_colors="active")
        page.goto(chart_url if which == "bieu-do" else repo_url + "mo-hinh/bac-kan-ho-an-toan/")
        assert page.evaluate("matchMedia('(forced-colors: active)').matches") == (colours == "mau-cuong-buc")
        fills = page.evaluate("""() => [...document.querySelectorAll('svg.mh-chart--share')].map(svg =>
            ['.mh-chart__track', '.mh-chart__fill'].map(part => getComputedStyle(svg.querySelector(part)).fill))""")
        assert fills and all(track != fill for track, fill in fills)  # the share stays visible in every mode
        assert serious_violations(page, axe_source) == []
    finally:
        context.close()


def test_a_model_page_prints_as_an_a4_handout(browser, chart_site) -> None:
    from pypdf import PdfReader

    url, view = chart_site
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(url, wait_until="networkidle")
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    finally:
        context.close()
    width, height = (float(x) for x in pdf.pages[0].mediabox.upper_right)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points (Chromium rounds to whole pixels)
    first = " ".join(pdf.pages[0].extract_text().split())
    assert f"{view.status_label} (theo nguồn {view.status_date.display})" in first
    headline = view.headlines[0].result
    assert share_text(headline.value, headline.total) in first and view.community.label in first
    assert "Sao chép liên kết" not in first and "Tương phản" not in first  # no buttons, header or search
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "Người dân đóng góp: 51.400.000 đồng" in text  # the split by payer, in words beside its drawing
    for step in view.m.replication.steps:
        assert step.title in text
    urls = [s.url for _, s in view.sources if s.url]
    assert urls and all(url in text.replace(" ", "") for url in urls)
