"""Model types: ``loai-mo-hinh/index.md``, a page per type (``loai-mo-hinh/<slug>.md``, through
``templates/type.md.j2``) and ``du-lieu/loai-mo-hinh.json``, all computed across each type's cases
(`mohinh.views.TypeView`). The kits of the types are made with the models' kits (`mohinh.outputs.kits`)."""

from __future__ import annotations

from typing import Any

from ..paths import TYPES_DATA, TYPES_PAGE, address, type_kit_paths, type_page, type_path
from ..render import Site
from ..schema_files import write_json
from ..text import qualifier_word
from ..views import TypeView


def make(site: Site) -> dict[str, str | bytes]:
    """The types' listing, each type's page and the open data of the types, by path under the docs dir."""
    made: dict[str, str | bytes] = {TYPES_PAGE: site.render("types.md.j2")}
    for view in site.types:
        made[type_page(view.slug)] = site.render("type.md.j2", t=view)
    made[TYPES_DATA] = write_json(types_data(site)).encode("utf-8")
    return made


def types_data(site: Site) -> dict[str, Any]:
    """``du-lieu/loai-mo-hinh.json``: every type, its models, and what is computed across them."""
    return {"loai_mo_hinh": [type_data(view, site.site_url) for view in site.types]}


def type_data(view: TypeView, site_url: str) -> dict[str, Any]:
    """One type as open data: the type as written, its models, cost rows (with the cost per unit and whether
    another source disagrees), ranges per unit, who paid (cases), team sizes, and its kit's files."""
    def guidance(items: list[Any]) -> list[dict[str, Any]]:
        return [item.model_dump(mode="json", exclude_none=True) for item in items]

    g = view.type.guidance
    return {
        "ma": view.slug,
        "ten": view.type.name,
        "ten_khac": list(view.type.aliases),
        "tom_tat": view.type.summary,
        "dia_chi": address(site_url, type_path(view.slug)),
        "mo_hinh": [v.id for v in view.models],
        "kinh_phi": [{
            "mo_hinh": row.view.id, "khoan_chi": row.cost.label, "so_tien": row.cost.amount,
            "chu_kem_so": qualifier_word(row.cost.qualifier), "tinh_cho_moi": row.cost.per,
            "so_luong": row.cost.quantity, "don_vi": row.unit,
            "moi_don_vi": None if row.each is None else round(row.each), "ai_chi_tra": row.cost.paid_by,
            "tinh_den": row.cost.as_of.iso, "nguon": row.cost.source, "nguon_khac_ghi_khac": row.disputed,
        } for row in view.cost_rows],
        "khoang_moi_don_vi": [{"don_vi": r.unit, "thap_nhat": round(r.low.each or 0), "cao_nhat": round(r.high.each or 0),
                               "so_truong_hop": r.cases} for r in view.unit_ranges],
        "ai_chi_tra": {payer.slug: n for payer, n in view.payer_counts},
        "so_nguoi_moi_to": {v.id: size for v, size in view.team_sizes},
        "huong_dan": {} if g is None else {
            "dieu_kien": guidance(g.prerequisites), "cac_buoc": guidance(g.steps), "nguon_luc": guidance(g.resources),
            "chi_so": guidance(g.indicators), "can_tranh": guidance(g.pitfalls)},
        "van_ban": list(view.type.official),
        "nguon": list(view.type.sources),
        "bo_nhan_rong": [address(site_url, path) for path in type_kit_paths(view.slug)] if view.has_kit else [],
    }
