"""A map of Vietnam's 34 provinces and cities drawn at build time as inline SVG: no tiles fetched, no script.

A tile map (the way news sites map provinces): one equal tile per current province or city, placed at a grid
cell roughly where it lies (``data/vnmap.json``), coloured by its number of models, each a link to its page.
No boundary data that the project may redistribute installs from PyPI or npm (see
``data/PLACES-PROVENANCE.md``), so the map shows places, not borders. The Hoàng Sa and Trường Sa archipelagos
are always drawn, beside the city and the province they belong to (Đà Nẵng, Khánh Hòa), on the Biển Đông.
Same input, same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any

from markupsafe import escape

from .places import Province, current_provinces

__all__ = ["BUCKETS", "HEIGHT", "WIDTH", "bucket", "render_map", "render_map_text", "tiles"]

TILE_W, TILE_H, PITCH_X, PITCH_Y, PAD = 76, 46, 80, 50, 8
ISLANDS_X = 512  # left edge of the archipelagos' boxes, east of the mainland's tiles
BOX_W, BOX_H = 128, 76
WIDTH = ISLANDS_X + BOX_W + PAD
LEGEND_Y = PAD + 16 * PITCH_Y + 6
HEIGHT = LEGEND_Y + 44

INK, WHITE, EDGE, SEA_INK = "#1f2d3a", "#ffffff", "#5f5f5f", "#2f5f86"
#: Colour classes by number of models: (smallest count, legend text, fill, text colour). Text contrast ≥ 4.5:1.
BUCKETS = (
    (0, "0", "#eeeeee", INK),
    (1, "1", "#f4c7c3", INK),
    (2, "2–4", "#e8867d", INK),
    (5, "5–9", "#b3261e", WHITE),
    (10, "10 trở lên", "#6e1611", WHITE),
)


def _n(value: float) -> str:
    """A coordinate as short, stable text: ``12.0`` -> ``12``, ``3.25`` -> ``3.2``."""
    text = f"{round(value, 1):.1f}"
    return text[:-2] if text.endswith(".0") else text


@lru_cache(maxsize=1)
def _geo() -> dict[str, Any]:
    text = resources.files("mohinh").joinpath("data/vnmap.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def tiles() -> dict[str, tuple[float, float, str]]:
    """Current province name -> (x, y) of its tile's top-left corner in the SVG, and its short label."""
    found = {}
    for name, (column, row, label) in _geo()["tiles"].items():
        found[name] = (PAD + column * PITCH_X, PAD + row * PITCH_Y, label)
    return found


def bucket(count: int) -> tuple[int, str, str, str]:
    """The colour class (`BUCKETS`) of a province with ``count`` models."""
    return [b for b in BUCKETS if count >= b[0]][-1]


def _archipelago(group: dict[str, Any], parent: tuple[float, float], y: float) -> str:
    """An archipelago in a dashed box at height ``y``, its islands placed by latitude and longitude inside the
    box, joined by a dotted line to the tile of the unit it belongs to (``parent``: that tile's corner)."""
    label = str(group["label"])
    lats = [f[1] for f in group["features"]]
    lons = [f[2] for f in group["features"]]
    inner_w, inner_h = BOX_W - 24, BOX_H - 40

    def place(lat: float, lon: float) -> tuple[float, float]:
        x = ISLANDS_X + 12 + (lon - min(lons)) / ((max(lons) - min(lons)) or 1) * inner_w
        return x, y + 30 + (max(lats) - lat) / ((max(lats) - min(lats)) or 1) * inner_h

    dots = "".join(f'<circle cx="{_n(x)}" cy="{_n(yy)}" r="2.2"><title>{escape(name)}</title></circle>'
                   for name, lat, lon in group["features"] for x, yy in [place(lat, lon)])
    px, py = parent[0] + TILE_W, parent[1] + TILE_H / 2
    title = f"{label} (thuộc {group['part_of']}, Việt Nam)"
    return (
        f'<g class="mh-map__islands"><title>{escape(title)}</title>'
        f'<path d="M{_n(px)} {_n(py)}H{_n(ISLANDS_X - 10)}V{_n(y + BOX_H / 2)}H{_n(ISLANDS_X)}" fill="none" '
        f'stroke="{SEA_INK}" stroke-width="1" stroke-dasharray="2 3"/>'
        f'<rect x="{ISLANDS_X}" y="{_n(y)}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="#e6f0f8" '
        f'stroke="{SEA_INK}" stroke-dasharray="4 3"/>'
        f'<text x="{_n(ISLANDS_X + BOX_W / 2)}" y="{_n(y + 18)}" font-size="11" font-weight="700" fill="{INK}" '
        f'text-anchor="middle">{escape(label)}</text>'
        f'<g fill="{SEA_INK}">{dots}</g></g>'
    )


def render_map(counts: dict[str, int], link: Callable[[Province], str], title: str = "Bản đồ các mô hình") -> str:
    """Inline SVG of Vietnam's current provinces and cities, keyed by slug in ``counts``.

    Each province is a tile coloured by its count (`BUCKETS`), linked to ``link(province)``, named for
    screen readers ``Tỉnh Hà Tĩnh: 9 mô hình``. The Hoàng Sa and Trường Sa archipelagos, the Biển Đông label
    and the colour legend are always drawn. Deterministic: same input, same bytes.
    """
    geo = _geo()
    where = tiles()
    provinces = current_provinces()
    with_models = sum(1 for p in provinces if counts.get(p.slug, 0) > 0)
    desc = (f"Sơ đồ ô {len(provinces)} tỉnh, thành phố của Việt Nam, mỗi ô đặt gần đúng vị trí của tỉnh, màu càng "
            f"đậm càng nhiều mô hình; {with_models} tỉnh, thành phố có mô hình. Quần đảo Hoàng Sa (thành phố Đà Nẵng)"
            " và quần đảo Trường Sa (tỉnh Khánh Hòa) trên Biển Đông.")
    out = [
        f'<svg class="mh-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" '
        'aria-labelledby="mh-map-title mh-map-desc">',
        f'<title id="mh-map-title">{escape(title)}</title>',
        f'<desc id="mh-map-desc">{escape(desc)}</desc>',
    ]
    by_name = {p.name: p for p in provinces}
    for name, (x, y, label) in where.items():  # data order: north to south, west to east (the tab order)
        province = by_name[name]
        count = counts.get(province.slug, 0)
        _, _, fill, text = bucket(count)
        full = province.full_name[:1].upper() + province.full_name[1:]
        # The name read out holds the text shown (label, count), as speech-input users say what they see.
        name_text = escape(f"{full}: {count} mô hình" if label == province.name else f"{full}, {label}: {count} mô hình")
        cx = _n(x + TILE_W / 2)
        out.append(
            f'<a href="{escape(link(province))}" class="mh-map__province" aria-label="{name_text}">'
            f'<rect x="{x}" y="{y}" width="{TILE_W}" height="{TILE_H}" rx="4" fill="{fill}" stroke="{EDGE}"/>'
            f'<text fill="{text}" text-anchor="middle"><tspan x="{cx}" y="{y + 19}" font-size="11">{escape(label)}</tspan> '
            f'<tspan x="{cx}" y="{y + 37}" font-size="13" font-weight="700">{count}</tspan></text></a>'
        )
    da_nang, khanh_hoa = where[geo["hoang_sa"]["part_of"]], where[geo["truong_sa"]["part_of"]]
    out.append(_archipelago(geo["hoang_sa"], da_nang[:2], PAD + 7 * PITCH_Y))
    out.append(_archipelago(geo["truong_sa"], khanh_hoa[:2], PAD + 13 * PITCH_Y))
    out.append(f'<text x="{_n(ISLANDS_X + BOX_W / 2)}" y="{PAD + 11 * PITCH_Y}" font-size="16" font-style="italic" '
               f'fill="{SEA_INK}" text-anchor="middle">{escape(geo["sea_label"])}</text>')
    legend = [f'<g class="mh-map__legend" font-size="11" fill="{INK}">'
              f'<text x="{PAD}" y="{LEGEND_Y + 12}">Số mô hình:</text>']
    for i, (_, text, fill, _) in enumerate(BUCKETS):
        x = PAD + 80 + i * 96
        legend.append(f'<rect x="{x}" y="{LEGEND_Y}" width="16" height="16" rx="2" fill="{fill}" stroke="{EDGE}"/>'
                      f'<text x="{x + 22}" y="{LEGEND_Y + 12}">{escape(text)}</text>')
    out.append("".join(legend) + "</g></svg>")
    return "".join(out)


def render_map_text(counts: dict[str, int], link: Callable[[Province], str]) -> str:
    """The map as text: an HTML list of every current province and city in Vietnamese order, each linked,
    with its number of models."""
    items = [
        f'<li><a href="{escape(link(p))}">{escape(p.full_name)}</a>: '
        + (f"{counts[p.slug]} mô hình" if counts.get(p.slug, 0) else "chưa có") + "</li>"
        for p in current_provinces()
    ]
    return '<ul class="mh-map__list">' + "".join(items) + "</ul>"
