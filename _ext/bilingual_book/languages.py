"""Which language is a page in, and which page is its twin: the table of contents of one book in
two languages (``bilingual_book_languages``: language -> docname prefix, e.g. ``book/id/``).

Also the build's twin check: a page in one language without its twin in the other, or a part
that lists other chapters than the same part of the other language, is a warning (an error
under ``-W``).
"""
from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)


def prefixes(app: Sphinx) -> dict[str, str]:
    """language code -> docname prefix, e.g. {"id": "book/id/", "en": "book/en/"}."""
    return dict(app.config.bilingual_book_languages)


def doc_language(app: Sphinx, docname: str) -> str | None:
    """The language of a page, or None for a page of both languages (landing page, root search)."""
    for lang, prefix in prefixes(app).items():
        if docname.startswith(prefix):
            return lang
    return None


def page_language(app: Sphinx, docname: str) -> str:
    """The language of a page's interface: a neutral page uses the default language."""
    return doc_language(app, docname) or app.config.bilingual_book_default_language


def twin_name(app: Sphinx, docname: str, lang: str) -> str | None:
    """The same page in language ``lang`` (None for a neutral page)."""
    src = doc_language(app, docname)
    if src is None:
        return None
    langs = prefixes(app)
    return langs[lang] + docname[len(langs[src]):]


def search_page(app: Sphinx, lang: str | None) -> str:
    return "search" if lang is None else prefixes(app)[lang] + "search"


def is_search(app: Sphinx, pagename: str) -> bool:
    return pagename == "search" or pagename in {search_page(app, x) for x in prefixes(app)}


def first_page(app: Sphinx, lang: str) -> str | None:
    """The first page of a language in the root table of contents (its first part)."""
    includes = getattr(app.env, "toctree_includes", {}).get(app.config.root_doc, [])
    return next((d for d in includes if doc_language(app, d) == lang), None)


def check_twins(app: Sphinx, env) -> None:
    """Every page of one language has its twin in the other; the parts list the same chapters."""
    langs = prefixes(app)
    docs = set(env.found_docs)
    for docname in sorted(docs):
        lang = doc_language(app, docname)
        if lang is None:
            continue
        for other in langs:
            if other != lang and twin_name(app, docname, other) not in docs:
                logger.warning("bilingual_book: %s has no %s twin (%s): every page needs its "
                               "counterpart in the other language, also in _toc.yml", docname, other,
                               twin_name(app, docname, other), location=docname,
                               type="bilingual_book", subtype="twin")
    includes = getattr(env, "toctree_includes", {})
    for docname in sorted(includes):
        lang = doc_language(app, docname)
        if lang is None:
            continue
        mine = [d[len(langs[lang]):] for d in includes[docname]]
        for other in langs:
            twin = twin_name(app, docname, other)
            if other == lang or twin not in includes or twin < docname:
                continue   # (each pair reported once)
            theirs = [d[len(langs[other]):] for d in includes[twin]]
            if mine != theirs:
                logger.warning("bilingual_book: %s lists %s but %s lists %s: keep both languages' "
                               "parts in the same order in _toc.yml", docname, mine, twin, theirs,
                               location=docname, type="bilingual_book", subtype="twin")


def collect_pages(app: Sphinx):
    """One search page per language (the root search page searches both)."""
    if not getattr(app.builder, "search", False):
        return
    for lang in prefixes(app):
        yield search_page(app, lang), {}, "search.html"
