"""The build-time tile map of Vietnam's 34 provinces and cities (mohinh.vnmap)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from mohinh import places
from mohinh.vnmap import BUCKETS, HEIGHT, PITCH_X, PITCH_Y, WIDTH, render_map, render_map_text, tiles

SVG = "{http://www.w3.org/2000/svg}"


def link(province: places.Province) -> str:
    return f"../dia-phuong/{province.slug}/"


def test_map_parses_and_is_accessible() -> None:
    svg = render_map({"ha-tinh": 9, "quang-ngai": 8}, link)
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "group"  # a group of links (role img would hide them)
    ids = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == ids[0] and root.find(f"{SVG}title").text == "Bản đồ các mô hình"
    assert root.find(f"{SVG}desc").get("id") == ids[1]
    assert root.get("viewBox") == f"0 0 {WIDTH} {HEIGHT}"


def test_every_current_province_is_a_linked_tile_named_with_its_count() -> None:
    root = ET.fromstring(render_map({"ha-tinh": 9, "quang-ngai": 8, "ha-noi": 0}, link))
    links = {a.get("href"): a.get("aria-label") for a in root.iter(f"{SVG}a")}
    assert len(links) == 34 == len(places.current_provinces())
    assert links["../dia-phuong/ha-tinh/"] == "Tỉnh Hà Tĩnh: 9 mô hình"
    assert links["../dia-phuong/quang-ngai/"] == "Tỉnh Quảng Ngãi: 8 mô hình"
    assert links["../dia-phuong/ho-chi-minh/"] == "Thành phố Hồ Chí Minh, TP HCM: 0 mô hình"
    assert links["../dia-phuong/ha-noi/"] == "Thành phố Hà Nội: 0 mô hình"
    shown = {a.get("href"): [t.text for t in a.iter(f"{SVG}tspan")] for a in root.iter(f"{SVG}a")}
    assert shown["../dia-phuong/ha-tinh/"] == ["Hà Tĩnh", "9"] and shown["../dia-phuong/ho-chi-minh/"] == ["TP HCM", "0"]


def test_tiles_are_coloured_by_count_with_a_legend() -> None:
    counts = {"ha-noi": 0, "ha-tinh": 1, "hue": 3, "quang-ngai": 8, "gia-lai": 12}
    root = ET.fromstring(render_map(counts, link))
    fill = {a.get("href").split("/")[-2]: a.find(f"{SVG}rect").get("fill") for a in root.iter(f"{SVG}a")}
    assert [fill[s] for s in counts] == [b[2] for b in BUCKETS]  # one class each, lightest to darkest
    legend = [g for g in root.iter(f"{SVG}g") if g.get("class") == "mh-map__legend"][0]
    assert [t.text for t in legend.iter(f"{SVG}text")] == ["Số mô hình:", *(b[1] for b in BUCKETS)]


def test_tiles_do_not_overlap_and_lie_roughly_where_the_province_is() -> None:
    placed = tiles()
    assert len({(x, y) for x, y, _ in placed.values()}) == 34
    where = {p.name: places.map_position(p) for p in places.current_provinces()}
    for a, (ax, ay, _) in placed.items():
        for b, (bx, by, _) in placed.items():
            if where[a][0] - where[b][0] > 1.0:  # clearly further north: on a higher row
                assert ay < by, (a, b)
            if ay == by and where[a][1] < where[b][1]:  # same row: west to east
                assert ax < bx, (a, b)
            if a != b:
                assert abs(ax - bx) >= PITCH_X or abs(ay - by) >= PITCH_Y


def test_map_shows_both_archipelagos_as_part_of_vietnam() -> None:
    root = ET.fromstring(render_map({}, link))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Quần đảo Hoàng Sa" in texts and "Quần đảo Trường Sa" in texts and "Biển Đông" in texts
    groups = {g.find(f"{SVG}title").text: g for g in root.iter(f"{SVG}g") if g.find(f"{SVG}title") is not None}
    hoang_sa = groups["Quần đảo Hoàng Sa (thuộc Đà Nẵng, Việt Nam)"]
    truong_sa = groups["Quần đảo Trường Sa (thuộc Khánh Hòa, Việt Nam)"]
    for group in (hoang_sa, truong_sa):
        box = group.find(f"{SVG}rect")
        left, top = float(box.get("x")), float(box.get("y"))
        right, bottom = left + float(box.get("width")), top + float(box.get("height"))
        dots = list(group.iter(f"{SVG}circle"))
        assert len(dots) >= 8
        for dot in dots:  # every island inside its archipelago's box, inside the map
            assert left <= float(dot.get("cx")) <= right and top <= float(dot.get("cy")) <= bottom
            assert 0 < float(dot.get("cx")) < WIDTH and 0 < float(dot.get("cy")) < HEIGHT
    assert float(hoang_sa.find(f"{SVG}rect").get("y")) < float(truong_sa.find(f"{SVG}rect").get("y"))


def test_deterministic_compact_and_self_contained() -> None:
    counts = {p.slug: i % 12 for i, p in enumerate(places.current_provinces())}
    svg = render_map(counts, link)
    assert svg == render_map(dict(reversed(list(counts.items()))), link)
    assert len(svg.encode()) < 60_000
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert "<script" not in svg and "@font-face" not in svg and "<image" not in svg
    assert not re.search(r"\sstyle=", svg)


def test_names_and_links_are_escaped() -> None:
    svg = render_map({"ha-tinh": 1}, lambda p: f'x"><script>alert(1)</script>{p.slug}', title="A & <B>")
    ET.fromstring(svg)
    assert "<script>" not in svg and "&lt;B&gt;" in svg
    assert "<script>" not in render_map_text({"ha-tinh": 1}, lambda p: "<script>")


def test_text_list_names_every_province_in_vietnamese_order() -> None:
    html = render_map_text({"quang-ngai": 8, "ha-tinh": 9, "an-giang": 2}, link)
    items = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>: ([^<]+)</li>', html)
    assert len(items) == 34
    assert items[0] == ("../dia-phuong/an-giang/", "tỉnh An Giang", "2 mô hình")
    assert items[1] == ("../dia-phuong/bac-ninh/", "tỉnh Bắc Ninh", "chưa có")
    assert ("../dia-phuong/ha-tinh/", "tỉnh Hà Tĩnh", "9 mô hình") in items
    assert [name for _, name, _ in items] == [p.full_name for p in places.current_provinces()]
