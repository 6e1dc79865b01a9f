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


def standardize(X):
    """Z-score each column: mean 0, standard deviation 1. X: (m, n_features)."""
    X = _features(X)
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    return (X - mean) / (std + 1e-8)


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
