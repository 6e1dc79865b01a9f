"""Every reader-facing string has both languages, in each of its homes (README: "Where the words
live"), with the same placeholders:

* nn_core's runtime text: ``nn_core.i18n.STRINGS`` (tests/test_i18n.py tests its use);
* exercise content: every text of every exercise in ``nn_core.exercises`` (``msg(id, en)``);
* the HTML book's interface: ``_ext/bilingual_book/id.po`` (gettext strings, the JavaScript's
  table, the extension's own markup), and the per-language book metadata in _config.yml;
* the tooling's words: ``tools/words.py``.

Each home has one checker below, and each checker is shown to catch a string without its twin.
"""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from tools.words import WORDS

LANGS = ("id", "en")
PO = ROOT / "_ext" / "bilingual_book" / "id.po"
#: str.format fields, JavaScript template fields, gettext's %(name)s and %s
PLACEHOLDER = re.compile(r"\$?\{[^{}]*\}|%\(\w+\)s|%s")


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def pair_problems(where: str, texts) -> list[str]:
    """One bilingual text: exactly the two languages, neither empty, the same placeholders."""
    if not isinstance(texts, dict) or set(texts) != set(LANGS):
        return [f"{where}: languages {sorted(texts) if isinstance(texts, dict) else texts!r}, not {list(LANGS)}"]
    out = [f"{where}: empty {lang} text" for lang in LANGS if not str(texts[lang]).strip()]
    if _placeholders(texts["id"]) != _placeholders(texts["en"]):
        out.append(f"{where}: placeholders differ: id {_placeholders(texts['id'])}, en {_placeholders(texts['en'])}")
    return out


def table_problems(name: str, table: dict) -> list[str]:
    """A table key -> {"id": …, "en": …} (tools/words.py, the extension's markup)."""
    return [p for key, texts in table.items() for p in pair_problems(f"{name}[{key!r}]", texts)]


def by_language_problems(name: str, table: dict) -> list[str]:
    """A table language -> {key: text} (nn_core.i18n.STRINGS): the same keys in both."""
    if set(table) != set(LANGS):
        return [f"{name}: languages {sorted(table)}, not {list(LANGS)}"]
    keys = set(table["id"]) | set(table["en"])
    return [p for key in sorted(keys) for p in pair_problems(f"{name}[{key!r}]", {
        lang: table[lang][key] for lang in LANGS if key in table[lang]})]


def po_problems(path) -> list[str]:
    """id.po: every message has its English msgid and its Indonesian msgstr, with the same
    placeholders (msgctxt keeps the gettext, JavaScript and markup strings apart)."""
    from bilingual_book.gettext_routing import read_catalog

    out = []
    for m in read_catalog(path):
        if not m.id:
            continue   # the header
        where = f"{path.name} {m.context + ' ' if m.context else ''}{m.id!r}"
        out += pair_problems(where, {"en": m.id if isinstance(m.id, str) else m.id[0],
                                     "id": m.string if isinstance(m.string, str) else m.string[0]})
    return out


# -- each home ------------------------------------------------------------------------------------

def test_nn_core_runtime_strings():
    from nn_core.i18n import STRINGS

    assert by_language_problems("nn_core.i18n.STRINGS", STRINGS) == []


def test_exercise_content():
    from nn_core.exercises import ChoiceExercise, registry

    found = []
    for ex in registry():
        name = f"{ex.chapter} {ex.key}"
        texts = {"title": ex.title, "solution": ex._solution,
                 **{f"hint {i}": h for i, h in enumerate(ex.hints)},
                 **{f"mistake {k}": m.message for k, m in ex.mistakes.items()}}
        if isinstance(ex, ChoiceExercise):
            texts.update({f"option {k}": v for k, v in ex.options.items()})
            texts.update({f"why {k}": v for k, v in ex.why.items()})
        for what, pair in texts.items():
            found += pair_problems(f"{name} {what}", pair)
    assert found == []


def test_interface_strings_in_id_po():
    assert po_problems(PO) == []


def test_the_javascript_and_markup_strings_come_from_id_po():
    """Every English string the page's JavaScript looks up, and every markup key the extension's
    code asks for, is in id.po with its translation."""
    from bilingual_book import strings

    js = strings.javascript_strings()["id"]
    template = (ROOT / "_ext" / "bilingual_book" / "static" / "bilingual-book.js.jinja").read_text(encoding="utf-8")
    used = set(re.findall(r't\["([^"]+)"\]', template))
    assert used and used <= set(js), sorted(used - set(js))
    assert {"Search Results", "Searching", "Preparing search...", "Hide Search Matches"} <= set(js)
    assert "{{ bilingual_book_js_strings }}" in template
    assert table_problems("markup", strings.STRINGS) == []
    code = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "_ext" / "bilingual_book").glob("*.py"))
    keys = set(re.findall(r'\bs\("(\w+)"', code))
    assert keys and keys <= set(strings.STRINGS), sorted(keys - set(strings.STRINGS))


def test_book_metadata_per_language_in_config():
    import bilingual_book

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]
    found = []
    for key in ("bilingual_book_titles", "bilingual_book_authors"):
        found += pair_problems(f"_config.yml {key}", config[key])
    assert found == []

    names = {}

    class App:
        def add_config_value(self, name, default, rebuild):
            names[name] = default

        def connect(self, *a, **k):
            pass

    bilingual_book.setup(App())
    languages = config.get("bilingual_book_language_names", names["bilingual_book_language_names"])
    assert set(languages) == set(LANGS) and all(v["name"] and v["switch_title"] for v in languages.values())


def test_tooling_words():
    assert table_problems("tools.words.WORDS", WORDS) == []


# -- the checkers catch a string without its twin -------------------------------------------------

@pytest.mark.parametrize("broken", [
    {"k": {"id": "halo"}},                                   # no English
    {"k": {"en": "hello"}},                                  # no Indonesian
    {"k": {"id": "", "en": "hello"}},                        # empty
    {"k": {"id": "halo {name}", "en": "hello {who}"}},       # other placeholders
])
def test_the_checkers_catch_a_missing_twin(broken, tmp_path):
    assert table_problems("t", broken)
    per_language = {lang: {k: v[lang] for k, v in broken.items() if lang in v} for lang in LANGS}
    assert by_language_problems("t", per_language)
    texts = broken["k"]
    msgid, msgstr = texts.get("en", ""), texts.get("id", "")
    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  f'msgctxt "markup:k"\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n', encoding="utf-8")
    if msgid:   # (a message without its msgid is not a message)
        assert po_problems(po)
