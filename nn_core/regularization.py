"""Training well (Part 4): L2 weight decay, inverted dropout and batch normalisation, as functions.

``DeepNeuralNetwork(..., weight_decay=λ, dropout=p, batch_norm=True)`` uses exactly these
functions; the chapters write each one inline first and then compare with them.

- **L2 / weight decay**: the loss gains ``λ/2 · Σ‖W‖²`` (weights only, not biases), so every
  weight's gradient gains ``λ·W``. This is PyTorch's ``weight_decay=λ`` (``torch.optim.SGD``
  adds ``λ·θ`` to the gradient of every parameter it is given), with the biases left out.
- **Inverted dropout** (training only): keep each unit with probability ``1 − p`` and divide
  the kept ones by ``1 − p``, so that the expected activation equals the activation without
  dropout and evaluation needs no rescaling. The backward pass multiplies by the same mask.
- **Batch normalisation** (Ioffe & Szegedy, 2015): per feature, ``x̂ = (z − μ)/√(σ² + ε)`` and
  ``y = γ·x̂ + β``, with the batch's mean and (biased) variance in training and running averages
  in evaluation. Running averages as in PyTorch: ``r ← (1 − momentum)·r + momentum·batch`` with
  momentum 0.1, and the *unbiased* batch variance for the running variance.
"""
from __future__ import annotations

import numbers

import numpy as np

__all__ = ["l2_penalty", "dropout_forward", "dropout_backward", "batchnorm_forward", "batchnorm_backward",
           "check_weight_decay", "check_dropout_rate"]


def check_weight_decay(value, name="weight_decay"):
    """A non-negative, finite number (0 turns weight decay off)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a non-negative number (0 = no weight decay, typical values 1e-4 to "
                         f"1e-2); got {value!r}")
    return float(value)


def check_dropout_rate(value, name="dropout"):
    """The probability p of dropping a unit: a number in [0, 1) (0 turns dropout off)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 <= value < 1:
        raise ValueError(f"{name} is the probability of dropping a unit and must be in [0, 1) (0 = no dropout, "
                         f"typical 0.2 to 0.5; 1 would drop every unit); got {value!r}")
    return float(value)


def l2_penalty(weights, weight_decay):
    """λ/2 · Σ‖W‖² over a list of weight arrays (a Python float)."""
    lam = check_weight_decay(weight_decay)
    return 0.5 * lam * float(sum(np.sum(np.square(W, dtype=np.float64)) for W in weights))


def dropout_forward(a, rate, rng):
    """Inverted dropout of the activations ``a`` (training mode). Returns (out, mask), where
    mask holds 0 for a dropped unit and 1/(1 − rate) for a kept one; out = a · mask.
    ``rng``: a NumPy Generator or RandomState (or an int seed)."""
    rate = check_dropout_rate(rate, "rate")
    a = np.asarray(a)
    if isinstance(rng, numbers.Integral):
        rng = np.random.default_rng(rng)
    draw = rng.random(a.shape) if hasattr(rng, "random") else rng.random_sample(a.shape)
    mask = (draw >= rate).astype(a.dtype if a.dtype.kind == "f" else np.float64)
    mask /= 1.0 - rate
    return a * mask, mask


def dropout_backward(dout, mask):
    """The gradient through dropout: the same mask (dropped units pass no gradient)."""
    return dout * mask


def batchnorm_forward(z, gamma, beta, *, eps=1e-5, mean=None, var=None):
    """Batch normalisation of z: (m, n). With ``mean``/``var`` None (training), the batch's own
    mean and biased variance are used and the batch needs at least 2 rows; otherwise (evaluation)
    the given running statistics. Returns (out, cache) for ``batchnorm_backward``."""
    z = np.asarray(z)
    if z.ndim != 2:
        raise ValueError(f"batch norm expects a 2-D batch (samples, features); got shape {z.shape}")
    training = mean is None
    if training:
        if z.shape[0] < 2:
            raise ValueError("batch norm in training mode needs a batch of at least 2 samples: the variance of "
                             f"one sample is 0, so every output would be β; got a batch of {z.shape[0]} "
                             "(use evaluation mode for single samples, or a larger batch)")
        mean = z.mean(axis=0, keepdims=True)
        var = z.var(axis=0, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (z - mean) * inv_std
    out = gamma * x_hat + beta
    return out, {"x_hat": x_hat, "inv_std": inv_std, "gamma": gamma, "training": training,
                 "mean": mean, "var": var}


def batchnorm_backward(dout, cache):
    """Gradients (dz, dgamma, dbeta) of batch norm, from the cache of ``batchnorm_forward``.

    In training mode μ and σ² depend on the batch, which gives the well-known formula
        dz = (1/m) · inv_std · (m·dx̂ − Σ dx̂ − x̂ · Σ(dx̂ · x̂)),   dx̂ = dout · γ;
    in evaluation mode they are constants and dz = dout · γ · inv_std."""
    x_hat, inv_std, gamma = cache["x_hat"], cache["inv_std"], cache["gamma"]
    dgamma = np.sum(dout * x_hat, axis=0, keepdims=True)
    dbeta = np.sum(dout, axis=0, keepdims=True)
    dx_hat = dout * gamma
    if not cache["training"]:
        return dx_hat * inv_std, dgamma, dbeta
    m = dout.shape[0]
    dz = (inv_std / m) * (m * dx_hat - dx_hat.sum(axis=0, keepdims=True)
                          - x_hat * np.sum(dx_hat * x_hat, axis=0, keepdims=True))
    return dz, dgamma, dbeta
