"""`mohinh new`: a commented record to start from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import places
from .errors import MohinhError, RecordExists
from .templating import environment
from .text import slug


def new_record(root: Path, name: str, province: str, *, model_id: str | None = None,
               today: dt.date | None = None) -> Path:
    """Write ``models/<id>.yml`` from the commented template and return its path relative to ``root``.

    The province is checked first; an existing file is never overwritten.
    """
    resolved = places.resolve_province(province)
    if resolved is None:
        guesses = places.suggest_provinces(province)
        hint = f" Có phải ý bạn là {' hoặc '.join(guesses)}?" if guesses else ""
        raise MohinhError(f"không nhận ra tỉnh, thành phố “{province}”.{hint}")
    model_id = model_id or slug(f"{resolved.name} {name}")[:80].rstrip("-")
    if not model_id or slug(model_id) != model_id:
        raise MohinhError(f"mã “{model_id}” không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang")
    rel = Path("models") / f"{model_id}.yml"
    path = root / rel
    if path.exists():
        raise RecordExists(f"{rel.as_posix()} đã có; không ghi đè. Sửa tệp đó, hoặc chọn mã khác bằng --id")
    types_folder = root / "models" / "_types"
    types = sorted(p.stem for p in types_folder.glob("*.yml")) if types_folder.is_dir() else []
    text = environment(None).get_template("new_record.yml.j2").render(
        name=name, province=resolved.name, today=(today or dt.date.today()).strftime("%d/%m/%Y"), types=types
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    return rel


def new_source(root: Path, *, title: str, date: str, url: str | None = None, publisher: str | None = None,
               source_id: str | None = None) -> Path:
    """Write ``models/_sources/<id>.yml`` (one source a file) and return its path relative to ``root``.

    The id defaults to the publisher and title as a slug. The source is checked as `mohinh check` checks it
    before anything is written; an existing source (a file, or an id in the former ``_sources.yml``) is never
    overwritten.
    """
    import json

    from pydantic import ValidationError

    from .catalogue import SOURCES_FILE, SOURCES_FOLDER
    from .load import parse_yaml
    from .schema import Source

    source_id = source_id or slug(" ".join(filter(None, (publisher, title))))[:60].rstrip("-")
    if not source_id or slug(source_id) != source_id:
        raise MohinhError(f"mã nguồn “{source_id}” không hợp lệ. Cách sửa: dùng --id với chữ thường không dấu, số và "
                          "dấu gạch ngang, ví dụ: --id bao-khanh-hoa-2024-10")
    rel = Path("models") / SOURCES_FOLDER / f"{source_id}.yml"
    path = root / rel
    former = root / "models" / SOURCES_FILE
    if path.exists() or (former.is_file() and f"\n{source_id}:" in "\n" + former.read_text(encoding="utf-8")):
        raise RecordExists(f"nguồn `{source_id}` đã có; không ghi đè. Cách sửa: dùng mã đó trong hồ sơ, hoặc chọn mã "
                           "khác bằng --id")
    fields = {"title": title, "publisher": publisher, "date": date, "url": url}
    text = "".join(f"{key}: {json.dumps(' '.join(value.split()), ensure_ascii=False)}\n"
                   for key, value in fields.items() if value)
    try:
        Source.model_validate(parse_yaml(text, rel.as_posix()).data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        name = error["loc"][0] if error["loc"] else ""
        ctx = error.get("ctx") or {}
        told = f"{ctx['message']}. Cách sửa: {ctx['fix']}" if "message" in ctx else error["msg"]
        raise MohinhError(f"--{name}: {told}") from None
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    return rel
