"""A model page's key facts and figures, from records: which results lead, which values make a chart,
which costs make a split by payer, and what each drawing says in words."""

from __future__ import annotations

import re

import pytest

from conftest import Project
from mohinh.catalogue import load_catalogue
from mohinh.views import ModelView, views

RECORD = """\
name: Camera an ninh thôn
summary: Các hộ dân góp tiền lắp camera an ninh ở đường làng.
status: active
topics: [camera-cong-nghe]
community: thon-to-dan-pho
locations:
  - province: Bắc Kạn
results:
  - label: Camera đã lắp
    value: 12
    unit: camera
    as_of: 2021
    source: bac-kan-2020-09
  - label: Hộ tham gia
    value: 1200
    unit: hộ
    as_of: 2019
    source: bac-kan-2020-09
  - label: Hộ tham gia
    value: 1500
    unit: hộ
    as_of: 08/09/2020
    source: bac-kan-2020-09
  - label: Thôn đã có camera
    value: 847
    total: 1310
    unit: thôn
    as_of: 08/09/2020
    source: bac-kan-2020-09
costs:
  - label: Tổng kinh phí
    amount: 90000000
    paid_by: hon-hop
    as_of: 08/09/2020
    source: bac-kan-2020-09
  - label: Doanh nghiệp ủng hộ
    amount: 38500000
    paid_by: doanh-nghiep
    as_of: 08/09/2020
    source: bac-kan-2020-09
  - label: Các hộ dân góp
    amount: 51400000
    paid_by: nguoi-dan
    as_of: 08/09/2020
    source: bac-kan-2020-09
  - label: Hỗ trợ tổ trưởng
    amount: 500000
    per: tháng
    paid_by: ngan-sach
    as_of: 08/09/2020
    source: bac-kan-2020-09
sources: [bac-kan-2020-09]
"""


def view_of(project: Project, text: str) -> ModelView:
    project.record("camera-thon", text)
    return next(v for v in views(load_catalogue(project.root)) if v.id == "camera-thon")


def aria_label(svg: str) -> str:
    found = re.search(r'<svg [^>]*role="img" aria-label="([^"]*)"', svg)
    assert found, svg
    return found.group(1)


def test_headlines_are_a_share_first_then_the_newest_value_of_a_measure_then_the_record_order(project) -> None:
    view = view_of(project, RECORD)
    assert [(r.result.label, r.result.value) for r in view.headlines] == [("Thôn đã có camera", 847), ("Hộ tham gia", 1500)]
    plain = RECORD.replace("    total: 1310\n", "").replace("    as_of: 2019\n", "    as_of: 2018\n    scope: thôn A\n")
    assert [r.result.label for r in view_of(project, plain).headlines] == ["Camera đã lắp", "Hộ tham gia"]


def test_a_measure_given_on_several_dates_is_drawn_as_columns_oldest_first(project) -> None:
    view = view_of(project, RECORD)
    [series] = view.series
    chart = str(series.chart)
    assert aria_label(chart) == "Hộ tham gia (hộ) qua các năm: 1.200 hộ, tính đến năm 2019; 1.500 hộ, tính đến 08/09/2020"
    heights = [float(h) for h in re.findall(r'class="mh-chart__fill"[^>]* height="([\d.]+)"', chart)]
    assert len(heights) == 2 and heights[0] < heights[1]
    assert heights[0] == pytest.approx(heights[1] * 1200 / 1500, abs=0.1)  # from zero: 1.200 is 80% of 1.500
    assert re.findall(r">([^<]+)</text>", chart) == ["1.200", "2019", "1.500", "08/09/2020"]


def test_two_values_on_the_same_date_or_in_different_places_are_no_series(project) -> None:
    same_day = RECORD.replace("    as_of: 2019\n", "    as_of: 08/09/2020\n")
    assert view_of(project, same_day).series == []
    elsewhere = RECORD.replace("    as_of: 2019\n", "    as_of: 2019\n    scope: thôn A\n")
    assert view_of(project, elsewhere).series == []


def test_a_share_is_a_bar_filled_to_it_and_named_in_vietnamese_format(project) -> None:
    share = next(r for r in view_of(project, RECORD).results if r.result.total)
    bar = str(share.share_bar)
    assert aria_label(bar) == "64,7% (847 trên 1.310 thôn): Thôn đã có camera"
    assert 'class="mh-chart__fill" width="64.7"' in bar


def test_costs_are_split_by_named_payer_without_the_mixed_total_or_amounts_per_unit(project) -> None:
    [split] = view_of(project, RECORD).payer_splits
    assert [(c.label, payer.label) for c, payer, _ in split.costs] == [
        ("Các hộ dân góp", "Người dân đóng góp"), ("Doanh nghiệp ủng hộ", "Doanh nghiệp, nhà tài trợ")]
    chart = str(split.chart)
    assert aria_label(chart) == ("Các khoản theo ai chi trả: Người dân đóng góp: 51.400.000 đồng; "
                                 "Doanh nghiệp, nhà tài trợ: 38.500.000 đồng")
    widths = [float(w) for w in re.findall(r'class="mh-chart__segment" x="[\d.]+" width="([\d.]+)"', chart)]
    assert widths == [pytest.approx(100 * 51.4 / 89.9, abs=0.1), pytest.approx(100 * 38.5 / 89.9, abs=0.1)]
    one_payer = RECORD.replace("paid_by: doanh-nghiep", "paid_by: nguoi-dan")
    assert view_of(project, one_payer).payer_splits == []


def test_the_key_facts_name_todays_province_and_the_one_the_source_named(project) -> None:
    view = view_of(project, RECORD)
    [(today, reported)] = view.places_now
    assert today.full_name == "tỉnh Thái Nguyên" and [p.full_name for p in reported] == ["tỉnh Bắc Kạn"]
    assert view.cost_fact == "90 triệu đồng (tổng kinh phí); chi trả: nhiều nguồn, hoặc nguồn không nêu rõ, " \
                             "doanh nghiệp, nhà tài trợ, người dân đóng góp, ngân sách nhà nước"


def test_the_page_opens_with_the_key_facts_then_the_summary_then_sections_in_the_order_a_commune_reads(project) -> None:
    from mohinh.render import Site

    project.record("camera-thon", RECORD.replace("sources: [bac-kan-2020-09]", """\
team:
  members: 3
  source: bac-kan-2020-09
lessons:
  - Họp dân trước khi góp tiền.
limitations:
  - Camera cần người trông.
replication:
  steps:
    - title: Họp dân
sources: [bac-kan-2020-09]"""))
    site = Site(load_catalogue(project.root))
    page = site.model_page(site.by_id["camera-thon"])
    body = page.split("\n# Camera an ninh thôn\n", 1)[1]
    assert body.index('<section class="mh-panel"') < body.index("Các hộ dân góp tiền lắp camera") < body.index("## ")
    headings = re.findall(r"^## (.+)$", body, re.M)
    assert headings == ["Kết quả", "Cách làm", "Kinh phí", "Đội, tổ thực hiện", "Địa bàn", "Nhân rộng mô hình",
                        "Bài học kinh nghiệm", "Hạn chế, khó khăn", "Nguồn"]


def test_the_preview_remakes_a_page_when_the_name_of_a_payer_changes(project) -> None:
    """`mohinh serve` reuses a page while what it is made from is unchanged: who paid is part of it."""
    from mohinh.memo import Memo
    from mohinh.render import Site

    project.record("camera-thon", RECORD)
    memo = Memo()
    first = Site(load_catalogue(project.root), memo=memo)
    assert "Người dân đóng góp: 51.400.000 đồng" in first.model_page(first.by_id["camera-thon"])
    vocabulary = project.models / "_vocabularies.yml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8").replace(
        "label: Người dân đóng góp", "label: Nhân dân đóng góp"), encoding="utf-8")
    again = Site(load_catalogue(project.root), memo=memo)
    assert "Nhân dân đóng góp: 51.400.000 đồng" in again.model_page(again.by_id["camera-thon"])


def test_the_decision_box_tells_several_payers_from_a_payer_not_stated(project) -> None:
    """Issue 27: cost in total and per unit, who paid, people and schedule; `hon-hop` (older records) stays valid,
    and the two meanings it mixed have their own terms."""
    view = view_of(project, RECORD)
    assert view.cost_total == "90 triệu đồng (tổng kinh phí)"
    assert view.unit_costs == ["500.000 đồng/tháng (hỗ trợ tổ trưởng)"]
    assert view.payers_text == ("nhiều nguồn, hoặc nguồn không nêu rõ; doanh nghiệp, nhà tài trợ; người dân đóng góp; "
                                "ngân sách nhà nước")
    several = view_of(project, RECORD.replace("paid_by: hon-hop", "paid_by: nhieu-nguon"))
    unstated = view_of(project, RECORD.replace("paid_by: hon-hop", "paid_by: khong-neu"))
    assert several.payers_text.startswith("nhiều nguồn cùng chi trả; ")
    assert unstated.payers_text.startswith("nguồn không nêu ai chi trả; ")
    assert len(several.payer_splits) == len(unstated.payer_splits) == 1  # neither is a named payer
    bought = RECORD.replace("    amount: 51400000\n", "    amount: 51400000\n    quantity: 4\n    unit: camera\n")
    assert view_of(project, bought).unit_costs[0] == "12,85 triệu đồng/camera, tính từ 51,4 triệu đồng cho 4 camera"
    bare = view_of(project, RECORD.split("costs:\n", 1)[0] + "sources: [bac-kan-2020-09]\n")
    assert (bare.cost_total, bare.unit_costs, bare.payers_text) == (None, [], "nguồn không nêu")


def test_the_decision_box_sits_in_the_key_facts_with_the_kit(project) -> None:
    from mohinh.render import Site

    project.record("camera-thon", RECORD.replace("sources: [bac-kan-2020-09]", """\
team:
  members: 3
  schedule: Tuần tra từ 22 giờ đến 2 giờ sáng
  source: bac-kan-2020-09
replication:
  steps:
    - title: Họp dân
sources: [bac-kan-2020-09]"""))
    site = Site(load_catalogue(project.root))
    page = site.model_page(site.by_id["camera-thon"])
    panel = page[page.index('<section class="mh-panel"'):page.index("</section>")]
    box = " ".join(re.sub(r"<[^>]+>", " ", panel[panel.index('class="mh-decision"'):]).split())
    assert box.startswith('class="mh-decision" role="group" aria-labelledby="mh-decision-camera-thon"> Trước khi làm theo')
    assert "Kinh phí 90 triệu đồng (tổng kinh phí) ( chi tiết )" in box
    assert "Mỗi đơn vị 500.000 đồng/tháng (hỗ trợ tổ trưởng)" in box
    assert "Người và lịch mỗi tổ 3 người; Tuần tra từ 22 giờ đến 2 giờ sáng" in box
    assert '<a class="md-button md-button--primary" href="checklist.docx" download>Tải bộ nhân rộng (Word)</a>' in panel
    assert '<td data-label="Ai chi trả">Doanh nghiệp, nhà tài trợ</td>' in page  # the cost table stacks on a phone
