"""The chapter table of README.md, written from _toc.yml and the chapters' titles.

    python -m tools.readme           # rewrite the table between the markers in README.md
    python -m tools.readme --check   # exit 1 if it is stale

Each chapter gets its HTML page (at the book's address: ``html.baseurl`` in _config.yml, else
the GitHub Pages address of the repository) and its Colab link, in both languages.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

try:
    from . import glossary  # chapter titles
except ImportError:   # run as a file, not as a module: tools/ is a package
    raise SystemExit("run it from the repository root as a module: python -m tools.readme") from None

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START, END = "<!-- chapters:start -->", "<!-- chapters:end -->"


def book_address(config: dict) -> str:
    base = (config.get("html") or {}).get("baseurl")
    if base:
        return base.rstrip("/") + "/"
    owner, repo = re.match(r"https://github\.com/([^/]+)/([^/]+)", config["repository"]["url"]).groups()
    return f"https://{owner}.github.io/{repo}/"


def render() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    site = book_address(config)
    repo = config["repository"]["url"].rstrip("/").removeprefix("https://github.com/")
    colab = config["launch_buttons"]["colab_url"].rstrip("/")
    branch = config["repository"].get("branch", "main")
    part = next(p for p in toc["parts"] if p["chapters"][0]["file"].startswith("book/id/"))
    lines = ["| | Bahasa Indonesia | English |", "|---|---|---|"]
    for chapter in part["chapters"]:
        for section in chapter.get("sections", []):
            stem = section["file"].rsplit("/", 1)[1]
            if not (ROOT / "book" / "src" / f"{stem}.ipynb").exists():
                continue   # a page that is not a chapter (the style note)
            cells = []
            for lang in ("id", "en"):
                title = glossary.chapter_title(stem, lang)
                html = f"{site}book/{lang}/{stem}.html"
                nb = f"{colab}/github/{repo}/blob/{branch}/book/{lang}/{stem}.ipynb"
                cells.append(f"[{title}]({html}) · [Colab]({nb})")
            lines.append(f"| {stem.split('-')[0].upper()} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


def main(argv) -> int:
    text = README.read_text(encoding="utf-8")
    start, end = text.index(START) + len(START), text.index(END)
    new = text[:start] + "\n" + render() + "\n" + text[end:]
    if "--check" in argv:
        if new != text:
            print("README.md's chapter table is stale: run `python -m tools.readme`")
            return 1
        return 0
    if new != text:
        README.write_text(new, encoding="utf-8")
        print("wrote README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
