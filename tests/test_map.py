"""The map of provinces in the site: a tile leads to its province's page, with or without models."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_map_links_lead_to_province_pages(page, repo_url) -> None:
    page.goto(repo_url)
    page.locator("svg.mh-map a[href='dia-phuong/quang-ngai/']").click()
    page.wait_for_url("**/dia-phuong/quang-ngai/")
    assert "Mô hình ở tỉnh Quảng Ngãi" in page.locator("h1").inner_text()
    assert "Kon Tum" in page.locator("article").inner_text()  # reported under the old name


def test_a_province_without_models_has_a_page_saying_so(page, repo_url) -> None:
    page.goto(repo_url)
    tile = page.locator("svg.mh-map a[aria-label$=': 0 mô hình']").first
    tile.click()
    page.wait_for_load_state()
    text = page.locator("article").inner_text()
    assert "Trang chưa giới thiệu mô hình nào" in text and "thêm mô hình" in text
