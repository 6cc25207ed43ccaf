"""A model page's figures drawn at build time as small inline SVG: no chart library, no script, no request.

Three drawings, each a plain function of numbers already chosen and formatted by `views.ModelView`:

- `share_bar`: a result counted out of a total (847 of 1.310) as a bar filled to its share;
- `columns`: several dated values of one measure, one column per date, starting from zero;
- `stacked_bar`: one source's amounts split by who paid them, one segment per amount.

Every drawing is ``role="img"`` with an ``aria-label`` that says the figures in words (``64,7%: 847 trên
1.310 thôn, tổ dân phố``), and the page prints the same figures as text beside it, so the picture only adds
to what the page says. Colours are presentation attributes that the stylesheet may override (the site's high
contrast mode, Windows' forced colours). Same numbers, same bytes: coordinates are rounded to one decimal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

__all__ = ["PAYER_COLOURS", "Column", "Segment", "columns", "share_bar", "stacked_bar"]

BAR, TRACK = "#b3261e", "#e8dcd9"  # the site's red (6.5:1 on white); the track 3:1 against the fill
#: Segment colours in the order of the ``funders`` vocabulary; each at least 3:1 against white (WCAG 1.4.11).
PAYER_COLOURS = ("#1f5f99", "#2e7d32", "#b3261e", "#6b6b6b", "#6a3d9a", "#8a5a00")


def _n(value: float) -> str:
    """A coordinate as short, stable text: ``12.0`` -> ``12``, ``64.66`` -> ``64.7``."""
    text = f"{round(value, 1):.1f}"
    return text[:-2] if text.endswith(".0") else text


def _svg(css_class: str, view_box: str, name: str, body: str, size: str = "") -> Markup:
    return Markup(
        f'<svg class="{css_class}" viewBox="{view_box}"{size} role="img" aria-label="{escape(name)}"'
        f' focusable="false" xmlns="http://www.w3.org/2000/svg">{body}</svg>'
    )


def share_bar(part: float, whole: float, name: str) -> Markup:
    """A bar filled to ``part / whole`` (`mohinh check` refuses a value above its total)."""
    share = 0.0 if whole <= 0 else max(0.0, min(part / whole, 1.0))
    body = (f'<rect class="mh-chart__track" width="100" height="8" fill="{TRACK}"/>'
            f'<rect class="mh-chart__fill" width="{_n(share * 100)}" height="8" fill="{BAR}"/>')
    return _svg("mh-chart mh-chart--share", "0 0 100 8", name, body, ' preserveAspectRatio="none"')


@dataclass(frozen=True)
class Column:
    """One dated value of a measure: the value, and its date and value as the axis shows them."""

    value: float
    date_text: str
    value_text: str


COLUMN_STEP, COLUMN_WIDTH, PLOT_TOP, BASELINE, HEIGHT = 64, 40, 22, 102, 124


def columns(points: Sequence[Column], name: str) -> Markup:
    """One column per date, oldest first, heights from zero to the largest value, each labelled."""
    width = 8 + COLUMN_STEP * len(points)
    top = max((p.value for p in points), default=0) or 1
    parts = [f'<line class="mh-chart__axis" x1="4" x2="{width - 4}" y1="{BASELINE}" y2="{BASELINE}"'
             ' stroke="currentColor" stroke-width="1"/>']
    for i, point in enumerate(points):
        x = 8 + (COLUMN_STEP - COLUMN_WIDTH) / 2 + i * COLUMN_STEP
        h = max(point.value, 0) / top * (BASELINE - PLOT_TOP)
        middle = _n(x + COLUMN_WIDTH / 2)
        parts.append(f'<rect class="mh-chart__fill" x="{_n(x)}" y="{_n(BASELINE - h)}" width="{COLUMN_WIDTH}"'
                     f' height="{_n(h)}" fill="{BAR}"/>')
        parts.append(f'<text x="{middle}" y="{_n(BASELINE - h - 5)}" text-anchor="middle" fill="currentColor"'
                     f' font-size="11">{escape(point.value_text)}</text>')
        parts.append(f'<text x="{middle}" y="{BASELINE + 15}" text-anchor="middle" fill="currentColor"'
                     f' font-size="11">{escape(point.date_text)}</text>')
    return _svg("mh-chart mh-chart--columns", f"0 0 {width} {HEIGHT}", name, "".join(parts),
                f' width="{width}" height="{HEIGHT}"')


@dataclass(frozen=True)
class Segment:
    """One amount of a stacked bar, and the colour of who paid it."""

    amount: float
    colour: str


def stacked_bar(segments: Sequence[Segment], name: str) -> Markup:
    """The amounts side by side in one bar, each as wide as its share of their sum (the sum is not shown)."""
    whole = sum(s.amount for s in segments) or 1
    parts, x = [], 0.0
    for segment in segments:
        w = segment.amount / whole * 100
        parts.append(f'<rect class="mh-chart__segment" x="{_n(x)}" width="{_n(w)}" height="8"'
                     f' fill="{segment.colour}" stroke="#fff" stroke-width="2" vector-effect="non-scaling-stroke"/>')
        x += w
    return _svg("mh-chart mh-chart--stacked", "0 0 100 8", name, "".join(parts), ' preserveAspectRatio="none"')
