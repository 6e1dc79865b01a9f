"""Run-time plumbing shared by the models and the training loop: random numbers, BLAS threads,
and the error a diverging training raises. Private: the chapters never need it."""
from __future__ import annotations

import numpy as np
from threadpoolctl import ThreadpoolController

# NumPy's BLAS library (it does the matrix products), looked up once, so that limiting its
# threads costs microseconds (threadpoolctl.threadpool_limits looks it up every time: milliseconds).
_threadpools = ThreadpoolController()


def generator(seed):
    """A random generator for ``seed``.

    seed=None gives NumPy's global generator — the ``np.random`` module itself, whose functions
    (``standard_normal``, ``permutation``, ``randint``, ``uniform``, ``random``) draw from it —
    exactly like the source pages' ``np.random.seed(…)`` followed by ``np.random.randn(…)``.
    An int (or a list of ints) gives a private, reproducible RandomState that leaves the
    global state alone; an existing RandomState or Generator is returned as it is.
    """
    if seed is None:
        return np.random
    if isinstance(seed, (np.random.RandomState, np.random.Generator)):
        return seed
    return np.random.RandomState(seed)


def one_blas_thread():
    """Context manager: NumPy's matrix products run on one thread inside it.

    Training uses it for every step. A batch is a small matrix (e.g. 64 rows): splitting each
    product over threads gains little, and while other programs use the cores every step waits
    for a paused thread (epochs 10–30× slower on 2 busy cores; re-measure with
    benchmarks/train_speed.py --blas-check). Results then do not depend on the core count.
    """
    return _threadpools.limit(limits=1, user_api="blas")


def all_finite(arrays):
    """True when every array (e.g. the weights: small) holds only finite numbers."""
    return all(np.isfinite(a).all() for a in arrays)


class TrainingDivergedError(FloatingPointError):
    """Training stopped because the loss became NaN or infinite.

    A ``FloatingPointError`` (what NumPy raises under ``np.errstate(all="raise")``), so
    ``except FloatingPointError`` catches it. ``epoch`` and ``batch`` are 1-based; ``batch``
    is None for full-batch training (``NeuralNetwork.train``).
    """

    def __init__(self, epoch, batch=None, lr=None):
        self.epoch, self.batch, self.lr = epoch, batch, lr
        where = f"epoch {epoch}" if batch is None else f"epoch {epoch}, batch {batch}"
        lr_text = "" if lr is None else f" (lr={lr:g})"
        super().__init__(f"training diverged: the loss became NaN/inf at {where}{lr_text}. "
                         "Try a smaller learning rate, or scale the inputs "
                         "(nn_core.standardize or nn_core.normalize).")

    def __reduce__(self):  # pickle (e.g. from a worker process) with the fields, not the message
        return type(self), (self.epoch, self.batch, self.lr)


# Shown as nn_core.TrainingDivergedError (its public home), not nn_core._runtime.
TrainingDivergedError.__module__ = "nn_core"
