"""`mohinh serve` makes search current after an edit by indexing again only the indexes that hold a page the
rebuild wrote (a large site has several, `search_shard_pages`); the others are kept as they are."""

from __future__ import annotations

from conftest import BAC_KAN, make_project, search_fragments
from mohinh.build import build_site
from mohinh.catalogue import load_catalogue
from mohinh.outputs import search
from mohinh.render import Site


def test_only_the_index_of_an_edited_page_is_made_again(tmp_path) -> None:
    project = make_project(tmp_path / "p", with_records=False)
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  mohinh: {}", "  mohinh: {search_shard_pages: 1}"),
                      encoding="utf-8")
    for n in range(3):
        project.record(f"mo-hinh-{n}", BAC_KAN.replace("name: Hộ an toàn", f"name: Mô hình thứ {n}"))
    build_site(project.root)
    site_dir = project.root / "site"
    before = {folder.name: (folder / "pagefind-entry.json").stat().st_mtime_ns for folder in site_dir.glob("pagefind*")}
    assert sorted(before) == ["pagefind", "pagefind-2", "pagefind-3"]  # the last also holds every other page
    page = site_dir / "mo-hinh" / "mo-hinh-1" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Mô hình thứ 1", "Mô hình thứ một"), encoding="utf-8")

    search.make(Site(load_catalogue(project.root)), site_dir, 1, changed={"mo-hinh/mo-hinh-1/index.html"})

    after = {folder.name: (folder / "pagefind-entry.json").stat().st_mtime_ns for folder in site_dir.glob("pagefind*")}
    assert [name for name in sorted(after) if after[name] != before[name]] == ["pagefind-2"]
    assert "Mô hình thứ một" in str(search_fragments(site_dir / "pagefind-2"))


def test_a_preview_rebuild_leaves_the_cycle_collector_running(tmp_path, monkeypatch) -> None:
    """The preview pauses Python's cycle collector while a rebuild runs (a full collection of a large site's objects
    takes most of a second); after every rebuild, good or with a broken record, it runs again, or each rebuild would
    keep the last one's pages in memory for the rest of the session."""
    import gc

    from mkdocs.commands.build import build

    from mohinh.build import load_config
    from mohinh.preview import Preview

    project = make_project(tmp_path / "p")
    url = "http://127.0.0.1:8000/"
    paused = []
    pause = Preview.pause_collector
    monkeypatch.setattr(Preview, "pause_collector", staticmethod(lambda: (paused.append(gc.isenabled()), pause())))

    def rebuild() -> None:
        config = load_config(project.root, site_dir=str(tmp_path / "site"))
        config.strict, config.site_url = False, url
        build(config, serve_url=url, dirty=True)  # what `mkdocs serve --dirty` runs after a file changes
        assert gc.isenabled()

    first = load_config(project.root, site_dir=str(tmp_path / "site"))
    first.plugins.on_startup(command="serve", dirty=True)
    try:
        rebuild()
        project.record("bac-kan-ho-an-toan", BAC_KAN.replace("status: replicating", "status: dang-chay"))
        rebuild()  # the errors are shown over the last good pages
        project.record("bac-kan-ho-an-toan", BAC_KAN)
        rebuild()
    finally:
        first.plugins.on_shutdown()
    assert paused == [True, True, True]  # each rebuild paused it, and found it running


def test_the_preview_checks_again_what_an_unchanged_record_refers_to(tmp_path) -> None:
    """Between rebuilds the preview does not check an unchanged record's references again, unless what they refer
    to changed: a photo deleted, a source removed from models/_sources*, are told on the next rebuild."""
    import pytest

    from mohinh.catalogue import RecordCache
    from mohinh.errors import InvalidRecords

    project = make_project(tmp_path / "p")
    folder = project.root / "models" / "media" / "bac-kan-ho-an-toan"
    folder.mkdir(parents=True)
    (folder / "keng.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    project.record("bac-kan-ho-an-toan", BAC_KAN + "media:\n  - file: keng.png\n    alt: Chiếc kẻng\n")
    cache = RecordCache()
    load_catalogue(project.root, cache=cache)
    load_catalogue(project.root, cache=cache)
    (folder / "keng.png").unlink()
    with pytest.raises(InvalidRecords) as raised:
        load_catalogue(project.root, cache=cache)
    assert any("không tìm thấy ảnh models/media/bac-kan-ho-an-toan/keng.png" in str(p) for p in raised.value.problems)
    (folder / "keng.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    load_catalogue(project.root, cache=cache)
    sources = next((project.root / "models").glob("_sources*"))
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("bac-kan-2020-09", "bac-kan-2020-10"), encoding="utf-8")
    with pytest.raises(InvalidRecords) as raised:
        load_catalogue(project.root, cache=cache)
    assert any("bac-kan-2020-09" in str(p) and "bac-kan-ho-an-toan" in str(p) for p in raised.value.problems)
