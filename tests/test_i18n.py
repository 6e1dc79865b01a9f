"""The reader's language: both string tables agree, and figures follow set_language."""
import re
import string
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest

import nn_core
from nn_core.i18n import LANGUAGES, STRINGS, get_language, pick, set_language, tr
from nn_core.plotting import plot_confusion_matrix

KEYS = sorted(STRINGS["en"])
# The English terms the Indonesian text keeps (see the house style and book/glossary.yml).
KEPT_TERMS = ("epoch", "loss", "batch", "training", "learning rate", "weight", "layer")


@pytest.fixture(autouse=True)
def restore_language():
    language = get_language()
    yield
    set_language(language)
    plt.close("all")


def _fields(text):
    """{name: format spec} of the placeholders in a str.format template."""
    return {name: spec for _, name, spec, _ in string.Formatter().parse(text) if name is not None}


def _dummy(spec):
    """A value that every format spec in the tables accepts (.4f, >5, .1%, or none)."""
    return 0.5 if spec else "x"


def test_both_languages_have_the_same_keys():
    assert set(LANGUAGES) == set(STRINGS) == {"id", "en"}
    assert sorted(STRINGS["id"]) == KEYS


@pytest.mark.parametrize("key", KEYS)
def test_placeholders_match_between_languages(key):
    assert _fields(STRINGS["id"][key]) == _fields(STRINGS["en"][key]), key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tr_fills_every_key(lang):
    set_language(lang)
    for key in KEYS:
        values = {name: _dummy(spec) for name, spec in _fields(STRINGS[lang][key]).items()}
        text = tr(key, **values)
        assert text and "{" not in text, (lang, key, text)


@pytest.mark.parametrize("key", KEYS)
def test_indonesian_keeps_the_english_ml_terms(key):
    en, id_ = STRINGS["en"][key].lower(), STRINGS["id"][key].lower()
    for term in KEPT_TERMS:
        if re.search(rf"\b{term}\b", en):
            assert re.search(rf"\b{term}\b", id_), f"{key}: the Indonesian text drops {term!r}: {id_!r}"


def test_every_key_the_library_uses_exists():
    used = set()
    for path in Path(nn_core.__file__).parent.rglob("*.py"):
        used |= set(re.findall(r"""\btr\(\s*["']([^"']+)["']""", path.read_text(encoding="utf-8")))
    assert used, "no tr(...) calls found: the pattern is out of date"
    assert used <= set(KEYS), sorted(used - set(KEYS))


def test_set_language_rejects_unknown_languages():
    set_language("id")
    for bad in ("fr", "EN", "", None, "indonesian"):
        with pytest.raises(ValueError, match=r"language must be one of \('id', 'en'\)"):
            set_language(bad)
    assert get_language() == "id"  # unchanged by the refused calls


def test_tr_and_pick_follow_the_language():
    set_language("id")
    assert get_language() == "id"
    assert tr("correct_of", gate="AND", correct=3) == "AND: 3/4 benar"
    assert pick({"id": "halo", "en": "hello"}) == "halo"
    set_language("en")
    assert tr("correct_of", gate="AND", correct=3) == "AND: 3/4 correct"
    assert pick({"id": "halo", "en": "hello"}) == "hello"
    with pytest.raises(ValueError, match="texts needs exactly the keys"):
        pick({"en": "only English"})


def test_figures_follow_the_language():
    counts = np.array([[3, 1], [0, 2]])
    set_language("id")
    ax = plot_confusion_matrix(counts)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("prediksi", "kelas sebenarnya")
    set_language("en")
    ax = plot_confusion_matrix(counts)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("predicted", "true")


# -- numbers follow the language (nn_core.fmt / nn_core.pct, tr, figure ticks) ---------------

def test_fmt_and_pct_follow_the_language():
    set_language("id")
    assert nn_core.fmt(3721) == "3.721" and nn_core.fmt(60000) == "60.000"
    assert nn_core.fmt(0.25) == "0,25" and nn_core.fmt(206922.0, 1) == "206.922,0"
    assert nn_core.fmt(np.float32(0.98765), 3) == "0,988" and nn_core.fmt(np.int64(1048576)) == "1.048.576"
    assert nn_core.fmt(0.5, 2, sign=True) == "+0,50" and nn_core.fmt(-1.5, 1, sign=True) == "-1,5"
    assert nn_core.fmt(0.000123, spec=".2e") == "1,23e-04" and nn_core.fmt(0.5, spec=">6.2f") == "  0,50"
    assert nn_core.pct(0.9824, 2) == "98,24%" and nn_core.pct(0.5) == "50%"
    set_language("en")
    assert nn_core.fmt(3721) == "3,721" and nn_core.fmt(0.25) == "0.25" and nn_core.fmt(1234.5, 2) == "1,234.50"
    assert nn_core.pct(0.9824, 2) == "98.24%"


def test_tr_writes_numbers_in_the_language():
    set_language("id")
    assert tr("final_loss", loss=0.01234) == "loss akhir 0,0123"
    assert tr("prediction_title", pred=7, p=0.987) == "prediksi 7 (98,7%)"
    assert tr("correct_of", gate="OR", correct=4) == "OR: 4/4 benar"     # integers without a spec: as they are
    set_language("en")
    assert tr("final_loss", loss=0.01234) == "final loss 0.0123"


def test_figure_ticks_follow_the_language():
    fig, ax = plt.subplots()
    ax.plot([0, 0.5, 1.5], [0, 1, 2])
    set_language("id")
    fig.canvas.draw()
    assert "0,4" in [t.get_text() for t in ax.get_xticklabels()]
    set_language("en")
    fig.canvas.draw()
    assert "0.4" in [t.get_text() for t in ax.get_xticklabels()]


def test_the_p1_07_sliders_speak_indonesian():
    from nn_core.widgets import training_playground

    set_language("id")
    ui = training_playground(epochs=500)
    assert [c.description for c in ui.children[:3]] == ["hidden", "lr", "epoch"]
