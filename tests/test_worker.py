"""The second core: with enough models a worker process makes the model pages and converts a share of
them to HTML with MkDocs' own ``Page.render``. The site must be the same, byte for byte, as when this
process converts every page itself."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import make_project
from mohinh import site
from mohinh.cli import main
from mohinh.render import Renderer
from mohinh.synth import write_project_models
from test_trust import tree


def synthetic_project(root: Path, count: int):
    project = make_project(root, with_records=False)
    shutil.rmtree(project.root / "models")
    vocabularies = Path(__file__).parents[1] / "models" / "_vocabularies.yml"
    write_project_models(project.root / "models", count)
    shutil.copy(vocabularies, project.root / "models" / "_vocabularies.yml")
    return project


def test_pages_converted_by_the_worker_are_the_pages_mkdocs_makes(tmp_path, monkeypatch) -> None:
    project = synthetic_project(tmp_path / "p", 30)
    monkeypatch.setattr(site, "_WORKER_HTML", 0)
    site.build_site(project.root)
    alone = {k: v for k, v in tree(project.root / "site").items() if not k.startswith("pagefind/")}

    used: list[str] = []
    rendered = site._Deferred.rendered

    def spy(self, src_uri):
        made = rendered(self, src_uri)
        if made is not None:
            used.append(src_uri)
        return made

    monkeypatch.setattr(site._Deferred, "rendered", spy)
    monkeypatch.setattr(site, "_WORKER_HTML", 0.4)
    site.build_site(project.root)
    shared = {k: v for k, v in tree(project.root / "site").items() if not k.startswith("pagefind/")}

    assert len(used) == 12  # 40% of 30 model pages came from the worker as HTML
    assert sorted(shared) == sorted(alone)
    assert [path for path in alone if alone[path] != shared[path]] == []


def test_listing_paths_are_where_listing_pages_go(tmp_path) -> None:
    project = synthetic_project(tmp_path / "p", 30)
    from mohinh.catalogue import load_catalogue

    renderer = Renderer(load_catalogue(project.root))
    assert renderer.listing_paths() == list(renderer.listing_pages().markdown)


def test_a_broken_link_in_a_page_the_worker_converted_still_stops_the_build(tmp_path, monkeypatch) -> None:
    project = synthetic_project(tmp_path / "p", 30)
    template = (Path(site.__file__).parent / "templates" / "model.md.j2").read_text(encoding="utf-8")
    project.write("overrides/templates/model.md.j2", template + "\n[trang không có](khong-co.md)\n")
    monkeypatch.setattr(site, "_WORKER_HTML", 1)  # every model page converted by the worker
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "30 warnings" in result.output  # the worker's warnings, one per page, counted by MkDocs' strict mode
    assert not (project.root / "site").exists()


def test_check_in_two_processes_finds_what_one_finds(tmp_path, monkeypatch) -> None:
    """From 200 records two forked processes validate half of them each: same problems, same order, same lines."""
    from mohinh import catalogue

    project = synthetic_project(tmp_path / "p", 210)
    models = project.root / "models"
    first, last = models / "mo-hinh-00003.yml", models / "mo-hinh-00205.yml"
    first.write_text(first.read_text(encoding="utf-8").replace("status: ", "status: sai-"), encoding="utf-8")
    last.write_text(last.read_text(encoding="utf-8").replace("topics: [", "topics: [chu-de-la, "), encoding="utf-8")
    shutil.copy(models / "mo-hinh-00150.yml", models / "mo-hinh-00150.yaml")  # the same id twice

    def problems(limit: int) -> list[str]:
        monkeypatch.setattr(catalogue, "_TWO_PROCESSES", limit)
        try:
            catalogue.load_catalogue(project.root)
        except catalogue.InvalidRecords as exc:
            return [str(p) for p in exc.problems]
        raise AssertionError("the mistakes were not found")

    alone, shared = problems(10_000), problems(200)
    assert shared == alone
    try:  # what `mohinh check` runs: the children send back only the id and path of a valid record
        catalogue.check_catalogue(project.root)
        raise AssertionError("check found no mistake")
    except catalogue.InvalidRecords as exc:
        assert [str(p) for p in exc.problems] == alone
    assert any(p.startswith("models/mo-hinh-00003.yml:") and "status" in p for p in shared)
    assert any(p.startswith("models/mo-hinh-00205.yml:") and "chu-de-la" in p for p in shared)
    assert any(p.startswith("models/mo-hinh-00150.y") and "trùng" in p for p in shared)


def test_check_counts_what_it_read_in_two_processes(tmp_path) -> None:
    from mohinh import catalogue

    project = synthetic_project(tmp_path / "p", 210)
    records, sources, warnings = catalogue.check_catalogue(project.root)
    loaded = catalogue.load_catalogue(project.root, drafts=True)
    assert records == 210
    assert (records, sources, warnings) == (len(loaded.records), len(loaded.sources), loaded.warnings)


def test_a_record_from_a_child_process_still_knows_its_lines(tmp_path) -> None:
    from mohinh import catalogue

    project = synthetic_project(tmp_path / "p", 210)
    loaded = catalogue.load_catalogue(project.root)
    record = loaded.records[-1]
    assert record._doc is None  # let go in the child process
    lines = (project.root / record.path).read_text(encoding="utf-8").splitlines()
    line = lines.index(next(x for x in lines if x.startswith("  - province:"))) + 1
    assert record.doc.position(("locations", 0, "province")) == (line, 15)  # read again when asked
