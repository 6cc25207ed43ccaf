"""Federation: a site built from other units' open data (``federation.yml`` next to ``mkdocs.yml``).

Every unit's site publishes ``/du-lieu/mo-hinh.json`` (`outputs.data`); a national site names the units in
``federation.yml`` and builds pages for their models as for its own. This module reads that file's shape
(`Federation`), fetches a unit's data (a local path, or ``http(s)://`` with urllib and a timeout), keeps the
last good copy of each unit in ``.federation-cache/`` beside ``mkdocs.yml`` and falls back to it, and turns a
unit's entries into plain records with ids made distinct (`Entry`). Validation is the catalogue's
(`catalogue._federate`): the same pydantic models and the same checks as a local record.

Rules (documented in ``content/dong-gop.md`` and ``docs/ARCHITECTURE.md``):

- a federated model's id is always ``<unit id>-<id at the unit>`` (the unit id is ``id`` in
  ``federation.yml``, else the slug of its name): stable whatever other units publish;
- a unit's source id is kept when this site has no source of that id, or the same source; otherwise it
  becomes ``<unit id>-<source id>`` in the records of that unit;
- photos are not copied: the page links to the model's page at the unit, where they are;
- fetching never happens while a reader views the site: only when the site is built.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path
from typing import Any

from pydantic import Field

from .dates import PartialDate
from .errors import Problem
from .paths import federated_id, original_page
from .schema import SCHEMA_VERSION, Part, Slug, Text
from .text import is_slug, slug

FILE = "federation.yml"
CACHE = ".federation-cache"  # beside mkdocs.yml; git-ignored: the last good copy of each unit's data
TIMEOUT = 30  # seconds for one unit's data over the network
MAX_BYTES = 200_000_000
#: How a unit's data is read: ``fetch`` (build: read, keep a copy, fall back to it), ``cache`` (a second process
#: of the same build: only the copies the first one kept), ``none`` (``mohinh check``: the file's shape only).
MODES = ("fetch", "cache", "none")


class UnitEntry(Part):
    """One unit whose open data this site publishes."""

    name: Text = Field(..., title="Tên đơn vị", description="Ví dụ: Công an tỉnh Gia Lai")
    data: Text = Field(..., title="Dữ liệu mở của đơn vị",
                       description="Địa chỉ https://…/du-lieu/mo-hinh.json, hoặc đường dẫn tệp (tính từ federation.yml)")
    id: Slug | None = Field(None, title="Mã đơn vị",
                            description="Đứng trước mã mỗi mô hình của đơn vị; mặc định là tên đơn vị viết không dấu")


class Federation(Part):
    """``federation.yml``: the units whose models this site publishes."""

    name: Text | None = Field(None, title="Tên đơn vị của trang này",
                              description="Ghi ở cột “Đơn vị công bố” cho các hồ sơ trong models/ của chính trang")
    units: list[UnitEntry] = Field(..., min_length=1, title="Các đơn vị")


@dataclass(frozen=True)
class Unit:
    """A unit as this build knows it: its entry, its id and where the entry is written."""

    name: str
    slug: str
    data: str
    line: int
    column: int

    @property
    def is_remote(self) -> bool:
        return self.data.startswith(("http://", "https://"))

    def note(self, message: str, fix: str, *, warning: bool = True) -> Problem:
        """A line about this unit, told where the unit is written in ``federation.yml``."""
        return Problem(FILE, self.line, self.column, "", f"đơn vị “{self.name}”: {message}", fix, warning)


@dataclass(frozen=True)
class Publisher:
    """Who published a federated model: the unit, the model's id there, its page there (absolute, or None)."""

    name: str
    slug: str
    original_id: str
    url: str | None
    had_photos: bool = False
    updated: PartialDate | None = None  # `updated` in the unit's data: its record's last change
    published: PartialDate | None = None  # `published`: when the unit first published it


def units(federation: Federation, marks: Any) -> list[Unit]:
    """The units of a valid ``federation.yml`` (``marks(loc)`` -> line, column)."""
    found = []
    for i, entry in enumerate(federation.units):
        line, column = marks(("units", i))
        found.append(Unit(entry.name, entry.id or slug(entry.name), entry.data, line, column))
    return found


def duplicate_units(found: list[Unit]) -> list[Problem]:
    """Two units with the same id would give their models the same addresses."""
    seen: dict[str, Unit] = {}
    problems = []
    for unit in found:
        if unit.slug in seen:
            problems.append(Problem(FILE, unit.line, unit.column, "id",
                                    f"mã đơn vị `{unit.slug}` trùng với đơn vị “{seen[unit.slug].name}” ở dòng {seen[unit.slug].line}",
                                    "thêm dòng `id: <mã ngắn khác>` cho một trong hai đơn vị, ví dụ `id: gia-lai`"))
        seen.setdefault(unit.slug, unit)
    return problems


def cache_file(root: Path, unit: Unit) -> Path:
    return root / CACHE / f"{unit.slug}.json"


class Unreadable(Exception):
    """A unit's data could not be read; the message says why, in Vietnamese."""


def _network_reason(reason: object) -> str:
    """Why a download failed, in Vietnamese where the reason is a common one."""
    import socket
    import ssl

    if isinstance(reason, ConnectionRefusedError):
        return "máy chủ từ chối kết nối"
    if isinstance(reason, socket.gaierror):
        return "không tìm thấy tên miền"
    if isinstance(reason, ssl.SSLError):
        return "lỗi chứng chỉ hay kết nối https"
    return f"lỗi mạng: {reason}"


def _fetch(unit: Unit, root: Path, timeout: float, cached: Path) -> bytes | None:
    """The unit's data as read now; None when its server says it has not changed since the copy kept in ``cached``
    (``If-Modified-Since``: the cache is respected, nothing is downloaded again)."""
    if unit.is_remote:
        request = urllib.request.Request(unit.data, headers={"User-Agent": "mohinh"})
        if cached.is_file():
            request.add_header("If-Modified-Since", formatdate(cached.stat().st_mtime, usegmt=True))
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
                return response.read(MAX_BYTES + 1)
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return None
            raise Unreadable(f"máy chủ trả lời lỗi {exc.code} khi tải {unit.data}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError) or isinstance(exc, TimeoutError):
                raise Unreadable(f"quá {timeout:g} giây không tải xong {unit.data}") from None
            raise Unreadable(f"không tải được {unit.data} ({_network_reason(reason)})") from None
    path = (root / unit.data) if not Path(unit.data).is_absolute() else Path(unit.data)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise Unreadable(f"không có tệp {unit.data}") from None
    except OSError as exc:
        raise Unreadable(f"không đọc được tệp {unit.data} ({exc.strerror})") from None


def parse(raw: bytes) -> dict[str, Any]:
    """A unit's ``mo-hinh.json``, checked for the shape every entry is read from (`Unreadable` if not)."""
    if len(raw) > MAX_BYTES:
        raise Unreadable("tệp dữ liệu quá lớn")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f" (dòng {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise Unreadable(f"dữ liệu không phải JSON hợp lệ{where}") from None
    if not isinstance(data, dict) or not isinstance(data.get("models"), list):
        raise Unreadable("dữ liệu không có danh sách `models` của tệp /du-lieu/mo-hinh.json")
    return data


def read(unit: Unit, root: Path, mode: str, timeout: float = TIMEOUT) -> tuple[dict[str, Any] | None, Problem | None]:
    """A unit's data and, when it could not be read, a warning naming the unit. A good read is kept in
    ``.federation-cache/``; a failed one falls back on the copy kept there, if any."""
    cached = cache_file(root, unit)
    if mode == "cache":
        try:
            return parse(cached.read_bytes()), None
        except (OSError, Unreadable):
            return None, None
    try:
        raw = _fetch(unit, root, timeout, cached)
        if raw is None:  # not changed since the copy kept
            try:
                return parse(cached.read_bytes()), None
            except OSError:
                raise Unreadable(f"máy chủ trả lời dữ liệu chưa đổi nhưng không đọc được {CACHE}/{cached.name}") from None
        data = parse(raw)
    except Unreadable as exc:
        fix = (f"kiểm tra `data: {unit.data}` trong {FILE} và trang của đơn vị; trang vẫn được dựng")
        try:
            data = parse(cached.read_bytes())
        except (OSError, Unreadable):
            return None, unit.note(f"{exc}; chưa có bản lưu nào, các mô hình của đơn vị này không có trong lần dựng này", fix)
        return data, unit.note(f"{exc}; dùng bản lưu lần trước ({CACHE}/{cached.name})", fix)
    version = data.get("schema_version")
    newer = None
    if isinstance(version, int) and version > SCHEMA_VERSION:  # read all the same: records with new fields are told
        newer = unit.note(f"dữ liệu theo định dạng phiên bản {version}, mới hơn phiên bản {SCHEMA_VERSION} mà bản mohinh "
                          "này đọc được; hồ sơ có trường mới sẽ bị bỏ ra", "cập nhật mohinh (`pip install -U mohinh`) rồi dựng lại")
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        if not cached.exists() or cached.read_bytes() != raw:
            cached.write_bytes(raw)
        else:
            cached.touch()  # the date of the last good read: `If-Modified-Since` next time
    except OSError:
        pass  # a folder that cannot be written: the build goes on without a copy for next time
    return data, newer


@dataclass
class Entry:
    """One model of a unit, as plain data ready for validation: its new id and its record with ids renamed."""

    unit: Unit
    original_id: str
    id: str
    record: dict[str, Any]
    publisher: Publisher
    sources: dict[str, dict[str, Any]]  # the unit's sources this record cites, by (renamed) id


def _date(value: Any) -> PartialDate | None:
    try:
        return PartialDate.parse(value) if value else None
    except Exception:  # noqa: BLE001 - a date the unit wrote wrongly: the record's own dates are used
        return None


def _renamed(value: Any, ids: dict[str, str], sources: dict[str, str], key: str = "") -> Any:
    """The record with every source id (``source``, ``sources``) and model id (``related``) renamed. A source the
    unit wrote inside the record (``sources: [{id: …, title: …}]``) comes in the open data's list of sources
    too, so here it becomes its id, registered once with the unit's other sources."""
    if key == "sources" and isinstance(value, dict) and isinstance(value.get("id"), str):
        return sources.get(value["id"], value["id"])
    if isinstance(value, dict):
        return {k: _renamed(v, ids, sources, k) for k, v in value.items()}
    if isinstance(value, list) and key != "related":
        return [_renamed(v, ids, sources, key) for v in value]
    if isinstance(value, str) and key in ("source", "sources", "official"):
        return sources.get(value, value)
    if key == "related" and isinstance(value, list):  # only the unit's own published models can be linked
        return [ids[v] for v in value if isinstance(v, str) and v in ids]
    return value


def entries(unit: Unit, data: dict[str, Any], known_sources: dict[str, dict[str, Any]],
            refused: list[Problem]) -> list[Entry]:
    """The unit's models with ids made distinct (`FILE`'s rules); an entry without the shape every site
    writes is refused with one line. ``known_sources`` (id -> source as plain data) gains the unit's sources."""
    models = [m for m in data["models"] if isinstance(m, dict)]
    ids = {m["id"]: federated_id(unit.slug, m["id"]) for m in models if is_slug(m.get("id"))}
    renamed_sources: dict[str, str] = {}
    unit_sources: dict[str, dict[str, Any]] = {}
    for model in models:
        for source in model.get("sources") or []:
            if not isinstance(source, dict) or not is_slug(source.get("id")):
                continue
            plain = {k: v for k, v in source.items() if k != "id" and v not in (None, False)}
            sid = source["id"]
            if sid in renamed_sources:
                continue
            if sid in known_sources and known_sources[sid] != plain:
                renamed_sources[sid] = f"{unit.slug}-{sid}"
            else:
                renamed_sources[sid] = sid
            unit_sources[renamed_sources[sid]] = plain
    found = []
    for n, model in enumerate(data["models"]):
        original = model.get("id") if isinstance(model, dict) else None
        record = model.get("record") if isinstance(model, dict) else None
        if not is_slug(original) or not isinstance(record, dict):
            refused.append(unit.note(f"bỏ qua mục thứ {n + 1} của dữ liệu: không có `id` hay `record` đúng dạng",
                                     "đơn vị dựng lại trang bằng mohinh để có tệp /du-lieu/mo-hinh.json đúng định dạng"))
            continue
        record = _renamed(dict(record), ids, renamed_sources)
        record["id"] = ids[original]
        record.pop("draft", None)
        had_photos = bool(record.pop("media", None))
        cited = {renamed_sources.get(s.get("id"), s.get("id")) for s in model.get("sources") or [] if isinstance(s, dict)}
        found.append(Entry(
            unit, original, ids[original], record,
            Publisher(unit.name, unit.slug, original, original_page(unit.data, model.get("url")), had_photos,
                      _date(model.get("updated")), _date(model.get("published"))),
            {sid: unit_sources[sid] for sid in sorted(cited) if sid in unit_sources}))
    for sid, plain in unit_sources.items():
        known_sources.setdefault(sid, plain)
    return found
