"""Photos (resized, never outside their folder) and sharing meta on model pages."""

from __future__ import annotations

import io

from click.testing import CliRunner
from PIL import Image

from conftest import BAC_KAN, Project
from mohinh.cli import main
from mohinh.site import build_site

MEDIA = """media:
  - file: keng.jpg
    alt: Chiếc kẻng treo ở đầu tổ dân phố
    caption: Kẻng an ninh
    credit: Công an phường
"""


def photo(project: Project, name: str, size: tuple[int, int]) -> None:
    folder = project.models / "media" / "bac-kan-ho-an-toan"
    folder.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="JPEG")
    (folder / name).write_bytes(buffer.getvalue())


def test_photo_is_resized_and_shown_with_alt(project: Project, mkdocs_warnings) -> None:
    photo(project, "keng.jpg", (3000, 2000))
    project.record("bac-kan-ho-an-toan", BAC_KAN + MEDIA)
    build_site(project.root)
    with Image.open(project.root / "site" / "mo-hinh" / "bac-kan-ho-an-toan" / "keng.jpg") as image:
        assert max(image.size) == 1280
    html = project.html("mo-hinh/bac-kan-ho-an-toan/index.html")
    assert '<img src="keng.jpg" alt="Chiếc kẻng treo ở đầu tổ dân phố" loading="lazy">' in html
    assert '<meta property="og:image" content="https://mohinh.example.vn/mo-hinh/bac-kan-ho-an-toan/keng.jpg">' in html


def test_media_path_traversal_is_refused(project: Project) -> None:
    project.write("models/_secret.jpg", "x")
    project.record("bac-kan-ho-an-toan", BAC_KAN + MEDIA.replace("keng.jpg", "../../_secret.jpg"))
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "media[0].file: đường dẫn `../../_secret.jpg` ra ngoài thư mục ảnh của mô hình" in result.output


def test_share_meta_and_links(project: Project, mkdocs_warnings) -> None:
    build_site(project.root)
    html = project.html("mo-hinh/bac-kan-ho-an-toan/index.html")
    assert '<meta property="og:title" content="Hộ an toàn - Thôn, bản, tổ dân phố bình yên">' in html
    assert '<link rel="canonical" href="https://mohinh.example.vn/mo-hinh/bac-kan-ho-an-toan/">' in html
    assert "https://www.facebook.com/sharer/sharer.php?u=https%3A//mohinh.example.vn/mo-hinh/bac-kan-ho-an-toan/" in html
    assert 'href="mailto:?subject=' in html
    assert "Cập nhật lần cuối: 08/09/2020" in html  # not in git: the newest source date
    assert '<link rel="alternate" type="application/atom+xml"' in html
