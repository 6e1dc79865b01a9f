"""Mini-batch training of a ConvNet (Part 3) with an optimizer such as Adam."""
from __future__ import annotations

from ._validation import integer_at_least
from .augment import random_shift
from .training import fit

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

    It is ``nn_core.fit`` with Part 3's defaults (Adam, a progress bar) and ``shift``.
    """
    shift = integer_at_least(shift, "shift", 0)
    augment = (lambda Xb, rng: random_shift(Xb, shift, seed=rng)) if shift else None
    return fit(model, X, y, optimizer=optimizer, epochs=epochs, batch_size=batch_size,
               validation_data=validation_data, seed=seed, augment=augment, progress=progress, verbose=verbose)
