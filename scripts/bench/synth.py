"""Seeded, realistic synthetic records for benchmarks: N valid models with every section filled."""

from __future__ import annotations

import random
from pathlib import Path

from mohinh.places import all_provinces

KINDS = [
    ("Tiếng kẻng an ninh", "tuan-tra-canh-bao", "thon-to-dan-pho"),
    ("Tổ liên gia tự quản về an ninh trật tự", "hoa-giai-co-so", "ho-gia-dinh"),
    ("Camera an ninh", "camera-cong-nghe", "xa-phuong"),
    ("Dòng họ tự quản về an ninh trật tự", "phong-chong-toi-pham", "dong-ho"),
    ("Giáo họ an toàn, gia đình hòa thuận", "hoa-giai-co-so", "co-so-ton-giao"),
    ("Trường học an toàn về an ninh trật tự", "tuyen-truyen-phap-luat", "truong-hoc"),
    ("Doanh nghiệp an toàn về an ninh trật tự", "bao-ve-tai-san-phong-chay-no", "co-quan-doanh-nghiep"),
    ("Cựu chiến binh tham gia giữ gìn an ninh trật tự", "phong-chong-toi-pham", "doan-the"),
    ("Tổ tự quản về an toàn giao thông", "trat-tu-an-toan-giao-thong", "thon-to-dan-pho"),
    ("Giúp đỡ người chấp hành xong án phạt tù", "giup-do-nguoi-lam-loi", "thon-to-dan-pho"),
]
PLACES = ["Hòa Bình", "Tân Lập", "Đông Hưng", "Phú Xuân", "Kim Long", "Quyết Thắng", "Bình Minh", "Đồng Tâm",
          "Thống Nhất", "Hưng Đạo", "Trung Sơn", "An Phú", "Hồng Phong", "Nam Sơn", "Tiến Thành"]
STATUSES = ["active", "active", "replicating", "pilot", "paused"]


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def record_text(i: int, rng: random.Random, provinces: list[str], sources: list[str]) -> str:
    """One record, as an officer would write it."""
    name, topic, community = KINDS[i % len(KINDS)]
    place = rng.choice(PLACES)
    province = rng.choice(provinces)
    other_topic = rng.choice([k[1] for k in KINDS])
    source = rng.choice(sources)
    year = rng.randint(2015, 2024)
    households = rng.randint(40, 90000)
    villages = rng.randint(5, 400)
    lines = [
        f"name: {_q(f'{name} {place} số {i}')}",
        f"summary: {_q(f'Mô hình {name.lower()} ở {place}, {province}: người dân cùng tự phòng, tự quản, tự bảo vệ và tự hòa giải, phối hợp với Công an xã giữ gìn an ninh trật tự.')}",
        f"status: {rng.choice(STATUSES)}",
        f"topics: [{topic}{', ' + other_topic if other_topic != topic else ''}]",
        f"community: {community}",
        f"started: {year}",
        f"lead: {_q(f'Công an xã {place}')}",
        "partners: [Mặt trận Tổ quốc xã, Hội Cựu chiến binh, Đoàn Thanh niên]",
        "motto: Tự phòng, tự quản, tự bảo vệ, tự hòa giải",
        "criteria:",
        "  - Mỗi tổ từ 15 đến 30 hộ gia đình, bầu một tổ trưởng có uy tín.",
        "  - Họp định kỳ hằng tháng, có sổ ghi chép tình hình.",
        "  - Không có người vi phạm pháp luật nghiêm trọng trong năm.",
        "locations:",
        f"  - province: {_q(province)}",
        f"    commune: {_q(f'xã {place}')}",
        f"    place: {_q(f'thôn {rng.choice(PLACES)}')}",
        "results:",
        "  - label: Hộ gia đình tham gia",
        f"    value: {households}",
        "    unit: hộ",
        f"    as_of: 10/{year + 1}",
        f"    source: {source}",
        "  - label: Thôn, tổ dân phố có mô hình",
        f"    value: {villages}",
        f"    total: {villages + rng.randint(0, 300)}",
        "    unit: thôn, tổ dân phố",
        "    scope: toàn huyện",
        f"    as_of: {year + 1}",
        f"    source: {source}",
        "lessons:",
        "  - Cấp ủy, chính quyền quan tâm chỉ đạo thì mô hình mới bền vững.",
        "  - Chọn người có uy tín làm nòng cốt, tuyên truyền thường xuyên, đa dạng.",
        "limitations:",
        "  - Kinh phí hoạt động còn hạn chế.",
        "replication:",
        "  prerequisites: [Cấp ủy, chính quyền xã thống nhất chủ trương]",
        "  steps:",
        "    - title: Khảo sát tình hình an ninh trật tự của thôn",
        "      who: Công an xã",
        "      when: Tháng đầu",
        "    - title: Họp dân, bầu tổ trưởng, thông qua quy ước",
        "      who: Trưởng thôn, Mặt trận",
        "    - title: Ra mắt mô hình và sơ kết sau 6 tháng",
        "      who: Ủy ban nhân dân xã",
        "  indicators: [Số vụ việc được hòa giải thành, Số tin báo tội phạm]",
        "  pitfalls: [Lập mô hình cho có, không duy trì sinh hoạt]",
        "updates:",
        f"  - date: 03/{year + 1}",
        "    title: Sơ kết một năm hoạt động",
        "    text: Mô hình được **biểu dương** tại hội nghị sơ kết.",
        f"sources: [{source}]",
    ]
    return "\n".join(lines) + "\n"


def write_project_models(models_dir: Path, count: int, seed: int = 2025) -> None:
    """Write ``count`` records and a ``_sources.yml`` into ``models_dir`` (vocabularies are copied by the caller)."""
    rng = random.Random(seed)
    provinces = [p.name for p in all_provinces()]
    sources = [f"nguon-{i:04d}" for i in range(max(1, count // 5))]
    models_dir.mkdir(parents=True, exist_ok=True)
    with open(models_dir / "_sources.yml", "w", encoding="utf-8") as handle:
        for sid in sources:
            handle.write(f"{sid}:\n  title: Bài viết về mô hình tự quản số {sid[-4:]}\n  date: 2025\n")
    for i in range(count):
        (models_dir / f"mo-hinh-{i:05d}.yml").write_text(record_text(i, rng, provinces, sources), encoding="utf-8")


#: What `edit_first_model` puts before the first synthetic model's name.
EDIT = "Bản sửa: "


def edit_first_model(models_dir: Path) -> tuple[Path, str]:
    """An officer's edit: the first synthetic model renamed (`EDIT` before its name); its record and the text it
    had, to put back."""
    record = sorted(models_dir.glob("mo-hinh-*.yml"))[0]
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace('name: "', f'name: "{EDIT}', 1), encoding="utf-8")
    return record, text
