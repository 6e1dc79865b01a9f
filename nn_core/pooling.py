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
from .conv import _check_geometry, _check_images, _int_arg, _nchw, _nhwc, conv_output_size

__all__ = ["max_pool2d", "max_pool2d_backward"]


def _window(x, i, j, size_hw, stride):
    """Element (i, j) of every window: a strided view (N, H_out, W_out, C) of channels-last x."""
    H_out, W_out = size_hw
    return x[:, i:i + stride * (H_out - 1) + 1:stride, j:j + stride * (W_out - 1) + 1:stride]


def _pool_forward_nhwc(x, size, stride):
    """Channels-last max pooling. x: (N, H, W, C) → out: (N, H_out, W_out, C) and won, what
    backward needs: won[k − 1] is True where element k = i·size + j of a window is strictly
    greater than every element before it (so the last k that won is the first maximum)."""
    out_hw = conv_output_size(x.shape[1], size, stride), conv_output_size(x.shape[2], size, stride)
    out = _window(x, 0, 0, out_hw, stride).copy()
    won = np.empty((size * size - 1,) + out.shape, dtype=bool)
    for k in range(1, size * size):
        v = _window(x, *divmod(k, size), out_hw, stride)
        np.greater(v, out, out=won[k - 1])  # strictly greater: on a tie the earlier maximum stays
        np.maximum(out, v, out=out)
    return out, won


def _pool_backward_nhwc(dout, won, x_shape, size, stride):
    """Route dout: (N, H_out, W_out, C) to each window's first maximum → dx: (N, H, W, C).

    Going through the window from its last element back to its first, each element that won
    takes whatever gradient is still unclaimed; element 0 takes the rest.
    """
    out_hw = dout.shape[1:3]
    # "tiled": the windows cover every input exactly once, so each element of dx is written once.
    # Otherwise windows overlap (stride < size) or leave a border, and dx adds up from zeros.
    tiled = stride == size and x_shape[1] == size * out_hw[0] and x_shape[2] == size * out_hw[1]
    dx = np.empty(x_shape, dtype=dout.dtype) if tiled else np.zeros(x_shape, dtype=dout.dtype)
    g = dout  # the gradient not claimed yet
    for k in range(size * size - 1, 0, -1):
        target = _window(dx, *divmod(k, size), out_hw, stride)
        if tiled:
            part = np.multiply(g, won[k - 1], out=target)
        else:
            part = g * won[k - 1]
            target += part
        g = g - part if g is dout else np.subtract(g, part, out=g)  # (never change the caller's dout)
    target = _window(dx, 0, 0, out_hw, stride)  # element 0 takes what is left
    if tiled:
        target[...] = g
    else:
        target += g
    return dx


def _check_pool_args(x, size, stride):
    size = _int_arg(size, "size", 1)
    stride = _int_arg(stride, "stride", 1)
    x = _check_images(x)
    out_hw = _check_geometry(x.shape, size, size, stride, 0, what="the pooling window",
                             shapes=f"; x shape {x.shape}")
    return x, size, stride, out_hw


def max_pool2d(x, size=2, stride=2):
    """Max pooling over size×size windows, moved by stride. x: (N, C, H, W) → (N, C, H_out, W_out)."""
    x, size, stride, _ = _check_pool_args(x, size, stride)
    out, _ = _pool_forward_nhwc(_nhwc(x), size, stride)
    return _nchw(out)


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
    x_nhwc = _nhwc(x)
    _, won = _pool_forward_nhwc(x_nhwc, size, stride)
    dx = _pool_backward_nhwc(_nhwc(dout.astype(np.result_type(dout, x), copy=False)), won, x_nhwc.shape,
                             size, stride)
    return _nchw(dx)
