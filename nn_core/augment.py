"""Data augmentation (Part 3): new training images made from the ones we have."""
from __future__ import annotations

import numpy as np

from ._runtime import generator
from ._validation import check_images, integer_at_least

__all__ = ["random_shift"]


def random_shift(X, max_shift=2, *, seed=None):
    """Move every image by a random number of pixels, up to ``max_shift`` up/down and left/right.

    X: (m, C, H, W) → a new array of the same shape and dtype. Each image gets its own shift
    (dy, dx), drawn uniformly from −max_shift … max_shift; all its channels move together, and
    the pixels that come in from outside the image are 0. A digit moved by 2 pixels is still
    the same digit, so training on shifted copies teaches the network that position does not
    matter. ``seed``: an int for repeatable shifts, or a NumPy RandomState/Generator to draw from.
    """
    s = integer_at_least(max_shift, "max_shift", 0)
    X = check_images(X, "X")
    m, C, H, W = X.shape
    if s == 0 or m == 0:
        return X.copy()
    rng = generator(seed)
    draw = rng.integers if isinstance(rng, np.random.Generator) else rng.randint
    dy, dx = draw(0, 2 * s + 1, size=m), draw(0, 2 * s + 1, size=m)
    # Image i shows the window at offset (dy[i], dx[i]) of the image padded by s zeros:
    # out[i, :, r, c] = X[i, :, r + oy, c + ox] with (oy, ox) = (dy[i] − s, dx[i] − s), 0 outside X.
    # The images are copied one shift at a time: (2s + 1)² slice copies, no padded copy of the set.
    out = np.zeros_like(X)
    shift = dy * (2 * s + 1) + dx
    for code in np.unique(shift):
        i = np.flatnonzero(shift == code)
        oy, ox = code // (2 * s + 1) - s, code % (2 * s + 1) - s
        src = X[i][:, :, max(oy, 0):H + min(oy, 0), max(ox, 0):W + min(ox, 0)]
        out[i, :, max(-oy, 0):H + min(-oy, 0), max(-ox, 0):W + min(-ox, 0)] = src
    return out
