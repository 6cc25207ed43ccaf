"""Record -> Markdown golden files: what the generator writes for a record, byte for byte.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/test_render.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO
from mohinh.catalogue import load_catalogue
from mohinh.render import Renderer

GOLDEN = Path(__file__).parent / "golden"
CASES = ["bac-kan-ho-an-toan", "dak-to-re-to-tu-quan", "mo-hinh-5-tu-quan", "ky-anh-tieng-keng-an-ninh"]


@pytest.fixture(scope="module")
def pages():
    return Renderer(load_catalogue(REPO)).pages()


@pytest.mark.parametrize("model_id", CASES)
def test_model_markdown_matches_golden(pages, model_id: str) -> None:
    markdown = pages.markdown[f"mo-hinh/{model_id}.md"]
    golden = GOLDEN / f"{model_id}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(markdown, encoding="utf-8")
    assert markdown == golden.read_text(encoding="utf-8")


def test_every_generated_page_records_its_source(pages) -> None:
    model_pages = [p for p in pages.markdown if p.startswith("mo-hinh/") and p != "mo-hinh/index.md"]
    assert sorted(pages.sources) == sorted(model_pages)
    assert pages.sources["mo-hinh/bac-kan-ho-an-toan.md"] == "models/bac-kan-ho-an-toan.yml"


def test_rendering_twice_is_identical() -> None:
    first = Renderer(load_catalogue(REPO)).pages().markdown
    second = Renderer(load_catalogue(REPO)).pages().markdown
    assert first == second
