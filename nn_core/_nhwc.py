"""Channels-last building blocks of the convolution and the max-pool (Part 3), on checked arrays.

Inside, images are kept channels-last, (N, H, W, C): a patch row is then kh runs of kw·C contiguous
numbers, which makes cutting the patches out cheap. ``nn_core.conv`` and ``nn_core.pooling`` wrap
these in the usual channels-first (N, C, H, W) functions; ``nn_core.cnn.ConvNet`` calls them
directly. Private: the chapters build their own versions and compare them with the public ones.
"""
from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv_output_size(size, kernel, stride=1, padding=0):
    """Output length of a convolution (or pooling) along one axis: (size + 2·padding − kernel) // stride + 1."""
    return (size + 2 * padding - kernel) // stride + 1


def check_geometry(x_shape, kh, kw, stride, padding, what="the kernel", shapes=""):
    """(H_out, W_out), or a ValueError when the kernel does not fit in the padded input."""
    H, W = x_shape[2], x_shape[3]
    Hp, Wp = H + 2 * padding, W + 2 * padding
    if kh > Hp or kw > Wp:
        raise ValueError(f"{what} {kh}×{kw} is larger than the padded input {Hp}×{Wp} "
                         f"(input {H}×{W}, padding {padding}){shapes}")
    return conv_output_size(H, kh, stride, padding), conv_output_size(W, kw, stride, padding)


def to_nchw(a):
    return np.ascontiguousarray(a.transpose(0, 3, 1, 2))


def to_nhwc(a):
    return a.transpose(0, 2, 3, 1)


def pad(x, ph, pw):
    """Zero-pad the two spatial axes of x: (N, H, W, C) → (N, H + 2ph, W + 2pw, C)."""
    if ph == 0 and pw == 0:
        return x
    N, H, W, C = x.shape
    xp = np.zeros((N, H + 2 * ph, W + 2 * pw, C), dtype=x.dtype)
    xp[:, ph:ph + H, pw:pw + W] = x
    return xp


def patches(xp, kh, kw, stride):
    """All kh×kw patches of the padded xp: (N, Hp, Wp, C) → view (N, H_out, W_out, kh, kw, C), no copy."""
    v = sliding_window_view(xp, (kh, kw), axis=(1, 2))  # (N, Hp−kh+1, Wp−kw+1, C, kh, kw)
    if stride > 1:
        v = v[:, ::stride, ::stride]
    return v.transpose(0, 1, 2, 4, 5, 3)


def im2col(xp, kh, kw, stride):
    """The patch matrix of the padded xp: (N, Hp, Wp, C) → (N·H_out·W_out, kh·kw·C), rows in (n, i, j)
    order, each row a patch in (di, dj, c) order."""
    windows = patches(xp, kh, kw, stride)  # a view (N, H_out, W_out, kh, kw, C)
    N, H_out, W_out = windows.shape[:3]
    C = xp.shape[3]
    if C > 1:  # one copy: each patch row is kh runs of kw·C contiguous numbers
        return windows.reshape(N * H_out * W_out, kh * kw * C)
    # One channel: copying one kernel position at a time is 3× faster than copying 1-number runs.
    cols = np.empty((N, H_out, W_out, kh, kw), dtype=xp.dtype)
    for i in range(kh):
        for j in range(kw):
            cols[..., i, j] = windows[:, :, :, i, j, 0]
    return cols.reshape(N * H_out * W_out, kh * kw)


def sum_rows(a):
    """a.sum(axis=0) for a tall (M, F) matrix, as a matrix-vector product: 10–20× faster."""
    return np.ones(a.shape[0], dtype=a.dtype) @ a


def weight_matrix(w):
    """Filters (F, C, kh, kw) → the (kh·kw·C, F) matrix that multiplies channels-last patch rows."""
    F = w.shape[0]
    return w.transpose(2, 3, 1, 0).reshape(-1, F)


def conv_forward(x, w, b, stride, padding):
    """Channels-last convolution. x: (N, H, W, C), w: (F, C, kh, kw), b: (F,) or None.

    Returns out: (N, H_out, W_out, F) and cols: (N·H_out·W_out, kh·kw·C), the patch matrix
    that the backward pass needs for dw.
    """
    kh, kw = w.shape[2], w.shape[3]
    N, H, W, _ = x.shape
    H_out, W_out = conv_output_size(H, kh, stride, padding), conv_output_size(W, kw, stride, padding)
    cols = im2col(pad(x, padding, padding), kh, kw, stride)
    out = cols @ weight_matrix(w)  # (N·H_out·W_out, F): the whole convolution in one product
    if b is not None:
        out += b
    return out.reshape(N, H_out, W_out, -1), cols


def col2im(dcols, x_shape, kh, kw, stride, padding):
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


def conv_backward(dout, cols, x_shape, w, stride, padding, need_dx=True):
    """Gradients of a channels-last convolution.

    dout: (N, H_out, W_out, F), cols: the forward pass's patch matrix, x_shape: (N, H, W, C).
    Returns dx: (N, H, W, C) (None when need_dx is False, e.g. for the input images),
    dw: (F, C, kh, kw) and db: (F,).
    """
    F, C, kh, kw = w.shape
    d2 = dout.reshape(-1, F)
    # dw = patchesᵀ · dout. For patch rows longer than the number of filters (e.g. 144 vs 32)
    # (doutᵀ · patches)ᵀ is the faster order for BLAS (about 1.5×); for short rows (one input
    # channel: 9) the direct product is.
    if cols.shape[1] > F:
        dw = (d2.T @ cols).reshape(F, kh, kw, C).transpose(0, 3, 1, 2)
    else:
        dw = (cols.T @ d2).reshape(kh, kw, C, F).transpose(3, 2, 0, 1)
    db = sum_rows(d2)
    if not need_dx:
        return None, dw, db
    if stride == 1:
        return _dx_stride1(dout, w, x_shape, padding), dw, db
    dcols = d2 @ weight_matrix(w).T  # (N·H_out·W_out, kh·kw·C)
    return col2im(dcols, x_shape, kh, kw, stride, padding), dw, db


def _dx_stride1(dout, w, x_shape, padding):
    """dx of a stride-1 convolution, without cutting out patches.

    Every output (i, j) sends dout[n, i, j] · W[:, :, u, v] back to the padded input at (i + u, j + v).
    Lay dout on the padded input's grid (Hp × Wp, zeros after row H_out and column W_out) and
    flatten the grid: then "(i + u, j + v)" is the flat index plus u·Wp + v, so each of the kh·kw
    kernel positions is ONE matrix product of the whole flattened dout, added at an offset. The
    zeros keep every image's sum inside that image.
    """
    F, C, kh, kw = w.shape
    N, H, W, _ = x_shape
    Hp, Wp = H + 2 * padding, W + 2 * padding
    H_out, W_out = dout.shape[1:3]
    grid = np.zeros((N, Hp, Wp, F), dtype=dout.dtype)
    grid[:, :H_out, :W_out] = dout
    g = grid.reshape(-1, F)
    dxp = np.zeros((N * Hp * Wp, C), dtype=dout.dtype)
    last = (kh - 1) * Wp + (kw - 1)          # the largest offset; rows of g beyond len(g) − last are 0
    rows = len(g) - last
    # One contiguous (F, C) block per kernel position: NumPy before 2.3 multiplies a strided slice
    # such as w[:, :, u, v] without BLAS, 20× slower (Colab's NumPy 2.0 among them).
    w_uv = np.ascontiguousarray(w.transpose(2, 3, 0, 1))   # (kh, kw, F, C)
    for u in range(kh):
        for v in range(kw):
            offset = u * Wp + v
            dxp[offset:offset + rows] += g[:rows] @ w_uv[u, v]   # (rows, F) · (F, C)
    return dxp.reshape(N, Hp, Wp, C)[:, padding:padding + H, padding:padding + W]


# -- max pooling ----------------------------------------------------------------------

def window(x, i, j, size_hw, stride):
    """Element (i, j) of every window: a strided view (N, H_out, W_out, C) of channels-last x."""
    H_out, W_out = size_hw
    return x[:, i:i + stride * (H_out - 1) + 1:stride, j:j + stride * (W_out - 1) + 1:stride]


def pool_forward(x, size, stride):
    """Channels-last max pooling. x: (N, H, W, C) → out: (N, H_out, W_out, C) and won, what
    backward needs: won[k − 1] is True where element k = i·size + j of a window is strictly
    greater than every element before it (so the last k that won is the first maximum)."""
    out_hw = conv_output_size(x.shape[1], size, stride), conv_output_size(x.shape[2], size, stride)
    out = window(x, 0, 0, out_hw, stride).copy()
    won = np.empty((size * size - 1,) + out.shape, dtype=bool)
    for k in range(1, size * size):
        v = window(x, *divmod(k, size), out_hw, stride)
        np.greater(v, out, out=won[k - 1])  # strictly greater: on a tie the earlier maximum stays
        np.maximum(out, v, out=out)
    return out, won


def pool_backward(dout, won, x_shape, size, stride):
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
        target = window(dx, *divmod(k, size), out_hw, stride)
        if tiled:
            part = np.multiply(g, won[k - 1], out=target)
        else:
            part = g * won[k - 1]
            target += part
        g = g - part if g is dout else np.subtract(g, part, out=g)  # (never change the caller's dout)
    target = window(dx, 0, 0, out_hw, stride)  # element 0 takes what is left
    if tiled:
        target[...] = g
    else:
        target += g
    return dx
