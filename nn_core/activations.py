"""Activation functions and their derivatives (Part 1, ch. 4, Part 2, ch. 3).

All functions work element-wise on scalars or arrays of any shape, except
``softmax``, which normalises each row. Floating dtypes are kept (float32 stays
float32); integers are computed in float64.
"""
from __future__ import annotations

import numpy as np

from ._maths import softmax_inplace
from ._validation import as_float_array


def _float(z, name="z"):
    return as_float_array(z, name, allow_nonfinite=True)


def step(z):
    """Perceptron step function: 1 where z >= 0, else 0 (as integers)."""
    return (np.asarray(_float(z)) >= 0).astype(int)


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), computed without overflow for any z.

    For z < 0 we use the equal form e^z / (1 + e^z), so e^(−z) is never huge.
    """
    z = _float(z)
    e = np.exp(-np.abs(z))  # always in (0, 1]: no overflow
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(z.dtype, copy=False)[()]


def sigmoid_derivative(z):
    """σ'(z) = σ(z) · (1 − σ(z))."""
    s = sigmoid(z)
    return s * (1 - s)


def relu(z):
    """ReLU(z) = max(0, z). Integer input stays integer, as in Part 1."""
    z = np.asarray(z) if np.issubdtype(np.asarray(z).dtype, np.integer) else _float(z)
    return np.maximum(0, z)


def relu_derivative(z):
    """ReLU'(z) = 1 where z > 0, else 0 (we take 0 at the kink z = 0)."""
    z = _float(z)
    return (z > 0).astype(z.dtype)


def tanh(z):
    """tanh(z), output in (−1, 1)."""
    return np.tanh(_float(z))


def tanh_derivative(z):
    """tanh'(z) = 1 − tanh(z)²."""
    return 1 - np.tanh(_float(z)) ** 2


def softmax(z):
    """Row-wise softmax. z: (m, k) or (k,) → probabilities of the same shape, rows sum to 1.

    Subtracting each row's maximum first does not change the result but keeps
    e^z from overflowing for large scores.
    """
    z = _float(z)
    if z.ndim == 0:
        raise ValueError("softmax needs a vector or a 2-D array of scores; got a scalar")
    if np.isnan(z).any():
        raise ValueError("softmax got NaN scores")
    return softmax_inplace(z.copy())


# The hidden-layer activations by name, in the style of scikit-learn's tables: each function
# takes the pre-activation z (or an array of z), as everywhere in the chapters. The networks use
# in-place variants of the same functions (nn_core._hidden).
ACTIVATIONS = {"relu": relu, "tanh": tanh, "sigmoid": sigmoid}
DERIVATIVES = {"relu": relu_derivative, "tanh": tanh_derivative, "sigmoid": sigmoid_derivative}
