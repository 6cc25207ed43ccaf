"""Injection: every payload, in every text field of a record, of its photo and of its source, reaches no
output able to run it: HTML pages and their titles, the search index (its fragments, and its snippets in a
real browser), the Atom feeds, JSON, CSV and the Word checklist. Jinja syntax is shown as text, never
evaluated. A source address is http(s) or refused, and never leaves its link."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from conftest import BAC_KAN, assert_search_index_complete, make_project, search_fragments
from conftest import SOURCES as VALID_SOURCES
from mohinh.build import build_site
from mohinh.cli import main

PAYLOADS = {
    "script": "<script>alert('x')</script>",
    "img-onerror": '<img src=x onerror="alert(1)">',
    "attribute-break": '" onmouseover="alert(1)" data-vo="',
    "closing-tags": "</title></script></textarea><script>alert(1)</script>",
    "markdown-javascript-link": "[bấm](javascript:alert(1))",
    "markdown-autolink": "<javascript:alert(1)>",
    "markdown-reference-link": "[bấm][x] [x]: javascript:alert(1)",
    "markdown-image-onerror": '![x](x" onerror="alert(1))',
    "jinja-expression": "{{ 7*7 }}",
    "jinja-statement": "{% for i in range(3) %}LẶP{% endfor %}",
    "html-comment": "<!-- ẩn -->",
    "spreadsheet-formula": '=HYPERLINK("http://example.invalid","bấm")',
}

# A record with every text field; PAYLOAD is replaced by the payload (as a YAML string).
RECORD = """\
name: Tên PAYLOAD
summary: Tóm tắt PAYLOAD
status: active
topics: [hoa-giai-co-so]
community: thon-to-dan-pho
started: 2019
lead: PAYLOAD
partners: [PAYLOAD]
motto: PAYLOAD
criteria: [PAYLOAD]
locations:
  - province: Hà Tĩnh
    district: PAYLOAD
    commune: PAYLOAD
    place: PAYLOAD
    note: PAYLOAD
results:
  - label: PAYLOAD
    value: 12
    total: 20
    unit: PAYLOAD
    scope: PAYLOAD
    as_of: 03/2020
    source: nguon-payload
lessons: [PAYLOAD]
limitations: [PAYLOAD]
replication:
  prerequisites: [PAYLOAD]
  steps:
    - title: PAYLOAD
      who: PAYLOAD
      when: PAYLOAD
      detail: MARKDOWN
  resources: [PAYLOAD]
  indicators: [PAYLOAD]
  pitfalls: [PAYLOAD]
updates:
  - date: 05/2021
    title: Tin PAYLOAD
    text: MARKDOWN
    source: nguon-payload
sources: [nguon-payload]
media:
  - file: anh.jpg
    alt: PAYLOAD
    caption: PAYLOAD
    credit: PAYLOAD
"""

SOURCES = """\
nguon-payload:
  title: Bài PAYLOAD
  publisher: PAYLOAD
  author: PAYLOAD
  date: 03/2020
  url: https://example.org/bai?q=%22%3E%3Cscript%3E&x=1
  note: PAYLOAD
"""


def fill(template: str, payload: str, markdown: str) -> str:
    quoted = json.dumps(payload, ensure_ascii=False)
    return template.replace("Tên PAYLOAD", json.dumps("Tên " + payload, ensure_ascii=False)) \
        .replace("Tóm tắt PAYLOAD", json.dumps("Tóm tắt " + payload, ensure_ascii=False)) \
        .replace("Tin PAYLOAD", json.dumps("Tin " + payload, ensure_ascii=False)) \
        .replace("Bài PAYLOAD", json.dumps("Bài " + payload, ensure_ascii=False)) \
        .replace("MARKDOWN", json.dumps(markdown, ensure_ascii=False)) \
        .replace("PAYLOAD", quoted)


class Scan(HTMLParser):
    """What a payload would need to run: event attributes, javascript: URLs, injected tags or comments."""

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.bad.append(f"<{tag} {name}={value}>")
            if name == "data-vo":
                self.bad.append(f"<{tag} data-vo=>: attribute broken out of")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.bad.append("<img src=x>")
        if tag == "script":
            self.script = dict(attrs).get("type") or "text/javascript"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.script = None

    def handle_data(self, data: str) -> None:
        if self.script is None:
            if "LẶPLẶP" in data or "49" == data.strip():
                self.bad.append("Jinja evaluated")
        elif "json" in self.script:
            json.loads(data)  # JSON in a page: still valid JSON, nothing broke out of it
        elif "alert(" in data:
            self.bad.append("script with alert(")

    def handle_comment(self, data: str) -> None:
        if "ẩn" in data:
            self.bad.append("<!-- ẩn -->")


def scan_html(html: str) -> list[str]:
    scan = Scan()
    scan.feed(html)
    return scan.bad


class Shown(HTMLParser):
    """What a reader sees: the page's text outside scripts, its heading, its photos' alt text and captions."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.h1 = ""
        self.alts: dict[str, str] = {}
        self.captions: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.alts[dict(attrs).get("src") or ""] = dict(attrs).get("alt") or ""
        elif tag in ("script", "style", "h1", "figcaption", "a"):
            self._in.append(tag)
            if tag == "figcaption":
                self.captions.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            del self._in[len(self._in) - 1 - self._in[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        if "script" in self._in or "style" in self._in:
            return
        self.text.append(data)
        if "h1" in self._in and "a" not in self._in:  # not the heading's ¶ link
            self.h1 += data
        if "figcaption" in self._in:
            self.captions[-1] += data


def shown(html: str) -> Shown:
    parsed = Shown()
    parsed.feed(html)
    return parsed


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    built = {}
    for name, payload in PAYLOADS.items():
        project = make_project(tmp_path_factory.mktemp(name) / "p", with_records=False)
        markdown = payload if _markdown_accepted(project, payload) else "Chi tiết **đậm**"
        project.record("ha-tinh-payload", fill(RECORD, payload, markdown))
        project.write("models/_sources.yml", fill(SOURCES, payload, markdown))
        photo(project.models / "media" / "ha-tinh-payload" / "anh.jpg")
        build_site(project.root)
        built[name] = project.root / "site"
    return built


def photo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), (200, 30, 30)).save(path, format="JPEG")


def _markdown_accepted(project, payload: str) -> bool:
    from mohinh.schema import Update

    try:
        Update.model_validate({"date": "2021", "title": "x", "text": payload})
    except Exception:  # refused at check: Markdown fields take no HTML and only http(s) links
        return False
    return True


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_reaches_no_page_unescaped(sites, name: str) -> None:
    site = sites[name]
    for path in sorted(site.rglob("*.html")):
        assert scan_html(path.read_text(encoding="utf-8")) == [], path.relative_to(site).as_posix()
    page = (site / "mo-hinh" / "ha-tinh-payload" / "index.html").read_text(encoding="utf-8")
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<" not in title
    payload = PAYLOADS[name]
    reader = shown(page)
    assert reader.h1 == f"Tên {payload}"  # shown as typed, not run, not escaped twice
    assert reader.alts["anh.jpg"] == payload
    assert reader.captions == [f"{payload} (Ảnh: {payload})"]
    if name == "jinja-expression":
        assert '<strong class="mh-step__title">{{ 7*7 }}</strong>' in page  # braces need no escaping in HTML
        assert not [text for text in reader.text if "49" in text]  # 7*7 was never computed
    if name == "jinja-statement":
        assert '<strong class="mh-step__title">{% for i in range(3) %}LẶP{% endfor %}</strong>' in page
        assert not [text for text in reader.text if "LẶPLẶP" in text]


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_reaches_no_feed_unescaped(sites, name: str) -> None:
    site = sites[name]
    feeds = [site / "feed.xml", *sorted((site / "dia-phuong").glob("*/feed.xml"))]
    assert len(feeds) == 2
    for feed in feeds:
        root = ET.parse(feed).getroot()  # well-formed XML
        for element in root.iter():
            if element.get("type") == "html":
                assert scan_html(element.text or "") == [], feed.name  # what a feed reader would render
        assert any(PAYLOADS[name] in (e.text or "") for e in root.iter()), "the payload is kept as text"


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_in_open_data_is_data_and_csv_is_safe(sites, name: str) -> None:
    site = sites[name]
    payload = PAYLOADS[name]
    data = json.loads((site / "du-lieu" / "mo-hinh.json").read_text(encoding="utf-8"))
    assert data["models"][0]["record"]["lead"] == payload  # kept exactly, for programs that escape it themselves
    for table in ("mo-hinh.csv", "ket-qua.csv"):
        rows = list(csv.reader(io.StringIO((site / "du-lieu" / table).read_text(encoding="utf-8-sig"))))
        cells = [cell for row in rows[1:] for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")], table
        assert any(payload in cell for cell in cells)


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_in_the_word_checklist_is_text(sites, name: str) -> None:
    with zipfile.ZipFile(sites[name] / "mo-hinh" / "ha-tinh-payload" / "checklist.docx") as docx:
        root = ET.fromstring(docx.read("word/document.xml"))  # well-formed: nothing broke out of w:t
    texts = "".join(t.text or "" for t in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
    assert PAYLOADS[name] in texts
    assert not [e.tag for e in root.iter() if not e.tag.startswith("{http://schemas.openxmlformats.org/")]


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_in_search_fragments_is_text(sites, name: str) -> None:
    payload = PAYLOADS[name]
    assert_search_index_complete(sites[name])
    fragments = search_fragments(sites[name] / "pagefind")
    for url, fragment in fragments.items():
        assert url.startswith("/"), url
        # pagefind.js escapes < and > of `content` before making a snippet, but takes `raw_content` as HTML
        assert "raw_content" not in fragment, url
    fragment = fragments["/mo-hinh/ha-tinh-payload/"]
    for text in (f"Tên {payload}", f"Tóm tắt {payload}", f"Bài {payload}"):
        assert text in fragment["content"]  # the page showed it as text, as typed (Pagefind may add a full stop)
    assert fragment["meta"]["title"] == f"Tên {payload}"  # text: search.js shows it with textContent
    assert fragment["meta"]["image"] == "anh.jpg"
    alt = fragment["meta"]["image_alt"]  # kept as the page's attribute source: escaped
    assert unescape(alt) == payload
    assert scan_html(f'<img src="anh.jpg" alt="{alt}">') == []
    if name.startswith("jinja"):
        assert "LẶPLẶP" not in fragment["content"] and "Tên 49" not in fragment["content"]


@pytest.mark.browser
@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_in_search_results_does_not_run(browser, serve_site, sites, name: str) -> None:
    payload = PAYLOADS[name]
    context = browser.new_context()
    # Any dialog a script opens is counted the moment it is asked for, before Playwright sees it.
    context.add_init_script("""window.__asked = [];
        for (const name of ['alert', 'confirm', 'prompt']) {
          const original = window[name];
          window[name] = function (...args) { window.__asked.push(name); return original.apply(this, args); };
        }""")
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    base = serve_site(sites[name])
    page.goto(base)
    page.fill("#mh-search-input", "Tên")  # the payload model's name starts with it: listed first
    page.wait_for_selector("#mh-search-results:not([hidden]) .mh-search__count", timeout=15000)
    results = page.locator("#mh-search-results")
    found = results.locator("li", has=page.locator("a[href*='ha-tinh-payload']"))
    assert found.count() == 1
    assert results.locator("script, img, iframe, [onerror], [onmouseover], [data-vo], a[href^='javascript']").count() == 0
    assert found.locator("strong").inner_text() == f"Tên {payload}"  # the name as text
    assert payload in found.locator(".mh-search__excerpt").inner_text()  # the snippet shows the payload as text
    assert scan_html(results.inner_html()) == []
    # The results are drawn and hold nothing active (above); searching again draws them anew, which would run
    # anything they carried again: still no dialog asked for or opened.
    page.fill("#mh-search-input", "Tên " + payload[:1])
    page.wait_for_selector("#mh-search-results:not([hidden]) .mh-search__count", timeout=15000)
    assert page.evaluate("window.__asked") == []
    assert dialogs == []
    context.close()


def test_markdown_fields_refuse_html_and_script_links(tmp_path, monkeypatch) -> None:
    project = make_project(tmp_path / "p", with_records=False)
    project.record("ha-tinh-payload", fill(RECORD, "an toàn", "[bấm](javascript:alert(1)) <b>đậm</b>"))
    project.write("models/_sources.yml", fill(SOURCES, "an toàn", ""))
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "replication › steps (bước thứ 1) › detail: có thẻ HTML; trường này chỉ nhận Markdown" in result.output
    assert "updates (tin thứ 1) › text: có thẻ HTML; trường này chỉ nhận Markdown" in result.output
    assert "phải bắt đầu bằng http:// hoặc https://" not in result.output  # HTML reported first, once per field


# Addresses of a source (`url:` in models/_sources.yml).
URLS_REFUSED = {
    "javascript": "javascript:alert(1)",
    "javascript-mixed-case": "JaVaScRiPt:alert(1)",
    "data-html": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript": "vbscript:msgbox(1)",
    "protocol-relative": "//evil.example/x",
    "https-double-quote": 'https://a.example/"onmouseover="alert(1)',
    "https-single-quote": "https://a.example/'onmouseover='alert(1)",
}
URLS_ACCEPTED = {
    "query-with-ampersand": "https://a.example/bai?a=1&b=%22%3E",
    "entity-as-text": "https://a.example/x&quot;onmouseover=alert(1)",
    "closing-parenthesis": "https://a.example/x)[bấm](javascript:alert(1)",
    "balanced-parentheses": "https://vi.wikipedia.org/wiki/Hà_Tĩnh_(tỉnh)",
}
URL_REFUSED = ("models/_sources.yml:5:8: bac-kan-2020-09 › url: địa chỉ phải bắt đầu bằng http:// hoặc https://. "
               "Cách sửa: chép đúng địa chỉ bài viết, ví dụ: https://...")


@pytest.mark.parametrize("name", list(URLS_REFUSED))
def test_source_address_not_http_is_refused(project, name: str) -> None:
    project.write("models/_sources.yml", VALID_SOURCES + f"  url: {json.dumps(URLS_REFUSED[name])}\n")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [URL_REFUSED, "1 lỗi trong 1 tệp."]


@pytest.fixture(scope="module")
def url_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("urls") / "p")
    sources = "".join(f"{name}:\n  title: Bài {name}\n  date: 03/2020\n  url: {json.dumps(url, ensure_ascii=False)}\n"
                      for name, url in URLS_ACCEPTED.items())
    project.write("models/_sources.yml", VALID_SOURCES + sources)
    project.record("bac-kan-ho-an-toan", BAC_KAN.replace("sources: [bac-kan-2020-09]",
                                                         f"sources: [bac-kan-2020-09, {', '.join(URLS_ACCEPTED)}]"))
    build_site(project.root)
    return project.root / "site"


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self.links.append((self._href, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self.links[-1] = (self._href, self.links[-1][1] + data)


@pytest.mark.parametrize("name", list(URLS_ACCEPTED))
def test_source_address_stays_inside_its_link(url_site, name: str) -> None:
    page = (url_site / "mo-hinh" / "bac-kan-ho-an-toan" / "index.html").read_text(encoding="utf-8")
    links = Links()
    links.feed(page)
    assert [href for href, text in links.links if text == f"Bài {name}"] == [URLS_ACCEPTED[name]]
    assert scan_html(page) == []
    assert not [href for href, _ in links.links if href.lower().startswith(("javascript:", "data:", "vbscript:"))]
