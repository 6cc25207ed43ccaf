"""Replication kits: the checklist of a model as Word (.docx), Markdown and CSV, for communes copying it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.phys_pkg import _ZipPkgWriter
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
    """What a commune needs to copy one model, in order (plain data: it is sent to a worker process)."""

    model_id: str
    name: str
    summary: str
    published: dt.date
    steps: list[tuple[int, str, str, str]]
    prerequisites: list[str]
    resources: list[str]
    indicators: list[str]
    pitfalls: list[str]
    sources: list[str]

    @classmethod
    def of(cls, view: ModelView) -> Checklist:
        """The checklist of a model with a ``replication`` section."""
        rep = view.m.replication
        assert rep is not None
        return cls(
            model_id=view.id, name=view.m.name, summary=view.m.summary, published=view.published.first_day,
            steps=[(i, s.title, s.who or "", s.when or "") for i, s in enumerate(rep.steps, 1)],
            prerequisites=list(rep.prerequisites), resources=list(rep.resources), indicators=list(rep.indicators),
            pitfalls=[*rep.pitfalls, *(f"Hạn chế đã gặp: {x}" for x in view.m.limitations)],
            sources=[f"{src.title}, {src.date.display}" + (f", {src.url}" if src.url else "") for _, src in view.sources],
        )


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


KEPT_STYLES = {"Normal", "Title", "TitleChar", "Heading1", "Heading1Char", "Heading2", "Heading2Char", "ListBullet",
               "TableGrid", "TableNormal", "DefaultParagraphFont", "NoList"}


@lru_cache(maxsize=1)
def _template() -> bytes:
    """python-docx's default document trimmed to the styles a checklist uses, Vietnamese fonts set.

    The default template carries ~800 KB of styles that would be compressed again for every kit.
    """
    document = Document()
    for style in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet"):
        _font(document.styles[style])
    _font(document.styles["Normal"], 12)
    styles = document.styles.element
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) not in KEPT_STYLES:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    for part_rels in (document.part.rels, document.part.package.rels):
        for rel_id, rel in list(part_rels.items()):
            if rel.reltype.endswith(("/stylesWithEffects", "/thumbnail")):
                del part_rels[rel_id]
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def docx_bytes(checklist: Checklist) -> bytes:
    """The checklist as an editable Word file; byte-identical for the same record."""
    document = Document(io.BytesIO(_template()))
    # Styles are set by id: python-docx's lookup by name costs ~1 ms a paragraph (1,000 kits = minutes).
    def paragraph(text: str, style_id: str | None = None) -> None:
        added = document.add_paragraph(text)
        if style_id:
            added._p.style = style_id

    paragraph(TITLE, "Title")
    paragraph(checklist.name, "Heading1")
    paragraph(checklist.summary)
    paragraph("Xã, phường, thị trấn: ................................................................")
    paragraph("Người phụ trách: ........................................  Ngày bắt đầu: ....../....../..........")
    paragraph("Các bước thực hiện", "Heading2")
    table = document.add_table(rows=1, cols=len(STEP_COLUMNS))
    table._tbl.tblPr.get_or_add_tblStyle().val = "TableGrid"
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
            paragraph(heading, "Heading2")
            for item in items:
                paragraph(item, "ListBullet")
    fixed = dt.datetime.combine(checklist.published, dt.time())
    core = document.core_properties
    core.title, core.subject, core.author, core.language = TITLE, checklist.name, "mohinh", "vi-VN"
    core.created = core.modified = core.last_printed = fixed
    core.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def _write_with_fixed_time(self: _ZipPkgWriter, pack_uri: object, blob: bytes) -> None:
    """python-docx stamps zip entries with the current time; a fixed one makes builds reproducible."""
    info = zipfile.ZipInfo(pack_uri.membername, date_time=(1980, 1, 1, 0, 0, 0))  # type: ignore[attr-defined]
    info.compress_type = zipfile.ZIP_DEFLATED
    self._zipf.writestr(info, blob)


_ZipPkgWriter.write = _write_with_fixed_time  # type: ignore[method-assign]


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
    lines = [f"# {TITLE}", "", f"**{checklist.name}**", "", "Xã, phường, thị trấn: ....................",
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


def kit_files(checklists: list[Checklist]) -> dict[str, bytes]:
    """``mo-hinh/<id>/checklist.docx|.csv|.md`` for every checklist, by site path."""
    files: dict[str, bytes] = {}
    for checklist in checklists:
        base = f"mo-hinh/{checklist.model_id}/checklist"
        files[f"{base}.docx"] = docx_bytes(checklist)
        files[f"{base}.csv"] = csv_bytes(checklist)
        files[f"{base}.md"] = markdown_text(checklist).encode("utf-8")
    return files


def start_kits(views: list[ModelView]) -> Future[dict[str, bytes]]:
    """Make every kit in a worker process while MkDocs renders the pages (the files are written after)."""
    checklists = [Checklist.of(v) for v in views if has_kit(v)]
    if len(checklists) < 20:  # not worth a process
        done: Future[dict[str, bytes]] = Future()
        done.set_result(kit_files(checklists))
        return done
    executor = ProcessPoolExecutor(max_workers=1)
    future = executor.submit(kit_files, checklists)
    executor.shutdown(wait=False)
    return future


def write_kits(state: BuildState, site_dir: Path) -> None:
    """Post-build step: write the kits started by `start_kits` into the built site."""
    for path, content in state.kits.result().items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
