"""The house keeps its own rules: the maintainers' guide names every module, importing the package changes
nothing around it, and the pre-commit hooks name files that exist."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "scripts" / "mohinh"


def modules() -> list[str]:
    """Every module of the package, as a path under it (vendored code aside)."""
    return sorted(path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py") if "vendor" not in path.parts)


def test_the_architecture_guide_names_every_module() -> None:
    guide = (REPO / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(?:scripts/mohinh/)?([\w/]+\.py)`", guide))
    missing = [module for module in modules() if module not in named]
    assert len(modules()) > 30
    assert missing == [], "docs/ARCHITECTURE.md does not say what these modules do: " + ", ".join(missing)


def test_importing_the_package_sets_no_environment_variable() -> None:
    """No module sets ``os.environ`` when it is imported (MkDocs' and the tests' own settings included)."""
    script = """
import importlib, os, pkgutil, sys
import mohinh
before = dict(os.environ)
for found in pkgutil.walk_packages(mohinh.__path__, "mohinh."):
    if ".vendor" not in found.name:
        importlib.import_module(found.name)
changed = sorted(k for k in set(before) | set(os.environ) if before.get(k) != os.environ.get(k))
print(changed)
sys.exit(1 if changed else 0)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO / "scripts")}, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_pre_commit_hooks_name_files_that_exist() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    for repo in config["repos"]:
        for hook in repo["hooks"]:
            for part in re.findall(r"[\w/]+\\\.\w+", hook.get("files", "")):
                path = part.replace("\\", "")
                assert (REPO / path).is_file(), f"{hook['id']}: {path} does not exist"
