"""Larger text and high contrast, remembered across pages; text zoom keeps pages usable."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def font_size(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_text_size_and_contrast_are_remembered(page, repo_url) -> None:
    page.goto(repo_url)
    normal = font_size(page)
    page.click("button[data-mh-size='1']")
    page.click("button[data-mh-size='1']")
    assert font_size(page) > normal * 1.3
    page.click("button[data-mh-contrast]")
    assert page.evaluate("document.documentElement.classList.contains('mh-contrast')")
    assert page.locator("button[data-mh-contrast]").get_attribute("aria-pressed") == "true"
    page.goto(repo_url + "mo-hinh/bac-kan-ho-an-toan/")
    assert font_size(page) > normal * 1.3
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).backgroundColor") == "rgb(0, 0, 0)"
    page.click("button[data-mh-size='0']")
    assert font_size(page) == normal
    assert page.context.cookies() == []


def test_200_percent_text_keeps_the_profile_readable_on_a_phone(browser, repo_url) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(repo_url + "mo-hinh/bac-kan-ho-an-toan/")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    assert page.locator("h1").is_visible()
    context.close()
