"""One Jupyter Book, two languages: the Sphinx extension that makes the HTML book bilingual.

Loaded by Jupyter Book through ``sphinx: local_extensions: {bilingual_book: _ext}`` in
_config.yml. Pages under ``book/id/`` are Indonesian, pages under ``book/en/`` English; every
other page (the landing page, the all-language search page) uses the default language. Per page:

* ``<html lang="id|en">`` and a language switch (template ``bilingual-switch.html`` in the
  article header) that opens the same chapter in the other language; ``<link rel="alternate"
  hreflang>`` for both;
* the interface text in the page's language. The themes' own Indonesian catalogs are incomplete
  and partly machine-translated, so Indonesian pages use ``id.po`` from this folder for every
  string the templates, the themes' Python code and the HTML writer ask gettext for (Sphinx's
  own Indonesian catalog only fills gaps), plus a few strings the themes hard-code in their
  templates; ``static/bilingual-book.js`` does the same for the JavaScript strings (search page,
  copy buttons, toggles). The build fails (a warning under ``-W``) when an Indonesian page asks
  for a string that ``id.po`` does not translate;
* the sidebar shows the table-of-contents part of the page's language only (the landing page
  shows both), prev/next never cross from one language into the other, the search box opens a
  search page in the page's language that lists that language's pages;
* each ipywidgets output that cannot render in the static page (no stored state, or a
  third-party widget) gets a one-line note in the page's language with a link that opens the
  chapter in Colab (a widget that renders gets the same note for readers without JavaScript);
* the build fails (a warning under ``-W``) when a page in one language has no twin in the
  other, or when a part of one language lists other chapters than the same part of the other.

It also serves the third-party JavaScript itself instead of loading it from a CDN that a school
network may block: ``npm ci`` in ``_vendor/`` (``make book`` runs it) installs the pinned
require.js, @jupyter-widgets/html-manager and MathJax; the extension copies the files the pages
load into ``_static/vendor/`` (``nb_ipywidgets_js`` and ``mathjax_path`` in _config.yml point
there) and gives the widget pages the settings the bundles need to find their fonts.

Phone-first steps live in their own modules: ``widgets.py`` (static tqdm bars, the widget manager
loaded only near a widget, MathJax dropped), ``quiz.py`` (choice exercises that answer in the
page), and after the build ``mathsvg.py`` (formulas as SVG), ``fonts.py`` (Font Awesome subset),
``postprocess.py`` (valid, named, phone-sized HTML) and ``offline.py`` (a zip per language);
``strings.py`` holds their reader-facing strings in both languages.
"""
from __future__ import annotations

import gettext
import html
import json
import posixpath
import re
import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from . import fonts, mathsvg, offline, postprocess, quiz, widgets

__version__ = "1.0.0"

HERE = Path(__file__).resolve().parent
logger = logging.getLogger(__name__)

WIDGET_VIEW = re.compile(r'<script type="application/vnd\.jupyter\.widget-view\+json">(.*?)</script>', re.S)
HIDDEN_PROMPT = re.compile(r'(<p class="(?:collapsed|expanded) admonition-title">)(.*?)(</p>)')
LANG_CLASS = re.compile(r'<(\w+)(\s[^>]*?class="[^"]*\bbilingual-lang-(id|en)\b[^"]*")')

#: What the book serves from _static/vendor/: (path or glob in node_modules, folder in _static/vendor/).
VENDOR_FILES = (
    ("requirejs/require.js", "widgets"),
    ("@jupyter-widgets/html-manager/dist/embed-amd.js", "widgets"),
    ("@jupyter-widgets/html-manager/dist/embed.js.LICENSE.txt", "widgets"),
    # Fonts of the widgets' CSS: the bundles inside embed-amd.js look for them next to their AMD
    # module names (@jupyter-widgets/controls, @jupyter-widgets/html-manager/dist/libembed-amd).
    ("@jupyter-widgets/html-manager/dist/*.woff2", "widgets/@jupyter-widgets"),
    ("@jupyter-widgets/html-manager/dist/*.woff2", "widgets/@jupyter-widgets/html-manager/dist"),
    ("mathjax/LICENSE", "mathjax"),
    ("mathjax/es5/tex-mml-chtml.js", "mathjax"),
    ("mathjax/es5/output/chtml.js", "mathjax/output"),
    ("mathjax/es5/output/chtml", "mathjax/output"),       # CHTML fonts
    ("mathjax/es5/input", "mathjax"),                     # TeX extensions loaded on demand
    ("mathjax/es5/a11y", "mathjax"),                      # accessibility (menu)
    ("mathjax/es5/sre", "mathjax"),
    ("mathjax/es5/ui", "mathjax"),
    ("mathjax/es5/adaptors", "mathjax"),
)
#: Module names of the widgets that html-manager renders itself (anything else needs a CDN).
BUILTIN_WIDGET_MODULES = {"@jupyter-widgets/base", "@jupyter-widgets/controls", "@jupyter-widgets/output"}

# --------------------------------------------------------------------------------------------
# Which language is a page in?
# --------------------------------------------------------------------------------------------


def _languages(app: Sphinx) -> dict[str, str]:
    """language code -> docname prefix, e.g. {"id": "book/id/", "en": "book/en/"}."""
    return dict(app.config.bilingual_book_languages)


def doc_language(app: Sphinx, docname: str) -> str | None:
    """The language of a page, or None for a page of both languages (landing page, root search)."""
    for lang, prefix in _languages(app).items():
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
    langs = _languages(app)
    return langs[lang] + docname[len(langs[src]):]


def search_page(app: Sphinx, lang: str | None) -> str:
    return "search" if lang is None else _languages(app)[lang] + "search"


# --------------------------------------------------------------------------------------------
# Interface strings: one gettext translator that answers in the language of the current page
# --------------------------------------------------------------------------------------------


class _State:
    lang = "en"            # language of the page being written / rendered
    docname = ""
    missing: dict[str, set[str]] = {}   # msgid -> pages that asked for it untranslated


STATE = _State()


def load_catalog(path: Path) -> dict[str, str]:
    """msgid -> msgstr of a .po file (babel ships with Sphinx)."""
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        catalog = read_po(fh)
    out = {}
    for message in catalog:
        if not message.id or not message.string:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        msgstr = message.string[0] if isinstance(message.string, tuple) else message.string
        out[msgid] = msgstr
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
    for lang in _languages(app):
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


#: Attributes whose English value the themes hard-code; translated with the msgid in id.po.
HARDCODED = ('title="Toggle primary sidebar"', 'title="Toggle secondary sidebar"',
             'aria-label="Main"', 'aria-label="Page"', 'aria-label="Announcement"', 'alt="Colab logo"')


# --------------------------------------------------------------------------------------------
# Build events
# --------------------------------------------------------------------------------------------


def config_inited(app: Sphinx, config) -> None:
    config.templates_path = [str(HERE / "templates"), *config.templates_path]
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]
    if not config.html_favicon:
        config.html_favicon = str(HERE / "static" / "favicon.svg")


def builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    install_translators(app)
    app.add_css_file("bilingual-book.css")
    app.add_js_file("bilingual-book.js", priority=600)   # after doctools, copybutton, togglebutton
    app.add_js_file("bilingual-book-quiz.js", priority=600, loading_method="defer")
    copy_vendor_files(app)


def copy_vendor_files(app: Sphinx) -> None:
    """Copy the npm-installed JavaScript into _static/vendor/ (before pages are written)."""
    source = Path(app.confdir, app.config.bilingual_book_vendor_dir)
    dest_root = Path(app.outdir, "_static", "vendor")
    missing = []
    for pattern, folder in VENDOR_FILES:
        matches = sorted(source.glob(pattern))
        if not matches:
            missing.append(pattern)
            continue
        dest = dest_root / folder
        dest.mkdir(parents=True, exist_ok=True)
        for path in matches:
            if path.is_dir():
                shutil.copytree(path, dest / path.name, dirs_exist_ok=True)
            else:
                shutil.copyfile(path, dest / path.name)
    if missing:
        logger.warning("bilingual_book: the book's JavaScript is not installed (%s missing in %s): "
                       "run `npm ci` in %s (`make book` does)", ", ".join(missing), source,
                       source.parent, type="bilingual_book", subtype="vendor")


def check_twins(app: Sphinx, env) -> None:
    """Every page of one language has its twin in the other; the parts list the same chapters."""
    langs = _languages(app)
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
    for lang in _languages(app):
        yield search_page(app, lang), {}, "search.html"


def early_page_context(app, pagename, templatename, ctx, doctree):
    """Before the themes' handlers: they ask gettext for their strings, and pydata-sphinx-theme
    drops header components that render empty (so the language switch is set up here)."""
    lang = set_page_language(app, pagename)
    ctx["language"] = lang
    doc_lang = doc_language(app, pagename)
    langs = _languages(app)
    pathto = ctx["pathto"]
    is_search = _is_search(app, pagename)
    # Language switch + hreflang alternates.
    links = []
    if is_search:
        targets = {x: search_page(app, x) for x in langs if x != doc_lang}
    elif doc_lang is None:
        targets = {x: _first_page(app, x) for x in langs}
    else:
        targets = {x: twin_name(app, pagename, x) for x in langs if x != doc_lang}
    names = app.config.bilingual_book_language_names
    for other, target in targets.items():
        if target is None or (not is_search and target not in app.env.all_docs):
            continue
        links.append({"lang": other, "href": pathto(target), "text": names[other]["name"],
                      "short": other.upper(), "title": names[other]["switch_title"]})
    ctx["bilingual_switch"] = {"label": translate("Language"), "links": links} if links else None
    alternates = _alternates(app, pagename, doc_lang, targets if doc_lang else {}, is_search)
    ctx["metatags"] = ctx.get("metatags", "") + alternates


def _absolute(app: Sphinx, docname: str) -> str:
    base = (app.config.html_baseurl or "").rstrip("/")
    return f"{base}/{docname}.html" if base else f"/{docname}.html"


def _alternates(app: Sphinx, pagename: str, doc_lang, targets: dict, is_search: bool = False) -> str:
    """``<link rel="alternate" hreflang>`` with absolute URLs: the page itself and its twin (a
    neutral page, the landing page, is the x-default)."""
    if not doc_lang:
        if pagename != app.config.root_doc:
            return ""
        return f'\n<link rel="alternate" hreflang="x-default" href="{_absolute(app, pagename)}" />'
    pairs = {doc_lang: pagename, **{x: t for x, t in targets.items() if is_search or t in app.env.all_docs}}
    return "".join(f'\n<link rel="alternate" hreflang="{x}" href="{_absolute(app, d)}" />'
                   for x, d in sorted(pairs.items()))


def _is_search(app: Sphinx, pagename: str) -> bool:
    return pagename == "search" or pagename in {search_page(app, x) for x in _languages(app)}


def _relations(app: Sphinx) -> dict:
    """docname -> [parent, previous, next] (computed once per build)."""
    cache = getattr(app, "_bilingual_book_relations", None)
    if cache is None:
        cache = app._bilingual_book_relations = app.env.collect_relations()
    return cache


def page_context(app, pagename, templatename, ctx, doctree):
    """After the themes' handlers: title, navigation, sidebar, search, widget notes."""
    set_page_language(app, pagename)
    doc_lang = doc_language(app, pagename)
    langs = _languages(app)
    tr = translate
    pathto = ctx["pathto"]
    is_search = _is_search(app, pagename)

    # Title, author and search-box text in the page's language.
    titles = app.config.bilingual_book_titles or {}
    if doc_lang and titles.get(doc_lang):
        ctx["docstitle"] = titles[doc_lang]
    authors = app.config.bilingual_book_authors or {}
    if doc_lang and authors.get(doc_lang) and ctx.get("author"):
        ctx["author"] = authors[doc_lang]
    ctx["theme_search_bar_text"] = tr("Search this book...")
    if pagename == app.config.root_doc:
        ctx["titlesuffix"] = ""   # the landing page's title is the book's title in both languages

    # The search box opens the search page of the page's language.
    def pathto_lang(otheruri, resource=False, baseuri=None, _orig=pathto):
        if otheruri == "search" and not resource:
            otheruri = search_page(app, doc_lang)
        return _orig(otheruri, resource) if baseuri is None else _orig(otheruri, resource, baseuri)

    ctx["pathto"] = pathto_lang
    if doc_lang and is_search:
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

    if is_search and doc_lang:
        # A language's search page is the theme's search page: pydata-sphinx-theme's layout loads
        # searchtools.js itself unless pagename == "search" (twice would be a JavaScript error).
        # Only the templates read ctx["pagename"] from here on.
        ctx["pagename"] = "search"
    _dedupe_scripts(ctx)
    if any(getattr(js, "filename", None) and "vendor/widgets/" in str(js.filename)
           for js in ctx.get("script_files", [])):
        _widget_page_settings(app, ctx)
    widgets.lighten(ctx, _widget_state(app, pagename) if doc_lang else {}, page_language(app, pagename))

    body = ctx.get("body")
    if body:
        body = LANG_CLASS.sub(r'<\1 lang="\3"\2', body)
        if doc_lang:
            body = _widget_notes(app, pagename, doc_lang, body, tr)
            body = HIDDEN_PROMPT.sub(_hidden_prompt, body)
            body = quiz.add_quizzes(body, posixpath.basename(pagename), doc_lang)[0]
            if posixpath.basename(pagename).startswith("part-"):
                body = quiz.add_progress_badges(body, doc_lang)
        elif pagename == app.config.root_doc:
            body += offline.landing_section(page_language(app, pagename), app.config.bilingual_book_offline_name,
                                            list(langs))
            body = body.replace('aria-label="Toggle hidden content"',
                                f'aria-label="{html.escape(translate("Toggle hidden content"))}"')
        ctx["body"] = body


def _hidden_prompt(m) -> str:
    """The prompt of a collapsed cell in the page's language. A prompt the chapter set itself
    (a check cell's "✓ Cek: …" or an author's ``#@title``, written by tools/bilingual.py) is
    already in that language; only myst-nb's own ("Show code cell source") is translated."""
    text = html.unescape(m[2])
    own = not text.startswith(("Show code cell", "Hide code cell"))
    return m[1] + html.escape(text if own else translate(text)) + m[3]


def _dedupe_scripts(ctx) -> None:
    """Drop repeated inline scripts (sphinx-thebe's settings are added twice by Jupyter Book and
    redeclare a const: a JavaScript error on every page)."""
    files = ctx.get("script_files")
    if not isinstance(files, list):
        return
    seen, out = set(), []
    for js in files:
        attrs = getattr(js, "attributes", {}) or {}
        key = (str(getattr(js, "filename", js) or ""), tuple(sorted((k, str(v)) for k, v in attrs.items())))
        if key in seen:
            continue
        seen.add(key)
        out.append(js)
    files[:] = out


def _widget_page_settings(app: Sphinx, ctx) -> None:
    """Before require.js and the widget bundle: where their modules and fonts are, and a
    MathJax 2 ``Hub.Queue`` for the bundle (the book loads MathJax 3, which has none)."""
    from sphinx.builders.html._assets import _JavaScript

    base = ctx["pathto"]("_static/vendor/widgets/", 1)
    body = (
        f'var require = {{baseUrl: "{base}"}};\n'
        f'window.__jupyter_widgets_assets_path__ = "{base}@jupyter-widgets/";\n'
        "(function () {\n"
        "  var hub = {Queue: function (job) {\n"
        "    var el = job && job[2];\n"
        "    if (el && window.MathJax && window.MathJax.typesetPromise) {\n"
        "      window.MathJax.typesetPromise([el]).catch(function () {});\n"
        "    }\n"
        "  }};\n"
        "  var mj = window.MathJax;\n"
        "  Object.defineProperty(window, 'MathJax', {configurable: true,\n"
        "    get: function () { return mj; },\n"
        "    set: function (v) { mj = v; if (v && typeof v === 'object' && !v.Hub) v.Hub = hub; }});\n"
        "  if (mj && !mj.Hub) mj.Hub = hub;\n"
        "})();"
    )
    ctx["script_files"].append(_JavaScript(None, priority=400, body=body))


def _title(app: Sphinx, docname: str) -> str:
    title = app.env.titles.get(docname)
    return app.builder.render_partial(title)["title"] if title is not None else docname


def _first_page(app: Sphinx, lang: str) -> str | None:
    includes = getattr(app.env, "toctree_includes", {}).get(app.config.root_doc, [])
    return next((d for d in includes if doc_language(app, d) == lang), None)


def _filtered_toctree(app, pagename, lang, generate):
    """Wrap the theme's sidebar generator: drop the captions and lists of other languages."""
    from bs4 import BeautifulSoup

    page_dir = posixpath.dirname(pagename)
    prefix = _languages(app)[lang]

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


def colab_url(app: Sphinx, docname: str) -> str | None:
    """Open-in-Colab link of a notebook page, as the launch button builds it."""
    opts = app.builder.theme_options if hasattr(app.builder, "theme_options") else {}
    opts = {**getattr(app.config, "html_theme_options", {}), **(opts or {})}
    repo = (opts.get("repository_url") or "").rstrip("/")
    colab = (opts.get("launch_buttons") or {}).get("colab_url")
    if not repo.startswith("https://github.com/") or not colab:
        return None
    org_repo = repo[len("https://github.com/"):]
    branch = opts.get("repository_branch") or "master"
    book = (opts.get("path_to_docs") or "").strip("/")
    path = posixpath.join(book, docname + ".ipynb") if book else docname + ".ipynb"
    return f"{colab.rstrip('/')}/github/{org_repo}/blob/{branch}/{path}"


def _widget_state(app: Sphinx, docname: str) -> dict:
    """model id -> model of the notebook's stored widget state ({} when none was stored)."""
    try:
        from myst_nb.sphinx_ import NbMetadataCollector
    except ImportError:  # pragma: no cover
        return {}
    js = NbMetadataCollector.get_js_files(app.env, docname).get("ipywidgets_state")
    if not js:
        return {}
    return json.loads(js[1]["body"].replace("<\\/", "</")).get("state", {})


def _widget_notes(app, pagename, lang, body, tr):
    """A note (page language, with a Colab link) after every widget that cannot render here."""
    if "application/vnd.jupyter.widget-view+json" not in body:
        return body
    state = _widget_state(app, pagename)
    url = colab_url(app, pagename)
    link = (f'<a class="reference external" href="{html.escape(url)}">{html.escape(tr("open this chapter in Colab"))}</a>'
            if url else html.escape(tr("open this chapter in Colab")))
    text = tr("This interactive widget only runs in the notebook: {link} to play with it.")
    note = text.replace("{link}", link)

    def add_note(match):
        try:
            model = json.loads(match.group(1).replace("<\\/", "</")).get("model_id")
        except ValueError:
            model = None
        if model in state and all(m.get("model_module") in BUILTIN_WIDGET_MODULES for m in state.values()):
            # Rendered by the widget JavaScript; without JavaScript, say where to play with it.
            return (match.group(0) + f'<noscript><p class="bilingual-widget-note">{note}</p></noscript>')
        logger.info("bilingual_book: %s: widget %s cannot render in the static page (no stored state "
                    "or a third-party widget); the page shows a note instead", pagename, model)
        return f'<p class="bilingual-widget-note admonition-like">{note}</p>'

    return WIDGET_VIEW.sub(add_note, body)


def build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    # GitHub Pages: serve the folders that start with "_" (_static, _images, _sources) as they are.
    Path(app.outdir, ".nojekyll").touch()
    outdir = Path(app.outdir)
    pages = [p for p in sorted(outdir.rglob("*.html")) if "_static" not in p.relative_to(outdir).parts]
    _n, failed = mathsvg.typeset_site(pages, Path(app.confdir, app.config.bilingual_book_vendor_dir))
    for tex, error in failed.items():
        logger.warning("bilingual_book: formula %r could not be typeset: %s", tex, error,
                       type="bilingual_book", subtype="math")
    fonts.subset_icon_fonts(outdir, pages)
    postprocess.process_site(outdir, app.config.root_doc)
    firsts = {x: _first_page(app, x) for x in _languages(app)}
    offline.build_zips(outdir, _languages(app), app.config.bilingual_book_offline_name,
                       {x: d for x, d in firsts.items() if d})
    # Every interface string an Indonesian page asked for must be in id.po.
    catalogs = getattr(app, "bilingual_book_catalogs", {})
    allowed = set(app.config.bilingual_book_untranslated)
    for msgid, pages in sorted(STATE.missing.items()):
        if msgid in allowed or any(msgid in c for c in catalogs.values()):
            continue
        logger.warning("bilingual_book: interface string %r is not translated in _ext/bilingual_book/"
                       "id.po (asked for on %s)", msgid, ", ".join(sorted(pages)[:3]),
                       type="bilingual_book", subtype="untranslated")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("bilingual_book_languages", {"id": "book/id/", "en": "book/en/"}, "html")
    app.add_config_value("bilingual_book_default_language", "en", "html")
    app.add_config_value("bilingual_book_titles", {}, "html")
    app.add_config_value("bilingual_book_authors", {}, "html")
    app.add_config_value("bilingual_book_language_names", {
        "id": {"name": "Bahasa Indonesia", "switch_title": "Baca halaman ini dalam Bahasa Indonesia"},
        "en": {"name": "English", "switch_title": "Read this page in English"},
    }, "html")
    app.add_config_value("bilingual_book_vendor_dir", "_vendor/node_modules", "html")
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
