"""2-D convolution (Part 3): ``conv2d``, its backward pass, and ``im2col`` / ``col2im``.

Shapes follow PyTorch: images x: (N, C, H, W), filters w: (F, C, kh, kw), biases b: (F,),
output (N, F, H_out, W_out) with

    H_out = (H + 2·padding − kh) // stride + 1        (W_out likewise)

``conv2d`` is a cross-correlation, exactly like ``torch.nn.functional.conv2d``: the filter
slides over the image without being flipped, and out[n, f, i, j] is the sum of
w[f] ⊙ (the C×kh×kw patch of x whose top-left corner is at (i·stride, j·stride) of the padded x).

How it is computed: im2col cuts every patch out into one row of a matrix, so the whole
convolution becomes ONE matrix product (patches @ filters), which BLAS does fast. Inside, the
arrays are kept channels-last, (N, H, W, C) (``nn_core._nhwc``); the public functions take and
return the usual (N, C, H, W).
"""
from __future__ import annotations

import numbers

import numpy as np

from . import _nhwc
from ._nhwc import check_geometry, conv_output_size
from ._validation import as_float_array, check_images, integer_at_least

__all__ = ["conv2d", "conv2d_backward", "conv_output_size", "im2col", "col2im"]


# -- argument checks ------------------------------------------------------------------

def _check_conv_args(x, w, b, stride, padding):
    stride = integer_at_least(stride, "stride", 1)
    padding = integer_at_least(padding, "padding", 0)
    x = check_images(x)
    w = as_float_array(w, "w")
    if w.ndim != 4:
        raise ValueError(f"w must be a 4-D array of filters (F, C, kh, kw); got shape {w.shape}")
    if w.shape[1] != x.shape[1]:
        raise ValueError(f"w has {w.shape[1]} input channel(s) (w shape {w.shape}) but x has {x.shape[1]} "
                         f"(x shape {x.shape}); w must have shape (F, {x.shape[1]}, kh, kw)")
    if 0 in w.shape or 0 in x.shape[1:]:
        raise ValueError(f"x and w must not have empty axes; got x shape {x.shape} and w shape {w.shape}")
    dtype = np.result_type(x, w)
    if b is not None:
        b = as_float_array(b, "b")
        if b.shape != (w.shape[0],):
            raise ValueError(f"b must have shape ({w.shape[0]},), one bias per filter of w {w.shape}; "
                             f"got shape {b.shape}")
        dtype = np.result_type(dtype, b)
        b = b.astype(dtype, copy=False)
    kh, kw = w.shape[2], w.shape[3]
    out_hw = check_geometry(x.shape, kh, kw, stride, padding,
                             shapes=f"; x shape {x.shape}, w shape {w.shape}")
    return x.astype(dtype, copy=False), w.astype(dtype, copy=False), b, stride, padding, out_hw


# -- the public, channels-first functions ---------------------------------------------------

def im2col(x, kh, kw, stride=1, padding=0):
    """Cut every kh×kw patch of x out into one row of a matrix.

    x: (N, C, H, W) → cols: (N·H_out·W_out, C·kh·kw). Rows go image by image, then output row
    by output row (n, i, j); each row is one patch flattened in (c, di, dj) order, so that for
    filters w: (F, C, kh, kw) the convolution is ``cols @ w.reshape(F, -1).T``.
    """
    kh = integer_at_least(kh, "kh", 1)
    kw = integer_at_least(kw, "kw", 1)
    stride = integer_at_least(stride, "stride", 1)
    padding = integer_at_least(padding, "padding", 0)
    x = check_images(x)
    check_geometry(x.shape, kh, kw, stride, padding, shapes=f"; x shape {x.shape}")
    patches = _nhwc.patches(_nhwc.pad(_nhwc.to_nhwc(x), padding, padding), kh, kw, stride)  # (N, Ho, Wo, kh, kw, C)
    N, H_out, W_out = patches.shape[:3]
    return patches.transpose(0, 1, 2, 5, 3, 4).reshape(N * H_out * W_out, -1)


def col2im(cols, x_shape, kh, kw, stride=1, padding=0):
    """The adjoint of ``im2col``: add each row of cols back onto the patch it came from.

    cols: (N·H_out·W_out, C·kh·kw), as im2col returns it; x_shape: (N, C, H, W).
    Returns an (N, C, H, W) array. Where patches overlap the values add up, which is exactly
    what the backward pass needs (dx = col2im(dcols)); col2im(im2col(x)) is x times the
    number of patches that cover each pixel, not x.
    """
    kh = integer_at_least(kh, "kh", 1)
    kw = integer_at_least(kw, "kw", 1)
    stride = integer_at_least(stride, "stride", 1)
    padding = integer_at_least(padding, "padding", 0)
    if (not isinstance(x_shape, (tuple, list)) or len(x_shape) != 4
            or not all(isinstance(s, numbers.Integral) and s > 0 for s in x_shape)):
        raise ValueError(f"x_shape must be 4 positive integers (N, C, H, W); got {x_shape!r}")
    N, C, H, W = (int(s) for s in x_shape)
    H_out, W_out = check_geometry((N, C, H, W), kh, kw, stride, padding, shapes=f"; x_shape {tuple(x_shape)}")
    cols = as_float_array(cols, "cols")
    expected = (N * H_out * W_out, C * kh * kw)
    if cols.shape != expected:
        raise ValueError(f"cols must have shape {expected} for x_shape {(N, C, H, W)}, a {kh}×{kw} kernel, "
                         f"stride {stride} and padding {padding}; got shape {cols.shape}")
    d = cols.reshape(N * H_out * W_out, C, kh, kw).transpose(0, 2, 3, 1).reshape(expected[0], -1)
    return _nhwc.to_nchw(_nhwc.col2im(d, (N, H, W, C), kh, kw, stride, padding))


def conv2d(x, w, b=None, stride=1, padding=0):
    """2-D convolution (cross-correlation, as in PyTorch).

    x: (N, C, H, W), w: (F, C, kh, kw), b: (F,) or None → (N, F, H_out, W_out), with
    H_out = (H + 2·padding − kh) // stride + 1. The result has the dtype of x and w
    (float32 stays float32).
    """
    x, w, b, stride, padding, _ = _check_conv_args(x, w, b, stride, padding)
    out, _ = _nhwc.conv_forward(_nhwc.to_nhwc(x), w, b, stride, padding)
    return _nhwc.to_nchw(out)


def conv2d_backward(dout, x, w, stride=1, padding=0):
    """Gradients of ``conv2d(x, w, b, stride, padding)`` given dout = ∂L/∂out.

    dout: (N, F, H_out, W_out), x: (N, C, H, W), w: (F, C, kh, kw).
    Returns (dx, dw, db) with the shapes of x, w and b: (F,).
    """
    x, w, _, stride, padding, (H_out, W_out) = _check_conv_args(x, w, None, stride, padding)
    dout = as_float_array(dout, "dout")
    expected = (x.shape[0], w.shape[0], H_out, W_out)
    if dout.shape != expected:
        raise ValueError(f"dout must have the shape of conv2d's output {expected} (x {x.shape}, w {w.shape}, "
                         f"stride {stride}, padding {padding}); got shape {dout.shape}")
    dout = dout.astype(np.result_type(dout, x), copy=False)
    x_nhwc = _nhwc.to_nhwc(x)
    cols = _nhwc.im2col(_nhwc.pad(x_nhwc, padding, padding), w.shape[2], w.shape[3], stride)
    dx, dw, db = _nhwc.conv_backward(np.ascontiguousarray(_nhwc.to_nhwc(dout)), cols, x_nhwc.shape,
                                     w.astype(dout.dtype, copy=False), stride, padding)
    return _nhwc.to_nchw(dx), dw, db
