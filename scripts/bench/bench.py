"""Benchmark: check, page generation, full build and a bare MkDocs build of N synthetic models.

    bash run.sh bench                 # 1,000 models, median of 3
    bash run.sh bench --models 1000,5000,10000 --repeat 1
    bash run.sh bench --pages         # page weight and largest paint in Chromium instead (pages.py)

Prints, for each size, a Markdown table of figures and ratios against the budgets of the project, then
the issue's table (one column a size) and each phase's time. Nothing here
asserts a time: the figures are for people to read.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))

from synth import edit_first_model, write_project_models  # noqa: E402

from mohinh.cache import FOLDER as CACHE  # noqa: E402
from mohinh.catalogue import load_catalogue  # noqa: E402
from mohinh.outputs import listings  # noqa: E402
from mohinh.outputs import pages as model_pages  # noqa: E402
from mohinh.render import Site  # noqa: E402

MAXRSS = "import resource,sys,atexit;atexit.register(lambda:sys.stderr.write('MAXRSS %d\\n' % max(" \
         "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)))"


class Settle:
    """Before it gives out an inode, Linux (ext4, ``recently_deleted``, seen with ``perf``) passes over each inode freed in
    the last 30 s, one by one: a build started right after thousands of files were deleted pays for them (1,000 models:
    14.2 s and 3.5 s of kernel CPU, against 12.9 s and 1.45 s when started 40 s later), where a first build on a fresh
    clone does not. So the bench waits ``seconds`` after each deletion (its own, or the old site a build replaced)
    before it times a build, bare MkDocs' alike."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.last = -seconds

    def deleted(self) -> None:
        self.last = time.monotonic()

    def wait(self) -> None:
        time.sleep(max(0.0, self.last + self.seconds - time.monotonic()))


def make_project(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True)
    # The country's figures cite a source of the repository's records, which synthetic records do not have.
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (folder / "mkdocs.yml").write_text(config.split("    national:\n", 1)[0], encoding="utf-8")
    shutil.copytree(REPO / "content", folder / "content")
    write_project_models(folder / "models", count)
    shutil.copy(REPO / "models" / "_vocabularies.yml", folder / "models")
    return folder


def _tree_rss(root: int) -> int:
    """Resident memory (KiB) of process ``root`` and all its descendants, read from /proc (0 elsewhere)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir() if Path("/proc/self/status").exists() else []:
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        children.setdefault(int(fields.get("PPid", "0").strip() or 0), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def run(command: list[str], cwd: Path) -> tuple[float, int, int]:
    """Wall time, peak memory of its largest process and peak memory of all its processes at once (KiB)
    of a command run as an officer would. The sum is sampled every 0.5 s, so it can miss a short peak."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(REPO / "scripts"))
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:  # a pipe could fill and block
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err, text=True)
        together = 0
        while True:
            together = max(together, _tree_rss(process.pid))
            try:
                process.wait(timeout=0.5)  # returns as soon as the command ends: the time is not rounded up
                break
            except subprocess.TimeoutExpired:
                pass
        elapsed = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} thất bại:\n{stdout}\n{stderr}")
    peak = max([int(m) for m in re.findall(r"MAXRSS (\d+)", stderr)] or [0])
    return elapsed, peak, max(together, peak)


PREVIEW = """
import sys, tempfile, time
from pathlib import Path
from mkdocs.commands.build import build
from mohinh.build import load_config, mohinh_plugin
project = Path(sys.argv[1])
out = tempfile.mkdtemp(prefix="mohinh-preview-")
url = "http://127.0.0.1:8000/"

def config():
    made = load_config(project, site_dir=out)
    made.strict, made.site_url = False, url
    return made

first = config()
first.plugins.on_startup(command="serve", dirty=True)  # as `mkdocs serve --dirty` does, once
plugin = mohinh_plugin(first)

def rebuild():
    time.sleep(0.3)  # an officer does not save twice in 0.3 s
    while plugin.preview.wait():  # the last rebuild's background work (listings, open data, search) is done;
        build(config(), serve_url=url, dirty=True)  # listings it changed are rebuilt, as MkDocs' server does
    made = config()  # MkDocs reads mkdocs.yml again on every rebuild; the plugin instance stays
    start = time.perf_counter()
    build(made, serve_url=url, dirty=True)  # what `mkdocs serve --dirty` runs after a file changes
    return time.perf_counter() - start

rebuild()
record = sorted((project / "models").glob("mo-hinh-*.yml"))[0]
text = record.read_text(encoding="utf-8")
times = []
for n in range(3):
    marker = f"Bản sửa {n + 1}."
    record.write_text(text.replace('summary: "', f'summary: "{marker} ', 1), encoding="utf-8")
    times.append(rebuild())
    page = Path(out, "mo-hinh", record.stem, "index.html").read_text(encoding="utf-8")
    assert marker in page, "the edited record's page was not rebuilt"
rebuild()  # the listings follow
assert marker in Path(out, "mo-hinh", "index.html").read_text(encoding="utf-8"), "the catalogue was not rebuilt"
record.write_text(text, encoding="utf-8")
first.plugins.on_shutdown()
import shutil; shutil.rmtree(out, ignore_errors=True)
print("PREVIEW", sorted(times)[1])
"""


PHASES = """
import json, sys, time
from mkdocs.commands import build as mk
from mohinh import build, catalogue
from mohinh.outputs import base, search
from mohinh.plugin import MohinhPlugin
spent = {}

def timed(owner, name, label):
    original = getattr(owner, name)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0) + time.perf_counter() - start
    setattr(owner, name, wrapper)

timed(build, "load_catalogue", "load")
timed(base, "make", "generate")
timed(mk, "_populate_page", "markdown")
timed(mk, "_build_page", "theme")
timed(MohinhPlugin, "on_post_build", "after")
timed(search, "_index", "search")
start = time.perf_counter()
build.build_site(build.Path.cwd())
spent["total"] = time.perf_counter() - start
print("PHASES", json.dumps(spent))
"""


def phases(project: Path) -> dict[str, float]:
    """Seconds of one full build spent in each phase (an extra build, timed from inside)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(REPO / "scripts"))
    result = subprocess.run([sys.executable, "-c", PHASES], cwd=project, env=env, capture_output=True, text=True)
    found = re.search(r"PHASES (.+)", result.stdout)
    if result.returncode != 0 or not found:
        sys.exit(f"đo từng phần thất bại:\n{result.stdout}\n{result.stderr}")
    return json.loads(found.group(1))


def preview_refresh(project: Path) -> float:
    """Seconds `mohinh serve` takes to rebuild after one record is edited (median of 3 edits), until the edited
    page is served; the listings follow in a second rebuild (`Preview`), not counted."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(REPO / "scripts"))
    result = subprocess.run([sys.executable, "-c", PREVIEW, str(project)], cwd=project, env=env,
                            capture_output=True, text=True)
    found = re.search(r"PREVIEW ([\d.]+)", result.stdout)
    if result.returncode != 0 or not found:
        sys.exit(f"đo xem trước thất bại:\n{result.stdout}\n{result.stderr}")
    return float(found.group(1))


def mohinh(*args: str) -> list[str]:
    return [sys.executable, "-c", f"{MAXRSS}\nfrom mohinh.cli import main\nmain({list(args)!r})"]


def bare_project(project: Path, target: Path) -> Path:
    """The same generated Markdown and content in a plain MkDocs project, without mohinh's hook."""
    target.mkdir()
    site = Site(load_catalogue(project), docs_dir=project / "content")
    made = {**model_pages.make(site), **listings.make(site), **listings.filled_pages(site)}
    docs = target / "content"
    shutil.copytree(project / "content", docs)
    for path, text in made.items():
        out = docs / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("plugins:\n  mohinh: {}", "plugins: []")  # no mohinh: the bare MkDocs build
    config = config.replace("strict: true", "strict: false")
    # Without the plugin, the package's theme is the site's custom_dir and its stylesheets, scripts are listed.
    from mohinh.plugin import SCRIPTS, STYLESHEETS, THEME

    config = config.replace("  language: vi\n", "  language: vi\n  custom_dir: overrides\n", 1)
    config += "\nextra_css:\n" + "".join(f"  - {p}\n" for p in STYLESHEETS)
    config += "extra_javascript:\n" + "".join(f"  - {p}\n" for p in SCRIPTS)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(THEME, target / "overrides")
    return target


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def first_search_bytes(site: Path) -> int | None:
    """What a browser fetches for a first query: Pagefind's loader and wasm once; of every index (a
    large site has several, merged in the browser) its entry, meta and largest chunk; the 8 largest
    fragments (the results shown)."""
    bundle = site / "pagefind"
    if not bundle.is_dir():
        return None
    files = [bundle / "pagefind.js", *sorted(bundle.glob("wasm.*.pagefind"))[:1]]
    fragments: list[Path] = []
    for index in sorted(site.glob("pagefind*/")):
        files += [index / "pagefind-entry.json", *sorted(index.glob("pagefind.*.pf_meta"))[:1]]
        files += sorted((index / "index").glob("*.pf_index"), key=lambda p: p.stat().st_size)[-1:]
        fragments += (index / "fragment").glob("*.pf_fragment")
    files += sorted(fragments, key=lambda p: p.stat().st_size)[-8:]
    return sum(p.stat().st_size for p in files if p.exists())


def finder_data_gzipped(site: Path) -> int | None:
    """The finder's data file (``tim-mo-hinh/mo-hinh.json``, what /tim-mo-hinh/ fetches) compressed as a web
    server sends it (gzip, level 6); None when the site has none."""
    import gzip

    path = site / "tim-mo-hinh" / "mo-hinh.json"
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)) if path.is_file() else None


def median(values: list[float]) -> float:
    return statistics.median(values)


PHASE_LABELS = (("load", "nạp và kiểm tra hồ sơ (trước MkDocs)"),
                ("generate", "tạo trang, dữ liệu mở, nguồn tin trong tiến trình MkDocs (phần còn lại: tiến trình phụ)"),
                ("markdown", "MkDocs: Markdown → HTML (gồm chờ trang chuyển ở tiến trình phụ)"),
                ("theme", "MkDocs: giao diện Material, ghi trang"),
                ("after", "sau khi ghi trang: chờ bộ nhân rộng, thẻ chia sẻ, Pagefind lập chỉ mục cùng lúc"))
#: Timed too but inside a phase above (Pagefind runs beside the kits and cards): shown, not added to the rest.
PHASE_INSIDE = (("search", "trong đó Pagefind lập chỉ mục (dòng lệnh)"),)


def measure(count: int, repeat: int, work: Path, settle: Settle) -> dict:
    """Every figure of the bench for ``count`` synthetic models (medians of ``repeat`` runs)."""

    def timed_build(command: list[str], folder: Path) -> tuple[float, int, int]:
        replaced = (folder / "site").exists()  # a build replaces the old site: its files are deleted
        settle.wait()
        figures = run(command, folder)
        if replaced:
            settle.deleted()
        return figures

    project = make_project(work / f"project-{count}", count)
    checks, generations, builds, bares, peaks, sums, rebuilds = [], [], [], [], [], [], []
    for _ in range(repeat):
        checks.append(run(mohinh("check"), project)[0])
        start = time.perf_counter()
        site = Site(load_catalogue(project), docs_dir=project / "content")
        model_pages.make(site), listings.make(site), listings.filled_pages(site)
        generations.append(time.perf_counter() - start)
        del site
        shutil.rmtree(project / CACHE, ignore_errors=True)  # a first build: nothing kept from an earlier one
        elapsed, peak, together = timed_build(mohinh("build"), project)
        builds.append(elapsed)
        peaks.append(peak)
        sums.append(together)
        # The next build after an officer edits one record, with what CI keeps between runs (`mohinh.cache`).
        record, text = edit_first_model(project / "models")
        elapsed, peak, together = timed_build(mohinh("build"), project)
        record.write_text(text, encoding="utf-8")
        rebuilds.append(elapsed)
        peaks.append(peak)
        sums.append(together)
        bare = bare_project(project, work / f"bare-{count}-{len(bares)}")
        bares.append(timed_build([sys.executable, "-m", "mkdocs", "build", "-q"], bare)[0])
        shutil.rmtree(bare)
        settle.deleted()
    built = project / "site"
    pages = sorted((built / "mo-hinh").glob("*/index.html"), key=lambda p: p.stat().st_size)
    figures = {
        "models": count, "repeat": repeat, "check": median(checks), "generation": median(generations),
        "build": median(builds), "rebuild": median(rebuilds), "bare": median(bares), "peak": max(peaks) / 1024, "sum": max(sums) / 1024,
        "size": folder_size(built), "largest": pages[-1].stat().st_size, "search": first_search_bytes(built),
        "finder": finder_data_gzipped(built),
    }
    figures["preview"] = preview_refresh(project)
    settle.deleted()  # the preview's own site
    shutil.rmtree(project / CACHE, ignore_errors=True)
    settle.wait()
    figures["spent"] = phases(project)  # of a first build
    return figures


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def print_one(f: dict) -> None:
    """The figures of one size, with the budgets of the project."""
    build, bare, check = f["build"], f["bare"], f["check"]
    print(f"\n### {f['models']} mô hình, trung vị {f['repeat']} lần\n")
    print("| phép đo | kết quả | ngân sách |")
    print("|---|---|---|")
    print(f"| `mohinh check` | {check:.2f} s ({check / build:.1%} của dựng đầy đủ) | ≤ 5% {mark(check / build <= 0.05)} |")
    print(f"| tạo trang (nạp + Jinja, một tiến trình) | {f['generation']:.2f} s | |")
    print(f"| `mohinh build` đầy đủ, lần đầu (không có bộ nhớ đệm) | {build:.2f} s | |")
    print(f"| `mkdocs build` trần, cùng Markdown | {bare:.2f} s | |")
    budget, within = build_budget(f["models"], build, bare)
    print(f"| dựng đầy đủ / MkDocs trần | {build / bare:.2f} x | {budget} {mark(within)} |")
    rebuild = f["rebuild"]
    budget, within = build_budget(f["models"], rebuild, bare)
    print(f"| dựng đầy đủ sau khi sửa 1 hồ sơ, giữ bộ nhớ đệm của lần trước (như CI) | {rebuild:.2f} s "
          f"({rebuild / bare:.2f} x MkDocs trần) | {budget} {mark(within)} |")
    print(f"| xem trước: dựng lại sau khi sửa 1 hồ sơ (`mohinh serve`) | {f['preview']:.2f} s | "
          f"≤ {preview_budget(f['models'])} s {mark(f['preview'] <= preview_budget(f['models']))} |")
    print(f"| bộ nhớ đỉnh khi dựng (tiến trình lớn nhất) | {f['peak']:.0f} MiB | ≤ {memory_budget(f['models'])} MiB "
          f"{mark(f['peak'] <= memory_budget(f['models']))} |")
    print(f"| bộ nhớ đỉnh khi dựng (mọi tiến trình cùng lúc) | {f['sum']:.0f} MiB | |")
    print(f"| dung lượng site/ | {f['size'] / 1e6:.1f} MB | |")
    print(f"| trang mô hình lớn nhất (HTML) | {f['largest'] / 1024:.1f} KB | ≤ 40 KB {mark(f['largest'] <= 40 * 1024)} |")
    search, finder = f["search"], f["finder"]
    if search is None:
        print(f"| tải cho lần tìm đầu | chưa có | ≤ {search_budget(f['models'])} KB |")
    else:
        print(f"| tải cho lần tìm đầu (Pagefind) | {search / 1024:.0f} KB | ≤ {search_budget(f['models'])} KB "
              f"{mark(search <= search_budget(f['models']) * 1024)} |")
    if finder is None:
        print("| dữ liệu trang tìm mô hình, so sánh (gzip) | chưa có | ≤ 100 KB |")
    else:
        print(f"| dữ liệu trang tìm mô hình, so sánh (gzip) | {finder / 1024:.0f} KB | ≤ 100 KB {mark(finder <= 100 * 1024)} |")


def preview_budget(count: int) -> float:
    return 1.5 if count <= 1000 else 2 if count <= 5000 else 3


def memory_budget(count: int) -> int:
    return 500 if count <= 5000 else 800


def search_budget(count: int) -> int:
    return 300 if count <= 5000 else 400


def build_budget(count: int, seconds: float, bare: float) -> tuple[str, bool]:
    """A full build's budget as the table writes it, and whether ``seconds`` keeps to it: no slower than bare MkDocs
    (``bare`` seconds); at 10,000 models, done in 180 s."""
    return ("≤ 180 s", seconds <= 180) if count >= 10000 else ("≤ 1,0 x", seconds <= bare)


def print_summary(results: list[dict]) -> None:
    """The issue's table: one column a size, each figure against its budget; then each phase's time."""
    head = " | ".join(f"{f['models']} mô hình" for f in results)
    line = "|---|" + "---|" * len(results)
    print(f"\n### Tóm tắt\n\n| phép đo | {head} |\n{line}")

    def row(label: str, cell) -> None:  # noqa: ANN001 - a function of one size's figures
        print(f"| {label} | " + " | ".join(cell(f) for f in results) + " |")

    row("dựng đầy đủ lần đầu / MkDocs trần (≤ 1,0 x; 10.000: xong trong ≤ 180 s)", lambda f: (
        f"{f['build'] / f['bare']:.2f} x ({f['build']:.1f} s / {f['bare']:.1f} s) "
        + mark(build_budget(f["models"], f["build"], f["bare"])[1])))
    row("dựng đầy đủ sau khi sửa 1 hồ sơ, có bộ nhớ đệm / MkDocs trần (cùng ngân sách)", lambda f: (
        f"{f['rebuild'] / f['bare']:.2f} x ({f['rebuild']:.1f} s / {f['bare']:.1f} s) "
        + mark(build_budget(f["models"], f["rebuild"], f["bare"])[1])))
    row("xem trước sau khi sửa 1 hồ sơ (≤ 1,5 / 2 / 3 s)",
        lambda f: f"{f['preview']:.2f} s {mark(f['preview'] <= preview_budget(f['models']))}")
    row("bộ nhớ đỉnh, tiến trình lớn nhất (≤ 500 MiB; 10.000: ≤ 800 MiB)",
        lambda f: f"{f['peak']:.0f} MiB {mark(f['peak'] <= memory_budget(f['models']))}")
    row("bộ nhớ đỉnh, mọi tiến trình cùng lúc", lambda f: f"{f['sum']:.0f} MiB")
    row("tải cho lần tìm đầu (≤ 300 KB; 10.000: ≤ 400 KB)", lambda f: "chưa có" if f["search"] is None else
        f"{f['search'] / 1024:.0f} KB {mark(f['search'] <= search_budget(f['models']) * 1024)}")
    print(f"\nMột lần dựng đầy đủ lần đầu, thời gian từng phần (giây, đo từ bên trong tiến trình MkDocs):\n\n| phần | {head} |\n{line}")
    for key, label in PHASE_LABELS + PHASE_INSIDE:
        row(label, lambda f, key=key: f"{f['spent'].get(key, 0):.2f}")
    row("còn lại (khởi động MkDocs, chép tệp tĩnh, đổi thư mục)",
        lambda f: f"{f['spent']['total'] - sum(f['spent'].get(k, 0) for k, _ in PHASE_LABELS):.2f}")
    row("tổng", lambda f: f"{f['spent']['total']:.2f}")


def sizes(values: list[str] | None) -> list[int]:
    """``--models 1000,5000`` or ``--models 1000 --models 5000`` (``10.000`` and ``10000`` alike)."""
    found = [int(part.replace(".", "").replace("_", "")) for value in values or ["1000"]
             for part in value.split(",") if part.strip()]
    if not found or min(found) < 1:
        sys.exit("--models: số mô hình phải từ 1 trở lên, ví dụ --models 1000,5000,10000")
    return found


def main() -> None:
    if "--pages" in sys.argv[1:]:  # a separate measurement, with its own options (scripts/bench/pages.py)
        import pages

        pages.main([a for a in sys.argv[1:] if a != "--pages"])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", action="append", metavar="N[,N...]",
                        help="số mô hình tổng hợp, nhiều cỡ cách nhau bằng dấu phẩy hoặc lặp lại (mặc định 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="số lần đo, lấy trung vị (mặc định 3)")
    parser.add_argument("--keep", type=Path, help="giữ dự án tạm ở thư mục này")
    parser.add_argument("--settle", type=float, default=31, metavar="GIÂY",
                        help="chờ chừng này giây sau mỗi lần xóa nhiều tệp rồi mới đo một lần dựng (mặc định 31: "
                             "Linux bỏ qua từng inode vừa giải phóng trong 30 s trước khi cấp inode mới)")
    args = parser.parse_args()
    counts = sizes(args.models)
    work = Path(tempfile.mkdtemp(prefix="mohinh-bench-")) if args.keep is None else args.keep
    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = f", tải máy lúc bắt đầu {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"\n{os.cpu_count()} nhân ({cpu}), Python {platform.python_version()}{load}", flush=True)
    results = []
    settle = Settle(args.settle)
    for count in counts:
        results.append(measure(count, args.repeat, work, settle))
        print_one(results[-1])
        sys.stdout.flush()
        if args.keep is None:
            shutil.rmtree(work / f"project-{count}", ignore_errors=True)
            settle.deleted()
    print_summary(results)
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
