"""`mohinh add-update`: append a dated update to a record, keeping its comments and layout."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .catalogue import SOURCES_FILE, _load_sources, problems_from_validation
from .errors import InvalidRecords, Problem, UnknownModel
from .load import YamlProblem, parse_yaml, read_text
from .schema import Model


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap an officer's lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def add_update(root: Path, model_id: str, *, title: str, date: str | None = None, text: str | None = None,
               source: str | None = None, today: dt.date | None = None) -> Path:
    """Append ``{date, title, text, source}`` to ``updates`` of ``models/<id>.yml``; return the file's path.

    The new record is validated (date, Markdown, source id) before anything is written; the file is
    replaced atomically, so a refused update leaves it byte for byte as it was.
    """
    rel = f"models/{model_id}.yml"
    path = root / rel
    if not path.is_file():
        raise UnknownModel(f"không có mô hình “{model_id}” (không thấy tệp {rel})")
    original = read_text(path, rel)
    yaml = _yaml()
    data = yaml.load(original)
    entry = CommentedMap()
    entry["date"] = date or (today or dt.date.today()).strftime("%d/%m/%Y")
    entry["title"] = title
    if text:
        entry["text"] = text
    if source:
        entry["source"] = source
    if "updates" in data and isinstance(data["updates"], list):
        data["updates"].append(entry)
    else:
        keys = list(data.keys())
        position = keys.index("sources") if "sources" in keys else len(keys)
        data.insert(position, "updates", CommentedSeq([entry]))
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    new_text = buffer.getvalue()
    _validate(root, rel, new_text)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(new_text, encoding="utf-8")
    os.replace(temporary, path)
    return Path(rel)


def _validate(root: Path, rel: str, text: str) -> None:
    problems: list[Problem] = []
    try:
        doc = parse_yaml(text, rel)
        model = Model.model_validate(doc.data)
    except YamlProblem as exc:
        raise InvalidRecords([exc.problem]) from None
    except ValidationError as exc:
        raise InvalidRecords(problems_from_validation(exc, doc, Model)) from None
    sources, _ = _load_sources(root / "models", root, problems)
    last = len(model.updates) - 1
    source = model.updates[last].source
    if source is not None and source not in sources:
        line, column = doc.position(("updates", last, "source"))
        problems.append(Problem(rel, line, column, f"updates[{last}].source",
                                f"không có nguồn `{source}` trong models/{SOURCES_FILE}",
                                "thêm nguồn vào models/_sources.yml trước, rồi chạy lại lệnh"))
    errors = [p for p in problems if not p.warning]
    if errors:
        raise InvalidRecords(errors)
