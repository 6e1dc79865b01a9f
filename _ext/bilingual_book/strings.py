"""The reader-facing strings of the extension's own markup (quizzes, figure labels, offline
copies, progress badges), in both languages. Their home is ``id.po`` (``msgctxt "markup:<key>"``:
the msgid is the English text, the msgstr the Indonesian), next to every other interface string
of the book; ``tests/test_strings.py`` checks that every entry has both and that every key the
code asks for exists."""
from __future__ import annotations

from pathlib import Path

from .gettext_routing import read_catalog

PO = Path(__file__).resolve().parent / "id.po"
MARKUP = "markup:"


def _load(context_prefix: str) -> dict[str, dict[str, str]]:
    out = {}
    for message in read_catalog(PO):
        if message.context and message.context.startswith(context_prefix) and message.id:
            out[message.context[len(context_prefix):]] = {"id": message.string, "en": message.id}
    return out


#: key -> {"id": …, "en": …}
STRINGS: dict[str, dict[str, str]] = _load(MARKUP)


def javascript_strings() -> dict[str, dict[str, str]]:
    """The JavaScript's table, written into static/bilingual-book.js.jinja at build time:
    language -> {English: translation} (English needs none)."""
    return {"id": {m.id: m.string for m in read_catalog(PO) if m.context == "javascript" and m.id}}


def s(key: str, lang: str, **kw) -> str:
    text = STRINGS[key]["id" if lang == "id" else "en"]
    return text.format(**kw) if kw else text
