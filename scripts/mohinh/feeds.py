"""Atom feeds of updates and newly published models: ``/feed.xml`` and one per province today."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .dates import PartialDate
from .places import Province
from .render import ModelView
from .text import slug

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50
TIMEZONE = "+07:00"  # Giờ Việt Nam


@dataclass(frozen=True)
class FeedEntry:
    """One entry: a dated update of a model, or a model's publication."""

    date: PartialDate
    title: str
    summary: str
    link: str
    entry_id: str
    model: ModelView


def timestamp(date: PartialDate) -> str:
    """RFC 3339 in Vietnam time: ``2020-09-08T00:00:00+07:00``."""
    return date.first_day.isoformat() + "T00:00:00" + TIMEZONE


def entries(views: list[ModelView], site_url: str) -> list[FeedEntry]:
    """Every update of every model, and each model once as published; newest first."""
    found: list[FeedEntry] = []
    for v in views:
        page = f"{site_url}mo-hinh/{v.id}/"
        published = v.published
        found.append(FeedEntry(published, f"Mô hình mới: {v.m.name}", v.m.summary, page, page, v))
        for u in v.m.updates:
            anchor = f"cap-nhat-{u.date.iso}-{slug(u.title)[:60]}"
            found.append(FeedEntry(u.date, f"{v.m.name}: {u.title}", u.text or u.title, page, f"{page}#{anchor}", v))
    return sorted(found, key=lambda e: (e.date, e.entry_id), reverse=True)


def atom(title: str, self_url: str, page_url: str, items: list[FeedEntry]) -> bytes:
    """An Atom 1.0 document (escaping is ElementTree's)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "vi"})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = self_url
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": self_url})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": page_url})
    newest = items[0].date if items else PartialDate(2018)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = timestamp(newest)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Mô hình tự quản về an ninh trật tự"
    for item in items[:LIMIT]:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = item.title
        ET.SubElement(entry, f"{{{ATOM}}}id").text = item.entry_id
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": item.link})
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = timestamp(item.date)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = item.summary
        for province in item.model.provinces_today:
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": province.slug, "label": province.full_name})
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8") + b"\n"


def feed_files(views: list[ModelView], provinces: list[Province], site_url: str) -> dict[str, bytes]:
    """``feed.xml`` and ``dia-phuong/<slug>/feed.xml`` for every province today with models, by site path."""
    everything = entries(views, site_url)
    files = {
        "feed.xml": atom("Mô hình tự quản về an ninh trật tự: tin mới", f"{site_url}feed.xml",
                         f"{site_url}tin-moi/", everything),
    }
    for province in provinces:
        items = [e for e in everything if province in e.model.provinces_today]
        files[f"dia-phuong/{province.slug}/feed.xml"] = atom(
            f"Mô hình ở {province.full_name}: tin mới", f"{site_url}dia-phuong/{province.slug}/feed.xml",
            f"{site_url}dia-phuong/{province.slug}/", items,
        )
    return files
