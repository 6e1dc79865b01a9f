"""The book's formulas, each written once, on arrays that are already checked.

The public functions (``nn_core.softmax``, ``cross_entropy_loss``, ``mean_squared_error``) and
the three models call these after validating their arguments. Shapes: z, probs: (m, k) — or (k,)
for one sample; Y: (m, k) one-hot; y: (m,) integer labels.
"""
from __future__ import annotations

import numpy as np


def _shift(z):
    """z − max(z) along the last axis, IN PLACE: e^z can then never overflow (softmax and
    log-sum-exp do not change when every score of a row moves by the same amount)."""
    z -= z.max(axis=-1, keepdims=True)
    return z


def softmax_inplace(z):
    """Row-wise softmax of the scores z, IN PLACE: ŷ_k = e^{z_k} / Σ_j e^{z_j}."""
    np.exp(_shift(z), out=z)
    z /= z.sum(axis=-1, keepdims=True)
    return z


def softmax_cross_entropy(z, y):
    """Softmax of the scores z: (m, k), IN PLACE, and the mean cross-entropy for labels y: (m,).

    The loss comes from the scores (log-sum-exp: 𝓛 = mean(log Σ_j e^{z_j} − z_y)), so it stays
    finite even when a probability rounds to 0 in float32. Returns (probs, loss).
    """
    _shift(z)
    z_y = z[np.arange(len(y)), y]
    np.exp(z, out=z)
    total = z.sum(axis=1, keepdims=True)
    z /= total
    return z, float(np.mean(np.log(total[:, 0]) - z_y))


def cross_entropy(probs, y, eps=1e-12):
    """Mean cross-entropy −(1/m)·Σ log ŷ_{true class}, with ŷ clipped to [eps, 1 − eps] so that
    log(0) never happens. y: (m, k) one-hot (the source pages' form) or (m,) integer labels."""
    m = probs.shape[0]
    if y.ndim == 1:
        return float(-np.mean(np.log(np.clip(probs[np.arange(m), y], eps, 1 - eps))))
    return float(-np.sum(y * np.log(np.clip(probs, eps, 1 - eps))) / m)


def softmax_cross_entropy_gradient(probs, y):
    """dz = (ŷ − Y) / m, the gradient of the mean cross-entropy with respect to the scores of a
    softmax output. y: (m, k) one-hot or (m,) integer labels."""
    m = probs.shape[0]
    if y.ndim == 1:
        dz = probs.copy()
        dz[np.arange(m), y] -= 1
        dz *= 1.0 / m
        return dz
    return (probs - y) * (1.0 / m)


def mse(pred, y):
    """Mean squared error: mean((y − ŷ)²) over every element."""
    return float(np.mean((y - pred) ** 2))


def dense_forward(a_prev, W, b):
    """z = a_prev · W + b. a_prev: (m, n_in), W: (n_in, n_out), b: (1, n_out) → z: (m, n_out)."""
    z = a_prev @ W
    z += b
    return z


def dense_backward(a_prev, dz, W, need_da=True):
    """Gradients of a dense layer z = a_prev · W + b, given dz = ∂𝓛/∂z: (m, n_out).

    Returns dW = a_prevᵀ · dz (the sum over the m samples is the matrix product), db = Σ_rows dz
    and da_prev = dz · Wᵀ (None when need_da is False, for the first layer).
    """
    dW = a_prev.T @ dz
    db = dz.sum(axis=0, keepdims=True)
    return dW, db, (dz @ W.T if need_da else None)
