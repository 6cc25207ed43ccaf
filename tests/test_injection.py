"""Injection: every payload, in every text field of a record and of its source, reaches no output able to
run it: HTML pages and their titles, the search index and its snippets (in a real browser), the Atom
feeds, JSON, CSV and the Word checklist. Jinja syntax is shown as text, never evaluated."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import make_project
from mohinh.cli import main
from mohinh.site import build_site

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


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    built = {}
    for name, payload in PAYLOADS.items():
        project = make_project(tmp_path_factory.mktemp(name) / "p", with_records=False)
        markdown = payload if _markdown_accepted(project, payload) else "Chi tiết **đậm**"
        project.record("ha-tinh-payload", fill(RECORD, payload, markdown))
        project.write("models/_sources.yml", fill(SOURCES, payload, markdown))
        build_site(project.root)
        built[name] = project.root / "site"
    return built


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
    if name.startswith("jinja"):
        assert PAYLOADS[name].replace("{", "").split()[0] in page  # shown as written
        assert "LẶPLẶP" not in page and ">49<" not in page


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


@pytest.mark.parametrize("name", ["script", "img-onerror", "attribute-break", "markdown-javascript-link"])
def test_payload_in_search_results_does_not_run(browser, serve_site, sites, name: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    base = serve_site(sites[name])
    page.goto(base)
    page.fill("#mh-search-input", "alert")
    page.wait_for_selector("#mh-search-results:not([hidden]) .mh-search__count", timeout=15000)
    results = page.locator("#mh-search-results")
    assert results.locator("li").count() >= 1
    assert results.locator("script, img, [onerror], [onmouseover], a[href^='javascript']").count() == 0
    assert "alert" in results.inner_text()  # the snippet shows the payload as text
    page.wait_for_timeout(300)
    assert dialogs == []
    context.close()


def test_markdown_fields_refuse_html_and_script_links(tmp_path, monkeypatch) -> None:
    project = make_project(tmp_path / "p", with_records=False)
    project.record("ha-tinh-payload", fill(RECORD, "an toàn", "[bấm](javascript:alert(1)) <b>đậm</b>"))
    project.write("models/_sources.yml", fill(SOURCES, "an toàn", ""))
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "replication.steps[0].detail: có thẻ HTML; trường này chỉ nhận Markdown" in result.output
    assert "updates[0].text: có thẻ HTML; trường này chỉ nhận Markdown" in result.output
    assert "phải bắt đầu bằng http:// hoặc https://" not in result.output  # HTML reported first, once per field
