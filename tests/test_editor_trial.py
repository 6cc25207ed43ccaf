"""``mohinh editor`` (``bash run.sh editor``): the web editor tried on the officer's machine.

The trial runs on its own clone of the repository, so Decap's local backend (``decap-server``, which
commits with ``git add .``) never touches what the officer has not committed; it listens on 127.0.0.1 only;
the site is built once and served as it is (no live reload, so no reload loop).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO, make_project

DECAP_SERVER = REPO / "tests" / "cms" / "node_modules" / "decap-server" / "dist" / "index.js"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Cán bộ", "-c", "user.email=can-bo@example.vn", *args], cwd=root,
                          check=True, capture_output=True, text=True).stdout


def _listening(port: int) -> set[str]:
    """Local addresses (hex, as /proc/net/tcp writes them) listening on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if int(hex_port, 16) == port and state == "0A":
                found.add(address)
    return found


def test_the_trial_never_touches_uncommitted_files_and_listens_on_loopback_only(tmp_path) -> None:
    if not DECAP_SERVER.exists() or shutil.which("node") is None:
        if os.environ.get("CI"):
            pytest.fail("decap-server is missing: `npm ci --prefix tests/cms` (bash run.sh test does it)")
        pytest.skip("decap-server is not installed: npm ci --prefix tests/cms")
    project = make_project(tmp_path / "p")
    root = project.root
    shutil.copy(REPO / ".gitignore", root / ".gitignore")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "Bắt đầu")
    project.write("models/ban-nhap.yml", "name: Bản nháp chưa commit\n")  # untracked
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config + "# sửa chưa commit\n", encoding="utf-8")  # uncommitted
    port, proxy_port = _free_port(), _free_port()
    trial = subprocess.Popen([str(Path(sys.executable).parent / "mohinh"), "editor", "--port", str(port),
                              "--proxy-port", str(proxy_port), "--decap-server", str(DECAP_SERVER)],
                             cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             env={**os.environ, "GIT_AUTHOR_NAME": "Cán bộ", "GIT_AUTHOR_EMAIL": "can-bo@example.vn",
                                  "GIT_COMMITTER_NAME": "Cán bộ", "GIT_COMMITTER_EMAIL": "can-bo@example.vn"})
    said: list[str] = []
    try:
        deadline = time.monotonic() + 240
        while not any(line.startswith("Mở http://") for line in said):
            line = trial.stdout.readline()
            assert line or trial.poll() is None, "".join(said)
            said.append(line)
            assert time.monotonic() < deadline, "".join(said)
        text = "".join(said)
        assert "2 tệp chưa commit không có trong bản thử" in text and "models/ban-nhap.yml" in text, text
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/quan-tri/config.yml").read().decode("utf-8")
        assert f"proxy_url: http://localhost:{proxy_port}/api/v1" in page
        assert _listening(proxy_port) <= {"0100007F"} and _listening(proxy_port), _listening(proxy_port)
        assert _listening(port) == {"0100007F"}

        def ask(action: str, params: dict) -> dict:
            request = urllib.request.Request(f"http://127.0.0.1:{proxy_port}/api/v1", method="POST",
                                             data=json.dumps({"action": action, "params": params}).encode("utf-8"),
                                             headers={"Content-Type": "application/json"})
            return json.loads(urllib.request.urlopen(request).read())

        raw = (root / "models" / "bac-kan-ho-an-toan.yml").read_text(encoding="utf-8").replace("status: replicating",
                                                                                                 "status: active")
        ask("persistEntry", {"branch": "main", "entry": {"slug": "bac-kan-ho-an-toan", "path": "models/bac-kan-ho-an-toan.yml",
                                                        "raw": raw}, "assets": [],
                             "options": {"collectionName": "mo-hinh", "commitMessage": "Sửa mô hình (trình soạn thảo)",
                                         "useWorkflow": True, "status": "draft"}})
        copy = root / ".mohinh" / "soan-thu"
        changed = _git(copy, "diff", "--name-only", "main", "cms/mo-hinh/bac-kan-ho-an-toan").split()
        assert changed == ["models/bac-kan-ho-an-toan.yml"]  # nothing else swept into the review
        # The officer's folder: as it was, the untracked draft and the uncommitted change included.
        assert (root / "models" / "ban-nhap.yml").read_text(encoding="utf-8") == "name: Bản nháp chưa commit\n"
        assert (root / "mkdocs.yml").read_text(encoding="utf-8").endswith("# sửa chưa commit\n")
        assert "status: replicating" in (root / "models" / "bac-kan-ho-an-toan.yml").read_text(encoding="utf-8")
        assert "cms/" not in _git(root, "branch", "--list")
        assert _git(root, "status", "--porcelain").split("\n")[0].strip() == "M mkdocs.yml"
        _git(root, "fetch", "-q", ".mohinh/soan-thu", "refs/heads/cms/*:refs/heads/cms/*")  # as the trial says
        assert "cms/mo-hinh/bac-kan-ho-an-toan" in _git(root, "branch", "--list")
    finally:
        trial.send_signal(signal.SIGINT)
        try:
            trial.wait(timeout=20)
        except subprocess.TimeoutExpired:
            trial.kill()
    assert _listening(proxy_port) == set()  # the local backend stopped with the trial
