"""Update the vendored Be Vietnam Pro typeface (SIL Open Font License 1.1) from PyPI.

    .venv/bin/pip install "fonttools[woff]"        # once: the subsetter and its WOFF2 compressor
    .venv/bin/python scripts/update_fonts.py         # the version pinned below
    .venv/bin/python scripts/update_fonts.py --version 1.3

Downloads the wheel ``fontpkg-be-vietnam-pro`` (the family's upstream TTF files with their OFL licence)
with pip, keeps only the Latin and Vietnamese letters (the ranges below), and writes:

``scripts/mohinh/data/fonts/be-vietnam-pro-<weight>.woff2`` with ``OFL.txt`` and ``PROVENANCE.md``: the build
publishes them under ``assets/fonts/`` (``mohinh.outputs.fonts``; declared in ``scripts/mohinh/theme/assets/fonts.css``) and
draws the share cards with them (Pillow reads WOFF2).

The build itself never runs this, needs neither Node nor fontTools, and makes no request.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOLDER = REPO / "scripts" / "mohinh" / "data" / "fonts"
PACKAGE = "fontpkg-be-vietnam-pro"
VERSION = "1.2"
WEIGHTS = {400: "Regular", 600: "SemiBold", 700: "Bold"}
# Google Fonts' "latin" and "vietnamese" subsets (the ranges @fontsource/be-vietnam-pro declares), as one.
UNICODE_RANGE = ("U+0000-00FF, U+0102-0103, U+0110-0111, U+0128-0129, U+0131, U+0152-0153, U+0168-0169, "
                 "U+01A0-01A1, U+01AF-01B0, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0300-0301, U+0303-0304, "
                 "U+0308-0309, U+0323, U+0329, U+1EA0-1EF9, U+2000-206F, U+20AB, U+20AC, U+2122, U+2191, "
                 "U+2193, U+2212, U+2215, U+FEFF, U+FFFD")


def _codepoints(ranges: str) -> list[int]:
    points: list[int] = []
    for part in ranges.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points += range(int(first, 16), int(last or first, 16) + 1)
    return points


def _subset(ttf: bytes) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(ttf), recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = ["*"]  # keep the marks' positioning: stacked Vietnamese diacritics
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False  # phones and desktops render Be Vietnam Pro unhinted; halves the files
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=_codepoints(UNICODE_RANGE))
    subsetter.subset(font)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", default=VERSION, help=f"phiên bản gói {PACKAGE} (mặc định {VERSION})")
    args = parser.parse_args()
    try:
        import brotli  # noqa: F401
        import fontTools  # noqa: F401
    except ImportError:
        print('Cần fontTools: .venv/bin/pip install "fonttools[woff]"', file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary", ":all:",
                        f"{PACKAGE}=={args.version}", "-d", tmp], check=True)
        wheel = next(Path(tmp).glob("*.whl"))
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
            licence = archive.read(next(n for n in names if n.endswith("/LICENSE") and ".dist-info" not in n))
            fonts = {w: archive.read(next(n for n in names if n.endswith(f"BeVietnamPro-{style}.ttf")))
                     for w, style in WEIGHTS.items()}
    lines = []
    FOLDER.mkdir(parents=True, exist_ok=True)
    for old in FOLDER.glob("be-vietnam-pro-*.woff2"):
        old.unlink()
    for weight, ttf in fonts.items():
        data = _subset(ttf)
        path = FOLDER / f"be-vietnam-pro-{weight}.woff2"
        path.write_bytes(data)
        lines.append(f"| `{path.name}` | {weight} | {len(data):,} | `{hashlib.sha256(data).hexdigest()[:16]}` |")
    (FOLDER / "OFL.txt").write_bytes(licence)
    provenance = PROVENANCE.format(package=PACKAGE, version=args.version, digest=digest,
                                   ranges=UNICODE_RANGE, files="\n".join(lines))
    (FOLDER / "PROVENANCE.md").write_text(provenance, encoding="utf-8")
    print("\n".join(lines))
    return 0


PROVENANCE = """# Phông chữ Be Vietnam Pro: nguồn và giấy phép

- Phông: **Be Vietnam Pro** (Copyright 2021 The Be Vietnam Pro Project Authors,
  https://github.com/bettergui/BeVietnamPro), phiên bản phông 1.002, giấy phép **SIL Open Font License 1.1**
  (`OFL.txt` bên cạnh). Phông được thiết kế cho tiếng Việt: dấu chồng (ầ, ẩ, ễ, ộ…) đặt gọn, không đè lên dòng trên.
- Lấy từ: gói PyPI `{package}` {version} (các tệp TTF gốc của phông kèm giấy phép OFL), sha256 của tệp wheel
  `{digest}`.
- Cách làm: `scripts/update_fonts.py` (fontTools) chỉ giữ chữ Latinh và tiếng Việt (`unicode-range` dưới đây, là
  hai tập "latin" và "vietnamese" của Google Fonts gộp làm một), giữ nguyên các bảng định vị dấu, bỏ hinting, ghi
  dạng WOFF2. Công cụ dựng xuất bản các tệp này ở `assets/fonts/` (khai báo `@font-face` trong
  `scripts/mohinh/theme/assets/fonts.css`, `font-display: swap`) và vẽ thẻ chia sẻ của trang mô hình bằng chính các tệp này.
  Tên phông không đổi: OFL cho phép phân phối bản rút gọn kèm giấy phép; không bán riêng phông.
- Chạy lại: `.venv/bin/pip install "fonttools[woff]"` rồi `.venv/bin/python scripts/update_fonts.py`.
- `unicode-range`: {ranges}

| tệp | độ đậm | byte | sha256 (16 ký tự đầu) |
|---|---|---|---|
{files}
"""


if __name__ == "__main__":
    sys.exit(main())
