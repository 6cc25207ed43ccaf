"""The JSON Schema files of the record contract (`mohinh.schema`), as ``mohinh schema`` writes them into
``schema/`` for editors and the build publishes the record's under ``du-lieu/``."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from .schema import Slug, Source, Vocabularies, json_schema, type_json_schema
from .text import SLUG_PATTERN

RECORD_SCHEMA = "model.schema.json"


def write_json(data: Any) -> str:
    """``data`` as the committed JSON files are written: sorted keys, two spaces, Vietnamese letters as they are."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_text() -> str:
    """The record JSON Schema as committed in ``schema/model.schema.json`` and published on the site."""
    return write_json(json_schema())


def _vietnamese(schema: dict[str, Any], title: str, description: str, parts: dict[str, tuple[str, str]]) -> dict[str, Any]:
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema.update(title=title, description=description)
    for name, (part_title, part_description) in parts.items():
        schema["$defs"][name].update(title=part_title, description=part_description)
    return schema


def editor_schemas() -> dict[str, str]:
    """Every JSON Schema committed in ``schema/`` for editors, by file name (``mohinh schema`` writes them).

    Besides the record's, ``models/_sources.yml`` and ``models/_vocabularies.yml`` get their own, so an
    editor never checks them against the record schema.
    """
    sources = TypeAdapter(dict[Slug, Source]).json_schema()
    sources["propertyNames"] = {"pattern": SLUG_PATTERN}
    sources["$id"] = "sources.schema.json"
    source = Source.model_json_schema()
    source["$id"] = "source.schema.json"
    source.update(title="Một nguồn (models/_sources/<mã>.yml)",
                  description="Một bài báo, báo cáo mà hồ sơ lấy thông tin; tên tệp là mã nguồn")
    source["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    vocabularies = Vocabularies.model_json_schema()
    vocabularies["$id"] = "vocabularies.schema.json"
    return {
        RECORD_SCHEMA: schema_text(),
        "sources.schema.json": write_json(_vietnamese(
            sources, "Nguồn dùng chung (models/_sources.yml)",
            "Mỗi mục: mã nguồn (chữ thường không dấu, gạch ngang) với `title` và `date` bắt buộc",
            {"Source": ("Nguồn", "Một bài báo, báo cáo mà hồ sơ lấy thông tin")})),
        "source.schema.json": write_json(source),
        "type.schema.json": write_json(type_json_schema()),
        "vocabularies.schema.json": write_json(_vietnamese(
            vocabularies, "Danh mục chủ đề và loại cộng đồng (models/_vocabularies.yml)",
            "Thêm mục mới với `slug` không dấu và `label` tiếng Việt; không đổi `slug` đã có",
            {"Term": ("Mục", "Một chủ đề hoặc loại cộng đồng: mã và tên hiển thị")})),
    }
