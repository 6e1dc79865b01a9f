"""2-D convolution (Part 3): ``conv2d``, its backward pass, and ``im2col`` / ``col2im``.

Shapes follow PyTorch: images x: (N, C, H, W), filters w: (F, C, kh, kw), biases b: (F,),
output (N, F, H_out, W_out) with

    H_out = (H + 2·padding − kh) // stride + 1        (W_out likewise)

``conv2d`` is a cross-correlation, exactly like ``torch.nn.functional.conv2d``: the filter
slides over the image without being flipped, and out[n, f, i, j] is the sum of
w[f] ⊙ (the C×kh×kw patch of x whose top-left corner is at (i·stride, j·stride) of the padded x).

How it is computed: im2col cuts every patch out into one row of a matrix, so the whole
convolution becomes ONE matrix product (patches @ filters), which BLAS does fast. Inside, the
arrays are kept channels-last, (N, H, W, C): a patch row is then kh runs of kw·C contiguous
numbers, which makes cutting the patches out cheap. The public functions take and return the
usual (N, C, H, W); ``nn_core.cnn.ConvNet`` calls the channels-last helpers directly.
"""
from __future__ import annotations

import numbers

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ._validation import as_float_array

__all__ = ["conv2d", "conv2d_backward", "conv_output_size", "im2col", "col2im"]


# -- argument checks ------------------------------------------------------------------

def _int_arg(value, name, minimum):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer; got {type(value).__name__} {value!r}"[:160])
    if value < minimum:
        kind = "a positive integer" if minimum == 1 else "a non-negative integer"
        raise ValueError(f"{name} must be {kind}; got {value}")
    return int(value)


def _check_images(x, name="x", what="images"):
    x = as_float_array(x, name)
    if x.ndim != 4:
        hint = ""
        if x.ndim == 3:
            hint = (f" (one image of shape (C, H, W) is {name}[None]; a batch of grayscale images "
                    f"(N, H, W) is {name}[:, None])")
        elif x.ndim == 2:
            hint = f" (one grayscale image is {name}[None, None]; flat rows need {name}.reshape(N, C, H, W))"
        raise ValueError(f"{name} must be a 4-D array of {what} (N, C, H, W); got shape {x.shape}{hint}")
    return x


def conv_output_size(size, kernel, stride=1, padding=0):
    """Output length of a convolution (or pooling) along one axis: (size + 2·padding − kernel) // stride + 1."""
    return (size + 2 * padding - kernel) // stride + 1


def _check_geometry(x_shape, kh, kw, stride, padding, what="the kernel", shapes=""):
    """(H_out, W_out), or a ValueError when the kernel does not fit in the padded input."""
    H, W = x_shape[2], x_shape[3]
    Hp, Wp = H + 2 * padding, W + 2 * padding
    if kh > Hp or kw > Wp:
        raise ValueError(f"{what} {kh}×{kw} is larger than the padded input {Hp}×{Wp} "
                         f"(input {H}×{W}, padding {padding}){shapes}")
    return conv_output_size(H, kh, stride, padding), conv_output_size(W, kw, stride, padding)


def _check_conv_args(x, w, b, stride, padding):
    stride = _int_arg(stride, "stride", 1)
    padding = _int_arg(padding, "padding", 0)
    x = _check_images(x)
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
    out_hw = _check_geometry(x.shape, kh, kw, stride, padding,
                             shapes=f"; x shape {x.shape}, w shape {w.shape}")
    return x.astype(dtype, copy=False), w.astype(dtype, copy=False), b, stride, padding, out_hw


# -- channels-last building blocks (used by ConvNet) -------------------------------------

def _pad_nhwc(x, ph, pw):
    """Zero-pad the two spatial axes of x: (N, H, W, C) → (N, H + 2ph, W + 2pw, C)."""
    if ph == 0 and pw == 0:
        return x
    N, H, W, C = x.shape
    xp = np.zeros((N, H + 2 * ph, W + 2 * pw, C), dtype=x.dtype)
    xp[:, ph:ph + H, pw:pw + W] = x
    return xp


def _patches_nhwc(xp, kh, kw, stride):
    """All kh×kw patches of the padded xp: (N, Hp, Wp, C) → view (N, H_out, W_out, kh, kw, C), no copy."""
    v = sliding_window_view(xp, (kh, kw), axis=(1, 2))  # (N, Hp−kh+1, Wp−kw+1, C, kh, kw)
    if stride > 1:
        v = v[:, ::stride, ::stride]
    return v.transpose(0, 1, 2, 4, 5, 3)


def _im2col_nhwc(xp, kh, kw, stride):
    """The patch matrix of the padded xp: (N, Hp, Wp, C) → (N·H_out·W_out, kh·kw·C), rows in (n, i, j)
    order, each row a patch in (di, dj, c) order."""
    patches = _patches_nhwc(xp, kh, kw, stride)  # a view (N, H_out, W_out, kh, kw, C)
    N, H_out, W_out = patches.shape[:3]
    C = xp.shape[3]
    if C > 1:  # one copy: each patch row is kh runs of kw·C contiguous numbers
        return patches.reshape(N * H_out * W_out, kh * kw * C)
    # One channel: copying one kernel position at a time is 3× faster than copying 1-number runs.
    cols = np.empty((N, H_out, W_out, kh, kw), dtype=xp.dtype)
    for i in range(kh):
        for j in range(kw):
            cols[..., i, j] = patches[:, :, :, i, j, 0]
    return cols.reshape(N * H_out * W_out, kh * kw)


def _sum_rows(a):
    """a.sum(axis=0) for a tall (M, F) matrix, as a matrix-vector product: 10–20× faster."""
    return np.ones(a.shape[0], dtype=a.dtype) @ a


def _weight_matrix(w):
    """Filters (F, C, kh, kw) → the (kh·kw·C, F) matrix that multiplies channels-last patch rows."""
    F = w.shape[0]
    return w.transpose(2, 3, 1, 0).reshape(-1, F)


def _conv_forward_nhwc(x, w, b, stride, padding):
    """Channels-last convolution. x: (N, H, W, C), w: (F, C, kh, kw), b: (F,) or None.

    Returns out: (N, H_out, W_out, F) and cols: (N·H_out·W_out, kh·kw·C), the patch matrix
    that the backward pass needs for dw.
    """
    kh, kw = w.shape[2], w.shape[3]
    N, H, W, _ = x.shape
    H_out, W_out = conv_output_size(H, kh, stride, padding), conv_output_size(W, kw, stride, padding)
    cols = _im2col_nhwc(_pad_nhwc(x, padding, padding), kh, kw, stride)
    out = cols @ _weight_matrix(w)  # (N·H_out·W_out, F): the whole convolution in one product
    if b is not None:
        out += b
    return out.reshape(N, H_out, W_out, -1), cols


def _col2im_nhwc(dcols, x_shape, kh, kw, stride, padding):
    """Adjoint of the patch extraction: add every patch row back where it came from.

    dcols: (N·H_out·W_out, kh·kw·C) → (N, H, W, C) (channels-last x_shape).
    """
    N, H, W, C = x_shape
    Hp, Wp = H + 2 * padding, W + 2 * padding
    H_out, W_out = conv_output_size(H, kh, stride, padding), conv_output_size(W, kw, stride, padding)
    d = dcols.reshape(N, H_out, W_out, kh, kw, C)
    dxp = np.zeros((N, Hp, Wp, C), dtype=dcols.dtype)
    for i in range(kh):
        for j in range(kw):  # patch position (i, j) of every window lands on a strided grid
            dxp[:, i:i + stride * (H_out - 1) + 1:stride, j:j + stride * (W_out - 1) + 1:stride] += d[:, :, :, i, j]
    return dxp[:, padding:padding + H, padding:padding + W]


def _conv_backward_nhwc(dout, cols, x_shape, w, stride, padding, need_dx=True):
    """Gradients of a channels-last convolution.

    dout: (N, H_out, W_out, F), cols: the forward pass's patch matrix, x_shape: (N, H, W, C).
    Returns dx: (N, H, W, C) (None when need_dx is False, e.g. for the input images),
    dw: (F, C, kh, kw) and db: (F,).
    """
    F, C, kh, kw = w.shape
    d2 = dout.reshape(-1, F)
    dw = (cols.T @ d2).reshape(kh, kw, C, F).transpose(3, 2, 0, 1)  # patchesᵀ · dout
    db = _sum_rows(d2)
    if not need_dx:
        return None, dw, db
    if stride == 1 and padding <= kh - 1 and padding <= kw - 1:
        # With stride 1, dx is itself a convolution: dout padded by (k − 1 − padding), with each
        # filter turned 180° and its in/out channels swapped. One more im2col + matrix product,
        # which is faster than adding kh·kw shifted copies back (col2im).
        w_flip = w[:, :, ::-1, ::-1].transpose(1, 0, 2, 3)  # (C, F, kh, kw)
        dp = _pad_nhwc(dout, kh - 1 - padding, kw - 1 - padding)
        dx, _ = _conv_forward_nhwc(dp, w_flip, None, 1, 0)
        return dx, dw, db
    dcols = d2 @ _weight_matrix(w).T  # (N·H_out·W_out, kh·kw·C)
    return _col2im_nhwc(dcols, x_shape, kh, kw, stride, padding), dw, db


# -- the public, channels-first functions ---------------------------------------------------

def _nchw(a):
    return np.ascontiguousarray(a.transpose(0, 3, 1, 2))


def _nhwc(a):
    return a.transpose(0, 2, 3, 1)


def im2col(x, kh, kw, stride=1, padding=0):
    """Cut every kh×kw patch of x out into one row of a matrix.

    x: (N, C, H, W) → cols: (N·H_out·W_out, C·kh·kw). Rows go image by image, then output row
    by output row (n, i, j); each row is one patch flattened in (c, di, dj) order, so that for
    filters w: (F, C, kh, kw) the convolution is ``cols @ w.reshape(F, -1).T``.
    """
    kh = _int_arg(kh, "kh", 1)
    kw = _int_arg(kw, "kw", 1)
    stride = _int_arg(stride, "stride", 1)
    padding = _int_arg(padding, "padding", 0)
    x = _check_images(x)
    _check_geometry(x.shape, kh, kw, stride, padding, shapes=f"; x shape {x.shape}")
    patches = _patches_nhwc(_pad_nhwc(_nhwc(x), padding, padding), kh, kw, stride)  # (N, Ho, Wo, kh, kw, C)
    N, H_out, W_out = patches.shape[:3]
    return patches.transpose(0, 1, 2, 5, 3, 4).reshape(N * H_out * W_out, -1)


def col2im(cols, x_shape, kh, kw, stride=1, padding=0):
    """The adjoint of ``im2col``: add each row of cols back onto the patch it came from.

    cols: (N·H_out·W_out, C·kh·kw), as im2col returns it; x_shape: (N, C, H, W).
    Returns an (N, C, H, W) array. Where patches overlap the values add up, which is exactly
    what the backward pass needs (dx = col2im(dcols)); col2im(im2col(x)) is x times the
    number of patches that cover each pixel, not x.
    """
    kh = _int_arg(kh, "kh", 1)
    kw = _int_arg(kw, "kw", 1)
    stride = _int_arg(stride, "stride", 1)
    padding = _int_arg(padding, "padding", 0)
    if (not isinstance(x_shape, (tuple, list)) or len(x_shape) != 4
            or not all(isinstance(s, numbers.Integral) and s > 0 for s in x_shape)):
        raise ValueError(f"x_shape must be 4 positive integers (N, C, H, W); got {x_shape!r}")
    N, C, H, W = (int(s) for s in x_shape)
    H_out, W_out = _check_geometry((N, C, H, W), kh, kw, stride, padding, shapes=f"; x_shape {tuple(x_shape)}")
    cols = as_float_array(cols, "cols")
    expected = (N * H_out * W_out, C * kh * kw)
    if cols.shape != expected:
        raise ValueError(f"cols must have shape {expected} for x_shape {(N, C, H, W)}, a {kh}×{kw} kernel, "
                         f"stride {stride} and padding {padding}; got shape {cols.shape}")
    d = cols.reshape(N * H_out * W_out, C, kh, kw).transpose(0, 2, 3, 1).reshape(expected[0], -1)
    return _nchw(_col2im_nhwc(d, (N, H, W, C), kh, kw, stride, padding))


def conv2d(x, w, b=None, stride=1, padding=0):
    """2-D convolution (cross-correlation, as in PyTorch).

    x: (N, C, H, W), w: (F, C, kh, kw), b: (F,) or None → (N, F, H_out, W_out), with
    H_out = (H + 2·padding − kh) // stride + 1. The result has the dtype of x and w
    (float32 stays float32).
    """
    x, w, b, stride, padding, _ = _check_conv_args(x, w, b, stride, padding)
    out, _ = _conv_forward_nhwc(_nhwc(x), w, b, stride, padding)
    return _nchw(out)


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
    x_nhwc = _nhwc(x)
    cols = _im2col_nhwc(_pad_nhwc(x_nhwc, padding, padding), w.shape[2], w.shape[3], stride)
    dx, dw, db = _conv_backward_nhwc(np.ascontiguousarray(_nhwc(dout)), cols, x_nhwc.shape,
                                     w.astype(dout.dtype, copy=False), stride, padding)
    return _nchw(dx), dw, db
