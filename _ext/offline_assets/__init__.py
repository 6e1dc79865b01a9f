"""The book serves its own assets: nothing from a CDN that a school network may block.

Loaded by Jupyter Book through ``sphinx: local_extensions: {offline_assets: _ext}`` in
_config.yml, next to ``bilingual_book`` (which knows nothing about the files below):

* ``npm ci`` in ``_vendor/`` (``make book`` runs it) installs the pinned require.js,
  @jupyter-widgets/html-manager and MathJax; the files the pages load are copied into
  ``_static/vendor/`` (``nb_ipywidgets_js`` and ``mathjax_path`` in _config.yml point there);
  ``offline_assets_vendor_dir`` names the ``node_modules`` folder;
* widget pages get the settings the bundles need before they load: require.js's ``baseUrl``, where
  the widgets' fonts are, and a MathJax 2 ``Hub.Queue`` shim (the widget bundle calls MathJax 2;
  the book loads MathJax 3);
* inline scripts added twice are dropped (sphinx-thebe's settings: Jupyter Book adds them twice
  and they redeclare a ``const``, a JavaScript error on every page);
* after the build: every formula typeset as SVG by the vendored MathJax running in Node
  (``mathsvg.py``, ``mathsvg.js``), Font Awesome cut down to the icons the pages use
  (``fonts.py``), the theme's tab stops set in idle time instead of one long task
  (``tabstops.py``), and ``.nojekyll`` so that GitHub Pages serves ``_static/`` as it is.

Its html-page-context handler runs just before bilingual_book's (priority 899 < 900), whose
``widgets.py`` then loads the widget manager lazily; its build-finished handler runs before
bilingual_book's post-processing (priority 400 < 500).
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from . import fonts, mathsvg, tabstops

__version__ = "1.0.0"

logger = logging.getLogger(__name__)

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
#: Where the widget bundles are served from (a page that loads one of them gets the settings).
WIDGETS_DIR = "vendor/widgets/"


def vendor_dir(app: Sphinx) -> Path:
    return Path(app.confdir, app.config.offline_assets_vendor_dir)


def copy_vendor_files(app: Sphinx) -> None:
    """Copy the npm-installed JavaScript into _static/vendor/ (before pages are written)."""
    if app.builder.format != "html":
        return
    source = vendor_dir(app)
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
        logger.warning("offline_assets: the book's JavaScript is not installed (%s missing in %s): "
                       "run `npm ci` in %s (`make book` does)", ", ".join(missing), source,
                       source.parent, type="offline_assets", subtype="vendor")


def dedupe_scripts(ctx) -> None:
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


#: Before require.js and the widget bundle: where their modules and fonts are, and a MathJax 2
#: ``Hub.Queue`` for the bundle (the book loads MathJax 3, which has none). ``widgets.py`` of
#: bilingual_book recognises it by ``__jupyter_widgets_assets_path__``.
WIDGET_SETTINGS = (
    'var require = {{baseUrl: "{base}"}};\n'
    'window.__jupyter_widgets_assets_path__ = "{base}@jupyter-widgets/";\n'
    "(function () {{\n"
    "  var hub = {{Queue: function (job) {{\n"
    "    var el = job && job[2];\n"
    "    if (el && window.MathJax && window.MathJax.typesetPromise) {{\n"
    "      window.MathJax.typesetPromise([el]).catch(function () {{}});\n"
    "    }}\n"
    "  }}}};\n"
    "  var mj = window.MathJax;\n"
    "  Object.defineProperty(window, 'MathJax', {{configurable: true,\n"
    "    get: function () {{ return mj; }},\n"
    "    set: function (v) {{ mj = v; if (v && typeof v === 'object' && !v.Hub) v.Hub = hub; }}}});\n"
    "  if (mj && !mj.Hub) mj.Hub = hub;\n"
    "}})();"
)


def widget_page_settings(ctx) -> None:
    """Add the widget settings script to a page that loads the widget bundles."""
    from sphinx.builders.html._assets import _JavaScript

    if not any(getattr(js, "filename", None) and WIDGETS_DIR in str(js.filename)
               for js in ctx.get("script_files", [])):
        return
    base = ctx["pathto"]("_static/vendor/widgets/", 1)
    ctx["script_files"].append(_JavaScript(None, priority=400, body=WIDGET_SETTINGS.format(base=base)))


def page_context(app, pagename, templatename, ctx, doctree):
    dedupe_scripts(ctx)
    widget_page_settings(ctx)


def build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    # GitHub Pages: serve the folders that start with "_" (_static, _images, _sources) as they are.
    Path(app.outdir, ".nojekyll").touch()
    outdir = Path(app.outdir)
    pages = [p for p in sorted(outdir.rglob("*.html")) if "_static" not in p.relative_to(outdir).parts]
    _n, failed = mathsvg.typeset_site(pages, vendor_dir(app))
    for tex, error in failed.items():
        logger.warning("offline_assets: formula %r could not be typeset: %s", tex, error,
                       type="offline_assets", subtype="math")
    fonts.subset_icon_fonts(outdir, pages)
    tabstops.defer_tab_stops(outdir)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("offline_assets_vendor_dir", "_vendor/node_modules", "html")
    app.connect("builder-inited", copy_vendor_files, priority=900)
    app.connect("html-page-context", page_context, priority=899)
    app.connect("build-finished", build_finished, priority=400)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": False}
