"""Light widget pages (html-page-context, before the page is written).

* tqdm progress bars (an HBox of HTML, FloatProgress, HTML: fixed text once the notebook ran)
  become static HTML: a labelled ``<progress>`` between the two texts. No JavaScript needed.
* The ipywidgets manager (require.js + embed-amd.js, 3.5 MB) is loaded only on pages that still
  have a widget to render, and only when one of them comes near the screen (an
  IntersectionObserver), never in the ``<head>``: the chapter's text paints first.
* MathJax is loaded only on pages with maths.
"""
from __future__ import annotations

import html
import json
import re

from .strings import s

WIDGET_VIEW = re.compile(r'<script type="application/vnd\.jupyter\.widget-view\+json">(.*?)</script>', re.S)
TAG = re.compile(r"<[^>]+>")
MATH_MARKERS = ('class="math', "\\(", "\\[", "$$", "<math")

LOADER = """(function () {
  var urls = %s, names = %s, started = false;
  // The widget manager's sliders and captured figures have no accessible name: give them one
  // (the slider's own label; the figure's description) as they appear.
  function name(root) {
    root.querySelectorAll('[role="slider"]:not([aria-label])').forEach(function (handle) {
      var box = handle.closest(".widget-slider"), label = box && box.querySelector(".widget-label");
      var text = label && label.textContent.trim();
      handle.setAttribute("aria-label", text || names.slider);
    });
    root.querySelectorAll(".widget-subarea img:not([alt])").forEach(function (img) {
      img.setAttribute("alt", names.figure);
    });
  }
  new MutationObserver(function () { name(document); })
    .observe(document.documentElement, {childList: true, subtree: true});
  function load(i) {
    if (i >= urls.length) return;
    var s = document.createElement("script");
    s.src = urls[i];
    s.onload = function () { load(i + 1); };
    document.head.appendChild(s);
  }
  function start() { if (!started) { started = true; load(0); } }
  function watch() {
    var views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]');
    if (!views.length) return;
    if (!("IntersectionObserver" in window)) { start(); return; }
    var seen = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); start(); }
    }, {rootMargin: "400px 0px"});
    views.forEach(function (v) { seen.observe(v.parentElement); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch); else watch();
})();"""


def _text(value: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", value or "")).split())


def _model(state: dict, ref: str) -> dict | None:
    return state.get(str(ref).replace("IPY_MODEL_", ""))


def tqdm_html(state: dict, model_id: str, lang: str) -> str | None:
    """Static markup of a tqdm bar, or None if the widget is something else."""
    box = state.get(model_id)
    if not box or box.get("model_name") != "HBoxModel":
        return None
    children = [_model(state, c) for c in box.get("state", {}).get("children", [])]
    names = [c and c.get("model_name") for c in children]
    if names != ["HTMLModel", "FloatProgressModel", "HTMLModel"]:
        return None
    left, bar, right = (c["state"] for c in children)
    label, tail = _text(left.get("value", "")), _text(right.get("value", ""))
    value, top = bar.get("value") or 0, bar.get("max") or 1
    style = bar.get("bar_style") or ""
    name = html.escape(label or s("progress_bar", lang), quote=True)
    return (f'<div class="nn-progress nn-progress--{html.escape(style)}">'
            f'<span class="nn-progress__label">{html.escape(label)}</span>'
            f'<progress max="{top:g}" value="{value:g}" aria-label="{name}">{html.escape(label)}</progress>'
            f'<span class="nn-progress__text">{html.escape(tail)}</span></div>')


def lighten(ctx: dict, state: dict, lang: str) -> None:
    """Static tqdm bars; widget manager only where needed and lazily; MathJax only with maths."""
    from sphinx.builders.html._assets import _JavaScript

    body = ctx.get("body") or ""
    files = ctx.get("script_files")
    if not isinstance(files, list):
        return

    def static_bar(m):
        try:
            model = json.loads(m.group(1).replace("<\\/", "</")).get("model_id")
        except ValueError:
            return m.group(0)
        return tqdm_html(state, model, lang) or m.group(0)

    if "widget-view+json" in body:
        body = WIDGET_VIEW.sub(static_bar, body)
        ctx["body"] = body

    def fname(js) -> str:
        return str(getattr(js, "filename", "") or "")

    def attrs(js) -> dict:
        return getattr(js, "attributes", {}) or {}

    if any("vendor/widgets/" in fname(js) for js in files):
        if "widget-view+json" not in body:
            # Nothing left to render: no manager, no state, no settings.
            files[:] = [js for js in files if "vendor/widgets/" not in fname(js)
                        and attrs(js).get("type") != "application/vnd.jupyter.widget-state+json"
                        and "__jupyter_widgets_assets_path__" not in str(attrs(js).get("body", ""))]
        else:
            urls = [ctx["pathto"](fname(js).split("?")[0], 1) for js in files if "vendor/widgets/" in fname(js)
                    and fname(js).endswith(".js")]
            files[:] = [js for js in files if "vendor/widgets/" not in fname(js)]
            names = {"slider": s("slider", lang), "figure": s("widget_figure", lang)}
            files.append(_JavaScript(None, priority=900, body=LOADER % (json.dumps(urls),
                                                                        json.dumps(names, ensure_ascii=False))))

    if not any(marker in body for marker in MATH_MARKERS):
        files[:] = [js for js in files if "mathjax" not in fname(js).lower()
                    and not str(attrs(js).get("body", "")).startswith("window.MathJax")]
