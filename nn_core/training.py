"""Mini-batches and mini-batch gradient descent (Part 2, ch. 5)."""
from __future__ import annotations

import math
import time

import numpy as np
from threadpoolctl import ThreadpoolController

from ._validation import _describe, as_float_array, as_labels, n_features, positive_float, positive_int, same_length
from .formatting import fmt
from .i18n import tr
from .networks import TrainingDivergedError, _check_targets, _finite, _rng

# NumPy's BLAS library (it does the matrix products), looked up once, so that limiting its
# threads for an epoch costs microseconds (threadpoolctl.threadpool_limits: milliseconds).
_threadpools = ThreadpoolController()


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
    indices = _rng(seed).permutation(m) if shuffle else np.arange(m)
    return [(X[indices[i:i + batch_size]], y[indices[i:i + batch_size]]) for i in range(0, m, batch_size)]


def _validation_set(validation_data, model):
    """Check validation_data = (X_val, y_val) against the model; returns them as arrays."""
    if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
        got = (f"a {type(validation_data).__name__} of length {len(validation_data)}"
               if isinstance(validation_data, (tuple, list)) else _describe(validation_data))
        raise TypeError(f"validation_data must be a pair (X_val, y_val) with integer labels y_val; got {got}")
    X_val = as_float_array(validation_data[0], "X_val", ndim=2, dtype=model.dtype)
    n_features(X_val, model.sizes[0], "X_val")
    y_val = np.asarray(validation_data[1])
    if y_val.ndim == 2 and y_val.shape[1] > 1:
        raise ValueError(f"y_val in validation_data must hold integer labels of shape ({X_val.shape[0]},); got "
                         f"shape {y_val.shape}, which looks one-hot: pass y_val.argmax(axis=1)")
    y_val = as_labels(y_val, "y_val", num_classes=model.sizes[-1], n_samples=X_val.shape[0], ref="X_val")
    return X_val, y_val


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
    """
    epochs = positive_int(epochs, "epochs")
    lr = positive_float(lr, "lr")
    batch_size = positive_int(batch_size, "batch_size")
    print_every = positive_int(print_every, "print_every")
    X = model._check_X(X)  # checked and cast to the model's dtype once, not per batch
    Y = _check_targets(y_onehot, X.shape[0], model.sizes[-1], "y_onehot", ref="X").astype(model.dtype, copy=False)
    if validation_data is not None:
        X_val, y_val = _validation_set(validation_data, model)
        val_rows = np.arange(X_val.shape[0])
    rng = _rng(seed)
    m = X.shape[0]
    n_batches = -(-m // batch_size)
    history = {"loss": [], "val_loss": [], "val_accuracy": [], "seconds": []}

    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=epochs * n_batches, desc=tr("progress_training"), unit="batch", leave=True)

    # Overflow on the way to a NaN loss is reported by the loss check below, not as NumPy warnings.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        try:
            for epoch in range(epochs):
                start = time.perf_counter()
                order = rng.permutation(m)  # shuffle by index: no copy of the whole data set
                epoch_loss = 0.0
                # The steps run on one BLAS thread (threadpoolctl). A batch is a small matrix (e.g. 64
                # rows): splitting each product over threads gains little, and while other programs use
                # the cores every step waits for a paused thread (epochs 10-30x slower on 2 busy cores;
                # re-measure: benchmarks/train_speed.py --blas-check). Results don't depend on the core count.
                with _threadpools.limit(limits=1, user_api="blas"):
                    for batch, i in enumerate(range(0, m, batch_size), start=1):
                        idx = order[i:i + batch_size]
                        Xb, yb = X[idx], Y[idx]
                        pred = model._forward(Xb, training=True)   # dropout on, batch-norm batch statistics
                        batch_loss = -np.sum(yb * np.log(np.clip(pred, 1e-12, 1.0))) / len(idx)
                        if not math.isfinite(batch_loss):  # one scalar: cheap enough for every step
                            raise TrainingDivergedError(epoch + 1, batch, lr)
                        epoch_loss += batch_loss
                        model._step(model._gradients(yb), lr)
                        if bar is not None:
                            bar.update(1)
                history["seconds"].append(time.perf_counter() - start)
                # The epoch's last step has no loss after it: check the weights themselves (small
                # arrays, once per epoch).
                if not _finite(list(model.params.values())):
                    raise TrainingDivergedError(epoch + 1, n_batches, lr)
                history["loss"].append(float(epoch_loss / n_batches))
                if validation_data is not None:
                    probs = model._forward(X_val)
                    p_true = np.clip(probs[val_rows, y_val], 1e-12, 1.0)  # probability of the true class
                    history["val_loss"].append(float(-np.mean(np.log(p_true))))
                    history["val_accuracy"].append(float(np.mean(np.argmax(probs, axis=1) == y_val) * 100))
                if bar is not None:
                    bar.set_postfix(loss=fmt(history['loss'][-1], 4))
                if verbose and (epoch + 1) % print_every == 0:
                    line = tr("epoch_loss_short", epoch=epoch + 1, loss=history["loss"][-1])
                    if validation_data is not None:
                        line += tr("val_acc", acc=history["val_accuracy"][-1])
                    print(line)
        finally:
            if bar is not None:
                bar.close()
    return history
