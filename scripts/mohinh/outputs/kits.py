"""Replication kits: the checklist of a model as Word (.docx), Markdown and CSV, for communes copying it.

Every model whose record has a ``replication`` section gets ``mo-hinh/<id>/checklist.docx``,
``checklist.csv`` and ``checklist.md``, with the budget table, the team and the contacts when the record
has them. Each kit is a `Job` (see `mohinh.outputs`): made in a worker process while MkDocs renders the
pages and written straight into the folder MkDocs builds.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

import markdown as markdown_lib
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..archive import zip_bytes
from ..paths import address, is_absolute, kit_paths, model_url, type_kit_paths, type_path
from ..render import Site
from ..text import csv_bytes as csv_file_bytes
from ..text import hedged, md_file_text, money, xml_safe
from ..views import ModelView, TypeView
from .base import Job

FONT = "Times New Roman"  # has every Vietnamese letter in Word and (as Liberation Serif) in LibreOffice
LANGUAGE = "vi-VN"
STEP_COLUMNS = ["Bước", "Việc cần làm", "Người phụ trách", "Thời hạn", "Đã xong", "Ghi chú"]
STEP_WIDTHS_MM = [15, 60, 34, 24, 15, 22]  # sums to 170 mm: A4 less 20 mm margins each side
BUDGET_COLUMNS = ["STT", "Khoản chi", "Mô hình gốc (theo nguồn)", "Ai chi trả", "Xã dự kiến (đồng)", "Ghi chú"]
BUDGET_WIDTHS_MM = [12, 54, 38, 26, 24, 16]
BUDGET_EMPTY_ROWS = 3  # rows for the commune's own items
TITLE = "Danh sách việc cần làm để nhân rộng mô hình"
COMMUNE_LINE = "Xã, phường: ....................................................................................."
PERSON_LINE = "Người phụ trách: ...........................................  Điện thoại: ...................."
START_LINE = "Ngày bắt đầu: ....../....../..........      Ngày dự kiến xong: ....../....../.........."
LIMITATION = "Lưu ý hạn chế đã gặp: "
UNTICKED = "☐"


@dataclass(frozen=True)
class ChecklistStep:
    """One step of a checklist, as plain text."""

    number: int
    title: str
    who: str
    when: str
    detail: str  # the step's Markdown detail as plain text, "" when the record gives none


@dataclass(frozen=True)
class Checklist:
    """What a commune needs to copy one model, in order (plain data: it is sent to a worker process)."""

    model_id: str
    name: str
    summary: str
    page_url: str
    created: dt.date
    modified: dt.date
    steps: tuple[ChecklistStep, ...]
    prerequisites: tuple[str, ...]
    resources: tuple[str, ...]
    indicators: tuple[str, ...]
    pitfalls: tuple[str, ...]
    sources: tuple[str, ...]
    cited: str  # the sources' titles and dates on one line, for the top of the checklist
    budget: tuple[tuple[str, str, str], ...] = ()  # the model's costs: item, amount as the source gives it, who paid
    team: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    files: tuple[str, ...] = ()  # where the kit is published; a model's `kit_paths` when empty
    page_where: str = ""  # without a real site_url: where to find the page, without inventing a domain
    page_label: str = "Trang mô hình"
    budget_source: str = "Mô hình gốc (theo nguồn)"  # the budget table's column of what the source(s) gave
    drawn_from: str = ""  # for a type's kit: the cases it is drawn from, said at the top

    @classmethod
    def of(cls, view: ModelView, site_url: str = "", site_name: str = "") -> Checklist:
        """The checklist of a model with a ``replication`` section (`has_kit`)."""
        rep = view.m.replication
        if rep is None:
            raise ValueError(f"{view.id} has no replication section")
        created = view.published.first_day
        return cls(
            model_id=view.id, name=view.m.name, summary=view.m.summary,
            page_url=model_url(view.id, site_url) if is_absolute(site_url) else "",
            page_where=_where(site_name, model_url(view.id, site_url)),
            created=created, modified=max(created, view.last_modified.first_day),
            steps=tuple(ChecklistStep(i, s.title, s.who or "", s.when or "", plain_text(s.detail or ""))
                        for i, s in enumerate(rep.steps, 1)),
            prerequisites=tuple(rep.prerequisites), resources=tuple(rep.resources),
            indicators=tuple(rep.indicators),
            pitfalls=(*rep.pitfalls, *(LIMITATION + x for x in view.m.limitations)),
            sources=tuple(_source_line(src) for _, src in view.sources),
            cited="; ".join(f"{src.title} ({src.date.display})" for _, src in view.sources),
            budget=tuple((c.label + (f" ({c.note})" if c.note else ""),
                          hedged(c.qualifier, money(c.amount, c.per)) + (" (hiện vật)" if c.in_kind else "")
                          + (f"; {view.unit_cost(c)}" if view.unit_cost(c) else "") + f", {c.as_of.display}",
                          view.payer(c)) for c in view.m.costs),
            team=_team_lines(view),
            contacts=tuple(", ".join(part for part in (c.organisation, c.phone, c.email, c.address, c.note) if part)
                           for c in view.m.contacts),
        )

    @classmethod
    def of_type(cls, view: TypeView, site_url: str = "", site_name: str = "") -> Checklist:
        """The kit of a model type: its guidance (each item with the cases that document it) and a budget
        table of the costs observed across its cases, per unit where the records allow."""
        g = view.type.guidance
        if g is None:
            raise ValueError(f"{view.slug} has no guidance")

        def where(item: Any) -> str:
            return "Thấy ở: " + "; ".join(view.seen(ref)[0] for ref in item.seen_in)

        def items(parts: list[Any]) -> tuple[str, ...]:
            return tuple(f"{item.text} ({where(item)})" for item in parts)

        # dated by its cases, or, for a type no published model names yet, by its own sources
        dates = [v.last_modified.first_day for v in view.models] or [src.date.first_day for _, src in view.sources]
        created = min(v.published.first_day for v in view.models) if view.models else min(dates)
        return cls(
            model_id=view.slug, name=view.type.name, summary=view.type.summary,
            page_url=address(site_url, type_path(view.slug)) if is_absolute(site_url) else "",
            page_where=_where(site_name, address(site_url, type_path(view.slug))),
            created=created, modified=max(created, *dates),
            steps=tuple(ChecklistStep(i, s.title, s.who or "", s.when or "",
                                      "\n".join(filter(None, [plain_text(s.detail or ""), where(s)])))
                        for i, s in enumerate(g.steps, 1)),
            prerequisites=items(g.prerequisites), resources=items(g.resources), indicators=items(g.indicators),
            pitfalls=items(g.pitfalls),
            sources=tuple(_source_line(src) for _, src in view.sources),
            cited="",
            budget=tuple((f"{row.cost.label} ({row.view.m.name})",
                          (row.each_text or hedged(row.cost.qualifier, money(row.cost.amount, row.cost.per)))
                          + f", {row.cost.as_of.display}", row.view.payer(row.cost))
                         for row in view.cost_rows if not row.disputed),
            files=type_kit_paths(view.slug), page_label="Trang loại mô hình",
            budget_source="Các nơi đã làm (theo nguồn)",
            drawn_from=("Rút từ các trường hợp: " + "; ".join(v.m.name for v in view.models)) if view.models else "",
        )

    def budget_columns(self) -> list[str]:
        """The budget table's header: the source column named for a model's or a type's kit."""
        return [self.budget_source if n == 2 else name for n, name in enumerate(BUDGET_COLUMNS)]

    def budget_rows(self) -> list[list[str]]:
        """The budget table: the model's costs, then empty rows for the commune's own estimate."""
        rows = [[str(n), item, amount, payer, "", ""] for n, (item, amount, payer) in enumerate(self.budget, 1)]
        return rows + [[str(n), "", "", "", "", ""] for n in range(len(rows) + 1, len(rows) + 1 + BUDGET_EMPTY_ROWS)]

    def sections(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """The lists after the steps and the budget, with their headings; empty ones left out."""
        for heading, items in (("Đội, tổ thực hiện", self.team), ("Điều kiện cần có", self.prerequisites),
                               ("Nguồn lực", self.resources), ("Chỉ số theo dõi", self.indicators),
                               ("Điều cần tránh", self.pitfalls), ("Liên hệ", self.contacts),
                               ("Nguồn", self.sources)):
            if items:
                yield heading, items


def _team_lines(view: ModelView) -> tuple[str, ...]:
    team = view.m.team
    if team is None:
        return ()
    lines = [f"Số người mỗi tổ: {view.team_size}"] if view.team_size else []
    lines += [*team.roles, *([f"Lịch: {team.schedule}"] if team.schedule else []),
              *(f"Tập huấn: {item}" for item in team.training)]
    return tuple(lines)


def _source_line(source) -> str:  # noqa: ANN001 - schema.Source
    parts = [source.title, source.publisher, source.date.display, source.url]
    return ", ".join(p for p in parts if p)


def has_kit(view: ModelView) -> bool:
    """A model gets a kit when its record has a ``replication`` section."""
    return view.m.replication is not None


class _PlainText(HTMLParser):
    """Text of the HTML of a Markdown field: paragraphs on their own lines, link addresses kept."""

    BLOCKS = frozenset({"p", "br", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.parts.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(markdown_text: str) -> str:
    """A Markdown field as plain text for Word and CSV: ``**biên bản**`` -> ``biên bản``."""
    if not markdown_text:
        return ""
    parser = _PlainText()
    parser.feed(markdown_lib.markdown(markdown_text))
    parser.close()
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


# --- Word ---

KEPT_STYLES = {"Normal", "Title", "TitleChar", "Heading1", "Heading1Char", "Heading2", "Heading2Char", "ListBullet",
               "TableGrid", "TableNormal", "DefaultParagraphFont", "NoList"}
THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _set_font(properties) -> None:  # noqa: ANN001 - a w:rPr element
    """Times New Roman for every script (Latin, east-Asian, complex) and Vietnamese as the language.

    Theme font attributes win over named fonts in Word, so they are removed.
    """
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.insert(0, fonts)
    for attribute in THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = properties.makeelement(qn("w:lang"), {})
        properties.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


@lru_cache(maxsize=1)
def _template() -> bytes:
    """python-docx's default document on A4, trimmed to the styles a checklist uses, Vietnamese fonts set.

    The default template carries ~800 KB of styles that would be compressed again for every kit.
    """
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(18)
    styles = document.styles.element
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) not in KEPT_STYLES:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    _set_font(styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")))
    for style_id in ("Normal", "Title", "Heading1", "Heading2", "ListBullet"):
        style = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
        properties = style.find(qn("w:rPr"))
        if properties is None:
            properties = style.makeelement(qn("w:rPr"), {})
            style.append(properties)
        _set_font(properties)
    document.styles["Normal"].font.size = Pt(12)
    for part_rels in (document.part.rels, document.part.package.rels):
        for rel_id, rel in list(part_rels.items()):
            if rel.reltype.endswith(("/stylesWithEffects", "/thumbnail")):
                del part_rels[rel_id]
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def _short(text: str, limit: int = 255) -> str:
    """Text for a document property, which Word limits to 255 characters."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# Kits are written as XML text on a package made once with python-docx: its object model costs ~12 ms a
# document, which at 1,000 models was the longest part of a build. `_reference_docx` keeps python-docx's own
# output for a check (tests compare the two).

_RUN_BREAKS = re.compile(r"([\t\n\r])")
_SMALL = '<w:rPr><w:sz w:val="20"/></w:rPr>'
_BOLD = "<w:rPr><w:b/></w:rPr>"


def _xml_text(text: str) -> str:
    text = xml_safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r", "&#13;")  # as lxml writes it


def _run(text: str, properties: str = "") -> str:
    """A ``w:r`` as python-docx writes it: tabs and line breaks become ``w:tab``/``w:br``."""
    parts = [properties]
    for piece in _RUN_BREAKS.split(text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\n", "\r"):
            parts.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if piece.strip() != piece else ""
            parts.append(f"<w:t{space}>{_xml_text(piece)}</w:t>")
    return "<w:r>" + "".join(parts) + "</w:r>" if len(parts) > 1 or properties else "<w:r/>"


def _paragraph(text: str, style: str | None = None, properties: str = "") -> str:
    """A ``w:p`` as python-docx's ``add_paragraph`` writes it (no run for empty text)."""
    style_xml = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{style_xml}{_run(text, properties) if text else ''}</w:p>"


_TWIPS = [round(width * 1440 / 25.4) for width in STEP_WIDTHS_MM]
_CENTRED = (0, 4)


def _row(values: list[str], *, header: bool = False, bold_title: bool = False, detail: str = "",
         widths: list[int] | None = None, centred: tuple[int, ...] = (0, 4)) -> str:
    cells = []
    for index, (value, width) in enumerate(zip(values, widths or _TWIPS, strict=True)):
        align = '<w:pPr><w:jc w:val="center"/></w:pPr>' if index in centred else ""
        bold = header or (bold_title and index == 1)
        body = f"<w:p>{align}{_run(value, _BOLD if bold and value else '')}</w:p>"
        if index == 1 and detail:
            body += "".join(f"<w:p>{_run(line, _SMALL)}</w:p>" for line in detail.splitlines())
        cells.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/><w:vAlign w:val="top"/></w:tcPr>{body}</w:tc>')
    header_xml = "<w:tblHeader/>" if header else ""
    return f"<w:tr><w:trPr><w:cantSplit/>{header_xml}</w:trPr>{''.join(cells)}</w:tr>"


def _table_start(widths: list[int]) -> str:
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1"'
        ' w:val="04A0"/></w:tblPr><w:tblGrid>' + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
    )


_TABLE_START = _table_start(_TWIPS)
_BUDGET_TWIPS = [round(width * 1440 / 25.4) for width in BUDGET_WIDTHS_MM]
BUDGET_HEADING = "Dự toán kinh phí"
BUDGET_NOTE = ("Các khoản của mô hình gốc ghi đúng như nguồn nêu (không phải giá áp dụng cho mọi nơi); "
               "xã, phường điền dự kiến của mình vào cột “Xã dự kiến”.")

_CORE = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>mohinh</dc:creator>"
    "<cp:keywords>{keywords}</cp:keywords><dc:description>{description}</dc:description><cp:lastModifiedBy/>"
    '<cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{created}T00:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}T00:00:00Z</dcterms:modified><cp:category/>'
    "<dc:language>{language}</dc:language></cp:coreProperties>"
)
KEYWORDS = "nhân rộng mô hình; tự quản; an ninh trật tự"


@lru_cache(maxsize=1)
def _package() -> tuple[dict[str, bytes], str, str]:
    """The parts every kit shares (as python-docx saves them), and ``document.xml`` around its body."""
    raw = io.BytesIO()
    Document(io.BytesIO(_template())).save(raw)
    with zipfile.ZipFile(raw) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    document = parts.pop("word/document.xml").decode("utf-8")
    del parts["docProps/core.xml"]
    body = document.index("<w:body>") + len("<w:body>")
    return parts, document[:body], document[document.index("<w:sectPr"):]


def _where(site_name: str, path: str) -> str:
    """Where a page is, said without a domain (the site has no real ``site_url``): ``trên trang web “…”,
    đường dẫn /mo-hinh/<id>/ (gõ sau tên miền của trang)``."""
    on = f"trên trang web “{site_name}”, " if site_name else "trên trang web này, "
    return f"{on}đường dẫn {path} (gõ ngay sau tên miền của trang)"


def docx_bytes(checklist: Checklist) -> bytes:
    """The checklist as an editable A4 Word file; byte-identical for the same record."""
    parts, head, tail = _package()
    body = [_paragraph(TITLE, "Title"), _paragraph(checklist.name, "Heading1"), _paragraph(checklist.summary)]
    if checklist.cited:
        body.append(_paragraph(f"Theo: {checklist.cited}"))
    if checklist.page_url or checklist.page_where:
        body.append(_paragraph(f"{checklist.page_label}: {checklist.page_url or checklist.page_where}"))
    if checklist.drawn_from:
        body.append(_paragraph(checklist.drawn_from))
    body += [_paragraph(line) for line in (COMMUNE_LINE, PERSON_LINE, START_LINE)]
    body.append(_paragraph("Các bước thực hiện", "Heading2"))
    body.append(_TABLE_START + _row(STEP_COLUMNS, header=True))
    for step in checklist.steps:
        body.append(_row([str(step.number), step.title, step.who, step.when, UNTICKED, ""], bold_title=True,
                         detail=step.detail))
    body.append("</w:tbl>")
    body.append(_paragraph(BUDGET_HEADING, "Heading2"))
    body.append(_paragraph(BUDGET_NOTE))
    body.append(_table_start(_BUDGET_TWIPS) + _row(checklist.budget_columns(), header=True, widths=_BUDGET_TWIPS, centred=(0,)))
    body += [_row(row, widths=_BUDGET_TWIPS, centred=(0,)) for row in checklist.budget_rows()]
    body.append("</w:tbl>")
    for heading, items in checklist.sections():
        body.append(_paragraph(heading, "Heading2"))
        body += [_paragraph(item, "ListBullet") for item in items]
    core = _CORE.format(
        title=_xml_text(TITLE), subject=_xml_text(_short(checklist.name)), keywords=_xml_text(KEYWORDS),
        description=_xml_text(_short(checklist.summary)), created=checklist.created.isoformat(),
        modified=checklist.modified.isoformat(), language=LANGUAGE,
    )
    files = dict(parts)
    files["word/document.xml"] = (head + "".join(body) + tail).encode("utf-8")
    files["docProps/core.xml"] = core.encode("utf-8")
    return zip_bytes(files)


# --- Plain formats ---

CSV_COLUMNS = ["Loại", "Bước", "Việc cần làm", "Chi tiết", "Người phụ trách", "Thời hạn", "Đã xong", "Ghi chú"]
CSV_KINDS = {"Điều kiện cần có": "Điều kiện", "Nguồn lực": "Nguồn lực", "Chỉ số theo dõi": "Chỉ số",
             "Điều cần tránh": "Cần tránh", "Nguồn": "Nguồn", "Đội, tổ thực hiện": "Đội, tổ", "Liên hệ": "Liên hệ"}


def csv_bytes(checklist: Checklist) -> bytes:
    """The checklist as CSV: UTF-8 with BOM so Excel reads Vietnamese; formula-like cells neutralised."""
    rows: list[tuple[object, ...]] = [tuple(CSV_COLUMNS)]
    rows += [("Bước", step.number, step.title, step.detail, step.who, step.when, "", "") for step in checklist.steps]
    rows += [("Kinh phí", n, item, f"{amount}; {payer}", "", "", "", "")
             for n, (item, amount, payer) in enumerate(checklist.budget, 1)]
    rows += [(CSV_KINDS[heading], "", item, "", "", "", "", "") for heading, items in checklist.sections() for item in items]
    return csv_file_bytes(rows)


def markdown_text(checklist: Checklist) -> str:
    """The checklist as plain Markdown with task boxes, for any editor."""
    lines = [f"# {TITLE}", "", f"**{md_file_text(checklist.name)}**", "", md_file_text(checklist.summary), ""]
    if checklist.cited:
        lines += [f"Theo: {md_file_text(checklist.cited)}", ""]
    if checklist.page_url:
        lines += [f"{checklist.page_label}: <{checklist.page_url}>", ""]
    elif checklist.page_where:
        lines += [f"{checklist.page_label}: {md_file_text(checklist.page_where)}", ""]
    if checklist.drawn_from:
        lines += [md_file_text(checklist.drawn_from), ""]
    lines += [COMMUNE_LINE, "", PERSON_LINE, "", START_LINE, "", "## Các bước thực hiện", ""]
    for step in checklist.steps:
        extra = "".join([f" — Phụ trách: {md_file_text(step.who)}" if step.who else "",
                         f" — Thời gian: {md_file_text(step.when)}" if step.when else ""])
        lines.append(f"- [ ] {step.number}. {md_file_text(step.title)}{extra}")
        lines += [f"      {md_file_text(line)}" for line in step.detail.splitlines()]
    lines += ["", f"## {BUDGET_HEADING}", "", md_file_text(BUDGET_NOTE), "", "| " + " | ".join(checklist.budget_columns()) + " |",
              "|" + "---|" * len(BUDGET_COLUMNS)]
    lines += ["| " + " | ".join(md_file_text(cell) for cell in row) + " |" for row in checklist.budget_rows()]
    for heading, items in checklist.sections():
        lines += ["", f"## {heading}", "", *(f"- {md_file_text(item)}" for item in items)]
    return "\n".join(lines) + "\n"


# --- In the build ---


def kit_files(checklist: Checklist) -> dict[str, bytes]:
    """A model's kit: ``mo-hinh/<id>/checklist.docx``, ``.csv`` and ``.md``, by site path."""
    docx, csv_file, md_file = checklist.files or kit_paths(checklist.model_id)
    return {docx: docx_bytes(checklist), csv_file: csv_bytes(checklist),
            md_file: markdown_text(checklist).encode("utf-8")}


def make(site: Site) -> dict[str, Job]:
    """The kit of every model with a ``replication`` section, as jobs (Word files take a while: a large
    site makes them in another process while MkDocs works)."""
    made: dict[str, Job] = {}
    for view in site.models:
        if has_kit(view):  # under ``mohinh serve``, worked out again only when the model changed
            checklist = site.memo.once(("bo-nhan-rong", view.id), (site.model_inputs(view), site.site_name),
                                       lambda view=view: Checklist.of(view, site.site_url, site.site_name))
            job = Job(kit_paths(view.id), kit_files, (checklist,))
            made.update(dict.fromkeys(job.paths, job))
    for type_view in site.types:
        if type_view.has_kit:
            checklist = Checklist.of_type(type_view, site.site_url, site.site_name)
            job = Job(checklist.files, kit_files, (checklist,))
            made.update(dict.fromkeys(job.paths, job))
    return made
