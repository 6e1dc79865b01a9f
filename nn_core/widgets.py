"""ipywidgets playgrounds. Each returns a widget to display (it is the last line of a cell).

Sliders redraw a matplotlib figure through ``ipywidgets.interactive``. In the
static HTML book the figure captured when the notebook was executed is shown;
open the notebook in Colab or JupyterLab to play.
"""
from __future__ import annotations

import numpy as np

from ._validation import positive_float
from .activations import ACTIVATIONS, DERIVATIVES
from .datasets import make_xor
from .formatting import fmt
from .i18n import tr
from .networks import NeuralNetwork, TrainingDivergedError
from .perceptron import perceptron
from .plotting import COLORS, plot_decision_boundary, plot_digit_probabilities

GATES = {
    "AND": np.array([0, 0, 0, 1]),
    "OR": np.array([0, 1, 1, 1]),
    "NAND": np.array([1, 1, 1, 0]),
    "XOR": np.array([0, 1, 1, 0]),
}
_INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])


def _slider(value, lo, hi, step, description):
    import ipywidgets as w

    return w.FloatSlider(value=value, min=lo, max=hi, step=step, description=description,
                         continuous_update=False, readout_format=".2f")


def draw_perceptron(w1, w2, b, gate="AND", ax=None):
    """Decision line w1·x1 + w2·x2 + b = 0 over the four inputs of ``gate``; returns (ax, outputs)."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(4.5, 4))
    weights = np.array([w1, w2], dtype=float)
    outputs = np.array([perceptron(x, weights, float(b)) for x in _INPUTS])
    target = GATES[gate]
    g0, g1 = np.meshgrid(np.linspace(-0.5, 1.5, 200), np.linspace(-0.5, 1.5, 200))
    zone = (w1 * g0 + w2 * g1 + b >= 0).astype(int)
    ax.contourf(g0, g1, zone, levels=[-0.5, 0.5, 1.5], colors=[COLORS[0], COLORS[1]], alpha=0.15)
    # The decision line itself (none when w1 = w2 = 0: then every input gets the same output).
    if w2 != 0:
        ax.plot([-0.5, 1.5], [-(w1 * -0.5 + b) / w2, -(w1 * 1.5 + b) / w2], color="k", lw=2)
    elif w1 != 0:
        ax.axvline(-b / w1, color="k", lw=2)
    for x, t, o in zip(_INPUTS, target, outputs):
        ax.scatter(*x, s=160, color=COLORS[1] if t else COLORS[0], edgecolor="k", zorder=3,
                   marker="o" if t == o else "X")
    ax.set_xlim(-0.5, 1.5)
    ax.set_ylim(-0.5, 1.5)
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    correct = int((outputs == target).sum())
    ax.set_title(tr("correct_of", gate=gate, correct=correct))
    return ax, outputs


def perceptron_playground(w1=1.0, w2=1.0, b=-1.5, gate="AND"):
    """Sliders for w1, w2, b and a gate; shows the decision line and the truth table."""
    import ipywidgets as w
    import matplotlib.pyplot as plt

    def show(w1, w2, b, gate):
        ax, outputs = draw_perceptron(w1, w2, b, gate)
        plt.show()
        print(tr("truth_header"))
        for x, o, t in zip(_INPUTS, outputs, GATES[gate]):
            print(f" {x[0]}  {x[1]} |   {o}      {t}  {'✓' if o == t else '✗'}")

    return w.interactive(show, w1=_slider(w1, -2, 2, 0.1, "w1"), w2=_slider(w2, -2, 2, 0.1, "w2"),
                         b=_slider(b, -3, 3, 0.1, "b"),
                         gate=w.Dropdown(options=list(GATES), value=gate, description=tr("gate")))


def activation_explorer(name="sigmoid", z_max=6.0):
    """Pick an activation; see it and its derivative, and the value at a chosen z."""
    import ipywidgets as w
    import matplotlib.pyplot as plt

    def show(name, z0, derivative):
        z = np.linspace(-z_max, z_max, 401)
        fig, ax = plt.subplots(figsize=(6, 3.5))
        ax.plot(z, ACTIVATIONS[name](z), color=COLORS[0], lw=2, label=f"{name}(z)")
        if derivative:
            ax.plot(z, DERIVATIVES[name](z), color=COLORS[1], lw=2, ls="--", label=f"{name}′(z)")
        value = float(ACTIVATIONS[name](np.array(z0)))
        ax.scatter([z0], [value], color="k", zorder=3)
        ax.set_title(f"{name}({fmt(z0, 1)}) = {fmt(value, 3)}")
        ax.set_xlabel("z")
        ax.legend(loc="upper left")
        plt.show()

    return w.interactive(show, name=w.Dropdown(options=list(ACTIVATIONS), value=name, description=tr("function")),
                         z0=_slider(0.0, -z_max, z_max, 0.5, "z"),
                         derivative=w.Checkbox(value=True, description=tr("derivative")))


def training_playground(X=None, y=None, hidden_size=4, lr=2.0, epochs=3000, seed=0):
    """Train Part 1's NeuralNetwork with a chosen hidden size and learning rate; plot the loss
    curve and the decision boundary. X: (m, 2), y: (m, 1). Defaults to XOR.

    The learning-rate slider runs from 0.01 to 10, or further when ``lr`` is outside that
    range. If the loss becomes NaN/inf, the reader sees why (in their language) instead of a
    figure."""
    import ipywidgets as w
    import matplotlib.pyplot as plt

    if X is None:
        X, y = make_xor()
    exponent = np.log10(positive_float(lr, "lr"))
    lr_min, lr_max = min(-2, int(np.floor(exponent))), max(1, int(np.ceil(exponent)))

    def show(hidden_size, lr, epochs):
        nn = NeuralNetwork(X.shape[1], hidden_size, 1, seed=seed)
        try:
            loss = nn.train(X, y, epochs=epochs, lr=lr, verbose=False)
        except TrainingDivergedError as err:
            print(tr("training_failed", reason=tr("diverged", epoch=err.epoch)))
            return
        fig, (a0, a1) = plt.subplots(1, 2, figsize=(10, 3.8))
        a0.plot(nn.loss_history, color=COLORS[0])
        a0.set_yscale("log")
        a0.set_xlabel(tr("epoch"))
        a0.set_ylabel(tr("mse_loss"))
        a0.set_title(tr("final_loss", loss=loss))
        plot_decision_boundary(nn.predict, X, y, ax=a1, padding=0.5, resolution=120)
        acc = np.mean((nn.predict(X) > 0.5) == y) * 100
        a1.set_title(tr("accuracy_title", acc=acc))
        plt.show()

    return w.interactive(show, hidden_size=w.IntSlider(value=hidden_size, min=1, max=16, description=tr("hidden"),
                                                       continuous_update=False),
                         lr=w.FloatLogSlider(value=lr, base=10, min=lr_min, max=lr_max, step=0.25, description="lr",
                                             continuous_update=False),
                         epochs=w.IntSlider(value=epochs, min=500, max=10000, step=500, description=tr("epochs"),
                                            continuous_update=False))


def digit_explorer(model, X, y, index=0):
    """Pick a test image; see it and the model's 10 class probabilities
    (the figure of ``nn_core.plotting.plot_digit_probabilities``)."""
    import ipywidgets as w
    import matplotlib.pyplot as plt

    def show(index):
        probs = model.predict_proba(X[index:index + 1])[0]
        plot_digit_probabilities(X[index], probs, label=y[index])
        plt.show()

    return w.interactive(show, index=w.IntSlider(value=index, min=0, max=len(X) - 1, description=tr("image"),
                                                 continuous_update=False))
