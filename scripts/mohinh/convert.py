"""Model pages converted to HTML in a worker process, as MkDocs would convert them, so MkDocs only builds
the page around them (``convert_pages``, on by default in a full build).

A model page's Markdown is made in a worker process (`outputs.base`); there `Converter` also converts it with
the Markdown extensions and settings MkDocs uses (``markdown_extensions``, ``mdx_configs``) and sets the large
HTML blocks aside as the plugin does (`templating.set_aside_html`). MkDocs then reads, instead of the whole
page, a short Markdown made of the page's front matter (``page.meta``), its headings (MkDocs makes the table
of contents, the anchors and the title itself, with the same ``toc`` settings) and its links, one after
another; the plugin's ``on_page_content`` takes, from the HTML MkDocs made of those links, each link as
MkDocs rewrote it (relative to the page's address, checked against the site's files, with MkDocs' own
warnings) and returns the worker's HTML with those links in place. So every rule stays MkDocs': the worker
only does the slow part, the conversion, on another core.

A page whose short Markdown would not give the same headings and title as the whole page (a heading inside
an HTML block, say) is converted by MkDocs as before: `Converter.convert` returns None. Whether it would is seen
without converting the short Markdown when it can be (`_Headings`): every heading of the whole page, as it stood
before its text was converted, is one of the heading lines the short Markdown keeps, in the same order, and the
page defines nothing its headings could use from elsewhere in it (a link reference, an abbreviation, a
footnote); then MkDocs makes the same headings of the same text. Otherwise the short Markdown is converted too
and compared.
"""

from __future__ import annotations

import json
import pickle
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import markdown
from isal import isal_zlib

from .cache import BuildCache
from .templating import put_back_html, set_aside_html

#: A link's place in the worker's HTML (``href="mohinh-link-3"``) and its text in the short Markdown.
LINK = "mohinh-link-"
_HEADING = re.compile(r"^#{1,6}[ \t].*$", re.M)
#: A heading line as Python-Markdown reads it (``HashHeaderProcessor``): its level, and its text without closing #s.
_HASH_HEADING = re.compile(r"(?P<level>#{1,6})(?P<header>(?:\\.|[^\\])*?)#*$")
#: A definition a heading could use from elsewhere in the page: ``[ref]: url``, ``*[HTML]: ...``, ``[^1]: ...``.
_DEFINITION = re.compile(r"^ {0,3}(?:\*?\[[^\]\n]*\]|\[\^[^\]\n]*\]):", re.M)
_REWRITTEN = re.compile(r'<a href="([^"]*)">' + LINK + r'(\d+)</a>')
_TOKEN = re.compile('"' + LINK + r'(\d+)"')


def pack(text: str) -> bytes:
    """A page's HTML kept compressed while it waits (zlib format, made by ISA-L: a fifth of zlib's time)."""
    return isal_zlib.compress(text.encode("utf-8"), 1)


def unpack(packed: bytes) -> str:
    """The text `pack` kept; `PackError` when ``packed`` is not whole."""
    return isal_zlib.decompress(packed).decode("utf-8")


PackError = isal_zlib.error


@dataclass(frozen=True)
class Converted:
    """A page converted in a worker: what MkDocs reads (``source``) and the page's HTML (``html``), kept compressed
    (``packed``) from the worker until MkDocs gets to the page: with the build cache, the workers run far ahead of
    MkDocs, and the main process holds thousands of pages at once."""

    source: bytes  # front matter, headings, links: the short Markdown MkDocs converts
    packed: bytes  # the whole page's HTML (`pack`), links written as `LINK` tokens until MkDocs has rewritten them

    @classmethod
    def of(cls, source: bytes, html: str) -> Converted:
        return cls(source, pack(html))

    @property
    def html(self) -> str:
        return unpack(self.packed)


class _Links(markdown.treeprocessors.Treeprocessor):
    """Replaces every link MkDocs would rewrite (``a href``, ``img src`` with a path) by a token, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(element.tag)
            url = element.get(key) if key else None
            if url is None:
                continue
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path or markdown.util.AMP_SUBSTITUTE in url:
                continue  # MkDocs leaves these as they are
            element.set(key, f"{LINK}{len(self.found)}")
            self.found.append(url)


class _Title(markdown.treeprocessors.Treeprocessor):
    """The page's first element when it is a ``h1`` (where MkDocs takes a page's title from)."""

    title: bytes | None = None

    def run(self, root: etree.Element) -> None:
        first = next(iter(root), None)
        self.title = etree.tostring(first) if first is not None and first.tag == "h1" else None


class _Headings(markdown.treeprocessors.Treeprocessor):
    """Every heading of the page (level and text) before its text is converted, and whether the first element of
    the page is the first of them (where MkDocs takes the title from)."""

    found: list[tuple[int, str]]
    first: bool

    def run(self, root: etree.Element) -> None:
        first = next(iter(root), None)
        headings = [element for element in root.iter() if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6")]
        self.found = [(int(element.tag[1]), element.text or "") for element in headings]
        self.first = bool(headings) and first is headings[0]


def _heading_lines(lines: list[str]) -> list[tuple[int, str]]:
    found = []
    for line in lines:
        match = _HASH_HEADING.match(line)
        assert match is not None  # every line `_HEADING` finds
        found.append((len(match.group("level")), match.group("header").strip()))
    return found


class Converter:
    """Converts pages with MkDocs' Markdown extensions and settings (plain data: works in any process); with a
    build ``cache``, a page converted by an earlier build with the same settings is taken from it."""

    def __init__(self, extensions: list[Any], configs: dict[str, Any], cache: BuildCache | None = None) -> None:
        self._cache = cache
        self._settings = _settings_text(extensions, configs) if cache is not None else ""
        self._markdown = [markdown.Markdown(extensions=extensions, extension_configs=configs) for _ in range(2)]
        self._links, self._titles = _Links(), [_Title(), _Title()]
        self._markdown[0].treeprocessors.register(self._links, "mohinh_links", 0)  # where MkDocs rewrites links
        self._headings = _Headings()
        self._markdown[0].treeprocessors.register(self._headings, "mohinh_headings", 21)  # before inline (20)
        for md, title in zip(self._markdown, self._titles, strict=True):
            md.treeprocessors.register(title, "mohinh_title", 1)

    def _convert(self, n: int, text: str) -> tuple[str, Any]:
        md = self._markdown[n]
        md.reset()
        html = md.convert(text)
        return html, (getattr(md, "toc_tokens", None), self._titles[n].title)

    def convert(self, page: str) -> Converted | None:
        """``page`` (Markdown with front matter, as MkDocs would read it) converted; None when MkDocs must."""
        if self._cache is None:
            return self._convert_page(page)
        key = self._cache.key("page", self._settings, page)
        kept = self._cache.get(key)
        if kept is not None:  # a JSON line (the short Markdown, or null: MkDocs converts), then the packed HTML
            head, _, packed = kept.partition(b"\n")
            try:
                found = json.loads(head)
                if found is None:
                    return None
                unpack(packed)  # whole: MkDocs will unpack it
                return Converted(found["source"].encode("utf-8"), packed)
            except (ValueError, TypeError, KeyError, PackError):
                pass  # not an entry this version wrote: made again
        converted = self._convert_page(page)
        head = None if converted is None else {"source": converted.source.decode("utf-8")}
        self._cache.put(key, json.dumps(head, ensure_ascii=False).encode("utf-8") + b"\n" +
                        (b"" if converted is None else converted.packed))
        return converted

    def _convert_page(self, page: str) -> Converted | None:
        from mkdocs.utils import meta

        body, _ = meta.get_data(page)
        if not page.endswith(body):
            return None
        front = page[:len(page) - len(body)]
        aside, blocks = set_aside_html(body)
        self._links.found = []
        html, seen = self._convert(0, aside)
        links = self._links.found
        lines = _HEADING.findall(aside)
        short = "\n\n".join(lines)
        if links:
            short += "\n\n" + " ".join(f"[{LINK}{n}](<{url}>)" for n, url in enumerate(links))
        if not self._same_headings(aside, lines) and self._convert(1, short)[1] != seen:
            return None
        return Converted.of((front + short + "\n").encode("utf-8"), put_back_html(html, blocks))

    def _same_headings(self, aside: str, lines: list[str]) -> bool:
        """Whether the short Markdown's heading ``lines`` are the page's headings (just converted), as written, in
        order, with the title from the same one, and nothing in the page they could use (see the module)."""
        found = self._headings.found
        if _DEFINITION.search(aside) or found != _heading_lines(lines):
            return False
        titled = bool(found) and found[0][0] == 1  # the short Markdown's first element: its first heading
        return (self._headings.first and titled) == titled


def _settings_text(extensions: list[Any], configs: dict[str, Any]) -> str:
    """MkDocs' Markdown settings as a text that is the same in every process and every build (a function, a class
    by its name; any other object by its pickle), for the build cache's key."""
    def name(value: Any) -> str:
        if hasattr(value, "__qualname__"):
            return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
        return pickle.dumps(value).hex()

    return json.dumps([extensions, configs], default=name, sort_keys=True, ensure_ascii=False)


def finish(converted: Converted, html: str) -> str:
    """The worker's HTML of a page with its links as MkDocs rewrote them in ``html`` (MkDocs' HTML of the
    short Markdown)."""
    rewritten = {n: href for href, n in _REWRITTEN.findall(html)}
    return _TOKEN.sub(lambda found: f'"{rewritten[found.group(1)]}"', converted.html)
