"""The web editor's configuration and what it writes, without a browser.

- The form is made from the record contract: every field, at every depth, with its Vietnamese title;
  required fields marked; vocabularies, statuses, levels and provinces as selects with Vietnamese labels.
- Nothing lost: every record of the repository, read and written unchanged by the editor's own YAML code
  (Decap CMS's, with the `yaml` 1.x package it bundles, run by Node from tests/cms), is equal as data and
  `mohinh check` finds nothing new in it. Values YAML 1.1 would misread (``22:00``, ``yes``) stay text.
- The site owner's settings are checked, with Vietnamese messages.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from conftest import REPO
from mohinh import places, schema
from mohinh.catalogue import load_catalogue
from mohinh.errors import InvalidRecords
from mohinh.load import parse_yaml
from mohinh.outputs import editor
from mohinh.render import Site

DECAP_YAML = REPO / "tests" / "cms" / "decap-yaml.js"
YAML_PACKAGE = REPO / "tests" / "cms" / "node_modules" / "yaml"


@pytest.fixture(scope="module")
def repo_catalogue():
    return load_catalogue(REPO)


@pytest.fixture(scope="module")
def config(repo_catalogue) -> dict:
    site = Site(repo_catalogue, site_url="https://mohinh.donvi.gov.vn/")
    return editor.cms_config(site, editor.settings({"backend": "github", "repo": "don-vi/mo-hinh"}))


def _collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def _walk(part: type[BaseModel], fields: list[dict], path: str = "") -> list[str]:
    """Every field of the contract's ``part`` found in the form's ``fields``, checked; their paths."""
    seen = []
    by_name = {f["name"]: f for f in fields}
    assert sorted(by_name) == sorted(part.model_fields), path
    for name, info in part.model_fields.items():
        field = by_name[name]
        assert field["label"] == info.title, f"{path}{name}"
        seen.append(f"{path}{name}")
        inner = field.get("fields") or ([field["field"]] if "field" in field else [])
        nested = [t for t in typing.get_args(info.annotation) + (info.annotation,)
                  if isinstance(t, type) and issubclass(t, BaseModel)]
        for arg in typing.get_args(info.annotation):
            nested += [t for t in typing.get_args(arg) if isinstance(t, type) and issubclass(t, BaseModel)]
        if nested and field.get("fields"):
            seen += _walk(nested[0], inner, f"{path}{name}.")
    return seen


def test_the_form_has_every_field_of_the_contract_with_its_vietnamese_title(config) -> None:
    models = _collection(config, editor.MODELS)
    fields = [f for f in models["fields"] if f["name"] != editor.WRITTEN_SOURCES]
    seen = _walk(schema.Model, fields)
    # The model's new sources, written in its record: every field of a source, its new id first.
    written = next(f for f in models["fields"] if f["name"] == editor.WRITTEN_SOURCES)
    assert [f["name"] for f in written["fields"]][0] == "id"
    _walk(schema.WrittenSource, written["fields"])
    assert {"costs.amount", "costs.paid_by", "team.members", "recognition.level", "locations.origin",
            "replication.steps.title", "updates.date", "media.alt", "status_as_of", "replaced_force.law",
            "results.qualifier", "results.kind", "results.other_values.value", "costs.quantity", "costs.unit",
            "costs.other_values.amount", "locations.pilot", "types"} <= set(seen)
    sources = _collection(config, editor.SOURCES)
    _walk(schema.Source, sources["fields"])
    assert sources["folder"] == "models/_sources" and models["folder"] == "models"


def test_required_fields_are_marked_and_choices_have_vietnamese_labels(config) -> None:
    fields = {f["name"]: f for f in _collection(config, editor.MODELS)["fields"]}
    # "bắt buộc" where the contract requires it (Decap marks the others "không bắt buộc"); the id is the file
    # name, shown for a record that exists and typed for a new one.
    assert [n for n, f in fields.items() if f["required"]] == ["id", "name", "summary", "status", "topics",
                                                               "community", "locations", "sources"]
    assert all(f["pattern"][0] == r"\S" for f in fields.values() if f["required"] and f["widget"] in ("string", "text"))
    assert fields["status"]["options"] == [{"label": schema.STATUS_LABELS[s], "value": s}
                                           for s in typing.get_args(schema.Status)]
    assert {"label": "Hòa giải mâu thuẫn ở cơ sở", "value": "hoa-giai-co-so"} in fields["topics"]["options"]
    assert fields["topics"]["multiple"] and fields["community"]["widget"] == "select"
    # model types: a multi-select of the types' names, optional (a model may fit none)
    assert fields["types"]["widget"] == "select" and fields["types"]["multiple"] and "min" not in fields["types"]
    assert {"label": "Camera an ninh", "value": "camera-an-ninh"} in fields["types"]["options"]
    location = {f["name"]: f for f in fields["locations"]["fields"]}
    provinces = location["province"]["options"]
    assert location["province"]["required"]  # a place whose source names none: a choice of its own, null in the file
    assert provinces[-1] == {"label": editor.NOT_GIVEN_LABEL, "value": editor.NOT_GIVEN}
    provinces = provinces[:-1]
    assert len(provinces) == len(places.all_provinces()) == 64
    assert sum(1 for p in provinces if "nay thuộc" not in p["label"]) == 34
    assert {"label": "Hà Giang (trước 01/07/2025; nay thuộc Tuyên Quang)", "value": "Hà Giang"} in provinces
    costs = {f["name"]: f for f in fields["costs"]["fields"]}
    assert costs["amount"]["widget"] == "mohinh-tien" and costs["amount"]["required"]
    assert {"label": "Ngân sách nhà nước", "value": "ngan-sach"} in costs["paid_by"]["options"]
    # a deprecated value stays (an old record opens and saves unchanged), last, and says not to choose it
    assert costs["paid_by"]["options"][-1]["value"] == "hon-hop" and "đã cũ" in costs["paid_by"]["options"][-1]["label"]
    assert all("đã cũ" not in option["label"] for option in costs["paid_by"]["options"][:-1])
    recognition = {f["name"]: f for f in fields["recognition"]["fields"]}
    assert {"label": "Cấp tỉnh", "value": "tinh"} in recognition["level"]["options"]
    assert {f["name"]: f["widget"] for f in fields["results"]["fields"]}["as_of"] == "mohinh-ngay"
    assert fields["sources"]["widget"] == "mohinh-nguon" and fields["sources"]["collection"] == editor.SOURCES
    assert fields["sources"]["multiple"] and fields["sources"]["min"] == 1
    written = {f["name"]: f for f in fields[editor.WRITTEN_SOURCES]["fields"]}
    assert written["id"]["required"] and written["title"]["required"] and written["date"]["widget"] == "mohinh-ngay"
    assert "chờ duyệt cùng mô hình" in fields[editor.WRITTEN_SOURCES]["label"]
    assert "Nguồn mới" in fields["sources"]["hint"]  # where a source not yet on the site goes
    media = {f["name"]: f for f in fields["media"]["fields"]}
    assert media["file"]["widget"] == "image" and media["alt"]["required"] and media["alt"]["pattern"][0] == r"\S"
    assert _collection(config, editor.MODELS)["media_folder"] == "media/{{fields.id}}"  # models/media/<file name>/


def test_saving_is_a_merge_request_and_gitlab_signs_in_without_a_server(repo_catalogue) -> None:
    site = Site(repo_catalogue)
    gitlab = editor.settings({"repo": "cong-an/mo-hinh", "app_id": "a1b2c3", "base_url": "https://git.donvi.vn"},
                             repo_url="https://git.donvi.vn/cong-an/mo-hinh")
    config = editor.cms_config(site, gitlab)
    assert config["publish_mode"] == "editorial_workflow" and config["locale"] == "vi"
    assert config["backend"] == {**config["backend"], "name": "gitlab", "repo": "cong-an/mo-hinh", "auth_type": "pkce",
                                 "app_id": "a1b2c3", "base_url": "https://git.donvi.vn",
                                 "api_root": "https://git.donvi.vn/api/v4"}
    github = editor.settings(None, repo_url="https://github.com/cong-an/mo-hinh")
    assert (github.backend, github.repo, github.review) == ("github", "cong-an/mo-hinh", True)
    assert "local_backend" not in editor.cms_config(site, github)
    assert not editor.settings(None).ready  # no git host: the page says how to set it up
    assert not editor.settings(None, repo_url="https://git.example.vn/don-vi/kho").ready  # a host it cannot tell


@pytest.mark.parametrize(("raw", "said"), [
    ({"backend": "bitbucket", "repo": "a/b"}, "backend: `bitbucket` không hợp lệ. Cách sửa: ghi github hoặc gitlab"),
    ({"backend": "github"}, "repo: chưa ghi. Cách sửa: ghi cả `backend`"),
    ({"backend": "github", "repo": "a/b", "app_id": "x"}, "app_id: chỉ dùng với GitLab"),
    ({"backend": "github", "repo": "a/b", "review": "có"}, "review: phải là true hoặc false, đang là `có`"),
    ({"backend": "github", "repo": "a/b", "local": "http://example.vn/api"}, "local: `http://example.vn/api` không hợp lệ"),
    ({"repository": "a/b"}, "repository: khóa không có. Cách sửa: dùng một trong: backend, repo"),
])
def test_bad_settings_are_told_in_vietnamese(raw, said) -> None:
    with pytest.raises(editor.EditorSettingsError) as caught:
        editor.settings(raw)
    assert str(caught.value).startswith("mkdocs.yml, extra › mohinh › editor › ")
    assert said in str(caught.value)


def test_a_bad_setting_stops_the_build_with_its_message(project, caplog) -> None:
    from click.testing import CliRunner

    from mohinh.cli import main

    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", config.replace("  mohinh:\n", "  mohinh:\n    editor:\n      backend: gitea\n", 1))
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    said = "extra › mohinh › editor › backend: `gitea` không hợp lệ. Cách sửa: ghi github hoặc gitlab"
    assert said in result.output + caplog.text  # MkDocs logs the plugin's error
    assert "Traceback" not in result.output + caplog.text and not (project.root / "site").exists()


def _decap_writes(files: dict[str, object], order: list[str]) -> dict[str, str]:
    """Each file read and written back by Decap's YAML code (a text), or ``data`` written by it."""
    if not YAML_PACKAGE.exists() or shutil.which("node") is None:
        if os.environ.get("CI"):
            pytest.fail("the yaml package is missing: `npm ci --prefix tests/cms` (bash run.sh test does it)")
        pytest.skip("the yaml package is not installed: npm ci --prefix tests/cms")
    done = subprocess.run(["node", str(DECAP_YAML), ",".join(order)], input=json.dumps(files), capture_output=True,
                          text=True, check=True, cwd=DECAP_YAML.parent)
    return json.loads(done.stdout)


def _problems(root: Path) -> set[tuple[str, str, str]]:
    try:
        found = load_catalogue(root).warnings
    except InvalidRecords as exc:
        found = exc.problems
    return {(p.path, p.field, p.message + (" (cảnh báo)" if p.warning else "")) for p in found}


def test_every_record_saved_unchanged_by_the_editor_stays_equal_and_valid(config, tmp_path) -> None:
    copy = tmp_path / "p"
    shutil.copytree(REPO / "models", copy / "models")
    shutil.copy(REPO / "mkdocs.yml", copy / "mkdocs.yml")
    before = _problems(copy)
    written: dict[str, str] = {}
    for collection, pattern in ((editor.MODELS, "[!_]*.yml"), (editor.SOURCES, "_sources/*.yml")):
        order = [f["name"] for f in _collection(config, collection)["fields"]]
        files = {p.relative_to(copy).as_posix(): p.read_text(encoding="utf-8")
                 for p in sorted((copy / "models").glob(pattern))}
        assert files, pattern
        written.update(_decap_writes(files, order))
    assert len(written) > 50
    for path, text in written.items():
        original = parse_yaml((copy / path).read_text(encoding="utf-8"), path).data
        assert parse_yaml(text, path).data == original, path
        (copy / path).write_text(text, encoding="utf-8")
    assert _problems(copy) == before  # the same warnings as before (a record without a province), no error


def test_text_that_yaml_1_1_would_misread_stays_text() -> None:
    values = {"schedule": "22:00", "note": "yes", "per": "On", "unit": "1_000", "place": "=", "law": "0b11",
              "when": "2001-12-14 21:59", "title": "Tự phòng: tự quản", "as_of": "08/09/2020", "date": "2018"}
    text = _decap_writes({"x.yml": values}, [])["x.yml"]
    assert parse_yaml(text, "x.yml").data == values


def test_a_record_with_yaml_1_1_flags_and_numbers_stays_valid_with_the_same_values(tmp_path) -> None:
    """Read as text since the editor came, ``draft: no`` and ``76_303`` still mean what they meant before."""
    copy = tmp_path / "p"
    shutil.copytree(REPO / "models", copy / "models")
    shutil.copy(REPO / "mkdocs.yml", copy / "mkdocs.yml")
    record = copy / "models" / "bac-kan-ho-an-toan.yml"
    before = load_catalogue(copy).by_id["bac-kan-ho-an-toan"].model
    text = record.read_text(encoding="utf-8")
    assert "value: 76303\n" in text and "\ndraft:" not in text
    text = text.replace("value: 76303\n", "value: 76_303\n").replace("\nname:", "\ndraft: no\nname:", 1)
    record.write_text(text, encoding="utf-8")
    after = load_catalogue(copy).by_id["bac-kan-ho-an-toan"].model
    assert after.draft is False
    assert [r.value for r in after.results] == [r.value for r in before.results]
    assert 76303 in [r.value for r in after.results]


def test_a_site_without_a_git_host_says_how_to_set_the_editor_up(repo_catalogue) -> None:
    files = editor.make(Site(repo_catalogue))
    assert sorted(files) == ["quan-tri/index.html"]  # no bundle to copy, nothing to sign in to
    page = files["quan-tri/index.html"].decode("utf-8")
    assert "Trình soạn thảo chưa được thiết lập" in page and "<script" not in page
    assert '<meta name="robots" content="noindex, nofollow">' in page


FORMAT = REPO / "scripts" / "mohinh" / "templates" / "editor" / "yaml-format.js"
FORMAT_DRIVER = REPO / "tests" / "cms" / "mohinh-format.js"


def _editor_saves(files: dict[str, tuple[str, list]], order: list[str]) -> dict[str, str]:
    """Each file read by the editor's own format (yaml-format.js, in Node with the `yaml` package Decap bundles),
    its fields set as ``[(path, value), ...]`` say (None removes), and written back."""
    _decap_writes({}, [])  # skips (or fails in CI) without Node and the yaml package
    given = {path: {"text": text, "set": [[list(where), value] for where, value in changes]}
             for path, (text, changes) in files.items()}
    options = json.dumps(editor.format_options())
    done = subprocess.run(["node", str(FORMAT_DRIVER), str(FORMAT), ",".join(order), options], input=json.dumps(given),
                          capture_output=True, text=True, check=True, cwd=FORMAT_DRIVER.parent)
    return json.loads(done.stdout)


def _pair_lines(text: str, path: str, key: str) -> tuple[int, int]:
    """The lines (0-based, end excluded) of the top-level ``key`` and its value."""
    doc = parse_yaml(text, path)
    keys = sorted(line for (k, *rest), (line, _) in doc.key_marks.items() if not rest)
    start = doc.key_marks[(key,)][0]
    after = [line for line in keys if line > start]
    lines = text.splitlines()
    end = (after[0] - 1) if after else len(lines)
    while end > start and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1  # blank or comment lines before the next key belong to it
    return start - 1, end


def test_saving_one_field_in_the_editor_changes_only_that_fields_lines(config) -> None:
    """Every record and source of the repository, one field edited through the editor's own format: the
    diff is that field's lines, nothing else (comments, order, layout of the rest stay)."""
    for collection, pattern, key in ((editor.MODELS, "[!_]*.yml", "summary"), (editor.SOURCES, "_sources/*.yml", "title")):
        order = [f["name"] for f in _collection(config, collection)["fields"]]
        originals = {p.relative_to(REPO).as_posix(): p.read_text(encoding="utf-8")
                     for p in sorted((REPO / "models").glob(pattern))}
        new = "Ba chữ mới: đã sửa, “trong ngoặc” #1"
        written = _editor_saves({path: (text, [((key,), new)]) for path, text in originals.items()}, order)
        assert len(written) == len(originals) > 10
        for path, text in written.items():
            before = originals[path].splitlines()
            start, end = _pair_lines(originals[path], path, key)
            after = text.splitlines()
            assert after[:start] == before[:start], path
            assert after[start + 1:] == before[end:], path  # one line now, where the field was
            data = parse_yaml(text, path).data
            assert data[key] == new
            assert {k: v for k, v in data.items() if k != key} == {
                k: v for k, v in parse_yaml(originals[path], path).data.items() if k != key}, path


def test_the_editors_format_edits_nested_values_adds_and_removes_in_place(config, tmp_path) -> None:
    order = [f["name"] for f in _collection(config, editor.MODELS)["fields"]]
    path = "models/bac-kan-ho-an-toan.yml"
    text = (REPO / path).read_text(encoding="utf-8")
    data = parse_yaml(text, path).data
    changes = [(("results", 0, "value"), 850), (("locations", 0, "commune"), "xã Dương Quang"),
               (("topics",), [*data["topics"], "tuan-tra-canh-bao"]), (("motto",), None),
               (("status_as_of",), "08/09/2020"), (("lessons", len(data.get("lessons", []))), "Một bài học mới.")]
    written = _editor_saves({path: (text, changes)}, order)[path]
    expected = json.loads(json.dumps(data))
    expected["results"][0]["value"] = 850
    expected["locations"][0]["commune"] = "xã Dương Quang"
    expected["topics"].append("tuan-tra-canh-bao")
    del expected["motto"]
    expected["status_as_of"] = "08/09/2020"
    expected.setdefault("lessons", []).append("Một bài học mới.")
    assert parse_yaml(written, path).data == expected
    diff = [line for line in difflib.unified_diff(text.splitlines(), written.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert len([line for line in diff if line.startswith("+")]) == 5, diff  # value, commune, topics, status_as_of, lesson
    assert len([line for line in diff if line.startswith("-")]) == 3, diff  # value, topics, motto
    assert written.startswith("# yaml-language-server:")
    assert "topics: [phong-chong-toi-pham, hoa-giai-co-so, tuyen-truyen-phap-luat, tuan-tra-canh-bao]\n" in written
    assert written.index("status_as_of:") > written.index("status:")  # in the contract's order
    # Saved unchanged: the same bytes, a place without a province included (null, shown as a choice in the form).
    nulls = [p for p in sorted((REPO / "models").glob("[!_]*.yml")) if "province: null" in p.read_text(encoding="utf-8")]
    files = {p.relative_to(REPO).as_posix(): p.read_text(encoding="utf-8") for p in [REPO / path, *nulls]}
    assert _editor_saves({p: (t, []) for p, t in files.items()}, order) == files


def test_a_model_and_its_new_source_are_saved_in_one_file_through_the_editor(config, project) -> None:
    """The form's "Nguồn mới" list, through the editor's own format: the new source is written in the record's
    `sources:` where its id is listed, a result cites it, and `mohinh check` accepts the file; a record with a
    written source saved unchanged keeps its bytes."""
    from test_check import WRITTEN

    order = [f["name"] for f in _collection(config, editor.MODELS)["fields"]]
    path = "models/bac-kan-ho-an-toan.yml"
    text = (project.root / path).read_text(encoding="utf-8")
    new = {"id": "bac-kan-2021-03-ho-an-toan", "title": "Bắc Kạn sơ kết mô hình Hộ an toàn",
           "publisher": "Báo Bắc Kạn", "date": "15/03/2021"}
    changes = [((editor.WRITTEN_SOURCES,), [new]), (("sources",), ["bac-kan-2020-09", new["id"]]),
               (("results", 1, "source"), new["id"])]
    written = _editor_saves({path: (text, changes), "models/viet-san.yml": (WRITTEN, [])}, order)
    assert written["models/viet-san.yml"] == WRITTEN  # read and written back unchanged: the same bytes
    saved = written[path]
    data = parse_yaml(saved, path).data
    assert data["sources"] == ["bac-kan-2020-09", new]
    assert data["results"][1]["source"] == new["id"] and editor.WRITTEN_SOURCES not in data
    added = [line for line in difflib.unified_diff(text.splitlines(), saved.splitlines(), lineterm="", n=0)
             if line.startswith("+") and not line.startswith("+++")]
    assert len(added) == 7, added  # the source's 4 fields, `sources:` and its 2 items, the result's source
    (project.root / path).write_text(saved, encoding="utf-8")
    assert _problems(project.root) == set()
    # The form shows a written source apart, its id kept in the list of sources, where the file lists it.
    again = _editor_saves({path: (saved, [((editor.WRITTEN_SOURCES, 0, "title"), "Tiêu đề đã sửa")])}, order)[path]
    assert parse_yaml(again, path).data["sources"][1]["title"] == "Tiêu đề đã sửa"
    assert len([line for line in difflib.unified_diff(saved.splitlines(), again.splitlines(), lineterm="", n=0)
                if line.startswith("+") and not line.startswith("+++")]) == 1
