"""The watch-it-learn player: self-contained (no request leaves the page), in the reader's
language, deterministic, and light enough for a phone."""
import base64
import io
import re

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.animation import FuncAnimation
from PIL import Image

import nn_core
from nn_core.animation import LABELS, animation_html, show_animation


def _anim(frames=8):
    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    (line,) = ax.plot([], [])
    ax.set_xlim(0, 6)
    ax.set_ylim(-1, 1)
    x = np.linspace(0, 6, 50)

    def update(i):
        line.set_data(x, np.sin(x + i))
        return (line,)

    return FuncAnimation(fig, update, frames=frames, interval=100)


@pytest.fixture(autouse=True)
def language():
    before = nn_core.get_language()
    yield
    nn_core.set_language(before)
    plt.close("all")


def _frames(html):
    return [f.replace("\\\n", "") for f in re.findall(r'"data:image/png;base64,([A-Za-z0-9+/=\\\n]+)"', html)]


def test_player_loads_nothing_from_outside():
    html = animation_html(_anim())
    assert "http://" not in html and "https://" not in html
    assert "font-awesome" not in html and 'class="fa ' not in html
    assert "▶" in html and "❚❚" in html


def test_every_frame_is_embedded_as_a_small_palette_png():
    html = animation_html(_anim(frames=8))
    frames = _frames(html)
    assert len(frames) == 8
    images = [Image.open(io.BytesIO(base64.b64decode(f))) for f in frames]
    assert all(im.mode == "P" and im.size == (150, 100) for im in images)
    assert len({f for f in frames}) == 8          # the frames differ


@pytest.mark.parametrize("lang, play, once", [("id", "Putar", "Sekali"), ("en", "Play", "Once")])
def test_player_speaks_the_reader_language(lang, play, once):
    nn_core.set_language(lang)
    html = animation_html(_anim())
    assert f'title="{play}"' in html and f">{once}</label>" in html
    if lang == "id":
        assert not any(f'title="{english}"' in html for english in LABELS)


def test_same_animation_same_html_and_the_figure_is_closed():
    assert animation_html(_anim()) == animation_html(_anim())
    anim = _anim()
    number = anim._fig.number
    out = show_animation(anim)
    assert 'class="animation nn-animation"' in out.data
    assert number not in plt.get_fignums()


@pytest.mark.parametrize("lang, alt, slider", [("id", "Animasi: frame yang sedang diputar", "Frame animasi"),
                                               ("en", "Animation: the frame being played", "Animation frame")])
def test_player_markup_is_valid_and_named(lang, alt, slider):
    """The image has alt text and a src before its first frame, the slider a name, the script no
    obsolete language attribute (Nu Html Checker and axe-core)."""
    nn_core.set_language(lang)
    html = animation_html(_anim(frames=6))
    img = re.search(r'<img id="_anim_img\w+"[^>]*>', html).group(0)
    assert f'alt="{alt}"' in img and 'src="data:image/gif;base64,' in img
    assert re.search(rf'<input id="_anim_slider\w+" type="range" class="anim-slider" aria-label="{slider}"', html)
    assert "<script language" not in html
