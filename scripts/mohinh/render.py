"""Turn a `Catalogue` into Markdown pages, in memory, through Jinja templates (`templating`), from the
views of its models (`views`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import places, vnmap
from .catalogue import Catalogue
from .dates import PartialDate
from .memo import Memo
from .paths import model_url
from .schema import RECOGNITION_LABELS, STATUS_LABELS
from .templating import environment, templates_signature
from .views import ModelView, TypeView, views

#: How a hand-written page marks where a listing goes: ``<!-- mohinh:NAME -->`` (`Site.fill_placeholders`).
MARKER = "<!-- mohinh:"


def build_day() -> dt.date:
    """The day of the build: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()



@dataclass(frozen=True)
class Facet:
    """One filter of the catalogue: a data attribute, its label and its (value, label, count) options."""

    key: str
    label: str
    options: list[tuple[str, str, int]]


class Site:
    """The site-wide context of one build: the catalogue's models (`ModelView`), the build's settings, the
    indexes shared by listings (by province, by topic, facets, featured models), and the pages rendered from
    them through the compiled templates (``site`` in every template)."""

    def __init__(self, catalogue: Catalogue, site_url: str = "", memo: Memo | None = None,
                 docs_dir: Path | None = None, *, today: dt.date | None = None, stale_after_years: int = 3,
                 national: dict[str, Any] | None = None, site_name: str = "", editor: Any = None) -> None:
        self.catalogue = catalogue
        self.site_url = site_url
        self.site_name = site_name  # MkDocs' `site_name`, written on the share cards
        self.memo = memo if memo is not None else Memo(session=False)
        self.env = self.memo.get(("jinja",), self.templates, lambda: environment(catalogue.root))
        self.models = views(catalogue)
        self.by_id = {v.id: v for v in self.models}
        # Cards and pages rendered, with what they were made from (``mohinh serve`` passes its session's).
        self.docs_dir = docs_dir  # hand-written pages, whose ``<!-- mohinh:... -->`` listings are filled
        self.build_date = today or build_day()  # a status older than `stale_after_years` on this day may have changed
        self.stale_after_years = stale_after_years
        self.national = national or {}  # the country's figures, from `extra.mohinh.national` (see snippets/ca-nuoc)
        self.editor = editor  # where /quan-tri/ saves: `outputs.editor.EditorSettings` from `extra.mohinh.editor`
        self._inputs: dict[str, tuple[Any, ...]] = {}

    @cached_property
    def by_province(self) -> dict[str, list[ModelView]]:
        """Today's province slug -> models that run there (reported under any name)."""
        groups: dict[str, list[ModelView]] = defaultdict(list)
        for view in self.models:
            for province in view.provinces_today:
                groups[province.slug].append(view)
        return dict(groups)

    @cached_property
    def reported_provinces(self) -> dict[str, places.Province]:
        """Old (pre-2025) provinces named by records, slug -> province."""
        found: dict[str, places.Province] = {}
        for view in self.models:
            for loc in view.locations:
                if loc.province is not None and not loc.province.current:
                    found[loc.province.slug] = loc.province
        return dict(sorted(found.items()))

    @cached_property
    def provinces(self) -> list[places.Province]:
        return [p for p in places.current_provinces() if p.slug in self.by_province]

    @cached_property
    def by_topic(self) -> dict[str, list[ModelView]]:
        groups: dict[str, list[ModelView]] = {slug: [] for slug in self.catalogue.topics}
        for view in self.models:
            for topic in view.m.topics:
                groups[topic].append(view)
        return groups

    @cached_property
    def types(self) -> list[TypeView]:
        """Every model type with its published models (by Vietnamese name), in the order of their names."""
        found = []
        for slug, model_type in self.catalogue.types.items():
            models = sorted((v for v in self.models if slug in v.m.types),
                            key=lambda v: (places.vietnamese_sort_key(v.m.name), v.id))
            found.append(TypeView(slug, model_type, models, self.catalogue))
        return sorted(found, key=lambda t: places.vietnamese_sort_key(t.type.name))

    @cached_property
    def type_by_slug(self) -> dict[str, TypeView]:
        return {t.slug: t for t in self.types}

    @property
    def checked_mappings(self) -> tuple[places.CheckedMapping, ...]:
        """The commune mappings compared with the resolutions' text (shown on the places page)."""
        return places.checked_mappings()

    @cached_property
    def record_paths(self) -> dict[str, str]:
        """Model page (``mo-hinh/x.md``) -> the record it is made from (``models/x.yml``), for edit links."""
        return {view.url: view.record.path for view in self.models if view.unit is None}

    @cached_property
    def original_pages(self) -> dict[str, str]:
        """Model page -> its page at the unit that published it (federation.yml), when that address is known."""
        return {view.url: view.unit.url for view in self.models if view.unit is not None and view.unit.url}

    @cached_property
    def publishers(self) -> list[str]:
        """The units whose models the site shows, on a site built from several units' open data (federation.yml):
        this site's own (its `name`, when it has records of its own), then each unit in the file's order."""
        if not self.catalogue.units:
            return []
        own = [self.catalogue.own_unit or "trang này"] if any(v.unit is None for v in self.models) else []
        return own + list(self.catalogue.units)

    def unit_name(self, view: ModelView) -> str:
        """Who published a model: its unit (federation.yml), or this site's own unit (`name` there, if given)."""
        return view.unit.name if view.unit is not None else (self.catalogue.own_unit or "")

    def today(self, province: places.Province) -> places.Province:
        """The province ``province`` belongs to today."""
        return places.today(province)

    def render(self, name: str, **context: Any) -> str:
        return self.env.get_template(name).render(site=self, **context)

    @cached_property
    def page_dates(self) -> dict[str, PartialDate]:
        """When each model page last changed (see `ModelView.last_modified`), by page path."""
        return {view.url: view.last_modified for view in self.models}

    @cached_property
    def site_date(self) -> PartialDate | None:
        """When the site's content last changed: its newest model page (None without models)."""
        return max(self.page_dates.values(), default=None)

    @cached_property
    def templates(self) -> tuple[tuple[str, int], ...]:
        """`templates_signature` of this build's templates."""
        return templates_signature(self.catalogue.root)

    def snippet(self, name: str, view: ModelView, **context: Any) -> Markup:
        """One model's part of a listing (a card), rendered from template ``name`` once per build, and
        under ``mohinh serve`` only again when the model or the templates changed."""
        key = ("card", name, view.id, *sorted(context.items()))
        return self.memo.get(key, (self.model_inputs(view), self.templates),
                             lambda: Markup(self.render(name, v=view, **context)))

    def model_page(self, view: ModelView) -> str:
        """The Markdown of a model's page (under ``mohinh serve``, made again only when it changed)."""
        def make() -> str:
            related = [self.by_id[r] for r in view.m.related if r in self.by_id]
            return self.render("model.md.j2", v=view, related=related, page_url=model_url(view.id, self.site_url))

        return self.memo.once(("page", view.id), (self.model_inputs(view), self.templates), make)

    def model_inputs(self, view: ModelView) -> tuple[Any, ...]:
        """Everything a model's page and cards are made from (compared with ==, to reuse what was made
        before); made once per model and build."""
        inputs = self._inputs.get(view.id)
        if inputs is None:
            related = tuple(self.by_id[r].m for r in view.m.related if r in self.by_id)
            inputs = self._inputs[view.id] = (
                view.m, related, tuple(view.sources), tuple(view.topics), view.community,
                self.catalogue.first_commits.get(view.record.path), self.catalogue.last_commits.get(view.record.path),
                self.site_url,
                # who paid, in words and in the vocabulary's order (the colours of a split by payer)
                tuple(self.catalogue.funders.values()) if view.m.costs else (),
                tuple(view.types),  # the types' names and kits the page links to
                view.unit)  # who published it (federation.yml)
        return inputs

    def facets(self) -> list[Facet]:
        """The catalogue's filters, each option with how many models it keeps; one province filter (today's
        units: a province as the source named it is found by the keyword box, `ModelView.search_text`)."""

        def facet(key: str, label: str, pairs: list[tuple[str, str]], order: Any = None) -> Facet:
            counts: dict[tuple[str, str], int] = defaultdict(int)
            for pair in pairs:
                counts[pair] += 1
            options = sorted(counts, key=order or (lambda p: places.vietnamese_sort_key(p[1])))
            return Facet(key, label, [(value, text, counts[(value, text)]) for value, text in options])

        models = self.models
        found = [
            facet("don-vi", "Đơn vị công bố", [(v.unit.slug if v.unit else "trang-nay", self.unit_name(v) or "Trang này")
                                               for v in models] if self.catalogue.units else []),
            facet("tinh", "Tỉnh, thành phố (hiện nay)", [(p.slug, p.name) for v in models for p in v.provinces_today]),
            facet("chu-de", "Chủ đề", [(t.slug, t.label) for v in models for t in v.topics]),
            facet("cong-dong", "Cộng đồng", [(v.community.slug, v.community.label) for v in models]),
            facet("loai", "Loại mô hình", [(slug, ty.name) for v in models for slug, ty in v.types]
                  + [("chua-co-loai", "Chưa thuộc loại nào") for v in models if not v.types]),
            facet("tinh-trang", "Tình trạng", [(v.m.status, v.status_label) for v in models],
                  order=lambda p: list(STATUS_LABELS).index(p[0])),
            facet("nam", "Năm bắt đầu", [(str(v.m.started.year), str(v.m.started.year)) for v in models if v.m.started],
                  order=lambda p: p[0]),
            facet("thong-tin", "Thông tin mới nhất (năm)", [(str(v.status_date.year), str(v.status_date.year)) for v in models],
                  order=lambda p: p[0]),
            facet("muc-thong-tin", "Mức thông tin", [(str(v.evidence[0]), v.evidence[1]) for v in models],
                  order=lambda p: p[0]),
            facet("kinh-phi", "Kinh phí", [("co" if v.m.costs else "chua", "Có thông tin kinh phí" if v.m.costs
                                             else "Chưa có thông tin kinh phí") for v in models]),
            facet("ai-chi-tra", "Ai chi trả", [(f, self.catalogue.funders[f].label) for v in models for f in v.funders_used]),
            facet("cong-nhan", "Công nhận", [(level, RECOGNITION_LABELS[level]) for v in models for level in v.recognition_levels],
                  order=lambda p: list(RECOGNITION_LABELS).index(p[0])),
        ]
        # A filter that cannot narrow the list is left out: no option, or one option every model has.
        return [f for f in found if len(f.options) > 1 or (f.options and f.options[0][2] < len(models))]

    def catalogue_order(self) -> list[ModelView]:
        """The catalogue's default order: the richest information first (evidence level), then the newest (date
        of the newest source or update), then the name, so that name-only records come last."""
        def key(v: ModelView) -> tuple[Any, ...]:
            latest = v.latest.first_day if v.latest else dt.date.min
            return (-v.evidence[0], -latest.toordinal(), places.vietnamese_sort_key(v.m.name), v.id)

        return sorted(self.models, key=key)

    def update_entries(self) -> list[tuple[Any, ModelView]]:
        """Every update of every model, newest first."""
        entries = [(u.date, v.id, i, u, v) for v in self.models for i, u in enumerate(v.m.updates)]
        return [(u, v) for *_, u, v in sorted(entries, key=lambda e: e[:3], reverse=True)]

    def stats(self) -> dict[str, int]:
        """The site at a glance: models, provinces of today, communes named, replication points (every place a
        record names besides the model's origin)."""
        communes = {
            (loc.province or "", loc.district or "", loc.commune) for v in self.models for loc in v.m.locations if loc.commune
        }
        return {"models": len(self.models), "provinces": len(self.by_province), "communes": len(communes),
                "points": sum(len(v.replication_points) for v in self.models),
                "units": len(self.publishers),
                "teams": sum(v.total("teams") or 0 for v in self.models),
                "members": sum(v.total("members") or 0 for v in self.models)}

    def featured(self) -> list[tuple[str, ModelView]]:
        """The models the home page puts first, each with why, chosen from the records by these rules, a model
        at most once: the most replicated (`ModelView.replication_reach`: the largest result counting adopting places,
        then replication points, never pilot sites or places merely named; then status "đang nhân rộng", newest
        information, id), the newest information (latest date of its sources and updates; then id), then one
        per kind of community in the vocabulary's order (highest evidence level, then newest information, id)."""
        def newest(v: ModelView) -> PartialDate:
            return v.latest or PartialDate(1945)

        chosen: list[tuple[str, ModelView]] = []
        taken: set[str] = set()

        def take(reason: str, candidates: list[ModelView], key: Any) -> None:
            left = [v for v in candidates if v.id not in taken]
            if left:
                best = max(left, key=key)
                chosen.append((reason, best))
                taken.add(best.id)

        take("Nhân rộng nhiều nhất", [v for v in self.models if v.replication_points or v.replication_results],
             lambda v: (v.replication_reach, v.m.status == "replicating", newest(v), v.id))
        take("Thông tin mới nhất", self.models, lambda v: (newest(v), v.id))
        for kind, term in self.catalogue.communities.items():
            take(f"Cộng đồng: {term.label}", [v for v in self.models if v.m.community == kind],
                 lambda v: (v.evidence[0], newest(v), v.id))
        return chosen

    def map_html(self, prefix: str) -> Markup:
        """The tile map of today's provinces with model counts, and the same as a linked list beside it;
        ``prefix`` leads from the page to /dia-phuong/."""
        counts = {slug: len(models) for slug, models in self.by_province.items()}

        def link(province: places.Province) -> str:
            return f"{prefix}{province.slug}/"

        return Markup(
            '<div class="mh-map-wrap"><div class="mh-map-block"><figure class="mh-map-figure">' + vnmap.render_map(counts, link)
            + "<figcaption>Mỗi ô là một tỉnh, thành phố hiện nay, đặt gần đúng vị trí; màu càng đậm càng nhiều mô"
            " hình. Bấm vào một ô để xem các mô hình của tỉnh. Sơ đồ ô, không phải bản đồ ranh giới.</figcaption>"
            '</figure><div class="mh-map-text"><p class="mh-map-text__title">Số mô hình theo tỉnh, thành phố</p>'
            + vnmap.render_map_text(counts, link) + "</div></div></div>"
        )

    def fill_placeholders(self, markdown: str) -> str:
        """Replace ``<!-- mohinh:NAME -->`` markers in hand-written pages with generated listings."""
        for name in ("so-lieu", "tieu-bieu", "loi-vao", "tin-moi", "ban-do", "ca-nuoc"):
            marker = f"<!-- mohinh:{name} -->"
            if marker in markdown:
                markdown = markdown.replace(marker, self.render(f"snippets/{name}.md.j2").strip())
        return markdown
