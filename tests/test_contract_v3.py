"""Record contract version 3, as a reader and a commune meet it: a figure says what it is (the model's result,
a target, context about a wider area), keeps its source's hedge, shows every source's value where sources
disagree, and a cost says what it bought; model types gather the cases of one practice, compute a cost per
unit across them and carry a kit. One small site is built for the whole module."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from click.testing import CliRunner
from docx import Document

from conftest import REPO, Project
from mohinh.build import build_site
from mohinh.cli import main

# A camera model as an officer would write it from two articles that disagree on the total (held out of the
# repository's records): one result, one target, one context figure, hedged figures, a pilot site.
CAMERA = """\
name: Camera an ninh thôn Thử Nghiệm
summary: Thôn góp tiền lắp camera ở các ngã ba, ngã tư.
status: active
status_as_of: 04/2024
topics: [camera-cong-nghe]
community: thon-to-dan-pho
types: [camera-an-ninh]
locations:
  - province: Gia Lai
    commune: xã Ia O
    place: thôn Một
    origin: true
  - province: Gia Lai
    commune: xã Ia O
    place: thôn Hai
    pilot: true
results:
  - label: Lượt người dự họp bàn
    value: 2000
    qualifier: gan
    unit: lượt người
    as_of: 04/2024
    source: bac-kan-2020-09
  - label: Hộ trong thôn
    value: 70
    qualifier: hon
    kind: context
    unit: hộ
    as_of: 04/2024
    source: bac-kan-2020-09
  - label: Camera xã quyết định lắp thêm
    value: 40
    kind: target
    unit: camera
    as_of: 04/2024
    source: bac-kan-2020-09
  - label: Camera đã lắp
    value: 6
    unit: camera
    as_of: 04/2024
    source: bac-kan-2020-09
    other_values:
      - value: 8
        qualifier: hon
        source: bao-khac-2024
        note: Bài kia tính cả camera của hộ dân.
costs:
  - label: Lắp 6 camera
    amount: 27000000
    quantity: 6
    unit: camera
    paid_by: nguoi-dan
    as_of: 04/2024
    source: bac-kan-2020-09
  - label: Tổng kinh phí
    amount: 878000000
    paid_by: hon-hop
    as_of: 04/2024
    source: bac-kan-2020-09
    other_values:
      - amount: 87000000
        qualifier: hon
        source: bao-khac-2024
sources: [bac-kan-2020-09, bao-khac-2024]
"""

# A second camera model, with a cost per camera and a cost per household (another unit).
SECOND = """\
name: Camera an ninh thôn Thứ Hai
summary: Người dân góp tiền lắp camera.
status: active
topics: [camera-cong-nghe]
community: thon-to-dan-pho
types: [camera-an-ninh]
locations:
  - province: Hà Tĩnh
costs:
  - label: Lắp 4 camera
    amount: 24000000
    quantity: 4
    unit: mắt camera
    paid_by: nguoi-dan
    as_of: 2022
    source: bac-kan-2020-09
  - label: Góp mỗi hộ
    amount: 50000
    per: hộ
    paid_by: nguoi-dan
    as_of: 2022
    source: bac-kan-2020-09
sources: [bac-kan-2020-09]
"""

CAMERA_TYPE = """\
name: Camera an ninh
aliases: [mắt thần, camera giám sát]
summary: Camera ở đường làng, ngõ xóm, do người dân và công an xã cùng làm.
guidance:
  steps:
    - title: Họp dân bàn mức góp
      who: Trưởng thôn
      seen_in: [thu-nghiem-camera, thu-hai-camera]
    - title: Giao người theo dõi màn hình
      seen_in: [thu-nghiem-camera]
  pitfalls:
    - text: Chưa tính tiền sửa chữa
      seen_in: [bao-khac-2024]
official: [bao-khac-2024]
sources: [bac-kan-2020-09]
"""

OTHER_SOURCE = """\
title: Bài báo thứ hai
publisher: Báo Thử
date: 05/2024
url: https://example.org/bai-2
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Project:
    from conftest import make_project

    project = make_project(tmp_path_factory.mktemp("v3") / "p")
    project.write("models/_sources/bao-khac-2024.yml", OTHER_SOURCE)
    project.write("models/_types/camera-an-ninh.yml", CAMERA_TYPE)
    project.record("thu-nghiem-camera", CAMERA)
    project.record("thu-hai-camera", SECOND)
    build_site(project.root)
    return project


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" ,", ",").replace(" ;", ";").replace(" )", ")")


def key_facts(html: str) -> str:
    start = html.index('<section class="mh-panel"')
    return text_of(html[start:html.index("</section>", start)])


def section(html: str, heading: str) -> str:
    start = re.search(rf"<h2[^>]*>{re.escape(heading)}<", html).start()
    end = html.find("<h2", start + 1)
    return text_of(html[start:end if end > 0 else None])


def test_the_key_facts_never_show_a_target_a_context_or_a_disputed_figure(built) -> None:
    html = built.html("mo-hinh/thu-nghiem-camera/index.html")
    facts = key_facts(html)
    assert "gần 2.000" in facts  # the one undisputed result of the model, with its hedge
    for shown_elsewhere in ("Hộ trong thôn", "Camera xã quyết định", "Camera đã lắp", "878", "87.000.000"):
        assert shown_elsewhere not in facts, shown_elsewhere
    assert "27 triệu đồng" in facts  # the largest cost no other source disputes
    assert "Có số liệu kết quả" in facts  # not "Đã nhân rộng": the only other place is a pilot site


def test_each_figure_sits_under_what_it_is_with_its_hedge_and_every_sources_value(built) -> None:
    html = built.html("mo-hinh/thu-nghiem-camera/index.html")
    results = section(html, "Kết quả")
    assert "gần 2.000 lượt người" in results
    assert "Camera đã lắp: 6 camera" in results and "Các nguồn ghi khác nhau: hơn 8 camera" in results
    assert "Trang không chọn số nào" in results
    assert "40" not in results and "70" not in results
    assert "Camera xã quyết định lắp thêm: 40 camera" in section(html, "Kế hoạch, chỉ tiêu")
    assert "Hộ trong thôn: hơn 70 hộ" in section(html, "Bối cảnh")
    costs = section(html, "Kinh phí")
    assert "4,5 triệu đồng/camera, tính từ 27 triệu đồng cho 6 camera" in costs
    assert "878.000.000 đồng" in costs and "hơn 87.000.000 đồng" in costs
    assert "Nơi đã nhân rộng" not in text_of(html)  # the origin and a pilot site: nothing was copied yet
    assert "nơi thí điểm" in section(html, "Địa bàn")


def test_open_data_carries_the_qualifier_and_the_kind(built) -> None:
    rows = (built.root / "site" / "du-lieu" / "ket-qua.csv").read_text(encoding="utf-8-sig").splitlines()
    header = rows[0].split(",")
    assert "loại số liệu" in header and "chữ kèm số" in header
    near = next(r for r in rows if "Lượt người dự họp bàn" in r)
    assert ",Kết quả của mô hình,gần,2000," in near
    assert ",Bối cảnh,hơn,70," in next(r for r in rows if "Hộ trong thôn" in r)
    assert ",Kế hoạch, chỉ tiêu," in next(r for r in rows if "Camera xã quyết định" in r) or \
        '"Kế hoạch, chỉ tiêu"' in next(r for r in rows if "Camera xã quyết định" in r)
    costs = (built.root / "site" / "du-lieu" / "kinh-phi.csv").read_text(encoding="utf-8-sig")
    assert "27000000" in costs and ",6,camera," in costs


def test_the_type_page_lists_its_models_and_a_cost_per_camera_across_cases(built) -> None:
    html = built.html("loai-mo-hinh/camera-an-ninh/index.html")
    text = text_of(html)
    assert "Camera an ninh thôn Thử Nghiệm" in text and "Camera an ninh thôn Thứ Hai" in text
    costs = section(html, "Qua các trường hợp")
    # each row names its model, date and source
    assert "Lắp 6 camera" in costs and "tháng 04/2024" in costs and "4,5 triệu đồng/camera" in costs
    assert "Lắp 4 camera" in costs and "6 triệu đồng/mắt camera" in costs
    # the range is over one unit ("mắt camera" is a camera), from the two cases, never from the disputed total
    # or the per-household amount
    assert "khoảng từ 4,5 triệu đồng đến 6 triệu đồng/camera (2 trường hợp)" in costs
    assert "khoảng 50.000 đồng/hộ (1 trường hợp)" in costs
    assert "(không dùng để tính)" in costs
    assert "Người dân đóng góp: 2 trường hợp" in costs
    guidance = section(html, "Hướng dẫn rút từ các trường hợp")
    assert "không phải quy định" in guidance
    assert "Giao người theo dõi màn hình (thấy ở Camera an ninh thôn Thử Nghiệm; 1 trường hợp)" in guidance


def test_open_data_of_the_types_never_ranges_over_a_disputed_figure(built) -> None:
    data = json.loads((built.root / "site" / "du-lieu" / "loai-mo-hinh.json").read_text(encoding="utf-8"))
    camera = next(t for t in data["loai_mo_hinh"] if t["ma"] == "camera-an-ninh")
    assert camera["mo_hinh"] == ["thu-hai-camera", "thu-nghiem-camera"]
    ranges = {r["don_vi"]: r for r in camera["khoang_moi_don_vi"]}
    assert ranges["camera"] == {"don_vi": "camera", "thap_nhat": 4500000, "cao_nhat": 6000000, "so_truong_hop": 2}
    disputed = [row for row in camera["kinh_phi"] if row["nguon_khac_ghi_khac"]]
    assert [row["so_tien"] for row in disputed] == [878000000]


def test_a_model_without_steps_of_its_own_reaches_its_types_kit(built) -> None:
    section_text = section(built.html("mo-hinh/thu-hai-camera/index.html"), "Bộ nhân rộng")
    assert "rút từ nhiều trường hợp" in section_text and "Camera an ninh" in section_text
    assert 'href="../../loai-mo-hinh/camera-an-ninh/checklist.docx"' in built.html("mo-hinh/thu-hai-camera/index.html")
    page = built.html("mo-hinh/thu-hai-camera/index.html")
    near_top = text_of(page[page.index('class="mh-summary"'):page.index("<h2")])
    assert "Loại mô hình: Camera an ninh" in near_top  # right under the summary, linked to the type's page
    assert 'href="../../loai-mo-hinh/camera-an-ninh/"' in page


def test_the_types_kit_carries_the_guidance_and_the_observed_costs(built) -> None:
    folder = built.root / "site" / "loai-mo-hinh" / "camera-an-ninh"
    document = Document(io.BytesIO((folder / "checklist.docx").read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Camera an ninh" in text and "Chưa tính tiền sửa chữa" in text
    assert "Các nơi đã làm (theo nguồn)" in cells
    step = next(cell for cell in cells if cell.startswith("Họp dân bàn mức góp"))
    assert "Thấy ở: Camera an ninh thôn Thử Nghiệm; Camera an ninh thôn Thứ Hai" in step
    assert any("4,5 triệu đồng/camera" in cell for cell in cells)
    assert not any("878" in cell for cell in cells)  # a disputed amount is not a budget line
    assert zipfile.ZipFile(folder / "checklist.docx").testzip() is None
    assert "- [ ] 1. Họp dân bàn mức góp" in (folder / "checklist.md").read_text(encoding="utf-8")


def test_check_refuses_an_unknown_type_with_the_nearest_slug(built, monkeypatch: pytest.MonkeyPatch) -> None:
    record = built.models / "thu-hai-camera.yml"
    original = record.read_text(encoding="utf-8")
    record.write_text(original.replace("types: [camera-an-ninh]", "types: [camera-an-nin]"), encoding="utf-8")
    monkeypatch.chdir(built.root)
    try:
        result = CliRunner().invoke(main, ["check"])
    finally:
        record.write_text(original, encoding="utf-8")
    assert result.exit_code == 1
    assert ("models/thu-hai-camera.yml:6:9: types (loại mô hình thứ 1): không có loại mô hình `camera-an-nin`. "
            "Cách sửa: có phải ý bạn là `camera-an-ninh`?") in result.output


# --- the repository's own records ---


def test_every_headline_of_every_model_is_a_result_of_its_own_with_its_hedge(repo_site) -> None:
    """The large figures of each page: never a target, a context figure or a disputed figure, and always
    with the hedge its record gives."""
    import yaml

    checked = 0
    for path in sorted((REPO / "models").glob("*.yml")):
        if path.name.startswith("_"):
            continue
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if record.get("draft"):
            continue
        html = repo_site.html(f"mo-hinh/{path.stem}/index.html")
        for item in re.findall(r'<li class="mh-headline">(.*?)</li>', html, re.S):
            what = text_of(re.search(r'mh-headline__what">(.*?)</span>', item, re.S).group(1)).strip()
            figure = text_of(re.search(r'mh-headline__figure">(.*?)</span>', item, re.S).group(1)).strip()
            matches = [r for r in record.get("results", []) if r["label"] in what]
            assert matches, (path.stem, what)
            result = matches[0]
            assert result.get("kind", "result") == "result", (path.stem, what)
            assert not result.get("other_values"), (path.stem, what)
            hedge = {"gan": "gần", "hon": "hơn", "khoang": "khoảng", "duoi": "dưới"}.get(result.get("qualifier"))
            if hedge and "%" not in figure:
                assert figure.startswith(hedge), (path.stem, figure)
            checked += 1
    assert checked > 20  # the rule was applied to many pages, not skipped


def test_model_pages_reach_a_kit_and_the_camera_type_gathers_its_cases(repo_site) -> None:
    """At least nine in ten model pages link to a kit (their own or their type's); the camera type's page lists
    every model that names the type, with a cost per camera across cases, and has its kit."""
    import yaml

    pages = sorted((repo_site.root / "site" / "mo-hinh").glob("*/index.html"))
    with_kit = [p for p in pages if "checklist.docx" in p.read_text(encoding="utf-8")]
    assert len(pages) >= 100 and len(with_kit) >= 0.9 * len(pages), (len(with_kit), len(pages))
    cameras = sorted(p.stem for p in (REPO / "models").glob("*.yml") if not p.name.startswith("_")
                     and "camera-an-ninh" in (yaml.safe_load(p.read_text(encoding="utf-8")).get("types") or []))
    assert len(cameras) >= 8
    html = repo_site.html("loai-mo-hinh/camera-an-ninh/index.html")
    for model_id in cameras:
        assert f'href="../../mo-hinh/{model_id}/"' in html, model_id
    assert re.search(r"khoảng từ [\d,]+ (triệu )?đồng đến [\d,]+ triệu đồng/camera \(\d+ trường hợp\)", text_of(html))
    assert (repo_site.root / "site" / "loai-mo-hinh" / "camera-an-ninh" / "checklist.docx").is_file()
    listing = repo_site.html("loai-mo-hinh/index.html")
    types = re.findall(r'<a href="([a-z0-9-]+)/">', listing[listing.index("<table"):listing.index("</table>")])
    assert len(types) >= 8 and listing.count("<td>có</td>") >= 8  # at least eight types, each with its kit


def test_targets_and_context_never_raise_the_evidence_level(repo_site) -> None:
    """Đồng Nai's record holds only what a decision says must be set up: no result of its own."""
    facts = key_facts(repo_site.html("mo-hinh/dong-nai-to-bao-ve-an-ninh-trat-tu/index.html"))
    assert "Có số liệu kết quả" not in facts and "Đã nhân rộng" not in facts
    assert "1.771" not in facts
    assert "Kế hoạch, chỉ tiêu" in text_of(repo_site.html("mo-hinh/dong-nai-to-bao-ve-an-ninh-trat-tu/index.html"))
