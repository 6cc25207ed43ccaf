"""Load every file in ``models/``, validate it, check cross-references, gather every problem.

`load_catalogue` is the single entry point used by ``mohinh check``, ``mohinh build`` and the
MkDocs plugin. It raises `InvalidRecords` listing every error of every file at once; what it returns
is complete (git dates included) and read-only.
"""

from __future__ import annotations

import difflib
import gc
import os
import re
import typing
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import federation, history, places
from .dates import PartialDate
from .errors import InvalidRecords, Problem
from .load import YamlDocument, YamlProblem, load_yaml
from .paths import media_file
from .schema import (
    DEPRECATED,
    RECOGNITION_LABELS,
    SOURCE_ID,
    STATUS_LABELS,
    WRITTEN_SOURCE,
    Model,
    ModelType,
    Source,
    Term,
    Vocabularies,
    WrittenSource,
)
from .text import fold, is_slug

#: A Vietnamese mobile number (10 digits from 03, 05, 07, 08, 09): a person's, unless published by a unit.
PERSONAL_MOBILE = re.compile(r"(?:^|\D)(?:\+?84|0)[35789]\d{8}(?:\D|$)")

#: The source id `mohinh new` writes as a placeholder.
PLACEHOLDER_SOURCE = "ma-nguon"

SOURCES_FILE = "_sources.yml"  # the former way: every source in one file (still read)
#: How a message tells an officer to write a source file (`mohinh source new`).
SOURCE_COMMAND = '`mohinh source new --url "..." --title "..." --publisher "..." --date 02/10/2024`'
SOURCES_FOLDER = "_sources"
TYPES_FOLDER = "_types"  # one model type per file: models/_types/<slug>.yml
VOCABULARIES_FILE = "_vocabularies.yml"
RECORD_SUFFIXES = (".yml", ".yaml")


@dataclass
class Record:
    """A validated model with the file it came from."""

    model: Model
    path: str
    _doc: YamlDocument | None = field(repr=False)
    file: Path | None = field(default=None, repr=False, compare=False)  # to read ``doc`` again when it was let go
    unit: federation.Publisher | None = None  # who published it, for a model read from another unit's open data

    @property
    def doc(self) -> YamlDocument:
        """Where each part of the record stands in its file (read again if it was not kept)."""
        if self._doc is None:
            assert self.file is not None
            self._doc = load_yaml(self.file, self.path)
        return self._doc

    @cached_property
    def id(self) -> str:
        return self.model.id or Path(self.path).stem


@dataclass(frozen=True)
class Catalogue:
    """Everything the site is built from: published records, sources, vocabularies and the dates git
    knows of each record file (``models/x.yml`` -> first and last commit; empty outside git)."""

    root: Path
    records: tuple[Record, ...]
    sources: dict[str, Source]
    topics: dict[str, Term]
    communities: dict[str, Term]
    warnings: tuple[Problem, ...] = ()
    funders: dict[str, Term] = field(default_factory=dict)
    drafts_included: bool = False
    first_commits: dict[str, PartialDate] = field(default_factory=dict)
    last_commits: dict[str, PartialDate] = field(default_factory=dict)
    types: dict[str, ModelType] = field(default_factory=dict)  # model types by slug (models/_types/)
    units: tuple[str, ...] = ()  # the units of federation.yml whose models are in the catalogue, by name
    own_unit: str | None = None  # `name` in federation.yml: who publishes the records of models/
    notes: tuple[Problem, ...] = ()  # units that could not be read and records left out (federation.yml)

    @property
    def by_id(self) -> dict[str, Record]:
        return {r.id: r for r in self.records}


#: What one item of a list is called in messages: ``results[1]`` is shown as ``results (kết quả thứ 2)``.
ITEM_NAMES = {
    "locations": "địa bàn", "results": "kết quả", "sources": "nguồn", "topics": "chủ đề", "updates": "tin",
    "media": "ảnh", "costs": "khoản kinh phí", "recognition": "công nhận", "contacts": "liên hệ",
    "related": "mô hình liên quan", "criteria": "tiêu chí", "lessons": "bài học", "limitations": "hạn chế",
    "partners": "đơn vị", "steps": "bước", "prerequisites": "điều kiện", "resources": "nguồn lực",
    "indicators": "chỉ số", "pitfalls": "điều cần tránh", "roles": "vai trò", "training": "nội dung tập huấn",
    "communities": "loại cộng đồng", "funders": "nguồn kinh phí", "types": "loại mô hình",
    "other_values": "số liệu nguồn khác", "units": "đơn vị", "seen_in": "nơi ghi nhận", "official": "văn bản", "aliases": "tên gọi khác",
}


def format_loc(loc: tuple[Any, ...]) -> str:
    """Where a value is, for a person: ``('results', 1, 'value')`` -> ``results (kết quả thứ 2) › value``
    (list items counted from 1, as an officer counts them)."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int) and parts:
            name = parts[-1]
            parts[-1] = f"{name} ({ITEM_NAMES.get(name, 'mục')} thứ {part + 1})"
        elif isinstance(part, int):
            parts.append(f"mục thứ {part + 1}")
        else:
            parts.append(str(part))
    return " › ".join(parts)


def _submodel(cls: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    for part in loc:
        if isinstance(part, int):
            continue
        info = cls.model_fields.get(part)
        if info is None:
            return None
        found = _find_model(info.annotation)
        if found is None:
            return None
        cls = found
    return cls


def _find_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _find_model(arg)
        if found is not None:
            return found
    return None


def did_you_mean(word: str, choices: typing.Iterable[str], n: int = 3) -> list[str]:
    """Closest choices to ``word``, ignoring accents and case."""
    choices = list(choices)
    folded = {fold(c): c for c in choices}
    return [folded[m] for m in difflib.get_close_matches(fold(word), list(folded), n=n, cutoff=0.6)]


UNION_TAGS = (SOURCE_ID, WRITTEN_SOURCE)  # which kind of `sources:` entry pydantic tried: not a place in the file

_SHARE = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")

_TYPE_MESSAGES = {
    "list_type": ("phải là một danh sách", "viết dạng danh sách, mỗi dòng bắt đầu bằng `- `"),
    "model_type": ("phải là một nhóm trường dạng `tên: giá trị`", "xem ví dụ trong trang Đóng góp"),
    "dict_type": ("phải là một nhóm trường dạng `tên: giá trị`", "xem ví dụ trong trang Đóng góp"),
    "model_attributes_type": ("phải là một nhóm trường dạng `tên: giá trị`", "xem ví dụ trong trang Đóng góp"),
    "too_short": ("cần ít nhất một phần tử", "thêm ít nhất một dòng `- ...`"),
}


def problems_from_validation(
    exc: ValidationError, doc: YamlDocument, cls: type[BaseModel], prefix: tuple[Any, ...] = ()
) -> list[Problem]:
    """Turn pydantic's errors into Vietnamese `Problem`s that point at the line of each."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if part not in UNION_TAGS)
        kind = error["type"]
        full = (*prefix, *loc)
        if kind == "missing":
            name = loc[-1]
            line, column = doc.position(full[:-1])
            message, fix = f"thiếu trường bắt buộc `{name}`", f"thêm dòng `{name}: ...`"
        elif kind == "extra_forbidden":
            name = str(loc[-1])
            line, column = doc.position(full, key=True)
            parent = _submodel(cls, loc[:-1])
            allowed = list(parent.model_fields) if parent else []
            guesses = difflib.get_close_matches(name, allowed, n=1, cutoff=0.5)
            message = f"trường `{name}` không có trong định dạng hồ sơ"
            fix = f"có phải ý bạn là `{guesses[0]}`?" if guesses else "các trường được dùng: " + ", ".join(allowed)
        elif kind == "mohinh":
            line, column = doc.position(full)
            message, fix = error["ctx"]["message"], error["ctx"]["fix"]
            share = _SHARE.match(str(error.get("input", ""))) if loc and loc[-1] == "value" else None
            if share:  # 6/6: a part of a whole, which a result writes with `total`
                fix = (f"ghi phần và tổng riêng: `value: {share[1]}` và thêm dòng `total: {share[2]}` "
                       f"(trang hiện {share[1]}/{share[2]})")
        elif kind == "literal_error":
            line, column = doc.position(full)
            if loc and loc[-1] == "status":
                choices = ", ".join(f"{k} ({v.lower()})" for k, v in STATUS_LABELS.items())
            elif loc and loc[-1] == "level":
                choices = ", ".join(f"{k} ({v.lower()})" for k, v in RECOGNITION_LABELS.items())
            else:
                choices = str(error.get("ctx", {}).get("expected", ""))
            message, fix = f"giá trị `{error.get('input')}` không hợp lệ", f"chọn một trong: {choices}"
        elif kind in _TYPE_MESSAGES:
            line, column = doc.position(full)
            message, fix = _TYPE_MESSAGES[kind]
        else:  # pragma: no cover - a pydantic error type we did not foresee
            line, column = doc.position(full)
            message, fix = f"giá trị không hợp lệ ({error['msg']})", "xem định dạng hồ sơ trong trang Đóng góp"
        problems.append(Problem(doc.path, line, column, format_loc(full), message, fix))
    return problems


def _read(path: Path, rel: str, problems: list[Problem], shape: type[BaseModel] | None = None) -> YamlDocument | None:
    """The file's data, or None when it cannot be read. A mistake YAML can read past (a Tab) is told and the
    rest of the file is still checked, in the reading that fits ``shape`` best (fewest wrong values)."""
    try:
        return load_yaml(path, rel)
    except YamlProblem as exc:
        problems.append(exc.problem)
        if not exc.recovered or shape is None:
            return exc.recovered[0] if exc.recovered else None
        return min(exc.recovered, key=lambda doc: _wrong_values(shape, doc.data))


def _wrong_values(shape: type[BaseModel], data: Any) -> int:
    try:
        shape.model_validate(data)
    except ValidationError as exc:
        return exc.error_count()
    return 0


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _load_vocabularies(models_dir: Path, root: Path, problems: list[Problem]) -> Vocabularies | None:
    path = models_dir / VOCABULARIES_FILE
    rel = _relative(path, root)
    if not path.exists():
        problems.append(Problem(rel, 1, 1, "", "không tìm thấy tệp danh mục chủ đề và loại cộng đồng",
                                "khôi phục models/_vocabularies.yml từ kho mã"))
        return None
    doc = _read(path, rel, problems)
    if doc is None:
        return None
    try:
        return Vocabularies.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, doc, Vocabularies))
        return None


def _load_sources(models_dir: Path, root: Path, problems: list[Problem],
                  required: bool = True) -> tuple[dict[str, Source], set[str] | None]:
    """The valid sources, and every id named (valid or not; None when no source can be read).

    Sources are read from ``models/_sources.yml`` (a map of id -> source) and from ``models/_sources/<id>.yml``
    (one source a file, as the web editor writes them); an id given twice is an error. References are
    checked against the ids named, so one mistake in a source is reported once, where the source is, not
    again at every record that cites it.
    """
    path = models_dir / SOURCES_FILE
    folder = models_dir / SOURCES_FOLDER
    files = sorted(p for p in folder.glob("*.y*ml") if p.suffix in RECORD_SUFFIXES) if folder.is_dir() else []
    if not path.exists() and not files:
        if not required:  # a site of other units' models (federation.yml) may have no source of its own
            return {}, None
        problems.append(Problem(_relative(folder, root), 1, 1, "", "chưa có nguồn nào",
                                f"tạo tệp nguồn đầu tiên bằng {SOURCE_COMMAND}, xem trang Đóng góp"))
        return {}, None
    sources: dict[str, Source] = {}
    named: set[str] = set()
    where: dict[str, str] = {}

    def take(key: Any, value: Any, doc: YamlDocument, loc: tuple[Any, ...]) -> None:
        rel = doc.path
        line, column = doc.position(loc, key=bool(loc)) if loc else (1, 1)
        if not is_slug(key):
            problems.append(Problem(rel, line, column, str(key), f"mã nguồn `{key}` không hợp lệ",
                                    "mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang"))
            return
        if key in where:
            problems.append(Problem(rel, line, column, str(key), f"mã nguồn `{key}` đã có ở {where[key]}",
                                    "mỗi nguồn chỉ ghi một lần; xóa một trong hai"))
            return
        where[key] = rel
        named.add(key)
        try:
            sources[key] = Source.model_validate(value)
        except ValidationError as exc:
            problems.extend(problems_from_validation(exc, doc, Source, prefix=loc))

    readable = False
    if path.exists():
        doc = _read(path, _relative(path, root), problems)
        if doc is not None and not isinstance(doc.data, dict):
            problems.append(Problem(doc.path, 1, 1, "", "tệp nguồn phải là các mục `mã-nguồn:` kèm trường",
                                    "xem ví dụ trong trang Đóng góp"))
        elif doc is not None:
            readable = True
            for key, value in doc.data.items():
                take(key, value, doc, (key,))
    for file in files:
        doc = _read(file, _relative(file, root), problems)
        if doc is not None:
            readable = True
            take(file.stem, doc.data, doc, ())
    return sources, (named if readable else None)


def record_paths(models_dir: Path) -> list[Path]:
    """The record files of ``models/``: ``*.yml``/``*.yaml`` not starting with ``_``, sorted."""
    if not models_dir.is_dir():
        return []
    return sorted(
        p for p in models_dir.iterdir() if p.suffix in RECORD_SUFFIXES and not p.name.startswith("_") and p.is_file()
    )


def validate_record(path: Path, root: Path, problems: list[Problem], refs: References | None = None) -> Record | None:
    """Read and validate one record file. A valid record is returned and its cross-references are left to
    the caller (`_check_refs_with`); for an invalid one, given ``refs``, they are checked here at once,
    so that every mistake of the file is told in one run."""
    rel = _relative(path, root)
    doc = _read(path, rel, problems, Model)
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        problems.append(Problem(rel, 1, 1, "", "hồ sơ phải là các trường dạng `tên: giá trị`, không phải danh sách hay văn bản",
                                "mỗi tệp chỉ chứa một mô hình; chạy `mohinh new` để có tệp mẫu"))
        return None
    stem = path.stem
    ok = True
    if not is_slug(stem):
        problems.append(Problem(rel, 1, 1, "", f"tên tệp `{path.name}` không phải mã hợp lệ",
                                "đổi tên tệp thành chữ thường không dấu, số và dấu gạch ngang, ví dụ: ha-tinh-tieng-keng.yml"))
        ok = False
    try:
        model = Model.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, doc, Model))
        if refs is not None:
            # A wrong value is not checked again; the rest of its list item is (a result with `76.303` and the
            # template's source is told both), but a photo with a wrong field is not looked up.
            wrong = [tuple(error["loc"])[:2] if len(error["loc"]) > 1 and error["loc"][0] == "media"
                     else tuple(error["loc"]) for error in exc.errors(include_url=False)]
            _check_refs(stem, rel, doc.data, lambda: doc, refs, problems, skip=wrong)
        return None
    if model.id is not None and model.id != stem:
        line, column = doc.position(("id",))
        problems.append(Problem(rel, line, column, "id", f"mã `{model.id}` khác tên tệp `{stem}`",
                                f"xóa dòng `id:` hoặc đổi thành `id: {stem}`"))
        ok = False
    return Record(model, rel, doc, path) if ok else None


_MISSING = object()


def _get(data: Any, key: str, default: Any = None) -> Any:
    """A field of a record part, as written (a dict) or validated (a pydantic model)."""
    if isinstance(data, dict):
        return data.get(key, default)
    if isinstance(data, BaseModel):
        return getattr(data, key, default)
    return default


def _listed(data: Any, key: str) -> list[tuple[int, Any]]:
    value = _get(data, key)
    return list(enumerate(value)) if isinstance(value, list) else []


def _parts(data: Any, key: str) -> list[tuple[int, Any]]:
    return [(i, item) for i, item in _listed(data, key) if isinstance(item, (dict, BaseModel))]


def _text_at(data: Any, key: str) -> str | None:
    value = _get(data, key)
    return value if isinstance(value, str) else None


@dataclass(frozen=True)
class References:
    """What a record's references are checked against (plain data: sent to worker processes)."""

    sources: Collection[str] | None  # source ids named in models/_sources*; None: not checked (that file is wrong)
    ids: set[str]  # every record's id (its file name)
    vocab: Vocabularies | None  # None: models/_vocabularies.yml is wrong
    root: Path  # the project (photos are looked up under it)
    types: Collection[str] | None = None  # model type slugs (models/_types/); None: not checked


@dataclass(frozen=True)
class Finding:
    """One problem a reference check found: where in the record (``loc``), what, how to fix it."""

    loc: tuple[Any, ...]
    message: str
    fix: str
    warning: bool = False


Check = Callable[[str, Any, References], Iterator[Finding]]  # (record id, record data, references)


def _source_finding(loc: tuple[Any, ...], source_id: Any, sources: Collection[str] | None) -> Iterator[Finding]:
    if sources is not None and isinstance(source_id, str) and source_id not in sources:
        if source_id == PLACEHOLDER_SOURCE:
            yield Finding(loc, f"`{PLACEHOLDER_SOURCE}` là mã nguồn mẫu của `mohinh new`",
                          f"thay mã nguồn mẫu bằng mã thật: tạo tệp nguồn bằng {SOURCE_COMMAND} (thành "
                          "models/_sources/<mã nguồn>.yml) rồi ghi mã nguồn đó ở đây")
            return
        guesses = did_you_mean(source_id, sources)
        fix = (f"có phải ý bạn là `{guesses[0]}`?" if guesses else
               f"tạo tệp models/_sources/{source_id}.yml, ví dụ bằng {SOURCE_COMMAND}")
        yield Finding(loc, f"không có nguồn `{source_id}` (không có tệp models/_sources/{source_id}.yml)", fix)


def written_source_ids(data: Any) -> list[tuple[int, str]]:
    """The sources written in a record's ``sources:`` (groups of fields, not ids): their place and ``id``."""
    found = []
    for i, entry in _parts(data, "sources"):
        source_id = _get(entry, "id")
        if isinstance(source_id, str) and is_slug(source_id):
            found.append((i, source_id))
    return found


def check_sources(record_id: str, data: Any, refs: References) -> Iterator[Finding]:
    """Every source a record cites (its list, results, updates, costs, recognition, team) is in
    ``models/_sources/`` or written in the record's own ``sources:``; a source written there has a new id."""
    known = refs.sources
    written = written_source_ids(data)
    if known is not None and written:
        for i, source_id in written:
            if source_id in known:
                yield Finding(("sources", i, "id"), f"mã nguồn `{source_id}` đã có (models/_sources/{source_id}.yml)",
                              f"nguồn đã có thì chỉ ghi mã của nó: `- {source_id}`, bỏ các trường khác; "
                              "nguồn khác thì đặt mã khác")
        known = {*known, *(source_id for _, source_id in written)}
    for i, source_id in _listed(data, "sources"):
        yield from _source_finding(("sources", i), source_id, known)
    for key in ("results", "updates", "costs", "recognition"):
        for i, part in _parts(data, key):
            yield from _source_finding((key, i, "source"), _get(part, "source"), known)
    for key in ("results", "costs"):  # another source's figure for the same thing
        for i, part in _parts(data, key):
            for j, other in _parts(part, "other_values"):
                yield from _source_finding((key, i, "other_values", j, "source"), _get(other, "source"), known)
    team = _get(data, "team")
    if isinstance(team, (dict, BaseModel)):
        yield from _source_finding(("team", "source"), _get(team, "source"), known)


def check_results(record_id: str, data: Any, refs: References) -> Iterator[Finding]:
    """A result counted out of a total is not larger than the total."""
    for i, result in _parts(data, "results"):
        value, total = _get(result, "value"), _get(result, "total")
        numbers = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (value, total))
        if numbers and total < value:
            yield Finding(("results", i, "total"), f"tổng số {total} nhỏ hơn số liệu {value}",
                          "kiểm tra lại: `value` là phần, `total` là tổng (847 trên 1310)")


def check_funders(record_id: str, data: Any, refs: References) -> Iterator[Finding]:
    """Who paid each cost is an entry of ``funders:`` in the vocabularies."""
    vocab = refs.vocab
    funders = [t.slug for t in vocab.funders] if vocab is not None else []
    for i, cost in _parts(data, "costs"):
        paid_by = _get(cost, "paid_by")
        if vocab is not None and isinstance(paid_by, str) and paid_by not in funders:
            guesses = did_you_mean(paid_by, funders)
            yield Finding(("costs", i, "paid_by"), f"không có nguồn kinh phí `{paid_by}`",
                          f"có phải ý bạn là `{guesses[0]}`?" if guesses else
                          "chọn mã trong `funders:` của models/_vocabularies.yml: " + (", ".join(funders) or "(chưa có mục nào)"))


def check_team(record_id: str, data: Any, refs: References) -> Iterator[Finding]:
    """A team's range of members runs from the smaller to the larger."""
    team = _get(data, "team")
    if isinstance(team, (dict, BaseModel)):
        members = _get(team, "members")
        low, high = _get(members, "min"), _get(members, "max")
        if isinstance(low, int) and isinstance(high, int) and low > high:
            yield Finding(("team", "members"), f"khoảng {low}–{high} người ngược chiều", f"viết members: {{min: {high}, max: {low}}}")


def check_contacts(record_id: str, data: Any, refs: References) -> Iterator[Finding]:
    """A phone number that looks like a person's mobile is published only with a note saying where (warning)."""
    for i, contact in _parts(data, "contacts"):
        phone = _text_at(contact, "phone")
        if phone and PERSONAL_MOBILE.search(re.sub(r"[\s.]", "", phone)) and not _get(contact, "note"):
            yield Finding(("contacts", i, "phone"), f"`{phone}` trông như số di động cá nhân",
                          "chỉ ghi số công khai của đơn vị; nếu số này đã được công bố, ghi nơi công bố vào `note`", warning=True)


def check_related(record_id: str, data: Any, refs: References) -> Iterator[Finding]:
    """Related models exist, and are not the record itself."""
    ids = refs.ids
    for i, other in _listed(data, "related"):
        if not isinstance(other, str):
            continue
        if other not in ids:
            guesses = did_you_mean(other, ids)
            yield Finding(("related", i), f"không có mô hình `{other}`",
                          f"có phải ý bạn là `{guesses[0]}`?" if guesses else "ghi đúng tên tệp (không có .yml) của mô hình liên quan")
        elif other == record_id:
            yield Finding(("related", i), "mô hình không thể liên quan đến chính nó", "xóa dòng này")


def check_vocabulary(record_id: str, data: Any, refs: References) -> Iterator[Finding]:
    """Topics and the kind of community are entries of the vocabularies."""
    vocab = refs.vocab
    if vocab is not None:
        topics = {t.slug: t for t in vocab.topics}
        for i, topic in _listed(data, "topics"):
            if isinstance(topic, str) and topic not in topics:
                guesses = did_you_mean(topic, topics)
                yield Finding(("topics", i), f"không có chủ đề `{topic}`",
                              f"có phải ý bạn là `{guesses[0]}`?" if guesses else "chọn mã trong models/_vocabularies.yml: " + ", ".join(topics))
        communities = {t.slug for t in vocab.communities}
        community = _text_at(data, "community")
        if community is not None and community not in communities:
            guesses = did_you_mean(community, communities)
            yield Finding(("community",), f"không có loại cộng đồng `{community}`",
                          f"có phải ý bạn là `{guesses[0]}`?" if guesses else "chọn mã trong models/_vocabularies.yml: " + ", ".join(sorted(communities)))


def check_types(record_id: str, data: Any, refs: References) -> Iterator[Finding]:
    """Each model type a record names has its file in ``models/_types/``."""
    if refs.types is None:
        return
    for i, slug in _listed(data, "types"):
        if isinstance(slug, str) and slug not in refs.types:
            guesses = did_you_mean(slug, refs.types)
            yield Finding(("types", i), f"không có loại mô hình `{slug}`",
                          f"có phải ý bạn là `{guesses[0]}`?" if guesses else
                          "chọn mã trong models/_types/: " + (", ".join(sorted(refs.types)) or "(chưa có loại nào)"))


def check_locations(record_id: str, data: Any, refs: References) -> Iterator[Finding]:
    """Each location's province is known (a province the source does not name is explained in ``note``)."""
    for i, location in _parts(data, "locations"):
        province = _get(location, "province", _MISSING)
        if province is None:
            yield Finding(("locations", i, "province"), "nguồn không nêu tỉnh, thành phố",
                          "nếu nguồn có nêu, ghi tên tỉnh; nếu không, giữ null và giải thích ở `note`", warning=True)
            if _get(location, "note") is None:
                yield Finding(("locations", i), "thiếu `note` giải thích vì sao không có tỉnh", "thêm `note: Nguồn không nêu tên tỉnh`")
        elif isinstance(province, str) and places.resolve_province(province) is None:
            guesses = places.suggest_provinces(province)
            yield Finding(("locations", i, "province"), f"không nhận ra tỉnh, thành phố `{province}`",
                          "có phải ý bạn là " + " hoặc ".join(f"`{g}`" for g in guesses) + "?" if guesses
                          else "ghi tên tỉnh, thành phố có dấu, ví dụ: Hà Tĩnh")


def check_media(record_id: str, data: Any, refs: References) -> Iterator[Finding]:
    """Each photo is a JPEG, PNG or WebP file inside the model's own folder ``models/media/<id>/``."""
    for i, item in _parts(data, "media"):
        file = _text_at(item, "file")
        if file is None:
            continue
        target = media_file(refs.root, record_id, file)
        if target is None:
            yield Finding(("media", i, "file"), f"đường dẫn `{file}` ra ngoài thư mục ảnh của mô hình",
                          f"đặt ảnh trong models/media/{record_id}/ và chỉ ghi tên tệp")
        elif not target.is_file():
            yield Finding(("media", i, "file"), f"không tìm thấy ảnh models/media/{record_id}/{file}",
                          "kiểm tra tên tệp (phân biệt chữ hoa, chữ thường)")
        elif target.suffix.lower() not in {".jpg", ".jpeg", ".png", ".webp"}:
            yield Finding(("media", i, "file"), f"`{file}` không phải ảnh JPEG, PNG hay WebP",
                          "chuyển ảnh sang .jpg hoặc .png")


#: Every check of a record's references, in the order their problems are told.
def check_deprecated(record_id: str, data: Any, refs: References) -> Iterator[Finding]:
    """Every deprecated value or field (`schema.DEPRECATED`) the record still writes: a warning naming the place,
    the version that superseded it and how to change it; the record stays valid."""
    for item in DEPRECATED:
        for loc, value in _found(data, item.path, ()):
            if item.value is None:
                yield Finding(loc, f"trường `{item.path[-1]}` đã cũ (thay từ phiên bản {item.since} của định dạng "
                                   "hồ sơ), vẫn được đọc", item.fix, warning=True)
            elif value == item.value:
                yield Finding(loc, f"`{value}` đã cũ (thay từ phiên bản {item.since} của định dạng hồ sơ), vẫn được "
                                   "đọc", item.fix, warning=True)


def _found(data: Any, path: tuple[str, ...], loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """The places ``path`` (``*``: every item of a list) leads to in a record, with their values (fields absent
    or None are not found)."""
    if not path:
        yield loc, data
        return
    key, rest = path[0], path[1:]
    if key == "*":
        for i, item in enumerate(data) if isinstance(data, list) else ():
            yield from _found(item, rest, (*loc, i))
        return
    value = _get(data, key)
    if value is not None:
        yield from _found(value, rest, (*loc, key))


CHECKS: tuple[Check, ...] = (check_sources, check_results, check_funders, check_team, check_contacts,
                             check_related, check_vocabulary, check_types, check_locations, check_media,
                             check_deprecated)


def _check_refs(record_id: str, rel: str, data: Any, where: Callable[[], YamlDocument], refs: References,
                problems: list[Problem], skip: Collection[tuple[Any, ...]] = (), checks: tuple[Check, ...] = CHECKS) -> None:
    """Cross-references of one record (`CHECKS`): ``data`` is the validated `Model`, or the record as written
    when some values are wrong (so its references are checked too: every mistake told in one run); ``where``
    gives the file's marks, read only for a problem. Places in ``skip`` already have a problem and are not
    checked again. Problems are sorted afterwards, by file and line."""
    for check in checks:
        for finding in check(record_id, data, refs):
            if any(finding.loc[:len(other)] == other for other in skip):
                continue
            line, column = where().position(finding.loc)
            problems.append(Problem(rel, line, column, format_loc(finding.loc), finding.message, finding.fix,
                                    finding.warning))


#: The checks whose findings depend only on the record and its `References` (the photos' check looks at files).
_PURE_CHECKS = tuple(check for check in CHECKS if check is not check_media)


class RecordCache:
    """Records that passed, by file, kept by ``mohinh serve`` between rebuilds: a file unchanged since
    (same size and modification time) is not read again, and its references are not checked again while
    the references are the same (its photos are looked up every time)."""

    def __init__(self) -> None:
        self._known: dict[Path, tuple[tuple[int, int], Record]] = {}
        self.federation_key: tuple[int, int] | None = None  # federation.yml when its units were last read
        self._refs: References | None = None  # what the last rebuild checked references against
        self._checked: dict[str, tuple[Record, list[Problem]]] = {}  # by record file: what its check found

    def same_references(self, refs: References) -> bool:
        """Whether ``refs`` equal the last rebuild's (then kept for the next); once a rebuild."""
        same = refs == self._refs
        self._refs = refs
        if not same:
            self._checked = {}
        return same

    def check_refs(self, record: Record, refs: References, problems: list[Problem]) -> None:
        """`_check_refs` of a record, its findings reused while the record and the references are unchanged
        (`same_references`)."""
        known = self._checked.get(record.path)
        if known is None or known[0] is not record:
            found: list[Problem] = []
            _check_refs(record.id, record.path, record.model, lambda: record.doc, refs, found, checks=_PURE_CHECKS)
            known = self._checked[record.path] = (record, found)
        problems.extend(known[1])
        _check_refs(record.id, record.path, record.model, lambda: record.doc, refs, problems, checks=(check_media,))

    def validate(self, path: Path, root: Path, problems: list[Problem], refs: References | None = None) -> Record | None:
        """`validate_record`, skipped for a file unchanged since it last passed."""
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        known = self._known.get(path)
        if known is not None and known[0] == key:
            return known[1]
        before = len(problems)
        record = validate_record(path, root, problems, refs)
        if record is not None and len(problems) == before:
            self._known[path] = (key, record)
        else:
            self._known.pop(path, None)
        return record


TWO_PROCESSES = 200  # records; from here two processes read half of them each (two cores, half the wait)


def _check_refs_with(record: Record, refs: References, problems: list[Problem]) -> None:
    _check_refs(record.id, record.path, record.model, lambda: record.doc, refs, problems)


_Checked = tuple["Record | None", list[Problem], list[Problem]]  # record, its own problems, its references'


@dataclass(frozen=True)
class _ValidRecord:
    """What ``mohinh check`` needs of a valid record (sending whole records back took it a fifth of its time)."""

    id: str
    path: str
    written: tuple[tuple[int, WrittenSource], ...] = ()  # the sources written in it, by place in `sources:`


def _written(record: Record | _ValidRecord) -> list[tuple[int, WrittenSource]]:
    """The sources written in a record's ``sources:``, with their place there."""
    if isinstance(record, _ValidRecord):
        return list(record.written)
    return [(i, entry) for i, entry in enumerate(record.model.sources) if isinstance(entry, WrittenSource)]


def _validate_each(paths: list[Path], root: Path, refs: References, keep: bool = True) -> list[_Checked]:
    """Validate records and check their references, then let go of the marks (read again only if a later
    problem needs a line number), so little is sent back to the parent; without ``keep``, only the id
    and path of a valid record."""
    made: list[_Checked] = []
    for path in paths:  # in a worker process, or for `mohinh check`: the collector is paused by the caller
        found: list[Problem] = []
        record = validate_record(path, root, found, refs)
        referenced: list[Problem] = []
        if record is not None:
            _check_refs_with(record, refs, referenced)
            record._doc = None
            if not keep:
                record = _ValidRecord(record.id, record.path, tuple(_written(record)))  # type: ignore[assignment]
        made.append((record, found, referenced))
    return made


def _validate_in_two(paths: list[Path], root: Path, refs: References, keep: bool) -> list[_Checked] | None:
    """`_validate_each` of every record in two processes, half each; None on a machine with one core.

    This process only receives the records: parsing leaves its memory fragmented (a third more at
    5,000 models, kept for the whole build), and the children's memory goes back when they end.
    """
    from concurrent.futures import ProcessPoolExecutor

    if (os.cpu_count() or 1) < 2:
        return None
    half = len(paths) // 2
    with ProcessPoolExecutor(2) as pool:  # any start method: the work is a module function on plain data
        parts = [pool.submit(_validate_in_worker, part, root, refs, keep) for part in (paths[:half], paths[half:])]
        return [checked for part in parts for checked in part.result()]


def load_catalogue(root: Path, *, drafts: bool = False, cache: RecordCache | None = None,
                   parallel: bool = True, two_processes: int = TWO_PROCESSES, units: str = "fetch") -> Catalogue:
    """Load and check ``root/models``; raise `InvalidRecords` with every problem if any is an error.

    Drafts are always validated; they are kept in the catalogue only when ``drafts`` is true. With a
    ``cache`` (``mohinh serve``), records whose file has not changed since the last call are not read
    again. ``parallel`` lets a catalogue of ``two_processes`` records or more be read by two processes.
    ``units`` says how the units of ``federation.yml`` are read (`federation.MODES`).
    """
    return _load_catalogue(Path(root), drafts, cache, parallel=parallel, two_processes=two_processes, units=units)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while records are read: parsing makes many small objects that all
    stay alive, and collecting them over and over cost a quarter of ``mohinh check``'s time.

    The collector is one switch for the whole process: pause it only where no other thread runs (``mohinh
    check``, ``mohinh build`` before MkDocs starts, worker processes), never inside MkDocs, whose preview
    runs a background thread."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_catalogue(root: Path, *, two_processes: int = TWO_PROCESSES) -> tuple[int, int, list[Problem]]:
    """What ``mohinh check`` reports: the number of records (drafts included) and of sources, and the
    warnings; raise `InvalidRecords` like `load_catalogue`, which does the same checks."""
    with collector_paused():  # the check command: no other thread
        checked = _load_catalogue(Path(root), True, None, keep=False, dated=False, two_processes=two_processes,
                                  units="none")
    return len(checked.records), len(checked.sources), checked.warnings


def _validate_in_worker(paths: list[Path], root: Path, refs: References, keep: bool) -> list[_Checked]:
    """`_validate_each` in a worker process (one thread: the collector may be paused)."""
    with collector_paused():
        return _validate_each(paths, root, refs, keep)


def _load_catalogue(root: Path, drafts: bool, cache: RecordCache | None, keep: bool = True,
                    parallel: bool = True, dated: bool = True, two_processes: int = TWO_PROCESSES,
                    units: str = "fetch") -> Catalogue:
    return _load_and_check(root, drafts, cache, keep, parallel and cache is None, dated, two_processes, units)


def _load_and_check(root: Path, drafts: bool, cache: RecordCache | None, keep: bool, parallel: bool,
                    dated: bool, two_processes: int = TWO_PROCESSES, units: str = "fetch") -> Catalogue:
    models_dir = root / "models"
    problems: list[Problem] = []
    vocab = _load_vocabularies(models_dir, root, problems)
    federated = _read_federation(root, problems)
    sources, named_sources = _load_sources(models_dir, root, problems, required=not (root / federation.FILE).is_file())
    records: list[Record] = []
    seen: dict[str, str] = {}
    paths = record_paths(models_dir)
    ids = {path.stem for path in paths}  # a record's id is its file name (any other id is refused)
    types, type_docs = _load_types(models_dir, root, problems)
    refs = References(named_sources, ids, vocab, root, set(type_docs) if type_docs is not None else None)
    validated = _validate_in_two(paths, root, refs, keep) if parallel and len(paths) >= two_processes else None
    checked: dict[str, list[Problem]] = {}  # references already checked, by record file
    for n, path in enumerate(paths):
        if validated is not None:
            record, found, referenced = validated[n]
            problems.extend(found)
            if record is not None:
                checked[record.path] = referenced
        else:
            record = cache.validate(path, root, problems, refs) if cache is not None else validate_record(path, root, problems, refs)
        if record is None:
            seen.setdefault(path.stem, _relative(path, root))
            continue
        if record.id in seen:
            problems.append(Problem(record.path, 1, 1, "id", f"mã `{record.id}` trùng với {seen[record.id]}",
                                    "mỗi mô hình một tệp; đổi tên một trong hai tệp"))
            continue
        seen[record.id] = record.path
        records.append(record)
    if cache is not None:
        cache.same_references(refs)
    for record in records:
        if record.path in checked:
            problems.extend(checked[record.path])
        elif cache is not None:
            cache.check_refs(record, refs, problems)
        else:
            _check_refs_with(record, refs, problems)
    _check_types(types, type_docs or {}, refs, problems)
    _register_written_sources(records, root, sources, problems)
    if any(not p.warning for p in problems) or vocab is None:
        raise InvalidRecords(problems)
    if validated is None:  # checked: the marks are let go (most of a record's memory), read again if asked
        for record in records:  # (the child processes let go of theirs before sending a record back)
            record._doc = None
    published = [r for r in records if drafts or not r.model.draft]
    first, last = history.record_dates(root) if dated else ({}, {})
    notes: list[Problem] = []
    unit_names: tuple[str, ...] = ()
    if federated is not None and units != "none":
        if cache is not None:  # `mohinh serve`: units are read once, and again when federation.yml changes
            stat = (root / federation.FILE).stat()
            key = (stat.st_mtime_ns, stat.st_size)
            units = "cache" if cache.federation_key == key else units
            cache.federation_key = key
        refs = References(named_sources, ids, vocab, root, set(type_docs) if type_docs is not None else None)
        read = _federate(root, federated[1], units, refs, sources, notes)
        published += read
        for record in read:
            assert record.unit is not None
            if record.unit.updated is not None:
                last[record.path] = record.unit.updated
            if record.unit.published is not None:
                first[record.path] = record.unit.published
        unit_names = tuple(dict.fromkeys(r.unit.name for r in read if r.unit is not None))
        if named_sources is None and type_docs:  # no source of its own: the types are checked against the units'
            late: list[Problem] = []
            _check_types(types, type_docs, References(set(sources), ids | {r.id for r in read}, vocab, root), late)
            if late:
                raise InvalidRecords(late)
    return Catalogue(
        root=root,
        records=tuple(sorted(published, key=lambda r: r.id)),
        sources=dict(sorted(sources.items())),
        topics={t.slug: t for t in vocab.topics},
        communities={t.slug: t for t in vocab.communities},
        warnings=tuple(sorted(problems)),
        funders={t.slug: t for t in vocab.funders},
        drafts_included=drafts,
        first_commits=first,
        last_commits=last,
        types=dict(sorted(types.items())),
        units=unit_names,
        own_unit=federated[0].name if federated is not None else None,
        notes=tuple(sorted(notes)),
    )


def _read_federation(root: Path, problems: list[Problem]) -> tuple[federation.Federation, list[federation.Unit]] | None:
    """``federation.yml``, when the site has one, checked like a record (file, line, fix); None without it or
    when it is wrong (its problems are errors: the site's own configuration)."""
    path = root / federation.FILE
    if not path.is_file():
        return None
    doc = _read(path, federation.FILE, problems, federation.Federation)
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        problems.append(Problem(federation.FILE, 1, 1, "", "tệp phải có dòng `units:` và danh sách các đơn vị",
                                "viết `units:`, rồi mỗi đơn vị hai dòng `- name: <tên đơn vị>` và "
                                "`  data: <địa chỉ /du-lieu/mo-hinh.json của đơn vị>`"))
        return None
    try:
        found = federation.Federation.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, doc, federation.Federation))
        return None
    units = federation.units(found, doc.position)
    duplicates = federation.duplicate_units(units)
    problems.extend(duplicates)
    return None if duplicates else (found, units)


def _source_data(source: Source) -> dict[str, Any]:
    """A source as a unit's open data gives it (no empty field), to tell the same source from another."""
    return {k: v for k, v in source.model_dump(mode="json", exclude_none=True).items() if v is not False}


def _federate(root: Path, units: list[federation.Unit], mode: str, refs: References, sources: dict[str, Source],
              notes: list[Problem]) -> list[Record]:
    """The records of every unit that passed the same validation and checks as a local record. A unit that
    cannot be read and a record that fails are told in ``notes``, one line each; ``sources`` gains the units'."""
    known = {sid: _source_data(s) for sid, s in sources.items()}
    entries: list[federation.Entry] = []
    for unit in units:
        data, note = federation.read(unit, root, mode)
        if note is not None:
            notes.append(note)
        if data is not None:
            entries += federation.entries(unit, data, known, notes)
    wrong_sources: dict[str, str] = {}
    for entry in entries:
        for sid, plain in entry.sources.items():
            if sid in sources or sid in wrong_sources:
                continue
            try:
                sources[sid] = Source.model_validate(plain)
            except ValidationError as exc:
                error = exc.errors(include_url=False)[0]
                message = error["ctx"]["message"] if error["type"] == "mohinh" else error["msg"]
                wrong_sources[sid] = f"{format_loc(tuple(error['loc']))}: {message}"
    ids = set(refs.ids) | {entry.id for entry in entries}
    unit_refs = References(set(refs.sources or ()) | set(sources), ids, refs.vocab, refs.root, refs.types)
    taken = set(refs.ids)
    read: list[Record] = []
    for entry in entries:
        path = f"{entry.unit.data}#{entry.original_id}"
        what: list[str] = []
        if entry.id in taken:
            what.append(f"mã `{entry.id}` đã có trên trang này")
        what += [f"nguồn `{sid}` sai ({wrong_sources[sid]})" for sid in entry.sources if sid in wrong_sources]
        doc = YamlDocument(path, entry.record)
        model = None
        found: list[Problem] = []
        if not what:
            try:
                model = Model.model_validate(entry.record)
            except ValidationError as exc:
                found = problems_from_validation(exc, doc, Model)
            else:
                _check_refs(entry.id, path, model, lambda doc=doc: doc, unit_refs, found)
        what += [f"{p.field}: {p.message}" if p.field else p.message for p in found if not p.warning]
        if what or model is None:
            notes.append(entry.unit.note(
                f"bỏ qua mô hình `{entry.original_id}`: " + "; ".join(what),
                "đơn vị sửa hồ sơ này (mohinh check) rồi dựng lại trang của mình; lần dựng sau của trang này sẽ có nó"))
            continue
        taken.add(entry.id)
        read.append(Record(model, path, doc, None, entry.publisher))
    return read


def _register_written_sources(records: list[Record], root: Path, sources: dict[str, Source],
                              problems: list[Problem]) -> None:
    """The sources written in records' ``sources:``, registered with those of ``models/_sources/`` (the record's
    own checks refuse an id a source file has); one id written in two records is an error."""
    where: dict[str, str] = {}
    for record in records:
        for i, entry in _written(record):
            if entry.id in where:
                loc = ("sources", i, "id")
                doc = record.doc if isinstance(record, Record) else load_yaml(root / record.path, record.path)
                line, column = doc.position(loc)
                problems.append(Problem(
                    record.path, line, column, format_loc(loc), f"nguồn `{entry.id}` đã được viết trong {where[entry.id]}",
                    f"mỗi nguồn chỉ viết một lần: chuyển nó thành tệp models/_sources/{entry.id}.yml (ví dụ bằng "
                    f"{SOURCE_COMMAND}) rồi ở cả hai hồ sơ chỉ ghi mã `- {entry.id}`; nếu là nguồn khác, đặt mã khác"))
                continue
            where[entry.id] = record.path
            sources[entry.id] = Source.model_construct(**{name: getattr(entry, name) for name in Source.model_fields})


def _load_types(models_dir: Path, root: Path, problems: list[Problem]) -> tuple[dict[str, ModelType], dict[str, YamlDocument] | None]:
    """The valid model types (``models/_types/<slug>.yml``), and the file of every type named (valid or not;
    None when the folder does not exist, so records' ``types`` are not checked against nothing)."""
    folder = models_dir / TYPES_FOLDER
    if not folder.is_dir():
        return {}, None
    types: dict[str, ModelType] = {}
    docs: dict[str, YamlDocument] = {}
    for path in sorted(p for p in folder.iterdir() if p.suffix in RECORD_SUFFIXES and p.is_file()):
        rel = _relative(path, root)
        if not is_slug(path.stem):
            problems.append(Problem(rel, 1, 1, "", f"tên tệp `{path.name}` không phải mã loại mô hình hợp lệ",
                                    "đặt tên tệp bằng chữ thường không dấu, số và dấu gạch ngang, ví dụ: camera-an-ninh.yml"))
            continue
        doc = _read(path, rel, problems)
        if doc is None:
            continue
        docs[path.stem] = doc
        try:
            types[path.stem] = ModelType.model_validate(doc.data)
        except ValidationError as exc:
            problems.extend(problems_from_validation(exc, doc, ModelType))
    return types, docs


def _check_types(types: dict[str, ModelType], docs: dict[str, YamlDocument], refs: References,
                 problems: list[Problem]) -> None:
    """A type's sources and official documents are named sources; every `seen_in` is a model or a source."""
    known = set(refs.ids) | set(refs.sources or ())
    for slug, model_type in types.items():
        doc = docs[slug]
        findings: list[Finding] = []
        for key in ("sources", "official"):
            for i, source_id in enumerate(getattr(model_type, key)):
                findings.extend(_source_finding((key, i), source_id, refs.sources))
        guidance = model_type.guidance
        for part in ("prerequisites", "steps", "resources", "indicators", "pitfalls"):
            for i, item in enumerate(getattr(guidance, part) if guidance is not None else []):
                for j, ref in enumerate(item.seen_in):
                    if refs.sources is not None and ref not in known:
                        guesses = did_you_mean(ref, known)
                        findings.append(Finding(
                            ("guidance", part, i, "seen_in", j), f"không có mô hình hay nguồn `{ref}`",
                            f"có phải ý bạn là `{guesses[0]}`?" if guesses else
                            "ghi mã (tên tệp) của mô hình trong models/ hoặc của nguồn trong models/_sources/"))
        for finding in findings:
            line, column = doc.position(finding.loc)
            problems.append(Problem(doc.path, line, column, format_loc(finding.loc), finding.message, finding.fix))


def check_record_text(root: Path, path: Path, text: str) -> list[Problem]:
    """Every error ``mohinh check`` would report if the record at ``path`` held ``text`` (warnings left
    out), with the record's own problems named after ``path``. Nothing is written."""
    import dataclasses
    import tempfile

    root = Path(root)
    rel = _relative(path, root)
    problems: list[Problem] = []
    models_dir = root / "models"
    with tempfile.TemporaryDirectory(prefix="mohinh-check-") as folder:
        candidate = Path(folder) / path.name  # same stem: the id check sees the real file name
        candidate.write_bytes(text.encode("utf-8"))
        vocabularies = _load_vocabularies(models_dir, root, problems)
        _, named_sources = _load_sources(models_dir, root, problems)
        _, type_docs = _load_types(models_dir, root, problems)
        refs = References(named_sources, {p.stem for p in record_paths(models_dir)}, vocabularies, root,
                          set(type_docs) if type_docs is not None else None)
        record = validate_record(candidate, root, problems, refs)
        if record is not None:
            _check_refs_with(record, refs, problems)
        shown = candidate.as_posix()
    return sorted(dataclasses.replace(p, path=rel) if p.path == shown else p for p in problems if not p.warning)
