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
    text = environment(None).get_template("new_record.yml.j2").render(
        name=name, province=resolved.name, today=(today or dt.date.today()).strftime("%d/%m/%Y")
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    return rel
