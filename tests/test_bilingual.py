"""The two languages cannot drift: every prose cell has a twin, every Indonesian cell is up to
date with the English it translates, paired code cells are the same program, book/id and book/en
are exactly what the sources give and were executed, and each language's pages speak only that
language (outside code identifiers and the glossary's terms)."""
import copy
import json
import re

import nbformat
import pytest

from conftest import ROOT
from tools import bilingual, language_audit

SOURCES = bilingual.sources()


def yaml_terms():
    import yaml

    return yaml.safe_load((ROOT / "book" / "glossary.yml").read_text(encoding="utf-8"))["terms"]


def test_there_are_chapters():
    assert SOURCES, "no source notebooks in book/src"


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_source_is_paired_and_translations_are_current(src):
    assert bilingual.problems(src) == []


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_generated_notebooks_are_fresh_and_executed(src):
    for lang in bilingual.LANGS:
        dest = bilingual.generated(src, lang)
        assert dest.exists(), f"{dest} missing: run `make notebooks NB=book/src/{src.name}`"
        assert bilingual.is_fresh(src, lang), f"{dest} is stale: run `make notebooks NB=book/src/{src.name}`"
        assert bilingual.unexecuted(dest) == [], f"{dest}: cells not executed: run `make notebooks`"


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_languages_are_the_same_program_with_their_own_outputs(src):
    id_nb = json.loads(bilingual.generated(src, "id").read_text(encoding="utf-8"))
    en_nb = json.loads(bilingual.generated(src, "en").read_text(encoding="utf-8"))
    assert [c["cell_type"] for c in id_nb["cells"]] == [c["cell_type"] for c in en_nb["cells"]]
    code = lambda nb: [bilingual.program("".join(c["source"])) for c in nb["cells"] if c["cell_type"] == "code"]  # noqa: E731
    assert code(id_nb) == code(en_nb)
    assert id_nb["metadata"]["nn_book"]["lang"] == "id" and en_nb["metadata"]["nn_book"]["lang"] == "en"
    for lang, nb in (("id", id_nb), ("en", en_nb)):
        first = next(c for c in nb["cells"] if c["cell_type"] == "code")
        assert f'nn_core.set_language("{lang}")' in "".join(first["source"]), "the first code cell sets the language"


@pytest.mark.parametrize("lang", bilingual.LANGS)
@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_pages_speak_their_own_language(src, lang):
    """No English function words in the comments, strings, printed output and widget labels of an
    Indonesian notebook, and no Indonesian ones in an English notebook (tools/language_audit.py)."""
    found = language_audit.foreign_words(bilingual.generated(src, lang), lang)
    assert not any(found.values()), f"book/{lang}/{src.name}: words of the other language: {found}"


def test_no_orphan_generated_notebooks():
    names = {p.name for p in SOURCES}
    for lang in bilingual.LANGS:
        assert {p.name for p in (ROOT / "book" / lang).glob("*.ipynb")} == names


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_glossary_terms_are_used_consistently(src):
    """Every Indonesian chapter uses the glossary's term, not the listed words to avoid."""
    import yaml

    glossary = yaml.safe_load((ROOT / "book" / "glossary.yml").read_text(encoding="utf-8"))
    nb = nbformat.read(src, as_version=4)
    text = "\n".join(c.source for c in nb.cells if bilingual.cell_lang(c) == "id" and c.cell_type == "markdown")
    prose = re.sub(r"`[^`]*`|\$[^$]*\$|\]\([^)]*\)", " ", text)   # inline code, math, link targets
    for entry in glossary["terms"]:
        for bad in entry.get("avoid", []):
            assert bad.lower() not in text.lower(), f"{src.name}: use “{entry['id']}”, not “{bad}”"
        if "avoid_pattern" in entry:
            found = re.findall(r".{0,30}" + entry["avoid_pattern"] + r".{0,30}", prose)
            assert not found, f"{src.name}: use “{entry['id']}” (see {entry.get('note', '')}): {found[:3]}"


def test_glossary_pages_are_fresh():
    from tools import glossary

    for lang in bilingual.LANGS:
        page = ROOT / "book" / lang / "glossary.md"
        assert page.read_text(encoding="utf-8") == glossary.render(lang), "run `python -m tools.glossary`"
    terms = yaml_terms()
    assert len([t for t in terms if "explain" in t]) >= 40
    for t in terms:
        if "chapter" in t:
            assert (ROOT / "book" / "src" / f"{t['chapter']}.ipynb").exists(), t


# -- the checks themselves catch what they should ------------------------------------

def _first_pair(nb, kind="markdown"):
    return next(i for i, c in enumerate(nb.cells) if bilingual.cell_lang(c) == "id" and c.cell_type == kind)


def test_editing_english_without_the_indonesian_is_caught(tmp_path):
    nb = nbformat.read(SOURCES[0], as_version=4)
    i = _first_pair(nb)
    nb.cells[i + 1].source += "\n\nA new English sentence."
    path = tmp_path / SOURCES[0].name
    nbformat.write(nb, path)
    found = bilingual.problems(path)
    assert any("English text changed" in p for p in found)
    bilingual.stamp([path])
    assert bilingual.problems(path) == []


def test_a_missing_twin_is_caught(tmp_path):
    nb = nbformat.read(SOURCES[0], as_version=4)
    i = _first_pair(nb)
    broken = copy.deepcopy(nb)
    del broken.cells[i + 1]
    path = tmp_path / "x.ipynb"
    nbformat.write(broken, path)
    assert any("without an English twin" in p for p in bilingual.problems(path))
    untagged = copy.deepcopy(nb)
    untagged.cells[i].metadata["tags"] = []
    nbformat.write(untagged, path)
    assert any("without a lang-id/lang-en tag" in p for p in bilingual.problems(path))


def _code_pair(id_src, en_src):
    cells = [nbformat.v4.new_markdown_cell("# Judul", metadata={"tags": ["lang-id"]}),
             nbformat.v4.new_markdown_cell("# Title", metadata={"tags": ["lang-en"]}),
             nbformat.v4.new_code_cell(id_src, metadata={"tags": ["lang-id"]}),
             nbformat.v4.new_code_cell(en_src, metadata={"tags": ["lang-en"]})]
    nb = nbformat.v4.new_notebook(cells=cells)
    for a, b in ((0, 1), (2, 3)):
        cells[a].metadata["en_hash"] = bilingual.text_hash(cells[b].source)
    return nb


def test_code_pairs_must_be_the_same_program(tmp_path):
    path = tmp_path / "x.ipynb"
    same = _code_pair('x = 1  # satu\nprint(f"nilai {x:.2f}")', 'x = 1  # one\nprint(f"value {x:.2f}")')
    nbformat.write(same, path)
    assert bilingual.problems(path) == []
    for en in ('x = 2  # one\nprint(f"value {x:.2f}")',          # another number
               'x = 1  # one\nprint(f"value {x:.3f}")',          # another format spec
               'x = 1  # one\nprint(f"value {x:.2f}", x)',       # another call
               'y = 1  # one\nprint(f"value {y:.2f}")'):         # another name
        nbformat.write(_code_pair('x = 1  # satu\nprint(f"nilai {x:.2f}")', en), path)
        assert any("differ beyond comments and strings" in p for p in bilingual.problems(path)), en


def test_generated_notebooks_collapse_checks_and_hide_setup():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Judul", metadata={"tags": ["lang-id"]}),
        nbformat.v4.new_markdown_cell("# Title", metadata={"tags": ["lang-en"]}),
        nbformat.v4.new_code_cell("# Cek: tabel AND\nassert True", metadata={"tags": ["lang-id"]}),
        nbformat.v4.new_code_cell("# Check: the AND table\nassert True", metadata={"tags": ["lang-en"]}),
    ])
    for lang, prompt in (("id", "✓ Cek: tabel AND"), ("en", "✓ Check: the AND table")):
        out = bilingual.split(nb, lang, "x.ipynb")
        setup, check = [c for c in out.cells if c.cell_type == "code"]
        assert "remove-cell" in setup.metadata["tags"] and f'set_language("{lang}")' in setup.source
        assert "hide-cell" in check.metadata["tags"] and check.metadata["mystnb"]["code_prompt_show"] == prompt
        assert check.source.splitlines()[0] == f"#@title {prompt}" and check.metadata["cellView"] == "form"
        assert check.metadata["jupyter"]["source_hidden"] is True
        assert setup.source.startswith("#@title ") and setup.metadata["cellView"] == "form"
        assert bilingual.loud_checks(out) == []


def test_a_loud_check_cell_is_caught():
    """A check cell without its colon (not recognised, so shown in full) or without the metadata
    is reported."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("# Check the lessons\nassert True")])
    assert len(bilingual.loud_checks(nb)) == 1
    quiet = nbformat.v4.new_code_cell("#@title ✓ Check: x\nassert True",
                                      metadata={"tags": ["hide-cell"], "cellView": "form"})
    assert len(bilingual.loud_checks(nbformat.v4.new_notebook(cells=[quiet]))) == 1  # no source_hidden
    quiet.metadata["jupyter"] = {"source_hidden": True}
    assert bilingual.loud_checks(nbformat.v4.new_notebook(cells=[quiet])) == []


@pytest.mark.parametrize("lang", bilingual.LANGS)
@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_no_check_cell_is_shown_in_full(src, lang):
    """In Colab, JupyterLab and the HTML, every check cell and the setup cell open as one line."""
    nb = nbformat.read(bilingual.generated(src, lang), as_version=4)
    assert bilingual.loud_checks(nb) == [], f"book/{lang}/{src.name}: check cells shown in full"
    assert sum("hide-cell" in c.metadata.get("tags", []) for c in nb.cells) >= 1


# -- numbers: an Indonesian page never shows a thousands comma ---------------------------------

THOUSANDS_COMMA = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])")


def _printed(nb):
    """Every text output of a notebook (streams, results, widget outputs) with its cell index."""
    for i, cell in enumerate(nb["cells"]):
        for o in cell.get("outputs", []):
            if o.get("output_type") == "stream":
                yield i, "".join(o.get("text", ""))
            elif "text/plain" in o.get("data", {}):
                yield i, "".join(o["data"]["text/plain"])
    state = nb.get("metadata", {}).get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    for model in state.get("state", {}).values():
        for o in model.get("state", {}).get("outputs", []) or []:
            yield "widget", "".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", ""))


def thousands_commas(id_nb, en_nb):
    """Numbers written with a thousands comma in the Indonesian notebook's output.

    "60,000" and "1,048,576" are thousands commas. "1,021" could be an Indonesian decimal
    (1.021 in English) or an English thousand: it counts when the English twin's output of the
    same cell shows the very same text (a localised decimal would read "1.021" there)."""
    english = {}
    for i, text in _printed(en_nb):
        english.setdefault(i, set()).update(m.group() for m in THOUSANDS_COMMA.finditer(text))
    found = []
    for i, text in _printed(id_nb):
        for line in text.splitlines():
            if any(m.group().count(",") > 1 or m.group() in english.get(i, ())
                   for m in THOUSANDS_COMMA.finditer(line)):
                found.append((i, line.strip()))
    return found


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_indonesian_output_has_no_thousands_commas(src):
    """An Indonesian reader reads "3,721" as three point seven: numbers printed on an Indonesian
    page go through nn_core.fmt / nn_core.pct (60.000, 0,25). Python's own repr (0.25) is fine."""
    id_nb, en_nb = (json.loads(bilingual.generated(src, lang).read_text(encoding="utf-8")) for lang in ("id", "en"))
    found = thousands_commas(id_nb, en_nb)
    assert not found, f"book/id/{src.name}: thousands commas in the output: {found[:5]}"


def test_the_thousands_comma_check_catches_them():
    def nb(*texts):
        return {"cells": [{"cell_type": "code", "outputs": [{"output_type": "stream", "text": [t + "\n"]}]}
                          for t in texts],
                "metadata": {}}

    english = nb("✓ 60,000 + 10,000 images", "tried: 3,721", "total: 11.213", "2^20 = 1,048,576")
    assert [line for _, line in thousands_commas(nb("✓ 60,000 + 10,000 gambar", "dicoba: 3,721", "total: 11,213",
                                                    "2^20 = 1,048,576"), english)] == [
        "✓ 60,000 + 10,000 gambar", "dicoba: 3,721", "2^20 = 1,048,576"]
    assert thousands_commas(nb("✓ 60.000 + 10.000 gambar", "dicoba: 3.721", "total: 11,213", "2^20 = 1.048.576"),
                            english) == []
    for fine in ("60.000 gambar", "loss 0,015", "akurasi 98,24%", "[0.25 0.5]", "(3, 721)", "1.048.576"):
        assert not THOUSANDS_COMMA.search(fine), fine
