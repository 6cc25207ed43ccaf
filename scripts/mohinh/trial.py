"""``mohinh editor``: the web editor tried on one's own machine, without a git host or an account.

What an officer runs (``bash run.sh editor``) and what it does:

- The project's git repository is copied (``git clone``, the first time; fetched again afterwards) into
  `TRIAL_FOLDER`, a working copy of its own. Decap's local git backend (``decap-server``) checks out
  branches and commits with ``git add .`` there, never in the officer's folder: uncommitted and untracked
  files cannot be swept into a review or deleted with one. What was not committed is not in the trial, and
  the command says which files.
- The site is built once from that copy and served as it is (no live reload: checking out a review branch
  cannot start a rebuild, so there is no reload loop whatever waits for review); ``/quan-tri/`` is set to the
  local backend, whatever ``mkdocs.yml`` says.
- ``decap-server`` listens on 127.0.0.1 only.

Reviews made in the trial are branches ``cms/...`` of the copy; `bring_back` says how to fetch them.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import MohinhError
from .paths import LOCAL_DIR

TRIAL_FOLDER = LOCAL_DIR / "soan-thu"
DECAP_SERVER = Path("tests") / "cms" / "node_modules" / "decap-server" / "dist" / "index.js"
HOST = "127.0.0.1"


class TrialError(MohinhError):
    """The trial cannot start; the message says what to do."""


@dataclass(frozen=True)
class Trial:
    """A working copy for the trial: its git folder, the project inside it, the branch reviews merge into."""

    top: Path
    project: Path
    branch: str
    uncommitted: tuple[str, ...]


def _git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=check)


def prepare(root: Path) -> Trial:
    """The trial's working copy of the project at ``root``, made or brought up to date with its last commit."""
    if shutil.which("git") is None:
        raise TrialError("không tìm thấy chương trình git. Cách sửa: cài git (sudo apt-get install git)")
    found = _git(root, "rev-parse", "--show-toplevel", check=False)
    if found.returncode != 0:
        raise TrialError("thư mục dự án chưa là kho git, nên trình soạn thảo không có nơi lưu. Cách sửa: chạy "
                         "`git init`, `git add -A`, `git commit -m \"Bắt đầu\"` trong thư mục dự án rồi chạy lại")
    top = Path(found.stdout.strip()).resolve()
    branch = _git(top, "branch", "--show-current").stdout.strip()
    if not branch or _git(top, "rev-parse", "--verify", "-q", "HEAD", check=False).returncode != 0:
        raise TrialError("kho git chưa có commit nào trên một nhánh. Cách sửa: `git add -A` rồi "
                         "`git commit -m \"Bắt đầu\"`, hoặc `git checkout main`, rồi chạy lại")
    status = _git(top, "status", "--porcelain", "--untracked-files=all").stdout.splitlines()
    trial_rel = (root.resolve() / TRIAL_FOLDER).relative_to(top).as_posix()
    uncommitted = tuple(sorted(line[3:] for line in status if not line[3:].startswith(trial_rel.split("/")[0] + "/")))
    copy = root.resolve() / TRIAL_FOLDER
    if not (copy / ".git").is_dir():
        copy.parent.mkdir(parents=True, exist_ok=True)
        _git(copy.parent, "clone", "-q", str(top), copy.name)
    else:
        _git(copy, "fetch", "-q", "origin")
    if _git(copy, "rev-parse", "--verify", "-q", f"refs/heads/{branch}", check=False).returncode != 0:
        _git(copy, "branch", branch, f"origin/{branch}")
    _git(copy, "checkout", "-q", branch)
    merged = _git(copy, "merge", "-q", "--ff-only", f"origin/{branch}", check=False)
    if merged.returncode != 0:
        raise TrialError(f"bản thử {TRIAL_FOLDER.as_posix()} có mục đã công bố mà nhánh {branch} của kho chưa có, "
                         f"và nhánh {branch} cũng đã có commit mới. Cách sửa: đưa các mục đó về "
                         f"({bring_back(root)}), hoặc xóa thư mục {TRIAL_FOLDER.as_posix()} để thử lại từ đầu")
    exclude = copy / ".git" / "info" / "exclude"
    exclude.parent.mkdir(parents=True, exist_ok=True)
    rules = ("site/", ".site-*/")
    present = exclude.read_text(encoding="utf-8") if exclude.exists() else ""
    if not all(rule in present.splitlines() for rule in rules):
        exclude.write_text(present + "".join(f"{rule}\n" for rule in rules), encoding="utf-8")
    project = copy / root.resolve().relative_to(top)
    return Trial(copy, project, branch, uncommitted)


def bring_back(root: Path) -> str:
    """The git command that brings the trial's reviews (branches ``cms/...``) into the officer's repository."""
    return f"git fetch {TRIAL_FOLDER.as_posix()} 'refs/heads/cms/*:refs/heads/cms/*'"


def decap_server(root: Path, given: str | None = None) -> Path:
    """Decap's local git backend: ``given``, or the one ``npm ci --prefix tests/cms`` installs."""
    candidates = [Path(given)] if given else [root / DECAP_SERVER]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise TrialError("chưa cài decap-server (máy chủ git cục bộ của trình soạn thảo, cần Node.js). Cách sửa: chạy "
                     "`bash run.sh editor` (tự cài bằng `npm ci --prefix tests/cms`)")


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def run(root: Path, *, port: int = 8000, proxy_port: int = 8081, server: str | None = None,
        say=print) -> int:  # noqa: ANN001 - a function printing a line
    """Prepare the trial, build its site once, serve it and Decap's local backend on 127.0.0.1 until stopped."""
    from .build import build_site
    from .catalogue import load_catalogue
    from .outputs import editor
    from .render import Site

    program = decap_server(root, server)
    if shutil.which("node") is None:
        raise TrialError("không tìm thấy Node.js (cần cho decap-server). Cách sửa: sudo apt-get install nodejs npm")
    for wanted, what in ((port, "--port"), (proxy_port, "--proxy-port")):
        if not _port_free(wanted):
            raise TrialError(f"cổng {wanted} đang bận (có thể `mohinh serve` hay một lần thử khác đang chạy). "
                             f"Cách sửa: dừng chương trình đó, hoặc chọn cổng khác bằng {what}")
    trial = prepare(root)
    if trial.uncommitted:
        shown = ", ".join(trial.uncommitted[:5]) + (f" và {len(trial.uncommitted) - 5} tệp khác" if len(trial.uncommitted) > 5 else "")
        say(f"Lưu ý: {len(trial.uncommitted)} tệp chưa commit không có trong bản thử (và không bị đụng tới): {shown}. "
            "Muốn thử cả chúng thì commit trước.")
    say(f"Dựng trang từ bản thử {TRIAL_FOLDER.as_posix()} (nhánh {trial.branch})...")
    site = build_site(trial.project)
    local = editor.settings({"local": f"http://localhost:{proxy_port}/api/v1", "branch": trial.branch})
    for path, content in editor.make(Site(load_catalogue(trial.project), editor=local)).items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    env = {**os.environ, "MODE": "git", "PORT": str(proxy_port), "BIND_HOST": HOST, "LOG_LEVEL": "warn",
           "GIT_REPO_DIRECTORY": str(trial.top)}
    proxy = subprocess.Popen(["node", str(program)], cwd=trial.top, env=env)
    httpd = http.server.ThreadingHTTPServer((HOST, port), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        _wait_listening(proxy, proxy_port)
        if proxy.poll() is not None:
            raise TrialError("decap-server đã dừng ngay (xem thông báo phía trên). Cách sửa: chạy lại "
                             "`bash run.sh editor`; nếu vẫn lỗi, xóa thư mục node_modules trong tests/cms")
        say(f"Mở http://{HOST}:{port}/quan-tri/ và bấm Đăng nhập (không cần tài khoản).")
        say(f"Mỗi lần lưu là một nhánh cms/... trong {TRIAL_FOLDER.as_posix()}; tệp trong thư mục dự án không bị đụng tới.")
        say(f"Đưa các mục đã soạn về kho: {bring_back(root)}")
        say("Trang không tự tải lại; dừng: Ctrl-C.")
        while proxy.poll() is None:
            time.sleep(0.5)
        return proxy.returncode or 0
    except KeyboardInterrupt:
        return 0
    finally:
        httpd.shutdown()
        httpd.server_close()
        if proxy.poll() is None:
            proxy.terminate()
            try:
                proxy.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proxy.kill()


def _wait_listening(proxy: subprocess.Popen, port: int, timeout: float = 60) -> None:
    """Until decap-server takes connections on ``port`` (Node starts slowly on a busy machine), or it stopped."""
    deadline = time.monotonic() + timeout
    while proxy.poll() is None and time.monotonic() < deadline:
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
