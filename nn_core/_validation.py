"""Argument checks shared by the package.

Every public function validates what it is given and raises a ``ValueError`` or
``TypeError`` whose message names the argument, what was expected and what was
received. Nothing is silently reshaped, truncated or rounded.
"""
from __future__ import annotations

import numbers

import numpy as np


def _describe(x) -> str:
    if isinstance(x, np.ndarray):
        return f"an array of shape {x.shape} and dtype {x.dtype}"
    return f"{type(x).__name__} {x!r}"[:120]


def as_float_array(x, name: str, *, ndim: int | None = None, dtype=None,
                   allow_nonfinite: bool = False) -> np.ndarray:
    """Return ``x`` as a floating-point array, checking type, rank and finiteness.

    Integer and boolean inputs are converted exactly; strings, objects and complex
    numbers are refused. ``dtype=None`` keeps float32/float64 as they are.
    """
    arr = np.asarray(x)
    kind = arr.dtype.kind  # 'f' float, 'i'/'u' integer, 'b' bool, 'c' complex, others: not numbers
    if kind == "c":
        raise TypeError(f"{name} must be real-valued; got complex dtype {arr.dtype}")
    if kind not in "fiub":
        raise TypeError(f"{name} must hold numbers; got {_describe(x)}")
    if ndim is not None and arr.ndim != ndim:
        hint = ""
        if ndim == 2 and arr.ndim == 1:
            hint = (f" (one sample with {arr.shape[0]} features is x.reshape(1, -1); "
                    f"{arr.shape[0]} samples of one feature is x.reshape(-1, 1))")
        raise ValueError(f"{name} must be a {ndim}-D array; got shape {arr.shape}{hint}")
    if dtype is not None:
        arr = arr.astype(dtype, copy=False)
    elif kind != "f":
        arr = arr.astype(np.float64)
    if not allow_nonfinite and not np.isfinite(arr).all():
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(f"{name} contains {bad} NaN or infinite value(s); clean or impute them first")
    return arr


def as_labels(y, name: str, *, num_classes: int | None = None, n_samples: int | None = None,
              ref: str = "X") -> np.ndarray:
    """Return integer class labels of shape (m,), refusing fractions, negatives and out-of-range values."""
    arr = np.asarray(y)
    if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
        raise TypeError(f"{name} must hold integer class labels; got {_describe(y)}")
    if arr.ndim != 1:
        hint = ""
        if arr.ndim == 2 and arr.shape[1] > 1:
            hint = " (it looks one-hot encoded: use y.argmax(axis=1) to get labels)"
        elif arr.ndim == 2:
            hint = " (use y.ravel())"
        raise ValueError(f"{name} must be a 1-D array of class labels; got shape {arr.shape}{hint}")
    if np.issubdtype(arr.dtype, np.floating):
        if not np.isfinite(arr).all():
            raise ValueError(f"{name} contains NaN or infinite values; labels must be integers")
        if np.any(arr != np.round(arr)):
            bad = arr[arr != np.round(arr)][:3]
            raise ValueError(f"{name} must hold whole-number class labels; got non-integer values such as {bad.tolist()}")
    arr = arr.astype(np.intp, copy=False)
    if n_samples is not None and arr.shape[0] != n_samples:
        raise ValueError(f"{name} has {arr.shape[0]} labels but {ref} has {n_samples} samples")
    if arr.size and arr.min() < 0:
        raise ValueError(f"{name} must not contain negative labels; found {int(arr.min())}")
    if num_classes is not None and arr.size and arr.max() >= num_classes:
        raise ValueError(f"{name} contains label {int(arr.max())} but there are only {num_classes} classes "
                         f"(labels must be 0 … {num_classes - 1})")
    return arr


def positive_int(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a positive integer; got {_describe(value)}")
    if value <= 0:
        raise ValueError(f"{name} must be a positive integer; got {value}")
    return int(value)


def positive_float(value, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a positive number; got {_describe(value)}")
    value = float(value)
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive, finite number; got {value}")
    return value


def same_length(X: np.ndarray, y: np.ndarray, x_name: str = "X", y_name: str = "y") -> None:
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"{x_name} and {y_name} must have the same number of samples; "
                         f"got {X.shape[0]} and {y.shape[0]}")


def n_features(X: np.ndarray, expected: int, name: str = "X", what: str = "the input layer") -> None:
    if X.shape[1] != expected:
        raise ValueError(f"{name} has {X.shape[1]} features but {what} expects {expected}")


def integer_at_least(value, name, minimum):
    """An int ≥ minimum (0 or 1), refusing bools, floats and strings."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer; got {type(value).__name__} {value!r}"[:160])
    if value < minimum:
        kind = "a positive integer" if minimum == 1 else "a non-negative integer"
        raise ValueError(f"{name} must be {kind}; got {value}")
    return int(value)


def check_images(x, name="x", what="images"):
    """A float array of images x: (N, C, H, W), with a hint for 2-D and 3-D input."""
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


def check_dtype(dtype):
    """float32 or float64 as a np.dtype; anything else is a TypeError."""
    dtype = np.dtype(dtype)
    if dtype not in (np.float32, np.float64):
        raise TypeError(f"dtype must be float32 or float64; got {dtype}")
    return dtype


def check_targets(y, m, n_out, name="y", ref="the last forward() batch"):
    """Targets y: (m, n_out) for a network with n_out output units (one-hot for a softmax)."""
    y = as_float_array(y, name)
    if y.ndim == 1 and n_out > 1:
        raise ValueError(f"{name} must be one-hot with shape ({m}, {n_out}); got labels of shape {y.shape} "
                         f"(use nn_core.one_hot(labels, {n_out}))")
    if y.ndim != 2:
        raise ValueError(f"{name} must have shape ({m}, {n_out}); got shape {y.shape} "
                         f"(for one output unit use y.reshape(-1, 1))")
    if y.shape[0] != m:
        raise ValueError(f"{name} has {y.shape[0]} rows but {ref} has {m} samples")
    if y.shape[1] != n_out:
        raise ValueError(f"{name} has {y.shape[1]} columns but the output layer has {n_out} units")
    return y


def labels_not_one_hot(y, name, m):
    """Integer labels y: (m,) for validation data; a one-hot y gets a clear error."""
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] > 1:
        raise ValueError(f"{name} in validation_data must hold integer labels of shape ({m},); got "
                         f"shape {y.shape}, which looks one-hot: pass {name}.argmax(axis=1)")
    return y


def check_pair(value, what):
    """A pair (X, y), e.g. validation_data; anything else is a TypeError that says what it got."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        got = (f"a {type(value).__name__} of length {len(value)}"
               if isinstance(value, (tuple, list)) else _describe(value))
        raise TypeError(f"{what} must be a pair (X_val, y_val) with integer labels y_val; got {got}")
    return value
