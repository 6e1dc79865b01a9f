"""Take it offline: one zip per language of the built HTML book, which works from ``file://``.

Built at the end of ``make book`` (build-finished, after the pages were post-processed) into
``_build/html/downloads/<name>-<lang>.zip``; the landing page links both. Each zip holds one
folder with an ``index.html`` that opens the language's first part, that language's pages, the
shared landing page, ``_static`` (without source maps) and the images its pages use. Everything
is linked relatively, the widget and MathJax JavaScript are the book's own files and search
reads ``searchindex.js`` through a ``<script>`` tag, so nothing needs a server or the network.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

IMAGE = re.compile(r'"(?:\.\./)*(_images/[^"#?]+)"')
SKIP_STATIC = (".map", ".LICENSE.txt")


def _unused(rel: str) -> bool:
    """Static files no page loads any more (formulas are SVG, Font Awesome is a subset font)."""
    return (rel.startswith("_static/vendor/mathjax/") or rel == "_static/scripts/fontawesome.js"
            or (rel.startswith("_static/vendor/fontawesome/webfonts/") and not rel.endswith(".subset.woff")))


def zip_name(project: str, lang: str) -> str:
    return f"{project}-{lang}.zip"


def landing_section(lang: str, project: str, langs, prefix: str = "../downloads/") -> str:
    """The landing page's download links (HTML)."""
    from html import escape

    from .strings import s

    links = " · ".join(f'<a href="{prefix}{zip_name(project, x)}" download hreflang="{x}" lang="{x}">'
                       f'{escape(s("offline_link", x))}</a>' for x in langs)
    return (f'<section class="bilingual-offline" id="offline"><h2><span lang="id">{escape(s("offline_title", "id"))}'
            f'</span> · <span lang="en">{escape(s("offline_title", "en"))}</span></h2><p><span lang="id">'
            f'{escape(s("offline_text", "id"))}</span><br/><span lang="en">{escape(s("offline_text", "en"))}</span>'
            f'</p><p>{links}</p></section>')


def build_zips(outdir: Path, langs: dict[str, str], project: str, first_pages: dict[str, str]) -> list[Path]:
    """langs: language -> docname prefix (book/id/); first_pages: language -> page to open first."""
    dest = outdir / "downloads"
    dest.mkdir(exist_ok=True)
    made = []
    static = [p for p in sorted((outdir / "_static").rglob("*")) if p.is_file() and not p.name.endswith(SKIP_STATIC)
              and not _unused(p.relative_to(outdir).as_posix())]
    for lang, prefix in langs.items():
        folder = f"{project}-{lang}"
        pages = sorted((outdir / prefix).glob("*.html"))
        neutral = [p for p in (outdir / "book" / "index.html", outdir / "searchindex.js") if p.exists()]
        images = set()
        for page in pages + neutral[:1]:
            images.update(IMAGE.findall(page.read_text(encoding="utf-8")))
        target = dest / zip_name(project, lang)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            start = first_pages.get(lang, prefix + "index")
            z.writestr(f"{folder}/index.html",
                       '<!DOCTYPE html>\n<html lang="%s">\n<head>\n<meta charset="utf-8" />\n<title>%s</title>\n'
                       '<meta http-equiv="Refresh" content="0; url=%s.html" />\n</head>\n<body>\n'
                       '<p><a href="%s.html">%s</a></p>\n</body>\n</html>\n' % (lang, project, start, start, project))
            for path in pages + neutral + static + [outdir / x for x in sorted(images) if (outdir / x).exists()]:
                arcname = f"{folder}/{path.relative_to(outdir).as_posix()}"
                if path.name == "documentation_options.js":
                    # From file:// a browser may not fetch() the result pages for their summaries.
                    z.writestr(arcname, path.read_text(encoding="utf-8").replace(
                        "SHOW_SEARCH_SUMMARY: true", "SHOW_SEARCH_SUMMARY: false"))
                    continue
                z.write(path, arcname)
        made.append(target)
    return made
