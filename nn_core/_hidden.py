"""The hidden-layer activations of the networks, computed in place (less memory, no copies).

Each entry: name → (forward, backward). ``forward(z)`` writes f(z) into z and returns it.
``backward(a, da)`` turns da = ∂𝓛/∂a into dz = da ⊙ f'(z) in place, using the OUTPUT a = f(z), so
that z need not be kept: relu'(z) = [a > 0], tanh'(z) = 1 − a², σ'(z) = a(1 − a).
"""
from __future__ import annotations

import numpy as np

from .activations import sigmoid


def _relu(z):
    return np.maximum(z, 0, out=z)


def _tanh(z):
    return np.tanh(z, out=z)


def _sigmoid(z):
    # The stable sigmoid (exp never sees a large positive number) computes into a new array,
    # which is then copied into z.
    z[...] = sigmoid(z)
    return z


def _relu_backward(a, da):
    da *= a > 0
    return da


def _tanh_backward(a, da):
    da *= 1 - a * a
    return da


def _sigmoid_backward(a, da):
    da *= a * (1 - a)
    return da


HIDDEN = {
    "relu": (_relu, _relu_backward),
    "tanh": (_tanh, _tanh_backward),
    "sigmoid": (_sigmoid, _sigmoid_backward),
}
