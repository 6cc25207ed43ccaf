"""A build killed midway (power cut, OOM killer, Ctrl-C twice) loses nothing: the previous site/ stays
byte for byte, and the next build cleans up after it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from click.testing import CliRunner

from conftest import BAC_KAN, Project, make_project
from mohinh.cli import main
from mohinh.build import build_site
from synth import write_project_models
from test_bad_records import site_digest


def leftovers(project: Project) -> list[str]:
    return sorted(p.name for p in project.root.iterdir() if p.name.startswith(".site-"))


def dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_killed_build_keeps_the_previous_site_and_the_next_build_cleans_up(tmp_path) -> None:
    project = make_project(tmp_path / "p", with_records=False)
    write_project_models(project.models, 120)
    build_site(project.root)
    before = site_digest(project.root / "site")
    changed = project.models / "mo-hinh-00000.yml"
    changed.write_text(changed.read_text(encoding="utf-8").replace('summary: "', 'summary: "Đã sửa. ', 1), encoding="utf-8")

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    build = subprocess.Popen([sys.executable, "-c", "from mohinh.cli import main; main()", "build"],
                             cwd=project.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    work = project.root / f".site-build-{build.pid}"
    deadline = time.monotonic() + 120
    while not (work / "mo-hinh").is_dir() and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert build.poll() is None, "the build ended before it could be killed"
    os.kill(build.pid, signal.SIGKILL)
    build.wait()

    assert site_digest(project.root / "site") == before
    assert leftovers(project) == [work.name]  # what a killed build leaves: its half-built folder, beside site/

    build_site(project.root)
    assert leftovers(project) == []
    assert "Đã sửa." in (project.root / "site" / "mo-hinh" / "mo-hinh-00000" / "index.html").read_text(encoding="utf-8")


def test_build_killed_between_its_two_renames_gets_the_previous_site_back(tmp_path, monkeypatch) -> None:
    project = make_project(tmp_path / "p")
    build_site(project.root)
    before = site_digest(project.root / "site")
    # The one instant where site/ is missing: the old site moved aside, the new one not yet in place.
    (project.root / "site").rename(project.root / f".site-old-{dead_pid()}")
    project.record("hong", BAC_KAN.replace("value: 847", "value: 8.470"))
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert site_digest(project.root / "site") == before
    assert leftovers(project) == []
