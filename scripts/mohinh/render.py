"""Turn a `Catalogue` into Markdown pages, in memory, through Jinja templates.

Every ``{{ expression }}`` is escaped for Markdown unless it is `Markup` (built here on purpose),
so text from a record can never become HTML, a link or a Jinja instruction.
Templates live in ``templates/``; a site can override any of them in ``overrides/templates/``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from . import charts, places, vnmap
from .catalogue import Catalogue, Record
from .dates import PartialDate
from .memo import Memo
from .paths import published_name
from .schema import RECOGNITION_LABELS, STATUS_LABELS, Cost, Result, Source, Term, Update
from .sharing import CARD_HEIGHT, CARD_NAME, CARD_WIDTH, share_links
from .text import fold, markdown_html, md, money, money_short, number, percent, slug, syllable_pairs

MODEL_DIR = "mo-hinh"
PROVINCE_DIR = "dia-phuong"
TOPIC_DIR = "chu-de"
UPDATES_PAGE = "tin-moi.md"


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
    )
    env.filters["attr"] = lambda v: Markup(escape(str(v)))
    env.filters["yaml"] = lambda v: Markup(json.dumps(" ".join(str(v).split()), ensure_ascii=False))
    # Front matter ends up in theme templates that do not escape (<title>, <meta content>): escape here.
    env.filters["meta"] = lambda v: Markup(json.dumps(str(escape(" ".join(str(v).split()))), ensure_ascii=False))
    env.filters["markdown"] = lambda v: Markup(v)  # fields validated as Markdown without HTML
    env.filters["number"] = lambda v: Markup(escape(number(v)))
    env.filters["money"] = lambda v, per=None: Markup(escape(money(v, per)))
    env.filters["percent"] = lambda part, whole: Markup(escape(percent(part, whole)))
    env.filters["recognition_level"] = lambda v: RECOGNITION_LABELS[v]
    env.filters["md_html"] = _markdown_html
    env.filters["update_anchor"] = update_anchor
    env.filters["media_name"] = published_name
    env.filters["share_links"] = share_links
    env.globals["share_card"] = {"name": CARD_NAME, "width": CARD_WIDTH, "height": CARD_HEIGHT}
    return env


#: The ``funders`` entry for "several payers, or not stated": never one segment of a split by payer.
MIXED_PAYER = "hon-hop"

EVIDENCE_LEVELS = ("Mới nêu tên", "Có mô tả cách làm", "Có số liệu kết quả", "Đã nhân rộng", "Được công nhận")


def build_day() -> dt.date:
    """The day of the build: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


@dataclass(frozen=True)
class ResultView:
    """A result figure formatted the Vietnamese way."""

    result: Result
    source_number: int

    @property
    def value_text(self) -> str:
        """``76.303 hộ``, or ``847/1.310 thôn, tổ dân phố`` when counted out of a total."""
        r = self.result
        text = number(r.value) + ("/" + number(r.total) if r.total is not None else "")
        return text + (" " + r.unit if r.unit else "")

    @cached_property
    def share(self) -> str | None:
        """``64,7%`` of the total, or None without a (non-zero) total."""
        return percent(self.result.value, self.result.total) if self.result.total else None

    @cached_property
    def share_bar(self) -> Markup | None:
        """The share drawn as a bar (`charts.share_bar`), named with its figures; None without a total."""
        r = self.result
        if not r.total:
            return None
        whole = number(r.total) + (" " + r.unit if r.unit else "")
        return charts.share_bar(r.value, r.total, f"{self.share} ({number(r.value)} trên {whole}): {r.label}")

    @property
    def figure(self) -> str:
        """``76.303 hộ`` or ``847/1.310 thôn, tổ dân phố (64,7%)``."""
        return self.value_text + (f" ({self.share})" if self.share else "")

    @property
    def measure(self) -> tuple[str, str, str]:
        """What is counted, in what, where: results with the same measure are values of one series."""
        r = self.result
        return (r.label, r.unit or "", r.scope or "")


@dataclass(frozen=True)
class Series:
    """Several dated values of one measure (same label, unit and scope), oldest first."""

    points: list[ResultView]

    @property
    def label(self) -> str:
        """What the measure counts (its newest value's label)."""
        return self.points[-1].result.label

    @property
    def chart(self) -> Markup:
        """The values as columns (`charts.columns`), named with every value and its date."""
        unit = self.points[-1].result.unit
        said = "; ".join(f"{p.value_text}, tính đến {p.result.as_of.display}" for p in self.points)
        cols = [charts.Column(p.result.value, p.result.as_of.short, number(p.result.value)) for p in self.points]
        return charts.columns(cols, f"{self.label}{f' ({unit})' if unit else ''} qua các năm: {said}")


@dataclass(frozen=True)
class PayerSplit:
    """Amounts one source gives on one date, each paid by a named payer, drawn as a stacked bar."""

    costs: list[tuple[Cost, Term, str]]  # the cost, who paid it, the colour of its segment
    source_number: int

    @property
    def chart(self) -> Markup:
        """The amounts as one stacked bar (`charts.stacked_bar`), named with each payer and amount."""
        said = "; ".join(f"{payer.label}: {money(c.amount)}" for c, payer, _ in self.costs)
        return charts.stacked_bar([charts.Segment(c.amount, colour) for c, _, colour in self.costs],
                                  f"Các khoản theo ai chi trả: {said}")


@dataclass
class ModelView:
    """What the templates need to show one model, computed once per build."""

    record: Record
    catalogue: Catalogue = field(repr=False)

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def m(self):  # noqa: ANN201 - the pydantic Model, short for templates
        return self.record.model

    @property
    def url(self) -> str:
        return f"{MODEL_DIR}/{self.id}.md"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.m.status]

    @cached_property
    def status_date(self) -> PartialDate:
        """The date the status rests on: ``status_as_of``, else the newest date of its sources and updates."""
        if self.m.status_as_of is not None:
            return self.m.status_as_of
        dates = [self.catalogue.sources[s].date for s in self.m.sources] + [u.date for u in self.m.updates]
        return max(dates)

    def status_is_stale(self, today: dt.date, years: int) -> bool:
        """Whether the status rests on information older than ``years`` on ``today``."""
        return (today - self.status_date.first_day).days > years * 365.25

    @cached_property
    def evidence(self) -> tuple[int, str]:
        """How much the record holds, as a ladder (never a rating of effectiveness): rank and label."""
        m = self.m
        if m.recognition:
            return 5, EVIDENCE_LEVELS[4]
        if len(m.locations) >= 2 or any("nhân rộng" in r.label.lower() for r in m.results):
            return 4, EVIDENCE_LEVELS[3]
        if m.results:
            return 3, EVIDENCE_LEVELS[2]
        if m.criteria or m.team is not None or (m.replication is not None and m.replication.steps):
            return 2, EVIDENCE_LEVELS[1]
        return 1, EVIDENCE_LEVELS[0]

    @cached_property
    def origin(self) -> places.LocationView | None:
        """Where the model began, when the record says so."""
        for view, raw in zip(self.locations, self.m.locations, strict=True):
            if raw.origin:
                return view
        return None

    @cached_property
    def replication_points(self) -> list[tuple[places.LocationView, Any]]:
        """Every location that is not the origin (each counts as one replication point), with its record part."""
        return [(view, raw) for view, raw in zip(self.locations, self.m.locations, strict=True) if not raw.origin]

    @property
    def cost_fact(self) -> str | None:
        """The largest amount the record states, and who paid (``878 triệu đồng (tổng chi phí...); chi trả:
        người dân đóng góp, ...``); None when the record has no cost."""
        if not self.m.costs:
            return None
        largest = max(self.m.costs, key=lambda c: c.amount)
        payers = list(dict.fromkeys(self.payer(c).lower() for c in self.m.costs))
        per = f"/{largest.per}" if largest.per else ""
        return f"{money_short(largest.amount)}{per} ({largest.label.lower()}); chi trả: {', '.join(payers)}"

    @property
    def cost_line(self) -> str | None:
        """`cost_fact` as one line for cards: ``Chi phí: 878 triệu đồng (...); chi trả: ...``."""
        return f"Chi phí: {self.cost_fact}" if self.cost_fact else None

    @cached_property
    def places_now(self) -> list[tuple[places.Province | None, list[places.Province]]]:
        """Where it runs, for the key facts: each province of today (None: a place whose source names no
        province) with the provinces the sources named there when the name has changed, in record order."""
        found: dict[str, tuple[places.Province | None, list[places.Province]]] = {}
        for view in self.locations:
            key = view.province_today.slug if view.province_today is not None else ""
            today, reported = found.setdefault(key, (view.province_today, []))
            if view.province is not None and view.province is not today and view.province not in reported:
                reported.append(view.province)
        return list(found.values())

    @cached_property
    def series(self) -> list[Series]:
        """Measures given on two or more dates (same label, unit and scope; one value per date), in the
        order of their first value in the record."""
        groups: dict[tuple[str, str, str], list[ResultView]] = {}
        for view in self.results:
            groups.setdefault(view.measure, []).append(view)
        found = []
        for points in groups.values():
            dates = [p.result.as_of for p in points]
            if len(points) >= 2 and len(set(dates)) == len(dates):
                found.append(Series(sorted(points, key=lambda p: p.result.as_of)))
        return found

    @cached_property
    def headlines(self) -> list[ResultView]:
        """The one or two results shown large in the key facts. Rule: first the results counted out of a
        total (a share says most), then the newest value of each measure given on several dates, then the
        others, each group in the record's order; one value per measure, at most two."""
        newest = {id(s.points[-1]) for s in self.series}
        in_series = {id(p) for s in self.series for p in s.points}
        ranked = sorted(self.results, key=lambda r: 0 if r.result.total else 1 if id(r) in newest else 2)
        chosen: list[ResultView] = []
        for view in ranked:
            if id(view) in in_series and id(view) not in newest:
                continue
            chosen.append(view)
            if len(chosen) == 2:
                break
        return chosen

    @cached_property
    def payer_splits(self) -> list[PayerSplit]:
        """Costs a source gives on one date split by who paid, to draw as stacked bars. Rule: one-off amounts
        (no ``per``) of named payers (not `MIXED_PAYER`), grouped by source and date; a group is drawn when
        it names two payers or more. Amounts are never added up in words: the table lists each as stated."""
        order = list(self.catalogue.funders)
        groups: dict[tuple[str, PartialDate], list[Cost]] = {}
        for cost in self.m.costs:
            if cost.per is None and cost.paid_by != MIXED_PAYER:
                groups.setdefault((cost.source, cost.as_of), []).append(cost)
        splits = []
        for (source, _), group in groups.items():
            if len({c.paid_by for c in group}) < 2:
                continue
            ordered = sorted(group, key=lambda c: order.index(c.paid_by))
            splits.append(PayerSplit(
                [(c, self.catalogue.funders[c.paid_by],
                  charts.PAYER_COLOURS[order.index(c.paid_by) % len(charts.PAYER_COLOURS)]) for c in ordered],
                self.source_ids.index(source) + 1))
        return splits

    @property
    def recognition_levels(self) -> list[str]:
        return sorted({r.level for r in self.m.recognition}, key=list(RECOGNITION_LABELS).index)

    @property
    def funders_used(self) -> list[str]:
        return sorted({c.paid_by for c in self.m.costs})

    def total(self, field_name: str) -> int | None:
        """The sum of ``teams`` or ``members`` over the record's locations; None when no location gives it."""
        values = [getattr(raw, field_name) for raw in self.m.locations if getattr(raw, field_name) is not None]
        return sum(values) if values else None

    @property
    def team_size(self) -> str | None:
        """``10–20 người/thôn``, ``12 người``, or None."""
        team = self.m.team
        if team is None or team.members is None:
            return None
        members = team.members
        text = str(members) if isinstance(members, int) else f"{members.min}–{members.max}"
        return f"{text} người" + (f"/{team.per}" if team.per else "")

    def payer(self, cost: Cost) -> str:
        """Who paid a cost, in words: ``Người dân đóng góp`` (`mohinh check` makes sure the slug is known)."""
        return self.catalogue.funders[cost.paid_by].label

    @cached_property
    def topics(self) -> list[Term]:
        return [self.catalogue.topics[t] for t in self.m.topics]

    @property
    def community(self) -> Term:
        return self.catalogue.communities[self.m.community]

    @cached_property
    def locations(self) -> list[places.LocationView]:
        return [
            places.describe_location(loc.province, loc.district, loc.commune, loc.place) for loc in self.m.locations
        ]

    @cached_property
    def provinces_today(self) -> list[places.Province]:
        found: dict[str, places.Province] = {}
        for view in self.locations:
            if view.province_today is not None:
                found.setdefault(view.province_today.slug, view.province_today)
        return list(found.values())

    @cached_property
    def source_ids(self) -> list[str]:
        """Sources in order of first citation: the record's list, then any cited only by a result."""
        ids = list(dict.fromkeys([*self.m.sources, *(r.source for r in self.m.results),
                                  *(c.source for c in self.m.costs),
                                  *([self.m.team.source] if self.m.team is not None else []),
                                  *(r.source for r in self.m.recognition),
                                  *(u.source for u in self.m.updates if u.source)]))
        return ids

    @property
    def sources(self) -> list[tuple[str, Source]]:
        return [(sid, self.catalogue.sources[sid]) for sid in self.source_ids]

    @cached_property
    def results(self) -> list[ResultView]:
        return [ResultView(r, self.source_ids.index(r.source) + 1) for r in self.m.results]

    @property
    def updates(self) -> list[Any]:
        """The timeline, newest first; updates of the same date in reverse order of writing."""
        order = sorted(enumerate(self.m.updates), key=lambda pair: (pair[1].date, pair[0]), reverse=True)
        return [update for _, update in order]

    @property
    def published(self) -> PartialDate:
        """When the model was published: the date its record entered git, else its newest source's date."""
        committed = self.catalogue.first_commits.get(self.record.path)
        if committed is not None:
            return committed
        return max(self.catalogue.sources[s].date for s in self.m.sources)

    @property
    def last_modified(self) -> PartialDate:
        """``Cập nhật lần cuối``: last git commit of the record, else its newest update or source date."""
        committed = self.catalogue.last_commits.get(self.record.path)
        if committed is not None:
            return committed
        return self.latest or self.published

    @property
    def latest(self) -> PartialDate | None:
        dates = [u.date for u in self.m.updates] + [self.catalogue.sources[s].date for s in self.m.sources]
        return max(dates) if dates else None

    @cached_property
    def search_filters(self) -> list[tuple[str, str]]:
        """Pagefind filters of the page: province today and as reported, topic, community, status, year."""
        filters = [("tỉnh", p.name) for p in self.provinces_today]
        filters += [("tỉnh như nguồn ghi", p.name) for p in self.reported_provinces]
        filters += [("chủ đề", t.label) for t in self.topics]
        filters += [("cộng đồng", self.community.label), ("tình trạng", self.status_label)]
        if self.m.started is not None:
            filters.append(("năm bắt đầu", str(self.m.started.year)))
        return filters

    @cached_property
    def reported_provinces(self) -> list[places.Province]:
        """Provinces as the source named them (before or after 2025), each once."""
        found = {v.province.slug: v.province for v in self.locations if v.province is not None}
        return [found[slug] for slug in sorted(found)]

    @property
    def reported_province_slugs(self) -> list[str]:
        return [p.slug for p in self.reported_provinces]

    @cached_property
    def search_text(self) -> str:
        """Accent-free text a catalogue filter matches: name, summary, places."""
        return fold(" ".join([self.m.name, self.m.summary, *(v.reported for v in self.locations)]))

    @cached_property
    def folded_words(self) -> str:
        """Words with đ spelled with d (``Đăk`` -> ``Dak``), so a query typed without đ finds them."""
        text = " ".join([self.m.name, *(v.reported for v in self.locations)])
        words = {w for w in text.replace(",", " ").split() if "đ" in w.lower()}
        return " ".join(sorted(w.replace("đ", "d").replace("Đ", "D") for w in words))

    @cached_property
    def place_names(self) -> list[str]:
        """Every name of the model's places, for search: provinces as reported (former ones too) and today,
        and each location as reported (``xã Đăk Tờ Re, huyện Kon Rẫy, tỉnh Kon Tum``)."""
        names = [p.name for p in self.reported_provinces] + [p.name for p in self.provinces_today]
        return list(dict.fromkeys(names + [v.reported for v in self.locations]))

    @cached_property
    def search_pairs(self) -> tuple[str, str, str]:
        """`syllable_pairs` of the name, of the places (`place_names`) and of the rest a reader may type
        (summary, motto, lead, topics, community), each a space-separated string, a pair only in the first
        part it belongs to; the model page indexes them with falling weights."""
        seen: set[str] = set()

        def fresh(texts: list[str]) -> str:
            pairs = [pair for text in texts for pair in syllable_pairs(text) if pair not in seen]
            seen.update(pairs)
            return " ".join(dict.fromkeys(pairs))

        m = self.m
        rest = [m.summary, m.motto or "", m.lead or "", *(t.label for t in self.topics), self.community.label]
        return fresh([m.name]), fresh(self.place_names), fresh(rest)

    @property
    def places_text(self) -> str:
        names = [v.province_today.full_name if v.province_today else "Không rõ tỉnh" for v in self.locations]
        return ", ".join(dict.fromkeys(names))


def views(catalogue: Catalogue) -> list[ModelView]:
    """One `ModelView` per published record, sorted by id."""
    return [ModelView(r, catalogue) for r in catalogue.records]


@dataclass(frozen=True)
class Facet:
    """One filter of the catalogue: a data attribute, its label and its (value, label, count) options."""

    key: str
    label: str
    options: list[tuple[str, str, int]]


class Renderer:
    """Renders every page of a catalogue; holds the compiled templates and shared listings."""

    def __init__(self, catalogue: Catalogue, site_url: str = "", memo: Memo | None = None,
                 docs_dir: Path | None = None, *, today: dt.date | None = None, stale_after_years: int = 3,
                 national: dict[str, Any] | None = None, site_name: str = "", editor: Any = None) -> None:
        self.catalogue = catalogue
        self.site_url = site_url
        self.site_name = site_name  # MkDocs' `site_name`, written on the share cards
        self.memo = memo if memo is not None else Memo()
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
    def record_paths(self) -> dict[str, str]:
        """Model page (``mo-hinh/x.md``) -> the record it is made from (``models/x.yml``), for edit links."""
        return {view.url: view.record.path for view in self.models}

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
            return self.render("model.md.j2", v=view, related=related, page_url=f"{self.site_url}{MODEL_DIR}/{view.id}/")

        return self.memo.get(("page", view.id), (self.model_inputs(view), self.templates), make)

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
                tuple(self.catalogue.funders.values()) if view.m.costs else ())
        return inputs

    def facets(self) -> list[Facet]:
        """The catalogue's filters, each option with how many models it keeps."""

        def facet(key: str, label: str, pairs: list[tuple[str, str]], order: Any = None) -> Facet:
            counts: dict[tuple[str, str], int] = defaultdict(int)
            for pair in pairs:
                counts[pair] += 1
            options = sorted(counts, key=order or (lambda p: places.vietnamese_sort_key(p[1])))
            return Facet(key, label, [(value, text, counts[(value, text)]) for value, text in options])

        models = self.models
        return [
            facet("tinh", "Tỉnh, thành phố (hiện nay)", [(p.slug, p.name) for v in models for p in v.provinces_today]),
            facet("tinh-cu", "Tỉnh như nguồn ghi", [(p.slug, p.name) for v in models for p in v.reported_provinces]),
            facet("chu-de", "Chủ đề", [(t.slug, t.label) for v in models for t in v.topics]),
            facet("cong-dong", "Cộng đồng", [(v.community.slug, v.community.label) for v in models]),
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
                "points": sum(len(v.replication_points) for v in self.models)}

    def featured(self) -> list[tuple[str, ModelView]]:
        """The models the home page puts first, each with why, chosen from the records by these rules, a model
        at most once: the most replicated (most replication points; then status "đang nhân rộng", newest
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

        take("Nhân rộng nhiều nhất", [v for v in self.models if v.replication_points],
             lambda v: (len(v.replication_points), v.m.status == "replicating", newest(v), v.id))
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
