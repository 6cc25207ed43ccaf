"""The benchmark still runs (smoke test on 20 models, the size from which a full build uses its worker; no timing
is asserted)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO


@pytest.mark.slow
def test_benchmark_prints_its_table() -> None:
    command = [sys.executable, str(REPO / "scripts" / "bench" / "bench.py"), "--models", "20", "--repeat", "1",
               "--settle", "0"]  # no wait after deletions: 20 models delete few files
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    for row in ("| `mohinh check` |", "| dựng đầy đủ / MkDocs trần |",
                "| dựng đầy đủ sau khi sửa 1 hồ sơ, giữ bộ nhớ đệm của lần trước (như CI) |", "| bộ nhớ đỉnh khi dựng (tiến trình lớn nhất) |",
                "| bộ nhớ đỉnh khi dựng (mọi tiến trình cùng lúc) |",
                "| trang mô hình lớn nhất (HTML) |", "| tải cho lần tìm đầu (Pagefind) |",
                "| dữ liệu trang tìm mô hình, so sánh (gzip) |", "| phép đo | 20 mô hình |",
                "| MkDocs: Markdown → HTML (gồm chờ trang chuyển ở tiến trình phụ) |"):
        assert row in result.stdout, row
