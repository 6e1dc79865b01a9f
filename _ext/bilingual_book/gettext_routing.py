"""Interface strings: one gettext translator that answers in the language of the current page.

The themes' own Indonesian catalogs are incomplete and partly machine-translated, so Indonesian
pages use ``id.po`` from this folder for every string the templates, the themes' Python code and
the HTML writer ask gettext for (Sphinx's own Indonesian catalog only fills gaps), plus a few
strings the themes hard-code in their templates (``HARDCODED``). Every string an Indonesian page
asked for and ``id.po`` does not translate is reported at the end of the build (a warning, so an
error under ``-W``).
"""
from __future__ import annotations

import gettext
import html
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from .languages import page_language, prefixes

HERE = Path(__file__).resolve().parent
logger = logging.getLogger(__name__)

#: Attributes whose English value the themes hard-code; translated with the msgid in id.po.
HARDCODED = ('title="Toggle primary sidebar"', 'title="Toggle secondary sidebar"',
             'aria-label="Main"', 'aria-label="Page"', 'aria-label="Announcement"', 'alt="Colab logo"')


class _State:
    lang = "en"            # language of the page being written / rendered
    docname = ""
    missing: dict[str, set[str]] = {}   # msgid -> pages that asked for it untranslated


STATE = _State()


def read_catalog(path: Path):
    """The babel Catalog of a .po file (babel ships with Sphinx)."""
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        return read_po(fh)


def _text(value) -> str:
    return value[0] if isinstance(value, tuple) else value


def load_catalog(path: Path, context: str | None = None) -> dict[str, str]:
    """msgid -> msgstr of the translated messages of a .po file that have the message context
    ``context`` (None: the messages without a context, the ones gettext asks for)."""
    out = {}
    for message in read_catalog(path):
        if not message.id or not message.string or message.context != context:
            continue
        out[_text(message.id)] = _text(message.string)
    return out


class PageTranslations(gettext.NullTranslations):
    """Wraps one of Sphinx's translators: on Indonesian pages it answers from ``id.po``."""

    def __init__(self, base: gettext.NullTranslations, catalogs: dict[str, dict[str, str]],
                 fallbacks: dict[str, gettext.NullTranslations]):
        super().__init__()
        self.base = base
        self.catalogs = catalogs
        self.fallbacks = fallbacks

    def _lookup(self, message: str) -> str | None:
        catalog = self.catalogs.get(STATE.lang)
        if catalog is None:
            return None
        hit = catalog.get(message)
        if hit is None and message in self._translated(catalog):
            return message   # already translated (the themes translate some strings twice)
        if hit is None:
            STATE.missing.setdefault(message, set()).add(STATE.docname)
            fallback = self.fallbacks.get(STATE.lang)
            if fallback is not None:
                hit = fallback.gettext(message)
        return hit

    _values: dict[int, set[str]] = {}

    def _translated(self, catalog: dict[str, str]) -> set[str]:
        key = id(catalog)
        if key not in self._values:
            PageTranslations._values[key] = set(catalog.values())
        return self._values[key]

    def gettext(self, message):
        hit = self._lookup(message)
        return self.base.gettext(message) if hit is None else hit

    def ngettext(self, msgid1, msgid2, n):
        hit = self._lookup(msgid1 if n == 1 else msgid2)   # Indonesian has one plural form
        return self.base.ngettext(msgid1, msgid2, n) if hit is None else hit

    def pgettext(self, context, message):
        return self.gettext(message)

    def npgettext(self, context, msgid1, msgid2, n):
        return self.ngettext(msgid1, msgid2, n)


def set_page_language(app: Sphinx, docname: str) -> str:
    STATE.lang = page_language(app, docname)
    STATE.docname = docname
    return STATE.lang


def install_translators(app: Sphinx) -> None:
    """Route every gettext call of Sphinx, the themes and the templates through PageTranslations."""
    from sphinx import locale

    catalogs = {}
    fallbacks = {}
    for lang in prefixes(app):
        path = HERE / f"{lang}.po"
        if path.exists():
            catalogs[lang] = load_catalog(path)
            # Sphinx's own catalog (translated by people) fills any gap; the themes' are not used.
            fallbacks[lang] = gettext.translation("sphinx", localedir=str(Path(locale.__file__).parent),
                                                  languages=[lang], fallback=True)
    app.bilingual_book_catalogs = catalogs
    for key, translator in list(locale.translators.items()):
        if key[0] == "general" and not isinstance(translator, PageTranslations):
            locale.translators[key] = PageTranslations(translator, catalogs, fallbacks)
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is not None and hasattr(environment, "install_gettext_translations"):
        environment.install_gettext_translations(locale.translators[("general", "sphinx")])

    # The HTML writer asks gettext while it writes a page's body (before html-page-context):
    # switch the language there too.
    original_write_doc = app.builder.write_doc

    def write_doc(docname, doctree):
        set_page_language(app, docname)
        return original_write_doc(docname, doctree)

    app.builder.write_doc = write_doc

    # Strings the themes write into their templates without gettext (exact attribute values).
    if templates is not None:
        original_render = templates.render

        def render(template, context):
            output = original_render(template, context)
            if STATE.lang in catalogs:
                for attr in HARDCODED:
                    if attr in output:
                        name, value = attr.split("=", 1)
                        output = output.replace(attr, f'{name}="{html.escape(translate(value.strip(chr(34))))}"')
            return output

        templates.render = render


def translate(message: str) -> str:
    """An interface string in the language of the current page (recorded if untranslated)."""
    from sphinx import locale

    return locale.translators[("general", "sphinx")].gettext(message)


def report_untranslated(app: Sphinx) -> None:
    """Every interface string an Indonesian page asked for must be in id.po."""
    catalogs = getattr(app, "bilingual_book_catalogs", {})
    allowed = set(app.config.bilingual_book_untranslated)
    for msgid, pages in sorted(STATE.missing.items()):
        if msgid in allowed or any(msgid in c for c in catalogs.values()):
            continue
        logger.warning("bilingual_book: interface string %r is not translated in _ext/bilingual_book/"
                       "id.po (asked for on %s)", msgid, ", ".join(sorted(pages)[:3]),
                       type="bilingual_book", subtype="untranslated")
