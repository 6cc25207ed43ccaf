"""The web editor at ``/quan-tri/``: Decap CMS (vendored, see ``vendor/decap-cms/VERSION``) over the site's git
repository, with its ``config.yml`` made at build time from the record contract (`mohinh.schema`).

The form is generated from the same pydantic models as ``mohinh check`` and the JSON Schema: every field of
a record with its Vietnamese title as label and its description as hint, required fields marked, the
vocabularies (topics, communities, funders), statuses and recognition levels as selects with Vietnamese
labels, provinces as a select of today's 34 and the former 63. Dates, numbers and amounts use the small
widgets of ``editor.js`` (registered with ``CMS.registerWidget``), which refuse what the contract refuses
(``31/02/2020``, ``76.303``, ``878.000.000``) with a Vietnamese message; the patterns and messages they use
come from here. Saving goes through the site owner's git host (``extra.mohinh.editor`` in ``mkdocs.yml``,
checked by `settings`): with ``review: true`` (default) each save is a branch and a merge/pull request.

The page is a static file, not a MkDocs page: it is in neither the sitemap nor the search index, and
says ``noindex``. The bundle is copied as it is (bytes read once per process).
"""

from __future__ import annotations

import json
import re
import types
import typing
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal, Union
from urllib.parse import urlparse

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .. import places, schema
from ..dates import DATE_FIX, ISO_DATE, VI_DATE, PartialDate
from ..errors import MohinhError
from ..paths import is_absolute
from ..render import Site
from ..text import SLUG_PATTERN

FOLDER = "quan-tri"
FORMAT = "mohinh-yaml"  # yaml-format.js: a save edits the file's text, only the changed values' lines
MODELS = "mo-hinh"  # collection names: Decap's editorial workflow names branches cms/<collection>/<entry>
SOURCES = "nguon"
HOSTS = ("github", "gitlab")  # git hosts the editor saves to (Decap's backends of the same names)


class EditorSettingsError(MohinhError):
    """``extra.mohinh.editor`` in ``mkdocs.yml`` is not usable."""


@dataclass(frozen=True)
class EditorSettings:
    """Where the editor saves: the site owner's settings (``extra.mohinh.editor``), checked by `settings`."""

    backend: str | None = None  # github, gitlab; None: not set up (the page says how)
    repo: str | None = None  # owner/name
    branch: str = "main"
    base_url: str | None = None  # GitHub: the OAuth relay; GitLab: the self-managed server
    api_root: str | None = None  # GitLab self-managed: <base_url>/api/v4 unless given
    app_id: str | None = None  # GitLab: the application id, sign-in with PKCE (no server)
    review: bool = True  # editorial workflow: each save is a branch and a merge/pull request
    local: str | None = None  # Decap's local proxy (npx decap-server) address, on the officer's own machine

    @property
    def ready(self) -> bool:
        return self.local is not None or (self.backend is not None and self.repo is not None)


_KEYS = ("backend", "repo", "branch", "base_url", "api_root", "app_id", "review", "local")
LOCAL_DEFAULT = "http://localhost:8081/api/v1"


def settings(raw: Any, repo_url: str | None = None) -> EditorSettings:
    """The editor's settings from ``extra.mohinh.editor`` (``raw``) and ``repo_url`` (its default host and
    repository); an `EditorSettingsError` in Vietnamese, naming the key and the fix, for anything else."""
    where = "mkdocs.yml, extra › mohinh › editor"

    def fail(key: str, message: str, fix: str) -> EditorSettingsError:
        return EditorSettingsError(f"{where} › {key}: {message}. Cách sửa: {fix}")

    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise EditorSettingsError(f"{where}: phải là các mục `khóa: giá trị`. Cách sửa: xem README, mục “Soạn trên trình duyệt”")
    for key in raw:
        if key not in _KEYS:
            raise fail(str(key), "khóa không có", "dùng một trong: " + ", ".join(_KEYS))

    def text(key: str, pattern: str | None = None, fix: str = "") -> str | None:
        value = raw.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise fail(key, f"phải là văn bản, đang là `{value}`", fix or "đặt giá trị trong ngoặc kép")
        value = value.strip()
        if pattern and not re.fullmatch(pattern, value):
            raise fail(key, f"`{value}` không hợp lệ", fix)
        return value

    url = r"https?://[^\s/]+(?:/[^\s]*)?"
    backend = text("backend", "|".join(HOSTS), "ghi " + " hoặc ".join(HOSTS))
    repo = text("repo", r"[\w.-]+(?:/[\w.-]+)+", "ghi chủ/kho, ví dụ: cong-an-ha-tinh/mo-hinh")
    if repo_url and (backend is None or repo is None):
        parsed = urlparse(repo_url)
        host = parsed.hostname or ""
        # github.com, gitlab.com, or a self-managed GitLab (its name says so, or a GitLab app id is given)
        guessed = "github" if host == "github.com" else "gitlab" if "gitlab" in host or raw.get("app_id") else None
        if backend is None and guessed:
            backend = guessed
        if repo is None and guessed is not None and backend == guessed:
            repo = parsed.path.strip("/").removesuffix(".git") or None
            if guessed == "gitlab" and host != "gitlab.com" and raw.get("base_url") is None:
                raw = {**raw, "base_url": f"{parsed.scheme}://{parsed.netloc}"}
    if (backend is None) != (repo is None) and raw.get("local") in (None, False):
        missing = "repo" if repo is None else "backend"
        raise fail(missing, "chưa ghi", "ghi cả `backend` (github hoặc gitlab) và `repo` (chủ/kho), hoặc ghi `repo_url` của kho")
    review = raw.get("review", True)
    if not isinstance(review, bool):
        raise fail("review", f"phải là true hoặc false, đang là `{review}`", "viết review: true (gửi duyệt) hoặc review: false")
    local_raw = raw.get("local", False)
    if local_raw is True:
        local: str | None = LOCAL_DEFAULT
    elif local_raw is False or local_raw is None:
        local = None
    elif isinstance(local_raw, str) and re.fullmatch(r"http://(localhost|127\.0\.0\.1)(:\d+)?/api/v1", local_raw.strip()):
        local = local_raw.strip()
    else:
        raise fail("local", f"`{local_raw}` không hợp lệ",
                   "viết local: true (máy chủ `npx decap-server` trên máy mình), hoặc http://localhost:<cổng>/api/v1")
    base_url = text("base_url", url, "ghi địa chỉ đầy đủ, ví dụ: https://gitlab.donvi.vn")
    api_root = text("api_root", url, "ghi địa chỉ API, ví dụ: https://gitlab.donvi.vn/api/v4")
    app_id = raw.get("app_id")
    if app_id is not None:
        app_id = str(app_id).strip()
        if not re.fullmatch(r"[\w-]+", app_id):
            raise fail("app_id", f"`{app_id}` không hợp lệ", "chép đúng Application ID của ứng dụng GitLab")
        if backend != "gitlab":
            raise fail("app_id", "chỉ dùng với GitLab", "bỏ `app_id`, hoặc ghi backend: gitlab")
    branch = text("branch", r"[\w./-]+", "ghi tên nhánh chính, ví dụ: main") or "main"
    if backend == "gitlab" and base_url and api_root is None:
        api_root = base_url.rstrip("/") + "/api/v4"
    return EditorSettings(backend, repo, branch, base_url, api_root, app_id, review, local)


# --- the form, from the contract ---

Widget = dict[str, Any]

# Fields whose values are names from elsewhere: a vocabulary, the place table, another collection.
_CHOICES: dict[tuple[str, str], str] = {
    ("Model", "topics"): "topics",
    ("Model", "types"): "types",
    ("Model", "community"): "communities",
    ("Cost", "paid_by"): "funders",
    ("Location", "province"): "provinces",
}
_SOURCE_REFS = {("Model", "sources"), ("Result", "source"), ("Cost", "source"), ("Team", "source"),
                ("Recognition", "source"), ("Update", "source"), ("OtherValue", "source"), ("OtherAmount", "source")}
_MULTILINE = {("Model", "summary")}
_LIST_SUMMARY = {"Location": "{{fields.province}} {{fields.commune}}", "Result": "{{fields.label}}: {{fields.value}}",
                 "Cost": "{{fields.label}}: {{fields.amount}}", "ReplicationStep": "{{fields.title}}",
                 "Update": "{{fields.date}} {{fields.title}}", "Media": "{{fields.file}}",
                 "Recognition": "{{fields.title}}", "Contact": "{{fields.organisation}}"}
NOT_GIVEN = "__khong-neu__"  # the form's value for a required choice the source does not give (null in the file)
NOT_GIVEN_LABEL = "(Nguồn không nêu: giải thích ở Ghi chú)"
_LABELS = {"status": schema.STATUS_LABELS, "level": schema.RECOGNITION_LABELS}
_SOURCE_HINT = ("Chọn nguồn (gõ vài chữ của tiêu đề); nguồn chưa có trên trang thì viết ở ô “Nguồn mới” của mô hình: "
                "nó được gửi duyệt cùng mô hình và chọn được ngay ở đây")
# The model's new sources, written in its record (`schema.WrittenSource`): a list of the form only; yaml-format.js
# reads them from the record's `sources:` and writes them back there, where the model lists them.
WRITTEN_SOURCES = "new_sources"
_WRITTEN_HINT = ("Nguồn chưa có trên trang (chưa có trong mục Nguồn): ghi ở đây, nó nằm trong chính tệp của mô hình và "
                 "được duyệt cùng mô hình trong một lần gửi. Đặt mã mới cho nguồn (chữ thường không dấu, gạch ngang, ví "
                 "dụ: bao-khanh-hoa-2025-11-camera); mã hiện ngay trong ô Nguồn và ô Nguồn của từng kết quả, kinh phí. "
                 "Nguồn đã có thì chọn ở ô Nguồn, đừng viết lại")
# The contract's descriptions name codes for people writing YAML; in the form, they pick from labels.
_HINTS: dict[tuple[str, str], str] = {
    ("Model", "id"): "Tên tệp của mô hình mới: tỉnh rồi tên mô hình, chữ thường không dấu, nối bằng gạch ngang, "
                     "ví dụ: ha-tinh-tieng-keng-an-ninh. Không đổi được sau khi lưu",
    ("Model", "status"): "Theo nguồn mới nhất",
    ("Model", "topics"): "Chọn một hoặc nhiều chủ đề",
    ("Model", "types"): "Chọn một hoặc nhiều loại mô hình (camera an ninh, tiếng kẻng an ninh…); bỏ trống nếu không thuộc loại nào",
    ("Model", "community"): "Mô hình dựa vào cộng đồng nào",
    ("Model", "related"): "Mô hình nên đọc tiếp",
    ("Model", "draft"): "Bật: chưa công bố, không có trong trang công khai (vẫn được kiểm tra và dựng thử)",
    ("Model", "updates"): "Tin có ngày về mô hình, mới nhất ở cuối",
    ("Location", "province"): "Tên tỉnh như nguồn ghi, trước hoặc sau sắp xếp 2025; nếu nguồn không nêu, chọn "
                              f"“{NOT_GIVEN_LABEL}” và giải thích ở Ghi chú",
    ("Location", "origin"): "Bật: mô hình bắt đầu ở nơi này; nơi khác là điểm nhân rộng",
    ("Cost", "paid_by"): "Ai chi trả khoản này",
    ("Cost", "in_kind"): "Bật: đóng góp bằng hiện vật, số tiền là giá trị hiện vật",
    ("Recognition", "level"): "Cấp của cơ quan công nhận",
    ("Media", "file"): "Tải ảnh lên; ảnh được lưu trong models/media/<mã mô hình>/ (mã mô hình là tên tệp)",
}


def _messages() -> dict[str, str]:
    """What the editor's widgets say, in Vietnamese; ``{x}`` is filled in by ``editor.js``."""
    return {
        "date_format": f"`{{value}}` không phải là ngày. Cách sửa: {DATE_FIX}",
        "date_month": "tháng {month} không tồn tại. Cách sửa: tháng là số từ 1 đến 12; viết ngày trước, tháng sau: 02/10/2018",
        "date_day": "ngày {value} không có thật. Cách sửa: kiểm tra lại ngày trong nguồn; viết ngày trước, tháng sau: 02/10/2018",
        "date_future": "ngày {value} còn ở tương lai. Cách sửa: chỉ ghi những gì đã diễn ra; kiểm tra lại năm",
        "date_old": "năm {year} quá xa. Cách sửa: kiểm tra lại năm",
        "thousands": "`{value}`: dấu chấm phân cách hàng nghìn không dùng được trong trường số. Cách sửa: viết {digits}",
        "number": "`{value}` không phải là số. Cách sửa: chỉ ghi số, không kèm chữ; đơn vị ghi vào ô Đơn vị, ví dụ: 76303",
        "whole": "`{value}` phải là số nguyên không âm. Cách sửa: chỉ ghi chữ số, ví dụ: 12",
        "amount": "`{value}` không phải số tiền viết liền (dấu chấm, dấu phẩy và chữ không dùng được). Cách sửa: viết {digits}",
        "amount_other": "`{value}` không phải số tiền viết liền. Cách sửa: chỉ ghi chữ số, ví dụ: 878000000",
        "range": "`{value}`: ghi một số (12) hoặc một khoảng (10-20)",
        "slug": "`{value}` không phải mã hợp lệ. Cách sửa: mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ: ha-tinh-tieng-keng-an-ninh",
        "required": "Cần điền ô này",
        "blank": "Cần điền ô này: chỉ có dấu cách là chưa điền. Cách sửa: ghi nội dung, hoặc xóa mục này nếu không cần",
    }


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside ``X | None``, and whether None is allowed."""
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], len(args) < len(typing.get_args(annotation))
    return annotation, False


def _scalar(kind: Any) -> Widget:
    """The widget of a single value of the contract's type ``kind``."""
    if kind == schema.Amount:
        return {"widget": "mohinh-tien"}
    if kind == schema.Count:
        return {"widget": "mohinh-so", "whole": True}
    if kind == schema.Number:
        return {"widget": "mohinh-so"}
    if kind is PartialDate:
        return {"widget": "mohinh-ngay"}
    if kind == schema.Flag:
        return {"widget": "boolean"}
    if kind == schema.Url:
        return {"widget": "string", "pattern": [schema.URL_PATTERN, schema.URL_PROBLEM.capitalize()]}
    if kind == schema.Slug:
        return {"widget": "string", "pattern": [SLUG_PATTERN, _messages()["slug"].replace("`{value}` ", "")]}
    if kind == schema.Markdown:
        return {"widget": "text"}
    if kind == schema.Text:
        return {"widget": "string"}
    if kind == schema.Members:
        return {"widget": "mohinh-so", "whole": True, "range": True}
    raise MohinhError(f"trình soạn thảo chưa biết kiểu {kind!r} (lỗi của mohinh, xin báo lại)")


_ALIASES = (schema.Text, schema.Markdown, schema.Slug, schema.Number, schema.Url, schema.Flag, schema.Amount,
            schema.Count, schema.Members)


def _declared(info: FieldInfo) -> Any:
    """The field's type as the contract declares it: pydantic keeps the validators of a field's own
    ``Annotated`` type in ``metadata``, so ``name: Text`` reads back as `schema.Text`, not ``str``."""
    for alias in _ALIASES:
        if info.metadata and all(m in info.metadata for m in alias.__metadata__):
            return alias
    return info.annotation


def _field(part: type[BaseModel], name: str, info: FieldInfo, choices: dict[str, list[dict[str, str]]]) -> Widget:
    """One field of the form, for the field ``name`` of the contract's ``part``."""
    kind, nullable = _unwrap(_declared(info))
    key = (part.__name__, name)
    field: Widget = {"name": name, "label": info.title or name}
    hint = _HINTS.get(key) or (_SOURCE_HINT if key in _SOURCE_REFS else info.description)
    if hint:
        field["hint"] = hint
    # Required as the contract requires: a field without a default (a place whose source names no province
    # says so with a choice of its own, written as null).
    required = info.is_required()
    if key in _CHOICES:
        options = choices[_CHOICES[key]]
        if nullable and required:
            options = [*options, {"label": NOT_GIVEN_LABEL, "value": NOT_GIVEN}]
        field.update(widget="select", options=options)
        if typing.get_origin(kind) is list:
            field.update(multiple=True, **({"min": 1} if required else {}))
    elif key in _SOURCE_REFS:
        # Decap's relation over the sources collection, in editor.js's `mohinh-nguon`, which also offers the
        # sources written in this model (`WRITTEN_SOURCES`: new, reviewed with it).
        field.update(widget="mohinh-nguon", collection=SOURCES, value_field="{{slug}}", search_fields=["title", "publisher"],
                     display_fields=["{{title}} ({{date}})"], options_length=50)
        if typing.get_origin(kind) is list:
            field.update(multiple=True, min=1)
    elif key == ("Model", "related"):
        field.update(widget="relation", collection=MODELS, value_field="{{slug}}", search_fields=["name"],
                     display_fields=["name"], multiple=True)
    elif key == ("Model", "id"):
        # The file name: typed for a new model, shown (and kept unwritten if the file has no `id:`) for one
        # that exists; the form needs it, as photos go to models/media/<id>/.
        field.update(widget="mohinh-ma")
        required = True
    elif key == ("Media", "file"):
        field.update(widget="image", choose_url=False)
    elif typing.get_origin(kind) is Literal:
        labels = _LABELS.get(name, {})
        field.update(widget="select", options=[{"label": labels.get(v, v), "value": v} for v in typing.get_args(kind)])
    elif typing.get_origin(kind) is list:
        (item,) = typing.get_args(kind)
        if isinstance(item, type) and issubclass(item, BaseModel):
            field.update(widget="list", fields=_fields(item, choices), collapsed=True, minimize_collapsed=False,
                         add_to_top=False)
            if item.__name__ in _LIST_SUMMARY:
                field["summary"] = _LIST_SUMMARY[item.__name__]
            field["label_singular"] = schema._PART_DOCS[item.__name__][0].lower()
        else:
            field.update(widget="list", field={"name": "muc", "label": info.title or name, **_scalar(item)})
        if info.metadata and any(getattr(m, "min_length", 0) for m in info.metadata):
            field["min"] = 1
    elif isinstance(kind, type) and issubclass(kind, BaseModel):
        # An optional group (team, replication...): its required parts are told by `mohinh check`, as a form
        # cannot require a part of a group the officer leaves empty.
        field.update(widget="object", fields=_fields(kind, choices, optional_group=not required), collapsed=True)
    else:
        field.update(_scalar(kind))
    if key in _MULTILINE:
        field["widget"] = "text"
    if field["widget"] == "boolean":
        required = False
    if required and field["widget"] in ("string", "text") and "pattern" not in field:
        field["pattern"] = [r"\S", _messages()["blank"]]  # spaces only: refused, as `mohinh check` refuses them
    field["required"] = required
    return field


def _fields(part: type[BaseModel], choices: dict[str, list[dict[str, str]]], optional_group: bool = False) -> list[Widget]:
    fields = [_field(part, name, info, choices) for name, info in part.model_fields.items()]
    if optional_group:
        for field in fields:
            if field["required"]:
                field["required"] = False
                field["hint"] = (field.get("hint", "") + " (bắt buộc khi điền mục này)").strip()
    return fields


def _choices(site: Site) -> dict[str, list[dict[str, str]]]:
    catalogue = site.catalogue
    provinces = []
    for province in sorted(places.all_provinces(), key=lambda p: (not p.current, places.vietnamese_sort_key(p.name))):
        if province.current:
            label = province.name
        else:
            label = f"{province.name} (trước {province.changed_on or '07/2025'}; nay thuộc {places.today(province).name})"
        provinces.append({"label": label, "value": province.name})
    # A deprecated value stays a choice, last, so a record that has it opens and saves unchanged; its label says so.
    superseded = {deprecated.value for deprecated in schema.DEPRECATED if deprecated.value}
    terms = {name: sorted(({"label": f"{term.label} (đã cũ, đừng chọn)" if term.slug in superseded else term.label,
                            "value": term.slug} for term in getattr(catalogue, name).values()),
                          key=lambda choice: choice["value"] in superseded)
             for name in ("topics", "communities", "funders")}
    terms["types"] = [{"label": model_type.name, "value": slug} for slug, model_type in catalogue.types.items()]
    return {"provinces": provinces, **terms}


def _written_sources_field(choices: dict[str, list[dict[str, str]]]) -> Widget:
    """The form's list of the model's new sources (`WRITTEN_SOURCES`), each with its id first."""
    fields = _fields(schema.WrittenSource, choices)
    fields.sort(key=lambda field: field["name"] != "id")
    return {"name": WRITTEN_SOURCES, "label": "Nguồn mới (viết trong hồ sơ này, chờ duyệt cùng mô hình)",
            "label_singular": "nguồn mới", "hint": _WRITTEN_HINT, "widget": "list", "fields": fields,
            "collapsed": False, "minimize_collapsed": False, "add_to_top": False,
            "summary": "{{fields.title}} ({{fields.id}})", "required": False}


def cms_config(site: Site, editor: EditorSettings) -> dict[str, Any]:
    """Decap CMS's configuration for ``site``: the backend of ``editor`` and the form of the contract."""
    choices = _choices(site)
    config: dict[str, Any] = {"locale": "vi"}
    # Commit and review titles, in Vietnamese whatever the backend ({{collection}} is the collection's label).
    messages = {"create": "Thêm {{collection}} “{{slug}}” (trình soạn thảo)",
                "update": "Sửa {{collection}} “{{slug}}” (trình soạn thảo)",
                "delete": "Xóa {{collection}} “{{slug}}” (trình soạn thảo)",
                "uploadMedia": "Tải ảnh “{{path}}” lên (trình soạn thảo)",
                "deleteMedia": "Xóa ảnh “{{path}}” (trình soạn thảo)",
                "openAuthoring": "{{message}}"}
    if editor.backend:
        backend: dict[str, Any] = {"name": editor.backend, "repo": editor.repo, "branch": editor.branch,
                                   "squash_merges": True, "commit_messages": messages}
        if editor.base_url:
            backend["base_url"] = editor.base_url
        if editor.api_root:
            backend["api_root"] = editor.api_root
        if editor.app_id:
            backend.update(auth_type="pkce", app_id=editor.app_id)
    else:  # only the local proxy: Decap's proxy backend, straight to it
        backend = {"name": "proxy", "proxy_url": editor.local, "branch": editor.branch, "commit_messages": messages}
    config["backend"] = backend
    if editor.local and editor.backend:
        config["local_backend"] = {"url": editor.local}
    if editor.review:
        config["publish_mode"] = "editorial_workflow"
    if is_absolute(site.site_url):
        config.update(site_url=site.site_url, display_url=site.site_url)
    config.update(
        media_folder="models/media",
        public_folder="",
        slug={"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        show_preview_links=False,
        editor={"preview": False},
    )
    model_fields = _fields(schema.Model, choices)
    at = next(n for n, field in enumerate(model_fields) if field["name"] == "sources") + 1
    model_fields.insert(at, _written_sources_field(choices))
    config["collections"] = [
        {
            "name": MODELS, "label": "Mô hình", "label_singular": "mô hình",
            "description": "Mỗi mô hình là một tệp models/<mã>.yml. Lưu là gửi duyệt: người duyệt hợp nhất thì trang được xuất bản.",
            "folder": "models", "extension": "yml", "format": FORMAT, "create": True, "delete": False,
            "slug": "{{fields.id}}", "identifier_field": "name",
            "summary": "{{name}} · {{locations.0.province}} ({{filename}})",
            # models/media/<file name>/: the id field holds the file name, for a record with or without `id:`
            "media_folder": "media/{{fields.id}}", "public_folder": "",
            "sortable_fields": ["name"],
            "fields": model_fields,
        },
        {
            "name": SOURCES, "label": "Nguồn", "label_singular": "nguồn",
            "description": "Bài báo, báo cáo mà số liệu lấy từ đó; mỗi nguồn một tệp models/_sources/<mã>.yml.",
            "folder": "models/_sources", "extension": "yml", "format": FORMAT, "create": True, "delete": False,
            "slug": "{{slug}}", "identifier_field": "title", "summary": "{{title}} ({{date}})",
            "fields": _fields(schema.Source, choices),
        },
    ]
    return config


# --- the files ---

VENDOR = "vendor/decap-cms"
YAML_VENDOR = "vendor/yaml"  # the `yaml` package's browser build, in the version Decap bundles (update-cms.sh)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's writer: the same text, four times faster


@lru_cache(maxsize=1)
def _bundle() -> tuple[tuple[str, bytes], ...]:
    """Decap CMS as vendored: the bundle, its chunks, licence and version (read once); and the `yaml` package's
    browser build (``yaml/``), for the editor's own format."""
    found = []
    for vendored, prefix in ((VENDOR, ""), (YAML_VENDOR, "yaml/")):
        folder = resources.files("mohinh").joinpath(vendored)
        names = sorted(entry.name for entry in folder.iterdir()
                       if entry.name.endswith((".js", ".wasm", ".txt")) or entry.name in ("LICENSE", "VERSION"))
        found += [(prefix + name, folder.joinpath(name).read_bytes()) for name in names]
    return tuple(found)


def _resource(name: str) -> bytes:
    return resources.files("mohinh").joinpath("templates", "editor", name).read_bytes()


def version() -> str:
    """The vendored Decap CMS version, as ``vendor/decap-cms/VERSION`` records it."""
    return dict(_bundle())["VERSION"].decode("utf-8").split()[1]


# Files of models/ that are not records (Decap lists a folder's files): hidden from the list of models.
HIDDEN = ("_sources", "_vocabularies", "_types")


# Phrases Decap's Vietnamese translation lacks or shortens, set over it by ``editor.js`` (``CMS.registerLocale``).
PHRASES = {
    "editor": {"editorToolbar": {"status": "Trạng thái: %{status}"},
               "editorWidgets": {"list": {"add": "Thêm %{item}", "addType": "Thêm %{item}"},
                                 "image": {"choose": "Chọn ảnh", "chooseDifferent": "Chọn ảnh khác", "remove": "Bỏ ảnh"}}},
    "mediaLibrary": {"mediaLibraryModal": {"chooseSelected": "Dùng ảnh đã chọn", "upload": "Tải ảnh lên",
                                           "deleteSelected": "Xóa ảnh đã chọn"}},
    # "＋ Mô hình": the full-width plus has no glyph in the fonts Debian's Chromium has.
    "collection": {"collectionTop": {"newButton": "Thêm %{collectionLabel}"}},
}

# English that Decap's parts show whatever the locale (the select boxes' "No options" and what they tell a
# screen reader, error names, dates on the review board), and what ``editor.js`` shows instead: each entry
# is a regular expression over a text of the page and its replacement ($1... as in JavaScript).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
ENGLISH: list[tuple[str, str]] = [
    (r"^No options$", "Không có lựa chọn nào (nguồn mới đang chờ duyệt chưa chọn được, xem gợi ý của ô)"),
    (r"^Loading( options)?(\\.\\.\\.|…)?$", "Đang tải…"),
    (r"^Select\.\.\.$", "Chọn…"),
    (r"^(\d+) results? available for search term (.*)$", "Có $1 kết quả cho “$2”"),
    (r"^(\d+) results? available$", "Có $1 kết quả"),
    (r"^option (.*), selected\.$", "Đã chọn $1."),
    (r"^option (.*), deselected\.$", "Đã bỏ chọn $1."),
    (r"^option (.*) focused, (\d+) of (\d+)\. (.*)$", "Đang ở lựa chọn $1, thứ $2 trên $3."),
    (r"^Use Up and Down to choose options.*$", "Dùng phím lên, xuống để chọn, Enter để chọn lựa chọn đang ở, Esc để đóng."),
    (r"^API_ERROR: (.*)$", "Lỗi khi làm việc với kho git: $1. Cách sửa: tải lại trang; nếu vẫn lỗi, báo người quản trị "
                          "(thử trên máy: xem cửa sổ dòng lệnh đang chạy `bash run.sh editor`)"),
    (r"^Unknown error$", "lỗi không rõ"),
    (r"^Copy (.*)$", "Chép $1"),
    (r"^[\w-]+ field$", "ô nhập"),  # what a screen reader is told of each field's box ("string field")
    *((rf"^(\d{{1,2}}) {month}$", f"$1 tháng {n}") for n, month in enumerate(MONTHS, 1)),
    *((rf"^{month} (\d{{1,2}})$", f"$1 tháng {n}") for n, month in enumerate(MONTHS, 1)),
    *((rf"^(\d{{1,2}}) {month[:3]}$", f"$1 tháng {n}") for n, month in enumerate(MONTHS, 1)),
    *((rf"^{month[:3]} (\d{{1,2}})$", f"$1 tháng {n}") for n, month in enumerate(MONTHS, 1)),
]


def widget_settings() -> dict[str, Any]:
    """What ``editor.js`` checks with: the contract's patterns and the Vietnamese messages, and the phrases
    it sets over Decap's Vietnamese translation."""
    return {"slug_pattern": SLUG_PATTERN, "iso_date": ISO_DATE.pattern, "vi_date": VI_DATE.pattern,
            "thousands": schema.THOUSANDS.pattern, "messages": _messages(), "phrases": PHRASES,
            "format": format_options(), "english": ENGLISH}


def _parts(part: type[BaseModel], where: tuple[str, ...] = (),
           items: tuple[str, ...] = ()) -> typing.Iterator[tuple[str, tuple[str, ...], type[BaseModel]]]:
    """Every part of the contract under ``part``: its path without list positions ("replication.steps"), its
    path with ``*`` for any list position, and the part."""
    yield ".".join(where), items, part
    for name, info in part.model_fields.items():
        kind, _ = _unwrap(_declared(info))
        listed = typing.get_origin(kind) is list
        if listed:
            (kind,) = typing.get_args(kind)
        inner = [k for k in (kind, *typing.get_args(kind)) if isinstance(k, type) and issubclass(k, BaseModel)]
        if inner:
            yield from _parts(inner[0], (*where, name), (*items, name, *(("*",) if listed else ())))


def format_options() -> dict[str, Any]:
    """What yaml-format.js needs of the contract: the order of every part's fields (a field added is written
    where the contract puts it), and the required choices written as null when not given."""
    orders: dict[str, list[str]] = {}
    null_choices: list[str] = []
    for part in (schema.Model, schema.Source):
        for where, items, shape in _parts(part):
            orders.setdefault(where, list(shape.model_fields))
            for name, info in shape.model_fields.items():
                if (shape.__name__, name) in _CHOICES and info.is_required() and _unwrap(_declared(info))[1]:
                    null_choices.append(".".join((*items, name)))
    written = list(schema.WrittenSource.model_fields)
    orders["sources"] = ["id", *(name for name in written if name != "id")]  # a source written in `sources:`
    return {"orders": orders, "nullChoices": null_choices, "unset": NOT_GIVEN,
            "written": {"field": WRITTEN_SOURCES, "key": "sources"}}


def page(editor: EditorSettings) -> str:
    """The admin page: noindex, Vietnamese, nothing from outside the site; a note when not set up."""
    notice = ""
    scripts = ('<script>window.CMS_MANUAL_INIT = true;</script>\n'
               '<script src="decap-cms.js"></script>\n'
               '<script src="editor-settings.js"></script>\n'
               '<script src="yaml-format.js"></script>\n'
               '<script src="editor.js"></script>\n'
               '<script type="module">import { YAML } from "./yaml/index.js"; window.mohinhStart(YAML);</script>')
    if not editor.ready:
        scripts = ""
        notice = _resource("not-set-up.html").decode("utf-8")
    style = ", ".join(f'a[href$="/entries/{name}"]' for name in HIDDEN) + " { display: none; }"
    template = _resource("index.html").decode("utf-8")
    return (template.replace("{{ notice }}", notice).replace("{{ scripts }}", scripts).replace("{{ style }}", style)
            .replace("{{ version }}", version()).replace("{{ home }}", "../"))


def make(site: Site) -> dict[str, str | bytes]:
    """``quan-tri/``: the page, its configuration, the editor's widgets and the vendored bundle."""
    editor = site.editor if isinstance(site.editor, EditorSettings) else settings(None)
    files: dict[str, str | bytes] = {f"{FOLDER}/index.html": page(editor).encode("utf-8")}
    if editor.ready:
        config = cms_config(site, editor)
        files[f"{FOLDER}/config.yml"] = ("# Tạo tự động từ hợp đồng hồ sơ (scripts/mohinh/schema.py) mỗi lần dựng trang; "
                                         "đừng sửa tay.\n" + yaml.dump(config, Dumper=_DUMPER, allow_unicode=True,
                                                                       sort_keys=False, width=10_000)).encode("utf-8")
        files[f"{FOLDER}/editor-settings.js"] = ("window.mohinhEditor = " + json.dumps(
            widget_settings(), ensure_ascii=False, sort_keys=True) + ";\n").encode("utf-8")
        files[f"{FOLDER}/editor.js"] = _resource("editor.js")
        files[f"{FOLDER}/yaml-format.js"] = _resource("yaml-format.js")
        for name, content in _bundle():
            files[f"{FOLDER}/{name}"] = content
    return files
