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
    assert not page.locator("form.mh-facets").is_visible()
    context.close()
