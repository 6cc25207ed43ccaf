"""Property: whatever text lands in models/, `mohinh check` answers with messages and exit 0 or 1, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import BAC_KAN, make_project
from mohinh.catalogue import load_catalogue
from mohinh.errors import InvalidRecords

TOKENS = list("abcđêố: -\n\t[]{}&*!|>'\"#%@`,.0123456789\ufeff") + ["76.303", "null", "true", "value: ", "- "]
YAMLISH = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)
LINES = BAC_KAN.splitlines(keepends=True)


@st.composite
def mangled_record(draw) -> str:
    """The valid record with a random span replaced by random YAML-ish text."""
    start = draw(st.integers(0, len(LINES)))
    end = draw(st.integers(start, len(LINES)))
    return "".join(LINES[:start]) + draw(YAMLISH) + "".join(LINES[end:])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(YAMLISH, mangled_record()))
@example(text="{a")  # once crashed: a brace in a message given to str.format
@example(text="name: \"{x")
def test_check_never_crashes(tmp_path_factory, text: str) -> None:
    project = make_project(tmp_path_factory.mktemp("prop") / "p", with_records=False)
    project.write("models/thu.yml", text)
    try:
        load_catalogue(project.root)
    except InvalidRecords as exc:
        assert exc.problems and all(str(p).startswith("models/") for p in exc.problems)
