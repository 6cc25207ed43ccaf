"""Sharing a model page in a browser: without a real site_url (the repository's own site) every share control
uses the address of the page being read, and no page names a made-up address."""

from __future__ import annotations

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser


def test_copy_link_button_copies_the_public_address(browser, repo_url) -> None:
    context = browser.new_context(locale="vi-VN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=repo_url.rstrip("/"))
    page = context.new_page()
    try:
        page.goto(repo_url + "mo-hinh/bac-kan-ho-an-toan/")
        copy = page.get_by_role("button", name="Sao chép liên kết")
        copy.click()
        page.get_by_role("status").filter(has_text="Đã sao chép liên kết.").wait_for()
        here = repo_url + "mo-hinh/bac-kan-ho-an-toan/"
        assert page.evaluate("navigator.clipboard.readText()") == here
        for label in ("Email", "Facebook", "Zalo"):
            assert page.get_by_role("link", name=label, exact=True).count() == 1
        facebook = page.get_by_role("link", name="Facebook", exact=True).get_attribute("href")
        assert facebook == "https://www.facebook.com/sharer/sharer.php?u=" + quote(here, safe="")
        assert quote(here, safe="") in page.get_by_role("link", name="Email", exact=True).get_attribute("href")
    finally:
        context.close()
