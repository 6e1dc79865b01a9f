"""A page's body in its language (html-page-context, after the navigation):

* ``lang`` attributes on the blocks a chapter marks as the other language;
* each ipywidgets output that cannot render in the static page (no stored state, or a
  third-party widget) gets a one-line note in the page's language with a link that opens the
  chapter in Colab (a widget that renders gets the same note for readers without JavaScript);
* the prompts of collapsed cells in the page's language; the choice exercises that answer in the
  page (``quiz.py``) and the part pages' progress badges; the landing page's download links
  (``offline.py``);
* static tqdm bars, the widget manager loaded only near a widget, MathJax only with maths
  (``widgets.py``).
"""
from __future__ import annotations

import html
import json
import posixpath
import re

from sphinx.application import Sphinx
from sphinx.util import logging

from . import offline, quiz, widgets
from .gettext_routing import translate
from .languages import doc_language, page_language, prefixes

logger = logging.getLogger(__name__)

WIDGET_VIEW = re.compile(r'<script type="application/vnd\.jupyter\.widget-view\+json">(.*?)</script>', re.S)
HIDDEN_PROMPT = re.compile(r'(<p class="(?:collapsed|expanded) admonition-title">)(.*?)(</p>)')
LANG_CLASS = re.compile(r'<(\w+)(\s[^>]*?class="[^"]*\bbilingual-lang-(id|en)\b[^"]*")')
#: Module names of the widgets that html-manager renders itself (anything else needs a CDN).
BUILTIN_WIDGET_MODULES = {"@jupyter-widgets/base", "@jupyter-widgets/controls", "@jupyter-widgets/output"}


def write_body(app: Sphinx, pagename: str, ctx) -> None:
    doc_lang = doc_language(app, pagename)
    widgets.lighten(ctx, _widget_state(app, pagename) if doc_lang else {}, page_language(app, pagename))

    body = ctx.get("body")
    if body:
        body = LANG_CLASS.sub(r'<\1 lang="\3"\2', body)
        if doc_lang:
            body = _widget_notes(app, pagename, doc_lang, body, translate)
            body = HIDDEN_PROMPT.sub(_hidden_prompt, body)
            body = quiz.add_quizzes(body, posixpath.basename(pagename), doc_lang)[0]
            if posixpath.basename(pagename).startswith("part-"):
                body = quiz.add_progress_badges(body, doc_lang)
        elif pagename == app.config.root_doc:
            body += offline.landing_section(page_language(app, pagename), app.config.bilingual_book_offline_name,
                                            list(prefixes(app)))
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
    label = html.escape(tr("open this chapter in Colab"))
    link = f'<a class="reference external" href="{html.escape(url)}">{label}</a>' if url else label
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
