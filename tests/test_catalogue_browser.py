"""In a real browser: the catalogue's filters combine; without JavaScript it is a plain list."""

from __future__ import annotations


def visible_titles(page) -> list[str]:
    return page.locator(".mh-catalogue > li:not([hidden]) .mh-card__title").all_inner_texts()


def test_facets_combine_and_narrow(page, repo_url) -> None:
    page.goto(repo_url + "mo-hinh/")
    everything = visible_titles(page)
    assert len(everything) == 28
    page.select_option("select[name=chu-de]", "camera-cong-nghe")
    cameras = visible_titles(page)
    assert sorted(cameras) == ["Camera an ninh", "Camera an ninh xã Phú Mỹ"]
    page.select_option("select[name=tinh]", "hue")
    assert visible_titles(page) == ["Camera an ninh xã Phú Mỹ"]
    assert page.locator(".mh-facets__count").inner_text() == "Đang hiện 1/28 mô hình"
    assert "chu-de=camera-cong-nghe" in page.url and "tinh=hue" in page.url
    page.click("button[type=reset]")
    page.wait_for_function("document.querySelectorAll('.mh-catalogue > li[hidden]').length === 0")


def test_reported_province_and_keyword_from_the_address(page, repo_url) -> None:
    page.goto(repo_url + "mo-hinh/?tinh-cu=kon-tum&q=truong hoc")
    assert visible_titles(page) == ["Trường học an toàn về an ninh trật tự"]
    assert "Đăk Tờ Re" in page.locator(".mh-catalogue > li:not([hidden])").inner_text()


def test_without_javascript_the_catalogue_is_a_plain_list(browser, repo_url) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(repo_url + "mo-hinh/")
    assert len(visible_titles(page)) == 28
    assert not page.locator("form.mh-facets").is_visible()
    context.close()
