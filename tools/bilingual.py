"""One bilingual source notebook per chapter → book/id/ and book/en/ notebooks.

Source notebooks live in book/src/. Every prose (markdown) cell is tagged ``lang-id`` or
``lang-en``; an Indonesian cell is immediately followed by its English twin, and records
``metadata.en_hash``: a short hash of the English text it translates. Code cells have no
language tag and go to both languages, with their outputs; the notebook's widget state
is carried over.

    python tools/bilingual.py generate      # write book/id/*.ipynb and book/en/*.ipynb
    python tools/bilingual.py check         # fail if anything is unpaired, stale or not regenerated
    python tools/bilingual.py stamp FILE…   # after revising the Indonesian: record the English hashes
"""
from __future__ import annotations

import copy
import hashlib
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "book" / "src"
LANGS = ("id", "en")
TAGS = {"lang-id": "id", "lang-en": "en"}
SETUP_TAG = "colab-setup"


def text_hash(text: str) -> str:
    """Short hash of a cell's text, ignoring trailing white space."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:10]


def cell_lang(cell) -> str | None:
    langs = [TAGS[t] for t in cell.get("metadata", {}).get("tags", []) if t in TAGS]
    return langs[0] if len(langs) == 1 else (None if not langs else "both?")


def repository_url() -> str:
    """The repository URL, configured once in _config.yml."""
    text = (ROOT / "_config.yml").read_text(encoding="utf-8")
    match = re.search(r"^repository:\s*\n(?:\s+.*\n)*?\s+url:\s*(\S+)", text, re.M)
    if not match:
        raise SystemExit("_config.yml has no repository.url")
    return match.group(1).strip("\"'")


def setup_source(repo_url: str | None = None) -> str:
    """The first code cell of every chapter: installs nn_core in Colab, does nothing elsewhere."""
    repo_url = repo_url or repository_url()
    return ("# Colab: install nn_core from the book's repository. Locally this cell does nothing.\n"
            "import sys\n"
            "\n"
            "if \"google.colab\" in sys.modules:\n"
            f"    %pip install -q \"nn-core @ git+{repo_url}\"")


def problems(src: Path, nb=None) -> list[str]:
    """Pairing, tagging and staleness problems of one source notebook (empty list: fine)."""
    nb = nb or nbformat.read(src, as_version=4)
    out = []
    cells = nb.cells
    name = src.name
    code = [c for c in cells if c.cell_type == "code"]
    if not code or SETUP_TAG not in code[0].metadata.get("tags", []) or code[0].source != setup_source():
        out.append(f"{name}: the first code cell must be the Colab setup cell tagged '{SETUP_TAG}' "
                   "(run `make notebooks` to refresh it)")
    i = 0
    while i < len(cells):
        cell = cells[i]
        lang = cell_lang(cell)
        # A cell that is not the Indonesian half of a pair is checked on its own.
        alone = None
        if cell.cell_type == "code":
            alone = "code cells are shared by both languages and take no lang tag" if lang else ""
        elif lang == "both?":
            alone = "a prose cell needs exactly one of the tags lang-id / lang-en"
        elif lang is None:
            alone = f"prose cell without a lang-id/lang-en tag: {cell.source[:60]!r}"
        elif lang == "en":
            alone = f"English cell without an Indonesian twin before it: {cell.source[:60]!r}"
        if alone is not None:
            if alone:
                out.append(f"{name} cell {i}: {alone}")
            i += 1
            continue
        # lang == "id": the next cell must be its English twin
        nxt = cells[i + 1] if i + 1 < len(cells) else None
        if nxt is None or nxt.cell_type != cell.cell_type or cell_lang(nxt) != "en":
            out.append(f"{name} cell {i}: Indonesian cell without an English twin after it: {cell.source[:60]!r}")
            i += 1
            continue
        if not cell.source.strip() or not nxt.source.strip():
            out.append(f"{name} cells {i}-{i + 1}: empty prose cell in a pair")
        recorded = cell.metadata.get("en_hash")
        if recorded != text_hash(nxt.source):
            out.append(f"{name} cell {i}: the English text changed since this Indonesian cell was written "
                       f"(en_hash {recorded} ≠ {text_hash(nxt.source)}). Revise the Indonesian, then run "
                       f"`python tools/bilingual.py stamp book/src/{name}`")
        i += 2
    return out


def split(nb, lang: str, src_name: str):
    """The reader-facing notebook of one language: its prose, all code cells, outputs, widget state."""
    out = copy.deepcopy(nb)
    cells = []
    for cell in out.cells:
        cl = cell_lang(cell)
        if cell.cell_type != "code" and cl != lang:
            continue
        meta = cell.metadata
        meta.pop("en_hash", None)
        if "tags" in meta:
            meta["tags"] = [t for t in meta["tags"] if t not in TAGS]
            if not meta["tags"]:
                del meta["tags"]
        cells.append(cell)
    out.cells = cells
    out.metadata["language_info"] = out.metadata.get("language_info", {"name": "python"})
    out.metadata["nn_book"] = {"lang": lang, "generated_from": f"book/src/{src_name}",
                               "note": "Generated by tools/bilingual.py: edit the source, not this file."}
    return out


def render(src: Path) -> dict[str, str]:
    nb = nbformat.read(src, as_version=4)
    texts = {}
    for lang in LANGS:
        texts[lang] = nbformat.writes(split(nb, lang, src.name)) + "\n"
    return texts


def sources() -> list[Path]:
    return sorted(SRC.glob("*.ipynb"))


def generate() -> None:
    for src in sources():
        for lang, text in render(src).items():
            dest = ROOT / "book" / lang / src.name
            if not dest.exists() or dest.read_text(encoding="utf-8") != text:
                dest.write_text(text, encoding="utf-8")
                print(f"wrote {dest.relative_to(ROOT)}")


def check() -> list[str]:
    out = []
    names = {p.name for p in sources()}
    for src in sources():
        out += problems(src)
        for lang, text in render(src).items():
            dest = ROOT / "book" / lang / src.name
            if not dest.exists():
                out.append(f"book/{lang}/{src.name} is missing: run `make notebooks`")
            elif dest.read_text(encoding="utf-8") != text:
                out.append(f"book/{lang}/{src.name} is stale (differs from its source): run `make notebooks`")
    for lang in LANGS:
        for p in sorted((ROOT / "book" / lang).glob("*.ipynb")):
            if p.name not in names:
                out.append(f"book/{lang}/{p.name} has no source in book/src/")
    return out


def stamp(paths) -> None:
    for path in paths:
        path = Path(path)
        nb = nbformat.read(path, as_version=4)
        changed = 0
        for cell, nxt in zip(nb.cells, nb.cells[1:]):
            if cell_lang(cell) == "id" and cell_lang(nxt) == "en":
                h = text_hash(nxt.source)
                if cell.metadata.get("en_hash") != h:
                    cell.metadata["en_hash"] = h
                    changed += 1
        nbformat.write(nb, path)
        print(f"{path}: {changed} Indonesian cell(s) stamped")


def main(argv) -> int:
    if not argv or argv[0] not in ("generate", "check", "stamp"):
        print(__doc__)
        return 2
    if argv[0] == "generate":
        generate()
    elif argv[0] == "stamp":
        stamp(argv[1:])
    else:
        found = check()
        for p in found:
            print(p)
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
