"""One bilingual source notebook per chapter → book/id/ and book/en/ notebooks.

Source notebooks live in book/src/ and hold no outputs. A cell is either

* **shared** (code only, no language tag): it goes to both languages as it is; or
* **one half of a pair**: a cell tagged ``lang-id`` immediately followed by its English twin
  tagged ``lang-en``, of the same type. Every prose cell is a pair; a code cell is a pair when
  its comments, strings or printed/plotted text differ by language. The two halves of a code
  pair must be *the same program* (``program()``: the same syntax tree once comments are
  dropped and every string constant, f-string parts included, is blanked).

The Indonesian half records ``metadata.en_hash``, a short hash of the English text it
translates, so that editing the English without revisiting the Indonesian fails the check.

Each generated notebook starts (after its title) with a generated setup cell that installs
nn_core in Colab and sets the page's language with ``nn_core.set_language``; the HTML book
does not show it. Check cells (first line ``# Check: …`` / ``# Cek: …`` in the source) open as
one quiet line wherever a reader meets them: the generated cell starts with
``#@title ✓ Check: …`` and carries ``"cellView": "form"`` (Colab shows only the title),
``"jupyter": {"source_hidden": true}`` (JupyterLab opens it collapsed) and the ``hide-cell`` tag
(the HTML collapses it behind the same title). The setup cell gets the same treatment. Outputs
come from executing each generated notebook itself (``python -m tools.execute``): they are never
copied between languages.

    python -m tools.bilingual generate SRC… # write book/id + book/en of SRC (no outputs; --all: every chapter)
    python -m tools.bilingual check         # fail if anything is unpaired, stale or not executed
    python -m tools.bilingual stamp FILE…   # after revising the Indonesian: record the English hashes
"""
from __future__ import annotations

import ast
import copy
import hashlib
import re
import sys
from pathlib import Path

import nbformat

try:
    from .words import WORDS, word
except ImportError:   # run as a file, not as a module: tools/ is a package
    raise SystemExit("run it from the repository root as a module: python -m tools.bilingual") from None

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "book" / "src"
LANGS = ("id", "en")
TAGS = {"lang-id": "id", "lang-en": "en"}
SETUP_TAG = "colab-setup"
_CHECK_WORDS = "|".join(WORDS["check_keyword"][lang] for lang in ("en", "id"))   # Check|Cek
CHECK_LINE = re.compile(rf"^#\s*({_CHECK_WORDS})\s*:\s*(.+)$")
#: A first line that looks like a check cell's, with or without the colon (the test for loud checks).
CHECK_LIKE = re.compile(rf"^#\s*(@title\s*)?(✓\s*)?({_CHECK_WORDS})\b")
#: Cell metadata that opens a code cell as its title line: Colab forms, JupyterLab's collapsed input.
QUIET = {"cellView": "form", "jupyter": {"source_hidden": True}}


def text_hash(text: str) -> str:
    """Short hash of a cell's text, ignoring trailing white space."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:10]


def cell_lang(cell) -> str | None:
    langs = [TAGS[t] for t in cell.get("metadata", {}).get("tags", []) if t in TAGS]
    return langs[0] if len(langs) == 1 else (None if not langs else "both?")


def program(source: str) -> str:
    """A code cell as a program: its syntax tree with comments gone and every string constant
    (f-string literal parts included) blanked. IPython magics and shell lines are kept verbatim."""
    lines, magics = [], []
    for line in source.splitlines():
        if line.lstrip().startswith(("%", "!")):
            magics.append(line.strip())
            lines.append(line[: len(line) - len(line.lstrip())] + "pass")
        else:
            lines.append(line)
    tree = ast.parse("\n".join(lines))
    # A format spec (the ".2f" of f"{x:.2f}") is part of the program, not words.
    specs = {id(n) for node in ast.walk(tree) if isinstance(node, ast.FormattedValue) and node.format_spec
             for n in ast.walk(node.format_spec)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in specs:
            node.value = "S"
    return ast.dump(tree) + "\n" + "\n".join(magics)


def repository_url() -> str:
    """The repository URL, configured once in _config.yml."""
    text = (ROOT / "_config.yml").read_text(encoding="utf-8")
    match = re.search(r"^repository:\s*\n(?:\s+.*\n)*?\s+url:\s*(\S+)", text, re.M)
    if not match:
        raise SystemExit("_config.yml has no repository.url")
    return match.group(1).strip("\"'")


def setup_source(lang: str, repo_url: str | None = None) -> str:
    """The first code cell of every generated notebook: installs nn_core in Colab (nothing
    elsewhere) and sets the language of everything nn_core shows."""
    repo_url = repo_url or repository_url()
    return (f"#@title {word('setup_title', lang)}\n"
            f"{word('setup_comment', lang)}\n"
            "import sys\n"
            "\n"
            "if \"google.colab\" in sys.modules:\n"
            f"    get_ipython().run_line_magic(\"pip\", \"install -q 'nn-core @ git+{repo_url}'\")\n"
            "\n"
            "import nn_core\n"
            "\n"
            f"nn_core.set_language(\"{lang}\")")


def problems(src: Path, nb=None) -> list[str]:
    """Pairing, tagging and staleness problems of one source notebook (empty list: fine)."""
    nb = nb or nbformat.read(src, as_version=4)
    out = []
    cells = nb.cells
    name = src.name
    i = 0
    while i < len(cells):
        cell = cells[i]
        lang = cell_lang(cell)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count")):
            out.append(f"{name} cell {i}: source notebooks hold no outputs (outputs live in book/id, book/en)")
        if SETUP_TAG in cell.metadata.get("tags", []):
            out.append(f"{name} cell {i}: the setup cell is generated; remove it from the source")
        alone = None
        if lang == "both?":
            alone = "a cell needs at most one of the tags lang-id / lang-en"
        elif lang is None:
            alone = ("" if cell.cell_type == "code"
                     else f"prose cell without a lang-id/lang-en tag: {cell.source[:60]!r}")
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
            out.append(f"{name} cell {i}: Indonesian {cell.cell_type} cell without an English twin after it: "
                       f"{cell.source[:60]!r}")
            i += 1
            continue
        if not cell.source.strip() or not nxt.source.strip():
            out.append(f"{name} cells {i}-{i + 1}: empty cell in a pair")
        if cell.cell_type == "code":
            try:
                if program(cell.source) != program(nxt.source):
                    out.append(f"{name} cells {i}-{i + 1}: the Indonesian and English code differ beyond "
                               f"comments and strings: {nxt.source[:60]!r}")
                elif cell.source == nxt.source:
                    out.append(f"{name} cells {i}-{i + 1}: identical code pair: make it one shared cell")
            except SyntaxError as err:
                out.append(f"{name} cells {i}-{i + 1}: syntax error in a code pair: {err}")
            strip = lambda c: [t for t in c.metadata.get("tags", []) if t not in TAGS]  # noqa: E731
            if strip(cell) != strip(nxt):
                out.append(f"{name} cells {i}-{i + 1}: the two halves of a code pair have different tags")
        recorded = cell.metadata.get("en_hash")
        if recorded != text_hash(nxt.source):
            out.append(f"{name} cell {i}: the English text changed since this Indonesian cell was written "
                       f"(en_hash {recorded} ≠ {text_hash(nxt.source)}). Revise the Indonesian, then run "
                       f"`python -m tools.bilingual stamp book/src/{name}`")
        i += 2
    return out


def _quiet(cell) -> None:
    """Open a code cell as its one title line in Colab and JupyterLab."""
    cell.metadata.update(copy.deepcopy(QUIET))


def _check_cell(cell, lang: str) -> None:
    """A check cell opens as one line, ``✓ Check: what it checks``: its ``#@title`` in Colab, a
    collapsed input in JupyterLab, and the same prompt on the collapsed cell in the HTML."""
    lines = cell.source.splitlines()
    match = CHECK_LINE.match(lines[0]) if lines else None
    if not match:
        return
    prompt = word("check_prompt", lang, what=match.group(2).strip().rstrip("."))
    cell.source = "\n".join([f"#@title {prompt}"] + lines[1:])
    tags = cell.metadata.setdefault("tags", [])
    if "hide-cell" not in tags:
        tags.append("hide-cell")
    cell.metadata["mystnb"] = {"code_prompt_show": prompt, "code_prompt_hide": prompt}
    _quiet(cell)


def _titled_cell(cell) -> None:
    """A code cell the author titled (first line ``#@title …``, e.g. collapsed library code) opens
    as that title line too; collapsed in the HTML (``hide-cell``), the title is its prompt."""
    lines = cell.source.splitlines()
    if not lines or not lines[0].startswith("#@title ") or CHECK_LINE.match(lines[0]):
        return
    _quiet(cell)
    if "hide-cell" in cell.metadata.get("tags", []):
        title = lines[0][len("#@title "):].strip()
        cell.metadata["mystnb"] = {"code_prompt_show": title, "code_prompt_hide": title}


def loud_checks(nb) -> list[str]:
    """Check-like cells of a generated notebook that a reader would see in full somewhere
    (empty: every one opens as one line in Colab, JupyterLab and the HTML)."""
    out = []
    for i, cell in enumerate(nb.cells):
        first = cell.source.lstrip().splitlines()[0] if cell.source.strip() else ""
        tags = cell.metadata.get("tags", [])
        if cell.cell_type != "code" or not (CHECK_LIKE.match(first) or "hide-cell" in tags or SETUP_TAG in tags):
            continue
        quiet = (first.startswith("#@title ") and cell.metadata.get("cellView") == "form"
                 and cell.metadata.get("jupyter", {}).get("source_hidden") is True
                 and ("hide-cell" in tags or "remove-cell" in tags))
        if not quiet:
            out.append(f"cell {i}: {first[:70]!r}")
    return out


def split(nb, lang: str, src_name: str):
    """The reader-facing notebook of one language, without outputs: its prose, the shared code
    cells and its own variants of the paired ones, after a generated setup cell."""
    out = copy.deepcopy(nb)
    cells = []
    for cell in out.cells:
        cl = cell_lang(cell)
        if cl is not None and cl != lang:
            continue
        meta = cell.metadata
        meta.pop("en_hash", None)
        if "tags" in meta:
            meta["tags"] = [t for t in meta["tags"] if t not in TAGS]
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            _check_cell(cell, lang)
            _titled_cell(cell)
        if "tags" in meta and not meta["tags"]:
            del meta["tags"]
        cells.append(cell)
    setup = nbformat.v4.new_code_cell(setup_source(lang), metadata={"tags": [SETUP_TAG, "remove-cell"]})
    _quiet(setup)
    first_prose = next((i for i, c in enumerate(cells) if c.cell_type == "markdown"), -1)
    cells.insert(first_prose + 1, setup)
    for i, cell in enumerate(cells):  # stable, readable cell ids
        cell["id"] = f"{lang}-{i:03d}"
    out.cells = cells
    out.metadata.pop("widgets", None)
    out.metadata["language_info"] = {"name": "python"}
    out.metadata["nn_book"] = {"lang": lang, "generated_from": f"book/src/{src_name}",
                               "note": "Generated by tools/bilingual.py: edit the source, not this file."}
    return out


def without_outputs(nb):
    """A copy of an executed notebook as generate() writes it (for the freshness check)."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def render(src: Path) -> dict[str, str]:
    """The two generated notebooks of a source, as text, without outputs."""
    nb = nbformat.read(src, as_version=4)
    return {lang: nbformat.writes(split(nb, lang, src.name)) + "\n" for lang in LANGS}


def sources() -> list[Path]:
    return sorted(SRC.glob("*.ipynb"))


def generated(src: Path, lang: str) -> Path:
    return ROOT / "book" / lang / src.name


def is_fresh(src: Path, lang: str, texts: dict | None = None) -> bool:
    """Whether book/<lang>/<name> is what the source gives (outputs aside)."""
    dest = generated(src, lang)
    if not dest.exists():
        return False
    texts = texts or render(src)
    current = nbformat.writes(without_outputs(nbformat.read(dest, as_version=4))) + "\n"
    return current == texts[lang]


def unexecuted(path: Path) -> list[int]:
    """Indices of code cells with source that have not been executed."""
    nb = nbformat.read(path, as_version=4)
    return [i for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and c.source.strip() and not c.get("execution_count")]


def generate(paths=None) -> list[Path]:
    """Write the generated notebooks whose source changed; return the paths written."""
    written = []
    for src in paths or sources():
        texts = render(src)
        for lang, text in texts.items():
            if not is_fresh(src, lang, texts):
                dest = generated(src, lang)
                dest.write_text(text, encoding="utf-8")
                written.append(dest)
                print(f"wrote {dest.relative_to(ROOT)} (not executed yet)")
    return written


def check() -> list[str]:
    out = []
    names = {p.name for p in sources()}
    for src in sources():
        out += problems(src)
        texts = render(src)
        for lang in LANGS:
            dest = generated(src, lang)
            if not dest.exists():
                out.append(f"book/{lang}/{src.name} is missing: run `make notebooks NB={src.relative_to(ROOT)}`")
            elif not is_fresh(src, lang, texts):
                out.append(f"book/{lang}/{src.name} is stale (differs from its source): "
                           f"run `make notebooks NB={src.relative_to(ROOT)}`")
            elif unexecuted(dest):
                out.append(f"book/{lang}/{src.name} has unexecuted code cells: "
                           f"run `make notebooks NB={src.relative_to(ROOT)}`")
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
        paths = [Path(p) for p in argv[1:] if p != "--all"]
        if not paths and "--all" not in argv:
            print("generate overwrites the executed notebooks (their outputs are lost): name the sources, "
                  "or pass --all. To generate *and* execute, use `make notebooks NB=…`.")
            return 2
        generate(paths or None)
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
