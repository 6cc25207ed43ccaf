"""Pages load only what they use (in Chromium, requests recorded): a page fetches a script or stylesheet of its
own exactly when it shows what that file works on, so a model page never fetches the catalogue's, the finder's
or the search page's code; the fonts of the first screen are preloaded, and only those."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

EVERY_PAGE = {"a11y.js", "search.js", "fonts.css", "mohinh.css", "print.css"}
#: A page-specific file and what on the page it works on.
USES = {
    "catalogue.js": "form.mh-facets",
    # the finder's results and the comparison show "So sánh" controls too, made by finder.js with the tray's code
    "compare-tray.js": "[data-mh-compare], form.mh-finder, .mh-compare",
    "compare-tray.css": "[data-mh-compare], form.mh-finder, .mh-compare",
    "share.js": ".mh-share",
    "checklist.js": ".mh-kit[data-model]",
    "finder.js": "form.mh-finder, .mh-compare",
    "finder.css": "form.mh-finder, .mh-compare",
    "search-page.js": "form.mh-results",
    "home.css": ".mh-map, .mh-featured, .mh-glance",
    "model.css": ".mh-panel",
}
PAGES = {"trang-chu": "", "danh-muc": "mo-hinh/", "trang-mo-hinh": "mo-hinh/lang-ut-2-camera-anh-sang/"}


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1440, "height": 900}], ids=["dien-thoai", "may-tinh"])
def test_home_catalogue_and_model_page_fetch_only_the_code_they_use(browser, repo_url, viewport) -> None:
    context = browser.new_context(locale="vi-VN", viewport=viewport)
    for name, path in PAGES.items():
        page = context.new_page()
        fetched: list[str] = []
        page.on("request", lambda request, fetched=fetched: fetched.append(request.url))
        page.goto(repo_url + path, wait_until="networkidle")
        own = {url.split("?")[0].rsplit("/", 1)[-1] for url in fetched
               if re.search(r"/assets/[^/]+\.(js|css)(\?|$)", url) and "/assets/javascripts/" not in url
               and "/assets/stylesheets/" not in url}
        used = {file for file, selector in USES.items() if page.locator(selector).count()}
        assert own == EVERY_PAGE | used, (name, sorted(own ^ (EVERY_PAGE | used)))
        if name == "trang-mo-hinh":
            assert not own & {"catalogue.js", "finder.js", "search-page.js", "finder.css", "home.css"}
        # Fonts: the weights the first screen uses are preloaded (crossorigin, or the preload is wasted), and
        # nothing else is.
        preloaded = page.eval_on_selector_all(
            "link[rel=preload][as=font]", "ls => ls.map(l => [l.href, l.hasAttribute('crossorigin')])")
        assert preloaded and all(cors for _, cors in preloaded), preloaded
        weights = {re.search(r"-(\d{3})\.woff2", href).group(1) for href, _ in preloaded}
        page.evaluate("document.fonts.ready")
        shown = set(page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => String(f.weight))"))
        assert shown <= weights | {"600"} and weights <= shown, (name, weights, shown)
        page.close()
    context.close()


def test_every_built_page_loads_a_part_only_where_it_is_used(repo_site) -> None:
    """Every page of the built site, read as HTML: a page-specific file is linked exactly when the page has the
    element it works on (so a new template cannot forget a part, nor load one for nothing)."""
    from html.parser import HTMLParser

    class Page(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.files: set[str] = set()
            self.tags: list[tuple[str, dict]] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:
            found = dict(attrs)
            self.tags.append((tag, found))
            link = found.get("src") if tag == "script" else found.get("href") if tag == "link" and found.get("rel") == "stylesheet" else None
            if link and re.search(r"assets/[^/]+\.(js|css)$", link):
                self.files.add(link.rsplit("/", 1)[-1])

    def has(parsed: Page, selector: str) -> bool:
        """Whether an element matches one of the simple selectors of `USES` (tag, classes, an attribute)."""
        for one in selector.split(", "):
            tag, classes, attr = re.fullmatch(r"(\w*)((?:\.[\w-]+)*)(?:\[([\w-]+)\])?", one).groups()
            for name, attrs in parsed.tags:
                if ((not tag or name == tag) and set(classes.split(".")[1:]) <= set((attrs.get("class") or "").split())
                        and (not attr or attr in attrs)):
                    return True
        return False

    site = repo_site.root / "site"
    checked = 0
    for html in site.rglob("index.html"):
        if "quan-tri" in html.parts:
            continue
        parsed = Page()
        parsed.feed(html.read_text(encoding="utf-8"))
        for file, selector in USES.items():
            assert (file in parsed.files) == has(parsed, selector), (html.relative_to(site).as_posix(), file)
        checked += 1
    assert checked > 100
