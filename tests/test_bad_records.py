"""The bad-input corpus (tests/bad_records/): each file has one mistake; `mohinh check` names it exactly
(file:line:column, Vietnamese message, fix), exits 1 without a traceback, and `mohinh build` leaves the
previous site/ byte for byte as it was."""

from __future__ import annotations

import hashlib
import tracemalloc
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import Project, make_project
from mohinh.build import build_site
from mohinh.cli import main

CORPUS = Path(__file__).resolve().parent / "bad_records"
CASES: dict[str, dict] = yaml.safe_load((CORPUS / "cases.yml").read_text(encoding="utf-8"))


def case_bytes(case: dict) -> bytes:
    data = (CORPUS / case["file"]).read_bytes()
    if "pad_to" in case:
        data += b"# " + b"a" * (case["pad_to"] - len(data) - 3) + b"\n"
    return data


def case_path(case: dict) -> str:
    return case.get("path", f"models/{case['file']}")


def site_digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Project, dict[str, str]]:
    project = make_project(tmp_path_factory.mktemp("bad-records") / "p")
    build_site(project.root)
    return project, site_digest(project.root / "site")


def test_corpus_is_complete() -> None:
    files = {p.name for p in CORPUS.iterdir() if p.name != "cases.yml"}
    assert files == {case["file"] for case in CASES.values()}, "every file of the corpus has its case, and back"
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_record_is_named_exactly_and_the_site_is_kept(built, monkeypatch, name: str) -> None:
    project, before = built
    case = CASES[name]
    target = project.root / case_path(case)
    original = target.read_bytes() if target.exists() else None
    target.write_bytes(case_bytes(case))
    monkeypatch.chdir(project.root)
    try:
        tracemalloc.start()
        check = CliRunner().invoke(main, ["check"])
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert "Traceback" not in check.output
        assert check.exit_code == 1
        assert check.output.splitlines() == [case["expect"], "1 lỗi trong 1 tệp."]
        assert peak < 64 * 2**20, f"check used {peak / 2**20:.0f} MiB: was something expanded?"
        build = CliRunner().invoke(main, ["build"])
        assert "Traceback" not in build.output
        assert build.exit_code == 1
        assert case["expect"] in build.output.splitlines()
        assert site_digest(project.root / "site") == before
        assert sorted(p.name for p in project.root.iterdir() if p.name.startswith(".site")) == []
    finally:
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)


def test_every_mistake_of_every_file_in_one_run(tmp_path, monkeypatch) -> None:
    """All record cases at once: every one reported, sorted by file, none hiding another."""
    project = make_project(tmp_path / "p")
    together = {name: case for name, case in CASES.items()
                if case_path(case) == f"models/{case['file']}" and "pad_to" not in case}
    for case in together.values():
        (project.root / case_path(case)).write_bytes(case_bytes(case))
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(main, ["check"])
    lines = result.output.splitlines()
    assert result.exit_code == 1
    assert lines[-1] == f"{len(together)} lỗi trong {len(together)} tệp."
    assert lines[:-1] == sorted(case["expect"] for case in together.values())
