"""Optimizers (Part 3): plain SGD, SGD with momentum, and Adam.

Each is a small object with ``step(params, grads)``, which updates the parameter arrays IN PLACE.
params and grads are either two dicts with the same keys (``model.params`` and the dict that
``model.compute_gradients`` returns) or two lists of arrays in the same order. The optimizer's
memory (velocities, moment estimates) is kept per parameter, by key or by position, as plain
NumPy arrays: optimizers copy (``copy.deepcopy``) and pickle like any Python object.

The update rules, for a parameter θ with gradient g:

    SGD        θ ← θ − lr·g
    Momentum   v ← β·v + g;              θ ← θ − lr·v          (v starts at 0; PyTorch's form)
    Adam       m ← β1·m + (1 − β1)·g;    s ← β2·s + (1 − β2)·g²
               θ ← θ − lr · m̂ / (√ŝ + ε),  m̂ = m / (1 − β1ᵗ),  ŝ = s / (1 − β2ᵗ)   (t = 1, 2, …)

``weight_decay=λ`` (Part 4; default 0) has PyTorch's semantics: before the rule above, every
parameter's gradient gains λ·θ (g ← g + λ·θ), the gradient of an L2 term λ/2·‖θ‖². It acts on
every array the optimizer is given, biases included (pass only the weights to another optimizer
to spare them). For Adam this is PyTorch's ``Adam(weight_decay=λ)``, not the decoupled AdamW.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from ._validation import positive_float
from .regularization import check_weight_decay

__all__ = ["SGD", "Momentum", "Adam"]


def _fraction(value, name):
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 <= value < 1:
        raise ValueError(f"{name} must be a number in [0, 1); got {value!r}")
    return float(value)


def _pairs(params, grads):
    """[(key, param, grad), …] after checking that params and grads match."""
    if isinstance(params, dict) or hasattr(params, "keys"):
        if not hasattr(grads, "keys"):
            raise TypeError(f"params is a dict, so grads must be a dict with the same keys; got {type(grads).__name__}")
        if set(params.keys()) != set(grads.keys()):
            missing = sorted(set(params.keys()) - set(grads.keys()))
            extra = sorted(set(grads.keys()) - set(params.keys()))
            raise ValueError(f"grads must have the same keys as params; missing {missing}, unexpected {extra}")
        items = [(k, params[k], grads[k]) for k in params.keys()]
    elif isinstance(params, (list, tuple)):
        if not isinstance(grads, (list, tuple)):
            raise TypeError(f"params is a list, so grads must be a list of the same length; got {type(grads).__name__}")
        if len(params) != len(grads):
            raise ValueError(f"params has {len(params)} arrays but grads has {len(grads)}")
        items = list(zip(range(len(params)), params, grads))
    else:
        raise TypeError(f"params must be a dict or a list of NumPy arrays; got {type(params).__name__}")
    for key, p, g in items:
        if not isinstance(p, np.ndarray) or p.dtype.kind != "f":
            raise TypeError(f"params[{key!r}] must be a floating-point NumPy array (updated in place); "
                            f"got {type(p).__name__}"
                            f"{'' if not isinstance(p, np.ndarray) else ' of dtype ' + str(p.dtype)}")
        if np.shape(g) != p.shape:
            raise ValueError(f"grads[{key!r}] has shape {np.shape(g)} but params[{key!r}] has shape {p.shape}")
    return items


class _Optimizer:
    def __init__(self, lr, weight_decay=0.0):
        self.lr = positive_float(lr, "lr")
        self.weight_decay = check_weight_decay(weight_decay)
        self.state = {}  # key → the arrays this optimizer keeps for that parameter
        self.t = 0       # number of steps taken

    def _slots(self, key, p, names):
        """This parameter's state arrays {name: array} (zeros at first), checked against its shape."""
        slots = self.state.get(key)
        if slots is None:
            slots = self.state[key] = {name: np.zeros_like(p) for name in names}
        else:
            shape = next(iter(slots.values())).shape
            if shape != p.shape:
                raise ValueError(f"params[{key!r}] has shape {p.shape} but this optimizer's state for it has "
                                 f"shape {shape}: use a new optimizer for a new model")
        return slots

    def step(self, params, grads):
        """Update every array of params in place from grads (see the module docstring)."""
        items = _pairs(params, grads)
        self.t += 1
        for key, p, g in items:
            g = np.asarray(g, dtype=p.dtype)
            if self.weight_decay:
                g = g + self.weight_decay * p      # PyTorch's weight_decay: the gradient of λ/2·‖θ‖²
            self._update(key, p, g)

    def _wd(self):
        return f", weight_decay={self.weight_decay}" if self.weight_decay else ""

    def reset(self):
        """Forget the state (velocities, moments) and the step count."""
        self.state.clear()
        self.t = 0


class SGD(_Optimizer):
    """Plain gradient descent: θ ← θ − lr·g."""

    def __init__(self, lr=0.01, weight_decay=0.0):
        super().__init__(lr, weight_decay)

    def __repr__(self):
        return f"SGD(lr={self.lr}{self._wd()})"

    def _update(self, key, p, g):
        p -= self.lr * g


class Momentum(_Optimizer):
    """SGD with momentum: v ← β·v + g, θ ← θ − lr·v (v starts at zero)."""

    def __init__(self, lr=0.01, beta=0.9, weight_decay=0.0):
        super().__init__(lr, weight_decay)
        self.beta = _fraction(beta, "beta")

    def __repr__(self):
        return f"Momentum(lr={self.lr}, beta={self.beta}{self._wd()})"

    def _update(self, key, p, g):
        v = self._slots(key, p, ("v",))["v"]
        v *= self.beta
        v += g
        p -= self.lr * v


class Adam(_Optimizer):
    """Adam (Kingma & Ba, 2015) with bias correction; the defaults are the paper's."""

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0):
        super().__init__(lr, weight_decay)
        self.beta1 = _fraction(beta1, "beta1")
        self.beta2 = _fraction(beta2, "beta2")
        self.eps = positive_float(eps, "eps")

    def __repr__(self):
        return f"Adam(lr={self.lr}, beta1={self.beta1}, beta2={self.beta2}, eps={self.eps}{self._wd()})"

    def _update(self, key, p, g):
        slots = self._slots(key, p, ("m", "s"))
        m, s = slots["m"], slots["s"]
        b1, b2 = self.beta1, self.beta2
        m *= b1
        m += (1 - b1) * g
        s *= b2
        tmp = g * g
        tmp *= 1 - b2
        s += tmp
        # θ −= lr_t · m / (√s + ε·√(1 − β2ᵗ)) with lr_t = lr·√(1 − β2ᵗ)/(1 − β1ᵗ): the same update
        # as with m̂ and ŝ, in fewer passes over the array.
        c2 = math.sqrt(1 - b2 ** self.t)  # a Python float: float32 arrays stay float32
        lr_t = self.lr * c2 / (1 - b1 ** self.t)
        np.sqrt(s, out=tmp)
        tmp += self.eps * c2
        np.divide(m, tmp, out=tmp)
        tmp *= lr_t
        p -= tmp
