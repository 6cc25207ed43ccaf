"""The officers' summary ``/du-lieu/tong-hop.xlsx`` (openpyxl): what Hướng dẫn 22/HD-BCA-V05 asks localities
to report for each model (its name, its number of replication points, its number of teams), counted from
the records: one sheet for the whole country, then one per province or city of today. On a site built from several
units' open data (``federation.yml``), a last column names the unit that published each model.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING

from ..archive import reproducible_zip
from ..paths import model_url
from ..schema import RECOGNITION_LABELS

if TYPE_CHECKING:
    from ..render import Site
    from ..views import ModelView

COUNTRY = "Cả nước"
HEADER = ["STT", "Mô hình", "Cộng đồng", "Địa bàn (như nguồn ghi, nay thuộc)", "Số điểm nhân rộng", "Số tổ, đội",
          "Số người tham gia", "Bắt đầu", "Tình trạng (theo nguồn)", "Công nhận", "Mức thông tin", "Nguồn",
          "Trang mô hình"]
WIDTHS = [6, 42, 22, 40, 12, 10, 12, 12, 30, 36, 20, 40, 40]
UNIT, UNIT_WIDTH = "Đơn vị công bố", 30  # the last column, on a site built from several units (federation.yml)
NUMBERS = {"Số điểm nhân rộng", "Số tổ, đội", "Số người tham gia"}


def _row(n: int, view: ModelView, site_url: str) -> list[object]:
    recognition = "; ".join(f"{r.title} ({RECOGNITION_LABELS[r.level]}, {r.date.display})" for r in view.m.recognition)
    places = "; ".join(dict.fromkeys(loc.detailed_text for loc in view.locations))
    return [
        n, view.m.name, view.community.label, places, len(view.replication_points), view.total("teams"),
        view.total("members"), view.m.started.display if view.m.started else "",
        f"{view.status_label} ({view.status_date.display})", recognition, view.evidence[1],
        "; ".join(f"{source.title} ({source.date.display})" for _, source in view.sources),
        model_url(view.id, site_url),
    ]


def workbook(site: Site) -> bytes:
    """The summary as ``.xlsx`` bytes, the same for the same records (fixed dates, sorted zip)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    sheets = [(COUNTRY, site.models)] + [(p.name, site.by_province[p.slug]) for p in site.provinces]
    book.remove(book.active)
    for title, models in sheets:
        sheet = book.create_sheet(title[:31])
        units = bool(site.publishers)
        sheet.append(HEADER + [UNIT] * units)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for n, view in enumerate(models, 1):
            sheet.append(_row(n, view, site.site_url) + [site.unit_name(view)] * units)
        for column, width in enumerate(WIDTHS + [UNIT_WIDTH] * units, 1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    when = dt.datetime.combine(site.site_date.first_day if site.site_date else dt.date(2025, 1, 1), dt.time())
    book.properties.created = book.properties.modified = when
    book.properties.creator = "mohinh"
    book.properties.title = "Tổng hợp mô hình tự quản về an ninh trật tự"
    out = io.BytesIO()
    # openpyxl's `Workbook.save` stamps the time of saving as "modified"; its writer keeps the date set above.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return reproducible_zip(out.getvalue())
