"""No broken internal link or anchor anywhere in the built site (every page, every href and src)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for name in ("href", "src"):
            if values.get(name) and not (tag == "link" and values.get("rel") in ("canonical", "alternate")):
                self.links.append(values[name])


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_no_broken_internal_link_or_anchor(repo_site) -> None:
    site = repo_site.root / "site"
    pages = {p: parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, parsed in pages.items():
        base = "http://local/" + page.relative_to(site).as_posix()
        for link in parsed.links:
            if re.match(r"^(mailto:|https?:|data:|javascript:)", link) and not link.startswith("http://local"):
                continue
            url = urlparse(urljoin(base, link))
            target = site / unquote(url.path).lstrip("/")
            if target.is_dir() or url.path.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
            elif url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)} -> {link} (no anchor)")
    assert not broken, broken[:20]
    assert len(pages) > 40
