"""Open data written on every build: ``/du-lieu/`` JSON, CSV and their JSON Schemas.

``mo-hinh.json`` is built from the pydantic models below, so its schema (``mo-hinh.schema.json``) is
generated from the same declaration; each model's ``record`` follows the record schema
(``model.schema.json``, the one editors use, generated from `mohinh.schema.Model`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from ..paths import model_url
from ..render import Site
from ..schema import KIND_LABELS, SCHEMA_VERSION
from ..schema_files import RECORD_SCHEMA, schema_text, write_json
from ..text import csv_bytes, hedged, money, number, qualifier_word
from ..views import ModelView
from . import summary

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


MODELS_CSV_HEADER = ["id", "tên", "tóm tắt", "tình trạng", "tình trạng tính đến", "mức thông tin", "chủ đề",
                     "cộng đồng", "bắt đầu", "cơ quan chủ trì", "địa bàn", "tỉnh hiện nay", "số điểm nhân rộng",
                     "số kết quả", "nguồn", "cập nhật lần cuối", "địa chỉ"]
COSTS_CSV_HEADER = ["mô hình", "tên mô hình", "khoản chi", "chữ kèm số", "số tiền (đồng)", "tính cho mỗi", "ai chi trả",
                    "hiện vật", "ghi chú", "số lượng mua được", "đơn vị số lượng", "nguồn khác ghi", "tính đến", "mã nguồn", "nguồn", "ngày nguồn", "địa chỉ nguồn"]
RESULTS_CSV_HEADER = ["mô hình", "tên mô hình", "nội dung", "loại số liệu", "chữ kèm số", "số liệu", "trên tổng số", "đơn vị",
                      "phạm vi", "đếm nơi nhân rộng", "nguồn khác ghi",
                      "tính đến", "mã nguồn", "nguồn", "ngày nguồn", "địa chỉ nguồn"]


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


FILES = ("mo-hinh.json", "mo-hinh.csv", "ket-qua.csv", "kinh-phi.csv", "tong-hop.xlsx", RECORD_SCHEMA, DOCUMENT_SCHEMA)


def paths(site: Site) -> list[str]:
    """Where `make` writes (so the files can be made in another process while MkDocs works)."""
    return [f"{DATA_DIR}/{name}" for name in FILES]


def make(site: Site) -> dict[str, bytes]:
    """``du-lieu/mo-hinh.json``, ``mo-hinh.csv``, ``ket-qua.csv`` and the two schemas, by site path."""
    views, site_url = site.models, site.site_url
    data = document(views, site_url, site.catalogue.own_unit).model_dump(mode="json")
    return {
        f"{DATA_DIR}/mo-hinh.json": (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        f"{DATA_DIR}/mo-hinh.csv": models_csv(views, site_url),
        f"{DATA_DIR}/ket-qua.csv": results_csv(views),
        f"{DATA_DIR}/kinh-phi.csv": costs_csv(views),
        f"{DATA_DIR}/tong-hop.xlsx": summary.workbook(site),
        f"{DATA_DIR}/{RECORD_SCHEMA}": schema_text().encode("utf-8"),
        f"{DATA_DIR}/{DOCUMENT_SCHEMA}": write_json(document_schema()).encode("utf-8"),
    }
