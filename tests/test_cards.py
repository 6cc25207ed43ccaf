"""Share cards (mohinh.outputs.cards): what a card says, and the same PNG bytes for the same record."""

from __future__ import annotations

import io
import zlib

from PIL import Image

from conftest import BAC_KAN, Project
from mohinh.catalogue import load_catalogue
from mohinh.outputs.cards import Card, card_image, card_png, make
from mohinh.render import Site


def _site(project: Project) -> Site:
    return Site(load_catalogue(project.root), site_url="https://mohinh.donvi.gov.vn/", site_name="Tên trang")


def test_card_says_name_place_today_and_the_headline_share(project: Project) -> None:
    site = _site(project)
    card = Card.of(site.by_id["bac-kan-ho-an-toan"], site.site_name)
    assert card.name == "Hộ an toàn - Thôn, bản, tổ dân phố bình yên"
    assert card.place == "Tỉnh Thái Nguyên"  # where it runs today (the record says Bắc Kạn)
    assert card.figure == "64,7%" and card.share is not None and round(card.share, 3) == 0.647
    assert card.figure_text.startswith("847/1.310 thôn, tổ dân phố: ") and card.figure_date == "tính đến 08/09/2020"
    assert card.site_name == "Tên trang" and card.summary == ""


def test_card_without_results_shows_the_summary(project: Project) -> None:
    text = BAC_KAN.split("results:")[0] + "sources: [bac-kan-2020-09]\n"
    project.record("khong-so-lieu", text.replace("name: Hộ an toàn", "name: Không số liệu"))
    site = _site(project)
    card = Card.of(site.by_id["khong-so-lieu"], site.site_name)
    assert card.figure == "" and card.share is None
    assert card.summary.startswith("Mô hình tự quản trong đó từng hộ gia đình cam kết giữ an toàn")


def _chunks(png: bytes) -> list[bytes]:
    found, at = [], 8
    while at < len(png):
        length = int.from_bytes(png[at:at + 4], "big")
        found.append(png[at + 4:at + 8])
        assert zlib.crc32(png[at + 4:at + 8 + length]) == int.from_bytes(png[at + 8 + length:at + 12 + length], "big")
        at += 12 + length
    return found


def test_card_is_a_1200_by_630_png_with_the_same_bytes_every_time(project: Project) -> None:
    site = _site(project)
    card = Card.of(site.by_id["bac-kan-ho-an-toan"], site.site_name)
    png = card_png(card)
    assert png == card_png(Card.of(_site(project).by_id["bac-kan-ho-an-toan"], "Tên trang"))
    with Image.open(io.BytesIO(png)) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
    assert set(_chunks(png)) <= {b"IHDR", b"PLTE", b"IDAT", b"IEND"}  # no time, no text chunk


def test_a_changed_record_changes_only_its_own_card_job(project: Project) -> None:
    project.record("mo-hinh-2", (project.models / "bac-kan-ho-an-toan.yml").read_text(encoding="utf-8")
                   .replace("name: Hộ an toàn", "name: Mô hình hai"))
    before = make(_site(project))
    project.record("mo-hinh-2", (project.models / "bac-kan-ho-an-toan.yml").read_text(encoding="utf-8")
                   .replace("name: Hộ an toàn", "name: Mô hình hai, đã sửa"))
    after = make(_site(project))
    assert before["mo-hinh/bac-kan-ho-an-toan/the-chia-se.png"] == after["mo-hinh/bac-kan-ho-an-toan/the-chia-se.png"]
    assert before["mo-hinh/mo-hinh-2/the-chia-se.png"] != after["mo-hinh/mo-hinh-2/the-chia-se.png"]


def test_card_png_holds_the_pixels_and_colours_drawn(project: Project) -> None:
    site = _site(project)
    card = Card.of(site.by_id["bac-kan-ho-an-toan"], site.site_name)
    drawn = card_image(card)
    assert len(set(drawn.tobytes())) > 10  # text drawn, anti-aliased: not a blank ground
    with Image.open(io.BytesIO(card_png(card))) as read:
        read.load()  # Pillow checks every chunk's CRC and the compressed stream
        assert read.mode == "P" and read.tobytes() == drawn.tobytes()
        assert read.getpalette() == drawn.getpalette()
