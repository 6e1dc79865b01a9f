"""Data augmentation (Part 3): new training images made from the ones we have."""
from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

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
    padded = np.zeros((m, C, H + 2 * s, W + 2 * s), dtype=X.dtype)
    padded[:, :, s:s + H, s:s + W] = X
    windows = sliding_window_view(padded, (H, W), axis=(2, 3))  # (m, C, 2s+1, 2s+1, H, W): every shift
    return windows[np.arange(m), :, dy, dx]  # image i's window at offset (dy[i], dx[i]): (m, C, H, W)
