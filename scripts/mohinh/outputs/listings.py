"""Listing pages made from the whole catalogue (catalogue, places, topics, updates, kits; the open data page is made with its files, `outputs.data`), and
the hand-written pages of ``content/`` whose ``<!-- mohinh:... -->`` markers are filled with listings."""

from __future__ import annotations

from .. import places
from ..paths import CATALOGUE_PAGE, PROVINCES_PAGE, TOPICS_PAGE, UPDATES_PAGE, province_page, topic_page
from ..render import MARKER, Site


def make(site: Site) -> dict[str, str]:
    """Every listing page by path under the docs dir, then the filled hand-written pages (same path as in
    ``content/``: they take the place of the page as written)."""
    pages = {
        CATALOGUE_PAGE: site.render("catalogue.md.j2", models=site.catalogue_order(), facets=site.facets()),
        PROVINCES_PAGE: site.render("provinces.md.j2"),
    }
    for province in places.current_provinces():  # every one, so each tile of the map leads to a page
        pages[province_page(province.slug)] = site.render(
            "province.md.j2", province=province, models=site.by_province.get(province.slug, []),
            old=places.predecessors(province))
    for slug, old in site.reported_provinces.items():
        pages.setdefault(province_page(slug),
                         site.render("old_province.md.j2", province=old, today=places.today(old)))
    pages[TOPICS_PAGE] = site.render("topics.md.j2")
    for slug, term in site.catalogue.topics.items():
        pages[topic_page(slug)] = site.render("topic.md.j2", topic=term, models=site.by_topic[slug])
    pages[UPDATES_PAGE] = site.render("updates.md.j2", entries=site.update_entries())
    pages["nhan-rong.md"] = site.render("kits.md.j2", kits=[v for v in site.models if v.m.replication])
    pages.update(filled_pages(site))
    return pages


def filled_pages(site: Site) -> dict[str, str]:
    """Hand-written pages with listing markers, the markers filled (``content/index.md`` -> ``index.md``)."""
    if site.docs_dir is None or not site.docs_dir.is_dir():
        return {}
    filled = {}
    for path in sorted(site.docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if MARKER in text:
            filled[path.relative_to(site.docs_dir).as_posix()] = site.fill_placeholders(text)
    return filled
