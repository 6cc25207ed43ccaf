"""The decision box of a model page as a commune reads it (issue 27): in the key-facts panel, the cost, who paid
and a prominent button for the kit that gives the Word file; on a phone the cost table reads as cards."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

VIEWPORTS = {"dien-thoai": {"width": 390, "height": 844}, "may-tinh": {"width": 1440, "height": 900}}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_lang_ut_2_has_a_kit_button_in_its_key_facts(browser, repo_url, viewport: str) -> None:
    context = browser.new_context(locale="vi-VN", viewport=VIEWPORTS[viewport])
    page = context.new_page()
    page.goto(repo_url + "mo-hinh/lang-ut-2-camera-anh-sang/", wait_until="networkidle")
    box = page.locator(".mh-panel .mh-decision")
    text = " ".join(box.inner_text().split())
    assert "Kinh phí" in text and "Mỗi đơn vị 50.000 đồng/hộ" in text and "Ai chi trả người dân đóng góp" in text
    kit = box.get_by_role("link", name="Tải bộ nhân rộng của loại “Camera an ninh” (Word)")
    assert kit.is_visible()
    size = kit.bounding_box()
    assert size["height"] >= 36 and size["width"] >= 150  # a button, not a 20 px text link
    if viewport == "may-tinh":
        assert size["y"] + size["height"] <= 900  # seen without scrolling
    href = kit.get_attribute("href")
    assert href == "../../loai-mo-hinh/camera-an-ninh/checklist.docx" and kit.get_attribute("download") is not None
    with page.expect_download() as got:
        kit.click()
    with open(got.value.path(), "rb") as handle:
        assert handle.read(2) == b"PK"  # a Word file (zip)
    context.close()


def test_the_cost_table_reads_as_cards_on_a_phone(browser, repo_url) -> None:
    context = browser.new_context(locale="vi-VN", viewport=VIEWPORTS["dien-thoai"])
    page = context.new_page()
    page.goto(repo_url + "mo-hinh/lang-ut-2-camera-anh-sang/", wait_until="networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    rows = page.locator("table.mh-stack tbody tr")
    assert rows.count() >= 3
    for i in range(rows.count()):
        row = rows.nth(i).bounding_box()
        assert row["width"] <= 390
        cells = rows.nth(i).locator("td")
        boxes = [cells.nth(j).bounding_box() for j in range(cells.count())]
        assert all(b["x"] >= 0 and b["x"] + b["width"] <= 390 for b in boxes)  # nothing off-screen
        assert [b["y"] for b in boxes] == sorted(b["y"] for b in boxes) and len({round(b["y"]) for b in boxes}) == len(boxes)
    labels = rows.first.locator("td").evaluate_all(
        "cells => cells.map(c => [c.dataset.label, getComputedStyle(c, '::before').content])")
    assert [label for label, _ in labels] == ["Số tiền", "Ai chi trả", "Tính đến", "Nguồn"]
    assert all(shown not in ("none", "normal", "") for _, shown in labels)  # each value under its column's name
    context.close()
