"""Mini-batch training of a ConvNet (Part 3) with an optimizer such as Adam."""
from __future__ import annotations

import numbers
import time

import numpy as np

from ._validation import positive_int
from .augment import random_shift
from .cnn import _softmax_cross_entropy
from .i18n import tr
from .networks import TrainingDivergedError, _rng
from .optimizers import Adam
from .training import _threadpools

__all__ = ["train_cnn"]


def train_cnn(model, X, y, epochs=5, batch_size=64, optimizer=None, *, validation_data=None, shift=0, seed=None,
              progress=True, verbose=False):
    """Train ``model`` (a ConvNet) on images X: (m, C, H, W) with integer labels y: (m,).

    Every epoch shuffles the images (``seed``: an int makes it repeatable), then takes one
    optimizer step per batch of ``batch_size``. ``optimizer``: an nn_core optimizer (default
    ``Adam(lr=1e-3)``); pass your own to choose its settings, or to keep its state when you
    call train_cnn again to continue training. ``validation_data=(X_val, y_val)`` adds the
    validation loss and accuracy (%) after every epoch. ``shift=2`` moves every training image
    by a random 0–2 pixels each time it is used (data augmentation, see ``random_shift``).
    ``progress`` shows a progress bar, ``verbose`` prints one line per epoch.

    Returns {"loss": [...], "val_loss": [...], "val_accuracy": [...], "seconds": [...]}, one
    entry per epoch: "loss" is the mean of the epoch's batch losses, "seconds" the time of the
    epoch's training steps (without the validation pass). If a batch's loss becomes NaN or
    infinite, training stops with a TrainingDivergedError (a FloatingPointError) whose message
    names the epoch and batch (1-based).
    """
    epochs = positive_int(epochs, "epochs")
    batch_size = positive_int(batch_size, "batch_size")
    if isinstance(shift, bool) or not isinstance(shift, numbers.Integral) or shift < 0:
        raise ValueError(f"shift must be a non-negative integer (pixels); got {shift!r}")
    if optimizer is None:
        optimizer = Adam(lr=1e-3)
    elif not callable(getattr(optimizer, "step", None)):
        raise TypeError(f"optimizer must have a step(params, grads) method, such as nn_core.Adam(); "
                        f"got {type(optimizer).__name__}")
    X = model._check_X(X)  # checked and cast to the model's dtype once, not per batch
    y = model._check_y(y, len(X))
    if validation_data is not None:
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
            raise TypeError("validation_data must be a pair (X_val, y_val) with integer labels y_val; "
                            f"got {type(validation_data).__name__}")
        X_val = model._check_X(validation_data[0], "X_val")
        y_val = model._check_y(validation_data[1], len(X_val), "y_val", ref="X_val")
    rng = _rng(seed)
    m = len(X)
    n_batches = -(-m // batch_size)
    params = model._params
    history = {"loss": [], "val_loss": [], "val_accuracy": [], "seconds": []}

    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=epochs * n_batches, desc=tr("progress_training"), unit="batch", leave=True)
    try:
        for epoch in range(1, epochs + 1):
            start = time.perf_counter()
            order = rng.permutation(m)  # shuffle by index: no copy of the data set
            total = 0.0
            # One BLAS thread, as in train_minibatch (see the comment there): on a busy machine
            # a batch's products stall waiting for a second thread, and results don't depend on
            # the number of cores.
            # Overflow on the way to a NaN loss is reported by the loss check, not as warnings.
            with _threadpools.limit(limits=1, user_api="blas"), \
                    np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                for b, i in enumerate(range(0, m, batch_size), start=1):
                    idx = order[i:i + batch_size]
                    Xb, yb = X[idx], y[idx]
                    if shift:
                        Xb = random_shift(Xb, shift, seed=rng)
                    probs, loss = _softmax_cross_entropy(model._forward(Xb), yb)
                    if not np.isfinite(loss):
                        raise TrainingDivergedError(epoch, b, lr=getattr(optimizer, "lr", None))
                    optimizer.step(params, model._backward(probs, yb))
                    total += loss
                    if bar is not None:
                        bar.update(1)
            if not all(np.isfinite(p).all() for p in params.values()):  # the last step: no loss after it
                raise TrainingDivergedError(epoch, n_batches, lr=getattr(optimizer, "lr", None))
            history["seconds"].append(time.perf_counter() - start)
            history["loss"].append(total / n_batches)
            postfix = tr("cnn_postfix", loss=history["loss"][-1])
            line = tr("cnn_epoch", epoch=epoch, epochs=epochs, loss=history["loss"][-1],
                      seconds=history["seconds"][-1])
            if validation_data is not None:
                z = model._scores(X_val)
                probs, val_loss = _softmax_cross_entropy(z, y_val)
                history["val_loss"].append(val_loss)
                history["val_accuracy"].append(float(np.mean(np.argmax(probs, axis=1) == y_val) * 100))
                postfix += tr("cnn_val", loss=val_loss, acc=history["val_accuracy"][-1])
                line += tr("cnn_val", loss=val_loss, acc=history["val_accuracy"][-1])
            if bar is not None:
                bar.set_postfix_str(postfix)
            if verbose:
                print(line)
    finally:
        if bar is not None:
            bar.close()
    model._cache = None  # the last batch's activations: not needed any more
    return history
