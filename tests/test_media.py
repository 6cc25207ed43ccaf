"""Photos (web-sized, upright, never from outside their folder) and what a shared model page shows."""

from __future__ import annotations

import io
import re

import pytest
from click.testing import CliRunner
from PIL import Image

from conftest import BAC_KAN, Project, give_site_url, make_project
from mohinh.build import build_site
from mohinh.catalogue import validate_record
from mohinh.cli import main
from mohinh.errors import InvalidRecords
from mohinh.outputs.media import MAX_SIDE, media_files, published_name

SITE = "https://mohinh.donvi.gov.vn/"
PAGE = f"{SITE}mo-hinh/bac-kan-ho-an-toan/"
NAME = 'Hộ an toàn "Bình yên" <b>& vững</b>'
MEDIA = """media:
  - file: anh/Kẻng 1.JPG
    alt: Chiếc kẻng treo ở đầu tổ dân phố
    caption: Kẻng an ninh <i>đầu thôn</i>
    credit: Công an phường
  - file: so-do.png
    alt: Sơ đồ tổ tự quản
"""


def photo(folder, name: str, size: tuple[int, int], *, fmt: str = "JPEG", orientation: int | None = None) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation  # the phone was held upright
        exif[0x8825] = {1: "N"}  # GPS
    image.save(buffer, format=fmt, **({"exif": exif.tobytes()} if orientation else {}))
    (folder / name).write_bytes(buffer.getvalue())


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Project:
    project = make_project(tmp_path_factory.mktemp("media") / "p")
    folder = project.models / "media" / "bac-kan-ho-an-toan"
    photo(folder, "anh/Kẻng 1.JPG", (3000, 2000), orientation=6)
    photo(folder, "so-do.png", (400, 300), fmt="PNG")
    project.record("bac-kan-ho-an-toan", BAC_KAN.replace("name: Hộ an toàn - Thôn, bản, tổ dân phố bình yên",
                                                         f"name: '{NAME}'")
                   + MEDIA + "updates:\n  - date: 03/2021\n    title: Tin mới\n")
    give_site_url(project, SITE)  # a unit's real address: every address is absolute
    build_site(project.root)
    return project


def test_photos_are_web_sized_upright_and_without_metadata(shared: Project) -> None:
    out = shared.root / "site" / "mo-hinh" / "bac-kan-ho-an-toan"
    with Image.open(out / "anh-keng-1.jpg") as image:
        assert image.size == (MAX_SIDE * 2000 // 3000, MAX_SIDE)  # turned upright, long side 1280
        assert not image.getexif()
    with Image.open(out / "so-do.png") as image:
        assert image.size == (400, 300)


def test_photos_shown_with_alt_caption_and_credit(shared: Project) -> None:
    html = shared.html("mo-hinh/bac-kan-ho-an-toan/index.html")
    assert '<img src="anh-keng-1.jpg" alt="Chiếc kẻng treo ở đầu tổ dân phố" loading="lazy">' in html
    assert "<figcaption>Kẻng an ninh &lt;i&gt;đầu thôn&lt;/i&gt; (Ảnh: Công an phường)</figcaption>" in html
    assert '<img src="so-do.png" alt="Sơ đồ tổ tự quản" loading="lazy">' in html


def test_share_meta_is_escaped_and_absolute(shared: Project) -> None:
    html = shared.html("mo-hinh/bac-kan-ho-an-toan/index.html")
    title = "Hộ an toàn &#34;Bình yên&#34; &lt;b&gt;&amp; vững&lt;/b&gt;"
    assert f'<meta property="og:title" content="{title}">' in html
    assert f'<meta name="twitter:title" content="{title}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<link rel="canonical" href="{PAGE}">' in html
    assert f'<meta property="og:url" content="{PAGE}">' in html
    # the share card (name, place, headline figure) rather than the photo, its alt text escaped like the title
    assert f'<meta property="og:image" content="{PAGE}the-chia-se.png">' in html
    assert f'<meta property="og:image:alt" content="{title}: tên, địa bàn và kết quả nổi bật của mô hình">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="og:description" content="Mô hình tự quản trong đó từng hộ gia đình' in html
    assert "<b>" not in html.split("</head>")[0]


def test_share_links_need_no_third_party_script(shared: Project) -> None:
    html = shared.html("mo-hinh/bac-kan-ho-an-toan/index.html")
    encoded = "https%3A%2F%2Fmohinh.donvi.gov.vn%2Fmo-hinh%2Fbac-kan-ho-an-toan%2F"
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={encoded}"' in html
    assert 'href="mailto:?subject=H%E1%BB%99%20an%20to%C3%A0n%20%22B%C3%ACnh%20y%C3%AAn%22' in html
    zalo = re.search(r'href="(https://button-share\.zalo\.me/share_external\?[^"]+)"', html)
    assert zalo and "d=eyJ1cmwiOiJodHRwczovL21vaGluaC5kb252aS5nb3Yudm4vbW8taGluaC9iYWMta2FuLWhvLWFuLXRvYW4vIn0" in zalo[1]
    assert '<button type="button" class="md-button mh-share__copy" hidden>Sao chép liên kết</button>' in html
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert "../../assets/share.js" in scripts
    assert not [s for s in scripts if s.startswith(("http:", "https:", "//"))]


def test_last_modified_outside_git_is_the_newest_update(shared: Project) -> None:
    html = shared.html("mo-hinh/bac-kan-ho-an-toan/index.html")
    assert 'Cập nhật lần cuối: <time datetime="2021-03">tháng 03/2021</time>' in html


@pytest.mark.parametrize("file, name", [("keng.jpg", "keng.jpg"), ("anh/Kẻng 1.JPG", "anh-keng-1.jpg"),
                                        ("./Ảnh đẹp.jpeg", "anh-dep.jpg"), ("so-do.PNG", "so-do.png")])
def test_published_names_are_web_safe(file: str, name: str) -> None:
    assert published_name(file) == name


def test_path_traversal_is_refused_by_check(project: Project) -> None:
    project.write("models/_secret.jpg", "x")
    project.record("bac-kan-ho-an-toan", BAC_KAN + "media:\n  - file: ../../_secret.jpg\n    alt: Bí mật\n")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.output == (
        "models/bac-kan-ho-an-toan.yml:32:11: media (ảnh thứ 1) › file: đường dẫn `../../_secret.jpg` ra ngoài thư mục ảnh của "
        "mô hình. Cách sửa: đặt ảnh trong models/media/bac-kan-ho-an-toan/ và chỉ ghi tên tệp.\n1 lỗi trong 1 tệp.\n")


@pytest.mark.parametrize("file", ["../../_secret.jpg", "/etc/hostname", "../khac/anh.jpg", "lien-ket.jpg"])
def test_path_traversal_is_refused_by_the_build_itself(project: Project, file: str) -> None:
    """Even a record that skipped the catalogue's checks cannot publish a file from outside its folder."""
    project.write("models/_secret.jpg", "x")
    photo(project.models / "media" / "khac", "anh.jpg", (10, 10))
    folder = project.models / "media" / "bac-kan-ho-an-toan"
    folder.mkdir(parents=True)
    (folder / "lien-ket.jpg").symlink_to(project.models / "_secret.jpg")
    path = project.record("bac-kan-ho-an-toan", BAC_KAN + f"media:\n  - file: {file}\n    alt: Ảnh\n")
    record = validate_record(path, project.root, [])
    with pytest.raises(InvalidRecords) as refused:
        media_files(project.root, [record])
    assert [(p.field, p.message) for p in refused.value.problems] == [
        ("media (ảnh thứ 1) › file", f"đường dẫn `{file}` ra ngoài thư mục ảnh của mô hình")]


def test_unreadable_photo_fails_the_build_with_a_message(project: Project, caplog) -> None:
    folder = project.models / "media" / "bac-kan-ho-an-toan"
    folder.mkdir(parents=True)
    (folder / "keng.jpg").write_text("không phải ảnh", encoding="utf-8")
    project.record("bac-kan-ho-an-toan", BAC_KAN + "media:\n  - file: keng.jpg\n    alt: Kẻng\n")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert ("models/bac-kan-ho-an-toan.yml:32:11: media (ảnh thứ 1) › file: không đọc được ảnh models/media/bac-kan-ho-an-toan/"
            "keng.jpg. Cách sửa: mở ảnh bằng trình xem ảnh, lưu lại dạng .jpg hoặc .png rồi thử lại.") in caplog.text
    assert not (project.root / "site").exists()
