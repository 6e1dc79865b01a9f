"""Helpers for writing a bilingual source notebook from a short Python script (run it from the
repository root: ``PYTHONPATH=. python my_script.py``, or ``python -c``).

    from tools.authoring import pair, code, code_pair, write
    cells = [
        pair("# 3. Perceptron", "# 3. Perceptron"),
        code("import numpy as np"),
        code_pair('print("halo")  # sapaan', 'print("hello")  # a greeting'),
    ]
    write("book/src/p1-03-perceptron.ipynb", cells)

``write`` stamps each Indonesian cell with the hash of its English twin and saves the notebook
without outputs (the setup cell is generated later); run ``python -m tools.execute`` next.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

try:
    from . import bilingual
    from .words import LANGS, WORDS, word
except ImportError:   # run as a file, not as a module: tools/ is a package
    raise SystemExit("run it from the repository root as a module: python -m tools.authoring") from None


def _pair(make, id_text: str, en_text: str, tags=()):
    id_cell = make(id_text.strip("\n"), metadata={"tags": ["lang-id", *tags]})
    en_cell = make(en_text.strip("\n"), metadata={"tags": ["lang-en", *tags]})
    id_cell.metadata["en_hash"] = bilingual.text_hash(en_cell.source)
    return [id_cell, en_cell]


def pair(id_text: str, en_text: str):
    """An Indonesian prose cell followed by its English twin."""
    return _pair(new_markdown_cell, id_text, en_text)


def code_pair(id_source: str, en_source: str, *tags: str):
    """A code cell whose words differ by language: Indonesian variant, then English variant.
    The two must be the same program (only comments and strings differ)."""
    cells = _pair(new_code_cell, id_source, en_source, tags)
    if bilingual.program(cells[0].source) != bilingual.program(cells[1].source):
        raise ValueError(f"code pair differs beyond comments and strings: {en_source[:60]!r}")
    return cells


def code(source: str, *tags: str):
    """A code cell shared by both languages. Tags such as 'nbval-ignore-output', 'hide-input'."""
    cell = new_code_cell(source.strip("\n"))
    if tags:
        cell.metadata["tags"] = list(tags)
    return [cell]


def write(path, *groups) -> None:
    cells = []
    for group in groups:
        cells.extend(group)
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    })
    nbformat.validate(nb)
    nbformat.write(nb, path)
    print(f"wrote {path} ({len(cells)} cells)")


#: The words around an exercise, per language (their home is tools/words.py).
EXERCISE_WORDS = {lang: {key: word(key, lang) for key in ("exercise", "hint", "solution")} for lang in LANGS}


def exercise_options(ex, lang: str) -> str:
    """The options of a choice exercise as the reader sees them, from the registry's own texts
    (so the list in the chapter is always the checker's)."""
    return "\n".join(f"- ({letter}) {text[lang]}" for letter, text in ex.options.items())


def exercise_details(ex, lang: str) -> str:
    """What the chapter shows of an exercise from the registry's own texts: a choice exercise's
    options, then the first hint and the solution in collapsed <details> blocks (they work in
    the HTML book, Colab and JupyterLab)."""
    if ex.kind == "choice":
        return exercise_options(ex, lang) + "\n\n" + _hint_and_solution(ex, lang)
    return _hint_and_solution(ex, lang)


def _hint_and_solution(ex, lang: str) -> str:
    words = EXERCISE_WORDS[lang]
    solution = ex._solution[lang]
    if ex.kind == "choice":   # one markdown list item per option (plain lines would run together)
        body = "\n".join(line if line.startswith("- ") else f"- {line}"
                         for line in solution.splitlines() if line.strip())
    else:
        body = f"```python\n{solution}\n```"
    return (f"<details class=\"nn-hint\"><summary>{words['hint']}</summary>\n\n{ex.hints[0][lang]}\n\n</details>\n\n"
            f"<details class=\"nn-solution\"><summary>{words['solution']}</summary>\n\n{body}\n\n</details>")


def exercise_markdown(ex, number: int, text: str, lang: str, stars: int = 1) -> str:
    """The prose of one exercise: heading, the task, then ``exercise_details``
    (tests/test_exercises.py checks that they are the registry's current texts)."""
    words = EXERCISE_WORDS[lang]
    return (f"### {words['exercise']} {number} · {ex.title[lang]} {'⭐' * stars}\n\n{text.strip()}\n\n"
            + exercise_details(ex, lang))


_HEADING = re.compile(r"^### (?:" + "|".join(WORDS["exercise"].values()) + r") (\d+) · ", re.M)


def refresh_exercises(path) -> int:
    """Rewrite the options, hint and solution blocks of a source's exercises from the registry
    (after an exercise's texts changed in nn_core/exercises). Returns the number of cells changed."""
    from nn_core.exercises import chapter_exercises

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    exercises = chapter_exercises(path.stem)
    changed = 0
    for i, cell in enumerate(nb.cells):
        lang = bilingual.cell_lang(cell)
        match = _HEADING.search(cell.source) if cell.cell_type == "markdown" else None
        if not match or lang not in ("id", "en") or '<details class="nn-hint">' not in cell.source:
            continue
        ex = exercises[int(match.group(1)) - 1]
        start = cell.source.index('<details class="nn-hint">')
        options = re.search(r"^- \(a\) ", cell.source, re.M) if ex.kind == "choice" else None
        if options is not None and options.start() < start:
            start = options.start()
        new = cell.source[:start] + exercise_details(ex, lang)
        if new != cell.source:
            cell.source = new
            changed += 1
            if lang == "en":   # only this pair's record: the Indonesian twin was refreshed alike
                nb.cells[i - 1].metadata["en_hash"] = bilingual.text_hash(new)
    if changed:
        nbformat.write(nb, path)
    return changed


def exercise(ex, number: int, id_text: str, en_text: str, id_code: str, en_code: str | None = None,
             stars: int = 1):
    """One exercise: its prose pair (task, collapsed hint and solution) and its code cell(s): a
    stub for the learner followed by ``ex.qN.check(...)``. Pass ``en_code`` when the stub's
    comments or strings differ by language (then the two are a code pair)."""
    cells = pair(exercise_markdown(ex, number, id_text, "id", stars),
                 exercise_markdown(ex, number, en_text, "en", stars))
    cells += code_pair(id_code, en_code) if en_code is not None else code(id_code)
    return cells


def main(argv) -> int:
    """python -m tools.authoring refresh [book/src/<chapter>.ipynb …]"""
    if argv[:1] != ["refresh"]:
        print(__doc__)
        return 2
    for p in argv[1:] or bilingual.sources():
        print(f"{p}: {refresh_exercises(p)} exercise cell(s) refreshed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
