"""The CI and pre-commit templates shipped for offices: check every change, publish the main branch."""

from __future__ import annotations

import re

import yaml

from conftest import REPO


def load(rel: str) -> dict:
    return yaml.safe_load((REPO / rel).read_text(encoding="utf-8"))


def test_github_checks_pull_requests_and_deploys_main_to_pages() -> None:
    workflow = load(".github/workflows/site.yml")
    assert {"pull_request", "push"} <= set(workflow[True])  # YAML 1.1 reads the key `on` as True
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    steps = build["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0  # whole history: dates from git
    runs = [s.get("run") for s in steps]
    assert runs.index("mohinh check") < runs.index("mohinh build")
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site" and "refs/heads/main" in upload["if"]
    assert deploy["needs"] == "build" and "pull_request" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_gitlab_checks_merge_requests_and_publishes_public() -> None:
    ci = load(".gitlab-ci.yml")
    assert ci["variables"]["GIT_DEPTH"] == "0"
    assert ci["check"]["script"] == ["mohinh check", "mohinh build"]
    assert ci["check"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    pages = ci["pages"]
    assert pages["script"][-1] == "rm -rf public && mv site public"
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]


def test_pre_commit_runs_check_when_records_change() -> None:
    hooks = {h["id"]: h for h in load(".pre-commit-config.yaml")["repos"][0]["hooks"]}
    check = hooks["mohinh-check"]
    assert check["entry"] == "mohinh check" and check["pass_filenames"] is False
    pattern = re.compile(check["files"])
    assert pattern.search("models/bac-kan.yml") and pattern.search("models/_sources.yml")
    assert not pattern.search("content/index.md")


def test_ci_installs_what_requirements_txt_names() -> None:
    """Both templates install `requirements.txt`: this project's names itself (``-e .``), a unit's the released
    package (`mohinh init` copies the templates as they are)."""
    steps = load(".github/workflows/site.yml")["jobs"]["build"]["steps"]
    assert "python -m pip install -r requirements.txt" in [s.get("run") for s in steps]
    assert load(".gitlab-ci.yml")["before_script"] == ["python -m pip install -r requirements.txt"]
    lines = [line for line in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert lines == ["-e ."]
