"""Trust: reproducible builds, and a browser that only talks to the site (injection: test_injection.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_search_index_complete, give_site_url, make_project
from mohinh.build import build_site


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_on_different_days_are_byte_identical(tmp_path, monkeypatch) -> None:
    """Every file is identical, the sitemap and the search index included, though the second build runs
    on another day (MkDocs reads the day from SOURCE_DATE_EPOCH)."""
    first = make_project(tmp_path / "a")
    second = make_project(tmp_path / "b")
    for project in (first, second):
        give_site_url(project)  # a sitemap needs whole addresses: without a real site_url MkDocs writes none
    build_site(first.root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # 01/01/2030
    build_site(second.root)
    one, two = tree(first.root / "site"), tree(second.root / "site")
    assert sorted(one) == sorted(two) and len(one) > 40
    assert len([path for path in one if path.startswith("pagefind/filter/")]) == 6
    differing = [path for path in one if one[path] != two[path]]
    assert differing == []
    assert "<lastmod>2020-09-08</lastmod>" in one["sitemap.xml"].decode()  # the record's date, not the build's


def test_search_filters_are_written_in_one_order(tmp_path) -> None:
    """Pagefind 1.5.2 lists filter values, and the filters in its meta file, in an order that changes
    from run to run; whatever order it gives, the files written are the same."""
    import cbor2

    from mohinh.outputs import pagefind_order
    from mohinh.outputs.pagefind_order import _pack, _unpack

    project = make_project(tmp_path / "p")
    build_site(project.root)
    folder = project.root / "site" / "pagefind"
    written = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    shuffled = dict(written)
    meta_path = next(path for path in written if path.endswith(".pf_meta"))
    meta = _unpack(written[meta_path])
    for _name, hash_ in meta[3]:  # every filter's values reversed (the file keeps its name: Pagefind's hash)
        filter_name, values = _unpack(written[f"filter/{hash_}.pf_filter"])
        shuffled[f"filter/{hash_}.pf_filter"] = _pack(cbor2.dumps([filter_name, values[::-1]]))
    meta[3] = meta[3][::-1]
    shuffled[meta_path] = _pack(cbor2.dumps(meta))
    assert shuffled != written
    assert pagefind_order.canonical(shuffled) == written
    assert pagefind_order.canonical(written) == written


def test_pagefind_is_the_one_whose_index_format_is_read(tmp_path) -> None:
    """`pagefind_order` decodes Pagefind's private index format: the Pagefind installed must be the one pinned,
    and its fresh index must read as described (not only an index already put in order)."""
    import subprocess
    from importlib.metadata import version

    from mohinh.outputs import pagefind_order
    from mohinh.outputs.search import EXCLUDED, pagefind_binary

    pinned = pagefind_order.PAGEFIND_VERSION
    assert version("pagefind") == pinned, (
        f"Pagefind {version('pagefind')} is installed, pagefind_order reads the index of {pinned}: check the "
        "format (outputs/pagefind_order.py), then change PAGEFIND_VERSION and the pin in pyproject.toml together")
    pyproject = (Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"pagefind[bin]=={pinned}"' in pyproject
    site = tmp_path / "site"
    site.mkdir()
    for n, (province, topic) in enumerate([("Huế", "camera"), ("Hà Tĩnh", "kẻng"), ("Huế", "kẻng")]):
        (site / f"{n}.html").write_text(
            f'<html lang="vi"><body data-pagefind-body><h1>Trang {n}</h1><p data-pagefind-filter="tỉnh">{province}</p>'
            f'<p data-pagefind-filter="chủ đề">{topic}</p></body></html>', encoding="utf-8")
    command = [str(pagefind_binary()), "--site", str(site), "--silent"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    folder = site / "pagefind"
    written = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    ordered = pagefind_order.canonical(written)  # raises ValueError on another format
    assert len([name for name in ordered if name.startswith("filter/")]) == 2
    assert pagefind_order.canonical(ordered) == ordered


def test_search_index_is_whole_on_disk(repo_site) -> None:
    """Pagefind's service answered ``WriteFiles`` before its files were on disk, and stopped right after:
    on a busy machine some were left empty and search found nothing. Each file is checked whole."""
    assert_search_index_complete(repo_site.root / "site")


PAGES = ["", "mo-hinh/", "mo-hinh/bac-kan-ho-an-toan/", "dia-phuong/", "dia-phuong/thai-nguyen/",
         "chu-de/hoa-giai-co-so/", "tin-moi/", "du-lieu/", "nhan-rong/", "gioi-thieu/"]


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_pages_request_nothing_outside_and_set_no_cookie(browser, repo_url, path: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(repo_url) else None)
    page.goto(repo_url + path, wait_until="networkidle")
    page.fill("#mh-search-input", "tieng keng")
    page.wait_for_selector("#mh-search-results:not([hidden])")
    assert outside == []
    assert context.cookies() == []
    assert page.locator("html").get_attribute("lang") == "vi"
    for image in page.locator("article img").all():
        assert image.get_attribute("alt")
    context.close()
