"""Gradient checking: compare backprop with central finite differences (in float64)."""
from __future__ import annotations

import numpy as np


def relative_error(a, b):
    """‖a − b‖ / (‖a‖ + ‖b‖), 0 when both are zero."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"cannot compare gradients of shapes {a.shape} and {b.shape}")
    denom = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denom == 0 else float(np.linalg.norm(a - b) / denom)


def numerical_gradient(f, x, eps=1e-6):
    """Central-difference gradient of the scalar function f() with respect to the array x.

    x is changed in place, one entry at a time, and restored: (f(x+ε) − f(x−ε)) / 2ε.
    x must be float64: in float32 the rounding error swamps the difference.
    """
    if not isinstance(x, np.ndarray) or x.dtype != np.float64:
        raise TypeError(f"x must be a float64 NumPy array; got {getattr(x, 'dtype', type(x).__name__)}")
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        f_plus = f()
        x[idx] = old - eps
        f_minus = f()
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2 * eps)
    return grad


def gradient_check(model, X, y, eps=1e-6):
    """Relative error between backprop and numerical gradients, per parameter.

    model: a NeuralNetwork or DeepNeuralNetwork (anything with parameters(),
    loss(X, y) and compute_gradients(X, y)). A float32 DeepNeuralNetwork is checked
    through a float64 copy. Returns {"W1": err, "b1": err, …}; below 1e-6 is a pass.
    """
    if getattr(model, "dtype", np.float64) != np.float64:
        if not hasattr(model, "astype"):
            raise TypeError("gradient checks need a float64 model (create it with dtype=np.float64)")
        model = model.astype(np.float64)
    params = model.parameters()
    analytic = {name: np.array(g, dtype=np.float64) for name, g in model.compute_gradients(X, y).items()}
    return {name: relative_error(analytic[name], numerical_gradient(lambda: model.loss(X, y), p, eps))
            for name, p in params.items()}
