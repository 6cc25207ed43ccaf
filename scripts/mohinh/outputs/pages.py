"""Model pages: ``mo-hinh/<id>.md`` for every published record, through ``templates/model.md.j2``."""

from __future__ import annotations

from collections.abc import Sequence

from ..render import Site


def paths(site: Site) -> list[str]:
    """Where `make` puts the pages (so they can be made in another process while MkDocs starts)."""
    return [view.url for view in site.models]


def make(site: Site) -> dict[str, str]:
    """Each model's page, by path under the docs dir (MkDocs publishes it at ``/mo-hinh/<id>/``)."""
    return {view.url: site.model_page(view) for view in site.models}


def part(site: Site, wanted: Sequence[str]) -> dict[str, str]:
    """The pages of ``wanted`` (paths `paths` gives) only: a share of the pages, made in another process."""
    views = {view.url: view for view in site.models}
    return {path: site.model_page(views[path]) for path in wanted}
