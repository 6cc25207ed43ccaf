"""Vietnamese provinces and communes before and after the reorganisation of 01/07/2025.

On 01/07/2025 the 63 provinces became 34 (Nghị quyết 202/2025/QH15), the district level was abolished
and the communes were merged (about 10,000 -> 3,321). Records name places as their source reported them;
this module recognises old and new province names (any case, with or without accents, NFC or NFD, with
``tỉnh``/``TP.``/``thành phố`` prefixes, old or new tone-mark placement, common aliases) and tells what a
place belongs to today.

Data (see ``data/PLACES-PROVENANCE.md``):

* ``data/provinces.csv``: the 63 old and 34 current provinces (64 names: Huế is the only new name), GSO codes,
  the province each old one belongs to today, the administrative centre and a marker position for the map.
* ``data/places/communes-2025.csv``: each commune-level unit as of early 2025 and the commune it was merged
  into on 01/07/2025 (or, for the few that were split, the communes it was divided between).
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources

from slugify import slugify

from .text import fold

__all__ = [
    "CommuneChange",
    "LocationView",
    "Province",
    "all_provinces",
    "capital",
    "commune_change",
    "current_provinces",
    "describe_location",
    "map_position",
    "predecessors",
    "resolve_province",
    "suggest_provinces",
    "today",
    "vietnamese_sort_key",
]


@dataclass(frozen=True)
class Province:
    """A province-level unit (tỉnh or thành phố trực thuộc trung ương), before or after 01/07/2025.

    A province that kept its name is one object for both periods: ``code`` is its current GSO code and
    ``code_before`` the code it had before 01/07/2025 (seven provinces changed code: the new province takes
    the code of the province that hosts its administrative centre, e.g. Lào Cai 10 -> 15).
    """

    code: str
    name: str
    kind: str
    slug: str
    current: bool
    before_2025: bool = True
    code_before: str = ""
    changed_on: str = ""  # a former province: when it became part of today's (``01/07/2025``; Huế ``01/01/2025``)
    legal_basis: str = ""  # and by which act

    @property
    def full_name(self) -> str:
        """``tỉnh Hà Tĩnh``, ``thành phố Hồ Chí Minh``."""
        return f"{self.kind} {self.name}"


@dataclass(frozen=True)
class CommuneChange:
    """What a commune-level unit of early 2025 became on 01/07/2025."""

    commune: str  # as in the 2025 list: "xã Đăk Tờ Re"
    district: str  # "huyện Kon Rẫy"
    province: Province  # province before 01/07/2025
    commune_today: str | None  # "xã Kon Braih"; None when the unit was divided between several
    divided_into: tuple[str, ...]  # the new units it was divided between, when it was divided
    province_today: Province

    @property
    def today_text(self) -> str | None:
        """``xã Kon Braih, tỉnh Quảng Ngãi``, or None when the unit was divided."""
        return f"{self.commune_today}, {self.province_today.full_name}" if self.commune_today else None

    @property
    def note(self) -> str | None:
        """A sentence for divided units: they cannot be placed in one new commune without the address."""
        if not self.divided_into:
            return None
        return (f"Từ 01/07/2025, {self.commune} được chia vào {', '.join(self.divided_into)} "
                f"({self.province_today.full_name}).")


@dataclass(frozen=True)
class LocationView:
    """A location as reported, and the unit it belongs to today.

    ``today`` names the province when the reported province was merged or renamed (None otherwise), so that
    ``text`` reads ``xã Đăk Tờ Re, huyện Kon Rẫy, tỉnh Kon Tum — nay thuộc tỉnh Quảng Ngãi``. When the commune's
    2025 merger is known, ``commune_today`` gives the new commune with its province (``xã Kon Braih, tỉnh Quảng
    Ngãi``) and ``detailed_text`` uses it; ``commune_note`` explains a commune that was split.
    """

    reported: str
    today: str | None
    province: Province | None
    province_today: Province | None
    district: str | None = None  # as reported, for finding the commune
    commune: str | None = None
    annotated: str = ""  # ``reported`` with the district marked as abolished (see `DISTRICTS_ABOLISHED`)

    @cached_property
    def _commune_change(self) -> CommuneChange | None:
        """Looked up only when asked for: the commune table is large, and listings need only provinces."""
        if self.province is None or not self.commune:
            return None
        return commune_change(self.province, self.district, self.commune)

    @property
    def commune_today(self) -> str | None:
        change = self._commune_change
        return change.today_text if change is not None else None

    @property
    def commune_note(self) -> str | None:
        change = self._commune_change
        return change.note if change is not None else None

    @property
    def text(self) -> str:
        """``xã Đăk Tờ Re, huyện Kon Rẫy (cấp huyện không còn từ 01/07/2025), tỉnh Kon Tum — nay thuộc tỉnh Quảng Ngãi``."""
        return (self.annotated or self.reported) + (f" — nay thuộc {self.today}" if self.today else "")

    @property
    def now_text(self) -> str | None:
        """What the place belongs to today, with the date it changed: ``nay thuộc xã Kon Braih, tỉnh Quảng
        Ngãi (từ 01/07/2025)``; ``nay thuộc thành phố Huế (từ 01/01/2025)``; None when nothing changed."""
        if self.commune_today:
            return f"nay thuộc {self.commune_today} (từ {COMMUNES_REORGANISED})"
        if self.today and self.province is not None:
            return f"nay thuộc {self.today} (từ {self.province.changed_on})"
        return None

    @property
    def detailed_text(self) -> str:
        """Like ``text`` but down to the commune when known: ``… — nay thuộc xã Kon Braih, tỉnh Quảng Ngãi``."""
        now = self.commune_today or self.today
        return (self.annotated or self.reported) + (f" — nay thuộc {now}" if now else "")


# --- normalisation ------------------------------------------------------------------------------------------

_TONE_MARKS = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}  # huyền hỏi ngã sắc nặng
_PUNCT = re.compile(r"[\W_]+", re.UNICODE)  # dashes of every kind, dots, commas, brackets...
_PROVINCE_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp|t p)\s+")
_COMMUNE_PREFIX = re.compile(r"^(?:xa|phuong|thi tran|dac khu|tt|p|x)\s+")
_DISTRICT_PREFIX = re.compile(r"^(?:huyen|quan|thi xa|thanh pho|tp|tx|q|h)\s+")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _toned_word(word: str) -> str:
    """A word with its tone mark moved to the end, so ``hoà`` and ``hòa`` (old/new placement) are equal."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(_TONE_MARKS[c] for c in decomposed if c in _TONE_MARKS)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return base + tones


def _words(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", _nfc(text).casefold()).split())


def _strip_prefix(text: str, prefix: re.Pattern[str]) -> str:
    """Drop a unit-type prefix (``tỉnh``, ``TP.``…) matched on the folded words, keeping the accents."""
    words = text.split()
    match = prefix.match(fold(text))
    if not match:
        return text
    count = len(match.group(0).split())
    return " ".join(words[count:]) if len(words) > count else text


def _named(text: str, prefix: re.Pattern[str]) -> str:
    """The words of a name without its unit-type prefix, what every key below is made from."""
    return _strip_prefix(_words(text), prefix)


def _toned(words: str) -> str:
    return " ".join(_toned_word(w) for w in words.split())


def _exact_key(text: str, prefix: re.Pattern[str] = _PROVINCE_PREFIX) -> str:
    """Accent-sensitive key: case, Unicode form, punctuation, prefix and tone placement do not matter."""
    return _toned(_named(text, prefix))


def _folded_key(text: str, prefix: re.Pattern[str] = _PROVINCE_PREFIX) -> str:
    """Accent-insensitive key (đ -> d)."""
    return fold(_named(text, prefix))


def _keys(text: str, prefix: re.Pattern[str]) -> tuple[str, str, str]:
    """The exact key, the folded key and the compact one (folded, without spaces or apostrophes: ``Đưng K’Nớ`` and
    ``Đưng KNớ`` are one name) of ``text``, from one reading of its words."""
    words = _named(text, prefix)
    folded = fold(words)
    return _toned(words), folded, folded.replace(" ", "")


def _loose_key(text: str) -> str:
    """Last resort for provinces: no spaces, c/k and i/y confused (``Daklak``, ``Bắc Cạn``, ``Kontum``)."""
    return _folded_key(text).replace(" ", "").replace("k", "c").replace("y", "i")


# --- provinces ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Data:
    provinces: tuple[Province, ...]
    successor: dict[str, str]  # name -> name of the province today
    capitals: dict[str, tuple[str, float, float]]  # current name -> (centre, lat, lon)
    markers: dict[str, tuple[float, float]]  # current name -> (lat, lon) of the map marker
    indexes: tuple[dict[str, Province], dict[str, Province], dict[str, Province]]  # exact, folded, loose


def _read(path: str) -> list[dict[str, str]]:
    text = resources.files("mohinh").joinpath(path).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _slug(name: str) -> str:
    return slugify(_nfc(name).replace("đ", "d").replace("Đ", "D"))


def _unambiguous(pairs: list[tuple[str, Province]]) -> dict[str, Province]:
    """Key -> province, dropping keys that two provinces share (they would guess)."""
    seen: dict[str, Province | None] = {}
    for key, province in pairs:
        if key in seen and seen[key] is not None and seen[key] != province:
            seen[key] = None
        else:
            seen.setdefault(key, province)
    return {k: v for k, v in seen.items() if v is not None and k}


@lru_cache(maxsize=1)
def _data() -> _Data:
    rows = _read("data/provinces.csv")
    provinces: list[Province] = []
    successor: dict[str, str] = {}
    capitals: dict[str, tuple[str, float, float]] = {}
    markers: dict[str, tuple[float, float]] = {}
    names: list[tuple[str, Province]] = []
    for row in rows:
        province = Province(
            code=row["code"], name=_nfc(row["name"]), kind=row["kind"], slug=_slug(row["name"]),
            current=row["current"] == "1", before_2025=row["before_2025"] == "1", code_before=row["code_before"],
            changed_on=row["changed_on"], legal_basis=row["legal_basis"],
        )
        provinces.append(province)
        successor[province.name] = _nfc(row["today"])
        if province.current:
            capitals[province.name] = (row["capital"], float(row["capital_lat"]), float(row["capital_lon"]))
            markers[province.name] = (float(row["map_lat"]), float(row["map_lon"]))
        names.append((province.name, province))
        names.append((province.full_name, province))
        names.extend((_nfc(alias), province) for alias in row["aliases"].split("|") if alias.strip())
    exact = _unambiguous([(_exact_key(n), p) for n, p in names])
    folded = _unambiguous([(_folded_key(n), p) for n, p in names])
    loose = _unambiguous([(_loose_key(n), p) for n, p in names])
    return _Data(tuple(provinces), successor, capitals, markers, (exact, folded, loose))


def all_provinces() -> list[Province]:
    """The 63 provinces before 01/07/2025 and the 34 after: 64 names, as Huế is the only new name."""
    return list(_data().provinces)


def current_provinces() -> list[Province]:
    """The 34 provinces since 01/07/2025, in Vietnamese alphabetical order."""
    return sorted((p for p in _data().provinces if p.current), key=lambda p: vietnamese_sort_key(p.name))


@lru_cache(maxsize=4096)
def resolve_province(name: str) -> Province | None:
    """The province ``name`` means, or None.

    Accepts old and new names in any case, NFC or NFD, with or without a ``tỉnh``/``TP.``/``thành phố`` prefix,
    old or new tone-mark placement (``Hoà``/``Hòa``) and common aliases (``TP. HCM``, ``Sài Gòn``,
    ``Thừa Thiên - Huế``, ``Đắc Lắk``). Accents are ignored only when the accented spelling matches nothing.
    """
    if not name or not name.strip():
        return None
    exact, folded, loose = _data().indexes
    for index, key in ((exact, _exact_key(name)), (folded, _folded_key(name)), (loose, _loose_key(name))):
        if key in index:
            return index[key]
    return None


def today(province: Province) -> Province:
    """The province ``province`` belongs to today (itself if it still exists)."""
    data = _data()
    target = data.successor[province.name]
    return next(p for p in data.provinces if p.name == target)


def predecessors(province: Province) -> list[Province]:
    """The provinces before 01/07/2025 that now form ``province`` (itself included if it existed)."""
    data = _data()
    return [p for p in data.provinces if p.before_2025 and data.successor[p.name] == province.name]


def suggest_provinces(name: str, limit: int = 3) -> list[str]:
    """The official names closest to a name that was not recognised (accent-insensitive), best first."""
    if not name or not name.strip():
        return []
    keys: dict[str, str] = {}
    for province in sorted(_data().provinces, key=lambda p: vietnamese_sort_key(p.name)):
        keys.setdefault(_folded_key(province.name), province.name)
    matches = difflib.get_close_matches(_folded_key(name), list(keys), n=limit, cutoff=0.5)
    return [keys[m] for m in matches]


def capital(province: Province) -> tuple[str, float, float] | None:
    """Administrative centre of a current province: (name of the former city, latitude, longitude)."""
    return _data().capitals.get(province.name)


def map_position(province: Province) -> tuple[float, float] | None:
    """Where the map puts a current province's marker: (latitude, longitude), inside the province."""
    return _data().markers.get(province.name)


# --- communes -----------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _communes() -> dict[str, list[tuple[str, str, str, str, str]]]:
    """Old province code -> rows (district, commune, commune today, province code today, divided into)."""
    table: dict[str, list[tuple[str, str, str, str, str]]] = {}
    for row in _read("data/places/communes-2025.csv"):
        table.setdefault(row["province_code"], []).append(
            (row["district"], row["commune"], row["commune_today"], row["province_today_code"], row["divided_into"])
        )
    return table


@dataclass(frozen=True)
class CheckedMapping:
    """A commune's 2025 mapping the site shows, compared by hand with the resolution's text
    (``data/places/checked-mappings.csv``, see ``data/PLACES-PROVENANCE.md``)."""

    province_today: str
    commune_reported: str
    district_reported: str
    commune_today: str
    result: str  # khớp, không khớp, không tìm thấy văn bản
    resolution: str
    note: str


@lru_cache(maxsize=1)
def checked_mappings() -> tuple[CheckedMapping, ...]:
    """Every mapping checked against a resolution, in the file's order (province, then commune)."""
    return tuple(CheckedMapping(r["province_today"], r["commune_reported"], r["district_reported"], r["commune_today"],
                                r["result"], r["resolution"], r["note"])
                 for r in _read("data/places/checked-mappings.csv"))


def _current_by_code(code: str) -> Province:
    return next(p for p in _data().provinces if p.current and p.code == code)


@lru_cache(maxsize=4096)
def commune_change(province: Province, district: str | None, commune: str) -> CommuneChange | None:
    """What a commune of early 2025 became on 01/07/2025, or None if it is not found unambiguously.

    ``province`` is the province as reported (old or current name); ``district`` may be None. Names are
    compared without their type (``xã``, ``phường``, ``thị trấn``; ``huyện``, ``thị xã``…), so a commune that
    became a ward before 2025 is still found; the accented spelling is tried first, then the folded one.
    """
    if not commune or not commune.strip():
        return None
    every = predecessors(today(province))
    # A name valid before 2025 means that province; a current name may also cover the provinces merged into it.
    for old in ([province], every) if province in every else (every,):
        change = _find_commune(old, district, commune)
        if change is not None:
            return change
    return None


_CommuneRow = tuple[str, str, str, str, str]


@cache  # one per old province (about 63): a smaller, bounded cache would make them again and again
def _commune_index(code: str) -> tuple[dict[str, list[_CommuneRow]], ...]:
    """The communes of one old province by their exact, folded and compact key (`_keys`), computed once per
    province."""
    index: tuple[dict[str, list[_CommuneRow]], ...] = ({}, {}, {})
    for row in _communes().get(code, []):
        for by_key, key in zip(index, _keys(row[1], _COMMUNE_PREFIX), strict=True):
            by_key.setdefault(key, []).append(row)
    return index


#: Spellings of a commune in sources that differ from the commune list by more than accents, spaces or
#: apostrophes, each checked by hand: (old province code, name as a source writes it) -> name in the list.
COMMUNE_SPELLINGS: dict[tuple[str, str], str] = {
    # Báo Gia Lai (02/2022) writes "xã Ia Ma Rơn, huyện Ia Pa"; the list has "xã Ia Mrơn" in huyện Ia Pa.
    ("64", "Ia Ma Rơn"): "Ia Mrơn",
}


def _find_commune(old: list[Province], district: str | None, commune: str) -> CommuneChange | None:
    codes = sorted({p.code_before for p in old if p.code_before})
    bare = _strip_prefix(" ".join(_nfc(commune).split()), _COMMUNE_PREFIX)
    commune = next((listed for (code, written), listed in COMMUNE_SPELLINGS.items()
                    if code in codes and _exact_key(written, _COMMUNE_PREFIX) == _exact_key(bare, _COMMUNE_PREFIX)),
                   commune)
    districts = _keys(district, _DISTRICT_PREFIX) if district else None
    for n, wanted in enumerate(_keys(commune, _COMMUNE_PREFIX)):  # exact, then folded, then compact
        found = [(c, r) for c in codes for r in _commune_index(c)[n].get(wanted, [])]
        if districts and len(found) > 1:
            found = [(c, r) for c, r in found if _keys(r[0], _DISTRICT_PREFIX)[n] == districts[n]]
        if len(found) == 1:
            code, (district_name, name, now, code_today, divided) = found[0]
            before = next(p for p in old if p.code_before == code)
            return CommuneChange(
                commune=name, district=district_name, province=before, commune_today=now or None,
                divided_into=tuple(d for d in divided.split("; ") if d), province_today=_current_by_code(code_today),
            )
        if found:
            return None  # ambiguous: several communes of that name and no district to choose
    return None


# --- locations ----------------------------------------------------------------------------------------------


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(_nfc(text).split())
    return text or None


@lru_cache(maxsize=8192)
def describe_location(
    province: str | None, district: str | None = None, commune: str | None = None, place: str | None = None
) -> LocationView:
    """A location as reported (smallest unit first, province with its kind) and what it belongs to today.

    ``describe_location("Kon Tum", "huyện Kon Rẫy", "xã Đăk Tờ Re").text`` is
    ``xã Đăk Tờ Re, huyện Kon Rẫy, tỉnh Kon Tum — nay thuộc tỉnh Quảng Ngãi``. District and commune are shown
    as given. A province that cannot be recognised is shown as given, with nothing for today.
    """
    province, district, commune, place = _clean(province), _clean(district), _clean(commune), _clean(place)
    resolved = resolve_province(province) if province else None
    parts = [p for p in (place, commune, district) if p]
    if resolved is not None:
        parts.append(resolved.full_name)
    elif province:
        parts.append(province)
    reported = ", ".join(parts) if parts else "Không rõ địa phương"
    district_note = _district_note(resolved, district) if district else ""
    annotated = ", ".join(f"{p} ({district_note})" if p == district else p for p in parts) if district else ""
    now = today(resolved) if resolved is not None else None
    changed = now is not None and now != resolved
    return LocationView(
        reported=reported, today=now.full_name if changed and now else None, province=resolved,
        province_today=now, district=district, commune=commune, annotated=annotated,
    )


#: Said of every district a record names: the district level was abolished when the new units began.
DISTRICTS_ABOLISHED = "cấp huyện không còn từ 01/07/2025"
#: District-level units reorganised before 01/07/2025, by (province code, district key): what happened to them.
DISTRICTS_REORGANISED_EARLIER: dict[tuple[str, str], str] = {
    # Nghị quyết 1314/NQ-UBTVQH15 (21/11/2024), in force 01/01/2025, when Huế became a centrally governed city.
    ("46", "Huế"): "từ 01/01/2025 chia thành quận Phú Xuân và quận Thuận Hóa theo Nghị quyết 1314/NQ-UBTVQH15; "
                   + DISTRICTS_ABOLISHED,
}


def _district_note(province: Province | None, district: str) -> str:
    """What a reported district became: ``cấp huyện không còn từ 01/07/2025``, or an earlier change first."""
    if province is not None:
        wanted = _exact_key(district, _DISTRICT_PREFIX)
        for (code, name), earlier in DISTRICTS_REORGANISED_EARLIER.items():
            if code == province.code_before and _exact_key(name, _DISTRICT_PREFIX) == wanted:
                return earlier
    return DISTRICTS_ABOLISHED


#: When the new communes and wards began (the resolutions of the Standing Committee of the National Assembly).
COMMUNES_REORGANISED = "01/07/2025"


# --- collation ----------------------------------------------------------------------------------------------

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_ORDER = {c: i for i, c in enumerate(_ALPHABET)}
_TONE_ORDER = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # none, huyền, hỏi, ngã, sắc, nặng


def vietnamese_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Collation key for Vietnamese: a < ă < â < b < c < d < đ < e < ê …, word by word, tones after letters.

    Letters decide first (``Cà Mau`` < ``Cao Bằng``: words are compared one by one); tones (none, huyền, hỏi,
    ngã, sắc, nặng) break ties; the text itself makes the order total.
    """
    letters: list[int] = []
    tones: list[int] = []
    for char in _nfc(text).casefold():
        decomposed = unicodedata.normalize("NFD", char)
        tone = next((_TONE_ORDER[c] for c in decomposed if c in _TONE_ORDER), 0)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_ORDER))
        if not base or base.isspace() or _PUNCT.fullmatch(base):
            letters.append(-100)  # word by word: "Cà Mau" before "Cao Bằng"
        elif base.isdigit():
            letters.append(-50 + unicodedata.digit(base, 0))
        elif base in _ORDER:
            letters.append(10 * _ORDER[base])
        elif fold(base)[:1] in _ORDER:
            letters.append(10 * _ORDER[fold(base)[:1]] + 5)  # other accented Latin letters after their base
        else:
            letters.append(1000 + ord(base[0]))
        tones.append(tone)
    return tuple(letters), tuple(tones), text
