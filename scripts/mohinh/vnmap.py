"""A map of Vietnam drawn at build time as inline SVG: no tiles, no requests, no script.

Provinces are placed at the approximate position of their administrative centre
(``data/provinces-positions.csv``); the outline is a coarse schematic of the mainland drawn from
public geographic coordinates (see ``data/PLACES-PROVENANCE.md``). The Hoàng Sa and Trường Sa
archipelagos are always shown.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from markupsafe import escape

from .places import Province, current_provinces

WIDTH, HEIGHT = 560, 640
LON0, LAT0, SCALE = 101.8, 23.6, 38.0  # equirectangular, x shrunk by cos(16°)

# Mainland outline, (lat, lon), clockwise from the north-west; coarse on purpose.
OUTLINE = [
    (22.40, 102.14), (22.78, 102.5), (22.5, 103.2), (22.8, 104.0), (23.15, 104.8), (23.39, 105.33),
    (22.95, 105.9), (22.85, 106.7), (22.35, 106.7), (21.95, 107.4), (21.55, 108.05), (21.0, 107.4),
    (20.75, 106.8), (20.2, 106.55), (19.75, 105.95), (18.8, 105.75), (18.0, 106.45), (17.4, 106.8),
    (16.7, 107.4), (16.2, 108.2), (15.4, 108.85), (14.5, 109.05), (13.5, 109.3), (12.6, 109.35),
    (11.7, 109.2), (11.2, 108.75), (10.7, 107.8), (10.35, 107.1), (10.4, 106.75), (9.6, 106.5),
    (9.25, 105.75), (8.6, 105.1), (9.4, 104.85), (10.1, 104.9), (10.4, 104.5), (10.8, 105.2),
    (11.0, 106.1), (11.6, 106.3), (11.9, 107.0), (12.3, 107.5), (13.0, 107.5), (14.0, 107.4),
    (14.7, 107.6), (15.5, 107.4), (16.2, 107.1), (16.7, 106.6), (17.3, 106.2), (17.9, 105.6),
    (18.4, 105.2), (19.0, 104.5), (19.2, 104.0), (19.6, 104.1), (20.0, 104.6), (20.4, 104.4),
    (20.7, 104.0), (21.2, 103.4), (21.6, 102.85), (22.0, 102.8),
]
ISLANDS = [(10.2, 103.95, 4), (8.7, 106.6, 2.5)]  # Phú Quốc, Côn Đảo
HOANG_SA = [(16.53, 111.6), (16.45, 111.72), (16.8, 112.3), (16.95, 112.25), (16.65, 111.9), (16.3, 111.5),
            (16.1, 111.8), (17.0, 111.5)]
TRUONG_SA = [(10.38, 114.36), (8.64, 111.92), (9.9, 114.5), (10.18, 114.2), (11.43, 114.33), (9.35, 112.9),
             (10.8, 115.8), (8.9, 113.4), (10.9, 114.1), (9.7, 115.5)]


def _xy(lat: float, lon: float) -> tuple[float, float]:
    return round((lon - LON0) * SCALE * 0.96, 1), round((LAT0 - lat) * SCALE, 1)


@lru_cache(maxsize=1)
def positions() -> dict[str, tuple[float, float]]:
    """Province name -> (x, y) in the SVG."""
    text = resources.files("mohinh").joinpath("data/provinces-positions.csv").read_text(encoding="utf-8")
    return {row["name"]: _xy(float(row["lat"]), float(row["lon"])) for row in csv.DictReader(text.splitlines())}


def render_map(counts: dict[str, int], link: Callable[[Province], str], title: str = "Bản đồ các mô hình") -> str:
    """Inline SVG: every current province as a dot, those with models linked and sized by count."""
    points = " ".join(f"{x},{y}" for x, y in (_xy(lat, lon) for lat, lon in OUTLINE))
    out = [
        f'<svg class="mh-map" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="mh-map-title" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="mh-map-title">{escape(title)}</title>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#e8f1f8"/>',
        f'<polygon points="{points}" fill="#f6efe0" stroke="#8a7a5a" stroke-width="1.2"/>',
    ]
    for lat, lon, r in ISLANDS:
        x, y = _xy(lat, lon)
        out.append(f'<circle cx="{x}" cy="{y}" r="{r}" fill="#f6efe0" stroke="#8a7a5a"/>')
    for name, group, (label_lat, label_lon) in (
        ("Quần đảo Hoàng Sa", HOANG_SA, (17.5, 110.9)),
        ("Quần đảo Trường Sa", TRUONG_SA, (12.1, 112.3)),
    ):
        out.append(f'<g class="mh-map__islands"><title>{name} (Việt Nam)</title>')
        for lat, lon in group:
            x, y = _xy(lat, lon)
            out.append(f'<circle cx="{x}" cy="{y}" r="2" fill="#8a7a5a"/>')
        x, y = _xy(label_lat, label_lon)
        out.append(f'<text x="{x}" y="{y}" font-size="13" fill="#2b3a4a">{name}</text></g>')
    x, y = _xy(13.5, 112.0)
    out.append(f'<text x="{x}" y="{y}" font-size="18" font-style="italic" fill="#3d6b8f">Biển Đông</text>')
    where = positions()
    for province in current_provinces():
        x, y = where[province.name]
        count = counts.get(province.slug, 0)
        label = escape(f"{province.full_name}: {count} mô hình")
        if count:
            r = min(6 + 2.5 * count, 18)
            out.append(
                f'<a href="{escape(link(province))}" class="mh-map__province"><title>{label}</title>'
                f'<circle cx="{x}" cy="{y}" r="{r:g}" fill="#b3261e" fill-opacity="0.85" stroke="#fff"/>'
                f'<text x="{x}" y="{y + 4}" font-size="11" font-weight="700" fill="#fff" text-anchor="middle">{count}</text>'
                "</a>"
            )
        else:
            out.append(f'<circle cx="{x}" cy="{y}" r="3" fill="#7d7d7d"><title>{label}</title></circle>')
    out.append("</svg>")
    return "".join(out)


def render_map_text(counts: dict[str, int], link: Callable[[Province], str]) -> str:
    """The map's text alternative: provinces with models, in Vietnamese order, with counts and links."""
    items = [
        f'<li><a href="{escape(link(p))}">{escape(p.full_name)}</a>: {counts[p.slug]} mô hình</li>'
        for p in current_provinces() if counts.get(p.slug)
    ]
    return '<ul class="mh-map__list">' + "".join(items) + "</ul>"
