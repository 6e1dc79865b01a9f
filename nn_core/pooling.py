"""2-D max pooling (Part 3): ``max_pool2d`` and its backward pass.

x: (N, C, H, W) → (N, C, H_out, W_out) with H_out = (H − size) // stride + 1 (W_out likewise):
each output is the maximum of a size×size window; rows or columns that no window reaches are
dropped, as in PyTorch.

Backward: the gradient of a window's output goes to the input that was the maximum, and the
other inputs of the window get 0. **Ties:** when several inputs share the maximum, the whole
gradient goes to the FIRST of them in row-major order inside the window (top row first, then
left to right), as PyTorch's CPU max_pool2d does. Windows that overlap (stride < size) add up
the gradients they route to a shared input.
"""
from __future__ import annotations

import numpy as np

from ._validation import as_float_array
from ._nhwc import check_geometry, pool_backward, pool_forward, to_nchw, to_nhwc
from ._validation import check_images, integer_at_least

__all__ = ["max_pool2d", "max_pool2d_backward"]


def _check_pool_args(x, size, stride):
    size = integer_at_least(size, "size", 1)
    stride = integer_at_least(stride, "stride", 1)
    x = check_images(x)
    out_hw = check_geometry(x.shape, size, size, stride, 0, what="the pooling window",
                             shapes=f"; x shape {x.shape}")
    return x, size, stride, out_hw


def max_pool2d(x, size=2, stride=2):
    """Max pooling over size×size windows, moved by stride. x: (N, C, H, W) → (N, C, H_out, W_out)."""
    x, size, stride, _ = _check_pool_args(x, size, stride)
    out, _ = pool_forward(to_nhwc(x), size, stride)
    return to_nchw(out)


def max_pool2d_backward(dout, x, size=2, stride=2):
    """Gradient of ``max_pool2d(x, size, stride)`` given dout = ∂L/∂out: (N, C, H_out, W_out).

    Returns dx: (N, C, H, W): each window's gradient goes to its first maximum (see the module
    docstring for ties); every other input gets 0.
    """
    x, size, stride, (H_out, W_out) = _check_pool_args(x, size, stride)
    dout = as_float_array(dout, "dout")
    expected = x.shape[:2] + (H_out, W_out)
    if dout.shape != expected:
        raise ValueError(f"dout must have the shape of max_pool2d's output {expected} (x {x.shape}, size {size}, "
                         f"stride {stride}); got shape {dout.shape}")
    x_nhwc = to_nhwc(x)
    _, won = pool_forward(x_nhwc, size, stride)
    dx = pool_backward(to_nhwc(dout.astype(np.result_type(dout, x), copy=False)), won, x_nhwc.shape,
                             size, stride)
    return to_nchw(dx)
