"""Listing pages made from the whole catalogue (catalogue, places, topics, updates, kits; the open data page is made with its files, `outputs.data`), and
the hand-written pages of ``content/`` whose ``<!-- mohinh:... -->`` markers are filled with listings."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import places
from ..paths import CATALOGUE_PAGE, PROVINCES_PAGE, TOPICS_PAGE, UPDATES_PAGE, province_page, topic_page
from ..render import MARKER, Site


def _pages(site: Site) -> dict[str, Callable[[], str]]:
    """Every listing page by path under the docs dir, each with what makes it."""
    pages: dict[str, Callable[[], str]] = {
        CATALOGUE_PAGE: lambda: site.render("catalogue.md.j2", models=site.catalogue_order(), facets=site.facets()),
        PROVINCES_PAGE: lambda: site.render("provinces.md.j2"),
    }
    for province in places.current_provinces():  # every one, so each tile of the map leads to a page
        pages[province_page(province.slug)] = lambda province=province: site.render(
            "province.md.j2", province=province, models=site.by_province.get(province.slug, []),
            old=places.predecessors(province))
    for slug, old in site.reported_provinces.items():
        pages.setdefault(province_page(slug), lambda old=old: site.render(
            "old_province.md.j2", province=old, today=places.today(old)))
    pages[TOPICS_PAGE] = lambda: site.render("topics.md.j2")
    for slug, term in site.catalogue.topics.items():
        pages[topic_page(slug)] = lambda slug=slug, term=term: site.render(
            "topic.md.j2", topic=term, models=site.by_topic[slug])
    pages[UPDATES_PAGE] = lambda: site.render("updates.md.j2", entries=site.update_entries())
    pages["nhan-rong.md"] = lambda: site.render("kits.md.j2", kits=[v for v in site.models if v.m.replication])
    return pages


def paths(site: Site) -> list[str]:
    """Where `make` puts the listing pages (so they can be made in another process)."""
    return list(_pages(site))


def part(site: Site, wanted: Sequence[str]) -> dict[str, str]:
    """The listing pages of ``wanted`` only: a share of them, made in another process."""
    pages = _pages(site)
    return {path: pages[path]() for path in wanted}


def make(site: Site) -> dict[str, str]:
    """Every listing page by path under the docs dir (the filled hand-written pages: `filled_pages`)."""
    return part(site, paths(site))


def filled_pages(site: Site) -> dict[str, str]:
    """Hand-written pages with listing markers, the markers filled (``content/index.md`` -> ``index.md``: they
    take the place of the page as written)."""
    if site.docs_dir is None or not site.docs_dir.is_dir():
        return {}
    filled = {}
    for path in sorted(site.docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if MARKER in text:
            filled[path.relative_to(site.docs_dir).as_posix()] = site.fill_placeholders(text)
    return filled
