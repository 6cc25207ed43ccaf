"""axe-core (npm, tests/axe) in Debian's Chromium: no serious or critical violation on any kind of page,
in the normal view, with high contrast on, and with text at 200%."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser



PAGES = {
    "trang-chu": "",
    "danh-muc": "mo-hinh/",
    "ho-so": "mo-hinh/bac-kan-ho-an-toan/",
    "ho-so-nhan-rong": "mo-hinh/ky-anh-tieng-keng-an-ninh/",
    "dia-phuong": "dia-phuong/",
    "mot-tinh": "dia-phuong/thai-nguyen/",
    "chu-de": "chu-de/",
    "mot-chu-de": "chu-de/hoa-giai-co-so/",
    "tin-moi": "tin-moi/",
    "du-lieu": "du-lieu/",
    "nhan-rong": "nhan-rong/",
    "huong-dan-nhan-rong": "huong-dan-nhan-rong/",
    "gioi-thieu": "gioi-thieu/",
    "dong-gop": "dong-gop/",
    "khong-tim-thay": "404.html",
    "tim-mo-hinh": "tim-mo-hinh/?cong-dong=thon-to-dan-pho&kinh-phi=khong&muon=nhan-rong",
    "so-sanh": "so-sanh/?m=bac-kan-ho-an-toan,quang-yen-ha-an-camera-an-ninh,ky-anh-tieng-keng-an-ninh",
    "tim-kiem": "tim-kiem/?q=camera",
}

VIEWS = {
    "binh-thuong": None,
    "tuong-phan-cao": "button[data-mh-contrast]",
    "chu-200": "200%",
}


def serious_violations(page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [f"{v['id']} ({v['impact']}): {v['nodes']}" for v in result if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_finds_no_serious_violation(browser, repo_url, axe_source, kind: str, view: str) -> None:
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844} if view == "chu-200" else None)
    page = context.new_page()
    page.goto(repo_url + PAGES[kind], wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "vi"
    if VIEWS[view] == "200%":
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"trang tràn ngang {overflow}px khi chữ 200%"
    elif VIEWS[view]:
        page.click(VIEWS[view])
        assert page.evaluate("document.documentElement.classList.contains('mh-contrast')")
    missing_alt = page.evaluate("[...document.images].filter(i => !i.hasAttribute('alt')).map(i => i.src)")
    assert missing_alt == []
    assert serious_violations(page, axe_source) == []
    context.close()


@pytest.mark.parametrize("path", ["", "dia-phuong/", "dia-phuong/lai-chau/"])
def test_axe_in_forced_colors(browser, repo_url, axe_source, path: str) -> None:
    """The home page, the map and a province without models in Windows' high contrast (forced colors)."""
    context = browser.new_context(locale="vi-VN", forced_colors="active")
    page = context.new_page()
    page.goto(repo_url + path, wait_until="networkidle")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    assert serious_violations(page, axe_source) == []
    context.close()
