"""In a real browser: the header search finds models with or without accents, abbreviations, NFD."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from conftest import assert_search_index_complete, search_fragments

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.browser

# A name ending in `*`: several models bear it (the first result is any of them); starting with `~`: the
# first result's name holds it.
QUERIES = [
    ("tieng keng", "Tiếng kẻng an ninh*"),
    ("Tiếng kẻng", "Tiếng kẻng an ninh*"),
    ("dong ho", "Dòng họ *"),
    ("Tổ liên gia", "Tổ liên gia tự quản về an ninh trật tự"),
    ("TỔ LIÊN GIA", "Tổ liên gia tự quản về an ninh trật tự"),
    (unicodedata.normalize("NFD", "Tổ liên gia"), "Tổ liên gia tự quản về an ninh trật tự"),
    ("ho an toan", "Hộ an toàn - Thôn, bản, tổ dân phố bình yên"),
    ("hộ an toàn", "Hộ an toàn - Thôn, bản, tổ dân phố bình yên"),  # exact accents rank first...
    ("họ an toàn", "Giáo họ an toàn, gia đình hòa thuận"),  # ...and the other way round
    ("CCB", "~Cựu chiến binh"),  # a name holding the words the abbreviation stands for
]


def results(page, base: str, query: str) -> list[str]:
    page.goto(base)
    box = page.locator("#mh-search-input")
    box.fill(query)
    page.wait_for_selector("#mh-search-results:not([hidden]) .mh-search__count", timeout=15000)
    return page.locator("#mh-search-results li strong").all_inner_texts()


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_query_finds_expected_model_first(page, repo_url, query: str, expected: str) -> None:
    titles = results(page, repo_url, query)
    assert titles, f"no result for {query!r}"
    if expected.startswith("~"):
        assert expected[1:] in titles[0], titles
    elif expected.endswith("*"):
        assert titles[0].startswith(expected[:-1]), titles
    else:
        assert titles[0] == expected, titles


def test_d_without_stroke_finds_dak_to_re(page, repo_url) -> None:
    results(page, repo_url, "dak to re")
    places = page.locator("#mh-search-results .mh-search__place").all_inner_texts()
    assert places and all(p == "tỉnh Quảng Ngãi" for p in places[:5]), places  # Đăk Tờ Re, Kon Tum -> Quảng Ngãi


def test_antt_abbreviation_finds_models(page, repo_url) -> None:
    titles = results(page, repo_url, "ANTT")
    assert len(titles) >= 5


def test_results_show_province_and_keyboard_reaches_them(page, repo_url) -> None:
    results(page, repo_url, "ho an toan")  # a model first (a type's page would come first for "tieng keng")
    first = page.locator("#mh-search-results li").first
    place = first.locator(".mh-search__place").inner_text()
    assert place.startswith(("tỉnh ", "thành phố ")), place  # the province of today
    assert "¶" not in first.locator("strong").inner_text()
    href = first.locator("a").first.get_attribute("href")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent").startswith("Hộ an toàn")
    page.keyboard.press("Enter")
    page.wait_for_url("**/mo-hinh/*/")
    assert page.url.rstrip("/").endswith(href.rstrip("/").rsplit("/", 1)[-1])


def test_listing_pages_are_not_indexed(page, repo_url) -> None:
    titles = results(page, repo_url, "danh mục mô hình")
    assert "Danh mục mô hình" not in titles


NAMES = ["Tổ liên gia An Bình", "Tiếng kẻng Bến Thủy", "Dòng họ Cẩm Xuyên", "Camera Đồng Lộc", "Tổ hòa giải Hương Sơn"]


def sharded_site(tmp_path, monkeypatch):
    """A site of the five `NAMES` built with indexes of 2 model pages: 3 indexes."""
    from conftest import BAC_KAN, make_project
    from mohinh.build import build_site

    project = make_project(tmp_path / "p", with_records=False)
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  mohinh: {}", "  mohinh: {search_shard_pages: 2}"),
                      encoding="utf-8")
    for n, name in enumerate(NAMES):
        project.record(f"mo-hinh-{n}", BAC_KAN.replace("name: Hộ an toàn - Thôn, bản, tổ dân phố bình yên", f"name: {name}"))
    build_site(project.root)
    return project


def test_a_large_site_is_searched_across_all_its_indexes(page, tmp_path, serve_site, monkeypatch) -> None:
    """Past `SHARD_PAGES` model pages the site gets several Pagefind indexes (Pagefind's memory grows with
    the pages of one index); a reader searches them as one, filters included."""
    project = sharded_site(tmp_path, monkeypatch)
    site = project.root / "site"
    assert [p.name for p in sorted(site.glob("pagefind*/pagefind-entry.json"), key=str)] == ["pagefind-entry.json"] * 3
    assert_search_index_complete(site)
    assert 'data-pagefind-more="../pagefind-2/ ../pagefind-3/"' in project.html("mo-hinh/index.html")
    base = serve_site(site)
    for name in NAMES:  # two in the first index, two in the second, one (with the other pages) in the third
        titles = results(page, base, search_words(name))
        assert titles and titles[0] == name, (name, titles)
    assert set(NAMES) <= set(results(page, base, "bắc kạn"))  # one query, results from every index


def search_words(name: str) -> str:
    """The query a reader types: the name without accents."""
    plain = name.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFD", plain).encode("ascii", "ignore").decode().lower()


def test_the_preview_indexes_the_site_as_a_full_build_does(page, tmp_path, serve_site, monkeypatch) -> None:
    """`mohinh serve` indexes again, after a partial rebuild, the pages already written: into the same
    indexes as a full build (the same pages in each), put in place whole, with no index left over."""
    from mohinh.catalogue import load_catalogue
    from mohinh.outputs import search
    from mohinh.render import Site

    project = sharded_site(tmp_path, monkeypatch)
    site = project.root / "site"
    built = {folder.name: sorted(search_fragments(folder)) for folder in site.glob("pagefind*")}
    shutil.rmtree(site / "pagefind-2")
    (site / "pagefind" / "pagefind-entry.json").write_text("{}", encoding="utf-8")  # a broken index
    shutil.copytree(site / "pagefind-3", site / "pagefind-4")  # an index the site no longer needs
    search.make(Site(load_catalogue(project.root)), site, 2)
    assert {folder.name: sorted(search_fragments(folder)) for folder in site.glob("pagefind*")} == built
    assert_search_index_complete(site)
    assert not (site / ".pagefind-moi").exists()
    base = serve_site(site)
    for name in NAMES:
        titles = results(page, base, search_words(name))
        assert titles and titles[0] == name, (name, titles)



def test_see_all_results_opens_a_page_that_keeps_the_query_and_filters(page, repo_url) -> None:
    results(page, repo_url, "an ninh")
    more = page.locator("#mh-search-results .mh-search__all")
    total = int(more.inner_text().split()[3])  # "Xem tất cả N kết quả"
    assert total > len(page.locator("#mh-search-results li").all())
    more.click()
    page.wait_for_url("**/tim-kiem/?q=an*")
    page.wait_for_selector(".mh-results__list li")
    assert page.input_value("#mh-results-input") == "an ninh"
    assert f"Có {total} kết quả" in page.inner_text(".mh-results__count")
    while page.locator(".mh-results__more").is_visible():
        shown = page.locator(".mh-results__list li").count()
        page.click(".mh-results__more")
        page.wait_for_function(f"document.querySelectorAll('.mh-results__list li').length > {shown}")
    assert page.locator(".mh-results__list li").count() == total
    page.select_option(".mh-results__filters select[name='tỉnh']", "Hà Tĩnh")
    page.wait_for_function("location.search.includes('t%E1%BB%89nh=H')")
    page.wait_for_function(f"!document.querySelector('.mh-results__count').textContent.includes('Có {total} ')")
    places = page.locator(".mh-results__list .mh-search__place").all_inner_texts()
    assert places and set(places) == {"tỉnh Hà Tĩnh"}
    page.reload()  # the address keeps query and filter
    page.wait_for_selector(".mh-results__list li")
    assert page.input_value(".mh-results__filters select[name='tỉnh']") == "Hà Tĩnh"
    assert set(page.locator(".mh-results__list .mh-search__place").all_inner_texts()) == {"tỉnh Hà Tĩnh"}


def test_excerpts_come_from_the_model_s_own_text(page, repo_site, repo_url) -> None:
    """Other models' summaries (Mô hình liên quan), share buttons, the "Cập nhật" line and the key-facts panel
    (its labels and values would run together, and its facts are repeated below) are not indexed; the hidden
    search data of a page is never shown as an excerpt."""
    fragments = search_fragments(repo_site.root / "site" / "pagefind")
    models = {url: f for url, f in fragments.items() if url.startswith("/mo-hinh/") and url.count("/") == 3}
    assert models
    for url, fragment in models.items():
        about_zalo = "Zalo" in fragment["meta"].get("title", "")  # a model run on Zalo names it in its own text
        for outside in ("Mô hình liên quan", "Cập nhật lần cuối", "Zalo", "Sao chép liên kết", "Nơi thực hiện"):
            if outside == "Zalo" and about_zalo:
                continue
            assert outside not in fragment["content"], (url, outside)
    for query in ("quang nam", "tieng keng", "camera"):
        results(page, repo_url, query)
        for excerpt in page.locator("#mh-search-results .mh-search__excerpt").all_inner_texts():
            assert "quangnam" not in excerpt and "anninh" not in excerpt and "Đang hoạt động 20" not in excerpt, excerpt


@pytest.mark.parametrize("query", ["mắt thần", "camera giam sat", "Camera an ninh"])
def test_a_model_types_other_names_find_its_page_first(page, repo_url, query: str) -> None:
    """A reader who types what people call a practice ("mắt thần") gets the type's page, which gathers every
    case, before the single models."""
    titles = results(page, repo_url, query)
    assert titles and titles[0] == "Camera an ninh", titles
    link = page.locator("#mh-search-results li a").first.get_attribute("href")
    assert "/loai-mo-hinh/camera-an-ninh/" in link


def _results_page(page, base: str, query: str) -> None:
    page.goto(base + "tim-kiem/?q=" + query.replace(" ", "+"))
    page.wait_for_selector(".mh-results__list li", timeout=15000)
    while page.locator(".mh-results__more").is_visible():
        shown = page.locator(".mh-results__list li").count()
        page.click(".mh-results__more")
        page.wait_for_function(f"document.querySelectorAll('.mh-results__list li').length > {shown}")


def test_two_words_side_by_side_rank_above_prefix_matches(page, repo_url) -> None:
    """"camera gia lai": Pagefind matches "gia" in "giám", "giáp"; models of Gia Lai come before the cameras of
    Đà Nẵng or Hồ Chí Minh, in the header box and on the results page."""
    for where in ("hộp tìm", "trang kết quả"):
        if where == "hộp tìm":
            results(page, repo_url, "camera gia lai")
            places = [p.inner_text() if p.count() else "" for p in
                      (li.locator(".mh-search__place") for li in page.locator("#mh-search-results li").all())]
        else:
            _results_page(page, repo_url, "camera gia lai")
            places = [p.inner_text() if p.count() else "" for p in
                      (li.locator(".mh-search__place") for li in page.locator(".mh-results__list li").all())]
        gia_lai = [i for i, p in enumerate(places) if p == "tỉnh Gia Lai"]
        others = [i for i, p in enumerate(places) if p and p != "tỉnh Gia Lai"]
        assert len(gia_lai) >= 4, (where, places)
        assert not others or max(gia_lai) < min(others), (where, places)


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1440, "height": 900}], ids=["dien-thoai", "may-tinh"])
def test_results_read_like_material_s_with_excerpts_from_a_word_and_no_code(browser, repo_url, viewport) -> None:
    """Results are in the text colour, not underlined (as Material's search); an excerpt starts at the beginning
    of a sentence or after "…", never inside a word run on from before; no vocabulary code or model id shows."""
    import yaml

    vocabulary = yaml.safe_load((REPO / "models" / "_vocabularies.yml").read_text(encoding="utf-8"))
    codes = {term["slug"] for terms in vocabulary.values() for term in terms if "-" in term["slug"]}
    codes |= {p.stem for p in (REPO / "models").glob("*.yml") if not p.stem.startswith("_")}
    context = browser.new_context(locale="vi-VN", viewport=viewport)
    page = context.new_page()
    for query in ("camera cong nghe", "gia lai", "tieng keng") if viewport["width"] < 800 else ("gia lai",):
        _results_page(page, repo_url, query)
        links = page.locator(".mh-results__list li a")
        body = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).color")
        for style in links.evaluate_all("as => as.slice(0, 5).map(a => [getComputedStyle(a).color, getComputedStyle(a).textDecorationLine])"):
            assert style == [body, "none"], (query, style)
        for text in page.locator(".mh-results__list li").all_inner_texts():
            shown = set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", text))
            assert not shown & codes, (query, shown & codes)
        for excerpt in page.locator(".mh-results__list .mh-search__excerpt").all_inner_texts():
            first = excerpt.strip()[:1]
            assert first == "…" or not first.islower(), (query, excerpt)
    context.close()
