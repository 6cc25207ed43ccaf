"""A model page printed as a handout (Chromium, print media and a real PDF): it says which site it comes from,
its address, when it was printed and when it was last updated, and its title prints black."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest

pytestmark = pytest.mark.browser

MODEL = "lang-ut-2-camera-anh-sang"


def test_printed_model_page_carries_site_address_print_date_and_last_update(page, repo_site, repo_url) -> None:
    models = json.loads((repo_site.root / "site" / "du-lieu" / "mo-hinh.json").read_text(encoding="utf-8"))["models"]
    parts = next(m for m in models if m["id"] == MODEL)["updated"].split("-")[::-1]  # 2021-02 -> tháng 02/2021
    updated = "/".join(parts) if len(parts) == 3 else f"tháng {parts[0]}/{parts[1]}" if len(parts) == 2 else f"năm {parts[0]}"
    address = repo_url + f"mo-hinh/{MODEL}/"
    page.goto(address, wait_until="networkidle")
    assert not page.locator(".mh-print-meta").is_visible()  # on screen the page does not repeat it
    page.emulate_media(media="print")
    meta = page.locator(".mh-print-meta")
    assert meta.is_visible()
    assert page.locator("h1").first.evaluate("h => getComputedStyle(h).color") == "rgb(0, 0, 0)"

    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    today = dt.date.today()
    assert "Mô hình tự quản về an ninh trật tự" in text
    assert address in text.replace(" ", "") or address in text  # long addresses may wrap
    assert f"In ngày {today:%d/%m/%Y}" in text
    assert f"Cập nhật lần cuối: {updated}" in text
