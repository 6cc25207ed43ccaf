"""The registry of outputs (`mohinh.outputs`): one code path per generated thing, whether its jobs run in
another process or in MkDocs' own, and records checked by two processes as by one."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from synth import write_project_models

from conftest import make_project
from mohinh.build import build_site
from mohinh.catalogue import load_catalogue
from mohinh.cli import main
from mohinh.outputs import registry
from mohinh.outputs.base import Job, make
from mohinh.render import Site
from test_trust import tree

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "mohinh"


def synthetic_project(root: Path, count: int):
    project = make_project(root, with_records=False)
    shutil.rmtree(project.root / "models")
    vocabularies = Path(__file__).parents[1] / "models" / "_vocabularies.yml"
    write_project_models(project.root / "models", count)
    shutil.copy(vocabularies, project.root / "models" / "_vocabularies.yml")
    return project


def set_option(project, option: str) -> None:
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  mohinh: {}", f"  mohinh: {{{option}}}"),
                      encoding="utf-8")


def test_kits_made_in_another_process_are_the_kits_made_in_mkdocs_process(tmp_path) -> None:
    project = synthetic_project(tmp_path / "p", 30)
    build_site(project.root)
    beside = tree(project.root / "site")
    set_option(project, "workers: 0")
    build_site(project.root)
    alone = tree(project.root / "site")
    assert any(path.endswith("checklist.docx") for path in beside)
    assert sorted(beside) == sorted(alone)
    assert [path for path in alone if alone[path] != beside[path]] == []


def test_every_output_makes_exactly_the_files_it_declares(tmp_path) -> None:
    project = synthetic_project(tmp_path / "p", 5)
    site = Site(load_catalogue(project.root))
    declared = {path: content for output in registry() if output.make for path, content in output.make(site).items()}
    jobs = {content for content in declared.values() if isinstance(content, Job)}
    assert jobs, "the synthetic records have kits"
    for job in jobs:
        assert job.run(tmp_path / "jobs") == job.paths
        assert all((tmp_path / "jobs" / path).is_file() for path in job.paths)
    for output in registry():
        if output.paths is not None:
            assert sorted(output.paths(site)) == sorted(output.make(site)), output.key
    made = make(site, registry(), tmp_path / "site")
    assert sorted([*made.contents, *made.written()]) == sorted(declared)


def test_a_broken_link_in_a_generated_page_stops_the_build(tmp_path, monkeypatch) -> None:
    project = synthetic_project(tmp_path / "p", 30)
    template = (PACKAGE / "templates" / "model.md.j2").read_text(encoding="utf-8")
    project.write("overrides/templates/model.md.j2", template + "\n[trang không có](khong-co.md)\n")
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "30 warnings" in result.output  # one per model page, counted by MkDocs' strict mode
    assert not (project.root / "site").exists()


def _imports(path: Path, package: Path = PACKAGE) -> set[str]:
    """The modules of the package that ``path`` imports, at any depth of the file (inside functions too). A
    name taken from a package (``from . import Job``) is an import of its ``__init__``, even from inside it;
    ``from . import cards`` imports the module ``cards``."""
    module = ".".join(path.relative_to(package.parent).with_suffix("").parts).removesuffix(".__init__")
    here = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = here
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = f"{base}.{node.module}" if node.level and node.module else (base if node.level else node.module or "")
            if target.startswith(package.name):
                names = [f"{target}.{alias.name}" for alias in node.names]
                modules = {n for n in names if _module_file(n, package)}
                found |= modules
                if len(modules) < len(names):
                    found.add(target)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith(package.name)}
    return {name for name in found if _module_file(name, package) and name != module}


def _module_file(name: str, package: Path = PACKAGE) -> Path | None:
    base = package.parent.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def import_cycle(package: Path = PACKAGE) -> list[str] | None:
    """The first import cycle of ``package`` (modules in order, the first again at the end), or None."""
    graph = {}
    for path in sorted(package.rglob("*.py")):
        module = ".".join(path.relative_to(package.parent).with_suffix("").parts).removesuffix(".__init__")
        graph[module] = _imports(path, package)
    seen: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> list[str] | None:
        if seen.get(module) == 1:
            return [*path[path.index(module):], module]
        if seen.get(module) == 2:
            return None
        seen[module] = 1
        for other in sorted(graph.get(module, ())):
            cycle = visit(other, [*path, module])
            if cycle:
                return cycle
        seen[module] = 2
        return None

    for module in sorted(graph):
        cycle = visit(module, [])
        if cycle:
            return cycle
    return None


def test_the_package_has_no_import_cycle() -> None:
    assert len(list(PACKAGE.rglob("*.py"))) > 20
    cycle = import_cycle()
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_test_sees_a_loop_through_a_package_and_inside_a_function(tmp_path) -> None:
    """The loop the registry once had: the package imports its outputs inside a function, an output takes
    `Job` from the package."""
    package = tmp_path / "mohinh"
    (package / "outputs").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "outputs" / "__init__.py").write_text("def registry():\n    from . import cards\n\n\nclass Job: ...\n")
    (package / "outputs" / "cards.py").write_text("from . import Job\n")
    assert import_cycle(package) == ["mohinh.outputs", "mohinh.outputs.cards", "mohinh.outputs"]
    (package / "outputs" / "base.py").write_text("class Job: ...\n")
    (package / "outputs" / "cards.py").write_text("from .base import Job\n")
    assert import_cycle(package) is None


def test_check_in_two_processes_finds_what_one_finds(tmp_path) -> None:
    """From 200 records two processes validate half of them each: same problems, same order, same lines."""
    from mohinh import catalogue

    project = synthetic_project(tmp_path / "p", 210)
    models = project.root / "models"
    first, last = models / "mo-hinh-00003.yml", models / "mo-hinh-00205.yml"
    first.write_text(first.read_text(encoding="utf-8").replace("status: ", "status: sai-"), encoding="utf-8")
    last.write_text(last.read_text(encoding="utf-8").replace("topics: [", "topics: [chu-de-la, "), encoding="utf-8")
    shutil.copy(models / "mo-hinh-00150.yml", models / "mo-hinh-00150.yaml")  # the same id twice

    def problems(limit: int) -> list[str]:
        try:
            catalogue.load_catalogue(project.root, two_processes=limit)
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


SPAWNED = """
import multiprocessing, sys
from pathlib import Path
multiprocessing.set_start_method("spawn", force=True)  # as on Windows and macOS
from mohinh.build import build_site
build_site(Path(sys.argv[1]))
"""


@pytest.mark.slow  # starts a fresh Python for the worker
def test_the_worker_starts_the_spawn_way_too(tmp_path) -> None:
    """Windows and macOS start worker processes by spawning, not forking: the site is the same."""
    import os
    import subprocess
    import sys

    project = synthetic_project(tmp_path / "p", 25)
    build_site(project.root)
    forked = tree(project.root / "site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-c", SPAWNED, str(project.root)], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    spawned = tree(project.root / "site")
    assert sorted(spawned) == sorted(forked)
    assert [path for path in forked if forked[path] != spawned[path]] == []
