"""The map of Vietnam: drawn at build time, with Hoàng Sa and Trường Sa, linked provinces, a text list."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from mohinh import places
from mohinh.vnmap import render_map, render_map_text

SVG = "{http://www.w3.org/2000/svg}"


def link(province: places.Province) -> str:
    return f"dia-phuong/{province.slug}/"


def test_map_is_valid_svg_with_both_archipelagos_and_linked_counts() -> None:
    svg = render_map({"ha-tinh": 9, "quang-ngai": 8}, link)
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Quần đảo Hoàng Sa" in texts and "Quần đảo Trường Sa" in texts and "Biển Đông" in texts
    links = {a.get("href"): a.find(f"{SVG}title").text for a in root.iter(f"{SVG}a")}
    assert links == {"dia-phuong/ha-tinh/": "tỉnh Hà Tĩnh: 9 mô hình", "dia-phuong/quang-ngai/": "tỉnh Quảng Ngãi: 8 mô hình"}
    assert len(list(root.iter(f"{SVG}circle"))) >= 34
    assert render_map({"ha-tinh": 9}, link) == render_map({"ha-tinh": 9}, link)
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_text_alternative_lists_provinces_with_counts() -> None:
    html = render_map_text({"quang-ngai": 8, "ha-tinh": 9}, link)
    assert html == ('<ul class="mh-map__list"><li><a href="dia-phuong/ha-tinh/">tỉnh Hà Tĩnh</a>: 9 mô hình</li>'
                    '<li><a href="dia-phuong/quang-ngai/">tỉnh Quảng Ngãi</a>: 8 mô hình</li></ul>')


def test_map_links_lead_to_province_pages(page, repo_url) -> None:
    page.goto(repo_url)
    page.locator("svg.mh-map a[href='dia-phuong/quang-ngai/']").click()
    page.wait_for_url("**/dia-phuong/quang-ngai/")
    assert "Mô hình ở tỉnh Quảng Ngãi" in page.locator("h1").inner_text()
    assert "Kon Tum" in page.locator("article").inner_text()  # reported under the old name
