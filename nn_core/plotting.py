"""Plotting helpers for the book's figures (matplotlib).

Every function draws on an ``ax`` you pass (or a new figure) and returns the axes,
so notebooks stay short and a learner can restyle any figure.
"""
from __future__ import annotations

import numpy as np

from ._validation import as_float_array
from .i18n import tr

# Colours that read on white and on the book's dark theme (figures keep a white card).
COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
          "#bcbd22", "#17becf")


def use_book_style():
    """Consistent, readable figures: white background (also in dark mode), grid, larger fonts."""
    import matplotlib as mpl

    mpl.rcParams.update({
        "figure.facecolor": "white", "axes.facecolor": "white", "savefig.facecolor": "white",
        "figure.dpi": 100, "axes.grid": True, "grid.alpha": 0.3, "font.size": 11,
        "axes.spines.top": False, "axes.spines.right": False,
    })


def _ax(ax, figsize=(6, 4)):
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_network(layer_sizes, ax=None, *, layer_names=None, max_nodes=8, title=None, node_labels=None):
    """Draw a fully connected network: one column of neurons per layer, every connection a line.

    Layers wider than ``max_nodes`` are drawn with ``max_nodes`` circles and a "⋮" and their size.
    ``node_labels``: optional, one sequence of strings per layer (or None for a layer), written
    above the neurons, first neuron at the top — e.g. the values of a forward pass.
    """
    from matplotlib.patches import Circle

    ax = _ax(ax, (7, 4))
    sizes = [int(n) for n in layer_sizes]
    n_layers = len(sizes)
    if layer_names is None:
        layer_names = ([tr("layer.input")] + [tr("layer.hidden", i=i) for i in range(1, n_layers - 1)]
                       + [tr("layer.output")])
    colors = [COLORS[0]] + [COLORS[2]] * (n_layers - 2) + [COLORS[1]]
    positions = []
    for i, n in enumerate(sizes):
        shown = min(n, max_nodes)
        ys = np.linspace(-(shown - 1) / 2, (shown - 1) / 2, shown) if shown > 1 else np.zeros(1)
        positions.append([(i * 2.5, y) for y in ys])
    for left, right in zip(positions[:-1], positions[1:]):
        for x0, y0 in left:
            for x1, y1 in right:
                ax.plot([x0, x1], [y0, y1], color="#9a9a9a", lw=0.7, alpha=0.6, zorder=1)
    top = max(len(p) for p in positions) / 2 + 0.6
    for i, (layer, n) in enumerate(zip(positions, sizes)):
        for x, y in layer:
            ax.add_patch(Circle((x, y), 0.28, color=colors[i], zorder=2))
        label = layer_names[i] + f"\n({n})"
        ax.text(i * 2.5, -top, label, ha="center", va="top", fontsize=10)
        if n > max_nodes:
            ax.text(i * 2.5 + 0.45, 0, "⋮", ha="left", va="center", fontsize=14)
    if node_labels is not None:
        if len(node_labels) != n_layers:
            raise ValueError(f"node_labels needs one entry per layer ({n_layers}); got {len(node_labels)}")
        for layer, labels in zip(positions, node_labels):
            for (x, y), text in zip(reversed(layer), labels if labels is not None else []):
                ax.text(x, y + 0.34, str(text), ha="center", va="bottom", fontsize=9, zorder=3,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})
    ax.set_xlim(-0.8, (n_layers - 1) * 2.5 + 0.8)
    ax.set_ylim(-top - 1.0, top)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title)
    return ax


def plot_decision_boundary(predict, X, y, ax=None, *, resolution=200, padding=0.5, title=None,
                           class_names=None, cmap="coolwarm"):
    """Shade the plane by predicted class and scatter the data. X: (m, 2), y: (m,) or (m, 1).

    ``predict`` maps an (n, 2) array to class labels (n,) or to probabilities
    (n, 1) for a binary model (thresholded at 0.5) or (n, k) (argmax).
    """
    X = as_float_array(X, "X", ndim=2)
    if X.shape[1] != 2:
        raise ValueError(f"plot_decision_boundary draws 2-D inputs; X has {X.shape[1]} features")
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] == 1:
        y = y[:, 0]
    ax = _ax(ax, (5, 4))
    x0 = np.linspace(X[:, 0].min() - padding, X[:, 0].max() + padding, resolution)
    x1 = np.linspace(X[:, 1].min() - padding, X[:, 1].max() + padding, resolution)
    g0, g1 = np.meshgrid(x0, x1)
    out = np.asarray(predict(np.c_[g0.ravel(), g1.ravel()]))
    if out.ndim == 2 and out.shape[1] == 1:
        out = (out[:, 0] > 0.5).astype(int)
    elif out.ndim == 2:
        out = out.argmax(axis=1)
    classes = np.unique(np.concatenate([np.unique(y), np.unique(out)])).astype(int)
    from matplotlib.colors import ListedColormap

    cm = ListedColormap([COLORS[c % len(COLORS)] for c in range(int(classes.max()) + 1)])
    ax.contourf(g0, g1, out.reshape(g0.shape), levels=np.arange(classes.max() + 2) - 0.5, cmap=cm, alpha=0.25)
    for c in np.unique(y).astype(int):
        label = class_names[c] if class_names is not None else tr("class_n", c=c)
        ax.scatter(X[y == c, 0], X[y == c, 1], color=COLORS[c % len(COLORS)], edgecolor="k", s=40, label=label)
    ax.legend(loc="best", fontsize=9)
    if title:
        ax.set_title(title)
    return ax


def plot_activations(names=("sigmoid", "relu", "tanh"), z=None, axes=None):
    """Each activation (top row) and its derivative (bottom row) on z ∈ [−5, 5]."""
    from . import activations as A

    z = np.linspace(-5, 5, 401) if z is None else z
    if axes is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(2, len(names), figsize=(4 * len(names), 6), sharex=True)
    axes = np.asarray(axes).reshape(2, len(names))
    for j, name in enumerate(names):
        f, df = A.ACTIVATIONS[name], A.DERIVATIVES[name]
        axes[0, j].plot(z, f(z), color=COLORS[j], lw=2)
        axes[0, j].set_title(name)
        axes[1, j].plot(z, df(z), color=COLORS[j], lw=2, ls="--")
        axes[1, j].set_title(tr("derivative_title", name=name))
        axes[1, j].set_xlabel("z")
    return axes


def plot_history(history, axes=None, *, title=None):
    """Loss per epoch (training, and validation if the history has ``val_loss``), and
    validation accuracy if the history has it. history: the dict ``train_minibatch`` returns."""
    has_acc = bool(history.get("val_accuracy"))
    if axes is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(1, 2 if has_acc else 1, figsize=(10 if has_acc else 5, 3.5))
    axes = np.atleast_1d(axes)
    epochs = np.arange(1, len(history["loss"]) + 1)
    axes[0].plot(epochs, history["loss"], color=COLORS[0], marker="o", ms=3, label=tr("train"))
    if history.get("val_loss"):
        axes[0].plot(epochs, history["val_loss"], color=COLORS[3], marker="s", ms=3, label=tr("validation"))
        axes[0].legend()
    axes[0].set_xlabel(tr("epoch"))
    axes[0].set_ylabel(tr("loss"))
    if has_acc:
        axes[1].plot(epochs, history["val_accuracy"], color=COLORS[2], marker="o", ms=3)
        axes[1].set_xlabel(tr("epoch"))
        axes[1].set_ylabel(tr("accuracy_pct"))
    if title:
        axes[0].figure.suptitle(title)
    return axes


def plot_images(images, labels=None, predictions=None, *, ncols=10, size=1.2, axes=None):
    """A grid of 28×28 (or any square) images. Titles show the label, and the prediction when it
    is given (red when it is wrong)."""
    import matplotlib.pyplot as plt

    images = np.asarray(images)
    n = len(images)
    side = int(round(np.sqrt(images[0].size)))
    nrows = -(-n // ncols)
    if axes is None:
        _, axes = plt.subplots(nrows, ncols, figsize=(ncols * size, nrows * size * 1.25))
    axes = np.atleast_1d(axes).ravel()
    for i, ax in enumerate(axes):
        ax.axis("off")
        if i >= n:
            continue
        ax.imshow(images[i].reshape(side, side), cmap="gray_r")
        if predictions is not None:
            ok = labels is None or predictions[i] == labels[i]
            text = f"{predictions[i]}" if labels is None else f"{predictions[i]} ({labels[i]})"
            ax.set_title(text, fontsize=9, color="black" if ok else COLORS[1])
        elif labels is not None:
            ax.set_title(str(labels[i]), fontsize=9)
    return axes


def plot_confusion_matrix(counts, class_names=None, ax=None, *, title=None):
    """Heat map of a confusion matrix with the count in every cell."""
    counts = np.asarray(counts)
    k = counts.shape[0]
    ax = _ax(ax, (0.6 * k + 2.5, 0.6 * k + 2))
    ax.imshow(counts, cmap="Blues")
    names = class_names if class_names is not None else [str(i) for i in range(k)]
    ax.set_xticks(range(k), names, rotation=45 if max(len(str(s)) for s in names) > 3 else 0)
    ax.set_yticks(range(k), names)
    ax.set_xlabel(tr("predicted"))
    ax.set_ylabel(tr("true"))
    ax.grid(False)
    threshold = counts.max() / 2
    for i in range(k):
        for j in range(k):
            ax.text(j, i, str(counts[i, j]), ha="center", va="center", fontsize=9,
                    color="white" if counts[i, j] > threshold else "black")
    if title:
        ax.set_title(title)
    return ax


def plot_digit_probabilities(image, probs, label=None, axes=None):
    """An image next to a bar chart of the model's class probabilities.

    image: (n,) or (side, side) with n a square number (e.g. 784 → 28×28); probs: (k,);
    label: the true class or None. The true class's bar is green; a wrong prediction's bar
    is red. Returns the two axes (image, bars).
    """
    probs = np.asarray(probs, dtype=float).ravel()
    image = np.asarray(image)
    side = int(round(np.sqrt(image.size)))
    if side * side != image.size:
        raise ValueError(f"image must have a square number of pixels; got {image.size}")
    if axes is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(1, 2, figsize=(8, 3), gridspec_kw={"width_ratios": [1, 2]})
    a0, a1 = axes
    pred = int(np.argmax(probs))
    a0.imshow(image.reshape(side, side), cmap="gray_r")
    a0.axis("off")
    a0.set_title(tr("image") if label is None else tr("label_n", label=label))
    colors = [COLORS[0]] * len(probs)
    if label is not None:
        colors[int(label)] = COLORS[2]
        if pred != int(label):
            colors[pred] = COLORS[1]
    a1.bar(range(len(probs)), probs, color=colors)
    a1.set_xticks(range(len(probs)))
    a1.set_ylim(0, 1)
    a1.set_xlabel(tr("class"))
    a1.set_ylabel(tr("probability"))
    a1.set_title(tr("prediction_title", pred=pred, p=probs[pred]))
    return a0, a1
