"""`mohinh add-update`: append a dated update to a record without disturbing the rest of the file.

The update is added by editing the YAML *text*: the new lines are inserted after the last update
(or as a new ``updates:`` block before ``sources:``), in the indentation the file already uses.
Every other byte of the file (comments, key order, quoting, blank lines, line endings) stays as
the officer wrote it. The resulting record goes through the same checks as ``mohinh check``, and
the parsed result is compared with the original plus the new update, before the file is replaced
atomically; a refused update leaves the file untouched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import yaml

from .catalogue import RECORD_SUFFIXES, check_record_text
from .errors import InvalidRecords, Problem, UnknownModel
from .load import YamlProblem, parse_yaml, read_text
from .text import is_slug, nfc

#: Keys an ``updates:`` block is placed before when a record has none yet (record-format order).
KEYS_AFTER_UPDATES = ("sources", "related", "media", "draft")
_CANNOT_EDIT_FIX = "thêm tin cập nhật bằng tay vào danh sách `updates:` của hồ sơ, rồi chạy `mohinh check`"


def record_file(root: Path, model_id: str) -> Path:
    """The record file of ``model_id`` (``models/<id>.yml`` or ``.yaml``); `UnknownModel` if none."""
    if not is_slug(model_id):
        raise UnknownModel(f"“{model_id}” không phải mã mô hình (mã là tên tệp trong models/, ví dụ bac-kan-ho-an-toan)")
    for suffix in RECORD_SUFFIXES:
        path = root / "models" / f"{model_id}{suffix}"
        if path.is_file():
            return path
    raise UnknownModel(f"không có mô hình “{model_id}” (không thấy tệp models/{model_id}.yml)")


def add_update(root: Path, model_id: str, title: str, date: str | None = None, text: str | None = None,
               source: str | None = None, *, today: dt.date | None = None) -> Path:
    """Append ``{date, title, text, source}`` to ``updates`` of the record; return its path relative to ``root``.

    ``date`` defaults to ``today`` (the machine's date) written the Vietnamese way (``15/09/2024``).
    Raises `UnknownModel` when there is no such record and `InvalidRecords` when the record with the
    new update would not pass ``mohinh check``; in both cases nothing is written.
    """
    root = Path(root)
    path = record_file(root, model_id)
    rel = path.relative_to(root).as_posix()
    try:
        read_text(path, rel)  # refuses huge files, a BOM and bytes that are not UTF-8
    except YamlProblem as exc:
        raise InvalidRecords([exc.problem]) from None
    raw = path.read_bytes()
    original = raw.decode("utf-8")  # edited as written, not NFC-normalised: untouched lines stay byte-identical
    entry = {"date": date or (today or dt.date.today()).strftime("%d/%m/%Y"), "title": nfc(title)}
    if text and text.strip():
        entry["text"] = "\n".join(line.rstrip() for line in nfc(text).replace("\r\n", "\n").strip().split("\n"))
    if source:
        entry["source"] = source
    new_text = append_update(original, entry, rel)
    errors = check_record_text(root, path, new_text)
    if errors:
        raise InvalidRecords(errors)
    _write_atomically(path, new_text.encode("utf-8"))
    return Path(rel)


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


# --- Editing the YAML text ---------------------------------------------------------------------------


def append_update(text: str, entry: dict[str, str], rel: str = "") -> str:
    """``text`` with ``entry`` appended to its ``updates`` list; every other line is left as it was.

    Raises `InvalidRecords` when the file is not a block mapping that can be edited safely (the
    officer is then asked to add the update by hand).
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    try:
        before = parse_yaml(text, rel).data
    except YamlProblem as exc:
        raise InvalidRecords([exc.problem]) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # pure-Python parser: marks are character indexes
    except yaml.YAMLError:
        root = None
    if not isinstance(root, yaml.MappingNode) or root.flow_style or not isinstance(before, dict):
        raise InvalidRecords([_cannot_edit(rel, 1, "hồ sơ không viết dạng các dòng `tên: giá trị` nên không tự thêm được")])
    found = {key.value: (key, value) for key, value in root.value if isinstance(key, yaml.ScalarNode)}
    if "updates" not in found:
        edited = _new_block(text, root, found, entry, newline)
    else:
        key, value = found["updates"]
        if isinstance(value, yaml.SequenceNode) and value.flow_style:
            edited = _into_flow(text, value, entry)
        elif isinstance(value, yaml.SequenceNode) and value.value:
            edited = _after_last_item(text, value, entry, newline)
        elif isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:null":
            edited = _replace_null(text, root, key, value, entry, newline)
        else:
            line = value.start_mark.line + 1
            raise InvalidRecords([Problem(rel, line, value.start_mark.column + 1, "updates", "phải là một danh sách",
                                          "viết dạng danh sách, mỗi tin bắt đầu bằng `- date: ...`")])
    _same_data_plus_entry(before, edited, entry, rel)
    return edited


def _cannot_edit(rel: str, line: int, message: str) -> Problem:
    return Problem(rel, line, 1, "updates", message, _CANNOT_EDIT_FIX)


def _same_data_plus_entry(before: dict, edited: str, entry: dict[str, str], rel: str) -> None:
    """Refuse an edit whose parsed result is not exactly the old record plus the new update."""
    try:
        after = parse_yaml(edited, rel).data
    except YamlProblem:
        after = None
    expected = dict(before)
    old = before.get("updates")
    expected["updates"] = [*(old if isinstance(old, list) else []), entry]
    same_order = isinstance(after, dict) and [k for k in after if k != "updates"] == [k for k in before if k != "updates"]
    if not same_order or after != expected:
        raise InvalidRecords([_cannot_edit(rel, 1, "không thêm được tin mà vẫn giữ nguyên phần còn lại của tệp")])


def scalar(value: str) -> str:
    """``value`` as a YAML block scalar on one line: plain when YAML reads it back unchanged, else quoted."""
    if value and value == value.strip() and "\n" not in value and "\t" not in value:
        try:
            if yaml.safe_load(f"k: {value}\n") == {"k": value}:
                return value
        except yaml.YAMLError:
            pass
    return "'" + value.replace("'", "''") + "'"


def _entry_lines(entry: dict[str, str], dash: int, offset: int) -> list[str]:
    """The update as block lines: ``- date: ...`` at column ``dash``, its keys ``offset`` further right."""
    lines: list[str] = []
    key_indent = " " * (dash + offset)
    for i, (name, value) in enumerate(entry.items()):
        lead = " " * dash + "-" + " " * (offset - 1) if i == 0 else key_indent
        if "\n" in value:
            lines.append(f"{lead}{name}: |-")
            lines.extend(f"{key_indent}  {line}" if line else "" for line in value.split("\n"))
        else:
            lines.append(f"{lead}{name}: {scalar(value)}")
    return lines


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _next_line(text: str, index: int) -> int:
    """Index of the start of the line after the one holding ``index`` (``len(text)`` at the end)."""
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def _insert_lines(text: str, at: int, lines: list[str], newline: str) -> str:
    block = newline.join(lines) + newline
    if at == len(text) and text and not text.endswith("\n"):
        block = newline + block
    return text[:at] + block + text[at:]


def _layout(seq: yaml.SequenceNode, text: str) -> tuple[int, int]:
    """(column of ``-``, distance from ``-`` to the item's keys) of a block sequence."""
    dash = seq.start_mark.column
    item = seq.value[0]
    same_line = item.start_mark.line == seq.start_mark.line
    offset = item.start_mark.column - dash if same_line and isinstance(item, yaml.MappingNode) else 2
    return dash, max(offset, 2)


def _house_layout(root: yaml.MappingNode, text: str) -> tuple[int, int]:
    """The layout the file uses for its lists of fields (``locations:``...), or two spaces and ``- ``."""
    for _, value in root.value:
        if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value \
                and isinstance(value.value[0], yaml.MappingNode) and not value.value[0].flow_style:
            return _layout(value, text)
    return 2, 2


def _after_last_item(text: str, seq: yaml.SequenceNode, entry: dict[str, str], newline: str) -> str:
    node: yaml.Node = seq.value[-1]
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    end = node.end_mark.index
    if node.end_mark.column == 0 and end > 0 and text[end - 1] == "\n":  # a block scalar took its line break
        at = end
        header = text[node.start_mark.index:_next_line(text, node.start_mark.index)].split("#")[0]
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">") and "+" not in header:
            while at > 0:  # step back over the blank lines a block scalar swallowed
                previous = _line_start(text, at - 1)
                if text[previous:at].strip():
                    break
                at = previous
    else:
        at = _next_line(text, end)
    return _insert_lines(text, at, _entry_lines(entry, *_layout(seq, text)), newline)


def _into_flow(text: str, seq: yaml.SequenceNode, entry: dict[str, str]) -> str:
    close = seq.end_mark.index - 1
    items = ", ".join(f"{name}: {json.dumps(value, ensure_ascii=False)}" for name, value in entry.items())
    head = text[:close].rstrip()
    separator = ", " if seq.value else ""
    return head + separator + "{" + items + "}" + text[close:]


def _replace_null(text: str, root: yaml.MappingNode, key: yaml.Node, value: yaml.ScalarNode,
                  entry: dict[str, str], newline: str) -> str:
    if value.end_mark.index > value.start_mark.index:  # `updates: null` or `updates: ~`: drop the word
        text = text[:value.start_mark.index].rstrip(" ") + text[value.end_mark.index:]
    at = _next_line(text, key.end_mark.index)
    dash, offset = _house_layout(root, text)
    return _insert_lines(text, at, _entry_lines(entry, key.start_mark.column + dash, offset), newline)


def _new_block(text: str, root: yaml.MappingNode, found: dict[str, tuple[yaml.Node, yaml.Node]],
               entry: dict[str, str], newline: str) -> str:
    dash, offset = _house_layout(root, text)
    lines = ["updates:", *_entry_lines(entry, dash, offset)]
    following = [found[k][0] for k in KEYS_AFTER_UPDATES if k in found]
    if not following:
        return _insert_lines(text, len(text), lines, newline)
    at = _line_start(text, min(k.start_mark.index for k in following))
    while at > 0:  # keep the comment lines written just above `sources:` with it
        previous = _line_start(text, at - 1)
        if not text[previous:at].startswith("#"):
            break
        at = previous
    return _insert_lines(text, at, lines, newline)
