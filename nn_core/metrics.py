"""Evaluation helpers: accuracy and confusion matrix."""
from __future__ import annotations

import numpy as np

from ._validation import as_labels


def accuracy(y_true, y_pred):
    """Percentage of matching labels. y_true, y_pred: (m,) integers."""
    y_true = as_labels(y_true, "y_true")
    y_pred = as_labels(y_pred, "y_pred", n_samples=y_true.shape[0], ref="y_true")
    return float(np.mean(y_true == y_pred) * 100)


def confusion_matrix(y_true, y_pred, num_classes=None):
    """counts[i, j] = number of samples of true class i predicted as class j."""
    y_true = as_labels(y_true, "y_true", num_classes=num_classes)
    y_pred = as_labels(y_pred, "y_pred", num_classes=num_classes, n_samples=y_true.shape[0], ref="y_true")
    k = num_classes if num_classes is not None else int(max(y_true.max(initial=0), y_pred.max(initial=0))) + 1
    counts = np.zeros((k, k), dtype=int)
    np.add.at(counts, (y_true, y_pred), 1)
    return counts
