"""The Word checklist, written as XML text for speed, is exactly what python-docx's object model writes.

`reference_docx` below is the former implementation, built with python-docx paragraph by paragraph; the
fast one must produce the same ``document.xml`` and ``core.xml`` for real, synthetic and hostile records.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from synth import write_project_models

from conftest import REPO
from mohinh.archive import reproducible_zip
from mohinh.catalogue import load_catalogue
from mohinh.outputs.kits import (
    BUDGET_COLUMNS,
    BUDGET_HEADING,
    BUDGET_NOTE,
    BUDGET_WIDTHS_MM,
    COMMUNE_LINE,
    LANGUAGE,
    PERSON_LINE,
    START_LINE,
    STEP_COLUMNS,
    STEP_WIDTHS_MM,
    TITLE,
    UNTICKED,
    Checklist,
    ChecklistStep,
    _short,
    docx_bytes,
    has_kit,
)
from mohinh.render import Site


def _row_properties(row, *, header: bool = False) -> None:
    """A row never splits across pages; the header row repeats on every page."""
    properties = row._tr.get_or_add_trPr()
    properties.append(properties.makeelement(qn("w:cantSplit"), {}))
    if header:
        properties.append(properties.makeelement(qn("w:tblHeader"), {}))


def _fill_row(table, values: list[str], *, header: bool = False, widths=STEP_WIDTHS_MM, centred=(0, 4)) -> list:
    row = table.add_row() if not header else table.rows[0]
    _row_properties(row, header=header)
    cells = row.cells
    for cell, value, width in zip(cells, values, widths, strict=True):
        cell.width = Mm(width)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        cell.text = value
        if header:
            cell.paragraphs[0].runs[0].bold = True
    for index in centred:
        cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    return cells


def reference_docx(checklist: Checklist) -> bytes:
    """The checklist as an editable A4 Word file; byte-identical for the same record."""
    # python-docx's own default document, set up here as the kit promises (A4, margins 20 and 18 mm):
    # not the production template, so a fault in that template cannot hide in both sides of the test.
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(18)

    # Styles are set by id: python-docx's lookup by name costs ~1 ms a paragraph (1,000 kits = minutes).
    def paragraph(text: str, style_id: str | None = None) -> None:
        added = document.add_paragraph(text)
        if style_id:
            added._p.style = style_id

    paragraph(TITLE, "Title")
    paragraph(checklist.name, "Heading1")
    paragraph(checklist.summary)
    if checklist.cited:
        paragraph(f"Theo: {checklist.cited}")
    if checklist.page_url:
        paragraph(f"Trang mô hình: {checklist.page_url}")
    for line in (COMMUNE_LINE, PERSON_LINE, START_LINE):
        paragraph(line)
    paragraph("Các bước thực hiện", "Heading2")
    table = document.add_table(rows=1, cols=len(STEP_COLUMNS))
    table._tbl.tblPr.get_or_add_tblStyle().val = "TableGrid"
    table.autofit = False
    for column, width in zip(table.columns, STEP_WIDTHS_MM, strict=True):
        column.width = Mm(width)
    _fill_row(table, STEP_COLUMNS, header=True)
    for step in checklist.steps:
        cells = _fill_row(table, [str(step.number), step.title, step.who, step.when, UNTICKED, ""])
        cells[1].paragraphs[0].runs[0].bold = True
        for line in step.detail.splitlines():
            cells[1].add_paragraph().add_run(line).font.size = Pt(10)
    paragraph(BUDGET_HEADING, "Heading2")
    paragraph(BUDGET_NOTE)
    budget = document.add_table(rows=1, cols=len(BUDGET_COLUMNS))
    budget._tbl.tblPr.get_or_add_tblStyle().val = "TableGrid"
    budget.autofit = False
    for column, width in zip(budget.columns, BUDGET_WIDTHS_MM, strict=True):
        column.width = Mm(width)
    _fill_row(budget, BUDGET_COLUMNS, header=True, widths=BUDGET_WIDTHS_MM, centred=(0,))
    for row in checklist.budget_rows():
        _fill_row(budget, row, widths=BUDGET_WIDTHS_MM, centred=(0,))
    for heading, items in checklist.sections():
        paragraph(heading, "Heading2")
        for item in items:
            paragraph(item, "ListBullet")
    core = document.core_properties
    core.title, core.subject, core.author, core.language = TITLE, _short(checklist.name), "mohinh", LANGUAGE
    core.comments = _short(checklist.summary)
    core.keywords = "nhân rộng mô hình; tự quản; an ninh trật tự"
    core.created = dt.datetime.combine(checklist.created, dt.time())
    core.modified = dt.datetime.combine(checklist.modified, dt.time())
    core.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    return reproducible_zip(raw.getvalue())




def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def _same(checklist: Checklist) -> None:
    """The text of the document and its properties are python-docx's; every style it uses is defined."""
    fast, slow = _parts(docx_bytes(checklist)), _parts(reference_docx(checklist))
    for name in ("word/document.xml", "docProps/core.xml"):
        assert fast[name].decode("utf-8") == slow[name].decode("utf-8"), name
    used = set(re.findall(r'w:(?:pStyle|tblStyle|rStyle) w:val="([^"]+)"', fast["word/document.xml"].decode("utf-8")))
    defined = set(re.findall(r'w:styleId="([^"]+)"', fast["word/styles.xml"].decode("utf-8")))
    assert used and used <= defined, used - defined


def _checklists(root: Path, site_url: str = "https://mohinh.donvi.gov.vn/") -> list[Checklist]:
    renderer = Site(load_catalogue(root))
    return [Checklist.of(v, site_url) for v in renderer.models if has_kit(v)]


def test_every_real_kit_matches_python_docx() -> None:
    checklists = _checklists(REPO)
    assert len(checklists) >= 3  # the records whose sources give steps a commune can follow
    for checklist in checklists:
        _same(checklist)


def test_synthetic_kits_match_python_docx(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    write_project_models(tmp_path / "models", 40)
    (tmp_path / "models" / "_vocabularies.yml").write_bytes((REPO / "models" / "_vocabularies.yml").read_bytes())
    for checklist in _checklists(tmp_path):
        _same(checklist)


HOSTILE = ["<script>alert(1)</script>", "A & B > C", "  spaces at both ends  ", "tab\there", "line\nbreak",
           "windows\r\nbreak", "quote \" and ' apostrophe", "{{ jinja }} {% if %}", "<!-- comment -->", "x" * 300]


@pytest.mark.parametrize("text", HOSTILE, ids=["script", "ampersand", "spaces", "tab", "newline", "crlf",
                                                "quotes", "jinja", "comment", "long"])
def test_hostile_text_matches_python_docx(text: str) -> None:
    step = ChecklistStep(1, text, text, text, f"{text}\nthứ hai")
    checklist = Checklist(
        model_id="x", name=text, summary=text, page_url="", created=dt.date(2020, 1, 2),
        modified=dt.date(2021, 3, 4), steps=(step, ChecklistStep(2, "Bước hai", "", "", "")),
        prerequisites=(text,), resources=(), indicators=(text,), pitfalls=(), sources=(text,), cited=text,
    )
    _same(checklist)
