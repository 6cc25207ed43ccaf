"""The site builds the same with ProperDocs, the maintained fork of MkDocs 1.6, as with MkDocs: the
plugin uses only the public plugin API, which both share."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from test_trust import tree

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.mark.slow
def test_properdocs_builds_the_site_mkdocs_builds(repo_site, tmp_path) -> None:
    properdocs = Path(sys.executable).with_name("properdocs")
    assert properdocs.exists(), "properdocs is a test dependency (pyproject.toml, [test])"
    project = tmp_path / "p"
    shutil.copytree(repo_site.root, project, ignore=shutil.ignore_patterns("site"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([str(properdocs), "build", "-q", "-f", "mkdocs.yml", "-d", str(tmp_path / "site")],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    made = {path: GENERATOR.sub(b"", data) for path, data in tree(tmp_path / "site").items()}
    built = {path: GENERATOR.sub(b"", data) for path, data in tree(repo_site.root / "site").items()}
    assert sorted(made) == sorted(built)
    assert [path for path in built if made[path] != built[path]] == []
