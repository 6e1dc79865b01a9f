"""Watch-it-learn animations that play in the page itself: in the HTML book (no kernel), in
Colab and in JupyterLab.

    from matplotlib.animation import FuncAnimation
    from nn_core.animation import show_animation

    anim = FuncAnimation(fig, update, frames=30, interval=200)
    show_animation(anim)        # the last line of a cell: a player with play/pause and a slider

matplotlib renders every frame into the HTML (``to_jshtml``). Its player loads Font Awesome from
a CDN for the button icons; here the icons are plain characters instead, the player's labels
are in the reader's language (``nn_core.set_language``), the element ids are derived from the
content (the same animation gives the same HTML), and the frame scales down on a phone.
"""
from __future__ import annotations

import base64
import hashlib
import io
import re

from .i18n import tr

#: Font Awesome 4 icon → a plain character that every font has.
ICONS = {"fa-minus": "−", "fa-fast-backward": "⇤", "fa-step-backward": "‹", "fa-play fa-flip-horizontal": "◀",
         "fa-pause": "❚❚", "fa-play": "▶", "fa-step-forward": "›", "fa-fast-forward": "⇥", "fa-plus": "+"}
#: The player's English labels → i18n keys.
LABELS = {"Decrease speed": "anim.slower", "First frame": "anim.first", "Previous frame": "anim.previous",
          "Play backwards": "anim.reverse", "Pause": "anim.pause", "Play": "anim.play",
          "Next frame": "anim.next", "Last frame": "anim.last", "Increase speed": "anim.faster",
          "Repetition mode": "anim.mode", "Once": "anim.once", "Loop": "anim.loop", "Reflect": "anim.reflect"}
_CDN = re.compile(r'<link rel="stylesheet"\s+href="https?://[^"]*font-awesome[^"]*">\s*')
_ICON = re.compile(r'<i class="fa (fa-[a-z-]+(?: fa-flip-horizontal)?)"></i>')


#: A transparent 1×1 GIF: the player's image before its first frame (an <img> needs a src).
PLACEHOLDER = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
_FRAME = re.compile(r'"data:image/png;base64,([A-Za-z0-9+/=\\\n]+)"')   # matplotlib wraps lines with "\\\n"


def _palette_png(b64: str) -> str:
    """A frame as a 256-colour palette PNG: about a third of the bytes of matplotlib's RGBA PNG
    for line plots and grey images, and the same picture to the eye."""
    from PIL import Image

    image = Image.open(io.BytesIO(base64.b64decode(b64.replace("\\\n", "")))).convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        out, format="PNG", optimize=True)
    return base64.b64encode(out.getvalue()).decode("ascii")


def animation_html(anim, *, fps=None, default_mode="loop") -> str:
    """The self-contained HTML player of a matplotlib animation (no request leaves the page)."""
    canvas = anim._fig.canvas
    # Saving draws each frame for the PNG; the animation's own draw_idle would draw it a second
    # time for the screen, which a player does not need (half the time, the same frames).
    canvas.draw_idle = lambda *args, **kwargs: None
    try:
        html = anim.to_jshtml(fps=fps, default_mode=default_mode)
    finally:
        del canvas.draw_idle
    html = _FRAME.sub(lambda m: f'"data:image/png;base64,{_palette_png(m.group(1))}"', html)
    html = _CDN.sub("", html)
    html = _ICON.sub(lambda m: f'<span class="anim-icon" aria-hidden="true">{ICONS[m.group(1)]}</span>', html)
    for english, key in LABELS.items():
        text = tr(key)
        html = html.replace(f'title="{english}" aria-label="{english}"', f'title="{text}" aria-label="{text}"')
        html = html.replace(f">{english}</label>", f">{text}</label>")
    html = html.replace('<div class="animation">', '<div class="animation nn-animation">', 1)
    # A valid, named image until the first frame is drawn; a named slider; a plain <script>.
    html = re.sub(r'<img id="(_anim_img\w+)">',
                  lambda m: f'<img id="{m[1]}" alt="{tr("anim.image")}" src="{PLACEHOLDER}" '
                            'style="max-width:100%;height:auto">', html)
    html = re.sub(r'(<input id="_anim_slider\w+" type="range" class="anim-slider")',
                  lambda m: f'{m[1]} aria-label="{tr("anim.slider")}"', html)
    html = html.replace('<script language="javascript">', "<script>")
    html = html.replace("input[type=range].anim-slider {\n    width: 374px;",
                        "input[type=range].anim-slider {\n    width: min(374px, 90%);")
    # matplotlib names the elements with a random uuid: use a hash of the frames instead.
    uid = re.search(r'id="_anim_img(\w+)"', html).group(1)
    stable = "nn" + hashlib.sha256(html.replace(uid, "").encode()).hexdigest()[:16]
    return html.replace(uid, stable)


def show_animation(anim, *, fps=None, default_mode="loop"):
    """Display ``anim`` as an HTML player (return it as a cell's last line); closes its figure
    so that the still figure is not shown as well."""
    import matplotlib.pyplot as plt
    from IPython.display import HTML

    html = animation_html(anim, fps=fps, default_mode=default_mode)
    plt.close(anim._fig)
    return HTML(html)
