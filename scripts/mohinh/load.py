"""Safe YAML reading that keeps the line and column of every key and value.

Only plain YAML is accepted: no tags (``!!python/object``), no anchors or aliases (alias bombs),
no duplicate keys. Every refusal is a `Problem` in Vietnamese that names the line and a fix.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

try:  # libyaml's C parser is ~10x faster; the pure-Python one gives the same nodes and marks.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

# First characters a plain scalar needs to be anything but text (numbers, dates, true/false, null...).
_TYPED_STARTS = frozenset(k for k in _BaseLoader.yaml_implicit_resolvers if k is not None)
_SCALAR_DEFAULT = "tag:yaml.org,2002:str"


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader, with a shortcut for the common case of resolving a tag: plain text.

    Plain values that only YAML 1.1 reads as something else than text are text, as YAML 1.2 (and the web
    editor's writer, which leaves them unquoted) reads them: ``yes``, ``off``, ``22:00``, ``1_000``, ``0b11``,
    ``=``, ``2001-12-14 21:59``. ``true``/``false``, numbers and dates written ``2018-10-02`` are unchanged.
    """

    def resolve(self, kind, value, implicit):  # noqa: ANN001, ANN201 - PyYAML's signature
        if kind is yaml.ScalarNode and (not implicit[0] or (value and value[0] not in _TYPED_STARTS)):
            return _SCALAR_DEFAULT
        tag = super().resolve(kind, value, implicit)
        if kind is yaml.ScalarNode and implicit[0] and _yaml11_only(tag, value):
            return _SCALAR_DEFAULT
        return tag


def _yaml11_only(tag: str, value: str) -> bool:
    """Whether YAML 1.1 alone reads the plain ``value`` as ``tag`` (YAML 1.2 reads it as text)."""
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() not in ("true", "false")
    if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        return ":" in value or "_" in value or value.lstrip("+-").lower().startswith("0b")
    if tag == "tag:yaml.org,2002:timestamp":
        return len(value) > len("2018-10-02")
    return tag in ("tag:yaml.org,2002:value", "tag:yaml.org,2002:merge")


_YAML11_BOOLS = {"yes": True, "Yes": True, "YES": True, "on": True, "On": True, "ON": True,
                 "no": False, "No": False, "NO": False, "off": False, "Off": False, "OFF": False}
_YAML11_NUMBER = re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?$")


def yaml11_reading(value: Any) -> Any:
    """What a flag or a number written the YAML 1.1 way (``yes``, ``off``, ``76_303``) meant before the loader
    read such plain values as text: the schema's flag and number fields accept them, so a record that was
    valid stays valid. Any other value is returned as it is."""
    if isinstance(value, str):
        if value in _YAML11_BOOLS:
            return _YAML11_BOOLS[value]
        if "_" in value and _YAML11_NUMBER.match(value):
            digits = value.replace("_", "")
            return float(digits) if "." in digits else int(digits)
    return value


MAX_BYTES = 1_000_000
Loc = tuple[Any, ...]

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_constructor = yaml.constructor.SafeConstructor()


class SourceFloat(float):
    """A float that remembers how it was written, so ``76.303`` can be told from ``76.3``."""

    source: str

    def __new__(cls, value: float, source: str) -> SourceFloat:
        obj = super().__new__(cls, value)
        obj.source = source
        return obj

    def __reduce__(self) -> tuple[type[SourceFloat], tuple[float, str]]:  # pickled by `mohinh check`'s second process
        return SourceFloat, (float(self), self.source)


@dataclass
class YamlDocument:
    """A parsed YAML file: its plain data and where each part of it stands."""

    path: str
    data: Any
    value_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of ``loc``, or of its nearest parent that exists."""
        loc = tuple(loc)
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        while loc:
            if loc in self.value_marks:
                return self.value_marks[loc]
            if loc in self.key_marks:
                return self.key_marks[loc]
            loc = loc[:-1]
        return self.value_marks.get((), (1, 1))


class YamlProblem(Exception):
    """The file is not plain, safe YAML; ``problem`` says where and why. ``recovered`` are readings of the
    file with the mistake set right in the ways it likely was meant (each Tab as two or four spaces, or
    none), so that its other mistakes are told too."""

    def __init__(self, problem: Problem, recovered: tuple[YamlDocument, ...] = ()) -> None:
        super().__init__(str(problem))
        self.problem = problem
        self.recovered = recovered


def _problem(path: str, line: int, column: int, message: str, fix: str) -> YamlProblem:
    return YamlProblem(Problem(path, line, column, "", message, fix))


_YAML_MESSAGES: list[tuple[str, str, str]] = [
    (
        "\t",
        "có ký tự Tab; YAML chỉ cho phép thụt lề bằng dấu cách",
        "thay mỗi Tab bằng dấu cách (thường là 2 dấu cách)",
    ),
    (
        "could not find expected ':'",
        "thiếu dấu hai chấm sau tên trường",
        "viết dạng `tên_trường: giá trị`",
    ),
    (
        "expected <block end>, but found",
        "thụt lề không thẳng hàng",
        "các trường cùng cấp phải thụt lề bằng nhau",
    ),
    (
        "did not find expected '-' indicator",
        "thụt lề của danh sách không thẳng hàng",
        "mỗi phần tử danh sách bắt đầu bằng `- ` và thẳng hàng với nhau",
    ),
    (
        "did not find expected key",
        "thụt lề không thẳng hàng hoặc thiếu dấu hai chấm",
        "các trường cùng cấp phải thụt lề bằng nhau, dạng `tên_trường: giá trị`",
    ),
    (
        "but found another document",
        "tệp có hơn một phần YAML (dòng `---`)",
        "mỗi tệp chỉ chứa một mô hình: xóa dòng `---`, chuyển phần sau sang một tệp mới",
    ),
    (
        "found undefined alias",
        "có bí danh YAML (*tên) không được phép",
        "viết lại nội dung thay vì dùng & và *",
    ),
]

# Problems that YAML finds far from their cause (often at the end of the file): reported where they open.
_OPENED_HERE: list[tuple[str, str, str]] = [
    (
        "while scanning a quoted scalar",
        "dấu QUOTE mở ở đây chưa được đóng",
        "thêm dấu QUOTE đóng ở cuối giá trị",
    ),
    (
        "while parsing a flow sequence",
        "danh sách mở bằng `[` ở đây chưa được đóng",
        "thêm `]` ở cuối danh sách; các phần tử cách nhau bằng dấu phẩy",
    ),
    (
        "while parsing a flow mapping",
        "nhóm mở bằng `{` ở đây chưa được đóng",
        "thêm `}` ở cuối nhóm, hoặc viết mỗi trường trên một dòng",
    ),
]

_BARE_KEY = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*\s*$")


def _translate(exc: yaml.YAMLError, source: str = "") -> tuple[str, str, Any]:
    """A Vietnamese message and fix for a YAML error, and the mark (position) to report it at."""
    text = str(exc)
    lines = source.splitlines()
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    context = getattr(exc, "context_mark", None)
    line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    if mark is not None and "cannot start any token" in text and "\t" in line:
        text = "\t"
    if context is not None:
        for needle, message, fix in _OPENED_HERE:
            if needle in text:
                opened = lines[context.line][context.column:context.column + 1] if context.line < len(lines) else '"'
                quote = "nháy đơn `'`" if opened == "'" else 'ngoặc kép `"`'
                return message.replace("QUOTE", quote), fix.replace("QUOTE", quote), context
    if "mapping values are not allowed" in text and mark is not None:
        if _BARE_KEY.match(line[: mark.column]):
            return ("thụt lề sai: trường này thụt vào sâu hơn các trường cùng nhóm",
                    "các trường cùng cấp phải thụt lề bằng nhau (so với dòng trên)", mark)
        return ("giá trị có dấu hai chấm và dấu cách (': ') mà không đặt trong ngoặc kép",
                'đặt cả giá trị trong ngoặc kép, ví dụ: name: "Mô hình: Tiếng kẻng"', mark)
    for needle, message, fix in _YAML_MESSAGES:
        if needle in text:
            return message, fix, mark
    problem = getattr(exc, "problem", None) or text.splitlines()[0]
    return f"YAML không hợp lệ ({problem})", "kiểm tra dấu hai chấm, thụt lề và ngoặc kép ở dòng này", mark


def read_text(path: Path, rel: str) -> str:
    """Read a record file as NFC text, refusing huge files, bad bytes and a BOM."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _problem(
            rel, 1, 1,
            f"tệp quá lớn ({size:,} byte; tối đa {MAX_BYTES:,} byte)".replace(",", "."),
            "mỗi tệp chỉ chứa một mô hình; chuyển ảnh vào models/media/ và rút gọn nội dung",
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _problem(
            rel, line, column, "tệp không phải UTF-8 (có byte không đọc được)",
            "mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8",
        ) from None
    if raw.startswith(b"\xef\xbb\xbf"):  # told after bad bytes: saving as UTF-8 again may fix both
        raise _problem(
            rel, 1, 1, "tệp bắt đầu bằng dấu BOM", "lưu lại tệp dạng UTF-8 không có BOM (UTF-8 without BOM)"
        )
    return unicodedata.normalize("NFC", text)


_INDENT_TAB = re.compile(r"^[ \t]*\t", re.M)


def parse_yaml(text: str, rel: str) -> YamlDocument:
    """Parse ``text`` into plain Python data with marks; raise `YamlProblem` on anything unsafe."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        tab = _INDENT_TAB.search(text)
        if tab is not None:  # a Tab in an indent: told as such wherever YAML stumbled over it
            line = text.count("\n", 0, tab.end()) + 1
            column = tab.end() - (text.rfind("\n", 0, tab.end()) + 1)
            _, message, fix = _YAML_MESSAGES[0]
            aligned = _aligned_indent(text, line)
            readings = []
            if aligned is not None:  # the Tab's line aligned with the line above: the likeliest meaning
                fix, fitted = aligned
                try:
                    readings.append(parse_yaml(fitted, rel))
                except YamlProblem:
                    pass
            for spaces in ("  ", "    ", ""):  # the rest of the file, read as the Tab was likely meant
                try:
                    readings.append(parse_yaml(text.replace("\t", spaces), rel))
                except YamlProblem:
                    pass
            raise YamlProblem(Problem(rel, line, column, "", message, fix), tuple(readings)) from None
        message, fix, mark = _translate(exc, text)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise _problem(rel, line, column, message, fix) from None
    except yaml.YAMLError as exc:
        message, fix, _ = _translate(exc)
        raise _problem(rel, 1, 1, message, fix) from None
    if "&" in text and "*" in text:
        _refuse_aliases(text, rel)
    doc = YamlDocument(rel, None)
    if root is None:
        raise _problem(rel, 1, 1, "tệp rỗng", "điền nội dung mô hình; chạy `mohinh new` để có tệp mẫu")
    seen: set[int] = set()
    doc.data = _build(root, (), doc, seen)
    return doc


def _aligned_indent(text: str, line: int) -> tuple[str, str] | None:
    """For a Tab in the indent of ``line`` (1-based): the fix that fits, aligning the line with the one above
    (inside a list, with the first word after its ``- ``), and the text so fixed; None if nothing is above."""
    lines = text.split("\n")
    above = next((n for n in range(line - 2, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")), None)
    if above is None:
        return None
    previous = lines[above]
    indent = len(previous) - len(previous.lstrip(" "))
    item = re.match(r"-\s+", previous[indent:])
    column = indent + (item.end() if item else 0)
    own = lines[line - 1]
    rest = own.lstrip(" \t")
    if rest.startswith("- ") and not item:
        return None  # a new list item: its indent depends on the list, not on the line above
    lines[line - 1] = " " * column + rest
    word = previous[column:].split(":", 1)[0].strip()
    if item:
        fix = (f"thay Tab bằng dấu cách; trong danh sách, các trường của một phần tử thẳng hàng với chữ đầu tiên "
               f"sau `- `: ở đây là {column} dấu cách, thẳng hàng với `{word}` ở dòng {above + 1}")
    else:
        fix = (f"thay Tab bằng dấu cách, thẳng hàng với `{word}` ở dòng {above + 1} ({column} dấu cách)"
               if column else "xóa Tab ở đầu dòng")
    return fix, "\n".join(lines)


def _refuse_aliases(text: str, rel: str) -> None:
    """Point at the first alias (``*name``): aliases can multiply a small file into gigabytes."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            raise _problem(rel, mark.line + 1, mark.column + 1, "có neo/bí danh YAML (& và *), không được phép",
                           "viết lại nội dung thay vì dùng & và *")


def load_yaml(path: Path, rel: str) -> YamlDocument:
    """Read and parse one YAML file (see `read_text` and `parse_yaml`)."""
    return parse_yaml(read_text(path, rel), rel)


_NUMBER_LIKE = re.compile(r"^[-+]?\d")


def _build(node: yaml.Node, loc: Loc, doc: YamlDocument, seen: set[int]) -> Any:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if id(node) in seen:
        raise _problem(
            doc.path, line, column, "có neo/bí danh YAML (& và *), không được phép",
            "viết lại nội dung thay vì dùng & và *",
        )
    seen.add(id(node))
    doc.value_marks[loc] = (line, column)
    if isinstance(node, yaml.MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            raise _tag_problem(doc.path, line, column, node.tag)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise _problem(
                    doc.path, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    "tên trường không hợp lệ", "tên trường là chữ thường không dấu, ví dụ `name:`",
                )
            key = key_node.value
            key_pos = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first = doc.key_marks[(*loc, key)]
                raise _problem(
                    doc.path, *key_pos,
                    f"trường `{key}` xuất hiện hai lần (lần đầu ở dòng {first[0]})",
                    "gộp hai phần vào một trường, xóa phần thừa",
                )
            doc.key_marks[(*loc, key)] = key_pos
            result[key] = _build(value_node, (*loc, key), doc, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            raise _tag_problem(doc.path, line, column, node.tag)
        return [_build(item, (*loc, i), doc, seen) for i, item in enumerate(node.value)]
    if node.tag not in _SCALAR_TAGS:
        raise _tag_problem(doc.path, line, column, node.tag)
    if node.tag in (_STR, "tag:yaml.org,2002:timestamp"):
        return node.value
    if node.tag == "tag:yaml.org,2002:float":
        value = _constructor.construct_yaml_float(node)
        return SourceFloat(value, node.value) if _NUMBER_LIKE.match(node.value) else node.value
    if node.tag == "tag:yaml.org,2002:int":
        return _constructor.construct_yaml_int(node)
    if node.tag == "tag:yaml.org,2002:bool":
        return _constructor.construct_yaml_bool(node)
    return None


def _tag_problem(path: str, line: int, column: int, tag: str) -> YamlProblem:
    return _problem(
        path, line, column, f"thẻ YAML `{tag.replace('tag:yaml.org,2002:', '!!')}` không được phép",
        "bỏ thẻ bắt đầu bằng `!`; hồ sơ chỉ chứa văn bản, số, danh sách",
    )
