"""Property: whatever text or bytes land in models/, `mohinh check` answers with messages and exit 0 or 1,
never a crash: each problem is one line `tệp:dòng:cột: ...`, then the summary."""

from __future__ import annotations

import contextlib
import os
import re

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from conftest import BAC_KAN, Project, make_project
from mohinh.cli import main

# In CI the same examples every run (derandomised): a red build is never a new random draw. Locally,
# new draws each run keep looking for crashes.
settings.register_profile("ci", derandomize=True, max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("local", max_examples=150, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "local")

TOKENS = list("abcđêố: -\n\t[]{}&*!|>'\"#%@`,.0123456789\ufeff") + ["76.303", "null", "true", "value: ", "- "]
YAMLISH = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)
LINES = BAC_KAN.splitlines(keepends=True)
# Bytes no UTF-8 decoder accepts: lone continuation bytes, cut sequences, overlongs, surrogates, 0xFF.
NOT_UTF8 = st.sampled_from([b"\xff", b"\xfe", b"\x80", b"\xc3", b"\xc3(", b"\xe1\xba", b"\xc0\xaf", b"\xed\xa0\x80",
                            b"\xf5\x80\x80\x80", "Bình yên".encode("latin-1"), "Bắc".encode("utf-16")])

PROBLEM = re.compile(r"^models/[^:\n]+:([1-9]\d*):([1-9]\d*): \S")
ERRORS = re.compile(r"^[1-9]\d* lỗi trong [1-9]\d* tệp(, \d+ cảnh báo)?\.$")
VALID = re.compile(r"^\d+ mô hình, \d+ nguồn\. Không có lỗi(, \d+ cảnh báo)?\.$")


@st.composite
def mangled_record(draw) -> str:
    """The valid record with a random span replaced by random YAML-ish text."""
    start = draw(st.integers(0, len(LINES)))
    end = draw(st.integers(start, len(LINES)))
    return "".join(LINES[:start]) + draw(YAMLISH) + "".join(LINES[end:])


@st.composite
def not_utf8(draw) -> bytes:
    """YAML-ish text, or the valid record mangled, with bytes that are not UTF-8 put in at a random place."""
    data = draw(st.one_of(YAMLISH, mangled_record())).encode("utf-8")
    at = draw(st.integers(0, len(data)))
    return data[:at] + draw(NOT_UTF8) + data[at:]


CONTENT = st.one_of(
    YAMLISH.map(str.encode),
    mangled_record().map(str.encode),
    not_utf8(),
    st.binary(max_size=120),
)


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Project:
    """One project for every example; each example writes models/thu.yml and removes it."""
    return make_project(tmp_path_factory.mktemp("prop") / "p", with_records=False)


@given(data=CONTENT)
@example(data=b"{a")  # once crashed: a brace in a message given to str.format
@example(data=b'name: "{x')
@example(data=BAC_KAN.encode())  # the valid record: exit 0
@example(data=BAC_KAN.encode()[:40] + b"\xff" + BAC_KAN.encode()[40:])
@example(data=BAC_KAN.encode("utf-16"))
@example(data=b"\xef\xbb\xbf\x80")  # a BOM, then a byte that is not UTF-8: "not UTF-8" must be told
def test_check_command_never_crashes(shared: Project, data: bytes) -> None:
    record = shared.models / "thu.yml"
    record.write_bytes(data)
    try:
        with contextlib.chdir(shared.root):
            result = CliRunner().invoke(main, ["check"])
    finally:
        record.unlink()
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output
    event(f"mohinh check thoát mã {result.exit_code}")
    *problems, summary = result.output.splitlines()
    assert [line for line in problems if not PROBLEM.match(line)] == []
    if result.exit_code == 1:
        assert problems and ERRORS.match(summary), summary
        assert any("cảnh báo:" not in line for line in problems)
    else:
        assert VALID.match(summary), summary
        assert all(" cảnh báo: " in line for line in problems)
    if not _is_utf8(data):
        event("không phải UTF-8")
        assert result.exit_code == 1 and "tệp không phải UTF-8 (có byte không đọc được)" in result.output


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
