"""Replication kits: the checklist of a model as Word (.docx), Markdown and CSV, for communes copying it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from .render import ModelView
from .text import csv_cell

if TYPE_CHECKING:
    from .site import BuildState

FONT = "Times New Roman"
STEP_COLUMNS = ["Bước", "Việc cần làm", "Người phụ trách", "Thời hạn", "Đã xong", "Ghi chú"]
TITLE = "Danh sách việc cần làm để nhân rộng mô hình"


@dataclass(frozen=True)
class Checklist:
    """What a commune needs to copy one model, in order."""

    view: ModelView

    @property
    def steps(self) -> list[tuple[int, str, str, str]]:
        rep = self.view.m.replication
        return [(i, s.title, s.who or "", s.when or "") for i, s in enumerate(rep.steps if rep else [], 1)]

    @property
    def prerequisites(self) -> list[str]:
        rep = self.view.m.replication
        return list(rep.prerequisites) if rep else []

    @property
    def resources(self) -> list[str]:
        rep = self.view.m.replication
        return list(rep.resources) if rep else []

    @property
    def indicators(self) -> list[str]:
        rep = self.view.m.replication
        return list(rep.indicators) if rep else []

    @property
    def pitfalls(self) -> list[str]:
        rep = self.view.m.replication
        return [*(rep.pitfalls if rep else []), *(f"Hạn chế đã gặp: {x}" for x in self.view.m.limitations)]

    @property
    def sources(self) -> list[str]:
        return [f"{s.title}, {s.date.display}" + (f", {s.url}" if s.url else "") for _, s in self.view.sources]


def has_kit(view: ModelView) -> bool:
    """A model gets a kit when its record has a ``replication`` section."""
    return view.m.replication is not None


def _font(run_or_style, size: int | None = None) -> None:
    run_or_style.font.name = FONT
    if size:
        run_or_style.font.size = Pt(size)
    properties = run_or_style.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = properties.makeelement(qn("w:lang"), {})
        properties.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def docx_bytes(checklist: Checklist) -> bytes:
    """The checklist as an editable Word file; byte-identical for the same record."""
    view = checklist.view
    document = Document()
    for style in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet"):
        _font(document.styles[style])
    _font(document.styles["Normal"], 12)
    document.add_heading(TITLE, level=0)
    document.add_heading(view.m.name, level=1)
    document.add_paragraph(view.m.summary)
    document.add_paragraph("Xã, phường, thị trấn: ................................................................")
    document.add_paragraph("Người phụ trách: ........................................  Ngày bắt đầu: ....../....../..........")
    document.add_heading("Các bước thực hiện", level=2)
    table = document.add_table(rows=1, cols=len(STEP_COLUMNS))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, STEP_COLUMNS, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for number, title, who, when in checklist.steps:
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text, row[3].text = str(number), title, who, when
        row[4].text = "☐"
        row[4].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for heading, items in (("Điều kiện cần có", checklist.prerequisites), ("Nguồn lực", checklist.resources),
                           ("Chỉ số theo dõi", checklist.indicators), ("Điều cần tránh", checklist.pitfalls),
                           ("Nguồn", checklist.sources)):
        if items:
            document.add_heading(heading, level=2)
            for item in items:
                document.add_paragraph(item, style="List Bullet")
    fixed = dt.datetime.combine(view.published.first_day, dt.time())
    core = document.core_properties
    core.title, core.subject, core.author, core.language = TITLE, view.m.name, "mohinh", "vi-VN"
    core.created = core.modified = core.last_printed = fixed
    core.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    return _stable_zip(raw.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and sorted entries, so two builds give the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        ordered = ["[Content_Types].xml"] + sorted(n for n in names if n != "[Content_Types].xml")
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name))
    return out.getvalue()


def csv_bytes(checklist: Checklist) -> bytes:
    """The checklist as CSV (UTF-8 with BOM for Excel; formula-like cells neutralised)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["Loại", *STEP_COLUMNS])
    for number, title, who, when in checklist.steps:
        writer.writerow([csv_cell(c) for c in ("Bước", number, title, who, when, "", "")])
    for kind, items in (("Điều kiện", checklist.prerequisites), ("Nguồn lực", checklist.resources),
                        ("Chỉ số", checklist.indicators), ("Cần tránh", checklist.pitfalls)):
        for item in items:
            writer.writerow([csv_cell(c) for c in (kind, "", item, "", "", "", "")])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def markdown_text(checklist: Checklist) -> str:
    """The checklist as plain Markdown with task boxes, for any editor."""
    view = checklist.view
    lines = [f"# {TITLE}", "", f"**{view.m.name}**", "", "Xã, phường, thị trấn: ....................",
             "", "Người phụ trách: ....................", "", "## Các bước thực hiện", ""]
    for number, title, who, when in checklist.steps:
        extra = "".join([f" — Phụ trách: {who}" if who else "", f" — Thời gian: {when}" if when else ""])
        lines.append(f"- [ ] {number}. {title}{extra}")
    for heading, items in (("Điều kiện cần có", checklist.prerequisites), ("Nguồn lực", checklist.resources),
                           ("Chỉ số theo dõi", checklist.indicators), ("Điều cần tránh", checklist.pitfalls),
                           ("Nguồn", checklist.sources)):
        if items:
            lines += ["", f"## {heading}", "", *(f"- {item}" for item in items)]
    return "\n".join(lines) + "\n"


def kit_files(views: list[ModelView]) -> dict[str, bytes]:
    """``mo-hinh/<id>/checklist.docx|.csv`` for every model with a kit, by site path.

    ``checklist.md`` is written by `write_markdown_kits` after the build: MkDocs would take a
    generated ``.md`` file for a page to render.
    """
    files: dict[str, bytes] = {}
    for view in views:
        if has_kit(view):
            checklist = Checklist(view)
            base = f"mo-hinh/{view.id}/checklist"
            files[f"{base}.docx"] = docx_bytes(checklist)
            files[f"{base}.csv"] = csv_bytes(checklist)
    return files


def write_markdown_kits(state: BuildState, site_dir: Path) -> None:
    """Post-build step: ``mo-hinh/<id>/checklist.md`` for every model with a kit."""
    for view in state.renderer.models:
        if has_kit(view):
            target = site_dir / "mo-hinh" / view.id / "checklist.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown_text(Checklist(view)), encoding="utf-8")
