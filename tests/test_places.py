"""The place resolver: names before and after the 2025 reorganisation."""

from __future__ import annotations

import unicodedata

import pytest

from mohinh.places import (
    all_provinces,
    current_provinces,
    describe_location,
    predecessors,
    resolve_province,
    suggest_provinces,
    today,
)


def test_63_old_and_34_current_provinces() -> None:
    provinces = all_provinces()
    assert sum(p.before_2025 for p in provinces) == 63
    assert len(current_provinces()) == 34


@pytest.mark.parametrize(("name", "reported", "now"), [
    ("Kon Tum", "Kon Tum", "Quảng Ngãi"),
    ("tỉnh Bắc Kạn", "Bắc Kạn", "Thái Nguyên"),
    ("Thừa Thiên Huế", "Thừa Thiên Huế", "Huế"),
    ("Thừa Thiên - Huế", "Thừa Thiên Huế", "Huế"),
    ("TP. Huế", "Huế", "Huế"),
    ("thành phố Hồ Chí Minh", "Hồ Chí Minh", "Hồ Chí Minh"),
    ("TP. HCM", "Hồ Chí Minh", "Hồ Chí Minh"),
    ("Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
    ("Hoà Bình", "Hòa Bình", "Phú Thọ"),
    ("Đắc Lắk", "Đắk Lắk", "Đắk Lắk"),
    ("ha tinh", "Hà Tĩnh", "Hà Tĩnh"),
    ("HÀ TĨNH", "Hà Tĩnh", "Hà Tĩnh"),
    (unicodedata.normalize("NFD", "Hà Tĩnh"), "Hà Tĩnh", "Hà Tĩnh"),
    ("Quảng Nam", "Quảng Nam", "Đà Nẵng"),
    ("Bạc Liêu", "Bạc Liêu", "Cà Mau"),
])
def test_names_resolve_and_map_to_today(name: str, reported: str, now: str) -> None:
    province = resolve_province(name)
    assert province is not None and province.name == reported
    assert today(province).name == now


def test_unknown_names_get_suggestions() -> None:
    assert resolve_province("Ha Tihn") is None
    assert suggest_provinces("Ha Tihn")[0] == "Hà Tĩnh"
    assert suggest_provinces("Kon Tumm")[0] == "Kon Tum"


def test_describe_location_as_reported_and_today() -> None:
    view = describe_location("Kon Tum", "huyện Kon Rẫy", "xã Đăk Tờ Re")
    assert view.text == "xã Đăk Tờ Re, huyện Kon Rẫy, tỉnh Kon Tum — nay thuộc tỉnh Quảng Ngãi"
    assert describe_location("Hà Tĩnh", "thị xã Kỳ Anh").text == "thị xã Kỳ Anh, tỉnh Hà Tĩnh"
    assert describe_location(None).text == "Không rõ địa phương"


def test_slugs_keep_d_and_current_predecessors() -> None:
    assert resolve_province("Đồng Nai").slug == "dong-nai"
    assert resolve_province("Đắk Lắk").slug == "dak-lak"
    names = [p.name for p in predecessors(resolve_province("Lâm Đồng"))]
    assert sorted(names) == sorted(["Đắk Nông", "Bình Thuận", "Lâm Đồng"])
    assert [p.name for p in current_provinces()][:3] == ["An Giang", "Bắc Ninh", "Cà Mau"]
