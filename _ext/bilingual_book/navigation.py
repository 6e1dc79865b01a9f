"""Navigation in the page's language: the language switch and ``hreflang`` alternates, the
title and author, the sidebar (the table-of-contents part of the page's language only; the
landing page shows both), prev/next links that never cross from one language into the other, and
a search box that opens the search page of the page's language (which lists that language's
pages only, ``static/bilingual-book.js``).
"""
from __future__ import annotations

import posixpath

from sphinx.application import Sphinx

from .gettext_routing import set_page_language, translate
from .languages import doc_language, first_page, is_search, prefixes, search_page, twin_name


def early_page_context(app, pagename, templatename, ctx, doctree):
    """Before the themes' handlers: they ask gettext for their strings, and pydata-sphinx-theme
    drops header components that render empty (so the language switch is set up here)."""
    lang = set_page_language(app, pagename)
    ctx["language"] = lang
    doc_lang = doc_language(app, pagename)
    langs = prefixes(app)
    pathto = ctx["pathto"]
    search = is_search(app, pagename)
    # Language switch + hreflang alternates.
    links = []
    if search:
        targets = {x: search_page(app, x) for x in langs if x != doc_lang}
    elif doc_lang is None:
        targets = {x: first_page(app, x) for x in langs}
    else:
        targets = {x: twin_name(app, pagename, x) for x in langs if x != doc_lang}
    names = app.config.bilingual_book_language_names
    for other, target in targets.items():
        if target is None or (not search and target not in app.env.all_docs):
            continue
        links.append({"lang": other, "href": pathto(target), "text": names[other]["name"],
                      "short": other.upper(), "title": names[other]["switch_title"]})
    ctx["bilingual_switch"] = {"label": translate("Language"), "links": links} if links else None
    alternates = _alternates(app, pagename, doc_lang, targets if doc_lang else {}, search)
    ctx["metatags"] = ctx.get("metatags", "") + alternates


def _absolute(app: Sphinx, docname: str) -> str:
    base = (app.config.html_baseurl or "").rstrip("/")
    return f"{base}/{docname}.html" if base else f"/{docname}.html"


def _alternates(app: Sphinx, pagename: str, doc_lang, targets: dict, search: bool = False) -> str:
    """``<link rel="alternate" hreflang>`` with absolute URLs: the page itself and its twin (a
    neutral page, the landing page, is the x-default)."""
    if not doc_lang:
        if pagename != app.config.root_doc:
            return ""
        return f'\n<link rel="alternate" hreflang="x-default" href="{_absolute(app, pagename)}" />'
    pairs = {doc_lang: pagename, **{x: t for x, t in targets.items() if search or t in app.env.all_docs}}
    return "".join(f'\n<link rel="alternate" hreflang="{x}" href="{_absolute(app, d)}" />'
                   for x, d in sorted(pairs.items()))


def _relations(app: Sphinx) -> dict:
    """docname -> [parent, previous, next] (computed once per build)."""
    cache = getattr(app, "_bilingual_book_relations", None)
    if cache is None:
        cache = app._bilingual_book_relations = app.env.collect_relations()
    return cache


def _title(app: Sphinx, docname: str) -> str:
    title = app.env.titles.get(docname)
    return app.builder.render_partial(title)["title"] if title is not None else docname


def navigate(app: Sphinx, pagename: str, ctx) -> None:
    """Title, author, search box, prev/next and sidebar of a page in its language (html-page-context,
    after the themes' handlers)."""
    doc_lang = doc_language(app, pagename)
    langs = prefixes(app)
    pathto = ctx["pathto"]
    search = is_search(app, pagename)

    # Title, author and search-box text in the page's language.
    titles = app.config.bilingual_book_titles or {}
    if doc_lang and titles.get(doc_lang):
        ctx["docstitle"] = titles[doc_lang]
    authors = app.config.bilingual_book_authors or {}
    if doc_lang and authors.get(doc_lang) and ctx.get("author"):
        ctx["author"] = authors[doc_lang]
    ctx["theme_search_bar_text"] = translate("Search this book...")
    if pagename == app.config.root_doc:
        ctx["titlesuffix"] = ""   # the landing page's title is the book's title in both languages

    # The search box opens the search page of the page's language.
    def pathto_lang(otheruri, resource=False, baseuri=None, _orig=pathto):
        if otheruri == "search" and not resource:
            otheruri = search_page(app, doc_lang)
        return _orig(otheruri, resource) if baseuri is None else _orig(otheruri, resource, baseuri)

    ctx["pathto"] = pathto_lang
    if doc_lang and search:
        others = " ".join(prefix for x, prefix in langs.items() if x != doc_lang)
        ctx["metatags"] = ctx.get("metatags", "") + \
            f'\n<meta name="bilingual-book:search-exclude" content="{others}" />'

    # Prev/next stay inside the page's language; the first page of a language goes back to the
    # landing page.
    relations = _relations(app).get(pagename)
    if relations and doc_lang:
        _parent, prev_doc, next_doc = relations
        root = app.config.root_doc
        if next_doc and doc_language(app, next_doc) != doc_lang:
            ctx["next"] = None
        if prev_doc and prev_doc != root and doc_language(app, prev_doc) != doc_lang:
            ctx["prev"] = {"link": pathto(root), "title": _title(app, root)}

    # Sidebar: only this language's part of the table of contents.
    if doc_lang and "generate_toctree_html" in ctx:
        ctx["generate_toctree_html"] = _filtered_toctree(app, pagename, doc_lang,
                                                         ctx["generate_toctree_html"])

    if search and doc_lang:
        # A language's search page is the theme's search page: pydata-sphinx-theme's layout loads
        # searchtools.js itself unless pagename == "search" (twice would be a JavaScript error).
        # Only the templates read ctx["pagename"] from here on.
        ctx["pagename"] = "search"


def _filtered_toctree(app, pagename, lang, generate):
    """Wrap the theme's sidebar generator: drop the captions and lists of other languages."""
    from bs4 import BeautifulSoup

    page_dir = posixpath.dirname(pagename)
    prefix = prefixes(app)[lang]

    def belongs_elsewhere(ul) -> bool:
        for a in ul.find_all("a", href=True):
            href = a["href"].split("#")[0]
            if not href or "://" in href:
                continue
            target = posixpath.normpath(posixpath.join(page_dir, href))
            other = doc_language(app, target[:-5] if target.endswith(".html") else target)
            return other is not None and not target.startswith(prefix)
        return False

    def wrapper(kind, *args, **kwargs):
        out = generate(kind, *args, **kwargs)
        if kind != "sidebar":
            return out
        soup = out if isinstance(out, BeautifulSoup) else BeautifulSoup(str(out), "html.parser")
        for ul in soup.find_all("ul", recursive=False):
            if belongs_elsewhere(ul):
                caption = ul.find_previous_sibling()
                if caption is not None and caption.name == "p" and "caption" in caption.get("class", []):
                    caption.decompose()
                ul.decompose()
        return soup

    return wrapper
