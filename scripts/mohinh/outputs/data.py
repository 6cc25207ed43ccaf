"""Open data written on every build: ``/du-lieu/`` JSON, CSV and their JSON Schemas, and the page that
offers them (``du-lieu/index.md``: the files with their sizes, models per province, the data dictionary).

``mo-hinh.json`` is built from the pydantic models below, so its schema (``mo-hinh.schema.json``) is
generated from the same declaration; each model's ``record`` follows the record schema
(``model.schema.json``, the one editors use, generated from `mohinh.schema.Model`). Each CSV column is
declared once with its meaning (`Column`); the page's data dictionary is read from these declarations and
from the pydantic fields' titles and descriptions, never written a second time.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from typing import Annotated, Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from .. import places
from ..paths import TYPES_DATA, address, model_url, province_path
from ..render import Site
from ..schema import KIND_LABELS, SCHEMA_VERSION, STATUS_LABELS
from ..schema_files import RECORD_SCHEMA, schema_text, write_json
from ..text import csv_bytes, file_size, hedged, money, number, qualifier_word
from ..views import ModelView
from . import summary, types

DATA_DIR = "du-lieu"
DOCUMENT_SCHEMA = "mo-hinh.schema.json"
LICENCE = "CC BY 4.0 (nội dung và dữ liệu; ghi nguồn là trang này và nguồn của từng mô hình); mã nguồn: MIT"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TermData(_Data):
    """A topic or a kind of community."""

    slug: str = Field(..., title="Mã")
    label: str = Field(..., title="Tên hiển thị")


class PlaceData(_Data):
    """A location as the source reported it, and the province it belongs to today."""

    reported: str = Field(..., title="Địa bàn như nguồn ghi", description="Ví dụ: xã Đăk Tờ Re, huyện Kon Rẫy, tỉnh Kon Tum")
    province_reported: str | None = Field(..., title="Tỉnh như nguồn ghi", description="null nếu nguồn không nêu tỉnh")
    province_today: str | None = Field(..., title="Tỉnh, thành phố hiện nay", description="Sau sắp xếp đơn vị hành chính 2025")
    province_today_code: str | None = Field(..., title="Mã tỉnh hiện nay", description="Mã đơn vị hành chính của Tổng cục Thống kê")
    province_today_slug: str | None = Field(..., title="Mã tỉnh trong địa chỉ trang", description="Dùng trong /dia-phuong/<mã>/")
    commune_today: str | None = Field(None, title="Xã, phường hiện nay", description="Khi biết xã, phường sau sắp xếp 2025")
    text: str = Field(..., title="Mô tả đầy đủ", description="Ví dụ: … tỉnh Kon Tum — nay thuộc tỉnh Quảng Ngãi")


class SourceData(_Data):
    """A source the model's facts come from."""

    id: str = Field(..., title="Mã nguồn")
    title: str = Field(..., title="Tiêu đề")
    publisher: str | None = Field(None, title="Cơ quan đăng tải")
    author: str | None = Field(None, title="Tác giả")
    date: str = Field(..., title="Ngày đăng", description="ISO 8601: 2020-09-08, 2020-09 hoặc 2020")
    url: str | None = Field(None, title="Địa chỉ")
    note: str | None = Field(None, title="Ghi chú")
    unavailable: bool = Field(False, title="Không mở lại được", description="Không tìm lại được bản nào để đối chiếu")


RecordData = Annotated[dict[str, Any], WithJsonSchema({"type": "object"})]  # $ref to RECORD_SCHEMA, see below


class CostData(_Data):
    """One cost of a model, with who paid, as its source states it."""

    label: str = Field(..., title="Khoản chi")
    amount: int = Field(..., title="Số tiền (đồng)")
    per: str | None = Field(None, title="Tính cho mỗi")
    paid_by: str = Field(..., title="Mã nguồn kinh phí")
    paid_by_label: str = Field(..., title="Ai chi trả")
    in_kind: bool = Field(False, title="Hiện vật")
    as_of: str = Field(..., title="Tính đến", description="ISO 8601")
    source: str = Field(..., title="Mã nguồn")


class ModelData(_Data):
    """One published model."""

    id: str = Field(..., title="Mã mô hình")
    url: str = Field(..., title="Địa chỉ trang mô hình")
    updated: str = Field(..., title="Cập nhật lần cuối", description="ISO 8601; theo lịch sử git của hồ sơ, nếu không có thì theo tin mới nhất")
    record: RecordData = Field(..., title="Hồ sơ", description="Hồ sơ như đã viết, ngày dạng ISO 8601, số là số (theo model.schema.json)")
    status_label: str = Field(..., title="Tình trạng")
    status_as_of: str = Field(..., title="Tình trạng tính đến", description="ISO 8601: ngày của nguồn mà tình trạng dựa vào")
    evidence_level: str = Field(..., title="Mức thông tin", description="Hồ sơ có những gì (không phải đánh giá hiệu quả)")
    replication_points: int = Field(..., title="Số điểm nhân rộng", description="Số địa bàn không phải nơi khởi đầu")
    teams: int | None = Field(None, title="Số tổ, đội", description="Tổng `teams` của các địa bàn; null nếu nguồn không nêu")
    members: int | None = Field(None, title="Số người tham gia", description="Tổng `members` của các địa bàn; null nếu nguồn không nêu")
    costs: list[CostData] = Field(default_factory=list, title="Kinh phí")
    topics: list[TermData] = Field(..., title="Chủ đề")
    community: TermData = Field(..., title="Cộng đồng")
    places: list[PlaceData] = Field(..., title="Địa bàn", description="Cùng thứ tự với record.locations")
    sources: list[SourceData] = Field(..., title="Nguồn", description="Theo thứ tự được trích dẫn trên trang")
    published: str | None = Field(None, title="Công bố lần đầu",
                                  description="ISO 8601; theo lịch sử git của hồ sơ, nếu không có thì theo nguồn mới nhất")
    unit: str | None = Field(None, title="Đơn vị công bố",
                             description="Đơn vị đã công bố mô hình (trang tổng hợp nhiều đơn vị, federation.yml); null nếu không ghi")
    original_url: str | None = Field(None, title="Trang gốc",
                                     description="Trang của mô hình ở đơn vị đã công bố nó, khi mô hình lấy từ dữ liệu mở của đơn vị khác")


class OpenDataDocument(_Data):
    """``/du-lieu/mo-hinh.json``: every published model."""

    schema_version: int = Field(..., title="Phiên bản định dạng")
    licence: str = Field(..., title="Giấy phép")
    record_schema: str = Field(..., title="Lược đồ của hồ sơ")
    models: list[ModelData] = Field(..., title="Các mô hình", description="Sắp xếp theo mã")


def model_data(view: ModelView, site_url: str, own_unit: str | None = None) -> ModelData:
    """One model as open data: the record as written (ISO dates) plus resolved places and labels, and who published
    it (``own_unit`` for this site's own records)."""
    record = view.m.model_dump(mode="json", exclude_defaults=True)  # keeps a required `province: null`
    record.pop("draft", None)
    return ModelData(
        id=view.id,
        url=model_url(view.id, site_url),
        updated=view.last_modified.iso,
        record=record,
        status_label=view.status_label,
        status_as_of=view.status_date.iso,
        evidence_level=view.evidence[1],
        replication_points=len(view.replication_points),
        teams=view.total("teams"),
        members=view.total("members"),
        costs=[CostData(label=c.label, amount=c.amount, per=c.per, paid_by=c.paid_by,
                        paid_by_label=view.payer(c), in_kind=c.in_kind,
                        as_of=c.as_of.iso, source=c.source) for c in view.m.costs],
        topics=[TermData(slug=t.slug, label=t.label) for t in view.topics],
        community=TermData(slug=view.community.slug, label=view.community.label),
        places=[
            PlaceData(
                reported=loc.reported,
                province_reported=loc.province.name if loc.province else None,
                province_today=loc.province_today.name if loc.province_today else None,
                province_today_code=loc.province_today.code if loc.province_today else None,
                province_today_slug=loc.province_today.slug if loc.province_today else None,
                commune_today=getattr(loc, "commune_today", None),
                text=loc.text,
            )
            for loc in view.locations
        ],
        sources=[SourceData(id=sid, **s.model_dump(mode="json", exclude_none=True)) for sid, s in view.sources],
        published=view.published.iso,
        unit=view.unit.name if view.unit is not None else own_unit,
        original_url=view.unit.url if view.unit is not None else None,
    )


def document(views: list[ModelView], site_url: str, own_unit: str | None = None) -> OpenDataDocument:
    """The whole of ``mo-hinh.json``."""
    return OpenDataDocument(schema_version=SCHEMA_VERSION, licence=LICENCE, record_schema=RECORD_SCHEMA,
                            models=[model_data(v, site_url, own_unit) for v in views])


def document_schema() -> dict[str, Any]:
    """JSON Schema of ``mo-hinh.json`` (its ``record`` parts refer to ``model.schema.json``)."""
    schema = OpenDataDocument.model_json_schema()
    schema["$defs"]["ModelData"]["properties"]["record"]["$ref"] = RECORD_SCHEMA  # pydantic cannot ref another file
    del schema["$defs"]["ModelData"]["properties"]["record"]["type"]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = DOCUMENT_SCHEMA
    schema["title"] = "Dữ liệu mở: các mô hình tự quản về an ninh trật tự"
    return schema


class Column(NamedTuple):
    """A column of a CSV file or of the workbook: its header, and what it holds (the data dictionary's line)."""

    header: str
    meaning: str


MODELS_CSV_COLUMNS = (
    Column("id", "Mã mô hình, cũng là tên tệp hồ sơ `models/<mã>.yml` và địa chỉ trang `/mo-hinh/<mã>/`"),
    Column("tên", "Tên mô hình như nguồn gọi"),
    Column("tóm tắt", "Tóm tắt một đoạn, theo nguồn"),
    Column("tình trạng", "Một trong: " + ", ".join(STATUS_LABELS.values()) + "; theo nguồn mới nhất"),
    Column("tình trạng tính đến", "Ngày của nguồn mà tình trạng dựa vào (ISO 8601)"),
    Column("mức thông tin", "Hồ sơ có những gì, từ “Mới nêu tên” đến “Được công nhận”; không phải đánh giá hiệu quả"),
    Column("chủ đề", "Các chủ đề, cách nhau bằng `; `"),
    Column("cộng đồng", "Loại cộng đồng thực hiện (thôn, tổ dân phố, dòng họ, trường học…)"),
    Column("bắt đầu", "Năm, tháng hoặc ngày bắt đầu nếu nguồn nêu (ISO 8601)"),
    Column("cơ quan chủ trì", "Cơ quan, tổ chức chủ trì nếu nguồn nêu"),
    Column("địa bàn", "Mọi địa bàn như nguồn ghi, kèm nơi nay thuộc về, cách nhau bằng ` | `"),
    Column("tỉnh hiện nay", "Tỉnh, thành phố hiện nay (sau sắp xếp năm 2025) của các địa bàn, cách nhau bằng `; `; trống nếu nguồn không nêu tỉnh"),
    Column("số điểm nhân rộng", "Số địa bàn không phải nơi khởi đầu"),
    Column("số kết quả", "Số số liệu kết quả trong hồ sơ (chi tiết trong ket-qua.csv)"),
    Column("nguồn", "Mã các nguồn, cách nhau bằng `; ` (chi tiết trong mo-hinh.json)"),
    Column("cập nhật lần cuối", "Ngày hồ sơ được sửa lần cuối (ISO 8601)"),
    Column("địa chỉ", "Địa chỉ trang mô hình (chỉ ghi đường dẫn khi trang chưa khai báo địa chỉ công khai)"),
)
_MODEL = "Mã mô hình (cột `id` của mo-hinh.csv)"
_SOURCE_COLUMNS = (
    Column("tính đến", "Ngày của số liệu (ISO 8601)"),
    Column("mã nguồn", "Mã nguồn của số liệu"),
    Column("nguồn", "Tiêu đề của nguồn"),
    Column("ngày nguồn", "Ngày đăng của nguồn (ISO 8601)"),
    Column("địa chỉ nguồn", "Địa chỉ của nguồn; trống nếu nguồn không có bản trực tuyến"),
)
COSTS_CSV_COLUMNS = (
    Column("mô hình", _MODEL),
    Column("tên mô hình", "Tên mô hình"),
    Column("khoản chi", "Khoản chi như nguồn ghi"),
    Column("chữ kèm số", "Chữ nguồn đặt trước số tiền (gần, hơn, khoảng, dưới); trống nếu nguồn ghi số chính xác"),
    Column("số tiền (đồng)", "Số tiền, đồng, viết liền"),
    Column("tính cho mỗi", "Số tiền tính cho mỗi hộ, tháng, năm… nếu nguồn nêu"),
    Column("ai chi trả", "Ai chi trả, theo danh mục nguồn kinh phí của trang; nhiều bên cùng chi và nguồn không nêu ai chi được ghi riêng"),
    Column("hiện vật", "“có” nếu đóng góp bằng hiện vật, không phải tiền"),
    Column("ghi chú", "Ghi chú theo nguồn"),
    Column("số lượng mua được", "Số lượng mua được bằng khoản chi (ví dụ số camera), nếu nguồn nêu"),
    Column("đơn vị số lượng", "Đơn vị của số lượng"),
    Column("nguồn khác ghi", "Số tiền nguồn khác ghi cho cùng khoản, kèm mã nguồn"),
    *_SOURCE_COLUMNS,
)
RESULTS_CSV_COLUMNS = (
    Column("mô hình", _MODEL),
    Column("tên mô hình", "Tên mô hình"),
    Column("nội dung", "Số liệu nói về gì, như nguồn ghi"),
    Column("loại số liệu", "Một trong: " + "; ".join(KIND_LABELS.values())),
    Column("chữ kèm số", "Chữ nguồn đặt trước số (gần, hơn, khoảng, dưới); trống nếu nguồn ghi số chính xác"),
    Column("số liệu", "Con số (dấu thập phân là dấu chấm)"),
    Column("trên tổng số", "Tổng số mà số liệu là một phần, nếu nguồn nêu"),
    Column("đơn vị", "Đơn vị của số liệu"),
    Column("phạm vi", "Phạm vi của số liệu (xã, huyện, tỉnh…)"),
    Column("đếm nơi nhân rộng", "“có” nếu số liệu đếm các nơi đã nhân rộng mô hình"),
    Column("nguồn khác ghi", "Số nguồn khác ghi cho cùng nội dung, kèm mã nguồn"),
    *_SOURCE_COLUMNS,
)
NO_PROVINCE = "(nguồn không nêu tỉnh)"
PROVINCES_CSV_COLUMNS = (
    Column("mã tỉnh", "Mã đơn vị hành chính (Tổng cục Thống kê) của tỉnh, thành phố hiện nay; trống ở dòng cuối"),
    Column("tỉnh, thành phố hiện nay", f"Tên tỉnh, thành phố sau sắp xếp năm 2025; dòng cuối “{NO_PROVINCE}” gồm các mô hình mà nguồn không nêu tỉnh"),
    Column("số mô hình", "Số mô hình có ít nhất một địa bàn ở tỉnh; một mô hình ở nhiều tỉnh được đếm ở mỗi tỉnh"),
    Column("mô hình", "Mã các mô hình, cách nhau bằng `; `"),
    Column("địa chỉ", "Địa chỉ trang của tỉnh trên trang này"),
)
MODELS_CSV_HEADER = [c.header for c in MODELS_CSV_COLUMNS]
COSTS_CSV_HEADER = [c.header for c in COSTS_CSV_COLUMNS]
RESULTS_CSV_HEADER = [c.header for c in RESULTS_CSV_COLUMNS]


def models_csv(views: list[ModelView], site_url: str) -> bytes:
    """One row per model; lists inside a cell are joined with ``; `` (places with `` | ``)."""
    rows: list[list[Any]] = [MODELS_CSV_HEADER]
    for v in views:
        rows.append([
            v.id, v.m.name, v.m.summary, v.status_label, v.status_date.iso, v.evidence[1],
            "; ".join(t.label for t in v.topics), v.community.label,
            v.m.started.iso if v.m.started else "", v.m.lead or "", " | ".join(loc.text for loc in v.locations),
            "; ".join(p.name for p in v.provinces_today), len(v.replication_points), len(v.m.results),
            "; ".join(v.source_ids),
            v.last_modified.iso, model_url(v.id, site_url),
        ])
    return csv_bytes(rows)


def _dated_rows(views: list[ModelView], header: list[str], items: Callable[[ModelView], list[Any]],
                cells: Callable[[ModelView, Any], list[Any]]) -> bytes:
    """One row per dated, sourced item of each model (a result, a cost): the model, the item's own cells,
    then its date and its source."""
    rows: list[list[Any]] = [header]
    for v in views:
        sources = dict(v.sources)
        for item in items(v):
            source = sources[item.source]
            rows.append([v.id, v.m.name, *cells(v, item), item.as_of.iso, item.source, source.title,
                         source.date.iso, source.url or ""])
    return csv_bytes(rows)


def results_csv(views: list[ModelView]) -> bytes:
    """One row per result figure, with its source."""
    return _dated_rows(views, RESULTS_CSV_HEADER, lambda v: list(v.m.results), lambda v, r: [
        r.label, KIND_LABELS[r.kind], qualifier_word(r.qualifier), r.value,
        "" if r.total is None else r.total, r.unit or "", r.scope or "", "có" if r.replication else "",
        "; ".join(f"{hedged(o.qualifier, number(o.value))} (nguồn {o.source})" for o in r.other_values)])


def costs_csv(views: list[ModelView]) -> bytes:
    """One row per cost, with who paid and its source (``du-lieu/kinh-phi.csv``)."""
    return _dated_rows(views, COSTS_CSV_HEADER, lambda v: list(v.m.costs), lambda v, c: [
        c.label, qualifier_word(c.qualifier), c.amount, c.per or "", v.payer(c),
        "có" if c.in_kind else "", c.note or "", "" if c.quantity is None else c.quantity, c.unit or "",
        "; ".join(f"{hedged(o.qualifier, money(o.amount))} (nguồn {o.source})" for o in c.other_values)])


def province_counts(site: Site) -> list[tuple[places.Province, list[ModelView]]]:
    """Every province of today with its models (most models first, then by name; a province without a model
    too, so the table shows where none is recorded yet)."""
    rows = [(p, site.by_province.get(p.slug, [])) for p in places.current_provinces()]
    return sorted(rows, key=lambda row: (-len(row[1]), row[0].code))


def without_province(site: Site) -> list[ModelView]:
    """The models whose sources name no province (``province: null`` at every place)."""
    return [v for v in site.models if not v.provinces_today]


def provinces_csv(site: Site) -> bytes:
    """``du-lieu/theo-tinh.csv``: the table of models per province of the data page, and a last row for the
    models whose sources name no province."""
    rows: list[list[Any]] = [[c.header for c in PROVINCES_CSV_COLUMNS]]
    for province, models in province_counts(site):
        rows.append([province.code, province.name, len(models), "; ".join(v.id for v in models),
                     address(site.site_url, province_path(province.slug))])
    unplaced = without_province(site)
    rows.append(["", NO_PROVINCE, len(unplaced), "; ".join(v.id for v in unplaced), ""])
    return csv_bytes(rows)


class DataFile(NamedTuple):
    """A file offered on the data page: its name under ``du-lieu/`` and what it holds."""

    name: str
    what: str


FILES = (
    DataFile("mo-hinh.json", "mọi mô hình: hồ sơ như đã viết (ngày dạng ISO 8601, số là số), địa bàn như nguồn ghi và "
             "tỉnh, thành phố hiện nay (sau sắp xếp năm 2025), nhãn chủ đề, nguồn, ngày cập nhật"),
    DataFile("mo-hinh.csv", "mỗi mô hình một dòng (UTF-8 có BOM, mở được bằng Excel)"),
    DataFile("ket-qua.csv", "mỗi số liệu kết quả một dòng, kèm ngày số liệu và nguồn"),
    DataFile("kinh-phi.csv", "mỗi khoản kinh phí một dòng: số tiền (đồng), tính cho mỗi (hộ, tháng…), ai chi trả, "
             "hiện vật hay tiền, ngày và nguồn"),
    DataFile("theo-tinh.csv", "số mô hình theo tỉnh, thành phố hiện nay (bảng dưới đây), kèm mã các mô hình"),
    DataFile("tong-hop.xlsx", "bảng tổng hợp cho cán bộ báo cáo theo Hướng dẫn 22/HD-BCA-V05: một trang tính cả nước và "
             "một trang cho mỗi tỉnh, thành phố hiện nay; mỗi mô hình một dòng với số điểm nhân rộng, số tổ, đội, số "
             "người tham gia, tình trạng kèm ngày, công nhận, nguồn"),
    DataFile(RECORD_SCHEMA, "JSON Schema của một hồ sơ mô hình (trường `record` trong mo-hinh.json theo lược đồ này)"),
    DataFile(DOCUMENT_SCHEMA, "JSON Schema của cả tệp mo-hinh.json"),
)
PAGE = f"{DATA_DIR}/index.md"


class Section(NamedTuple):
    """One file of the data dictionary: its name, what one row (or entry) is, and its columns or fields."""

    name: str
    row: str
    columns: tuple[Column, ...]


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model a field holds, alone or as a list (``PlaceData`` of ``list[PlaceData]``)."""
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def json_fields(model: type[BaseModel], prefix: str = "") -> tuple[Column, ...]:
    """Every field of ``model`` and of the models it holds, by path (``models[].places[].text``), with the
    title and description declared on the field."""
    columns: list[Column] = []
    for name, field in model.model_fields.items():
        inner = _inner_model(field.annotation)
        is_list = typing.get_origin(field.annotation) is list
        path = prefix + name + ("[]" if is_list else "")
        meaning = field.title or ""
        if field.description:
            meaning += f". {field.description}"
        columns.append(Column(path, meaning))
        if inner is not None:
            columns += json_fields(inner, path + ".")
    return tuple(columns)


def dictionary() -> tuple[Section, ...]:
    """The data dictionary: every column of the CSV files and of the workbook, every field of
    ``mo-hinh.json``, as declared in the code."""
    return (
        Section("mo-hinh.csv", "một mô hình", MODELS_CSV_COLUMNS),
        Section("ket-qua.csv", "một số liệu kết quả", RESULTS_CSV_COLUMNS),
        Section("kinh-phi.csv", "một khoản kinh phí", COSTS_CSV_COLUMNS),
        Section("theo-tinh.csv", "một tỉnh, thành phố hiện nay", PROVINCES_CSV_COLUMNS),
        Section("tong-hop.xlsx", "một mô hình, trên trang tính cả nước và trang tính của mỗi tỉnh có mô hình",
                tuple(Column(c.header, c.meaning) for c in summary.COLUMNS)),
        Section("mo-hinh.json", "một trường; `[]` là danh sách", json_fields(OpenDataDocument)),
    )


def paths(site: Site) -> list[str]:
    """Where `make` writes (so the files can be made in another process while MkDocs works)."""
    return [f"{DATA_DIR}/{f.name}" for f in FILES] + [PAGE]


def make(site: Site) -> dict[str, str | bytes]:
    """``du-lieu/mo-hinh.json``, the CSV files, the workbook and the two schemas, by site path, and the data
    page that offers them with their sizes."""
    views, site_url = site.models, site.site_url
    data = document(views, site_url, site.catalogue.own_unit).model_dump(mode="json")
    files: dict[str, str | bytes] = {
        f"{DATA_DIR}/mo-hinh.json": (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        f"{DATA_DIR}/mo-hinh.csv": models_csv(views, site_url),
        f"{DATA_DIR}/ket-qua.csv": results_csv(views),
        f"{DATA_DIR}/kinh-phi.csv": costs_csv(views),
        f"{DATA_DIR}/theo-tinh.csv": provinces_csv(site),
        f"{DATA_DIR}/tong-hop.xlsx": summary.workbook(site),
        f"{DATA_DIR}/{RECORD_SCHEMA}": schema_text().encode("utf-8"),
        f"{DATA_DIR}/{DOCUMENT_SCHEMA}": write_json(document_schema()).encode("utf-8"),
    }
    sizes = {f.name: file_size(len(files[f"{DATA_DIR}/{f.name}"])) for f in FILES}
    # made by `types` (FIRST); its size is the same bytes again, cheap: a few types
    sizes[TYPES_DATA.removeprefix(f"{DATA_DIR}/")] = file_size(len(write_json(types.types_data(site)).encode("utf-8")))
    files[PAGE] = site.render("data.md.j2", files=FILES, sizes=sizes, provinces=province_counts(site),
                              unplaced=without_province(site), dictionary=dictionary())
    return files
