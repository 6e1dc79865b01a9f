"""Font Awesome cut down to the icons the book shows. The theme's CSS draws its icons with Font
Awesome's web fonts (solid, regular, brands: 300 KB that a phone downloads before the header is
complete); after the build, each font is subset to the code points of the ``fa-*`` classes the
pages use (fontTools, which matplotlib already needs) and saved as WOFF next to it, and the
theme's ``@font-face`` rules in ``_static`` point to the subsets."""
from __future__ import annotations

import re
from pathlib import Path

ICON_RULE = re.compile(r'((?:\.fa-[\w-]+:{1,2}before,?)+)\{content:"\\([0-9a-f]+)"\}')
FONT_FACE = re.compile(r'url\((\.\./vendor/fontawesome/webfonts/(fa-[\w-]+))\.woff2\) format\("woff2"\),'
                       r'url\(\.\./vendor/fontawesome/webfonts/fa-[\w-]+\.ttf\) format\("truetype"\)')
USED = re.compile(r"\bfa-[a-z0-9-]+")


def subset_icon_fonts(outdir: Path, pages: list[Path]) -> dict[str, int]:
    """Returns {font file: bytes of its subset}; {} when the theme's files are not there."""
    css_path = outdir / "_static" / "styles" / "pydata-sphinx-theme.css"
    fonts_dir = outdir / "_static" / "vendor" / "fontawesome" / "webfonts"
    if not css_path.exists() or not fonts_dir.exists():
        return {}
    from fontTools import subset
    from fontTools.ttLib import TTFont

    css = css_path.read_text(encoding="utf-8")
    codepoints_of: dict[str, int] = {}
    for selectors, code in ICON_RULE.findall(css):
        for name in re.findall(r"\.(fa-[\w-]+):", selectors):
            codepoints_of[name] = int(code, 16)
    used = set()
    for path in [*pages, *(outdir / "_static").glob("*.js"), *(outdir / "_static" / "scripts").glob("*.js")]:
        used.update(USED.findall(path.read_text(encoding="utf-8", errors="ignore")))
    unicodes = sorted({codepoints_of[n] for n in used if n in codepoints_of})
    sizes = {}
    for ttf in sorted(fonts_dir.glob("fa-*.ttf")):
        font = TTFont(str(ttf))
        options = subset.Options()
        options.flavor = "woff"          # zlib: no brotli module needed
        options.layout_features = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        out = ttf.with_name(ttf.stem + ".subset.woff")
        font.flavor = "woff"
        font.save(str(out))
        sizes[out.name] = out.stat().st_size
    css = FONT_FACE.sub(lambda m: f'url({m[1]}.subset.woff) format("woff")', css)
    css_path.write_text(css, encoding="utf-8")
    return sizes
