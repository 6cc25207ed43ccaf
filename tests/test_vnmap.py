"""The build-time SVG map of Vietnam (mohinh.vnmap)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from mohinh import places
from mohinh.vnmap import HEIGHT, WIDTH, _xy, positions, render_map, render_map_text

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


def test_map_shows_both_archipelagos_and_the_sea() -> None:
    root = ET.fromstring(render_map({}, link))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Quần đảo Hoàng Sa" in texts and "Quần đảo Trường Sa" in texts and "Biển Đông" in texts
    groups = {g.find(f"{SVG}title").text: g for g in root.iter(f"{SVG}g") if g.find(f"{SVG}title") is not None}
    for name, (lat_min, lat_max, lon_min, lon_max) in {
        "Quần đảo Hoàng Sa (Việt Nam)": (15.5, 17.5, 111.0, 113.0),
        "Quần đảo Trường Sa (Việt Nam)": (7.5, 11.6, 111.5, 116.0),
    }.items():
        dots = list(groups[name].iter(f"{SVG}circle"))
        assert len(dots) >= 8
        (left, top), (right, bottom) = _xy(lat_max, lon_min), _xy(lat_min, lon_max)
        for dot in dots:  # every dot lies where the archipelago is
            assert left <= float(dot.get("cx")) <= right and top <= float(dot.get("cy")) <= bottom
            assert 0 < float(dot.get("cx")) < WIDTH and 0 < float(dot.get("cy")) < HEIGHT
    hoang_sa = [float(d.get("cy")) for d in groups["Quần đảo Hoàng Sa (Việt Nam)"].iter(f"{SVG}circle")]
    truong_sa = [float(d.get("cy")) for d in groups["Quần đảo Trường Sa (Việt Nam)"].iter(f"{SVG}circle")]
    assert max(hoang_sa) < min(truong_sa)  # Hoàng Sa north of Trường Sa


def test_links_only_for_provinces_with_models() -> None:
    svg = render_map({"ha-tinh": 9, "quang-ngai": 8, "ha-noi": 0}, link)
    root = ET.fromstring(svg)
    links = {a.get("href"): a.find(f"{SVG}title").text for a in root.iter(f"{SVG}a")}
    assert links == {
        "../dia-phuong/ha-tinh/": "tỉnh Hà Tĩnh: 9 mô hình",
        "../dia-phuong/quang-ngai/": "tỉnh Quảng Ngãi: 8 mô hình",
    }
    assert "ha-noi" not in svg
    counts_shown = [t.text for a in root.iter(f"{SVG}a") for t in a.iter(f"{SVG}text")]
    assert sorted(counts_shown) == ["8", "9"]
    # every current province has a marker: 2 linked + 32 grey dots
    empty = [g for g in root.iter(f"{SVG}g") if g.get("class") == "mh-map__empty"][0]
    assert len(list(empty.iter(f"{SVG}circle"))) == 32
    assert len(positions()) == 34


def test_no_links_when_no_models() -> None:
    root = ET.fromstring(render_map({}, link))
    assert list(root.iter(f"{SVG}a")) == []


def test_deterministic_compact_and_self_contained() -> None:
    counts = {p.slug: i % 4 for i, p in enumerate(places.current_provinces())}
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


def test_text_alternative_lists_provinces_in_vietnamese_order() -> None:
    html = render_map_text({"quang-ngai": 8, "ha-tinh": 9, "dong-nai": 1, "an-giang": 2, "ca-mau": 0}, link)
    assert html == (
        '<ul class="mh-map__list">'
        '<li><a href="../dia-phuong/an-giang/">tỉnh An Giang</a>: 2 mô hình</li>'
        '<li><a href="../dia-phuong/dong-nai/">tỉnh Đồng Nai</a>: 1 mô hình</li>'
        '<li><a href="../dia-phuong/ha-tinh/">tỉnh Hà Tĩnh</a>: 9 mô hình</li>'
        '<li><a href="../dia-phuong/quang-ngai/">tỉnh Quảng Ngãi</a>: 8 mô hình</li></ul>'
    )
    assert re.fullmatch(r"<ul[^>]*></ul>", render_map_text({}, link))
