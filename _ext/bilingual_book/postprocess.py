"""After the build, every written page is rewritten once (build-finished hook): what Sphinx, the
themes, myst-nb and the committed notebook outputs emit, made valid HTML, accessible and light
on a phone. Each step is a small function of the page's text; ``process_page`` runs them all.

* collapsed cells: the ``<p>`` inside ``<summary>`` (invalid) become ``<span>``, and the
  ``aria-label="Toggle hidden content"`` that hid the visible "✓ Check: …" text is dropped, so the
  summary is named by what it shows;
* sidebar ``<summary>`` elements (an icon only) get a name: "Show or hide the chapters of …";
* the watch-it-learn player (``nn_core.animation``; old markup of committed outputs included):
  ``<img>`` with ``alt`` and a placeholder ``src``, a labelled slider, ``<script>`` without
  ``language``; every ``<style>`` in the body moves into ``<head>`` (also ``show_source``'s);
* figures: alt text from the figure's title in the code that drew it, or the section it is in,
  in the page's language (never a file path), and a tap-to-enlarge link to the full-size image;
* ``<head>``: search scripts only on the search pages, no Font Awesome JavaScript (its web fonts
  in the theme's CSS draw the same icons), no
  ``autocorrect`` attribute, a meta description from the page's first paragraph;
* wide tables and display equations get a box that scrolls sideways (with a cue);
* code blocks carry their number of lines (``--lines``): bilingual-book.css lays out only those near
  the screen (``content-visibility``) and reserves the others' exact height, so nothing jumps;
* the root redirect page becomes a valid HTML document.
"""
from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from .strings import s

SUMMARY = re.compile(
    r'<summary aria-label="[^"]*">\s*<p class="(collapsed|expanded) admonition-title">(.*?)</p>\s*'
    r'<p class="(collapsed|expanded) admonition-title">(.*?)</p>\s*</summary>', re.S)
SIDEBAR_SUMMARY = re.compile(
    r'(<a class="reference internal" href="[^"]*">(.*?)</a>\s*<details[^>]*>\s*<summary>)'
    r'(<span class="toctree-toggle" role="presentation">)', re.S)
STYLE = re.compile(r"<style[^>]*>.*?</style>\s*", re.S)
ANIM_IMG = re.compile(r'<img id="(_anim_img\w+)"((?:(?!\bwidth=)[^>])*)>')   # old markup and nn_core's current one
ANIM_SLIDER = re.compile(r'(<input id="_anim_slider\w+" type="range" class="anim-slider")(?![^>]*aria-label)')
IMG = re.compile(r'<img\b[^>]*>')
HEADING = re.compile(r"<h([1-4])[^>]*>(.*?)</h\1>", re.S)
TAG = re.compile(r"<[^>]+>")
CODE_INPUT = '<div class="cell_input'
TITLE_CALL = re.compile(r"""(?:\bset_title|\bsuptitle|\btitle)\s*[(=]\s*(?:[rf]{1,2})?(["'])((?:(?!\1).){3,120}?)\1""")
SEARCH_SCRIPTS = re.compile(r'\s*<script src="[^"]*(?:searchtools\.js|language_data\.js|searchindex\.js)"></script>')
FONTAWESOME = re.compile(r'<script defer src="([^"]*scripts/fontawesome\.js[^"]*)"></script>')
TABLE = re.compile(r'(<table\b[^>]*>.*?</table>)', re.S)
MATH_BLOCK = re.compile(r'(<div class="math notranslate nohighlight">.*?</div>)', re.S)
TRANSPARENT_GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


def page_lang(text: str) -> str:
    m = re.search(r'<html[^>]*\blang="(\w+)"', text)
    return m.group(1) if m else "en"


# -- body ------------------------------------------------------------------------------------

def fix_collapsed_cells(text: str) -> str:
    def repl(m):
        return (f'<summary><span class="{m[1]} admonition-title">{m[2]}</span>'
                f'<span class="{m[3]} admonition-title">{m[4]}</span></summary>')
    return SUMMARY.sub(repl, text)


def name_sidebar_summaries(text: str, lang: str) -> str:
    def repl(m):
        label = s("chapters_of", lang, title=text_of(m[2]))
        return f'{m[1]}<span class="visually-hidden">{html.escape(label)}</span>{m[3]}'
    return SIDEBAR_SUMMARY.sub(repl, text)


ANIM_FRAME = re.compile(r'(frames\[\d+\] = )"data:image/png;base64,([A-Za-z0-9+/=\\\n]+)"')
ANIM_START = re.compile(r"setTimeout\(function\(\) \{\s*(anim\w+ = new Animation\(frames, img_id, slider_id, [\d.]+,\s*"
                        r"loop_select_id\);)\s*\}, 0\);")
#: The player starts (and its frames load) only when it comes near the screen.
LAZY_START = (";(function () {{ var go = function () {{ {start} }}, el = document.getElementById(img_id);"
              " if (!('IntersectionObserver' in window) || !el) {{ setTimeout(go, 0); return; }}"
              " var seen = new IntersectionObserver(function (entries) {{ if (entries.some(function (e) "
              "{{ return e.isIntersecting; }})) {{ seen.disconnect(); go(); }} }}, {{rootMargin: '600px 0px'}});"
              " seen.observe(el); }})();")


def extract_frames(text: str, page: Path | None, outdir: Path | None) -> tuple[str, tuple[int, int] | None]:
    """Animation frames become image files next to the other figures (_images/anim/), loaded only
    when the player is near the screen: the page itself stays small."""
    if page is None or outdir is None:
        return text, None
    import base64
    import hashlib

    folder = outdir / "_images" / "anim"
    prefix = posixpath.relpath("_images/anim", posixpath.dirname(page.relative_to(outdir).as_posix()))
    first_size = None

    def save(m):
        nonlocal first_size
        data = base64.b64decode(m.group(2).replace("\\\n", "").replace("\n", ""))
        name = hashlib.sha256(data).hexdigest()[:20] + ".png"
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / name).exists():
            (folder / name).write_bytes(data)
        if first_size is None and data[:8] == b"\x89PNG\r\n\x1a\n":
            first_size = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        return f'{m.group(1)}"{prefix}/{name}"'

    text = ANIM_FRAME.sub(save, text)
    text = ANIM_START.sub(lambda m: LAZY_START.format(start=m.group(1)), text)
    return text, first_size


def fix_animation_player(text: str, lang: str, page: Path | None = None, outdir: Path | None = None) -> str:
    if "_anim_img" not in text:
        return text
    alt = html.escape(s("animation", lang))
    text, size = extract_frames(text, page, outdir)
    dims = (f' width="{size[0]}" height="{size[1]}"' if size else "")
    def img(m):
        rest = re.sub(r'\s(?:alt|src)="[^"]*"', "", m[2])
        if size:
            rest = rest.replace('style="', f'style="aspect-ratio:{size[0]}/{size[1]};')
        return f'<img id="{m[1]}" alt="{alt}" src="{TRANSPARENT_GIF}"{dims}{rest}>'

    text = ANIM_IMG.sub(img, text)
    text = ANIM_SLIDER.sub(lambda m: f'{m[1]} aria-label="{html.escape(s("animation_slider", lang))}"', text)
    return text.replace('<script language="javascript">', "<script>")


def move_styles_to_head(text: str) -> str:
    head_end = text.find("</head>")
    if head_end < 0:
        return text
    found: list[str] = []

    def take(m):
        block = m.group(0).strip()
        if block not in found:
            found.append(block)
        return ""

    body = STYLE.sub(take, text[head_end:])
    if not found:
        return text
    return text[:head_end] + "\n".join(found) + "\n" + body


def _figure_alt(text: str, pos: int, lang: str) -> str:
    """The title the code above the figure gives it, else the section the figure is in."""
    start = text.rfind(CODE_INPUT, 0, pos)
    cell = text.rfind('<div class="cell ', 0, pos)
    titles = []
    if start >= 0 and start > cell - 1 and cell >= 0:
        end = text.find("</pre>", start, pos)
        code = text_of(text[start:end]) if end > 0 else ""
        for m in TITLE_CALL.finditer(code):
            title = re.sub(r"\{[^}]*\}", "…", m.group(2)).strip()
            if title and not title.startswith(("%", "{")) and title not in titles:
                titles.append(title)
    if titles:
        return f'{s("figure", lang)}: {"; ".join(titles[:3])}'
    heading = None
    for heading in HEADING.finditer(text, 0, pos):
        pass
    if heading is None:
        return s("figure", lang)
    section = text_of(re.sub(r'<a class="headerlink".*?</a>', "", heading.group(2)))
    return s("figure_in", lang, section=section)


def png_size(path: Path) -> tuple[int, int] | None:
    try:
        with path.open("rb") as fh:
            head = fh.read(24)
    except OSError:
        return None
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def fix_figures(text: str, lang: str, page: Path | None = None) -> str:
    """Meaningful alt text instead of file paths; figures of code outputs open full size on a tap;
    images load lazily with their size reserved (nothing moves when they arrive)."""
    out, last = [], 0
    for m in IMG.finditer(text):
        tag = m.group(0)
        alt = re.search(r'\balt="([^"]*)"', tag)
        src = re.search(r'\bsrc="([^"]*)"', tag)
        if not src or not alt or "_images/" not in alt.group(1) and not alt.group(1).endswith((".png", ".svg", ".jpg")):
            continue
        new_alt = html.escape(_figure_alt(text, m.start(), lang), quote=True)
        new_tag = tag.replace(alt.group(0), f'alt="{new_alt}"')
        size = png_size((page.parent / src.group(1)).resolve()) if page is not None else None
        if size and "width=" not in new_tag:
            new_tag = new_tag.replace("<img ", f'<img width="{size[0]}" height="{size[1]}" loading="lazy" '
                                      'decoding="async" ', 1)
        in_output = text.rfind('<div class="cell_output', 0, m.start()) > text.rfind('<div class="cell ', 0, m.start())
        if in_output and not src.group(1).startswith("data:"):
            new_tag = (f'<a class="nn-figure-zoom" href="{src.group(1)}" title="{html.escape(s("zoom", lang))}">'
                       f'{new_tag}</a>')
        out.append(text[last:m.start()])
        out.append(new_tag)
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def scroll_boxes(text: str, lang: str) -> str:
    """Tables and display equations scroll inside their own box (keyboard-focusable, named)."""
    hint = html.escape(s("scroll_hint", lang))

    def wrap(m):
        return (f'<div class="nn-scroll" tabindex="0" role="region" aria-label="{hint}" data-hint="{hint}">'
                f'{m.group(1)}</div>')
    start = text.find('<article class="bd-article">')
    if start < 0:
        return text
    end = text.find("</article>", start)
    body = text[start:end]
    body = TABLE.sub(wrap, body)
    body = MATH_BLOCK.sub(wrap, body)
    return text[:start] + body + text[end:]


# -- head ------------------------------------------------------------------------------------

SYNC_SCRIPT = re.compile(r'<script((?:(?!\b(?:async|defer|type)\b)[^>])*) src="([^"]+)"></script>')


def fix_head(text: str, rel: str, doc_options: str = "") -> str:
    head_end = text.find("</head>")
    head, rest = text[:head_end], text[head_end:]
    if posixpath.basename(rel) != "search.html":
        head = SEARCH_SCRIPTS.sub("", head)
        # Nothing blocks the first paint: the head's scripts run after parsing, in their order
        # (bilingual-book.js then puts the buttons they made into the page's language); the page's
        # options (which the inline scripts after them extend) are written into the page.
        def defer(m):
            if doc_options and "documentation_options.js" in m[2]:
                return f"<script>{doc_options}</script>"
            return f'<script{m[1]} defer src="{m[2]}"></script>'
        head = SYNC_SCRIPT.sub(defer, head)
    # Font Awesome's JavaScript (1.4 MB) only redraws as SVG the icons that the theme's CSS
    # already draws with Font Awesome's web fonts: not needed.
    head = FONTAWESOME.sub("", head)
    # theme.css only @imports basic.css: link it directly (one round trip less before first paint).
    head = re.sub(r'<link href="([^"]*_static/)styles/theme\.css[^"]*" rel="stylesheet" />',
                  r'<link href="\1basic.css" rel="stylesheet" />', head)
    if '<meta name="description"' not in head:
        description = _description(rest)
        if description:
            head = head.replace('<meta name="viewport"',
                                f'<meta name="description" content="{html.escape(description, quote=True)}" />\n'
                                '  <meta name="viewport"', 1)
    rest = rest.replace(' autocorrect="off"', "")
    return head + rest


def _description(body: str) -> str:
    start = body.find('<article class="bd-article">')
    m = re.search(r"<p>(.*?)</p>", body[start:] if start >= 0 else body, re.S)
    if not m:
        return ""
    words = text_of(m.group(1))
    return words if len(words) <= 160 else words[:157].rsplit(" ", 1)[0] + "…"


def remove_title_suffix(text: str) -> str:
    return re.sub(r"(<title>.*?) &#8212; [^<]*</title>", r"\1</title>", text, count=1)


# -- whole pages -----------------------------------------------------------------------------

CODE_BLOCK = re.compile(r'(<div class="highlight"><pre)>(.*?)</pre>', re.S)


def size_code_blocks(text: str) -> str:
    """``<pre style="--lines: N">``: a chapter's thousands of highlighted spans are laid out only
    near the screen, in a box of the height its N lines will take (bilingual-book.css)."""
    def sized(m):
        lines = m.group(2).rstrip("\n").count("\n") + 1
        return f'{m.group(1)} style="--lines: {lines}">{m.group(2)}</pre>'
    return CODE_BLOCK.sub(sized, text)


def name_search_fields(text: str) -> str:
    """The search field shows "Search this book… Ctrl+K": let that text name it (its aria-label
    "Search" did not contain what the field shows)."""
    return re.sub(r'(<button class="btn search-button-field[^"]*") title="[^"]*" aria-label="[^"]*"', r"\1", text)


def process_page(text: str, rel: str, *, root_doc: bool = False, doc_options: str = "",
                 path: Path | None = None, outdir: Path | None = None) -> str:
    lang = page_lang(text)
    text = fix_head(text, rel, doc_options)
    text = fix_collapsed_cells(text)
    text = name_search_fields(text)
    text = name_sidebar_summaries(text, lang)
    text = fix_animation_player(text, lang, path, outdir)
    text = fix_figures(text, lang, path)
    text = scroll_boxes(text, lang)
    text = size_code_blocks(text)
    text = move_styles_to_head(text)
    if root_doc:
        text = remove_title_suffix(text)
    return text


REDIRECT = re.compile(r'<meta http-equiv="Refresh" content="0; url=([^"]+)" />')


def fix_redirect_page(path: Path) -> None:
    """Jupyter Book's root index.html is a bare <meta> refresh: make it a document."""
    text = path.read_text(encoding="utf-8")
    m = REDIRECT.search(text)
    if not m or "<!DOCTYPE" in text.upper()[:20]:
        return
    url = html.escape(m.group(1))
    path.write_text(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />\n'
        '<title>Neural Network dari Nol · Neural Networks from Scratch</title>\n'
        f'<meta http-equiv="Refresh" content="0; url={url}" />\n<link rel="canonical" href="{url}" />\n'
        f'</head>\n<body>\n<p><a href="{url}">Neural Network dari Nol · Neural Networks from Scratch</a></p>\n'
        "</body>\n</html>\n", encoding="utf-8")


def process_site(outdir: Path, root_doc: str) -> int:
    """Rewrite every page of the built site; returns the number of pages."""
    n = 0
    options = outdir / "_static" / "documentation_options.js"
    doc_options = options.read_text(encoding="utf-8").strip() if options.exists() else ""
    for path in sorted(outdir.rglob("*.html")):
        rel = path.relative_to(outdir).as_posix()
        if rel.startswith("_static/"):
            if rel.endswith("webpack-macros.html"):
                path.unlink()     # the themes' template sources, copied as static files: no page
            continue
        text = path.read_text(encoding="utf-8")
        if "<head>" not in text and "<head " not in text:
            fix_redirect_page(path)
            continue
        new = process_page(text, rel, root_doc=rel == f"{root_doc}.html", doc_options=doc_options,
                           path=path, outdir=outdir)
        if new != text:
            path.write_text(new, encoding="utf-8")
        n += 1
    return n
