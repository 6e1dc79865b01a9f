"""The two languages cannot drift: every prose cell has a twin, every Indonesian cell is up to
date with the English it translates, and book/id + book/en are exactly what the sources give."""
import copy
import json
import sys

import nbformat
import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import bilingual  # noqa: E402

SOURCES = bilingual.sources()


def test_there_are_chapters():
    assert SOURCES, "no source notebooks in book/src"


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_source_is_paired_and_translations_are_current(src):
    assert bilingual.problems(src) == []


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_generated_notebooks_are_fresh(src):
    for lang, text in bilingual.render(src).items():
        dest = ROOT / "book" / lang / src.name
        assert dest.exists(), f"{dest} missing: run `make notebooks`"
        assert dest.read_text(encoding="utf-8") == text, f"{dest} is stale: run `make notebooks`"


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_languages_share_code_outputs_and_structure(src):
    id_nb = json.loads((ROOT / "book" / "id" / src.name).read_text(encoding="utf-8"))
    en_nb = json.loads((ROOT / "book" / "en" / src.name).read_text(encoding="utf-8"))
    code = lambda nb: [(c["source"], c.get("outputs")) for c in nb["cells"] if c["cell_type"] == "code"]  # noqa: E731
    assert code(id_nb) == code(en_nb)
    assert [c["cell_type"] for c in id_nb["cells"]] == [c["cell_type"] for c in en_nb["cells"]]
    assert id_nb["metadata"]["nn_book"]["lang"] == "id" and en_nb["metadata"]["nn_book"]["lang"] == "en"
    assert id_nb["metadata"].get("widgets") == en_nb["metadata"].get("widgets")
    for nb in (id_nb, en_nb):
        assert all(c.get("execution_count") for c in nb["cells"] if c["cell_type"] == "code" and c["source"]), \
            "committed without outputs: run `make notebooks`"


def test_no_orphan_generated_notebooks():
    names = {p.name for p in SOURCES}
    for lang in bilingual.LANGS:
        assert {p.name for p in (ROOT / "book" / lang).glob("*.ipynb")} == names


def test_glossary_terms_are_used_consistently():
    """Every Indonesian chapter uses the glossary's term, not the listed words to avoid."""
    import yaml

    glossary = yaml.safe_load((ROOT / "book" / "glossary.yml").read_text(encoding="utf-8"))
    for src in SOURCES:
        nb = nbformat.read(src, as_version=4)
        text = "\n".join(c.source.lower() for c in nb.cells if bilingual.cell_lang(c) == "id")
        for entry in glossary["terms"]:
            for bad in entry.get("avoid", []):
                assert bad.lower() not in text, f"{src.name}: use “{entry['id']}”, not “{bad}”"


# -- the checks themselves catch what they should ------------------------------------

def _first_pair(nb):
    return next(i for i, c in enumerate(nb.cells) if bilingual.cell_lang(c) == "id")


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
