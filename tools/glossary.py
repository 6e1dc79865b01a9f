"""The glossary page of each language, written from book/glossary.yml.

    python -m tools.glossary          # write book/id/glossary.md and book/en/glossary.md
    python -m tools.glossary --check  # exit 1 if they are not what the glossary gives

Every term with ``chapter`` and ``explain`` gets a row: the English term, the term the book
uses in Indonesian, a one-line explanation and a link to the chapter that introduces it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

try:
    from .words import word
except ImportError:   # run as a file, not as a module: tools/ is a package
    raise SystemExit("run it from the repository root as a module: python -m tools.glossary") from None

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "book" / "glossary.yml"


def chapter_title(chapter: str, lang: str) -> str:
    nb = json.loads((ROOT / "book" / "src" / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown" and f"lang-{lang}" in cell.get("metadata", {}).get("tags", []):
            first = "".join(cell["source"]).splitlines()[0]
            return first.lstrip("# ").strip()
    raise SystemExit(f"{chapter}: no {lang} title")


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(lang: str) -> str:
    terms = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))["terms"]
    rows = [t for t in terms if "chapter" in t and "explain" in t]
    rows.sort(key=lambda t: t["en"].lower())
    lines = [word("glossary_head", lang)]
    for t in rows:
        part = word("part", lang) + " " + t["chapter"][1]
        link = f"{{doc}}`{part} · {_cell(chapter_title(t['chapter'], lang))} <{t['chapter']}>`"
        lines.append(f"| {_cell(t['en'])} | {_cell(t['id'])} | {_cell(t['explain'][lang])} | {link} |\n")
    return "".join(lines)


def main(argv) -> int:
    stale = []
    for lang in ("id", "en"):
        path = ROOT / "book" / lang / "glossary.md"
        text = render(lang)
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(ROOT)))
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("stale: " + ", ".join(stale) + " — run `python -m tools.glossary`")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
