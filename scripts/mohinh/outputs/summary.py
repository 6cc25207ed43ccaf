"""The officers' summary ``/du-lieu/tong-hop.xlsx`` (openpyxl): what Hướng dẫn 22/HD-BCA-V05 asks localities
to report for each model (its name, its number of replication points, its number of teams), counted from
the records: one sheet for the whole country, then one per province or city of today. On a site built from several
units' open data (``federation.yml``), a last column names the unit that published each model.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING, NamedTuple

from ..archive import reproducible_zip
from ..paths import model_url
from ..schema import RECOGNITION_LABELS

if TYPE_CHECKING:
    from ..render import Site
    from ..views import ModelView

COUNTRY = "Cả nước"

class SummaryColumn(NamedTuple):
    """A column of the workbook: its header, its width, and what it holds (the data page's dictionary)."""

    header: str
    width: int
    meaning: str


COLUMNS = (
    SummaryColumn("STT", 6, "Số thứ tự trên trang tính"),
    SummaryColumn("Mô hình", 42, "Tên mô hình"),
    SummaryColumn("Cộng đồng", 22, "Loại cộng đồng thực hiện"),
    SummaryColumn("Địa bàn (như nguồn ghi, nay thuộc)", 40, "Các địa bàn như nguồn ghi và đơn vị hành chính hiện nay, cách nhau bằng `; `"),
    SummaryColumn("Số điểm nhân rộng", 12, "Số địa bàn không phải nơi khởi đầu (số)"),
    SummaryColumn("Số tổ, đội", 10, "Cộng số tổ, đội của các địa bàn; trống nếu nguồn không nêu (số)"),
    SummaryColumn("Số người tham gia", 12, "Cộng số người tham gia của các địa bàn; trống nếu nguồn không nêu (số)"),
    SummaryColumn("Bắt đầu", 12, "Năm, tháng hoặc ngày bắt đầu nếu nguồn nêu"),
    SummaryColumn("Tình trạng (theo nguồn)", 30, "Tình trạng kèm ngày của nguồn mà tình trạng dựa vào"),
    SummaryColumn("Công nhận", 36, "Các lần được công nhận: tên, cấp, ngày"),
    SummaryColumn("Mức thông tin", 20, "Hồ sơ có những gì; không phải đánh giá hiệu quả"),
    SummaryColumn("Nguồn", 40, "Tiêu đề và ngày của các nguồn"),
    SummaryColumn("Trang mô hình", 40, "Địa chỉ trang mô hình (chỉ ghi đường dẫn khi trang chưa khai báo địa chỉ công khai)"),
)
HEADER = [c.header for c in COLUMNS]
WIDTHS = [c.width for c in COLUMNS]
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
    wrapped = Alignment(wrap_text=True, vertical="top")  # one style object for every cell (openpyxl compares each new one)
    bold = Font(bold=True)
    sheets = [(COUNTRY, site.models)] + [(p.name, site.by_province[p.slug]) for p in site.provinces]
    book.remove(book.active)
    for title, models in sheets:
        sheet = book.create_sheet(title[:31])
        units = bool(site.publishers)
        sheet.append(HEADER + [UNIT] * units)
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = wrapped
        for n, view in enumerate(models, 1):
            sheet.append(_row(n, view, site.site_url) + [site.unit_name(view)] * units)
        for column, width in enumerate(WIDTHS + [UNIT_WIDTH] * units, 1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = wrapped
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
