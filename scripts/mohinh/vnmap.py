"""A map of Vietnam drawn at build time as inline SVG: no tiles, no fonts, no requests, no script.

The mainland outline is Natural Earth's 1:110m country outline (public domain); each current province is a
marker at a point inside it (``data/provinces.csv``); the Hoàng Sa and Trường Sa archipelagos are always drawn,
with the Biển Đông label (``data/vnmap.json``). Provinces with models are linked, sized by their count; the
others are small grey dots. Same input, same bytes. See ``data/PLACES-PROVENANCE.md`` for the sources.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any

from markupsafe import escape

from .places import Province, current_provinces, map_position

__all__ = ["HEIGHT", "WIDTH", "positions", "render_map", "render_map_text"]

WIDTH, HEIGHT = 400, 470
LON0, LAT0 = 101.9, 23.6  # top-left corner of the drawing
SCALE = 27.5  # pixels per degree of latitude
X_SCALE = SCALE * math.cos(math.radians(16))  # equirectangular, true to scale at 16°N
PAD_X, PAD_Y = 11.0, 12.0

SEA, LAND, BORDER = "#e6f0f8", "#f7f1e3", "#7a6a4a"
ISLAND_DOT, LABEL, SEA_LABEL = "#5c4a26", "#1f2d3a", "#2f5f86"
EMPTY, FILLED, FILLED_TEXT = "#666666", "#b3261e", "#ffffff"  # 5.3:1 on the land colour; 6.5:1 white on red


def _xy(lat: float, lon: float) -> tuple[float, float]:
    return round((lon - LON0) * X_SCALE + PAD_X, 1), round((LAT0 - lat) * SCALE + PAD_Y, 1)


def _n(value: float) -> str:
    """A coordinate as short, stable text: ``12.0`` -> ``12``, ``3.25`` -> ``3.2``."""
    text = f"{round(value, 1):.1f}"
    return text[:-2] if text.endswith(".0") else text


@lru_cache(maxsize=1)
def _geo() -> dict[str, Any]:
    text = resources.files("mohinh").joinpath("data/vnmap.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def positions() -> dict[str, tuple[float, float]]:
    """Current province name -> (x, y) of its marker in the SVG."""
    found: dict[str, tuple[float, float]] = {}
    for province in current_provinces():
        where = map_position(province)
        if where is not None:
            found[province.name] = _xy(*where)
    return found


def _radius(count: int) -> float:
    return round(min(6.5 + 1.5 * math.sqrt(count), 12.0), 1)


def _archipelago(group: dict[str, Any]) -> str:
    label = escape(group["label"])
    dots = []
    for name, lat, lon in group["features"]:
        x, y = _xy(lat, lon)
        dots.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="1.8"><title>{escape(name)}</title></circle>')
    x, y = _xy(*group["label_at"])
    return (
        f'<g class="mh-map__islands" fill="{ISLAND_DOT}"><title>{label} (Việt Nam)</title>' + "".join(dots)
        + f'<text x="{_n(x)}" y="{_n(y)}" font-size="11" font-weight="600" fill="{LABEL}" text-anchor="middle">'
        f"{label}</text></g>"
    )


def render_map(counts: dict[str, int], link: Callable[[Province], str], title: str = "Bản đồ các mô hình") -> str:
    """Inline SVG of Vietnam: one marker per current province, keyed by slug in ``counts``.

    A province with models is a red circle showing its count, linked to ``link(province)`` and titled
    ``tỉnh Hà Tĩnh: 9 mô hình``; a province without models is a small grey dot without a link. The Hoàng Sa and
    Trường Sa archipelagos and the Biển Đông label are always drawn. Deterministic: same input, same bytes.
    """
    geo = _geo()
    provinces = current_provinces()
    with_models = sum(1 for p in provinces if counts.get(p.slug, 0) > 0)
    desc = (f"Bản đồ Việt Nam, gồm quần đảo Hoàng Sa và quần đảo Trường Sa trên Biển Đông; "
            f"{with_models} tỉnh, thành phố có mô hình được đánh dấu màu đỏ kèm số mô hình.")
    outline = " ".join(f"{_n(x)},{_n(y)}" for x, y in (_xy(lat, lon) for lat, lon in geo["mainland"][:-1]))
    out = [
        f'<svg class="mh-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" '
        'aria-labelledby="mh-map-title mh-map-desc" font-family="sans-serif">',
        f'<title id="mh-map-title">{escape(title)}</title>',
        f'<desc id="mh-map-desc">{escape(desc)}</desc>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{SEA}"/>',
        f'<polygon points="{outline}" fill="{LAND}" stroke="{BORDER}" stroke-width="1" stroke-linejoin="round"/>',
    ]
    islands = []
    for island in geo["islands"]:
        x, y = _xy(island["lat"], island["lon"])
        islands.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(island["r"])}"><title>{escape(island["name"])}'
                       "</title></circle>")
    out.append(f'<g class="mh-map__coastal-islands" fill="{LAND}" stroke="{BORDER}">' + "".join(islands) + "</g>")
    out.append(_archipelago(geo["hoang_sa"]))
    out.append(_archipelago(geo["truong_sa"]))
    sea = geo["sea_label"]
    x, y = _xy(*sea["at"])
    out.append(f'<text x="{_n(x)}" y="{_n(y)}" font-size="16" font-style="italic" fill="{SEA_LABEL}" '
               f'text-anchor="middle">{escape(sea["label"])}</text>')

    where = positions()
    empty = []
    filled: list[tuple[int, Province]] = []
    for province in provinces:
        count = counts.get(province.slug, 0)
        if count > 0:
            filled.append((count, province))
            continue
        x, y = where[province.name]
        empty.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3"><title>{escape(province.full_name)}: chưa có mô hình'
                     "</title></circle>")
    out.append(f'<g class="mh-map__empty" fill="{EMPTY}">' + "".join(empty) + "</g>")
    # Bigger circles first, so a smaller neighbour stays visible on top.
    for count, province in sorted(filled, key=lambda item: -item[0]):
        x, y = where[province.name]
        label = escape(f"{province.full_name}: {count} mô hình")
        size = 10 if count < 100 else 8
        out.append(
            f'<a href="{escape(link(province))}" class="mh-map__province"><title>{label}</title>'
            f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(_radius(count))}" fill="{FILLED}" stroke="{FILLED_TEXT}" '
            'stroke-width="1"/>'
            f'<text x="{_n(x)}" y="{_n(y + size * 0.35)}" font-size="{size}" font-weight="700" fill="{FILLED_TEXT}" '
            f'text-anchor="middle">{count}</text></a>'
        )
    out.append("</svg>")
    return "".join(out)


def render_map_text(counts: dict[str, int], link: Callable[[Province], str]) -> str:
    """The map's text alternative: an HTML list of the provinces with models, in Vietnamese order, linked."""
    items = [
        f'<li><a href="{escape(link(p))}">{escape(p.full_name)}</a>: {counts[p.slug]} mô hình</li>'
        for p in current_provinces() if counts.get(p.slug, 0) > 0
    ]
    return '<ul class="mh-map__list">' + "".join(items) + "</ul>"
