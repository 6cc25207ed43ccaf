"""A build killed midway (power cut, OOM killer, Ctrl-C twice) loses nothing: the previous site/ stays
byte for byte, and the next build cleans up after it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from click.testing import CliRunner
from synth import write_project_models

from conftest import BAC_KAN, Project, make_project
from mohinh.build import build_site
from mohinh.cli import main
from test_bad_records import site_digest


def leftovers(project: Project) -> list[str]:
    return sorted(p.name for p in project.root.iterdir() if p.name.startswith(".site-"))


def dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


KILLED_BEFORE_PUBLISHING = """
import os, signal
from pathlib import Path
from mohinh.build import build_site
# The build stops dead (SIGKILL: no clean-up runs) once its new site is complete, before it is swapped in.
build_site(Path.cwd(), before_publish=lambda work: os.kill(os.getpid(), signal.SIGKILL))
"""


@pytest.mark.slow  # builds in another process and kills it
def test_killed_build_keeps_the_previous_site_and_the_next_build_cleans_up(tmp_path) -> None:
    project = make_project(tmp_path / "p", with_records=False)
    write_project_models(project.models, 30)
    build_site(project.root)
    before = site_digest(project.root / "site")
    changed = project.models / "mo-hinh-00000.yml"
    changed.write_text(changed.read_text(encoding="utf-8").replace('summary: "', 'summary: "Đã sửa. ', 1), encoding="utf-8")

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    build = subprocess.run([sys.executable, "-c", KILLED_BEFORE_PUBLISHING], cwd=project.root, env=env,
                           capture_output=True, timeout=300, check=False)
    assert build.returncode == -signal.SIGKILL, build.stderr

    assert site_digest(project.root / "site") == before
    (work,) = leftovers(project)  # what a killed build leaves: its finished folder, beside site/
    assert work.startswith(".site-build-")

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
