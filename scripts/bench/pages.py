"""Page weight and speed as a reader's browser sees them: the home page, the catalogue and a model page of a
built site, served by a static server that compresses text as a host does, opened in headless Chromium.

    bash run.sh bench --pages                 # builds the repository's own site, then measures
    bash run.sh bench --pages --site site/    # measures a site already built

For each page: requests, bytes sent (compressed as served) split into scripts, styles, fonts and the rest,
the scripts fetched, and the load time on this machine; then the model page's largest contentful paint on a
throttled phone (Chrome DevTools Protocol: 4x CPU slowdown, 1.6 Mbps down, 750 kbps up, 150 ms latency, cold
cache, 390x844). Prints a table; nothing is asserted (speed is for people to read, tests assert no time).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
PAGES = {"trang chủ": "", "danh mục": "mo-hinh/", "trang mô hình": "mo-hinh/{model}/"}
PHONE = {"width": 390, "height": 844}
# Chrome DevTools' "Slow 4G"-like profile asked by issue 27: 1.6 Mbps down, 750 kbps up, 150 ms round trip.
THROTTLE = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
CPU_SLOWDOWN = 4
TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".pf_meta")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, text gzip-compressed when the browser accepts it (as GitHub Pages, GitLab Pages, nginx do)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def send_head(self):  # noqa: ANN201 - the base class's signature
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), 6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


LCP = """() => new Promise(done => {
  new PerformanceObserver(list => { const all = list.getEntries(); done(all[all.length - 1].startTime); })
    .observe({type: "largest-contentful-paint", buffered: true});
  setTimeout(() => done(null), 3000);
})"""


def visit(browser, url: str, throttled: bool = False) -> dict:  # noqa: ANN001 - Playwright's Browser
    """Open ``url`` in a fresh context (cold cache); what was fetched and how long it took."""
    context = browser.new_context(viewport=PHONE if throttled else {"width": 1280, "height": 800}, locale="vi-VN")
    page = context.new_page()
    if throttled:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", THROTTLE)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    fetched: list[tuple[str, str, int]] = []

    def finished(request) -> None:  # noqa: ANN001
        sizes = request.sizes()
        fetched.append((request.url, request.resource_type, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    page.on("requestfinished", finished)
    page.goto(url, wait_until="load", timeout=120000)
    page.wait_for_load_state("networkidle")
    timing = page.evaluate("() => { const n = performance.getEntriesByType('navigation')[0];"
                           " return {load: n.loadEventEnd, dcl: n.domContentLoadedEventEnd}; }")
    lcp = page.evaluate(LCP)
    fonts = page.evaluate("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.weight).sort()")
    context.close()
    return {"fetched": fetched, "load": timing["load"], "dcl": timing["dcl"], "lcp": lcp, "fonts": fonts}


def kind(url: str, resource: str) -> str:
    if resource == "script" or url.split("?")[0].endswith(".js"):
        return "script"
    if resource == "stylesheet" or url.split("?")[0].endswith(".css"):
        return "style"
    if resource == "font" or ".woff" in url:
        return "font"
    return "other"


def measure(site: Path, model: str, repeat: int) -> None:
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True)
            print(f"\nTrang của {site} qua máy chủ tĩnh nén gzip, Chromium không giao diện, bộ nhớ đệm trống, "
                  f"trung vị {repeat} lần\n")
            print("| trang | yêu cầu | tải về (nén) | trong đó mã JS | CSS | phông (độ đậm đã dùng) | tệp JS | tải xong (máy này) | LCP (máy này) |")
            print("|---|---|---|---|---|---|---|---|---|")
            for label, path in PAGES.items():
                runs = [visit(browser, base + path.format(model=model)) for _ in range(repeat)]
                first = runs[0]["fetched"]
                by_kind: dict[str, int] = {}
                for url, resource, size in first:
                    by_kind[kind(url, resource)] = by_kind.get(kind(url, resource), 0) + size
                scripts = sorted({u.rsplit("/", 1)[-1].split("?")[0] for u, r, _ in first if kind(u, r) == "script"})
                total = sum(size for *_, size in first)
                load = statistics.median(r["load"] for r in runs)
                lcps = [r["lcp"] for r in runs if r["lcp"] is not None]
                lcp = f"{statistics.median(lcps):.0f} ms" if lcps else "không đo được"
                print(f"| {label} | {len(first)} | {total / 1024:.1f} KB | {by_kind.get('script', 0) / 1024:.1f} KB "
                      f"| {by_kind.get('style', 0) / 1024:.1f} KB | {by_kind.get('font', 0) / 1024:.1f} KB ({', '.join(runs[0]['fonts'])}) "
                      f"| {', '.join(scripts)} | {load:.0f} ms | {lcp} |")
            throttled = [visit(browser, base + PAGES["trang mô hình"].format(model=model), throttled=True)
                         for _ in range(repeat)]
            lcps = [r["lcp"] for r in throttled if r["lcp"] is not None]
            print(f"\nTrang mô hình `{model}` trên điện thoại chậm (CPU chậm {CPU_SLOWDOWN} lần, 1,6 Mbps, 150 ms, "
                  f"390×844): LCP trung vị {statistics.median(lcps):.0f} ms (các lần: "
                  f"{', '.join(f'{v:.0f}' for v in lcps)} ms; ngân sách 2.500 ms), tải xong "
                  f"{statistics.median(r['load'] for r in throttled):.0f} ms; phông đã dùng: "
                  f"{', '.join(throttled[0]['fonts'])}")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def build_repository_site(target: Path) -> Path:
    """The repository's own site, built into ``target`` (site/ of the repository is left alone)."""
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(target)], cwd=REPO, check=True)
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="thư mục trang đã dựng (mặc định: dựng trang của kho vào thư mục tạm)")
    parser.add_argument("--model", default="lang-ut-2-camera-anh-sang", help="mã trang mô hình để đo")
    parser.add_argument("--repeat", type=int, default=3, help="số lần đo mỗi trang, lấy trung vị (mặc định 3)")
    args = parser.parse_args(argv)
    site = args.site or build_repository_site(Path(tempfile.mkdtemp(prefix="mohinh-pages-")) / "site")
    measure(site, args.model, args.repeat)


if __name__ == "__main__":
    main()
