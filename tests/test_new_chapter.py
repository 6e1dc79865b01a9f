"""`python -m tools.new_chapter` makes a chapter that passes the structural checks of every real
chapter. It runs in a temporary copy of the files it reads and writes (tools/, nn_core/,
book/src, book/glossary.yml, _toc.yml, _config.yml, README.md), never in the real tree; the
checks below are the ones tests/test_bilingual.py, tests/test_exercises.py and tests/test_book.py
apply to every chapter, pointed at that copy."""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from types import SimpleNamespace

import nbformat
import pytest
import yaml

from conftest import ROOT
from tools import bilingual, glossary, language_audit, new_chapter, readme

STEM = "p2-09-new-topic"
MODULE = "p2_09_new_topic"


def _copy_tree(tmp):
    ignore = shutil.ignore_patterns("__pycache__", "node_modules", "*.pyc")
    for folder in ("tools", "nn_core", "book/src"):
        shutil.copytree(ROOT / folder, tmp / folder, ignore=ignore)
    for name in ("_toc.yml", "_config.yml", "README.md", "book/glossary.yml"):
        shutil.copyfile(ROOT / name, tmp / name)
    for lang in bilingual.LANGS:
        (tmp / "book" / lang).mkdir(parents=True)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The copy after `python -m tools.new_chapter p2-09-new-topic "Topik Baru" "A New Topic"`
    (executed: both generated notebooks run in a kernel that imports the copy's nn_core)."""
    tmp = tmp_path_factory.mktemp("repo")
    _copy_tree(tmp)
    env = {**os.environ, "PYTHONPATH": str(tmp), "JOBS": "2"}
    proc = subprocess.run([sys.executable, "-m", "tools.new_chapter", STEM, "Topik Baru", "A New Topic"],
                          cwd=tmp, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    again = subprocess.run([sys.executable, "-m", "tools.new_chapter", STEM, "Lagi", "Again", "--no-execute"],
                           cwd=tmp, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode != 0 and "exists already" in again.stderr
    return SimpleNamespace(root=tmp, src=tmp / "book" / "src" / f"{STEM}.ipynb", out=proc.stdout)


@pytest.fixture
def in_copy(made, monkeypatch):
    """The tools' module-level paths pointed at the copy."""
    monkeypatch.setattr(bilingual, "ROOT", made.root)
    monkeypatch.setattr(bilingual, "SRC", made.root / "book" / "src")
    monkeypatch.setattr(glossary, "ROOT", made.root)
    monkeypatch.setattr(readme, "ROOT", made.root)
    monkeypatch.setattr(readme, "README", made.root / "README.md")
    return made


def test_the_source_is_paired_stamped_and_titled(in_copy):
    assert bilingual.problems(in_copy.src) == []
    assert glossary.chapter_title(STEM, "id") == "9. Topik Baru"
    assert glossary.chapter_title(STEM, "en") == "9. A New Topic"
    assert "Next (README.md" in in_copy.out   # the checklist


def test_the_generated_notebooks_are_fresh_executed_and_the_same_program(in_copy):
    nbs = {}
    for lang in bilingual.LANGS:
        dest = bilingual.generated(in_copy.src, lang)
        assert bilingual.is_fresh(in_copy.src, lang) and bilingual.unexecuted(dest) == []
        nb = nbs[lang] = nbformat.read(dest, as_version=4)
        assert bilingual.loud_checks(nb) == []
        assert sum("hide-cell" in c.metadata.get("tags", []) for c in nb.cells) >= 1
        first = next(c for c in nb.cells if c.cell_type == "code")
        assert f'nn_core.set_language("{lang}")' in first.source
        found = language_audit.foreign_words(dest, lang)
        assert not any(found.values()), found
    code = lambda nb: [bilingual.program(c.source) for c in nb.cells if c.cell_type == "code"]  # noqa: E731
    assert code(nbs["id"]) == code(nbs["en"])
    printed = {lang: "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
               for lang, nb in nbs.items()}
    assert "jumlah: 6,0" in printed["id"] and "sum: 6.0" in printed["en"]


def test_the_glossary_rules_hold(in_copy):
    terms = yaml.safe_load((ROOT / "book" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    nb = nbformat.read(in_copy.src, as_version=4)
    text = "\n".join(c.source for c in nb.cells if bilingual.cell_lang(c) == "id" and c.cell_type == "markdown")
    for entry in terms:
        for bad in entry.get("avoid", []):
            assert bad.lower() not in text.lower(), bad


def test_both_parts_of_the_toc_list_it_in_order(in_copy):
    toc = yaml.safe_load((in_copy.root / "_toc.yml").read_text(encoding="utf-8"))
    parts = {}
    for part in toc["parts"]:
        for chapter in part["chapters"]:
            if chapter["file"].endswith("/part-2"):
                parts[chapter["file"].split("/")[1]] = [s["file"].rsplit("/", 1)[1] for s in chapter["sections"]]
    assert parts["id"] == parts["en"] and parts["id"][-2:] == ["p2-08-summary", STEM]
    # the extension's twin check (an error in `make book`) sees both languages' pages
    import bilingual_book

    warnings = []
    app = SimpleNamespace(config=SimpleNamespace(bilingual_book_languages={"id": "book/id/", "en": "book/en/"}))
    files = [s["file"] for p in toc["parts"] for c in p["chapters"] for s in c.get("sections", [])]
    env = SimpleNamespace(found_docs=set(files), toctree_includes={
        f"book/{lang}/part-2": [f"book/{lang}/{s}" for s in parts[lang]] for lang in parts})
    real = bilingual_book.languages.logger.warning
    bilingual_book.languages.logger.warning = lambda msg, *a, **k: warnings.append(msg % a)
    try:
        bilingual_book.check_twins(app, env)
    finally:
        bilingual_book.languages.logger.warning = real
    assert warnings == []


def test_the_readme_lists_it(in_copy):
    assert readme.main(["--check"]) == 0
    text = (in_copy.root / "README.md").read_text(encoding="utf-8")
    for lang in bilingual.LANGS:
        assert f"book/{lang}/{STEM}.html" in text and f"/blob/main/book/{lang}/{STEM}.ipynb" in text


def test_its_exercise_is_registered_checked_and_in_the_chapter(in_copy):
    """The stub's exercise is found by name, its reference passes and every wrong option fails
    with its own message, in both languages; the chapter shows the registry's texts and calls check."""
    from tools import authoring

    import nn_core
    from nn_core.exercises import ChoiceExercise

    path = in_copy.root / "nn_core" / "exercises" / f"{MODULE}.py"
    spec = importlib.util.spec_from_file_location(f"nn_core.exercises.{MODULE}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ex = module.q1
    assert isinstance(ex, ChoiceExercise) and ex.chapter == STEM and ex.hints
    before = nn_core.get_language()
    try:
        for lang in bilingual.LANGS:
            nn_core.set_language(lang)
            assert ex.feedback(ex.reference)[0]
            messages = set()
            for name, mistake in ex.mistakes.items():
                ok, text = ex.feedback(mistake.answer)
                assert not ok, name
                messages.add(text)
            assert len(messages) == len(ex.mistakes)
    finally:
        nn_core.set_language(before)
    for lang in bilingual.LANGS:
        nb = json.loads(bilingual.generated(in_copy.src, lang).read_text(encoding="utf-8"))
        prose = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
        assert authoring.exercise_details(ex, lang) in prose and authoring.exercise_options(ex, lang) in prose
        assert any(re.search(r"\.q1\.check\(\w+\)", c) for c in code)


def test_toc_insertion_keeps_the_file_and_refuses_a_missing_part():
    text = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    out = new_chapter.add_to_toc(text, "p1-00-before-everything")
    added = [line for line in out.splitlines() if "p1-00-before-everything" in line]
    assert len(added) == 2
    assert [line for line in out.splitlines() if "p1-00" not in line] == text.splitlines()
    # the first chapter of part 1 comes after the style page, before p1-01
    lines = out.splitlines()
    i = lines.index("          - file: book/id/p1-00-before-everything")
    assert lines[i - 1].endswith("book/id/style") and lines[i + 1].endswith("book/id/p1-01-neural-network")
    with pytest.raises(SystemExit, match="no part book/id/part-9"):
        new_chapter.add_to_toc(text, "p9-01-far-away")
