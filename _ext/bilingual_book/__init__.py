"""One Jupyter Book, two languages: the Sphinx extension that makes the HTML book bilingual.

Loaded by Jupyter Book through ``sphinx: local_extensions: {bilingual_book: _ext}`` in
_config.yml. Pages under ``book/id/`` are Indonesian, pages under ``book/en/`` English; every
other page (the landing page, the all-language search page) uses the default language. One
module per concern:

* ``languages.py``: which language a page is in, its twin, one search page per language; the
  build fails (a warning under ``-W``) when a page in one language has no twin in the other, or
  when a part of one language lists other chapters than the same part of the other;
* ``gettext_routing.py``: the interface text in the page's language: every string the templates,
  the themes' Python code and the HTML writer ask gettext for comes from ``id.po`` on Indonesian
  pages (the themes' own Indonesian catalogs are incomplete and partly machine-translated), plus
  a few strings the themes hard-code; the build fails when an Indonesian page asks for a string
  that ``id.po`` does not translate. ``static/bilingual-book.js.jinja`` does the same for the
  JavaScript strings (search page, copy buttons, toggles), from the same ``id.po``;
* ``navigation.py``: ``<html lang>``, the language switch (template ``bilingual-switch.html``)
  and ``hreflang`` alternates, the sidebar, prev/next and the search box in the page's language;
* ``pages.py``: the page's body: widget notes with an Open-in-Colab link, collapsed-cell
  prompts, and the phone-first steps of ``widgets.py`` (static tqdm bars, the widget manager
  loaded only near a widget) and ``quiz.py`` (choice exercises that answer in the page);
* after the build: ``postprocess.py`` (valid, named, phone-sized HTML) and ``offline.py`` (a zip
  per language). ``strings.py`` reads the strings of the extension's own markup from ``id.po``.

``id.po`` is the one home of the book's interface strings (English msgid, Indonesian msgstr);
_config.yml holds the book's title and authors per language.

The vendored JavaScript, its settings and the build-time formulas and icon fonts are another
extension's: ``_ext/offline_assets``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from . import offline, postprocess, strings
from .gettext_routing import install_translators, load_catalog, report_untranslated, set_page_language
from .languages import check_twins, collect_pages, first_page, prefixes
from .navigation import early_page_context, navigate
from .pages import write_body

__version__ = "1.1.0"
__all__ = ["check_twins", "load_catalog", "setup"]

HERE = Path(__file__).resolve().parent


def config_inited(app: Sphinx, config) -> None:
    config.templates_path = [str(HERE / "templates"), *config.templates_path]
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]
    # static/bilingual-book.js.jinja: its table of JavaScript strings, from id.po.
    config.html_context = {**config.html_context,
                           "bilingual_book_js_strings": json.dumps(strings.javascript_strings(), ensure_ascii=False,
                                                                   indent=1, sort_keys=True)}
    if not config.html_favicon:
        config.html_favicon = str(HERE / "static" / "favicon.svg")


def builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    install_translators(app)
    app.add_css_file("bilingual-book.css")
    app.add_js_file("bilingual-book.js", priority=600)   # after doctools, copybutton, togglebutton
    app.add_js_file("bilingual-book-quiz.js", priority=600, loading_method="defer")


def page_context(app, pagename, templatename, ctx, doctree):
    """After the themes' handlers (and offline_assets'): navigation, then the body."""
    set_page_language(app, pagename)
    navigate(app, pagename, ctx)
    write_body(app, pagename, ctx)


def build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    postprocess.process_site(outdir, app.config.root_doc)
    firsts = {x: first_page(app, x) for x in prefixes(app)}
    offline.build_zips(outdir, prefixes(app), app.config.bilingual_book_offline_name,
                       {x: d for x, d in firsts.items() if d})
    report_untranslated(app)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("bilingual_book_languages", {"id": "book/id/", "en": "book/en/"}, "html")
    app.add_config_value("bilingual_book_default_language", "en", "html")
    app.add_config_value("bilingual_book_titles", {}, "html")
    app.add_config_value("bilingual_book_authors", {}, "html")
    app.add_config_value("bilingual_book_language_names", {
        "id": {"name": "Bahasa Indonesia", "switch_title": "Baca halaman ini dalam Bahasa Indonesia"},
        "en": {"name": "English", "switch_title": "Read this page in English"},
    }, "html")
    app.add_config_value("bilingual_book_offline_name", "neural-network-dari-nol", "html")
    # msgids that may stay untranslated (never shown to a reader).
    app.add_config_value("bilingual_book_untranslated", [], "html")
    app.connect("config-inited", config_inited)
    app.connect("builder-inited", builder_inited, priority=900)
    app.connect("env-check-consistency", check_twins)
    app.connect("html-collect-pages", collect_pages)
    app.connect("html-page-context", early_page_context, priority=1)
    app.connect("html-page-context", page_context, priority=900)
    app.connect("build-finished", build_finished)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": False}
