"""The Jinja environment of the site and its filters.

Every ``{{ expression }}`` is escaped for Markdown unless it is `Markup` (built here on purpose),
so text from a record can never become HTML, a link or a Jinja instruction.
Templates live in ``templates/``; a site can override any of them in ``overrides/templates/``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .paths import published_name
from .schema import RECOGNITION_LABELS, Update
from .sharing import CARD_HEIGHT, CARD_NAME, CARD_WIDTH, share_links
from .text import hedged, markdown_html, md, md_code, money, number, percent, slug

_HTML_BLOCK = re.compile(r"^<!-- mohinh:html -->\n(.*?)^<!-- /mohinh:html -->$", re.S | re.M)


def set_aside_html(markdown: str) -> tuple[str, list[str]]:
    """Take out of a generated page the HTML blocks its template marks ``<!-- mohinh:html -->`` ...
    ``<!-- /mohinh:html -->``, leaving a numbered marker; `put_back_html` puts them in the page's HTML.

    Python-Markdown parses a block of raw HTML more than once only to keep it as it is; the catalogue's
    list is most of a megabyte at 1,000 models. Text from records in it is escaped by the template.
    """
    blocks: list[str] = []

    def mark(found: re.Match[str]) -> str:
        blocks.append(found.group(1).rstrip("\n"))
        return f"<!-- mohinh:html {len(blocks) - 1} -->"

    return _HTML_BLOCK.sub(mark, markdown), blocks


def put_back_html(html: str, blocks: list[str]) -> str:
    """The page's HTML with the blocks `set_aside_html` took out back in place."""
    for n, block in enumerate(blocks):
        html = html.replace(f"<!-- mohinh:html {n} -->", block, 1)
    return html


def update_anchor(update: Update) -> str:
    """The update's anchor on its model page, also used by feeds and ``/tin-moi/``: ``cap-nhat-2020-09-15-...``."""
    return f"cap-nhat-{update.date.iso}-{slug(update.title)[:48]}".rstrip("-")


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return md(value)


def _markdown_html(text: str) -> Markup:
    return Markup(markdown_html(text))


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Templates compiled once per process and kept in memory (Jinja checks each one against its source's
    checksum, so an edited template is compiled again). Never on disk: a cache folder is not trusted to run code."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


#: The theme's templates (Material and `plugin.THEME`; MkDocs makes a new Jinja environment for every build, and the
#: 404 page alone takes a quarter of a second to compile) and mohinh's page templates, each compiled once a process:
#: for every build and rebuild of ``mohinh serve``, and in worker processes forked after the first build. Two caches,
#: because the two environments compile with different settings.
THEME_TEMPLATES = MemoryBytecodeCache()
_PAGE_TEMPLATES = MemoryBytecodeCache()


def environment(root: Path | None = None) -> jinja2.Environment:
    """The Jinja environment of a project: its ``overrides/templates/`` first, then mohinh's own."""
    folder = root / "overrides" / "templates" if root is not None else None
    return _environment(folder if folder is not None and folder.is_dir() else None)


def templates_signature(root: Path | None) -> tuple[tuple[str, int], ...]:
    """Names and modification times of every template a page can use (so a cached page is not stale)."""
    folders = [Path(__file__).parent / "templates"]
    if root is not None and (root / "overrides" / "templates").is_dir():
        folders.append(root / "overrides" / "templates")
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for folder in folders for p in folder.rglob("*.j2")))


def _environment(overrides: Path | None) -> jinja2.Environment:
    """The Jinja environment: StrictUndefined, Markdown escaping by default, site overrides first."""
    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None:
        loaders.append(jinja2.FileSystemLoader(overrides))
    loaders.append(jinja2.PackageLoader("mohinh", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_PAGE_TEMPLATES,
    )
    env.filters["attr"] = lambda v: Markup(escape(str(v)))
    env.filters["yaml"] = lambda v: Markup(json.dumps(" ".join(str(v).split()), ensure_ascii=False))
    # Front matter ends up in theme templates that do not escape (<title>, <meta content>): escape here.
    env.filters["meta"] = lambda v: Markup(json.dumps(str(escape(" ".join(str(v).split()))), ensure_ascii=False))
    env.filters["md_code"] = md_code
    env.filters["markdown"] = lambda v: Markup(v)  # fields validated as Markdown without HTML
    env.filters["number"] = lambda v: Markup(escape(number(v)))
    env.filters["money"] = lambda v, per=None: Markup(escape(money(v, per)))
    # A number with the source's hedge: {{ o.value|hedged(o.qualifier, unit) }} -> "hơn 87 camera".
    env.filters["hedged"] = lambda v, qualifier=None, unit=None: Markup(escape(hedged(qualifier, number(v) + (f" {unit}" if unit else ""))))
    env.filters["money_hedged"] = lambda v, qualifier=None, per=None: Markup(escape(hedged(qualifier, money(v, per))))
    env.filters["percent"] = lambda part, whole: Markup(escape(percent(part, whole)))
    env.filters["recognition_level"] = lambda v: RECOGNITION_LABELS[v]
    env.filters["md_html"] = _markdown_html
    env.filters["update_anchor"] = update_anchor
    env.filters["media_name"] = published_name
    env.filters["share_links"] = share_links
    env.globals["share_card"] = {"name": CARD_NAME, "width": CARD_WIDTH, "height": CARD_HEIGHT}
    return env

