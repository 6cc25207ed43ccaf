"""Open data written on every build: ``/du-lieu/`` JSON, CSV and the record JSON Schema."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .render import ModelView
from .schema import json_schema
from .text import csv_cell

DATA_DIR = "du-lieu"
LICENCE = "CC BY 4.0 (nội dung); ghi nguồn theo từng mô hình"


def model_data(view: ModelView, site_url: str) -> dict[str, Any]:
    """One model as open data: the record as written (ISO dates) plus resolved places and labels."""
    record = view.m.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    record.pop("draft", None)
    return {
        "id": view.id,
        "url": f"{site_url}mo-hinh/{view.id}/",
        "record": record,
        "status_label": view.status_label,
        "topics": [{"slug": t.slug, "label": t.label} for t in view.topics],
        "community": {"slug": view.community.slug, "label": view.community.label},
        "places": [
            {
                "reported": loc.reported,
                "province_reported": loc.province.name if loc.province else None,
                "province_today": loc.province_today.name if loc.province_today else None,
                "province_today_code": loc.province_today.code if loc.province_today else None,
                "text": loc.text,
            }
            for loc in view.locations
        ],
        "sources": [{"id": sid, **s.model_dump(mode="json", exclude_none=True)} for sid, s in view.sources],
    }


def _csv(rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens Vietnamese correctly


def models_csv(views: list[ModelView], site_url: str) -> bytes:
    """One row per model."""
    rows: list[list[Any]] = [["id", "tên", "tóm tắt", "tình trạng", "chủ đề", "cộng đồng", "bắt đầu",
                              "cơ quan chủ trì", "địa bàn", "tỉnh hiện nay", "số kết quả", "nguồn", "địa chỉ"]]
    for v in views:
        rows.append([
            v.id, v.m.name, v.m.summary, v.status_label, "; ".join(t.label for t in v.topics), v.community.label,
            v.m.started.iso if v.m.started else "", v.m.lead or "", " | ".join(loc.text for loc in v.locations),
            "; ".join(p.name for p in v.provinces_today), len(v.m.results), "; ".join(v.source_ids),
            f"{site_url}mo-hinh/{v.id}/",
        ])
    return _csv(rows)


def results_csv(views: list[ModelView]) -> bytes:
    """One row per result figure, with its source."""
    rows: list[list[Any]] = [["mô hình", "tên mô hình", "nội dung", "số liệu", "trên tổng số", "đơn vị", "phạm vi",
                              "tính đến", "mã nguồn", "nguồn", "ngày nguồn", "địa chỉ nguồn"]]
    for v in views:
        sources = dict(v.sources)
        for r in v.m.results:
            source = sources[r.source]
            rows.append([v.id, v.m.name, r.label, r.value, "" if r.total is None else r.total, r.unit or "",
                         r.scope or "", r.as_of.iso, r.source, source.title, source.date.iso, source.url or ""])
    return _csv(rows)


def schema_text() -> str:
    """The record JSON Schema as committed in ``schema/model.schema.json`` and published on the site."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def open_data_files(views: list[ModelView], site_url: str) -> dict[str, bytes]:
    """``du-lieu/mo-hinh.json``, ``mo-hinh.csv``, ``ket-qua.csv`` and ``model.schema.json``, by site path."""
    document = {
        "schema_version": 1,
        "licence": LICENCE,
        "record_schema": "model.schema.json",
        "models": [model_data(v, site_url) for v in views],
    }
    return {
        f"{DATA_DIR}/mo-hinh.json": (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        f"{DATA_DIR}/mo-hinh.csv": models_csv(views, site_url),
        f"{DATA_DIR}/ket-qua.csv": results_csv(views),
        f"{DATA_DIR}/model.schema.json": schema_text().encode("utf-8"),
    }
