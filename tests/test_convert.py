"""Model pages converted to HTML in the worker processes (`convert`, plugin option ``convert_pages``) give the
same site as pages MkDocs converts itself, and every real record's page takes that path."""

from __future__ import annotations

import sqlite3
import sys
import time
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
from synth import EDIT, edit_first_model, write_project_models  # noqa: E402


def markdown_settings() -> tuple[list, dict]:
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def test_the_site_is_the_same_whoever_converts_the_pages_and_whatever_the_cache_holds(
        tmp_path: Path, mkdocs_warnings, monkeypatch) -> None:
    """Three builds of the same records give the same files (HTML with links rewritten by MkDocs, anchors, table of
    contents, title; search index, sitemap, cards, kits):

    - MkDocs converts every page, no build cache (``workers: 0, cache: false``);
    - the default (pages made and converted in the workers, with the build cache), after an earlier build of the
      same project and an edit of one record: the cards, kits and converted pages of the unchanged records come
      from the cache (drawing or converting them is noted in a file, from the worker processes too), and an
      entry the build did not use is deleted."""
    from mohinh import cache
    from mohinh.outputs import cards

    cached = make_project(tmp_path / "cached", with_records=False)
    write_project_models(cached.models, WORKER_THRESHOLD)  # every section filled; the size that uses workers
    build_site(cached.root)
    database = cached.root / cache.FOLDER / cache.DATABASE
    with sqlite3.connect(database) as kept:  # an entry an older build made and this one does not use
        kept.execute("INSERT INTO entries VALUES (?, ?, ?)", ("0" * 64, b"left from an older build", time.time() - 3600))
    older = cached.root / cache.FOLDER / "00" / ("0" * 64)  # an entry of the version that kept a file an entry
    older.parent.mkdir(parents=True)
    older.write_bytes(b"left from an older version")
    edited = edit_first_model(cached.models)[0].stem

    noted = tmp_path / "noted.txt"

    def noting(what, original):
        def again(*args, **kwargs):
            with noted.open("a", encoding="utf-8") as out:  # appended from any process
                out.write(f"{what}\n")
            return original(*args, **kwargs)
        return again

    monkeypatch.setattr(cards, "card_png", noting("card", cards.card_png))
    monkeypatch.setattr(Converter, "_convert_page", noting("page", Converter._convert_page))
    build_site(cached.root)
    monkeypatch.undo()
    made_again = noted.read_text(encoding="utf-8").split()
    assert made_again.count("card") == 1  # the edited model's card only
    assert 1 <= made_again.count("page") < WORKER_THRESHOLD  # its page and the listings that name it
    with sqlite3.connect(database) as kept:
        assert kept.execute("SELECT count(*) FROM entries WHERE key = ?", ("0" * 64,)).fetchone()[0] == 0
    assert not older.parent.exists()

    bare = make_project(tmp_path / "bare", with_records=False)
    write_project_models(bare.models, WORKER_THRESHOLD)
    edit_first_model(bare.models)
    config = (bare.root / "mkdocs.yml").read_text(encoding="utf-8")
    bare.write("mkdocs.yml", config.replace("  mohinh: {}", "  mohinh: {workers: 0, cache: false}"))
    build_site(bare.root)
    assert not (bare.root / cache.FOLDER).exists()

    sites = {"cached": tree(cached.root / "site"), "bare": tree(bare.root / "site")}
    assert mkdocs_warnings == []
    assert sorted(sites["cached"]) == sorted(sites["bare"])
    assert [path for path in sites["cached"] if sites["cached"][path] != sites["bare"][path]] == []
    page = sites["cached"][f"mo-hinh/{edited}/index.html"].decode("utf-8")
    assert EDIT in page and 'href="../../chu-de/' in page and 'id="nguon"' in page


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


TRICKY = [
    "# A\n\n## Kết quả ##\n\nChữ.\n",  # closing hashes
    "# A\n\n### Tin { #cap-nhat-1 }\n\n## Nguồn\n",  # an anchor of its own
    "# A\n\nKết quả\n-------\n\nChữ.\n",  # setext heading
    "# A\n\n```\n# not a heading\n```\n",  # in fenced code
    "# A\n\n> ## quoted\n",  # in a quote
    "Chữ trước.\n\n# A\n\n## B\n",  # the title is not the first element
    "## B\n\n# A\n",  # a page that starts with a h2
    '<div markdown>\n\n# A\n\n</div>\n\n## B\n',  # the first heading inside a Markdown-in-HTML block
    "# A\n\n## Theo HTML\n\n*[HTML]: Hyper Text Markup Language\n",  # an abbreviation a heading uses
    "# A\n\n## Xem [nguồn][1]\n\n[1]: ../chu-de/a.md\n",  # a link reference a heading uses
    "# A\n\n## Chữ \\# thăng #\n\n### [Liên kết](../chu-de/a.md)\n",  # escaped hash, a link in a heading
    "# A\n# A\n\n## A\n",  # repeated headings: anchors numbered
]


@pytest.mark.parametrize("body", TRICKY)
def test_the_quick_look_at_headings_agrees_with_converting_the_short_markdown(body: str, monkeypatch) -> None:
    """Whether a page is converted in the workers is decided, when it can be, without converting its short Markdown
    (`convert._Headings`); the decision is the one converting it gives, and so is the short Markdown."""
    page = "---\ntitle: A\n---\n\n" + body
    quick = Converter(*markdown_settings()).convert(page)
    monkeypatch.setattr(Converter, "_same_headings", lambda self, aside, lines: False)
    slow = Converter(*markdown_settings()).convert(page)
    assert quick == slow


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


def test_a_damaged_build_cache_is_started_afresh(tmp_path: Path) -> None:
    """A cache file that is not a database (a broken CI restore, a disk error) costs the next build its cache, never
    the build: it is made again and works."""
    from mohinh import cache

    folder = tmp_path / cache.FOLDER
    folder.mkdir(parents=True)
    (folder / cache.DATABASE).write_bytes(b"not a database " * 100)
    kept = cache.BuildCache.of(tmp_path)
    assert kept.get(kept.key("page", "x")) is None
    kept.put(kept.key("page", "x"), b"converted")
    kept.close()
    again = cache.BuildCache.of(tmp_path)
    assert again.get(again.key("page", "x")) == b"converted"
    again.prune()
    assert again.get(again.key("page", "x")) == b"converted"  # used by this build: kept
