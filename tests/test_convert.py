"""Model pages converted to HTML in the worker processes (`convert`, plugin option ``convert_pages``) give the
same site as pages MkDocs converts itself, and every real record's page takes that path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO, make_project
from mohinh.build import build_site
from mohinh.catalogue import load_catalogue
from mohinh.convert import Converter
from mohinh.plugin import WORKER_THRESHOLD
from mohinh.render import Site
from test_trust import tree

sys.path.insert(0, str(REPO / "scripts" / "bench"))
from synth import write_project_models  # noqa: E402


def markdown_settings() -> tuple[list, dict]:
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def test_the_site_is_the_same_whoever_converts_the_model_pages(tmp_path: Path, mkdocs_warnings) -> None:
    """Built with the pages made and converted in the workers (the default) and with everything in MkDocs'
    process (``workers: 0``: MkDocs converts every page): every file the same, HTML (links rewritten by MkDocs,
    anchors, table of contents, title), search index, sitemap."""
    sites = {}
    for converted in (True, False):
        project = make_project(tmp_path / str(converted), with_records=False)
        write_project_models(project.models, WORKER_THRESHOLD)  # every section filled; the size that uses workers
        if not converted:
            config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
            project.write("mkdocs.yml", config.replace("  mohinh: {}", "  mohinh: {workers: 0}"))
        build_site(project.root)
        sites[converted] = tree(project.root / "site")
    assert mkdocs_warnings == []
    assert sorted(sites[True]) == sorted(sites[False])
    assert [path for path in sites[True] if sites[True][path] != sites[False][path]] == []
    page = sites[True]["mo-hinh/mo-hinh-00000/index.html"].decode("utf-8")
    assert 'href="../../chu-de/' in page and 'id="nguon"' in page  # links as the site serves them, anchors


def test_every_real_model_page_is_converted_in_the_workers() -> None:
    """No page of the repository's records falls back to MkDocs' own conversion (their headings and title
    come out of the short Markdown MkDocs reads exactly as out of the whole page)."""
    site = Site(load_catalogue(REPO), docs_dir=REPO / "content")
    converter = Converter(*markdown_settings())
    fallen = [view.id for view in site.models if converter.convert(site.model_page(view)) is None]
    assert len(site.models) > 50 and fallen == []


def test_a_page_the_short_markdown_cannot_stand_for_is_left_to_mkdocs() -> None:
    converter = Converter(*markdown_settings())
    assert converter.convert("---\ntitle: A\n---\n\n# A\n\n## Kết quả\n\nChữ [x](../chu-de/a.md).\n") is not None
    assert converter.convert("---\ntitle: A\n---\n\n# A\n\nKết quả\n-------\n\nChữ.\n") is None  # setext heading


def test_a_worker_killed_for_lack_of_memory_is_a_clear_message(tmp_path: Path, monkeypatch) -> None:
    """A worker process the system kills (out of memory) ends the build with a Vietnamese message that says
    what to do, not a traceback, and nothing is published."""
    import os

    from mohinh.errors import OutOfResources
    from mohinh.outputs import base

    project = make_project(tmp_path / "p", with_records=False)
    write_project_models(project.models, WORKER_THRESHOLD)
    monkeypatch.setattr(base, "_site_of", lambda project: os._exit(9))  # as the kernel's OOM killer would
    with pytest.raises(OutOfResources) as raised:
        build_site(project.root)
    assert "hết bộ nhớ" in str(raised.value) and "workers: 1" in str(raised.value)
    assert not (project.root / "site").exists()
    assert [p.name for p in project.root.iterdir() if p.name.startswith(".site")] == []
