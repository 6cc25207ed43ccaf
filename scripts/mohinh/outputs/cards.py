"""Share cards: a 1200×630 PNG per model (``mo-hinh/<id>/the-chia-se.png``) that Facebook, Zalo and others
show when a model's link is pasted; the page names it in its Open Graph and Twitter metadata
(``theme/main.html``).

A card shows the model's name, where it runs today, its headline figure (or, without one, its summary) (the first of
`ModelView.headlines`, the same rule as the key facts of the page) and the site's name, in Be Vietnam Pro
(`mohinh.outputs.fonts`). Each card is a `Job` on plain data (`Card`): made in the worker pool during a
full build, and under ``mohinh serve`` only when the card's data changed (the preview's `Memo`). Same data,
same bytes: no timestamp, fixed palette and compression, Pillow's basic text layout (no dependency on libraqm).
Pillow draws the card; its PNG file is written here (`_png`), so that ISA-L, not zlib, compresses the pixels.
A card is drawn straight in its palette (`_palette`: each ink over its ground in 16 steps), so no colour is looked
up afterwards; a line of text that recurs (a province, a date, the site's name) is drawn once a process.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import lru_cache

from isal import isal_zlib
from PIL import Image, ImageColor, ImageDraw, ImageFont

from ..paths import card_path
from ..render import Site
from ..sharing import CARD_HEIGHT, CARD_WIDTH
from ..views import ModelView
from .base import Job
from .fonts import font_file

BACKGROUND, INK, MUTED, ACCENT, BAND_TEXT, TRACK = "#ffffff", "#1f2d3a", "#4a5560", "#b3261e", "#ffffff", "#ecd9d7"
MARGIN = 72
BAND = 84  # the band at the bottom with the site's name
# Which ink is drawn over which ground: the card's palette holds these pairs blended in 16 steps (anti-aliased
# edges), each colour itself first.
INK_OVER_GROUND = ((INK, BACKGROUND), (MUTED, BACKGROUND), (ACCENT, BACKGROUND), (BAND_TEXT, ACCENT),
                   (ACCENT, TRACK), (TRACK, BACKGROUND))


@dataclass(frozen=True)
class Card:
    """What a share card shows, as plain text (sent to a worker process)."""

    model_id: str
    name: str
    place: str  # the provinces where it runs today, "" when the record names none
    figure: str  # the headline figure, large: ``64,7%`` or ``76.303``; "" when the record has no result
    figure_text: str  # what the figure counts: ``847/1.310 thôn: thôn có loa kẻng``
    figure_date: str  # ``tính đến 12/2023``
    share: float | None  # value/total (0..1) when the figure is a share, drawn as a bar
    summary: str  # the record's summary, shown instead when there is no figure
    site_name: str

    @classmethod
    def of(cls, view: ModelView, site_name: str) -> Card:
        """The card of one model."""
        place = ", ".join(p.full_name for p in view.provinces_today)
        figure = text = when = ""
        share = None
        if view.headlines:
            top = view.headlines[0]
            r = top.result
            when = f"tính đến {r.as_of.display}"
            if top.share and r.total:
                figure, share = top.share, min(max(r.value / r.total, 0.0), 1.0)
                text = f"{top.value_text}: {r.label}"
            else:
                figure = top.number_text
                text = (f"{r.unit}: " if r.unit else "") + r.label
        return cls(view.id, view.m.name, place[:1].upper() + place[1:], figure, text, when, share,
                   "" if figure else view.m.summary, site_name)


@lru_cache(maxsize=16)
def _font(weight: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_file(weight), size, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=65536)
def _length(font: ImageFont.FreeTypeFont, word: str) -> float:
    """The width of a word; a line's width is the sum of its words' and spaces' (basic layout, no kerning)."""
    return font.getlength(word)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """``text`` in lines no wider than ``width``; the last line ends with … when it does not fit."""
    lines: list[str] = []
    words = text.split()
    space = _length(font, " ")
    while words and len(lines) < max_lines:
        line = words.pop(0)
        used = _length(font, line)
        while words and used + space + _length(font, words[0]) <= width:
            used += space + _length(font, words[0])
            line += " " + words.pop(0)
        lines.append(line)
    if words or (lines and font.getlength(lines[-1]) > width):
        last = lines[-1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1].rstrip()
        lines[-1] = last + "…"
    return lines


def card_image(card: Card) -> Image.Image:
    """The card drawn, `CARD_WIDTH` × `CARD_HEIGHT` pixels in its palette."""
    ground = _ground(card.site_name)
    image = ground.copy()
    draw = ImageDraw.Draw(image)
    width = CARD_WIDTH - 2 * MARGIN
    y = 56
    name_font = _font(700, 58 if card.figure else 66)
    for line in _wrap(card.name, name_font, width, 2 if card.figure else 3):
        _text(image, (MARGIN, y), line, name_font, INK)
        y += int(name_font.size * 1.25)
    if card.place:
        place_font = _font(400, 32)
        y += 8
        for line in _wrap(card.place, place_font, width, 1):
            _text(image, (MARGIN, y), line, place_font, MUTED)
        y += 52
    if card.figure:
        figure_font = _font(700, 112)
        y = max(y + 16, 300)
        _text(image, (MARGIN, y), card.figure, figure_font, ACCENT)
        left = MARGIN + int(figure_font.getlength(card.figure)) + 36
        text_font = _font(400, 30)
        ty = y + 22
        if card.share is not None:
            bar_y = y + 40
            draw.rounded_rectangle((left, bar_y, CARD_WIDTH - MARGIN, bar_y + 22), radius=11, fill=_index(TRACK))
            filled = left + round((CARD_WIDTH - MARGIN - left) * card.share)
            if filled > left + 22:
                draw.rounded_rectangle((left, bar_y, filled, bar_y + 22), radius=11, fill=_index(ACCENT))
            ty = bar_y + 40
        for line in _wrap(card.figure_text, text_font, CARD_WIDTH - MARGIN - left, 2):
            _text(image, (left, ty), line, text_font, MUTED)
            ty += 40
        _text(image, (left, ty), card.figure_date, text_font, MUTED)
    elif card.summary:
        summary_font = _font(400, 34)
        y = max(y + 24, 250)
        for line in _wrap(card.summary, summary_font, width, 4):
            _text(image, (MARGIN, y), line, summary_font, INK)
            y += 48
    band = (0, CARD_HEIGHT - BAND, CARD_WIDTH, CARD_HEIGHT)
    image.paste(ground.crop(band), band)  # over the end of a summary too long for the card
    return image


def card_png(card: Card) -> bytes:
    """The card as a PNG file of `CARD_WIDTH` × `CARD_HEIGHT` pixels."""
    return _png(card_image(card))


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png(image: Image.Image) -> bytes:
    """A palette image as a PNG file, its pixels compressed by ISA-L (``isal``: a card in 0.2 ms, where zlib, through
    Pillow's PNG writer, took 1.7 ms, half of a card's time). Only the chunks every PNG of 8-bit palette colour has:
    no time or text chunk, so the same card gives the same bytes."""
    width, height = image.size
    pixels = image.tobytes()
    rows = b"".join(b"\0" + pixels[row * width:(row + 1) * width] for row in range(height))  # filter 0: none
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8 bits, palette, deflate, no interlace
    palette = bytes(image.getpalette() or [])
    return (_PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"PLTE", palette)
            + _chunk(b"IDAT", isal_zlib.compress(rows, 2)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", isal_zlib.crc32(kind + data))


def _text(image: Image.Image, xy: tuple[int, int], text: str, font: ImageFont.FreeTypeFont, ink: str,
          ground: str = BACKGROUND, anchor: str | None = None) -> None:
    """``text`` drawn on the card in ``ink`` over its ``ground``, anti-aliased in the palette's 16 steps."""
    indices, shape, at = _line(text, font, ink, ground, anchor)
    image.paste(indices, (xy[0] + at[0], xy[1] + at[1]), shape)


@lru_cache(maxsize=512)  # an entry holds a line's pixels, up to tens of kilobytes: 4,096 took 300 MiB of a worker
def _line(text: str, font: ImageFont.FreeTypeFont, ink: str, ground: str,
          anchor: str | None) -> tuple[Image.Image, Image.Image, tuple[int, int]]:
    """One line of text, drawn once a process while it recurs (a province, a date, the site's name): its pixels
    as palette indices (the blend of ``ink`` over ``ground`` nearest each pixel's coverage), the shape of the pixels
    it covers, and where they sit from the point it is drawn at."""
    left, top, right, bottom = font.getbbox(text, anchor=anchor)
    left, top = min(left, 0), min(top, 0)
    coverage = Image.new("L", (max(right - left, 1), max(bottom - top, 1)))
    ImageDraw.Draw(coverage).text((-left, -top), text, font=font, fill=255, anchor=anchor)
    return coverage.point(_levels(ink, ground)), coverage.point(_COVERED), (left, top)


@lru_cache(maxsize=4)
def _ground(site_name: str) -> Image.Image:
    """What every card of a site shows, drawn once: the ground, the accent bar, the band with the site's name; in the
    card's palette (`_palette`)."""
    image = Image.new("P", (CARD_WIDTH, CARD_HEIGHT), _index(BACKGROUND))
    image.putpalette(_palette())
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 16, CARD_HEIGHT - BAND), fill=_index(ACCENT))
    draw.rectangle((0, CARD_HEIGHT - BAND, CARD_WIDTH, CARD_HEIGHT), fill=_index(ACCENT))
    band_font = _font(600, 32)
    for line in _wrap(site_name, band_font, CARD_WIDTH - 2 * MARGIN, 1):
        _text(image, (MARGIN, CARD_HEIGHT - BAND // 2), line, band_font, BAND_TEXT, ACCENT, anchor="lm")
    return image


@lru_cache(maxsize=1)
def _colours() -> tuple[tuple[int, ...], ...]:
    """The card's colours: each ink over its ground blended in 16 steps (`INK_OVER_GROUND`), each colour once."""
    colours: list[tuple[int, ...]] = []
    for ink, ground in INK_OVER_GROUND:
        for colour in _blend(ink, ground):
            if colour not in colours:
                colours.append(colour)
    return tuple(colours)


def _blend(ink: str, ground: str) -> list[tuple[int, ...]]:
    a, b = ImageColor.getrgb(ground), ImageColor.getrgb(ink)
    return [tuple(round(x + (y - x) * step / 15) for x, y in zip(a, b, strict=True)) for step in range(16)]


@lru_cache(maxsize=16)
def _levels(ink: str, ground: str) -> list[int]:
    """For each coverage of a pixel by text (0 to 255), the palette index of ``ink`` over ``ground`` nearest it."""
    colours = _colours()
    steps = [colours.index(colour) for colour in _blend(ink, ground)]
    return [steps[(level * 15 + 127) // 255] for level in range(256)]


_COVERED = [0] + [255] * 255  # a pixel any text covers

def _index(colour: str) -> int:
    return _colours().index(ImageColor.getrgb(colour))


def _palette() -> list[int]:
    """The fixed palette of every card: its colours and the blends of each ink over its ground."""
    return [value for colour in _colours() for value in colour]


def card_files(cards: tuple[Card, ...]) -> dict[str, bytes]:
    """The PNG of each card, by site path (a `Job`'s function: module level, plain data)."""
    return {card_path(card.model_id): card_png(card) for card in cards}


def make(site: Site) -> dict[str, Job]:
    """One job per model card (the pool runs them in chunks; the preview redoes only changed ones)."""
    made: dict[str, Job] = {}
    for view in site.models:  # under ``mohinh serve``, what a card shows is worked out again only when its model changed
        card = site.memo.once(("the-chia-se", view.id), (site.model_inputs(view), site.site_name),
                              lambda view=view: Card.of(view, site.site_name))
        job = Job((card_path(view.id),), card_files, ((card,),))
        made[card_path(view.id)] = job
    return made
