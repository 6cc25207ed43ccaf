"""Record -> Markdown golden files: what the generator writes for a record, byte for byte.

The catalogue is loaded as the site's build loads it, git dates included: the records are committed
into a fresh repository on a fixed date, so a golden file is the page the site publishes, whatever the
history of the checkout the tests run in. After an intended change, write them again with
``UPDATE_GOLDEN=1 pytest tests/test_render.py`` (those runs are skipped, never passed) and review the diff.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from mohinh.catalogue import load_catalogue
from mohinh.outputs import pages
from mohinh.render import Site

GOLDEN = Path(__file__).parent / "golden"
CASES = ["bac-kan-ho-an-toan", "dak-to-re-to-tu-quan", "mo-hinh-5-tu-quan", "ky-anh-tieng-keng-an-ninh"]


COMMITTED = "2026-11-23T09:00:00+07:00"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    root = tmp_path_factory.mktemp("golden") / "p"
    shutil.copytree(REPO / "models", root / "models")
    shutil.copytree(REPO / "content", root / "content")
    env = dict(os.environ, GIT_AUTHOR_DATE=COMMITTED, GIT_COMMITTER_DATE=COMMITTED, GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.vn", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.vn")
    for command in (["init", "-q"], ["add", "models"], ["commit", "-q", "-m", "Hồ sơ"]):
        subprocess.run(["git", *command], cwd=root, env=env, check=True)
    return Site(load_catalogue(root), docs_dir=root / "content")


@pytest.mark.parametrize("model_id", CASES)
def test_model_markdown_matches_golden(site, model_id: str) -> None:
    markdown = pages.make(site)[f"mo-hinh/{model_id}.md"]
    golden = GOLDEN / f"{model_id}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(markdown, encoding="utf-8")
        pytest.skip(f"{golden.name} written again: review the diff, then run without UPDATE_GOLDEN")
    assert markdown == golden.read_text(encoding="utf-8")


def test_every_model_page_names_its_record(site) -> None:
    model_pages = [p for p in pages.make(site) if p.startswith("mo-hinh/")]
    assert sorted(site.record_paths) == sorted(model_pages)
    assert site.record_paths["mo-hinh/bac-kan-ho-an-toan.md"] == "models/bac-kan-ho-an-toan.yml"


RENDER_ALL = """
import hashlib, sys
from pathlib import Path
from mohinh.catalogue import load_catalogue
from mohinh.outputs import registry
from mohinh.outputs.base import make
from mohinh.render import Site
root, out = Path(sys.argv[1]), Path(sys.argv[2])
made = make(Site(load_catalogue(root), site_url="https://mohinh.donvi.gov.vn/", docs_dir=root / "content"),
            registry(), out)
files = {path: content if isinstance(content, bytes) else content.encode() for path, content in made.contents.items()}
files.update({path: (out / path).read_bytes() for path in made.written()})
for path in sorted(files):
    print(path, hashlib.sha256(files[path]).hexdigest())
"""


def test_two_processes_with_different_hash_seeds_make_the_same_site(tmp_path) -> None:
    """Set and dict order must not leak into the output: Python orders sets by a hash seeded per process."""
    made = []
    for seed in ("1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(REPO / "scripts"))
        result = subprocess.run([sys.executable, "-c", RENDER_ALL, str(REPO), str(tmp_path / seed)], env=env, capture_output=True,
                                text=True, timeout=300, check=True)
        made.append(result.stdout)
    assert made[0].count("\n") > 70  # every page and file of the repository's site (28 models)
    assert made[0] == made[1]
