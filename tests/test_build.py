"""A real MkDocs build of a small site in a temporary folder."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from conftest import BAC_KAN, Project
from mohinh.build import build_site
from mohinh.cli import main


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def visible_text(html: str) -> str:
    article = html[html.index("<article"):html.index("</article>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))


def test_profile_shows_every_section_in_vietnamese_format(project: Project, mkdocs_warnings) -> None:
    build_site(project.root)
    html = project.html("mo-hinh/bac-kan-ho-an-toan/index.html")
    text = visible_text(html)
    assert "847/1.310 thôn, tổ dân phố (64,7%)" in text
    assert "76.303 hộ" in text
    assert "tính đến 08/09/2020" in text
    assert "Tự phòng, tự quản, tự bảo vệ và tự hòa giải" in text
    assert "tỉnh Bắc Kạn — nay thuộc tỉnh Thái Nguyên" in text
    for heading in ("Địa bàn", "Kết quả", "Hạn chế, khó khăn", "Nguồn"):
        assert f">{heading}<" in html
    for absent in ("Tiêu chí", "Bài học kinh nghiệm", "Nhân rộng mô hình", "Tin cập nhật", "Mô hình liên quan"):
        assert f">{absent}<" not in html, absent
    assert '<html lang="vi"' in html


def test_listing_pages_exist(project: Project, mkdocs_warnings) -> None:
    build_site(project.root)
    site = project.root / "site"
    for page in ("index.html", "mo-hinh/index.html", "dia-phuong/index.html", "dia-phuong/thai-nguyen/index.html",
                 "dia-phuong/bac-kan/index.html", "chu-de/index.html", "chu-de/hoa-giai-co-so/index.html",
                 "tin-moi/index.html"):
        assert (site / page).is_file(), page
    home = visible_text(project.html("index.html"))
    assert "1 mô hình 1 tỉnh, thành phố" in home  # the figures at a glance
    assert "Hộ an toàn - Thôn, bản, tổ dân phố bình yên" in visible_text(project.html("dia-phuong/thai-nguyen/index.html"))


def test_each_model_is_its_own_card_on_topic_and_province_pages(project: Project, mkdocs_warnings) -> None:
    for i in range(3):
        project.record(f"mo-hinh-{i}", BAC_KAN.replace("name: Hộ an toàn", f"name: Mô hình số {i}"))
    build_site(project.root)
    for page in ("chu-de/hoa-giai-co-so/index.html", "dia-phuong/thai-nguyen/index.html"):
        html = project.html(page)
        cards = re.findall(r"<li>\s*<p><strong><a href=\"../../mo-hinh/([a-z0-9-]+)/\">", html)
        assert cards == ["bac-kan-ho-an-toan", "mo-hinh-0", "mo-hinh-1", "mo-hinh-2"], page
        assert "-   <strong>" not in html, page  # a card swallowed by the one before


def test_model_pages_are_not_in_the_sidebar(project: Project, mkdocs_warnings) -> None:
    for i in range(3):
        project.record(f"mo-hinh-{i}", BAC_KAN.replace("name: Hộ an toàn", f"name: Mô hình số {i}"))
    build_site(project.root)
    home = project.html("index.html")
    nav_links = re.findall(r'<a href="([^"]*)"[^>]*class="md-nav__link', home)
    nav_links += re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]*)"', home)
    assert "mo-hinh/" in nav_links  # the catalogue is in the sidebar...
    assert not [link for link in nav_links if link.startswith("mo-hinh/mo-hinh-")]  # ...its models are not
    assert "mo-hinh/mo-hinh-1/" in home  # while the home page still lists them


def test_no_request_leaves_the_site(project: Project, mkdocs_warnings) -> None:
    build_site(project.root)
    for path in (project.root / "site").rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
        fetched = re.findall(r'<(?:script|img|iframe|source|video|audio)[^>]*\ssrc="([^"]+)"', html)
        fetched += re.findall(r'<link[^>]*href="([^"]+)"', html)
        for url in fetched:
            assert not re.match(r"(https?:)?//", url) or url.startswith("https://mohinh.donvi.gov.vn/"), (path, url)


def test_edit_link_points_at_the_record(project: Project, mkdocs_warnings) -> None:
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("# repo_url: https://github.com/<don-vi>/<kho-ma>", "repo_url: https://git.example.vn/cong-an/mohinh")
    config = config.replace("# edit_uri: edit/main/content/", "edit_uri: edit/main/content/")
    project.write("mkdocs.yml", config)
    build_site(project.root)
    html = project.html("mo-hinh/bac-kan-ho-an-toan/index.html")
    assert 'href="https://git.example.vn/cong-an/mohinh/edit/main/models/bac-kan-ho-an-toan.yml"' in html
    assert 'href="https://git.example.vn/cong-an/mohinh/edit/main/content/gioi-thieu.md"' in project.html(
        "gioi-thieu/index.html"
    )


def test_heading_anchors_keep_d(project: Project, mkdocs_warnings) -> None:
    project.record("bac-kan-ho-an-toan", BAC_KAN.replace("limitations:", "lessons:\n  - Đoàn kết là sức mạnh\nlimitations:"))
    build_site(project.root)
    html = project.html("mo-hinh/bac-kan-ho-an-toan/index.html")
    assert 'id="dia-ban"' in html
    assert 'id="bai-hoc-kinh-nghiem"' in html


def test_failed_build_keeps_previous_site(project: Project, mkdocs_warnings) -> None:
    build_site(project.root)
    before = tree(project.root / "site")
    project.record("hong", BAC_KAN.replace("value: 76303", "value: 76.303"))
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "models/hong.yml:" in result.output and "Traceback" not in result.output
    assert tree(project.root / "site") == before
    assert not list(project.root.glob(".site-*"))


def test_mkdocs_failure_keeps_previous_site(project: Project, mkdocs_warnings) -> None:
    build_site(project.root)
    before = tree(project.root / "site")
    project.write("content/gioi-thieu.md", "# Giới thiệu\n\n[hỏng](khong-co-trang-nay.md)\n")
    result = CliRunner().invoke(main, ["build"])
    for record in mkdocs_warnings:
        record.expected = True  # the broken link is this test's point
    assert result.exit_code == 1
    assert "Trang cũ trong site/ được giữ nguyên." in result.output
    assert tree(project.root / "site") == before


def test_escaped_text_never_becomes_html(project: Project, mkdocs_warnings) -> None:
    project.record(
        "bac-kan-ho-an-toan",
        BAC_KAN.replace(
            "name: Hộ an toàn - Thôn, bản, tổ dân phố bình yên",
            'name: "<script>alert(1)</script> [x](javascript:alert(2)) {{ 7*7 }} Hộ an toàn"',
        ),
    )
    build_site(project.root)
    html = project.html("mo-hinh/bac-kan-ho-an-toan/index.html")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html
    assert "{{ 7*7 }}" in visible_text(html)
