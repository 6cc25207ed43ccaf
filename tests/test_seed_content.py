"""The seed articles' models and every one of their figures, as a reader finds them on the built site.

The expected strings are typed from the articles (../shared/seeds), in Vietnamese number format,
not computed from the records: a figure mistyped in a record fails here.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

ARTICLE_FIGURES = {
    "ky-anh-clb-cuu-chien-binh": ["12/12 xã, phường (100%)"],
    "ky-anh-doi-co-dong": ["12 mô hình"],
    "dak-to-re-to-tu-quan": ["4 tin", "15 đợt", "1.410 lượt người", "46 lượt", "tính đến tháng 05/2022"],
    "phu-my-camera-an-ninh": ["28 mắt", "24 điểm"],
    "hue-ban-bao-ve-dan-pho": ["29 ban", "1.064 thành viên"],
    "thua-thien-hue-phoi-hop-mttq-cong-an": [
        "33.700 đợt", "hơn 122.000 nguồn tin", "404 đối tượng", "gần 36.000 đối tượng", "107 mô hình", "hơn 543 tổ", "653 điểm",
    ],
    "bac-kan-ho-an-toan": ["847/1.310 thôn, tổ dân phố (64,7%)", "108 xã, phường, thị trấn", "76.303 hộ",
                           "tính đến 08/09/2020", "Tự phòng, tự quản, tự bảo vệ và tự hòa giải"],
}

ARTICLE_MODELS = {
    "ky-anh-2018-10": ["Câu lạc bộ Cựu chiến binh với công tác đảm bảo an ninh trật tự",
                       "Tổ liên gia tự quản về an ninh trật tự", "Giáo họ an toàn, gia đình hòa thuận",
                       "Tiếng kẻng an ninh", "Cơ quan, doanh nghiệp an toàn về an ninh trật tự",
                       "Trường học an toàn về an ninh trật tự", "Đội cơ động",
                       "Liên kết đảm bảo an ninh trật tự tại dự án Formosa", "Năm không, ba sạch"],
    "5-tu-quan-2020-07": ["5 tự quản về an ninh trật tự"],
    "dak-to-re-2022": ["Tổ tự quản về an ninh trật tự"],
    "hue-2023-08": ["Camera an ninh xã Phú Mỹ", "Dòng họ 3 kỷ cương", "Ban bảo vệ dân phố thành phố Huế"],
    "bac-kan-2020-09": ["Hộ an toàn - Thôn, bản, tổ dân phố bình yên"],
}


@pytest.fixture(scope="module")
def site(repo_site):
    return repo_site  # the repository's site, built once per test session


def text_of(html: str) -> str:
    article = html[html.index("<article"):html.index("</article>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article)).replace(" ,", ",")


@pytest.mark.parametrize("model_id", sorted(ARTICLE_FIGURES))
def test_article_figures_on_the_model_page(site, model_id: str) -> None:
    text = text_of(site.html(f"mo-hinh/{model_id}/index.html"))
    for figure in ARTICLE_FIGURES[model_id]:
        assert figure in text, figure


@pytest.mark.parametrize("source_id", sorted(ARTICLE_MODELS))
def test_every_article_model_is_published_and_cites_its_article(site, source_id: str) -> None:
    catalogue = text_of(site.html("mo-hinh/index.html"))
    for name in ARTICLE_MODELS[source_id]:
        assert name in catalogue, name


def test_every_record_cites_a_seed_article_and_check_passes(site, monkeypatch) -> None:
    from mohinh.cli import main

    monkeypatch.chdir(site.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0
    warnings = [line for line in result.output.splitlines() if ": cảnh báo:" in line]  # none for a deprecated value
    assert len(warnings) == 1 and warnings[0].startswith("models/mo-hinh-5-tu-quan.yml:")


def test_location_shows_todays_province(site) -> None:
    text = text_of(site.html("mo-hinh/dak-to-re-to-tu-quan/index.html"))
    assert ("xã Đăk Tờ Re, huyện Kon Rẫy (cấp huyện không còn từ 01/07/2025), tỉnh Kon Tum — nay thuộc xã Kon Braih, "
            "tỉnh Quảng Ngãi (từ 01/07/2025)") in text
    unknown = text_of(site.html("mo-hinh/mo-hinh-5-tu-quan/index.html"))
    assert "Không rõ địa phương" in unknown and "không nêu tên tỉnh" in unknown
