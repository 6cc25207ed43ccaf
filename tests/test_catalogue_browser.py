"""In a real browser: the catalogue's filters combine; without JavaScript it is a plain list."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def visible_titles(page) -> list[str]:
    return page.locator(".mh-catalogue > li:not([hidden]) .mh-card__title").all_inner_texts()


def visible_ids(page) -> list[str]:
    links = page.locator(".mh-catalogue > li:not([hidden]) .mh-card__title")
    return [links.nth(n).get_attribute("href").strip("/") for n in range(links.count())]


def published(repo_site) -> list[dict]:
    """The models as open data says (what the catalogue must list)."""
    import json

    return json.loads((repo_site.root / "site" / "du-lieu" / "mo-hinh.json").read_text(encoding="utf-8"))["models"]


def test_facets_combine_and_narrow(page, repo_url, repo_site) -> None:
    models = published(repo_site)
    page.goto(repo_url + "mo-hinh/")
    everything = visible_titles(page)
    assert len(everything) == len(models)
    page.click("summary.md-button")
    page.select_option("select[name=chu-de]", "camera-cong-nghe")
    cameras = [m["record"]["name"] for m in models if "camera-cong-nghe" in m["record"]["topics"]]
    assert sorted(visible_titles(page)) == sorted(cameras) and len(cameras) >= 5
    page.select_option("select[name=tinh]", "hue")
    in_hue = sorted(m["record"]["name"] for m in models if "camera-cong-nghe" in m["record"]["topics"]
                    and any(p["province_today_slug"] == "hue" for p in m["places"]))
    assert sorted(visible_titles(page)) == in_hue and "Camera an ninh xã Phú Mỹ" in in_hue
    assert page.locator(".mh-facets__count").inner_text() == f"Đang hiện {len(in_hue)}/{len(models)} mô hình"
    assert "chu-de=camera-cong-nghe" in page.url and "tinh=hue" in page.url
    page.click("button[type=reset]")
    page.wait_for_function("document.querySelectorAll('.mh-catalogue > li[hidden]').length === 0")


def test_costs_and_evidence_filter_and_newest_information_first(page, repo_url, repo_site) -> None:
    models = published(repo_site)
    page.goto(repo_url + "mo-hinh/?kinh-phi=co&ai-chi-tra=nguoi-dan")
    paid = sorted(m["id"] for m in models if any(c["paid_by"] == "nguoi-dan" for c in m["costs"]))
    assert sorted(visible_ids(page)) == paid and len(paid) >= 3
    page.goto(repo_url + "mo-hinh/?sap-xep=moi-nhat")
    dates = {m["id"]: m["status_as_of"] for m in models}
    shown = [dates[i] for i in visible_ids(page)]
    assert len(shown) == len(models) and shown == sorted(shown, reverse=True) and shown[0] > shown[-1]


def test_reported_province_and_keyword_from_the_address(page, repo_url) -> None:
    page.goto(repo_url + "mo-hinh/?tinh-cu=kon-tum&q=truong hoc")
    assert visible_titles(page) == ["Trường học an toàn về an ninh trật tự"]
    assert "Đăk Tờ Re" in page.locator(".mh-catalogue > li:not([hidden])").inner_text()


def test_without_javascript_the_catalogue_is_a_plain_list(browser, repo_url, repo_site) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(repo_url + "mo-hinh/")
    assert len(visible_titles(page)) == len(published(repo_site))
    assert not page.locator("form.mh-facets").is_visible() and not page.locator("details.mh-filter").is_visible()
    assert not page.locator(".mh-compare-toggle").first.is_visible()
    context.close()


# The layout shifts after load, as Chromium counts them (Cumulative Layout Shift; not those after a reader's input).
LAYOUT_SHIFT = """window.__shift = 0; new PerformanceObserver((list) => { for (const e of list.getEntries())
  if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: "layout-shift", buffered: true});"""


def test_on_a_phone_the_first_card_shows_at_once_and_nothing_moves(browser, repo_url, repo_site) -> None:
    """Issue 27: 390×844, first card without scrolling, filters behind one "Lọc" button that counts the active
    ones, layout shift ≤ 0.1, richest and newest first, no filter that cannot narrow, one province filter."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFT)
    page.goto(repo_url + "mo-hinh/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert page.evaluate("window.__shift") <= 0.1
    title = page.locator(".mh-catalogue > li .mh-card__title").first.bounding_box()
    assert title["y"] + title["height"] <= 844
    toggle = page.locator("summary", has_text="Lọc")
    assert toggle.is_visible() and not page.locator("form.mh-facets").is_visible()
    toggle.click()
    page.select_option("select[name=chu-de]", "camera-cong-nghe")
    page.fill("form.mh-facets input[name=q]", "gia lai")
    page.wait_for_function("document.querySelector('.mh-filter__active').textContent === ' (2 đang bật)'", timeout=5000)
    assert " ".join(toggle.inner_text().split()) == "Lọc (2 đang bật)"
    assert page.locator("select[name=tinh-cu]").count() == 0  # one province filter: today's units
    models = {m["id"]: m for m in published(repo_site)}
    assert visible_ids(page) and all("camera-cong-nghe" in models[i]["record"]["topics"] for i in visible_ids(page))
    for select in page.locator("form.mh-facets select:not([name=sap-xep])").all():
        counts = [int(o.rsplit("(", 1)[1].rstrip(")")) for o in select.locator("option").all_inner_texts()[1:]]
        assert len(counts) > 1 or (counts and counts[0] < len(models)), select.get_attribute("name")
    context.close()


def test_richest_and_newest_information_come_first(page, repo_url, repo_site) -> None:
    from mohinh.catalogue import load_catalogue
    from mohinh.render import Site

    views = Site(load_catalogue(repo_site.root)).by_id
    page.goto(repo_url + "mo-hinh/")
    shown = [views[i] for i in visible_ids(page)]
    levels = [v.evidence[0] for v in shown]
    assert levels == sorted(levels, reverse=True) and levels[0] > levels[-1]
    top = [v for v in shown if v.evidence[0] == levels[0]]
    dates = [v.latest for v in top]
    assert dates == sorted(dates, reverse=True)


def test_a_province_as_the_source_named_it_is_found_by_keyword(page, repo_url) -> None:
    page.goto(repo_url + "mo-hinh/?q=kon tum")
    found = page.locator(".mh-catalogue > li:not([hidden])")
    assert "Trường học an toàn về an ninh trật tự" in visible_titles(page)
    assert all("Quảng Ngãi" in found.nth(i).inner_text() for i in range(found.count()))  # Kon Tum is in Quảng Ngãi today
    assert page.locator("details.mh-filter").get_attribute("open") is not None  # the filters in use are shown
