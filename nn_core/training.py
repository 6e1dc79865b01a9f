"""Mini-batches (Part 2, ch. 5) and the one training loop, ``fit``, that trains every model.

``fit(model, X, y, optimizer=…)`` drives any model through its public protocol:

- ``model.params``: name → array, updated in place by the optimizer;
- ``model.check_data(X, y, labels=False, names=("X", "y"))`` → (X, y) checked once, cast to
  the model's dtype (``labels=True``: integer labels, for validation data);
- ``model.loss_and_gradients(X_batch, y_batch)`` → (loss, gradients by name): one step's work,
  in training mode;
- ``model.evaluate(X, y)`` → (loss, accuracy in %), in evaluation mode.

``NeuralNetwork``, ``DeepNeuralNetwork`` and ``ConvNet`` all have it, and every optimizer
(``SGD``, ``Momentum``, ``Adam``) works with every model. ``train_minibatch`` (Part 2) and
``train_cnn`` (Part 3) are ``fit`` with the settings and the printed lines of their chapters.
"""
from __future__ import annotations

import math
import time

import numpy as np

from ._runtime import TrainingDivergedError, all_finite, generator, one_blas_thread
from ._validation import check_pair, positive_int, same_length
from .formatting import fmt
from .i18n import tr
from .optimizers import SGD, Adam


def create_minibatches(X, y, batch_size=32, *, seed=None, shuffle=True):
    """Shuffle, then cut into a list of (X_batch, y_batch); the last batch may be smaller.

    X: (m, …), y: (m, …). seed=None draws the permutation from NumPy's global
    generator, as in Part 2.
    """
    X = np.asarray(X)
    y = np.asarray(y)
    if X.ndim == 0 or y.ndim == 0:
        raise ValueError("X and y must be arrays with one row per sample")
    same_length(X, y)
    batch_size = positive_int(batch_size, "batch_size")
    m = X.shape[0]
    indices = generator(seed).permutation(m) if shuffle else np.arange(m)
    return [(X[indices[i:i + batch_size]], y[indices[i:i + batch_size]]) for i in range(0, m, batch_size)]


def _cnn_report(history, epoch, epochs):
    """train_cnn's line after each epoch, and its progress-bar text."""
    loss = history["loss"][-1]
    line = tr("cnn_epoch", epoch=epoch, epochs=epochs, loss=loss, seconds=history["seconds"][-1])
    postfix = tr("cnn_postfix", loss=loss)
    if history["val_loss"]:
        val = tr("cnn_val", loss=history["val_loss"][-1], acc=history["val_accuracy"][-1])
        line, postfix = line + val, postfix + val
    return line, postfix


def _minibatch_report(history, epoch, epochs):
    """train_minibatch's line after an epoch (Part 2's format), and its progress-bar text."""
    line = tr("epoch_loss_short", epoch=epoch, loss=history["loss"][-1])
    if history["val_accuracy"]:
        line += tr("val_acc", acc=history["val_accuracy"][-1])
    return line, f"loss={fmt(history['loss'][-1], 4)}"


def fit(model, X, y, *, optimizer=None, epochs=5, batch_size=64, validation_data=None, seed=None,
        augment=None, progress=False, verbose=False, print_every=1, report=_cnn_report):
    """Train ``model`` on (X, y) with mini-batches; return the history.

    Every epoch shuffles the samples (``seed``: an int makes it repeatable), then takes one
    ``optimizer`` step (default ``Adam(lr=1e-3)``) per batch of ``batch_size``: the model computes
    the batch's loss and gradients (``model.loss_and_gradients``), the optimizer updates
    ``model.params`` in place. y is what the model's loss takes (one-hot for the networks, labels
    for ConvNet). ``validation_data=(X_val, y_val)`` with integer labels y_val adds the validation
    loss and accuracy (%) after every epoch. ``augment(X_batch, rng)``, if given, returns a changed
    copy of each training batch (e.g. ``random_shift``), drawing from the loop's generator.
    ``progress`` shows a progress bar; ``verbose`` prints ``report(history, epoch, epochs)[0]``
    every ``print_every`` epochs (the second item is the progress bar's text).

    Returns {"loss": [...], "val_loss": [...], "val_accuracy": [...], "seconds": [...]}, one entry
    per epoch: "loss" is the mean of the epoch's batch losses, "seconds" the time of the epoch's
    steps (without the validation pass). If a batch's loss, or after an epoch a parameter, becomes
    NaN or infinite, training stops with a TrainingDivergedError (a FloatingPointError) naming the
    epoch and batch (1-based).
    """
    epochs = positive_int(epochs, "epochs")
    batch_size = positive_int(batch_size, "batch_size")
    print_every = positive_int(print_every, "print_every")
    if optimizer is None:
        optimizer = Adam(lr=1e-3)
    elif not callable(getattr(optimizer, "step", None)):
        raise TypeError(f"optimizer must have a step(params, grads) method, such as nn_core.Adam(); "
                        f"got {type(optimizer).__name__}")
    X, y = model.check_data(X, y)  # checked and cast to the model's dtype once, not per batch
    if validation_data is not None:
        X_val, y_val = model.check_data(*check_pair(validation_data, "validation_data"), labels=True,
                                        names=("X_val", "y_val"))
    rng = generator(seed)
    lr = getattr(optimizer, "lr", None)
    m = len(X)
    n_batches = -(-m // batch_size)
    history = {"loss": [], "val_loss": [], "val_accuracy": [], "seconds": []}

    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=epochs * n_batches, desc=tr("progress_training"), unit="batch", leave=True)
    # Overflow on the way to a NaN loss is reported by the loss check below, not as NumPy warnings.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        try:
            for epoch in range(1, epochs + 1):
                start = time.perf_counter()
                order = rng.permutation(m)  # shuffle by index: no copy of the whole data set
                total = 0.0
                with one_blas_thread():  # see nn_core._runtime.one_blas_thread
                    for batch, i in enumerate(range(0, m, batch_size), start=1):
                        idx = order[i:i + batch_size]
                        Xb, yb = X[idx], y[idx]
                        if augment is not None:
                            Xb = augment(Xb, rng)
                        loss, grads = model.loss_and_gradients(Xb, yb)
                        if not math.isfinite(loss):  # one scalar: cheap enough for every step
                            raise TrainingDivergedError(epoch, batch, lr)
                        optimizer.step(model.params, grads)
                        total += loss
                        if bar is not None:
                            bar.update(1)
                history["seconds"].append(time.perf_counter() - start)
                # The epoch's last step has no loss after it: check the parameters themselves (small
                # arrays, once per epoch).
                if not all_finite(model.params.values()):
                    raise TrainingDivergedError(epoch, n_batches, lr)
                history["loss"].append(float(total / n_batches))
                if validation_data is not None:
                    val_loss, val_accuracy = model.evaluate(X_val, y_val)
                    history["val_loss"].append(val_loss)
                    history["val_accuracy"].append(val_accuracy)
                line, postfix = report(history, epoch, epochs)
                if bar is not None:
                    bar.set_postfix_str(postfix)
                if verbose and epoch % print_every == 0:
                    print(line)
        finally:
            if bar is not None:
                bar.close()
    return history


def train_minibatch(model, X, y_onehot, epochs=20, lr=0.1, batch_size=32, *, validation_data=None,
                    seed=None, verbose=True, print_every=5, progress=False):
    """Train ``model`` (a DeepNeuralNetwork) with mini-batch SGD; return the history.

    X: (m, n_features), y_onehot: (m, n_classes). validation_data=(X_val, y_val)
    with integer labels y_val: (m_val,) adds, every epoch, the validation loss (mean
    cross-entropy) and accuracy (%). Prints the average loss every ``print_every``
    epochs when ``verbose``; ``progress=True`` shows a progress bar. Returns
    {"loss": [...], "val_loss": [...], "val_accuracy": [...], "seconds": [...]} with
    one entry per epoch (the val_ lists stay empty without validation_data).

    The model's Part 4 options act here: its steps run in training mode (dropout on, batch norm
    with batch statistics) and include weight decay in the gradients; the validation pass runs in
    evaluation mode. "loss" is the mean cross-entropy of the training batches, without the
    weight-decay term.

    If a batch's loss becomes NaN or infinite (the learning rate is too large, or the
    inputs are not scaled), training stops with a TrainingDivergedError, a
    FloatingPointError whose message names the epoch and batch (1-based).

    It is ``fit(model, X, y_onehot, optimizer=SGD(lr), …)`` with Part 2's printed lines.
    """
    return fit(model, X, y_onehot, optimizer=SGD(lr), epochs=epochs, batch_size=batch_size,
               validation_data=validation_data, seed=seed, progress=progress, verbose=verbose,
               print_every=print_every, report=_minibatch_report)
