"""Mini-batches and mini-batch gradient descent (Part 2, ch. 5)."""
from __future__ import annotations

import time

import numpy as np
from threadpoolctl import ThreadpoolController

from ._validation import as_float_array, as_labels, n_features, positive_float, positive_int, same_length
from .networks import _check_targets, _rng

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


def train_minibatch(model, X, y_onehot, epochs=20, lr=0.1, batch_size=32, *, validation_data=None,
                    seed=None, verbose=True, print_every=5, progress=False):
    """Train ``model`` (a DeepNeuralNetwork) with mini-batch SGD; return the history.

    X: (m, n_features), y_onehot: (m, n_classes). validation_data=(X_val, y_val)
    with integer labels adds validation accuracy (%) every epoch. Prints the
    average loss every ``print_every`` epochs when ``verbose``; ``progress=True``
    shows a progress bar. Returns {"loss": [...], "val_accuracy": [...],
    "seconds": [...]} with one entry per epoch.
    """
    epochs = positive_int(epochs, "epochs")
    lr = positive_float(lr, "lr")
    batch_size = positive_int(batch_size, "batch_size")
    X = model._check_X(X)  # checked and cast to the model's dtype once, not per batch
    Y = _check_targets(y_onehot, X.shape[0], model.sizes[-1], "y_onehot", ref="X").astype(model.dtype, copy=False)
    if validation_data is not None:
        if len(validation_data) != 2:
            raise ValueError("validation_data must be a pair (X_val, y_val)")
        X_val = as_float_array(validation_data[0], "X_val", ndim=2, dtype=model.dtype)
        n_features(X_val, model.sizes[0], "X_val")
        y_val = as_labels(validation_data[1], "y_val", num_classes=model.sizes[-1], n_samples=X_val.shape[0])
    rng = _rng(seed)
    m = X.shape[0]
    n_batches = -(-m // batch_size)
    history = {"loss": [], "val_accuracy": [], "seconds": []}

    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=epochs * n_batches, desc="training", unit="batch", leave=True)

    for epoch in range(epochs):
        start = time.perf_counter()
        order = rng.permutation(m)  # shuffle by index: no copy of the whole data set
        epoch_loss = 0.0
        # The steps run on one BLAS thread (threadpoolctl). A batch is a small matrix (e.g. 64
        # rows): splitting each product over threads gains little, and while other programs use
        # the cores every step waits for a paused thread (epochs 10-30x slower on 2 busy cores;
        # re-measure: benchmarks/train_speed.py --blas-check). Results don't depend on the core count.
        with _threadpools.limit(limits=1, user_api="blas"):
            for i in range(0, m, batch_size):
                idx = order[i:i + batch_size]
                Xb, yb = X[idx], Y[idx]
                pred = model._forward(Xb)
                epoch_loss += -np.sum(yb * np.log(np.clip(pred, 1e-12, 1.0))) / len(idx)
                model._step(model._gradients(yb), lr)
                if bar is not None:
                    bar.update(1)
        history["seconds"].append(time.perf_counter() - start)
        history["loss"].append(float(epoch_loss / n_batches))
        if validation_data is not None:
            history["val_accuracy"].append(float(np.mean(np.argmax(model._forward(X_val), axis=1) == y_val) * 100))
        if bar is not None:
            bar.set_postfix(loss=f"{history['loss'][-1]:.4f}")
        if verbose and (epoch + 1) % print_every == 0:
            line = f"  Epoch {epoch + 1:>3} → Loss: {history['loss'][-1]:.4f}"
            if validation_data is not None:
                line += f" → Val acc: {history['val_accuracy'][-1]:.1f}%"
            print(line)
    if bar is not None:
        bar.close()
    return history
