"""In a real browser: the finder /tim-mo-hinh/ (answers in, models and reasons out, answers kept in the address,
by keyboard, without JavaScript) and the comparison /so-sanh/ (three models chosen with "So sánh", side by side
on a phone, printed on A4)."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest

from conftest import REPO

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site():
    from mohinh.catalogue import load_catalogue
    from mohinh.render import Site

    return Site(load_catalogue(REPO))


def all_results(page) -> list[dict]:
    """Every model the finder lists (pressing "Xem thêm" until all show), with its reasons."""
    page.wait_for_selector(".mh-finder__results li")
    while page.locator(".mh-finder__more").is_visible():
        page.click(".mh-finder__more")
    return page.evaluate("""() => [...document.querySelectorAll('.mh-finder__results > li')].map(li => ({
        id: new URL(li.querySelector('h3 a').href).pathname.split('/').filter(Boolean).pop(),
        reasons: [...li.querySelectorAll('.mh-finder__reasons li')].map(r => r.textContent)}))""")


def test_a_village_with_no_budget_gets_models_costing_nothing_or_unknown(page, repo_url, site) -> None:
    from mohinh.outputs.finder import replication_text

    page.goto(repo_url + "tim-mo-hinh/?cong-dong=thon-to-dan-pho&kinh-phi=khong")
    results = all_results(page)
    from mohinh.outputs.finder import needs_no_budget

    # no cost stated, or all zero, or paid by the residents (issue 27: those first)
    free = {v.id for v in site.models if all(c.amount == 0 for c in v.m.costs) or needs_no_budget(v)}
    assert {r["id"] for r in results} == free
    known = [needs_no_budget(site.by_id[r["id"]]) for r in results]
    village_known = [k for r, k in zip(results, known, strict=True) if site.by_id[r["id"]].m.community == "thon-to-dan-pho"]
    assert any(known) and village_known == sorted(village_known, reverse=True)  # known to need none, then the unknown
    for result, first in zip(results, known, strict=True):
        assert any(r.startswith("không cần ngân sách: ") for r in result["reasons"]) == first, result
    assert len(free) < len(site.models)  # the answer took models out
    for result in results:
        view = site.by_id[result["id"]]
        assert ("chi phí: chưa có thông tin" in result["reasons"]) == (not view.m.costs), result
        assert (replication_text(view) or "nhân rộng: chưa có thông tin") in result["reasons"], result
        if view.m.recognition:
            assert any(reason.startswith("được công nhận: ") for reason in result["reasons"]), result
        else:
            assert "công nhận: chưa có thông tin" in result["reasons"], result
    village = [r for r in results if site.by_id[r["id"]].m.community == "thon-to-dan-pho"]
    assert village and results[:len(village)] == village  # the same kind of community first, with that reason
    assert all("cùng loại cộng đồng: Thôn, bản, tổ dân phố" in r["reasons"] for r in village)
    assert page.locator("input[name=kinh-phi][value=khong]").is_checked()


def test_known_costs_and_payers_are_reasons(page, repo_url, site) -> None:
    page.goto(repo_url + "tim-mo-hinh/?van-de=camera-cong-nghe&kinh-phi=duoi-100-trieu")
    results = all_results(page)
    for result in results:
        view = site.by_id[result["id"]]
        assert all(c.amount < 100_000_000 for c in view.m.costs), result
    costed = [r for r in results if site.by_id[r["id"]].m.costs]
    assert costed
    for result in costed:
        view = site.by_id[result["id"]]
        cost = next(r for r in result["reasons"] if r.startswith("chi phí đã biết: "))
        assert view.payer(max(view.m.costs, key=lambda c: c.amount)).lower() in cost, cost
    first = site.by_id[results[0]["id"]]
    assert "camera-cong-nghe" in first.m.topics
    assert "đúng vấn đề: Camera an ninh, công nghệ" in results[0]["reasons"]


def test_finder_by_keyboard_keeps_answers_in_the_address(page, repo_url) -> None:
    page.goto(repo_url + "tim-mo-hinh/")
    page.wait_for_selector(".mh-finder__results li")
    assert page.locator(".mh-finder fieldset legend").count() == 6  # five questions and the model type
    assert page.locator(".mh-finder__count").get_attribute("aria-live") == "polite"
    page.focus("input[name=cong-dong][value='']")
    page.keyboard.press("ArrowDown")  # radio groups move by arrow keys
    page.wait_for_function("location.search.includes('cong-dong=')")
    chosen = page.evaluate("document.activeElement.value")
    assert f"cong-dong={chosen}" in page.url
    page.focus("input[name=muon][value=nhan-rong]")
    page.keyboard.press("Space")
    page.wait_for_function("location.search.includes('muon=nhan-rong')")
    shared = page.url
    other = page.context.new_page()  # a shared address gives the same answers and list
    other.goto(shared)
    other.wait_for_selector(".mh-finder__results li")
    assert other.locator(f"input[name=cong-dong][value='{chosen}']").is_checked()
    assert other.locator("input[name=muon][value=nhan-rong]").is_checked()
    assert other.inner_text(".mh-finder__results") == page.inner_text(".mh-finder__results")


def test_finder_without_javascript_offers_the_catalogue_filters(browser, repo_url) -> None:
    context = browser.new_context(locale="vi-VN", java_script_enabled=False)
    page = context.new_page()
    page.goto(repo_url + "tim-mo-hinh/")
    assert not page.locator("form.mh-finder").is_visible()
    links = page.locator("a[href*='mo-hinh/?cong-dong=']")
    assert links.count() >= 5
    links.first.click()
    page.wait_for_url("**/mo-hinh/?cong-dong=*")
    assert page.locator(".mh-catalogue > li").count() > 0
    context.close()


COMPARED = ["bac-kan-ho-an-toan", "quang-yen-ha-an-camera-an-ninh", "ky-anh-tieng-keng-an-ninh"]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def test_three_models_compare_side_by_side_on_a_phone_and_on_paper(browser, repo_url, site) -> None:
    from pypdf import PdfReader

    from mohinh.outputs.finder import compare_data

    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    for model_id in COMPARED:  # chosen from their own pages and the catalogue
        page.goto(repo_url + f"mo-hinh/{model_id}/")
        page.click(f"[data-mh-compare='{model_id}']")
        assert page.get_attribute(f"[data-mh-compare='{model_id}']", "aria-pressed") == "true"
    page.goto(repo_url + "mo-hinh/")
    page.click("[data-mh-compare='hue-camera-an-ninh']")  # a fourth is refused, with a message
    assert "Chỉ so sánh được 3 mô hình" in page.inner_text(".mh-compare-tray")
    page.click(".mh-compare-tray a")
    page.wait_for_selector(".mh-compare__table tbody tr")
    assert page.url.endswith("?m=" + ",".join(COMPARED))
    names = page.locator(".mh-compare__table thead th a").all_inner_texts()
    assert names == [site.by_id[m].m.name for m in COMPARED]
    rows = page.locator(".mh-compare__table tbody th[scope=row]").all_inner_texts()
    assert rows[:6] == ["Tình trạng", "Loại mô hình", "Cộng đồng", "Địa bàn hôm nay", "Mức thông tin", "Kinh phí và ai chi trả"]
    # on a phone the table scrolls sideways and its first column stays in view
    label = page.locator(".mh-compare__table tbody th[scope=row]").first
    before = label.bounding_box()["x"]
    page.evaluate("document.querySelector('.mh-compare__scroll').scrollLeft = 400")
    assert page.evaluate("document.querySelector('.mh-compare__scroll').scrollLeft") > 0
    assert abs(label.bounding_box()["x"] - before) < 1
    # on paper (A4): every model and its figures
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = squeeze(" ".join(p.extract_text() for p in pdf.pages))
    assert abs(float(pdf.pages[0].mediabox.width) - 595) < 2  # A4 width in points
    for model_id in COMPARED:
        data = compare_data(site.by_id[model_id])
        assert squeeze(data["ten"]) in text
        values = dict((row, lines) for row, lines in data["dong"])
        for row in ("Tình trạng", "Kinh phí và ai chi trả", "Kết quả chính"):
            assert squeeze(values[row][0]) in text, (model_id, row, values[row][0])
    context.close()


def test_listing_cards_of_a_province_and_a_topic_offer_so_sanh(browser, repo_url, site) -> None:
    """A commune browsing its province or a topic collects models to compare from the cards there too."""
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    ha_tinh = sorted(v.id for v in site.models if "ha-tinh" in {p.slug for p in v.provinces_today})
    page.goto(repo_url + "dia-phuong/ha-tinh/")
    toggles = page.locator(".mh-compare-toggle")
    assert sorted(toggles.evaluate_all("els => els.map(e => e.dataset.mhCompare)")) == ha_tinh
    assert all(toggles.nth(i).is_visible() for i in range(toggles.count()))
    toggles.first.click()
    assert toggles.first.get_attribute("aria-pressed") == "true"
    other = next(v for v in site.models if v.id not in ha_tinh)
    page.goto(repo_url + f"chu-de/{other.m.topics[0]}/")
    page.click(f".mh-compare-toggle[data-mh-compare='{other.id}']")
    assert "Đã chọn 2/3" in page.inner_text(".mh-compare-tray")  # the choice made on the province page is kept
    context.close()


def test_a_kit_answer_and_the_page_moves_to_the_results(browser, repo_url, site) -> None:
    """Issue 27: "có bộ nhân rộng" is an answer, every result says whether it has a kit, and "Xem mô hình phù hợp"
    takes a phone to the results."""
    from mohinh.outputs.finder import kit_text

    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(repo_url + "tim-mo-hinh/")
    page.wait_for_selector(".mh-finder__results li")
    assert page.evaluate("window.scrollY") == 0
    page.check("input[name=muon][value=bo-nhan-rong]")
    page.click("text=Xem mô hình phù hợp")
    page.wait_for_function("Math.abs(document.querySelector('#ket-qua').getBoundingClientRect().top) < 200")
    assert page.evaluate("document.activeElement.id") == "ket-qua"
    assert "muon=bo-nhan-rong" in page.url
    results = all_results(page)
    kits = [bool(kit_text(site, site.by_id[r["id"]])) for r in results]
    assert kits == sorted(kits, reverse=True) and kits[0] and not kits[-1]  # the models with a kit first
    for result, has in zip(results, kits, strict=True):
        assert any(r.startswith("có bộ nhân rộng") for r in result["reasons"]) == has, result
    context.close()


def test_three_models_fit_side_by_side_at_1440_with_a_cost_per_unit(browser, repo_url) -> None:
    context = browser.new_context(locale="vi-VN", viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(repo_url + "so-sanh/?m=lang-ut-2-camera-anh-sang,ia-o-camera-giam-sat,sa-dec-camera-an-ninh")
    page.wait_for_selector(".mh-compare__table tbody tr")
    scroll = page.locator(".mh-compare__scroll")
    assert scroll.evaluate("s => s.scrollWidth - s.clientWidth") <= 1  # no column cut
    heads = page.locator(".mh-compare__table thead th")
    assert heads.count() == 3
    for i in range(3):
        box = heads.nth(i).bounding_box()
        assert box["x"] + box["width"] <= 1440 and box["width"] >= 250
    row = page.locator(".mh-compare__table tbody tr", has=page.locator("th", has_text="Chi phí mỗi đơn vị"))
    assert "4,5 triệu đồng/camera" in row.inner_text() and "50.000 đồng/hộ" in row.inner_text()
    context.close()
