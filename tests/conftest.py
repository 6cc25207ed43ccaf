"""Shared fixtures: a small project in a temporary folder, built the way an officer would."""

from __future__ import annotations

import logging
import os
import shutil
import textwrap
from pathlib import Path

import pytest


def pytest_collection_modifyitems(config, items) -> None:
    """Every test that drives Chromium carries the ``browser`` marker (so ``-m "not browser"`` leaves out
    every one of them): a test using the ``browser`` fixture without it stops the run."""
    unmarked = [item.nodeid for item in items
                if "browser" in getattr(item, "fixturenames", ()) and item.get_closest_marker("browser") is None]
    if unmarked:
        raise pytest.UsageError("tests drive Chromium without @pytest.mark.browser: " + ", ".join(unmarked))

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

SOURCES = """\
bac-kan-2020-09:
  title: Bắc Kạn tiếp tục nhân rộng mô hình tự quản “Hộ an toàn - Thôn, bản, tổ dân phố bình yên” trên địa bàn tỉnh
  publisher: Công an tỉnh Bắc Kạn
  date: 08/09/2020
"""

BAC_KAN = """\
# yaml-language-server: $schema=../schema/model.schema.json
name: Hộ an toàn - Thôn, bản, tổ dân phố bình yên
summary: >-
  Mô hình tự quản trong đó từng hộ gia đình cam kết giữ an toàn, cả thôn, bản,
  tổ dân phố cùng tự phòng, tự quản, tự bảo vệ và tự hòa giải.
status: replicating
topics: [phong-chong-toi-pham, hoa-giai-co-so]
community: thon-to-dan-pho
started: 2018
lead: Công an tỉnh Bắc Kạn
motto: Tự phòng, tự quản, tự bảo vệ và tự hòa giải
locations:
  - province: Bắc Kạn
results:
  - label: Thôn, tổ dân phố đã xây dựng, nhân rộng mô hình
    value: 847
    total: 1310
    unit: thôn, tổ dân phố
    scope: 108 xã, phường, thị trấn
    as_of: 08/09/2020
    source: bac-kan-2020-09
  - label: Hộ gia đình tham gia
    value: 76303
    unit: hộ
    as_of: 08/09/2020
    source: bac-kan-2020-09
limitations:
  - Ở một số cơ sở, cấp ủy và chính quyền chưa sát sao chỉ đạo mô hình.
  - Mô hình gần như không có kinh phí hỗ trợ.
sources: [bac-kan-2020-09]
"""


class Project:
    """A throw-away mohinh project: the repo's config, content and templates, and chosen records."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.models = root / "models"

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
        return path

    def record(self, model_id: str, text: str = BAC_KAN) -> Path:
        return self.write(f"models/{model_id}.yml", text)

    def html(self, rel: str) -> str:
        return (self.root / "site" / rel).read_text(encoding="utf-8")


def make_project(root: Path, *, with_records: bool = True) -> Project:
    """Copy what a site needs from the repository into ``root`` (not the repo's records; the theme comes with the plugin)."""
    root.mkdir(parents=True, exist_ok=True)
    # The country's figures cite a source of the repository's records: a project without them goes without.
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.split("    national:\n", 1)[0], encoding="utf-8")
    shutil.copytree(REPO / "content", root / "content")
    (root / "models").mkdir()
    shutil.copy(REPO / "models" / "_vocabularies.yml", root / "models" / "_vocabularies.yml")
    project = Project(root)
    project.write("models/_sources.yml", SOURCES)
    if with_records:
        project.record("bac-kan-ho-an-toan")
    return project


#: A unit's real public address, for the tests of a site that has one (the repository's mkdocs.yml has none).
REAL_SITE_URL = "https://mohinh.donvi.gov.vn/"


def give_site_url(project: Project, site_url: str = REAL_SITE_URL) -> None:
    """Write ``site_url`` into the project's mkdocs.yml (first line)."""
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", f"site_url: {site_url}\n" + config)


def assert_search_index_complete(site: Path) -> None:
    """Every file of every Pagefind index is whole: a browser given a truncated one finds nothing."""
    import gzip
    import json

    folders = sorted(site.glob("pagefind*/pagefind-entry.json"))
    assert folders, "no search index"
    for entry_file in folders:
        folder = entry_file.parent
        entry = json.loads(entry_file.read_text(encoding="utf-8"))
        for language in entry["languages"].values():
            assert (folder / f"pagefind.{language['hash']}.pf_meta").is_file(), language
        packed = [p for p in folder.rglob("*") if p.suffix in (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind")]
        assert any(p.suffix == ".pf_fragment" for p in packed) and any(p.suffix == ".pagefind" for p in packed)
        for path in packed:
            data = gzip.decompress(path.read_bytes())  # raises on a file cut short
            assert data.startswith(b"pagefind_dcd"), path
        for path in folder.glob("*.js"):
            assert path.stat().st_size > 1000, path


def models_by_province(site: Path) -> dict[str, list[dict]]:
    """The entries of a built site's open data (``du-lieu/mo-hinh.json``) by today's province of each model's first
    place (models whose sources name no province left out): how the federation tests split one site into units."""
    import json

    groups: dict[str, list[dict]] = {}
    for model in json.loads((site / "du-lieu" / "mo-hinh.json").read_text(encoding="utf-8"))["models"]:
        if model["places"][0]["province_today"]:
            groups.setdefault(model["places"][0]["province_today"], []).append(model)
    return groups


def search_fragments(index: Path) -> dict[str, dict]:
    """Pagefind's record of each page in the index folder ``index`` (gzip; ``pagefind_dcd`` then
    JSON), by page URL."""
    import gzip
    import json

    fragments = {}
    for path in sorted(index.rglob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path.name
        fragment = json.loads(data[len(b"pagefind_dcd"):])  # still valid JSON: nothing broke out of it
        fragments[fragment["url"]] = fragment
    return fragments


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A valid one-record project; the working directory is its root."""
    proj = make_project(tmp_path / "site-project")
    monkeypatch.chdir(proj.root)
    return proj


@pytest.fixture
def mkdocs_warnings():
    """Collects every WARNING MkDocs or mohinh logs; a test fails on any it did not expect."""
    records: list[logging.LogRecord] = []

    class Collector(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Collector(level=logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)
    unexpected = [r.getMessage() for r in records if not getattr(r, "expected", False)]
    assert not unexpected, f"MkDocs warned: {unexpected}"


# --- Browser tests: Debian's Chromium driven by Playwright, against the built site on localhost ---

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]


AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script (skipped only outside CI when it is missing: `bash run.sh test` installs it)."""
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core is missing: `npm ci --prefix tests/axe` (bash run.sh test does it)")
        pytest.skip("axe-core is not installed: npm ci --prefix tests/axe")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium for the whole session (skipped only outside CI when it is missing)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing at /usr/bin/chromium: `apt-get install chromium`")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()


class StaticServer:
    """Serves a folder on 127.0.0.1 at a free port, as static hosting would."""

    def __init__(self, folder: Path) -> None:
        import functools
        import http.server
        import threading

        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _quiet_handler_base():
    import http.server

    return http.server.SimpleHTTPRequestHandler


class _QuietHandler(_quiet_handler_base()):  # type: ignore[misc]
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature of the base class
        pass


@pytest.fixture
def serve_site():
    """``serve_site(folder) -> base URL``; every server started is stopped after the test."""
    servers: list[StaticServer] = []

    def start(folder: Path) -> str:
        server = StaticServer(folder)
        servers.append(server)
        return server.url

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def page(browser):
    """A fresh browser page (own context: no shared storage between tests)."""
    context = browser.new_context(locale="vi-VN")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory) -> Project:
    """The repository's own records built once, as the public would see them."""
    from mohinh.build import build_site

    project = make_project(tmp_path_factory.mktemp("repo-site") / "p", with_records=False)
    shutil.rmtree(project.models)
    shutil.copytree(REPO / "models", project.models)
    shutil.copy(REPO / "mkdocs.yml", project.root / "mkdocs.yml")
    build_site(project.root)
    return project


@pytest.fixture(scope="session")
def repo_url(repo_site):
    """Base URL of `repo_site` served on 127.0.0.1 for the whole session."""
    server = StaticServer(repo_site.root / "site")
    yield server.url
    server.close()


# --- The generator as a unit installs it: the wheel built from this repository, nothing else of it ---


class InstalledMohinh:
    """mohinh as installed from the wheel built from this repository (`installed_mohinh`): every command runs in
    a fresh Python whose first import path is the installed copy, from a folder outside the repository, so the
    repository's own files (the editable install of the test environment) cannot help."""

    def __init__(self, lib: Path) -> None:
        self.lib = lib

    def run(self, *args: str, cwd: Path, check: bool = True):
        import subprocess
        import sys

        env = dict(os.environ, PYTHONPATH=str(self.lib), NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
        result = subprocess.run([sys.executable, "-c", "from mohinh.cli import main; main()", *args], cwd=cwd, env=env,
                                capture_output=True, text=True, timeout=300)
        assert "Traceback" not in result.stderr, result.stderr
        if check:
            assert result.returncode == 0, result.stdout + result.stderr
        return result

    def init(self, folder: Path, unit: str, *options: str) -> Path:
        """``mohinh init <folder> --unit <unit> [options]``: a new unit's site; returns its folder."""
        self.run("init", str(folder), "--unit", unit, *options, cwd=folder.parent)
        return folder

    def add_record(self, folder: Path, name: str, province: str, *, source_title: str, date: str = "02/10/2024") -> str:
        """A record as an officer adds one: ``mohinh new``, ``mohinh source new``, the source named in the record and
        the draft line taken out. Returns the record's id."""
        made = self.run("new", name, "--province", province, cwd=folder).stdout
        rel = made.split("Đã tạo ", 1)[1].split(". ", 1)[0]
        source = self.run("source", "new", "--title", source_title, "--publisher", "Báo thử nghiệm", "--date", date,
                          cwd=folder).stdout.split("models/_sources/", 1)[1].split(".yml", 1)[0]
        record = folder / rel
        text = record.read_text(encoding="utf-8").replace("ma-nguon", source).replace("draft: true\n", "")
        record.write_text(text, encoding="utf-8")
        return record.stem

    def build(self, folder: Path) -> Path:
        """``mohinh build`` in the unit's folder; returns the built site."""
        self.run("build", cwd=folder)
        return folder / "site"


@pytest.fixture(scope="session")
def installed_mohinh(tmp_path_factory) -> InstalledMohinh:
    """The wheel built once a session from this repository (``pip wheel .``), installed alone into a folder
    (``pip install --no-deps --target``; its dependencies are the test environment's)."""
    import subprocess
    import sys

    wheels = tmp_path_factory.mktemp("wheel")
    lib = tmp_path_factory.mktemp("installed") / "lib"
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    pip = [sys.executable, "-m", "pip", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheels), str(REPO)], check=True, env=env, timeout=600,
                   capture_output=True)
    (wheel,) = wheels.glob("mohinh-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--no-compile", "--target", str(lib), str(wheel)], check=True, env=env,
                   timeout=600, capture_output=True)
    return InstalledMohinh(lib)
