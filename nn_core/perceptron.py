"""The perceptron of Part 1, ch. 3: weighted sum + bias, then a step."""
from __future__ import annotations

import numbers

import numpy as np

from ._validation import as_float_array


def perceptron(inputs, weights, bias):
    """Single neuron: z = inputs · weights + bias, output 1 if z >= 0 else 0.

    inputs: (n,) for one example, or (m, n) for m examples (→ array of m outputs).
    weights: (n,). bias: a number.
    """
    x = as_float_array(inputs, "inputs")
    w = as_float_array(weights, "weights", ndim=1)
    if isinstance(bias, bool) or not isinstance(bias, numbers.Real) or not np.isfinite(bias):
        raise TypeError(f"bias must be a finite number; got {bias!r}")
    if x.ndim not in (1, 2):
        raise ValueError(f"inputs must be 1-D (one example) or 2-D (m, n); got shape {x.shape}")
    if x.shape[-1] != w.shape[0]:
        raise ValueError(f"inputs have {x.shape[-1]} values per example but weights has {w.shape[0]}")
    z = np.dot(x, w) + bias
    if x.ndim == 1:
        return 1 if z >= 0 else 0
    return (z >= 0).astype(int)
