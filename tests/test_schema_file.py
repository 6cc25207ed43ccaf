"""The record JSON Schema for editors: generated from pydantic, committed, in Vietnamese, wired into VS Code."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import REPO, Project
from mohinh.catalogue import record_paths
from mohinh.cli import main
from mohinh.load import load_yaml
from mohinh.schema import STATUS_LABELS
from mohinh.schema_files import editor_schemas, schema_text

COMMITTED = REPO / "schema" / "model.schema.json"


def test_committed_schemas_equal_generated() -> None:
    """If this fails after changing scripts/mohinh/schema.py, run `mohinh schema` and commit schema/."""
    assert COMMITTED.read_text(encoding="utf-8") == schema_text()
    for name, text in editor_schemas().items():
        assert (REPO / "schema" / name).read_text(encoding="utf-8") == text, name


def _properties(schema: dict) -> list[tuple[str, str, dict]]:
    found = [("Model", name, prop) for name, prop in schema["properties"].items()]
    for part, definition in schema["$defs"].items():
        found += [(part, name, prop) for name, prop in definition.get("properties", {}).items()]
    return found


def test_every_field_and_value_is_explained_in_vietnamese() -> None:
    schema = json.loads(schema_text())
    vietnamese = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.IGNORECASE)
    for part, name, prop in _properties(schema):
        assert vietnamese.search(prop.get("title", "")), (part, name)
        assert prop.get("description"), (part, name)
    for part, definition in schema["$defs"].items():
        assert vietnamese.search(definition["title"] + definition["description"]), part
    status = schema["properties"]["status"]
    assert status["enumDescriptions"] == [STATUS_LABELS[value] for value in status["enum"]]


def test_repository_records_satisfy_the_schema_and_mistakes_do_not() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    records = record_paths(REPO / "models")
    assert records
    for path in records:
        data = load_yaml(path, path.name).data
        assert list(validator.iter_errors(data)) == [], path.name
    wrong = load_yaml(records[0], "x").data | {"status": "dang-hoat-dong", "lesson": ["gõ nhầm"]}
    assert sorted(e.validator for e in validator.iter_errors(wrong)) == ["additionalProperties", "enum"]


def test_schema_command_writes_and_checks(project: Project) -> None:
    stale = project.write("schema/model.schema.json", "{}\n")
    check = CliRunner().invoke(main, ["schema", "--check"])
    assert (check.exit_code, check.output) == (1, "schema/model.schema.json, schema/sources.schema.json, "
                                                  "schema/source.schema.json, schema/type.schema.json, schema/vocabularies.schema.json đã cũ: "
                                                  "chạy `mohinh schema` để ghi lại.\n")
    written = CliRunner().invoke(main, ["schema"])
    assert written.output == ("Đã ghi schema/model.schema.json, schema/sources.schema.json, schema/source.schema.json, "
                              "schema/type.schema.json, schema/vocabularies.schema.json.\n")
    assert stale.read_text(encoding="utf-8") == schema_text()
    assert CliRunner().invoke(main, ["schema", "--check"]).output == "Các tệp trong schema/ khớp với mã nguồn.\n"


def test_shared_files_have_their_own_schemas() -> None:
    """Sources (one a file in _sources/) and _vocabularies.yml are checked against their own schema, never the record's."""
    shared = [(f"_sources/{p.name}", "source.schema.json", "../../schema") for p in sorted((REPO / "models" / "_sources").glob("*.yml"))]
    assert len(shared) >= 40
    types = [(f"_types/{p.name}", "type.schema.json", "../../schema") for p in sorted((REPO / "models" / "_types").glob("*.yml"))]
    assert len(types) >= 8
    for name, schema_file, up in [*shared, *types, ("_vocabularies.yml", "vocabularies.schema.json", "../schema")]:
        path = REPO / "models" / name
        assert path.read_text(encoding="utf-8").startswith(f"# yaml-language-server: $schema={up}/{schema_file}\n")
        validator = jsonschema.Draft202012Validator(json.loads(editor_schemas()[schema_file]))
        assert list(validator.iter_errors(load_yaml(path, name).data)) == [], name
    sources = jsonschema.Draft202012Validator(json.loads(editor_schemas()["sources.schema.json"]))
    assert [e.message for e in sources.iter_errors({"Bac Kan": {"title": "x", "date": 2020}})] == [
        "'Bac Kan' does not match '^[a-z0-9]+(?:-[a-z0-9]+)*$'"]
    assert [e.validator for e in sources.iter_errors({"bac-kan": {"title": "x", "date": 2020, "tittle": "y"}})] == [
        "additionalProperties"]


def test_new_records_point_editors_at_the_schema(project: Project) -> None:
    result = CliRunner().invoke(main, ["new", "Tiếng kẻng an ninh", "--province", "Hà Tĩnh"])
    assert result.exit_code == 0, result.output
    created = next(p for p in project.models.glob("*.yml") if p.name != "bac-kan-ho-an-toan.yml" and not p.name.startswith("_"))
    first = created.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/model.schema.json"
    assert (REPO / "models" / "../schema/model.schema.json").resolve() == COMMITTED


@pytest.mark.parametrize("pattern", ["models/*.yml", "models/*.yaml"])
def test_vscode_maps_records_to_the_schema(pattern: str) -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert pattern in settings["yaml.schemas"]["./schema/model.schema.json"]
    assert settings["yaml.schemas"]["./schema/sources.schema.json"] == ["models/_sources.yml"]
    assert "redhat.vscode-yaml" in json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))["recommendations"]
