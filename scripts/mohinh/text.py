"""Vietnamese text rules, each in one place: normalisation, folding, slugs, escaping (Markdown, XML),
Markdown fields as HTML, numbers for display and CSV files."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from markupsafe import Markup, escape
from slugify import slugify as _slugify

LOCALE = "vi"


def nfc(text: str) -> str:
    """Return ``text`` NFC-normalised (records typed on a Mac arrive decomposed)."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=4096)
def slug(text: str) -> str:
    """URL slug of a Vietnamese text: ``Hà Tĩnh`` -> ``ha-tinh``, ``Đồng Nai`` -> ``dong-nai``."""
    return _slugify(nfc(text).replace("đ", "d").replace("Đ", "D"))


@lru_cache(maxsize=8192)
def heading_slug(value: str, separator: str = "-") -> str:
    """Slug for heading anchors (MkDocs ``toc.slugify``): keeps ``đ`` as ``d`` instead of dropping it."""
    return _slugify(nfc(value).replace("đ", "d").replace("Đ", "D"), separator=separator)


def fold(text: str) -> str:
    """Accent- and case-insensitive key, đ as d: ``Tiếng Kẻng`` -> ``tieng keng``, ``Đắk Lắk`` -> ``dak lak``."""
    decomposed = unicodedata.normalize("NFD", nfc(text).replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_SYLLABLE = re.compile(r"[^\W_]+")


def syllable_pairs(text: str) -> list[str]:
    """Each two neighbouring syllables of ``text`` folded and joined, each once, in order of appearance:
    ``Quảng Nam, Đà Nẵng`` -> ``quangnam namda danang``. Pagefind matches the syllables of a query
    separately; the search index holds these pairs so that a query's syllables written together in the page
    (a phrase, a place name) can be found as such. ``theme/assets/search.js`` (``pairs``) makes the
    same pairs from a query."""
    words = _SYLLABLE.findall(fold(text))
    return list(dict.fromkeys(a + b for a, b in pairwise(words)))


#: A slug as ids, source ids and vocabulary entries use them: ``[a-z0-9]`` words joined by single dashes.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)


def is_slug(text: object) -> bool:
    """Whether ``text`` is a slug (`SLUG_PATTERN`): ``bac-kan-ho-an-toan``."""
    return isinstance(text, str) and _SLUG.match(text) is not None


_MD_SPECIAL = "\\`*_{}[]()#+-.!|"
_MD_ESCAPES = str.maketrans({c: "\\" + c for c in _MD_SPECIAL})
_SPACES = re.compile(r"\s+")


def md(text: object) -> Markup:
    """Escape plain text for a page's Markdown: no HTML, no Markdown syntax, shown exactly as typed."""
    return escape(_SPACES.sub(" ", str(text)).translate(_MD_ESCAPES))


def md_code(text: str) -> Markup:
    """Text written in the code (a column's meaning) for a page's Markdown: `md`, except that spans in
    backticks stay code spans (```; ```, ```models/<mã>.yml```)."""
    parts = text.split("`")
    return Markup("").join(Markup(f"`{part}`") if n % 2 else md(part) for n, part in enumerate(parts))


_MD_INLINE = re.compile(r"([\\`*_\[\]<>&|])")


def md_file_text(text: str) -> str:
    """Record text for a Markdown file people download and open in any editor (a kit's ``checklist.md``):
    shown as typed, never as markup or HTML, with backslash escapes only (no ``&lt;``, which an editor shows
    as it is), on one line."""
    return _MD_INLINE.sub(r"\\\1", " ".join(text.split()))


def number(value: int | float) -> str:
    """Vietnamese number: ``76303`` -> ``76.303``; ``64.7`` -> ``64,7``."""
    if isinstance(value, float) and not value.is_integer():
        from babel.numbers import format_decimal  # imported when first needed: `mohinh check` never is

        return format_decimal(value, format="#,##0.###", locale=LOCALE)
    return f"{int(value):,}".replace(",", ".")  # what Babel gives for vi, without its cost


#: The source's own hedge before a number (record key `qualifier`): gần, hơn (also "trên"), khoảng, dưới.
QUALIFIER_LABELS: dict[str, str] = {"gan": "gần", "hon": "hơn", "khoang": "khoảng", "duoi": "dưới"}


def qualifier_word(qualifier: str | None) -> str:
    """The source's hedge in words (``gan`` -> ``gần``), "" without one."""
    return QUALIFIER_LABELS[qualifier] if qualifier else ""


def hedged(qualifier: str | None, text: str) -> str:
    """A figure with the source's hedge before it: ``gan``, ``2.000 lượt người`` -> ``gần 2.000 lượt người``."""
    return f"{QUALIFIER_LABELS[qualifier]} {text}" if qualifier else text


def money(amount: int, per: str | None = None) -> str:
    """An amount of đồng in full: ``878.000.000 đồng``, ``50.000 đồng/hộ``."""
    return f"{number(amount)} đồng" + (f"/{per}" if per else "")


def money_short(amount: int) -> str:
    """An amount of đồng in words, for cards: ``878 triệu đồng``, ``51,8 triệu đồng``, ``1,5 tỷ đồng``."""
    from babel.numbers import format_compact_decimal

    return format_compact_decimal(amount, format_type="long", locale=LOCALE, fraction_digits=3) + " đồng"


def file_size(size: int) -> str:
    """A file's size as a reader reads it: ``850 byte``, ``12,3 KB``, ``1,4 MB`` (1 KB = 1.024 byte)."""
    if size < 1024:
        return f"{size} byte"
    if size < 1024 * 1024:
        return f"{number(round(size / 1024, 1))} KB"
    return f"{number(round(size / 1024 / 1024, 1))} MB"


def percent(part: int | float, whole: int | float) -> str:
    """Share of ``whole`` as a Vietnamese percentage with one decimal: ``847, 1310`` -> ``64,7%``; a whole
    share has no decimal: ``12, 12`` -> ``100%``."""
    from babel.numbers import format_decimal

    share = part * 100 / whole
    return format_decimal(share, format="#,##0" if share == int(share) else "#,##0.0", locale=LOCALE) + "%"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A spreadsheet-safe cell: text starting like a formula (``=``, ``+``, ``-``, ``@``) gets a ``'``."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_bytes(rows: Iterable[Iterable[object]]) -> bytes:
    """A CSV file as Excel opens Vietnamese correctly: UTF-8 with a BOM, CRLF, every cell `csv_cell`-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (control characters a record may carry)."""
    return _NOT_XML.sub("", text)


@lru_cache(maxsize=4096)
def markdown_html(text: str) -> str:
    """HTML of a record's Markdown field (validated to hold no raw HTML; escaped again here to be sure)."""
    import markdown  # only when a Markdown field is shown

    return markdown.markdown(str(escape(text)).replace("&gt;", ">"), output_format="html")
