"""`make audit`: the built book (_build/html) measured with the outside tools, as a reader's
phone would see it. Serves the folder gzipped from 127.0.0.1 (as a real host would) and reports:

* Lighthouse 12 mobile performance of the widget chapters (p1-03, p2-07, p3-05), the median of
  three runs each;
* axe-core critical + serious nodes on index, p1-03, p1-07, p2-07, p3-05 and the glossary, at
  390 and 1280 px wide;
* the pages that scroll sideways at 390 px (every page);
* Nu Html Checker (vnu-jar) errors over every page.

Numbers go to stdout and test-artifacts/audit.json. `tests/test_browser.py` asserts the axe and
overflow numbers in `make test`; this script measures the slow ones too (Lighthouse takes about
20 seconds a run on a small machine, three runs a page).

    .venv/bin/python -m tools.audit.audit [--html _build/html] [--skip lighthouse,vnu,axe,overflow]
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AUDIT = ROOT / "tools" / "audit" / "node_modules"
AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LIGHTHOUSE_PAGES = ("p1-03-perceptron", "p2-07-mnist", "p3-05-cnn-mnist")
AXE_PAGES = ("index", "p1-03-perceptron", "p1-07-first-neural-network", "p2-07-mnist", "p3-05-cnn-mnist",
             "glossary")
GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that gzips text, as GitHub Pages does."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            return super().send_head()
        ctype = self.guess_type(path)
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not ctype.startswith(GZIP_TYPES) \
                or not os.path.isfile(path):
            return super().send_head()
        data = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io
        return io.BytesIO(data)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass   # a browser that stops reading (a cancelled request) is not an error here


def serve(folder: Path):
    httpd = QuietServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def page_path(name: str, lang: str) -> str:
    return "book/index.html" if name == "index" else f"book/{lang}/{name}.html"


def lighthouse_once(binary: Path, url: str, env: dict) -> dict:
    """One Lighthouse run (mobile, performance only): its score and the five metrics shown."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "lh.json"
        subprocess.run([str(binary), url, "--only-categories=performance",
                        "--output=json", f"--output-path={report}", "--quiet",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                       env=env, check=False, timeout=600)
        data = json.loads(report.read_text()) if report.exists() else {}
    audits = data.get("audits", {})
    score = (data.get("categories", {}).get("performance", {}) or {}).get("score")
    return {"score": None if score is None else round(score * 100),
            **{k: audits.get(k, {}).get("displayValue") for k in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift", "speed-index")}}


def median_run(results: list[dict]) -> dict:
    """The run with the median score (the lower middle one for an even count); runs that gave no
    score (Lighthouse failed) count only if every run failed."""
    scored = sorted((r for r in results if r["score"] is not None), key=lambda r: r["score"])
    return scored[(len(scored) - 1) // 2] if scored else results[0]


def lighthouse(base: str, lang: str, runs: int) -> dict:
    """Each page measured ``runs`` times; the run with the median score is reported, with every
    run's score. Single runs of p1-03 scored 82 to 94 here (total blocking time is observed on this
    CPU, then scaled): Lighthouse's own advice is the median of several runs (docs/variability.md)."""
    binary = AUDIT / ".bin" / "lighthouse"
    if not binary.exists():
        sys.exit("lighthouse missing: run `npm ci` in tools/audit (`make audit` does)")
    out = {}
    env = {**os.environ, "CHROME_PATH": CHROMIUM or "/usr/bin/chromium"}
    for name in LIGHTHOUSE_PAGES:
        results = [lighthouse_once(binary, base + page_path(name, lang), env) for _ in range(runs)]
        out[name] = {**median_run(results), "scores": [r["score"] for r in results]}
        print(f"lighthouse {lang}/{name}: {out[name]}", flush=True)
    return out


def browser_checks(base: str, html: Path, do_axe: bool, do_overflow: bool) -> dict:
    from playwright.sync_api import sync_playwright

    result = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"], headless=True)
        if do_axe:
            axe_js = AXE.read_text(encoding="utf-8")
            total, detail = 0, {}
            for width in (390, 1280):
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                for lang in ("id", "en"):
                    for name in AXE_PAGES:
                        page.goto(base + page_path(name, lang), wait_until="load")
                        page.wait_for_load_state("networkidle")
                        page.add_script_tag(content=axe_js)
                        found = page.evaluate(AXE_RUN)
                        n = sum(len(v["nodes"]) for v in found)
                        total += n
                        for v in found:
                            detail[v["id"]] = detail.get(v["id"], 0) + len(v["nodes"])
                        if name == "index":
                            break
                context.close()
            result["axe_critical_serious_nodes"] = total
            result["axe_by_rule"] = detail
            print(f"axe critical+serious nodes: {total} {detail}", flush=True)
        if do_overflow:
            context = browser.new_context(viewport={"width": 390, "height": 900})
            page = context.new_page()
            wide = []
            for path in sorted(html.glob("book/**/*.html")):
                rel = path.relative_to(html).as_posix()
                page.goto(base + rel, wait_until="load")
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > 390:
                    wide.append(f"{rel} ({width}px)")
            context.close()
            result["pages_wider_than_390"] = wide
            print(f"pages that scroll sideways at 390 px: {len(wide)} {wide}", flush=True)
        browser.close()
    return result


AXE_RUN = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.filter(v => v.impact === 'critical' || v.impact === 'serious')
    .map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}));
}"""


def vnu(html: Path) -> dict:
    jar = AUDIT / "vnu-jar" / "build" / "dist" / "vnu.jar"
    java = shutil.which("java")
    if not jar.exists() or java is None:
        sys.exit("vnu.jar or java missing: `npm ci` in tools/audit and `apt-get install default-jre-headless`")
    pages = sorted(str(p) for p in html.rglob("*.html"))
    proc = subprocess.run([java, "-Xss4m", "-jar", str(jar), "--format", "json", "--exit-zero-always", *pages],
                          capture_output=True, text=True, timeout=1800)
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") == "error"]
    by_message: dict[str, int] = {}
    for m in errors:
        key = m.get("message", "")[:120]
        by_message[key] = by_message.get(key, 0) + 1
    print(f"Nu Html Checker errors over {len(pages)} pages: {len(errors)}", flush=True)
    for key, n in sorted(by_message.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {n:4d}  {key}")
    return {"vnu_errors": len(errors), "vnu_pages": len(pages), "vnu_by_message": by_message,
            "vnu_first": [f"{m.get('url', '').rsplit('/html/', 1)[-1]}:{m.get('lastLine')}: {m.get('message')}"
                          for m in errors[:40]]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", default=str(ROOT / "_build" / "html"))
    parser.add_argument("--skip", default="", help="comma-separated: lighthouse,vnu,axe,overflow")
    parser.add_argument("--lang", default="en", help="language of the Lighthouse pages")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (the median is reported)")
    parser.add_argument("--out", default=str(ROOT / "test-artifacts" / "audit.json"))
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    if args.runs < 1:
        parser.error(f"--runs must be at least 1 (got {args.runs})")
    html = Path(args.html).resolve()
    if CHROMIUM is None:
        sys.exit("chromium missing: apt-get install -y chromium")
    httpd, base = serve(html)
    result: dict = {}
    try:
        if "vnu" not in skip:
            result.update(vnu(html))
        if not {"axe", "overflow"} <= skip:
            result.update(browser_checks(base, html, "axe" not in skip, "overflow" not in skip))
        if "lighthouse" not in skip:
            result["lighthouse"] = lighthouse(base, args.lang, args.runs)
    finally:
        httpd.shutdown()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
