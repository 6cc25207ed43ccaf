"""What a template sees of a model: `ModelView` (figures formatted, places of today, sources, the key
facts' rules) and its parts `ResultView`, `Series`, `PayerSplit`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from markupsafe import Markup

from . import charts, places
from .catalogue import Catalogue, Record
from .dates import PartialDate
from .paths import model_page
from .schema import RECOGNITION_LABELS, STATUS_LABELS, Cost, ModelType, Result, Source, Term
from .text import fold, hedged, money, money_short, number, percent, syllable_pairs

#: The ``funders`` entry for "several payers, or not stated" (records written before the two were told apart;
#: still valid): never one segment of a split by payer.
MIXED_PAYER = "hon-hop"
#: ``funders`` entries that name no one payer: several payers, not stated, and the older `MIXED_PAYER`.
SEVERAL_PAYERS, PAYER_NOT_STATED = "nhieu-nguon", "khong-neu"
UNNAMED_PAYERS = frozenset({MIXED_PAYER, SEVERAL_PAYERS, PAYER_NOT_STATED})

EVIDENCE_LEVELS = ("Mới nêu tên", "Có mô tả cách làm", "Có số liệu kết quả", "Đã nhân rộng", "Được công nhận")


def per_unit_money(each: float) -> str:
    """An amount per unit, in words and rounded to what a reader can use: ``4.242.424`` -> ``4,24 triệu đồng``,
    ``85.714`` -> ``85.700 đồng``."""
    step = 10_000 if each >= 1_000_000 else 100
    rounded = round(each / step) * step
    return money_short(rounded) if rounded >= 1_000_000 else money(rounded)


def unit_cost(cost: Cost) -> str | None:
    """The cost per unit bought, with what it was computed from: ``khoảng 4,5 triệu đồng/camera, tính từ 27 triệu
    đồng cho 6 camera``; None when the cost says nothing bought, is per unit already, or has a disputed amount."""
    if cost.quantity is None or cost.unit is None or cost.per is not None or cost.other_values or cost.quantity == 0:
        return None
    each = cost.amount / cost.quantity
    exact = cost.amount % cost.quantity == 0 and not cost.qualifier
    shown = per_unit_money(each)
    return (f"{'' if exact else 'khoảng '}{shown}/{cost.unit}, tính từ "
            f"{hedged(cost.qualifier, money_short(cost.amount))} cho {number(cost.quantity)} {cost.unit}")


def each_cost(cost: Cost) -> str | None:
    """What one unit cost, as the page says it: an amount the source gives per unit (``50.000 đồng/hộ``) or one
    computed from the quantity bought (`unit_cost`); None when the record allows neither."""
    if cost.per is not None:
        return hedged(cost.qualifier, money(cost.amount, cost.per))
    return unit_cost(cost)


@dataclass(frozen=True)
class ResultView:
    """A result figure formatted the Vietnamese way."""

    result: Result
    source_number: int

    @property
    def value_text(self) -> str:
        """``76.303 hộ``, ``gần 2.000 lượt người``, or ``847/1.310 thôn, tổ dân phố`` when counted out of a total."""
        r = self.result
        text = number(r.value) + ("/" + number(r.total) if r.total is not None else "")
        return hedged(r.qualifier, text + (" " + r.unit if r.unit else ""))

    @property
    def number_text(self) -> str:
        """The number alone with its hedge, for large figures: ``hơn 70``."""
        return hedged(self.result.qualifier, number(self.result.value))

    @property
    def disputed(self) -> bool:
        """Another source gives a different figure: never a headline, never charted."""
        return bool(self.result.other_values)

    @property
    def is_result(self) -> bool:
        """What the model achieved (not a target, not context), undisputed: may be a headline or charted."""
        return self.result.kind == "result" and not self.disputed

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
        return model_page(self.id)

    @property
    def unit(self) -> Any:
        """Who published the model when it comes from another unit's open data (`federation.Publisher`), else None."""
        return self.record.unit

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.m.status]

    @cached_property
    def status_date(self) -> PartialDate:
        """The date the status rests on: ``status_as_of``, else the newest date of its sources and updates."""
        if self.m.status_as_of is not None:
            return self.m.status_as_of
        dates = [self.catalogue.sources[s].date for s in self.m.source_ids] + [u.date for u in self.m.updates]
        return max(dates)

    def status_is_stale(self, today: dt.date, years: int) -> bool:
        """Whether the status rests on information older than ``years`` on ``today``."""
        return (today - self.status_date.first_day).days > years * 365.25

    @cached_property
    def evidence(self) -> tuple[int, str]:
        """How much the record holds, as a ladder (never a rating of effectiveness): rank and label. Targets,
        context figures and pilot sites never raise it; "Đã nhân rộng" needs a replication point (a place
        that is neither the origin nor a pilot) or a result counting adopting places."""
        m = self.m
        if m.recognition:
            return 5, EVIDENCE_LEVELS[4]
        if self.replication_points or self.replication_results:
            return 4, EVIDENCE_LEVELS[3]
        if any(r.result.kind == "result" for r in self.results):
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
        """Every location that is neither the origin nor a pilot site (each counts as one replication point),
        with its record part; a record with one location has none (its only place is where it runs)."""
        if len(self.m.locations) < 2:
            return []
        return [(view, raw) for view, raw in zip(self.locations, self.m.locations, strict=True)
                if not raw.origin and not raw.pilot]

    @cached_property
    def replication_results(self) -> list[ResultView]:
        """Results that count adopting places (``replication: true``, or, in records written before version 3,
        a label saying "nhân rộng"), the model's own and undisputed."""
        return [r for r in self.results if r.is_result and (r.result.replication or "nhân rộng" in r.result.label.lower())]

    @property
    def replication_reach(self) -> tuple[float, int]:
        """How far it was copied, to rank models: the largest replication result, then replication points."""
        return (max((r.result.value for r in self.replication_results), default=0), len(self.replication_points))

    @property
    def superseded(self) -> bool:
        """The status rests on a date before a law replaced the force the model is built on."""
        rf = self.m.replaced_force
        return rf is not None and self.status_date < rf.date

    @property
    def status_text(self) -> str:
        """``Đang hoạt động (theo nguồn 02/10/2018)``; a status from before a replaced force says so:
        ``Đang hoạt động (theo nguồn 03/08/2023); không còn là tình hình hiện nay: từ 01/07/2024, bảo vệ dân phố…``."""
        rf = self.m.replaced_force
        if rf is not None and self.superseded:
            return (f"{self.status_label} (theo nguồn {self.status_date.display}); không còn là tình hình hiện nay: "
                    f"từ {rf.date.display}, {rf.force} được thay bằng {rf.replaced_by}")
        return f"{self.status_label} (theo nguồn {self.status_date.display})"

    @cached_property
    def rechecked(self) -> bool:
        """False when every source of the record could not be found again to re-read (``unavailable``)."""
        return not all(self.catalogue.sources[s].unavailable for s in self.m.source_ids)

    @cached_property
    def targets(self) -> list[ResultView]:
        """Plans, quotas and decisions not yet carried out ("Kế hoạch, chỉ tiêu")."""
        return [r for r in self.results if r.result.kind == "target"]

    @cached_property
    def context_results(self) -> list[ResultView]:
        """Figures about the place or a wider area ("Bối cảnh")."""
        return [r for r in self.results if r.result.kind == "context"]

    @cached_property
    def own_results(self) -> list[ResultView]:
        """What the model achieved ("Kết quả"), disputed figures included (shown with every source's value)."""
        return [r for r in self.results if r.result.kind == "result"]

    @cached_property
    def undisputed_costs(self) -> list[Cost]:
        return [c for c in self.m.costs if not c.other_values]

    def unit_cost(self, cost: Cost) -> str | None:
        return unit_cost(cost)

    def source_number(self, source_id: str) -> int:
        return self.source_ids.index(source_id) + 1

    @property
    def cost_fact(self) -> str | None:
        """`cost_total` and who paid (``878 triệu đồng (tổng chi phí...); chi trả: người dân đóng góp, ...``); None
        when the record has no undisputed cost."""
        if self.cost_total is None:
            return None
        payers = list(dict.fromkeys(self.payer(c).lower() for c in self.m.costs))
        return f"{self.cost_total}; chi trả: {', '.join(payers)}"

    @property
    def cost_total(self) -> str | None:
        """The largest amount the record states that no other source disputes, and what it paid for (``878 triệu
        đồng (tổng chi phí)``; `cost_fact` adds who paid); None when the record has no undisputed cost."""
        if not self.undisputed_costs:
            return None
        largest = max(self.undisputed_costs, key=lambda c: c.amount)
        per = f"/{largest.per}" if largest.per else ""
        return f"{hedged(largest.qualifier, money_short(largest.amount))}{per} ({largest.label.lower()})"

    @property
    def unit_costs(self) -> list[str]:
        """For the decision box: every cost per unit the record allows, each once: an amount the source gives per
        unit (``50.000 đồng/hộ (quỹ an ninh)``) and one computed from a quantity bought (`unit_cost`)."""
        found = []
        for cost in self.undisputed_costs:
            each = each_cost(cost)
            if each is not None:
                found.append(f"{each} ({cost.label.lower()})" if cost.per else each)
        return list(dict.fromkeys(found))

    @property
    def payers_text(self) -> str:
        """For the decision box: who paid, each payer once in record order (``người dân đóng góp, ngân sách nhà
        nước``, separated by ``;`` as labels hold commas); several payers and a payer not stated stay apart; ``nguồn không nêu`` without any cost."""
        if not self.m.costs:
            return "nguồn không nêu"
        return "; ".join(dict.fromkeys(self.payer(c).lower() for c in self.m.costs))

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
            if not view.is_result or view.result.qualifier:
                continue
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
        if not self.rechecked:
            return []
        newest = {id(s.points[-1]) for s in self.series}
        in_series = {id(p) for s in self.series for p in s.points}
        candidates = [r for r in self.results if r.is_result]
        ranked = sorted(candidates, key=lambda r: 0 if r.result.total else 1 if id(r) in newest else 2)
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
        (no ``per``) of named payers (not `UNNAMED_PAYERS`), grouped by source and date; a group is drawn when
        it names two payers or more. Amounts are never added up in words: the table lists each as stated."""
        order = list(self.catalogue.funders)
        groups: dict[tuple[str, PartialDate], list[Cost]] = {}
        for cost in self.undisputed_costs:
            if cost.per is None and cost.paid_by not in UNNAMED_PAYERS and not cost.qualifier:
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
    def types(self) -> list[tuple[str, ModelType]]:
        """The model types the record names, as (slug, type), in the record's order."""
        return [(slug, self.catalogue.types[slug]) for slug in self.m.types if slug in self.catalogue.types]

    @property
    def has_own_kit(self) -> bool:
        """The record has its own replication steps (its own kit); otherwise its types' kits serve."""
        return self.m.replication is not None

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
        ids = list(dict.fromkeys([*self.m.source_ids, *(r.source for r in self.m.results),
                                  *(c.source for c in self.m.costs),
                                  *(o.source for r in self.m.results for o in r.other_values),
                                  *(o.source for c in self.m.costs for o in c.other_values),
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
        return max(self.catalogue.sources[s].date for s in self.m.source_ids)

    @property
    def last_modified(self) -> PartialDate:
        """``Cập nhật lần cuối``: last git commit of the record, else its newest update or source date."""
        committed = self.catalogue.last_commits.get(self.record.path)
        if committed is not None:
            return committed
        return self.latest or self.published

    @property
    def latest(self) -> PartialDate | None:
        dates = [u.date for u in self.m.updates] + [self.catalogue.sources[s].date for s in self.m.source_ids]
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
        if self.unit is not None:
            filters.append(("đơn vị công bố", self.unit.name))
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
        """Accent-free text a catalogue filter matches: name, summary, places, provinces as the sources named them."""
        return fold(" ".join([self.m.name, self.m.summary, *(v.reported for v in self.locations),
                              *(p.name for p in self.reported_provinces), *([self.unit.name] if self.unit else [])]))

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
class CostRow:
    """One cost of one model of a type, with its cost per unit where the record allows one."""

    view: ModelView
    cost: Cost

    @property
    def unit(self) -> str | None:
        """What one unit is (``camera``, ``hộ``), from `per` or `quantity`/`unit`; None when the record gives none."""
        if self.cost.per is not None:
            return self.cost.per
        return self.cost.unit if self.cost.quantity else None

    @property
    def each(self) -> float | None:
        """Đồng per unit; None when the record gives no unit."""
        if self.cost.per is not None:
            return float(self.cost.amount)
        return self.cost.amount / self.cost.quantity if self.cost.quantity and self.cost.unit else None

    @property
    def disputed(self) -> bool:
        return bool(self.cost.other_values)

    @property
    def each_text(self) -> str | None:
        """``khoảng 4,5 triệu đồng/camera, tính từ 27 triệu đồng cho 6 camera``, ``50.000 đồng/hộ``; None without a
        unit (or, computed from a quantity, with a disputed amount)."""
        return each_cost(self.cost)


#: Words a source puts before a unit that do not change it: "mắt camera" (a camera's "eye") is one camera.
UNIT_WORDS = ("mắt ",)


def same_unit(unit: str) -> str:
    """The unit as compared across cases: case and spaces aside, ``mắt camera`` is ``camera``."""
    text = " ".join(unit.casefold().split())
    for word in UNIT_WORDS:
        if text.startswith(word) and len(text) > len(word):
            text = text[len(word):]
    return text


@dataclass(frozen=True)
class UnitRange:
    """The spread of one unit's cost over the cases that give it (disputed figures left out)."""

    unit: str
    low: CostRow
    high: CostRow
    cases: int

    @property
    def text(self) -> str:
        low, high = per_unit_money(self.low.each or 0), per_unit_money(self.high.each or 0)
        span = low if low == high else f"từ {low} đến {high}"
        return f"khoảng {span}/{self.unit} ({number(self.cases)} trường hợp)"


@dataclass
class TypeView:
    """What a model type's page, kit and open data show, computed across its cases (never written by hand)."""

    slug: str
    type: ModelType
    models: list[ModelView]
    catalogue: Catalogue = field(repr=False)

    @cached_property
    def cost_rows(self) -> list[CostRow]:
        """Every cost of every model of the type, each with its cost per unit where `per` or `quantity` allow."""
        return [CostRow(view, cost) for view in self.models for cost in view.m.costs]

    @cached_property
    def unit_ranges(self) -> list[UnitRange]:
        """Per unit, the lowest and highest cost over the cases; a range never mixes units (compared as
        written, case and spaces aside) and never uses a disputed figure."""
        groups: dict[str, list[CostRow]] = {}
        for row in self.cost_rows:
            if row.each is not None and row.unit is not None and not row.disputed:
                groups.setdefault(same_unit(row.unit), []).append(row)
        ranges = []
        for rows in groups.values():
            ordered = sorted(rows, key=lambda r: (r.each, r.view.id))
            ranges.append(UnitRange(same_unit(ordered[0].unit or ""), ordered[0], ordered[-1], len({r.view.id for r in rows})))
        return sorted(ranges, key=lambda r: (-r.cases, r.unit))

    @cached_property
    def payer_counts(self) -> list[tuple[Term, int]]:
        """Who paid, as the number of cases (models) naming each payer, in the vocabulary's order."""
        counts = {slug: sum(1 for v in self.models if any(c.paid_by == slug for c in v.m.costs))
                  for slug in self.catalogue.funders}
        return [(self.catalogue.funders[slug], n) for slug, n in counts.items() if n]

    @cached_property
    def team_sizes(self) -> list[tuple[ModelView, str]]:
        return [(v, v.team_size) for v in self.models if v.team_size]

    @cached_property
    def measures(self) -> list[tuple[ModelView, list[ResultView]]]:
        """The results each model reports (its own, not targets or context)."""
        return [(v, v.own_results) for v in self.models if v.own_results]

    @cached_property
    def provinces(self) -> list[tuple[places.Province, int]]:
        """Where it runs: each province of today with its number of models of the type, by name."""
        counts: dict[str, tuple[places.Province, int]] = {}
        for view in self.models:
            for province in view.provinces_today:
                _, n = counts.get(province.slug, (province, 0))
                counts[province.slug] = (province, n + 1)
        return sorted(counts.values(), key=lambda pair: places.vietnamese_sort_key(pair[0].name))

    def seen(self, ref: str) -> tuple[str, str | None]:
        """A `seen_in` entry as (label, link): a model's name and page, or a source's title and address."""
        record = self.catalogue.by_id.get(ref)
        if record is not None:
            return record.model.name, "../" + model_page(ref)  # a Markdown link from the type's page
        source = self.catalogue.sources[ref]
        return f"{source.title} ({source.publisher + ', ' if source.publisher else ''}{source.date.display})", source.url

    @cached_property
    def sources(self) -> list[tuple[str, Source]]:
        ids = list(dict.fromkeys([*self.type.sources, *self.type.official]))
        return [(sid, self.catalogue.sources[sid]) for sid in ids]

    @property
    def guidance_parts(self) -> list[tuple[str, list[Any]]]:
        """The guidance's lists with their headings, empty ones left out (steps apart)."""
        g = self.type.guidance
        if g is None:
            return []
        parts = [("Điều kiện cần có", g.prerequisites), ("Nguồn lực", g.resources),
                 ("Chỉ số theo dõi", g.indicators), ("Điều cần tránh", g.pitfalls)]
        return [(heading, items) for heading, items in parts if items]

    @property
    def search_pairs(self) -> str:
        """`syllable_pairs` of the type's name and aliases: a query typed as a reader says it ("mắt thần",
        "camera giam sat") finds the type's page as a phrase."""
        return " ".join(dict.fromkeys(p for text in (self.type.name, *self.type.aliases) for p in syllable_pairs(text)))

    @property
    def folded_names(self) -> str:
        """The name and aliases without accents, for a query typed without them."""
        return " ".join(fold(text) for text in (self.type.name, *self.type.aliases))

    @property
    def has_kit(self) -> bool:
        g = self.type.guidance
        return g is not None and bool(g.steps or g.prerequisites or g.resources or g.indicators or g.pitfalls)
