"""Atom feeds of updates and newly published models: ``/feed.xml`` and one per province today.

Each update of a model is one entry, linked to its place in the model's timeline; each model is
also one entry when it is published (the date its record entered git, or outside git its newest
source's date). The newest `LIMIT` entries are kept, newest first; dates carry Vietnam's time zone.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..dates import PartialDate
from ..paths import FEED, address, is_absolute, model_url, province_feed, province_path
from ..render import Site
from ..templating import update_anchor
from ..text import markdown_html, xml_safe
from ..views import ModelView

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50
TIMEZONE = "+07:00"  # giờ Việt Nam (không đổi giờ theo mùa)
FEED_AUTHOR = "Mô hình tự quản về an ninh trật tự"


@dataclass(frozen=True)
class FeedEntry:
    """One entry: a dated update of a model, or a model's publication."""

    date: PartialDate
    title: str
    summary: str
    link: str
    entry_id: str
    model: ModelView
    markdown: str | None = None  # an update's text, shown as HTML content


def timestamp(date: PartialDate) -> str:
    """RFC 3339 in Vietnam time: ``2020-09-08T00:00:00+07:00`` (a partial date counts from its first day)."""
    return date.first_day.isoformat() + "T00:00:00" + TIMEZONE


def entries(views: list[ModelView], site_url: str) -> list[FeedEntry]:
    """Every update of every model, and each model once as published; newest first."""
    found: list[FeedEntry] = []
    absolute = is_absolute(site_url)
    for v in views:
        page = model_url(v.id, site_url)
        page_id = page if absolute else f"urn:mohinh:mo-hinh:{v.id}"
        found.append(FeedEntry(v.published, f"Mô hình mới: {v.m.name}", v.m.summary, page, page_id, v))
        for update in v.m.updates:
            anchor = update_anchor(update)
            found.append(FeedEntry(
                update.date, f"{v.m.name}: {update.title}", update.title, f"{page}#{anchor}",
                f"{page}#{anchor}" if absolute else f"{page_id}:{anchor}", v, update.text,
            ))
    return sorted(found, key=lambda e: (e.date, e.entry_id), reverse=True)


def _text(value: str) -> str:
    return xml_safe(value)


def atom(title: str, self_url: str, page_url: str, items: list[FeedEntry], feed_id: str | None = None) -> bytes:
    """An Atom 1.0 document of the newest `LIMIT` of ``items`` (escaping is ElementTree's).

    The feed's id is its own address, or ``feed_id`` when the site has no absolute ``site_url``.
    """
    ET.register_namespace("", ATOM)

    def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _text(v) for k, v in attributes.items()})
        if text is not None:
            element.text = _text(text)
        return element

    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "vi"})
    add(feed, "title", title)
    add(feed, "id", feed_id or self_url)
    add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    add(feed, "link", rel="alternate", type="text/html", href=page_url)
    add(feed, "updated", timestamp(items[0].date if items else PartialDate(2018)))
    add(add(feed, "author"), "name", FEED_AUTHOR)
    for item in items[:LIMIT]:
        entry = add(feed, "entry")
        add(entry, "title", item.title)
        add(entry, "id", item.entry_id)
        add(entry, "link", rel="alternate", type="text/html", href=item.link)
        add(entry, "updated", timestamp(item.date))
        add(entry, "summary", item.summary)
        if item.markdown:
            add(entry, "content", markdown_html(item.markdown), type="html")
        for province in item.model.provinces_today:
            add(entry, "category", term=province.slug, label=province.full_name)
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8") + b"\n"


def paths(site: Site) -> list[str]:
    """Where `make` writes (so the feeds can be made in another process while MkDocs works)."""
    return [FEED, *(province_feed(p.slug) for p in site.provinces)]


def make(site: Site) -> dict[str, bytes]:
    """``feed.xml`` and ``dia-phuong/<slug>/feed.xml`` for every province today with models, by site path."""
    views, provinces, site_url = site.models, site.provinces, site.site_url
    everything = entries(views, site_url)
    absolute = is_absolute(site_url)
    files = {
        FEED: atom("Mô hình tự quản về an ninh trật tự: tin mới", address(site_url, FEED), address(site_url, "tin-moi/"),
                   everything, None if absolute else "urn:mohinh:feed"),
    }
    for province in provinces:
        items = [e for e in everything if province in e.model.provinces_today]
        files[province_feed(province.slug)] = atom(
            f"Mô hình ở {province.full_name}: tin mới", address(site_url, province_feed(province.slug)),
            address(site_url, province_path(province.slug)), items, None if absolute else f"urn:mohinh:feed:{province.slug}",
        )
    return files
