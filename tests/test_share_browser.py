"""Sharing a model page in a browser: the copy button copies the page's public address."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SITE_PAGE = "https://mohinh.example.vn/mo-hinh/bac-kan-ho-an-toan/"


def test_copy_link_button_copies_the_public_address(browser, repo_url) -> None:
    context = browser.new_context(locale="vi-VN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=repo_url.rstrip("/"))
    page = context.new_page()
    try:
        page.goto(repo_url + "mo-hinh/bac-kan-ho-an-toan/")
        copy = page.get_by_role("button", name="Sao chép liên kết")
        copy.click()
        page.get_by_role("status").filter(has_text="Đã sao chép liên kết.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == SITE_PAGE
        for label in ("Email", "Facebook", "Zalo"):
            assert page.get_by_role("link", name=label, exact=True).count() == 1
    finally:
        context.close()
