"""Every control readable in every state (issue 27): the accessibility buttons fit the header on a phone and a
desktop and can be read, and turned off, in high contrast; the compare tray has a clear "Xem so sánh" button, a
close button, readable chosen states, and never covers the page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

VIEWPORTS = {"dien-thoai": {"width": 390, "height": 844}, "may-tinh": {"width": 1440, "height": 900}}

# The text colour and the colour actually behind it (the first ancestor with a background), as WCAG counts.
CONTRAST = """(el) => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  let node = el, back = null;
  while (node && node.nodeType === 1) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) { back = c; break; }
    node = node.parentElement;
  }
  back = back || [255, 255, 255];
  const fore = rgb(getComputedStyle(el).color);
  const lum = (c) => { const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [a, b] = [lum(fore), lum(back)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def contrast(locator) -> float:
    locator.page.wait_for_timeout(300)  # Material's colour transitions end
    return locator.evaluate(CONTRAST)


def overlap(a: dict, b: dict) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_accessibility_buttons_fit_the_header_and_contrast_can_be_turned_off(browser, repo_url, viewport: str) -> None:
    context = browser.new_context(locale="vi-VN", viewport=VIEWPORTS[viewport])
    page = context.new_page()
    page.goto(repo_url + "mo-hinh/", wait_until="networkidle")
    header = page.locator(".md-header").bounding_box()
    search = page.locator(".mh-search__input").bounding_box()
    buttons = page.locator(".mh-a11y button")
    visible = [buttons.nth(i) for i in range(buttons.count()) if buttons.nth(i).is_visible()]
    assert len(visible) == (1 if viewport == "dien-thoai" else 4)
    for button in visible:
        box = button.bounding_box()
        assert box["y"] >= header["y"] and box["y"] + box["height"] <= header["y"] + header["height"], button.inner_text()
        assert box["height"] < 40, f"{button.inner_text()} wraps"  # one line
        assert not overlap(box, search) and box["x"] + box["width"] <= search["x"] - 4, "touches the search box"
        assert contrast(button) >= 4.5
    toggle = page.get_by_role("button", name="Tương phản")
    toggle.click()
    assert page.evaluate("document.documentElement.classList.contains('mh-contrast')")
    page.reload(wait_until="networkidle")  # remembered: the way back must be found in high contrast
    toggle = page.get_by_role("button", name="Tương phản")
    assert toggle.get_attribute("aria-pressed") == "true" and toggle.is_visible()
    assert contrast(toggle) >= 7
    for i in range(buttons.count()):
        if buttons.nth(i).is_visible():
            assert contrast(buttons.nth(i)) >= 4.5, buttons.nth(i).inner_text()
    toggle.click()
    assert not page.evaluate("document.documentElement.classList.contains('mh-contrast')")
    assert toggle.get_attribute("aria-pressed") == "false"
    context.close()


@pytest.mark.parametrize("contrast_mode", [False, True])
def test_compare_tray_reads_closes_and_covers_nothing(browser, repo_url, contrast_mode: bool) -> None:
    context = browser.new_context(locale="vi-VN", viewport=VIEWPORTS["dien-thoai"])
    page = context.new_page()
    page.goto(repo_url + "mo-hinh/bac-kan-ho-an-toan/", wait_until="networkidle")
    if contrast_mode:
        page.get_by_role("button", name="Tương phản").click()
    toggle = page.locator("[data-mh-compare='bac-kan-ho-an-toan']")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true" and toggle.inner_text().endswith("Bỏ so sánh")
    assert contrast(toggle) >= 4.5  # the chosen state, still focused
    tray = page.locator(".mh-compare-tray")
    go = tray.get_by_role("link", name="Xem so sánh")
    assert go.is_visible() and contrast(go) >= 4.5
    assert go.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")  # a button
    # the page keeps room for the tray: at the very bottom, the last line of the page sits above it
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(100)
    footer = page.locator(".md-footer").bounding_box()
    assert footer["y"] + footer["height"] <= tray.bounding_box()["y"] + 1
    close = tray.get_by_role("button", name="Đóng thanh so sánh")
    assert contrast(close) >= 4.5
    close.click()
    assert not tray.is_visible()
    assert page.evaluate("document.body.style.paddingBottom") == ""
    page.goto(repo_url + "mo-hinh/", wait_until="networkidle")  # closed stays closed on the next pages...
    assert not page.locator(".mh-compare-tray").is_visible()
    assert page.locator("[data-mh-compare='bac-kan-ho-an-toan']").get_attribute("aria-pressed") == "true"
    page.locator("[data-mh-compare]:not([data-mh-compare='bac-kan-ho-an-toan'])").first.click()  # ...until the choice changes
    assert "Đã chọn 2/3" in page.locator(".mh-compare-tray").inner_text()
    context.close()
