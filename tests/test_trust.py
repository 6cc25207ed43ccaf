"""Trust: reproducible builds, injection payloads in every output, a browser that only talks to the site."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import BAC_KAN, make_project
from mohinh.site import build_site

PAYLOADS = {
    "script": "<script>alert('x')</script>",
    "img-onerror": '<img src=x onerror="alert(1)">',
    "javascript-link": "[bấm](javascript:alert(1))",
    "jinja": "{{ 7*7 }} {% raw %}",
    "html-comment": "<!-- ẩn -->",
}


class _Elements(HTMLParser):
    """Collects what a payload would need to run: event attributes, javascript: URLs, injected tags."""

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}>")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"<{tag} {name}={value}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.bad.append("<img src=x>")
        self.in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.bad.append("script alert")

    def handle_comment(self, data: str) -> None:
        if "ẩn" in data:
            self.bad.append("<!-- ẩn -->")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path) -> None:
    """Every file outside pagefind/ is identical. Pagefind 1.5.2 itself writes its filter table in hash-map
    order, so its meta file (and the entry naming it) may differ between runs; search results do not."""
    first = make_project(tmp_path / "a")
    second = make_project(tmp_path / "b")
    build_site(first.root)
    build_site(second.root)
    one = {k: v for k, v in tree(first.root / "site").items() if not k.startswith("pagefind/")}
    two = {k: v for k, v in tree(second.root / "site").items() if not k.startswith("pagefind/")}
    assert sorted(one) == sorted(two) and len(one) > 40
    differing = [path for path in one if one[path] != two[path]]
    assert differing == []


@pytest.mark.parametrize("payload_name", sorted(PAYLOADS))
def test_payload_in_every_text_field_reaches_no_output_unescaped(tmp_path, payload_name: str) -> None:
    payload = PAYLOADS[payload_name]
    quoted = json.dumps(payload, ensure_ascii=False)
    project = make_project(tmp_path / "p")
    text = (BAC_KAN.replace("name: Hộ an toàn - Thôn, bản, tổ dân phố bình yên", f"name: {quoted}")
            .replace("lead: Công an tỉnh Bắc Kạn", f"lead: {quoted}")
            .replace("motto: Tự phòng, tự quản, tự bảo vệ và tự hòa giải", f"motto: {quoted}")
            .replace("  - Mô hình gần như không có kinh phí hỗ trợ.", f"  - {quoted}")
            .replace("    unit: hộ", f"    unit: {quoted}")
            .replace("sources:", f"replication:\n  steps:\n    - title: {quoted}\n      who: {quoted}\nsources:"))
    project.record("bac-kan-ho-an-toan", text)
    project.write("models/_sources.yml", f"bac-kan-2020-09:\n  title: {quoted}\n  date: 08/09/2020\n")
    build_site(project.root)
    site = project.root / "site"
    for path in site.rglob("*.html"):
        scan = _Elements()
        scan.feed(path.read_text(encoding="utf-8"))
        assert not scan.bad, (path.relative_to(site).as_posix(), scan.bad)
    html = (site / "mo-hinh" / "bac-kan-ho-an-toan" / "index.html").read_text(encoding="utf-8")
    if payload_name == "jinja":
        assert "{{ 7*7 }}" in html  # shown, never evaluated
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in feed and "<img" not in feed


PAGES = ["", "mo-hinh/", "mo-hinh/bac-kan-ho-an-toan/", "dia-phuong/", "dia-phuong/thai-nguyen/",
         "chu-de/hoa-giai-co-so/", "tin-moi/", "du-lieu/", "nhan-rong/", "gioi-thieu/"]


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_pages_request_nothing_outside_and_set_no_cookie(browser, repo_url, path: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(repo_url) else None)
    page.goto(repo_url + path, wait_until="networkidle")
    page.fill("#mh-search-input", "tieng keng")
    page.wait_for_selector("#mh-search-results:not([hidden])")
    assert outside == []
    assert context.cookies() == []
    assert page.locator("html").get_attribute("lang") == "vi"
    for image in page.locator("article img").all():
        assert image.get_attribute("alt")
    context.close()
