"""Loss functions: mean squared error (Part 1) and cross-entropy (Part 2, ch. 3)."""
from __future__ import annotations

from ._maths import cross_entropy, mse
from ._validation import as_float_array


def _pair(y_pred, y_true, pred_name, true_name):
    y_pred = as_float_array(y_pred, pred_name)
    y_true = as_float_array(y_true, true_name)
    if y_pred.shape != y_true.shape:
        raise ValueError(f"{pred_name} has shape {y_pred.shape} but {true_name} has shape {y_true.shape}; "
                         "they must match exactly (a (m,) vs (m, 1) mix-up would broadcast to (m, m))")
    return y_pred, y_true


def mean_squared_error(y_pred, y_true):
    """MSE = mean((y − ŷ)²) over every element. y_pred, y_true: same shape."""
    y_pred, y_true = _pair(y_pred, y_true, "y_pred", "y_true")
    return mse(y_pred, y_true)


def cross_entropy_loss(y_pred, y_true_onehot, eps=1e-12):
    """Average cross-entropy −Σ y·log(ŷ) / m.

    y_pred: (m, k) probabilities (e.g. softmax output), clipped to [eps, 1 − eps]
    so that log(0) never happens. y_true_onehot: (m, k) one-hot targets.
    """
    y_pred, y_true = _pair(y_pred, y_true_onehot, "y_pred", "y_true_onehot")
    if y_pred.ndim != 2:
        raise ValueError(f"y_pred must be 2-D (m, k); got shape {y_pred.shape}")
    if (y_pred < 0).any() or (y_pred > 1).any():
        raise ValueError("y_pred must hold probabilities in [0, 1] (did you pass raw scores? apply softmax first)")
    return float(cross_entropy(y_pred, y_true, eps))
