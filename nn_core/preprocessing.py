"""Data preprocessing (Part 2, ch. 4): one-hot, min-max, z-score, train/test split."""
from __future__ import annotations

import numpy as np

from ._validation import as_float_array, as_labels, positive_int, same_length


def one_hot(labels, num_classes):
    """Labels (m,) → one-hot matrix (m, num_classes). [0, 2, 1] → [[1,0,0], [0,0,1], [0,1,0]]."""
    num_classes = positive_int(num_classes, "num_classes")
    labels = as_labels(labels, "labels", num_classes=num_classes)
    m = labels.shape[0]
    encoded = np.zeros((m, num_classes))
    encoded[np.arange(m), labels] = 1
    return encoded


def _features(X):
    X = as_float_array(X, "X", ndim=2)
    if X.shape[0] == 0:
        raise ValueError("X has no samples")
    return X


def normalize(X):
    """Min-max scale each column to [0, 1]. X: (m, n_features).

    A constant column becomes 0 (the 1e-8 keeps us from dividing by zero).
    """
    X = _features(X)
    X_min = X.min(axis=0)
    X_max = X.max(axis=0)
    return (X - X_min) / (X_max - X_min + 1e-8)


def _column_stat(value, name, n):
    """mean or std given by the caller: n_features numbers, shape (n,) or (1, n)."""
    value = as_float_array(value, name)
    if value.shape not in ((n,), (1, n)):
        raise ValueError(f"{name} must have one entry per feature, shape ({n},); got shape {value.shape} "
                         f"for X with {n} features")
    return value.reshape(n)


def standardize(X, mean=None, std=None, *, return_stats=False):
    """Z-score each column: (X − mean) / std, so mean 0 and standard deviation 1. X: (m, n_features).

    Without ``mean``/``std`` they are computed from X itself. To scale a test (or
    validation) split like the training split, compute them on the training split and
    pass them on::

        X_train_s, mean, std = standardize(X_train, return_stats=True)
        X_test_s = standardize(X_test, mean, std)

    mean, std: (n_features,). ``return_stats=True`` returns (X_scaled, mean, std). A
    constant column becomes 0 (the 1e-8 keeps us from dividing by zero).
    """
    X = _features(X)
    if (mean is None) != (std is None):
        raise ValueError("give both mean and std (e.g. from the training split), or neither to compute them from X")
    if mean is None:
        mean = X.mean(axis=0)
        std = X.std(axis=0)
    else:
        mean = _column_stat(mean, "mean", X.shape[1])
        std = _column_stat(std, "std", X.shape[1])
        if (std < 0).any():
            raise ValueError(f"std must not be negative; got {std[std < 0][:3].tolist()}")
    X_scaled = (X - mean) / (std + 1e-8)
    return (X_scaled, mean, std) if return_stats else X_scaled


def train_test_split(X, y, test_ratio=0.2, seed=42):
    """Shuffle, then split into X_train, X_test, y_train, y_test.

    Same permutation as Part 2 (``np.random.seed(seed)``; ``np.random.permutation``),
    but through a private RandomState so the global random state is left alone.
    """
    X = np.asarray(X)
    y = np.asarray(y)
    if X.ndim == 0 or y.ndim == 0:
        raise ValueError("X and y must be arrays with one row per sample")
    same_length(X, y)
    if isinstance(test_ratio, bool) or not isinstance(test_ratio, (int, float)) or not 0 < test_ratio < 1:
        raise ValueError(f"test_ratio must be a number strictly between 0 and 1; got {test_ratio!r}")
    indices = np.random.RandomState(seed).permutation(len(X))
    split = int(len(X) * (1 - test_ratio))
    if split == 0 or split == len(X):
        raise ValueError(f"test_ratio={test_ratio} leaves an empty train or test set for {len(X)} samples")
    train_idx, test_idx = indices[:split], indices[split:]
    return X[train_idx], X[test_idx], y[train_idx], y[test_idx]
