"""The place resolver: names before and after the 2025 reorganisation."""

from __future__ import annotations

import unicodedata

import pytest

from mohinh.places import (
    all_provinces,
    commune_change,
    current_provinces,
    describe_location,
    predecessors,
    resolve_province,
    suggest_provinces,
    today,
    vietnamese_sort_key,
)


def test_63_old_and_34_current_provinces() -> None:
    provinces = all_provinces()
    assert sum(p.before_2025 for p in provinces) == 63
    assert len(current_provinces()) == 34
    assert len({p.name for p in provinces}) == len(provinces) == 64  # Huế is the only new name
    assert len({p.slug for p in provinces}) == 64
    assert {p.kind for p in provinces} == {"tỉnh", "thành phố"}
    cities = {p.name for p in current_provinces() if p.kind == "thành phố"}
    assert cities == {"Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}


def test_every_old_province_lands_in_a_current_one_and_codes_are_official() -> None:
    current = current_provinces()
    assert all(today(p).current for p in all_provinces())
    assert sum(len(predecessors(p)) for p in current) == 63
    codes = {p.name: p.code for p in current}
    assert codes["Lào Cai"] == "15" and codes["Gia Lai"] == "52" and codes["An Giang"] == "91"
    assert codes["Hà Tĩnh"] == "42" and codes["Huế"] == "46" and codes["Hồ Chí Minh"] == "79"
    assert resolve_province("Lào Cai").code_before == "10"
    assert resolve_province("Kon Tum").code == "62"


UNCHANGED = ["Hà Nội", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
             "Hà Tĩnh", "Cao Bằng"]


@pytest.mark.parametrize("name", UNCHANGED)
def test_unchanged_provinces_map_to_themselves_alone(name: str) -> None:
    province = resolve_province(name)
    assert province is not None and province.current and today(province) == province
    assert predecessors(province) == [province]


MERGERS = {
    "Kon Tum": "Quảng Ngãi", "Bắc Kạn": "Thái Nguyên", "Hà Giang": "Tuyên Quang", "Yên Bái": "Lào Cai",
    "Hòa Bình": "Phú Thọ", "Vĩnh Phúc": "Phú Thọ", "Bắc Giang": "Bắc Ninh", "Thái Bình": "Hưng Yên",
    "Hải Dương": "Hải Phòng", "Hà Nam": "Ninh Bình", "Nam Định": "Ninh Bình", "Quảng Bình": "Quảng Trị",
    "Quảng Nam": "Đà Nẵng", "Bình Định": "Gia Lai", "Phú Yên": "Đắk Lắk", "Ninh Thuận": "Khánh Hòa",
    "Đắk Nông": "Lâm Đồng", "Bình Thuận": "Lâm Đồng", "Bình Phước": "Đồng Nai", "Bình Dương": "Hồ Chí Minh",
    "Bà Rịa - Vũng Tàu": "Hồ Chí Minh", "Long An": "Tây Ninh", "Tiền Giang": "Đồng Tháp", "Bến Tre": "Vĩnh Long",
    "Trà Vinh": "Vĩnh Long", "Hậu Giang": "Cần Thơ", "Sóc Trăng": "Cần Thơ", "Bạc Liêu": "Cà Mau",
    "Kiên Giang": "An Giang", "Thừa Thiên Huế": "Huế",
}


def test_all_mergers() -> None:
    for old, new in MERGERS.items():
        province = resolve_province(old)
        assert province is not None and not province.current, old
        assert today(province).name == new, old
    assert len(MERGERS) + 34 == 64


@pytest.mark.parametrize(("name", "reported", "now"), [
    ("Kon Tum", "Kon Tum", "Quảng Ngãi"),
    ("tỉnh Bắc Kạn", "Bắc Kạn", "Thái Nguyên"),
    ("Bắc Cạn", "Bắc Kạn", "Thái Nguyên"),
    ("Thừa Thiên Huế", "Thừa Thiên Huế", "Huế"),
    ("Thừa Thiên - Huế", "Thừa Thiên Huế", "Huế"),
    ("TT-Huế", "Thừa Thiên Huế", "Huế"),
    ("TP. Huế", "Huế", "Huế"),
    ("thành phố Huế", "Huế", "Huế"),
    ("thành phố Hồ Chí Minh", "Hồ Chí Minh", "Hồ Chí Minh"),
    ("TP. HCM", "Hồ Chí Minh", "Hồ Chí Minh"),
    ("TP.HCM", "Hồ Chí Minh", "Hồ Chí Minh"),
    ("Tp. Hồ Chí Minh", "Hồ Chí Minh", "Hồ Chí Minh"),
    ("Sài Gòn", "Hồ Chí Minh", "Hồ Chí Minh"),
    ("Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
    ("Bà Rịa — Vũng Tàu", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
    ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
    ("Hoà Bình", "Hòa Bình", "Phú Thọ"),
    ("Khánh Hoà", "Khánh Hòa", "Khánh Hòa"),
    ("Thanh Hoá", "Thanh Hóa", "Thanh Hóa"),
    ("Đắc Lắk", "Đắk Lắk", "Đắk Lắk"),
    ("Đắk Lắk", "Đắk Lắk", "Đắk Lắk"),
    ("Dak Lak", "Đắk Lắk", "Đắk Lắk"),
    ("Daklak", "Đắk Lắk", "Đắk Lắk"),
    ("ha tinh", "Hà Tĩnh", "Hà Tĩnh"),
    ("HÀ TĨNH", "Hà Tĩnh", "Hà Tĩnh"),
    ("  Hà   Tĩnh ", "Hà Tĩnh", "Hà Tĩnh"),
    (unicodedata.normalize("NFD", "Hà Tĩnh"), "Hà Tĩnh", "Hà Tĩnh"),
    (unicodedata.normalize("NFD", "tỉnh Đắk Nông"), "Đắk Nông", "Lâm Đồng"),
    ("Quảng Nam", "Quảng Nam", "Đà Nẵng"),
    ("Bạc Liêu", "Bạc Liêu", "Cà Mau"),
    ("TP Cần Thơ", "Cần Thơ", "Cần Thơ"),
    ("Hanoi", "Hà Nội", "Hà Nội"),
])
def test_names_resolve_and_map_to_today(name: str, reported: str, now: str) -> None:
    province = resolve_province(name)
    assert province is not None and province.name == reported
    assert today(province).name == now


def test_accents_matter_before_they_are_ignored() -> None:
    # "Hà Nam" and "Hà Nội" must never be confused; folding is only a fallback.
    assert resolve_province("Hà Nam").name == "Hà Nam"
    assert resolve_province("ha nam").name == "Hà Nam"
    assert resolve_province("Ha Noi").name == "Hà Nội"


@pytest.mark.parametrize("name", ["", "   ", "tỉnh", "Ha Tihn", "Atlantis", "huyện Kon Rẫy"])
def test_unknown_names_do_not_resolve(name: str) -> None:
    assert resolve_province(name) is None


def test_unknown_names_get_suggestions() -> None:
    assert suggest_provinces("Ha Tihn")[0] == "Hà Tĩnh"
    assert suggest_provinces("Ha Tinh")[0] == "Hà Tĩnh"
    assert suggest_provinces("Kon Tumm")[0] == "Kon Tum"
    assert suggest_provinces("Quang Ngai", limit=1) == ["Quảng Ngãi"]
    assert len(suggest_provinces("Ha", limit=3)) <= 3
    assert suggest_provinces("") == []


def test_describe_location_as_reported_and_today() -> None:
    view = describe_location("Kon Tum", "huyện Kon Rẫy", "xã Đăk Tờ Re")
    assert view.reported == "xã Đăk Tờ Re, huyện Kon Rẫy, tỉnh Kon Tum"  # as the source named it
    assert view.text == "xã Đăk Tờ Re, huyện Kon Rẫy (cấp huyện không còn từ 01/07/2025), tỉnh Kon Tum — nay thuộc tỉnh Quảng Ngãi"
    assert view.now_text == "nay thuộc xã Kon Braih, tỉnh Quảng Ngãi (từ 01/07/2025)"
    assert view.province.name == "Kon Tum" and view.province_today.name == "Quảng Ngãi"
    assert describe_location("Hà Tĩnh", "thị xã Kỳ Anh").text == "thị xã Kỳ Anh (cấp huyện không còn từ 01/07/2025), tỉnh Hà Tĩnh"
    assert describe_location("Hà Tĩnh", "thị xã Kỳ Anh").today is None
    assert describe_location(None).text == "Không rõ địa phương"
    assert describe_location(None, None, "xã Kỳ Hoa").text == "xã Kỳ Hoa"
    assert describe_location("Atlantis", None, "xã A").text == "xã A, Atlantis"
    assert describe_location("Atlantis").province_today is None


def test_place_comes_first_and_names_are_kept_as_given() -> None:
    view = describe_location("Hà Tĩnh", "thị xã Kỳ Anh", "phường Kỳ Long", "tổ dân phố Long Hải")
    assert view.text == "tổ dân phố Long Hải, phường Kỳ Long, thị xã Kỳ Anh (cấp huyện không còn từ 01/07/2025), tỉnh Hà Tĩnh"
    assert describe_location("TT Huế", "Phú Vang", "Phú Mỹ").reported == "Phú Mỹ, Phú Vang, tỉnh Thừa Thiên Huế"
    nfd = describe_location(unicodedata.normalize("NFD", "Kon Tum"), "huyện Kon Rẫy",
                            unicodedata.normalize("NFD", "xã Đăk Tờ Re"))
    assert nfd.text == "xã Đăk Tờ Re, huyện Kon Rẫy (cấp huyện không còn từ 01/07/2025), tỉnh Kon Tum — nay thuộc tỉnh Quảng Ngãi"


def test_thua_thien_hue_is_now_the_city_of_hue() -> None:
    view = describe_location("Thừa Thiên Huế", "thành phố Huế")
    # The district-level city was split into two quận when Huế became a centrally governed city.
    assert view.text == ("thành phố Huế (từ 01/01/2025 chia thành quận Phú Xuân và quận Thuận Hóa theo Nghị quyết "
                         "1314/NQ-UBTVQH15; cấp huyện không còn từ 01/07/2025), tỉnh Thừa Thiên Huế — nay thuộc thành phố Huế")
    assert view.now_text == "nay thuộc thành phố Huế (từ 01/01/2025)"  # Huế's own date, not the provinces' 01/07/2025
    assert describe_location("TP. Huế").text == "thành phố Huế"


@pytest.mark.parametrize(("province", "district", "commune", "now"), [
    ("Kon Tum", "huyện Kon Rẫy", "xã Đăk Tờ Re", "xã Kon Braih, tỉnh Quảng Ngãi"),
    ("Kon Tum", None, "Đăk Tờ Re", "xã Kon Braih, tỉnh Quảng Ngãi"),
    ("Quảng Ngãi", "huyện Kon Rẫy", "xã Đăk Tờ Re", "xã Kon Braih, tỉnh Quảng Ngãi"),
    ("Hà Tĩnh", "thị xã Kỳ Anh", "phường Kỳ Long", "phường Vũng Áng, tỉnh Hà Tĩnh"),
    ("Hà Tĩnh", "thị xã Kỳ Anh", "phường Kỳ Thịnh", "phường Vũng Áng, tỉnh Hà Tĩnh"),
    ("Hà Tĩnh", "thị xã Kỳ Anh", "phường Kỳ Phương", "phường Hoành Sơn, tỉnh Hà Tĩnh"),
    ("Hà Tĩnh", "thị xã Kỳ Anh", "phường Kỳ Liên", "phường Hoành Sơn, tỉnh Hà Tĩnh"),
    ("Hà Tĩnh", "thị xã Kỳ Anh", "xã Kỳ Nam", "phường Hoành Sơn, tỉnh Hà Tĩnh"),  # a ward since 2020
    ("Hà Tĩnh", "thị xã Kỳ Anh", "phường Kỳ Trinh", "phường Sông Trí, tỉnh Hà Tĩnh"),
    ("Hà Tĩnh", "thị xã Kỳ Anh", "phường Hưng Trí", "phường Sông Trí, tỉnh Hà Tĩnh"),
    ("Hà Tĩnh", "thị xã Kỳ Anh", "xã Kỳ Hà", "phường Hải Ninh, tỉnh Hà Tĩnh"),
    ("Hà Tĩnh", "thị xã Kỳ Anh", "xã Kỳ Hoa", "xã Kỳ Hoa, tỉnh Hà Tĩnh"),
    ("Hà Tĩnh", "huyện Kỳ Anh", "xã Kỳ Tân", "xã Kỳ Hoa, tỉnh Hà Tĩnh"),
    ("Thừa Thiên Huế", "huyện Phú Vang", "xã Phú Mỹ", "phường Mỹ Thượng, thành phố Huế"),
])
def test_commune_mergers_of_the_seed_articles(province: str, district: str | None, commune: str, now: str) -> None:
    view = describe_location(province, district, commune)
    assert view.commune_today == now
    assert view.detailed_text == f"{view.annotated or view.reported} — nay thuộc {now}"


def test_divided_and_unknown_communes_keep_only_the_province() -> None:
    view = describe_location("Hà Tĩnh", "thị xã Kỳ Anh", "xã Kỳ Lợi")
    assert view.commune_today is None and view.today is None
    assert "phường Hoành Sơn" in view.commune_note and "phường Vũng Áng" in view.commune_note
    unknown = describe_location("Kon Tum", "huyện Kon Rẫy", "xã Không Có")
    assert unknown.commune_today is None and unknown.detailed_text == unknown.text
    # Hà Nội had two "xã Tam Hiệp" (Thanh Trì, Phúc Thọ): without the district, no guess.
    hanoi = resolve_province("Hà Nội")
    assert commune_change(hanoi, None, "xã Tam Hiệp") is None
    split = commune_change(hanoi, "huyện Thanh Trì", "xã Tam Hiệp")
    assert split.commune_today is None and split.divided_into == ("phường Hoàng Liệt", "xã Đại Thanh")
    assert commune_change(hanoi, "Phúc Thọ", "Tam Hiệp").commune_today == "xã Hát Môn"


def test_slugs_keep_d_and_current_predecessors() -> None:
    assert resolve_province("Đồng Nai").slug == "dong-nai"
    assert resolve_province("Đắk Lắk").slug == "dak-lak"
    assert resolve_province("Điện Biên").slug == "dien-bien"
    assert resolve_province("Hồ Chí Minh").slug == "ho-chi-minh"
    assert resolve_province("Huế").slug == "hue"
    assert resolve_province("Bà Rịa - Vũng Tàu").slug == "ba-ria-vung-tau"
    names = [p.name for p in predecessors(resolve_province("Lâm Đồng"))]
    assert sorted(names) == sorted(["Đắk Nông", "Bình Thuận", "Lâm Đồng"])
    assert [p.name for p in predecessors(resolve_province("Huế"))] == ["Thừa Thiên Huế"]
    assert [p.name for p in current_provinces()][:3] == ["An Giang", "Bắc Ninh", "Cà Mau"]


def test_vietnamese_collation() -> None:
    names = ["Đà Nẵng", "Cần Thơ", "Cao Bằng", "Cà Mau", "Điện Biên", "Hưng Yên", "Huế", "Hà Tĩnh", "Hà Nội",
             "Lâm Đồng", "Lào Cai", "Lạng Sơn", "Lai Châu", "Thanh Hóa", "Thái Nguyên", "Tây Ninh", "Ân", "An", "Ăn"]
    assert sorted(names, key=vietnamese_sort_key) == [
        "An", "Ăn", "Ân", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Điện Biên", "Hà Nội", "Hà Tĩnh", "Huế",
        "Hưng Yên", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Tây Ninh", "Thái Nguyên", "Thanh Hóa",
    ]
    assert sorted(["ma", "mà", "má", "mả", "mã", "mạ"], key=vietnamese_sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert vietnamese_sort_key("Hà Tĩnh") == vietnamese_sort_key(unicodedata.normalize("NFD", "Hà Tĩnh"))[:2] + (
        "Hà Tĩnh",)


def test_commune_spelling_variants_find_todays_commune() -> None:
    """Apostrophes and spaces do not hide a commune; a hand-checked spelling maps to the list's name."""
    assert describe_location("Lâm Đồng", "huyện Lạc Dương", "xã Đưng K’Nớ").commune_today == "xã Đam Rông 4, tỉnh Lâm Đồng"
    assert describe_location("Gia Lai", "huyện Ia Pa", "xã Ia Ma Rơn").commune_today == "xã Ia Pa, tỉnh Gia Lai"
    assert describe_location("Gia Lai", "huyện Ia Pa", "xã Ia Ma Ron Khac").commune_today is None
