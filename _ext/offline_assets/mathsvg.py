"""Formulas typeset at build time: MathJax 3 (the book's pinned copy, run once in Node for the
whole book) turns every ``\\(…\\)`` and ``\\[…\\]`` of the written pages into SVG. Readers' browsers
then load no MathJax (260 KB gzipped and seconds of work on a phone) and the formulas are there
at first paint. Each SVG is an image named by its TeX source (``role="img"``, ``aria-label``);
the pages with formulas get MathJax's small SVG stylesheet in their ``<head>``.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MATH = re.compile(r'<(span|div) class="math notranslate nohighlight">\s*(.*?)\s*</\1>', re.S)
DELIMS = ((r"\(", r"\)", False), (r"\[", r"\]", True), ("$$", "$$", True))
MATHJAX_SCRIPT = re.compile(r'\s*<script>window\.MathJax = .*?</script>'
                            r'|\s*<script [^>]*src="[^"]*mathjax/[^"]*"></script>',
                            re.S)


def node_binary() -> str | None:
    return shutil.which("node") or (str(Path(sys.prefix, "bin", "node")) if Path(sys.prefix, "bin", "node").exists()
                                    else None)


def _split(inner: str, display_default: bool):
    tex = html.unescape(inner).strip()
    for left, right, display in DELIMS:
        if tex.startswith(left) and tex.endswith(right):
            return tex[len(left):len(tex) - len(right)].strip(), display
    return tex, display_default


def typeset_site(pages: list[Path], node_modules: Path) -> tuple[int, dict]:
    """Replace the formulas of ``pages`` in place; returns (formulas typeset, {tex: error})."""
    texts = {p: p.read_text(encoding="utf-8") for p in pages}
    jobs: dict[str, list] = {}
    for text in texts.values():
        for m in MATH.finditer(text):
            tex, display = _split(m.group(2), m.group(1) == "div")
            jobs.setdefault(f"{int(display)}{tex}", [tex, display])
    if not jobs:
        return 0, {}
    node = node_binary()
    if node is None:
        return 0, {"(all)": "node not found (make install provides it in .venv/bin)"}
    keys = list(jobs)
    proc = subprocess.run([node, str(HERE / "mathsvg.js")],
                          input=json.dumps({str(i): jobs[k] for i, k in enumerate(keys)}),
                          capture_output=True, text=True, env={**os.environ, "NODE_PATH": str(node_modules)},
                          timeout=600)
    if proc.returncode != 0:
        return 0, {"(all)": proc.stderr[-2000:]}
    result = json.loads(proc.stdout)
    svg = {keys[int(i)]: v for i, v in result["math"].items()}
    css = result["css"]

    counter = [0]

    def replace(m):
        tex, display = _split(m.group(2), m.group(1) == "div")
        out = svg.get(f"{int(display)}{tex}")
        if out is None:
            return m.group(0)
        # a formula may appear twice on a page (and in its table of contents): unique glyph ids
        counter[0] += 1
        out = re.sub(r'(id="|href="#)(MJX-[\w-]+)"', lambda g: f'{g[1]}{g[2]}-{counter[0]}"', out)
        label = html.escape(tex, quote=True)
        out = out.replace('role="img" focusable="false"', f'role="img" focusable="false" aria-label="{label}"', 1)
        return f'<{m.group(1)} class="math notranslate nohighlight">{out}</{m.group(1)}>'

    for path, text in texts.items():
        new = MATH.sub(replace, text)
        new = MATHJAX_SCRIPT.sub("", new)
        if new != text:
            if "<mjx-container" in new:
                new = new.replace("</head>", f'<style id="mathjax-svg">{css}</style>\n</head>', 1)
            path.write_text(new, encoding="utf-8")
    return len(svg), {jobs[keys[int(i)]][0]: v for i, v in result.get("failed", {}).items()}
