"""Finding the model that fits: the finder ``/tim-mo-hinh/`` ("which model fits a community like ours") and the
side-by-side comparison ``/so-sanh/?m=a,b,c``.

Both pages are static; the browser (``theme/assets/finder.js``) reads their data lazily, only on these pages:

- ``tim-mo-hinh/mo-hinh.json``: one compact file for the finder, a row per model (`FINDER_FIELDS`) with the
  vocabularies' labels once; ≤ 100 KB gzipped at 1,000 models (measured by ``scripts/bench/bench.py``);
- ``so-sanh/<id>.json``: one model's rows of the comparison (`COMPARE_ROWS`), fetched for the (at most three)
  models compared.

Every figure is formatted here with the rules of `mohinh.text` (numbers, money, percentages), so the browser only
shows strings; a value a record does not give reads `UNKNOWN`.
"""

from __future__ import annotations

import json
from typing import Any

from ..render import Site
from ..schema import RECOGNITION_LABELS
from ..text import hedged, money, money_short, number
from ..views import ModelView

FINDER_PAGE = "tim-mo-hinh.md"
COMPARE_PAGE = "so-sanh.md"
FINDER_DATA = "tim-mo-hinh/mo-hinh.json"
COMPARE_DIR = "so-sanh"
UNKNOWN = "chưa có thông tin"
RESIDENTS = "nguoi-dan"  # the ``funders`` entry: residents pay, the commune needs no budget of its own

#: Budget answers of the finder: URL value, label, the largest cost (đồng) a model may state (None: any).
BUDGETS: tuple[tuple[str, str, int | None], ...] = (
    ("khong", "Không có kinh phí", 0),
    ("duoi-10-trieu", f"Dưới {money_short(10_000_000)}", 10_000_000 - 1),
    ("duoi-100-trieu", f"Dưới {money_short(100_000_000)}", 100_000_000 - 1),
    ("nhieu-hon", f"Từ {money_short(100_000_000)} trở lên", None),
)

#: People answers: URL value, label, the most people the community can bring (None: any number).
PEOPLE: tuple[tuple[str, str, int | None], ...] = (
    ("duoi-10", "Dưới 10 người", 9),
    ("10-30", "Từ 10 đến 30 người", 30),
    ("tren-30", "Trên 30 người", None),
)

#: Columns of a model's row in `FINDER_DATA` (the file names them too).
FINDER_FIELDS = ("id", "ten", "dia_ban", "cong_dong", "chu_de", "chi_phi_lon_nhat", "chi_phi", "to_it_nhat", "to",
                 "nhan_rong", "da_nhan_rong", "cong_nhan", "muc_thong_tin", "loai", "dan_tu_lo", "bo_nhan_rong")

#: Rows of the comparison, in this order for every model.
COMPARE_ROWS = ("Tình trạng", "Loại mô hình", "Cộng đồng", "Địa bàn hôm nay", "Mức thông tin", "Kinh phí và ai chi trả",
                "Chi phí mỗi đơn vị", "Đội, tổ thực hiện", "Số bước nhân rộng", "Kết quả chính", "Kế hoạch, chỉ tiêu", "Bài học kinh nghiệm",
                "Hạn chế, khó khăn",
                "Công nhận", "Nguồn")


def paths(site: Site) -> list[str]:
    """Where `make` puts its files (so a full build makes them in another process while MkDocs works)."""
    return [FINDER_PAGE, COMPARE_PAGE, FINDER_DATA, *(f"{COMPARE_DIR}/{view.id}.json" for view in site.models)]


def make(site: Site) -> dict[str, str | bytes]:
    """The two pages, the finder's data file and each model's comparison file, by site path."""
    files: dict[str, str | bytes] = {
        FINDER_PAGE: site.render("finder.md.j2", budgets=BUDGETS, people=PEOPLE),
        COMPARE_PAGE: site.render("compare.md.j2"),
        FINDER_DATA: _json(finder_data(site)),
    }
    for view in site.models:  # under ``mohinh serve``, made again only for a model that changed
        files[f"{COMPARE_DIR}/{view.id}.json"] = site.memo.once(
            ("so-sanh", view.id), site.model_inputs(view), lambda view=view: _json(compare_data(view)))
    return files


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def replication_text(view: ModelView) -> str | None:
    """How far the model was copied, as the record says: ``đã nhân rộng ở 5 nơi``, ``có ở 3 nơi``, or a result
    about replication (``Thôn, tổ dân phố đã xây dựng, nhân rộng mô hình: 847/1.310 …``); None otherwise."""
    if view.origin is not None and view.replication_points:
        return f"đã nhân rộng ở {number(len(view.replication_points))} nơi"
    if view.replication_points:
        return f"có ở {number(len(view.m.locations))} nơi"
    for result in view.replication_results:
        return f"{result.result.label}: {result.figure} (tính đến {result.result.as_of.display})"
    return None


def recognition_text(view: ModelView) -> str | None:
    """``Mô hình điển hình tiên tiến (cấp tỉnh, 10/2018)``, each recognition; None without."""
    if not view.m.recognition:
        return None
    return "; ".join(f"{r.title} ({RECOGNITION_LABELS[r.level].lower()}, {r.date.display})" for r in view.m.recognition)


def _team_min(view: ModelView) -> int | None:
    team = view.m.team
    if team is None or team.members is None:
        return None
    return team.members if isinstance(team.members, int) else team.members.min


def finder_data(site: Site) -> dict[str, Any]:
    """The finder's file: the vocabularies' labels, then a row of `FINDER_FIELDS` per model (compact: the
    labels once, a model's community and topics by slug)."""
    rows = [site.memo.once(("tim-mo-hinh", view.id), site.model_inputs(view), lambda view=view: finder_row(view, site))
            for view in site.models]
    catalogue = site.catalogue
    return {
        "cot": list(FINDER_FIELDS),
        "cong_dong": {slug: term.label for slug, term in catalogue.communities.items()},
        "chu_de": {slug: term.label for slug, term in catalogue.topics.items()},
        "loai": {slug: model_type.name for slug, model_type in catalogue.types.items()},
        "chua_co": UNKNOWN,
        "mo_hinh": rows,
    }


def needs_no_budget(view: ModelView) -> bool:
    """Known to need no budget: the record states costs, and each is nothing or paid by the residents."""
    return bool(view.m.costs) and all(c.amount == 0 or c.paid_by == RESIDENTS for c in view.m.costs)


def kit_text(site: Site, view: ModelView) -> str | None:
    """The kit a commune can take from the model's page: its own, or its types' (None: neither)."""
    if view.has_own_kit:
        return "có bộ nhân rộng riêng (tải Word trên trang mô hình)"
    kits = [ty.name for slug, ty in view.types if slug in site.type_by_slug and site.type_by_slug[slug].has_kit]
    return f"có bộ nhân rộng của loại {', '.join(kits)}" if kits else None


def finder_row(view: ModelView, site: Site | None = None) -> list[Any]:
    """One model's row of `FINDER_DATA`, in the order of `FINDER_FIELDS`."""
    # the budget question compares the largest amount any source gives (a disputed total counts at its highest)
    largest = max((amount for c in view.m.costs for amount in (c.amount, *(o.amount for o in c.other_values))),
                  default=None)
    replication = replication_text(view)
    return [
        view.id, view.m.name, view.places_text, view.m.community, list(view.m.topics), largest, view.cost_fact,
        _team_min(view), view.team_size, replication, replication is not None or view.m.status == "replicating",
        recognition_text(view), view.evidence[0], [slug for slug, _ in view.types], needs_no_budget(view),
        kit_text(site, view) if site is not None else None,
    ]


def compare_data(view: ModelView) -> dict[str, Any]:
    """One model's comparison: its name and each of `COMPARE_ROWS` as a list of lines (empty: `UNKNOWN`)."""
    m = view.m
    costs = [f"{c.label}: {hedged(c.qualifier, money(c.amount, c.per))}{' (hiện vật)' if c.in_kind else ''}; "
             f"{view.payer(c).lower()} (tính đến {c.as_of.display})"
             + (f"; {view.unit_cost(c)}" if view.unit_cost(c) else "")
             + ("; nguồn khác ghi " + ", ".join(hedged(o.qualifier, money(o.amount)) for o in c.other_values)
                if c.other_values else "") for c in m.costs]
    team: list[str] = []
    if m.team is not None:
        if view.team_size:
            team.append(f"Mỗi tổ {view.team_size}")
        team += list(m.team.roles)
        if m.team.schedule:
            team.append(f"Lịch: {m.team.schedule}")
    steps = [f"{number(len(m.replication.steps))} bước"] if m.replication is not None and m.replication.steps else []
    status = view.status_text
    values = {
        "Tình trạng": [status],
        "Loại mô hình": [ty.name for _, ty in view.types],
        "Cộng đồng": [view.community.label],
        "Địa bàn hôm nay": list(dict.fromkeys(loc.detailed_text for loc in view.locations)),
        "Mức thông tin": [view.evidence[1]],
        "Kinh phí và ai chi trả": costs,
        "Chi phí mỗi đơn vị": view.unit_costs,
        "Đội, tổ thực hiện": team,
        "Số bước nhân rộng": steps,
        "Kết quả chính": [f"{r.result.label}: {r.figure} (tính đến {r.result.as_of.display})"
                          + ("; nguồn khác ghi " + ", ".join(hedged(o.qualifier, number(o.value)) for o in r.result.other_values)
                             if r.disputed else "") for r in view.own_results],
        "Kế hoạch, chỉ tiêu": [f"{r.result.label}: {r.figure} (tính đến {r.result.as_of.display})" for r in view.targets],
        "Bài học kinh nghiệm": list(m.lessons),
        "Hạn chế, khó khăn": list(m.limitations),
        "Công nhận": [f"{r.title}: {r.by} ({RECOGNITION_LABELS[r.level].lower()}, {r.date.display})" for r in m.recognition],
        "Nguồn": [", ".join(part for part in (s.title, s.publisher, s.date.display) if part) for _, s in view.sources],
    }
    return {"id": view.id, "ten": m.name, "dong": [[row, values[row] or [UNKNOWN]] for row in COMPARE_ROWS]}
