"""A site without a real ``site_url`` (the repository's own mkdocs.yml has none; a copied one may still hold a
placeholder such as ``https://mohinh.example.vn/``): the build says so once, in Vietnamese, and goes on; no
page, feed, data file or kit names a made-up address."""

from __future__ import annotations

import gzip
import logging
import re
import zipfile
from pathlib import Path

import pytest

from mohinh.paths import address, is_absolute, is_placeholder, site_base

# Third-party code copied as is: Pagefind parses addresses against `https://example.com`, Material's source map
# quotes comments; neither is an address the site gives.
THIRD_PARTY = ("assets/javascripts/", "assets/stylesheets/", "quan-tri/vendor/")


@pytest.mark.parametrize(("site_url", "placeholder"), [
    ("https://mohinh.example.vn/", True), ("https://example.org/", True), ("http://trang.example/", True),
    ("https://mohinh.invalid/vi/", True), ("https://mohinh.donvi.gov.vn/", False), ("", False), ("/vi/", False),
])
def test_a_placeholder_is_no_address(site_url: str, placeholder: bool) -> None:
    assert is_placeholder(site_url) is placeholder
    if placeholder:
        assert not is_absolute(site_url)
        assert address(site_url, "feed.xml").startswith("/") and "example" not in site_base(site_url)
    assert site_base("https://mohinh.example.vn/vi") == "/vi/"


def _texts(path: Path) -> list[bytes]:
    data = path.read_bytes()
    if path.suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(path) as archive:
            return [archive.read(name) for name in archive.namelist()]
    if data[:2] == b"\x1f\x8b":
        return [gzip.decompress(data)]
    return [data]


def test_no_file_names_a_made_up_address(repo_site) -> None:
    site = repo_site.root / "site"
    checked = 0
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or rel.startswith(THIRD_PARTY) or (rel.startswith("pagefind") and rel.endswith(".js")):
            continue
        for text in _texts(path):
            assert not re.search(rb"example\.", text), rel
        checked += 1
    assert checked > 500
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in home and 'property="og:url"' not in home
    kit = site / "mo-hinh" / "bac-kan-ho-an-toan" / "checklist.md"
    if kit.exists():
        assert "đường dẫn /mo-hinh/bac-kan-ho-an-toan/" in kit.read_text(encoding="utf-8")
    words = b"".join(_texts(next(site.glob("loai-mo-hinh/*/checklist.docx"))))
    assert "đường dẫn /loai-mo-hinh/".encode() in words


class _Told(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _said(config) -> list[logging.LogRecord]:
    from mohinh.build import mohinh_plugin

    logger, told = logging.getLogger("mkdocs"), _Told()
    level = logger.level
    logger.addHandler(told)
    logger.setLevel(logging.INFO)
    try:
        mohinh_plugin(config).on_config(config)
    finally:
        logger.removeHandler(told)
        logger.setLevel(level)
    return [r for r in told.records if "site_url" in r.getMessage()]


@pytest.mark.parametrize("site_url", [None, "https://mohinh.example.vn/"])
def test_the_build_says_it_once_and_goes_on(project, site_url: str | None) -> None:
    from conftest import give_site_url
    from mohinh.build import load_config

    if site_url:
        give_site_url(project, site_url)
    said = _said(load_config(project.root))
    assert len(said) == 1 and said[0].levelno == logging.INFO and getattr(said[0], "mohinh_notice", False)
    message = said[0].getMessage()
    assert message.startswith("Cảnh báo: mkdocs.yml ")
    assert ("là địa chỉ mẫu" in message) == bool(site_url) and "Cách sửa: ghi địa chỉ công khai" in message


def test_a_real_site_url_says_nothing(project) -> None:
    from conftest import give_site_url
    from mohinh.build import load_config

    give_site_url(project)
    assert _said(load_config(project.root)) == []
