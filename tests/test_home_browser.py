"""The home page as a reader sees it in Chromium (phone and desktop), the typeface served by the site, and the
share cards named in each model page's metadata."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
from PIL import Image

pytestmark = pytest.mark.browser

VIEWPORTS = {"dien-thoai": {"width": 360, "height": 740}, "may-tinh": {"width": 1280, "height": 800}}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_home_page_holds_the_site_at_a_glance_without_sideways_scroll(browser, repo_url, viewport: str) -> None:
    context = browser.new_context(locale="vi-VN", viewport=VIEWPORTS[viewport])
    page = context.new_page()
    page.goto(repo_url, wait_until="networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"trang chủ tràn ngang {overflow}px"
    figures = page.locator(".mh-glance__figures li").all_inner_texts()
    assert [re.sub(r"\s+", " ", f).split(" ", 1)[1] for f in figures] == [
        "mô hình", "tỉnh, thành phố", "xã, phường, thị trấn được nêu tên", "điểm nhân rộng ghi trong hồ sơ"]
    assert "Cả nước: hơn 2.500 mô hình" in page.locator(".mh-glance__national").inner_text()
    entries = page.locator(".mh-entry a")
    assert [entries.nth(i).get_attribute("href") for i in range(3)] == ["mo-hinh/", "tim-mo-hinh/", "dong-gop/"]
    cards = page.locator(".mh-featured__card")
    assert cards.count() >= 3
    assert cards.first.locator(".mh-featured__why").inner_text().lower() == "nhân rộng nhiều nhất"
    assert page.locator(".mh-featured__figure").count() >= 2  # headline figures drawn large
    tiles = page.locator("svg.mh-map a.mh-map__province")
    assert tiles.count() == 34
    assert page.locator(".mh-map__list a").count() == 34
    box = page.locator("svg.mh-map").bounding_box()
    assert box is not None and box["width"] > 250 and box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORTS[viewport]["width"]
    context.close()


def test_map_is_reachable_by_keyboard(page, repo_url) -> None:
    page.goto(repo_url, wait_until="networkidle")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('svg.mh-map')"):
            break
    else:
        pytest.fail("không tới được bản đồ bằng phím Tab")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label.startswith("Tỉnh Lai Châu: ")  # the first tile: north-west
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith("Tỉnh Lào Cai: ")
    page.keyboard.press("Enter")
    page.wait_for_url("**/dia-phuong/lao-cai/")


def test_typeface_is_served_by_the_site_and_used(page, repo_url) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(repo_url + "mo-hinh/bac-kan-ho-an-toan/", wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    outside = [url for url in requested if not url.startswith(repo_url)]
    assert outside == []
    fonts = [url for url in requested if url.endswith(".woff2")]
    assert fonts and all(urlparse(url).path.startswith("/assets/fonts/be-vietnam-pro-") for url in fonts)
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family + ' ' + f.weight)")
    assert '"Be Vietnam Pro" 400' in loaded or "Be Vietnam Pro 400" in loaded
    family = page.evaluate("getComputedStyle(document.querySelector('article h1')).fontFamily")
    assert family.startswith('"Be Vietnam Pro"')
    assert page.evaluate("document.fonts.check('700 16px \"Be Vietnam Pro\"', 'Hộ an toàn ở Bắc Kạn')")


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        key = values.get("property") or values.get("name")
        if tag == "meta" and key:
            self.meta[key] = values.get("content") or ""


def test_each_model_page_has_its_share_card_and_no_made_up_address(repo_site) -> None:
    """The repository's mkdocs.yml has no real site_url: every model still gets its share card, but no page
    names it in Open Graph (an image there needs a whole address), nor a canonical or og:url address
    (test_media checks them with a real site_url)."""
    site = repo_site.root / "site"
    pages = sorted((site / "mo-hinh").glob("*/index.html"))
    assert len(pages) >= 50
    for html in pages:
        text = html.read_text(encoding="utf-8")
        parser = _Meta()
        parser.feed(text)
        meta = parser.meta
        model = html.parent.name
        assert "og:image" not in meta and "og:url" not in meta and 'rel="canonical"' not in text, model
        assert meta["twitter:card"] == "summary" and meta["og:title"] and meta["og:description"]
        with Image.open(io.BytesIO((html.parent / "the-chia-se.png").read_bytes())) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630)), model


def test_home_page_says_the_site_does_not_rate_models_on_a_phone(browser, repo_url) -> None:
    """A first-time reader is told, near the top, that the site gathers what sources report and rates nothing,
    and that the evidence level is about information, not results."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(repo_url, wait_until="networkidle")
    note = page.locator("#mh-khong-danh-gia")
    assert note.is_visible()
    text = " ".join(note.inner_text().split())
    assert "không chấm điểm" in text and "không đánh giá mô hình nào hiệu quả hơn" in text
    assert "Mức thông tin cho biết nguồn đã nêu đến đâu" in text and "không nói kết quả tốt hay kém" in text
    box = note.bounding_box()
    assert box is not None and box["y"] < 2 * 844, "lời nói rõ trang không đánh giá nằm quá xa đầu trang"
    context.close()
