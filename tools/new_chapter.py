"""A new chapter, wired in everywhere the book and its tests expect one.

    python -m tools.new_chapter p2-09-regularization "Regularisasi" "Regularization"
    python -m tools.new_chapter p2-09-regularization "Regularisasi" "Regularization" --no-execute

Run from the repository root. It writes, and refuses to overwrite:

1. ``book/src/<chapter>.ipynb``: the bilingual source skeleton: the title pair (``# 9. Judul`` /
   ``# 9. Title``), an introduction pair, a shared code cell, a code pair (the same program with
   its comment and printed words in each language, numbers through ``nn_core.fmt``), a check cell
   pair (``# Cek: …`` / ``# Check: …``), the exercises heading and exercise 1 with its options,
   hint and solution taken from the registry (``tools.authoring.exercise``);
2. ``nn_core/exercises/<chapter_with_underscores>.py``: the chapter's exercise module with one
   example exercise (the registry finds a module by its name: nothing else to register);
3. ``_toc.yml``: the chapter in its part (``book/id/part-N`` and ``book/en/part-N``, which must
   exist), in both languages, in file-name order;
4. README.md's chapter table (``tools.readme``);
5. ``book/id`` and ``book/en``: generated and executed (``tools.execute``; ``--no-execute``: only
   generated, run ``make notebooks NB=…`` later).

Then it prints what is left for the author (the README's "Adding a chapter" checklist).
``tests/test_new_chapter.py`` runs it in a temporary copy of these files and checks the result
with the same structural checks as every real chapter.
"""
from __future__ import annotations

import argparse
import importlib
import re
import sys

import yaml

try:
    from . import authoring, bilingual, readme
    from .words import word
except ImportError:   # run as a file, not as a module: tools/ is a package
    raise SystemExit("run it from the repository root as a module: python -m tools.new_chapter") from None

ROOT = bilingual.ROOT
CHAPTER = re.compile(r"^p(\d)-(\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*$")

EXERCISE_MODULE = '''"""Exercises of chapter {stem} ({en_title})."""
from ._core import ChoiceExercise, msg

CHAPTER = "{stem}"

# -- q1: an example: replace it ----------------------------------------------------------------
# The tests want at least three exercises (two in a summary chapter), q1, q2, q3 …, each with a
# reference answer, hints, a solution and its typical mistakes, named (ChoiceExercise: every wrong
# option's explanation; ValueExercise / FunctionExercise: ``mistakes={{"name": Mistake(…)}}``).
# The best models: p2_02's tanh backward and p2_06's Iris recipe.

q1 = ChoiceExercise(
    CHAPTER, "q1",
    title=msg("Jumlah sebuah array", "The sum of an array"),
    options={{
        "a": msg("6", "6"),
        "b": msg("3", "3"),
        "c": msg("`[1, 2, 3]`", "`[1, 2, 3]`"),
    }},
    why={{
        "a": msg("Tepat: 1 + 2 + 3 = 6.", "Right: 1 + 2 + 3 = 6."),
        "b": msg("Itu banyaknya elemen (`x.size`), bukan jumlahnya.",
                 "That is the number of elements (`x.size`), not their sum."),
        "c": msg("Itu array-nya sendiri; `sum` menjumlahkan elemennya menjadi satu angka.",
                 "That is the array itself; `sum` adds its elements up into one number."),
    }},
    reference="a",
    hints=[msg("Jumlahkan ketiga elemennya.", "Add up the three elements.")],
)
'''

CHECKLIST = """\
Next (README.md, "Adding a chapter"):
  1. write the chapter in {src} (every prose cell a lang-id/lang-en pair; numbers through nn_core.fmt/pct;
     check cells assert what the text claims, with margins: a claim, never a trajectory);
  2. write its exercises in {module} (at least 3, or 2 in a summary; named mistakes, hints, solution)
     and add each to the chapter with tools.authoring.exercise; after changing their texts:
     python -m tools.authoring refresh {src};
  3. glossary terms: book/glossary.yml (then python -m tools.glossary);
  4. make notebooks NB={src}, re-stamp after revising the Indonesian (python -m tools.bilingual stamp {src});
  5. .venv/bin/python -m pytest tests/test_bilingual.py tests/test_exercises.py -k {stem};
  6. make book (the sidebar and prev/next links of every page change), then tests/test_book.py;
  7. if the chapter trains: under ~10 s, and add it to NB_SLOW in the Makefile if it is among the slowest."""


def module_name(stem: str) -> str:
    return stem.replace("-", "_")


def chapter_number(stem: str) -> int:
    return int(CHAPTER.match(stem).group(2))


def skeleton(stem: str, id_title: str, en_title: str, ex) -> list:
    """The cells of the source notebook (tools.authoring's helpers stamp every Indonesian cell)."""
    code, code_pair, exercise, pair = authoring.code, authoring.code_pair, authoring.exercise, authoring.pair
    n = chapter_number(stem)
    return [
        *pair(f"# {n}. {id_title}\n\n{word('skeleton_intro', 'id')}",
              f"# {n}. {en_title}\n\n{word('skeleton_intro', 'en')}"),
        *code("import numpy as np\n\nimport nn_core"),
        *pair(word("skeleton_section", "id"), word("skeleton_section", "en")),
        *code_pair('x = np.array([1.0, 2.0, 3.0])  # tiga angka\nprint("jumlah:", nn_core.fmt(x.sum(), 1))',
                   'x = np.array([1.0, 2.0, 3.0])  # three numbers\nprint("sum:", nn_core.fmt(x.sum(), 1))'),
        *code_pair("# Cek: jumlahnya 6\nassert x.sum() == 6", "# Check: the sum is 6\nassert x.sum() == 6"),
        *pair(word("exercises_heading", "id"), word("exercises_heading", "en")),
        *code(f"from nn_core.exercises import {module_name(stem)} as ex"),
        *exercise(ex.q1, 1,
                  'Berapa hasil `x.sum()` untuk `x` di atas? Pilih `"a"`, `"b"`, atau `"c"`.',
                  'What does `x.sum()` give for the `x` above? Choose `"a"`, `"b"` or `"c"`.',
                  'choice = ...  # "a", "b", atau "c"\n\nex.q1.check(choice)',
                  'choice = ...  # "a", "b" or "c"\n\nex.q1.check(choice)'),
    ]


def add_to_toc(text: str, stem: str) -> str:
    """_toc.yml with the chapter in its part of both languages, after the chapters whose file
    names sort before it (the text is edited line by line: comments and layout stay)."""
    toc = yaml.safe_load(text)
    part = stem[1]
    lines = text.splitlines(keepends=True)
    for lang in bilingual.LANGS:
        part_file = f"book/{lang}/part-{part}"
        entry = next((c for p in toc["parts"] for c in p["chapters"] if c.get("file") == part_file), None)
        if entry is None or not entry.get("sections"):
            raise SystemExit(f"_toc.yml has no part {part_file} with sections: add the part (its page in both "
                             f"languages and its entry in both parts of _toc.yml) first")
        sections = [s["file"] for s in entry["sections"]]
        new = f"book/{lang}/{stem}"
        chapters = [f for f in sections if CHAPTER.match(f.rsplit("/", 1)[1])]
        before = [f for f in chapters if f.rsplit("/", 1)[1] < stem]
        if before:
            anchor, after = before[-1], True        # after the chapter that sorts just before it
        elif chapters:
            anchor, after = chapters[0], False      # the part's first chapter (after e.g. the style page)
        else:
            anchor, after = sections[-1], True
        index = next(i for i, line in enumerate(lines) if line.strip() == f"- file: {anchor}")
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
        lines.insert(index + 1 if after else index, f"{indent}- file: {new}\n")
    out = "".join(lines)
    check = yaml.safe_load(out)
    for lang in bilingual.LANGS:
        files = [s["file"] for p in check["parts"] for c in p["chapters"] for s in c.get("sections", [])]
        assert f"book/{lang}/{stem}" in files, lang
    return out


def main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("chapter", help="the file stem: p<part>-<NN>-<words-with-dashes>, e.g. p2-09-regularization")
    parser.add_argument("id_title", help="the Indonesian title (without the number)")
    parser.add_argument("en_title", help="the English title (without the number)")
    parser.add_argument("--no-execute", action="store_true", help="generate book/id + book/en without running them")
    args = parser.parse_args(argv)
    stem = args.chapter
    if not CHAPTER.match(stem):
        parser.error(f"{stem!r}: a chapter is named p<part>-<NN>-<words>, e.g. p2-09-regularization")
    src = bilingual.SRC / f"{stem}.ipynb"
    module = ROOT / "nn_core" / "exercises" / f"{module_name(stem)}.py"
    taken = list(bilingual.SRC.glob(f"{stem[:5]}-*.ipynb"))
    if taken or module.exists():
        parser.error(f"chapter {stem[:5]} exists already: {', '.join(str(p) for p in taken + [module] if p.exists())}")
    toc_path = ROOT / "_toc.yml"
    toc = add_to_toc(toc_path.read_text(encoding="utf-8"), stem)   # fails before anything is written

    module.write_text(EXERCISE_MODULE.format(stem=stem, en_title=args.en_title), encoding="utf-8")
    print(f"wrote {module.relative_to(ROOT)}")
    importlib.invalidate_caches()
    ex = importlib.import_module(f"nn_core.exercises.{module_name(stem)}")
    authoring.write(src, skeleton(stem, args.id_title, args.en_title, ex))
    toc_path.write_text(toc, encoding="utf-8")
    print("wrote _toc.yml (both parts)")
    readme.main([])
    if args.no_execute:
        bilingual.generate([src])
    else:
        from . import execute

        if execute.main([str(src), "--jobs", "2"]) != 0:
            return 1
    print(CHECKLIST.format(src=src.relative_to(ROOT), module=module.relative_to(ROOT), stem=stem))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
