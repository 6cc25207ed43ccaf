"""The open-data page as a reader who wants figures uses it, in Chromium on a phone: models per province with
the models no source places counted and explained, the table as CSV, the size of every file, and a data
dictionary that names every column and field the files really have."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _size_in_bytes(text: str) -> tuple[float, float]:
    """``474,8 KB`` -> (bytes it stands for, how far rounding may be off)."""
    value, unit = re.fullmatch(r"([\d.,]+) (byte|KB|MB)", text.strip()).groups()
    scale = {"byte": 1, "KB": 1024, "MB": 1024 * 1024}[unit]
    return float(value.replace(".", "").replace(",", ".")) * scale, 0.05 * scale + 1


def test_open_data_page_counts_models_per_province_and_describes_every_file(browser, repo_url) -> None:
    context = browser.new_context(locale="vi-VN", viewport=PHONE)
    page = context.new_page()
    page.goto(repo_url + "du-lieu/", wait_until="networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"trang dữ liệu mở tràn ngang {overflow}px"

    def fetch(name: str) -> bytes:
        response = page.request.get(repo_url + "du-lieu/" + name)
        assert response.ok, name
        return response.body()

    models = json.loads(fetch("mo-hinh.json"))["models"]

    # Models per province of today, as the open data places them; a model in two provinces counts in each.
    expected = Counter(slug for m in models for slug in {p["province_today_slug"] for p in m["places"]} if slug)
    unplaced = [m for m in models if not any(p["province_today_slug"] for p in m["places"])]
    rows = page.locator("xpath=//h2[@id='theo-tinh']/following::table[1]").locator("tbody tr")
    shown: dict[str, int] = {}
    for i in range(rows.count()):
        link, count = rows.nth(i).locator("td").all_inner_texts()
        href = rows.nth(i).locator("a").get_attribute("href") if rows.nth(i).locator("a").count() else None
        shown[href.rstrip("/").split("/")[-1] if href else link] = int(count)
    assert {k: v for k, v in shown.items() if v and k in expected} == dict(expected), shown
    assert len([k for k in shown if k != "nguồn không nêu tỉnh"]) == 34  # every province of today, even with none
    assert shown.get("nguồn không nêu tỉnh", 0) == len(unplaced)
    if unplaced:
        note = page.locator("#mh-khong-neu-tinh")
        assert note.is_visible()
        assert f"{len(unplaced)} mô hình" in note.inner_text() and "nguồn không nêu tỉnh" in note.inner_text()
        for m in unplaced:
            assert m["record"]["name"] in note.inner_text()

    # The same table as CSV: the same counts, and the models whose sources name no province on the last row.
    table = list(csv.DictReader(io.StringIO(fetch("theo-tinh.csv").decode("utf-8-sig"))))
    by_slug = {row["địa chỉ"].rstrip("/").split("/")[-1]: int(row["số mô hình"]) for row in table if row["địa chỉ"]}
    assert {k: v for k, v in by_slug.items() if v} == dict(expected)
    assert int(table[-1]["số mô hình"]) == len(unplaced)

    # Every file offered, with its size as the server sends it.
    files = page.locator("article table").first.locator("tbody tr")
    sized = 0
    for i in range(files.count()):
        cells = files.nth(i).locator("td")
        name = cells.nth(0).inner_text().strip()
        size = cells.nth(2).inner_text().strip()
        if name == "feed.xml":
            continue
        stands_for, slack = _size_in_bytes(size)
        assert abs(len(fetch(name)) - stands_for) <= slack, (name, size)
        sized += 1
    assert sized >= 9

    # The dictionary names exactly the columns each file has, and every field of mo-hinh.json.
    def dictionary(name: str) -> list[str]:
        section = page.locator(f"xpath=//h3[@id='tu-dien-{name.replace('.', '-')}']/following::table[1]")
        return section.locator("tbody tr td:first-child").all_inner_texts()

    for name in ("mo-hinh.csv", "ket-qua.csv", "kinh-phi.csv", "theo-tinh.csv"):
        header = next(csv.reader(io.StringIO(fetch(name).decode("utf-8-sig"))))
        assert dictionary(name) == header, name
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(fetch("tong-hop.xlsx")), read_only=True)
    assert dictionary("tong-hop.xlsx") == [c.value for c in next(book.worksheets[0].iter_rows(max_row=1))]

    def paths(value: object, path: str = "") -> set[str]:
        found: set[str] = set()
        if isinstance(value, dict):
            for key, inner in value.items():
                found.add(f"{path}.{key}" if path else key)
                if key != "record":  # the record follows model.schema.json, linked from the page
                    found |= paths(inner, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            for item in value:
                found |= paths(item, path + "[]")
        return found

    named = {p.removesuffix("[]") for p in dictionary("mo-hinh.json")}
    missing = paths(json.loads(fetch("mo-hinh.json"))) - named
    assert not missing, f"từ điển dữ liệu thiếu trường {sorted(missing)}"
    context.close()
