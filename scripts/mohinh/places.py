"""Vietnamese provinces before and after the reorganisation of 01/07/2025.

Records name places as their source reported them; this module recognises old and new province
names (with or without accents, with ``tỉnh``/``TP.`` prefixes) and tells which province a place
belongs to today. Data: ``data/provinces.csv`` (see ``data/PLACES-PROVENANCE.md``).
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .text import fold, nfc, slug


@dataclass(frozen=True)
class Province:
    """A province-level unit (tỉnh or thành phố trực thuộc trung ương)."""

    code: str
    name: str
    kind: str
    slug: str
    current: bool
    before_2025: bool = True

    @property
    def full_name(self) -> str:
        """``tỉnh Hà Tĩnh``, ``thành phố Hồ Chí Minh``."""
        return f"{self.kind} {self.name}"


@dataclass(frozen=True)
class LocationView:
    """A location as reported, and the unit it belongs to today."""

    reported: str
    today: str | None
    province: Province | None
    province_today: Province | None

    @property
    def text(self) -> str:
        """``xã Đăk Tờ Re, huyện Kon Rẫy, tỉnh Kon Tum — nay thuộc tỉnh Quảng Ngãi``."""
        return self.reported + (f" — nay thuộc {self.today}" if self.today else "")


_ALIASES = {
    "tp hcm": "Hồ Chí Minh",
    "tphcm": "Hồ Chí Minh",
    "hcm": "Hồ Chí Minh",
    "sai gon": "Hồ Chí Minh",
    "ho chi minh city": "Hồ Chí Minh",
    "tt hue": "Thừa Thiên Huế",
    "dac lac": "Đắk Lắk",
    "dak lak": "Đắk Lắk",
    "dac nong": "Đắk Nông",
    "brvt": "Bà Rịa - Vũng Tàu",
    "vung tau": "Bà Rịa - Vũng Tàu",
}
_PREFIX = re.compile(r"^(tinh|thanh pho|tp|t p)\s+")


def _key(name: str) -> str:
    text = re.sub(r"[^a-z0-9]+", " ", fold(name)).strip()
    text = _PREFIX.sub("", text)
    text = text.replace("k", "c").replace("y", "i")  # Đắk/Đắc, Đăk; tone/spelling variants
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _data() -> tuple[list[Province], dict[str, str], dict[str, Province]]:
    text = resources.files("mohinh").joinpath("data/provinces.csv").read_text(encoding="utf-8")
    provinces: list[Province] = []
    successor: dict[str, str] = {}
    for row in csv.DictReader(text.splitlines()):
        province = Province(
            code=row["code"], name=row["name"], kind=row["kind"], slug=slug(row["name"]),
            current=row["current"] == "1", before_2025=row["before_2025"] == "1",
        )
        provinces.append(province)
        successor[province.name] = row["today"]
    index = {_key(p.name): p for p in provinces}
    by_name = {p.name: p for p in provinces}
    for alias, name in _ALIASES.items():
        index.setdefault(_key(alias), by_name[name])
    return provinces, successor, index


def all_provinces() -> list[Province]:
    """The 63 provinces before 01/07/2025 and the 34 after (64 names: Huế is the only new one)."""
    return list(_data()[0])


def current_provinces() -> list[Province]:
    """The 34 provinces since 01/07/2025, in Vietnamese alphabetical order."""
    return sorted((p for p in _data()[0] if p.current), key=lambda p: vietnamese_sort_key(p.name))


@lru_cache(maxsize=2048)
def resolve_province(name: str) -> Province | None:
    """The province ``name`` means (old or new name, any case, accents, prefix), or None."""
    if not name or not name.strip():
        return None
    return _data()[2].get(_key(nfc(name)))


def today(province: Province) -> Province:
    """The province ``province`` belongs to today (itself if it still exists)."""
    provinces, successor, _ = _data()
    target = successor[province.name]
    return next(p for p in provinces if p.name == target)


def predecessors(province: Province) -> list[Province]:
    """Provinces before 2025 that now form ``province`` (itself included if it existed)."""
    provinces, successor, _ = _data()
    return [p for p in provinces if p.before_2025 and successor[p.name] == province.name]


def suggest_provinces(name: str, limit: int = 3) -> list[str]:
    """Closest official names to a name that was not recognised (accent-insensitive)."""
    keys = {_key(p.name): p.name for p in _data()[0]}
    matches = difflib.get_close_matches(_key(nfc(name)), list(keys), n=limit, cutoff=0.5)
    return [keys[m] for m in matches]


@lru_cache(maxsize=8192)
def describe_location(
    province: str | None, district: str | None = None, commune: str | None = None, place: str | None = None
) -> LocationView:
    """A location as reported (smallest unit first) and the province it belongs to today."""
    resolved = resolve_province(province) if province else None
    parts = [p for p in (place, commune, district) if p]
    if resolved is not None:
        parts.append(resolved.full_name)
    elif province:
        parts.append(province)
    reported = ", ".join(parts) if parts else "Không rõ địa phương"
    now = today(resolved) if resolved else None
    changed = now is not None and now != resolved
    return LocationView(reported, now.full_name if changed else None, resolved, now)


_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}


def vietnamese_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Collation key for Vietnamese: a < ă < â < b … d < đ …, then tones (none, huyền, hỏi, ngã, sắc, nặng)."""
    letters: list[int] = []
    tones: list[int] = []
    for char in nfc(text).lower():
        decomposed = unicodedata.normalize("NFD", char)
        base = "".join(c for c in decomposed if c not in _TONES)
        base = unicodedata.normalize("NFC", base)
        tone = next((_TONES[c] for c in decomposed if c in _TONES), 0)
        position = _ALPHABET.find(base)
        if base.isspace() or not base:
            position = -1  # word by word: "Cà Mau" before "Cao Bằng"
        elif position < 0:
            position = 100 + ord(base[0])
        letters.append(position)
        tones.append(tone)
    return tuple(letters), tuple(tones)
