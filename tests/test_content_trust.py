"""Content a reader can trust: every status dated, places right across the 2025 reorganisations unit by
unit, forces replaced by law said so, hand-written pages stating no count of their own, counts as integers."""

from __future__ import annotations

import csv
import json
import re

from conftest import REPO
from mohinh import places

DATA = REPO / "scripts" / "mohinh" / "data"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_every_former_province_has_its_own_date_and_legal_basis() -> None:
    rows = list(csv.DictReader((DATA / "provinces.csv").open(encoding="utf-8")))
    former = [row for row in rows if row["current"] == "0"]
    assert len(former) == 30  # 63 provinces became 34: 29 merged, and Thừa Thiên Huế became the city of Huế
    for row in former:
        if row["name"] == "Thừa Thiên Huế":
            assert (row["changed_on"], row["legal_basis"][:27]) == ("01/01/2025", "Nghị quyết 175/2024/QH15 củ")
        else:
            assert row["changed_on"] == "01/07/2025" and row["legal_basis"].startswith("Nghị quyết 202/2025/QH15"), row
    provenance = (DATA / "PLACES-PROVENANCE.md").read_text(encoding="utf-8")
    assert "175/2024/QH15" in provenance and "01/01/2025" in provenance and "12/06/2025" in provenance


def test_a_former_units_page_gives_its_own_date(repo_site) -> None:
    hue = text_of(repo_site.html("dia-phuong/thua-thien-hue/index.html"))
    assert "Từ ngày 01/01/2025, tỉnh Thừa Thiên Huế trở thành thành phố Huế trực thuộc trung ương" in hue
    assert "Nghị quyết 175/2024/QH15" in hue and "01/07/2025" not in hue
    kon_tum = text_of(repo_site.html("dia-phuong/kon-tum/index.html"))
    assert "Từ ngày 01/07/2025, tỉnh Kon Tum được sắp xếp vào tỉnh Quảng Ngãi" in kon_tum
    assert "Nghị quyết 202/2025/QH15" in kon_tum


def test_a_reported_district_says_it_no_longer_exists(repo_site) -> None:
    page = text_of(repo_site.html("mo-hinh/dak-to-re-to-tu-quan/index.html"))
    assert "huyện Kon Rẫy (cấp huyện không còn từ 01/07/2025), tỉnh Kon Tum — nay thuộc" in page
    view = places.describe_location("Hà Tĩnh", "thị xã Kỳ Anh", "phường Kỳ Long")
    assert "thị xã Kỳ Anh (cấp huyện không còn từ 01/07/2025)" in view.text
    assert view.now_text is not None and view.now_text.endswith("(từ 01/07/2025)")


def test_every_model_page_dates_its_status(repo_site) -> None:
    pages = sorted((repo_site.root / "site" / "mo-hinh").glob("*/index.html"))
    assert len(pages) > 50
    for page in pages:
        text = text_of(page.read_text(encoding="utf-8"))
        assert re.search(r"Tình trạng (Thí điểm|Đang hoạt động|Đang nhân rộng|Tạm dừng|Đã kết thúc) \(theo nguồn ", text), page
        assert "Mức thông tin" in text, page


def test_a_force_replaced_by_law_is_said_near_the_top(repo_site) -> None:
    html = repo_site.html("mo-hinh/hue-ban-bao-ve-dan-pho/index.html")
    start = html.index('<div class="admonition warning">')
    warning = text_of(html[start:html.index("</div>", start)])
    assert "Từ 01/07/2024, theo Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở (Luật số 30/2023/QH15)" in warning
    assert "Tổ bảo vệ an ninh, trật tự ở cơ sở" in warning and "trước thời điểm đó" in warning
    assert start < html.index('id="ket-qua"')  # near the top: before the first section


def test_hand_written_pages_state_no_count_of_their_own() -> None:
    """Counts of what the site holds come from the catalogue (`<!-- mohinh:... -->`), never typed by hand; a
    figure a page cites from a source (``[4]``) is the source's, not the site's."""
    for page in sorted((REPO / "content").rglob("*.md")):
        text = re.sub(r"```.*?```|`[^`\n]*`", "", page.read_text(encoding="utf-8"), flags=re.S)  # examples of records
        sentences = re.split(r"(?<=[.!?])\s+|\n\n", text)
        found = [hit for sentence in sentences if not re.search(r"\[\d+\]", sentence)
                 for hit in re.findall(r"\b\d[\d.]*\s+(?:mô hình|tỉnh|xã|hồ sơ)\b", sentence)]
        assert found == [], (page.name, found)
        for claim in ("khắp cả nước", "Mỗi mô hình có tiêu chí"):
            assert claim not in text, (page.name, claim)


def test_the_national_picture_is_sourced_and_the_share_is_computed(repo_site) -> None:
    about = text_of(repo_site.html("gioi-thieu/index.html"))
    assert "cả nước có hơn 2.500 mô hình với gần 124.000 điểm nhân rộng và gần 1.100 điển hình tiên tiến" in about
    models = len(list((repo_site.root / "site" / "mo-hinh").glob("*/index.html")))
    share = f"{models * 100 / 2500:.1f}".replace(".", ",")
    assert f"Trang này mới giới thiệu {models} mô hình, khoảng {share}% con số cả nước" in about
    assert "nhandan.vn" in repo_site.html("gioi-thieu/index.html")


def test_open_data_counts_are_integers(repo_site) -> None:
    data = json.loads((repo_site.root / "site" / "du-lieu" / "mo-hinh.json").read_text(encoding="utf-8"))
    values = [r["value"] for m in data["models"] for r in m["record"].get("results", [])]
    assert 847 in values and all(isinstance(v, int) for v in values if float(v).is_integer())
    assert '"value": 847.0' not in (repo_site.root / "site" / "du-lieu" / "mo-hinh.json").read_text(encoding="utf-8")


def test_the_site_shows_models_in_at_least_fourteen_of_todays_provinces(repo_site) -> None:
    today = {p.slug for p in places.current_provinces()}
    pages = {p.name for p in (repo_site.root / "site" / "dia-phuong").iterdir() if p.is_dir()}
    assert len(today & pages) >= 14, sorted(today & pages)


def test_every_source_has_a_publisher_and_an_address_or_says_why_not() -> None:
    import yaml

    files = sorted((REPO / "models" / "_sources").glob("*.yml"))  # one source a file, as the web editor writes them
    sources = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in files}
    assert len(sources) >= 40
    for key, source in sources.items():
        assert source.get("title") and source.get("date"), key
        assert source.get("publisher") or source.get("author"), key
        assert source.get("url") or "không" in (source.get("note") or ""), key
