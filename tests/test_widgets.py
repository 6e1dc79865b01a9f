import contextlib
import gc
import inspect
import io
import sys
import warnings
from unittest import mock

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest

from conftest import importorfail  # noqa: E402

importorfail("ipywidgets", "make install")
import ipywidgets.widgets.interaction as interaction  # noqa: E402

from nn_core import DeepNeuralNetwork, get_language, set_language  # noqa: E402
from nn_core import widgets as nn_widgets  # noqa: E402
from nn_core.i18n import tr  # noqa: E402
from nn_core.widgets import (GATES, activation_explorer, digit_explorer, draw_perceptron,  # noqa: E402
                             perceptron_playground, training_playground)


# -- running a widget's callback the way a reader does ---------------------------------

def run_widget(widget, **values):
    """Set the controls of an ``ipywidgets.interactive`` widget by argument name, run its
    callback once, and return what the reader would see::

        {"figures": [matplotlib figures], "png": [bytes], "text": printed text,
         "errors": [exceptions], "warnings": [warning messages]}

    ``interactive`` swallows an exception raised in the callback (a kernel shows it as a
    traceback in the output area; elsewhere it is only logged), so a test must look for it:
    here it lands in "errors". Each figure is rendered to PNG, which also catches a plot that
    only fails when drawn (a log axis with no positive data, …).
    """
    controls = {c._kwarg: c for c in widget.kwargs_widgets}
    unknown = set(values) - set(controls)
    assert not unknown, f"the widget has no control(s) {sorted(unknown)}; it has {sorted(controls)}"
    for c in controls.values():  # set every value first, then run once
        c.unobserve(widget.update, names="value")
    try:
        for name, value in values.items():
            controls[name].value = value
            # sliders clip out-of-range values silently: make sure the case tested is the one meant
            got = controls[name].value
            same = got == pytest.approx(value) if isinstance(value, float) else got == value
            assert same, f"{name}={value!r} became {got!r}: outside the control's range?"
    finally:
        for c in controls.values():
            c.observe(widget.update, names="value")

    errors = []

    class Kernel:  # what interactive.update reports an exception to
        def showtraceback(self, *args, **kwargs):
            errors.append(sys.exc_info()[1])

    plt.close("all")
    gc.collect()  # what earlier tests left for the collector warns now, not inside the window below
    out = io.StringIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with mock.patch.object(interaction, "get_ipython", Kernel), contextlib.redirect_stdout(out):
            widget.update()
        figures = [plt.figure(n) for n in plt.get_fignums()]
        png = []
        for fig in figures:
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", dpi=30)
            png.append(buffer.getvalue())
    plt.close("all")
    text = out.getvalue().replace("\x1b[2K", "").replace("\r", "")  # clear_output's escape codes
    return {"figures": figures, "png": png, "text": text, "errors": errors,
            "warnings": [f"{w.category.__name__}: {w.message}" for w in caught]}


def assert_shows_a_figure(seen):
    """The output area holds one drawn figure, and nothing went wrong."""
    assert seen["errors"] == [], seen["errors"]
    assert seen["warnings"] == [], seen["warnings"]
    assert len(seen["figures"]) == 1 and seen["png"][0].startswith(b"\x89PNG")
    assert any(ax.has_data() for ax in seen["figures"][0].axes)


@pytest.fixture(autouse=True)
def english_and_close_figures():
    language = get_language()
    set_language("en")
    yield
    set_language(language)
    plt.close("all")


def test_draw_perceptron_reports_the_truth_table():
    _, out = draw_perceptron(1.0, 1.0, -1.5, "AND")
    assert out.tolist() == GATES["AND"].tolist()
    _, out = draw_perceptron(1.0, 1.0, -0.5, "OR")
    assert out.tolist() == GATES["OR"].tolist()
    matplotlib.pyplot.close("all")


def test_draw_perceptron_draws_the_decision_line():
    ax, _ = draw_perceptron(1.0, 1.0, -1.5, "AND")       # x2 = 1.5 − x1
    (line,) = ax.lines
    np.testing.assert_allclose(line.get_xdata(), [-0.5, 1.5])
    np.testing.assert_allclose(line.get_ydata(), [2.0, 0.0])
    ax, _ = draw_perceptron(2.0, 0.0, -1.0, "AND")       # vertical: x1 = 0.5
    np.testing.assert_allclose(ax.lines[0].get_xdata(), [0.5, 0.5])
    ax, out = draw_perceptron(0.0, 0.0, 1.0, "OR")       # no line, every output 1
    assert len(ax.lines) == 0 and out.tolist() == [1, 1, 1, 1]
    matplotlib.pyplot.close("all")


def test_widgets_build_with_their_controls():
    w = perceptron_playground()
    assert [c.description for c in w.children[:4]] == ["w1", "w2", "b", "gate"]
    assert activation_explorer().children[0].options == ("relu", "tanh", "sigmoid")
    t = training_playground(epochs=500)
    assert {c.description for c in t.children[:3]} == {"hidden", "lr", "epochs"}
    net = DeepNeuralNetwork([4, 3], seed=0)
    d = digit_explorer(net, np.zeros((5, 4)), np.array([0, 1, 2, 0, 1]))
    assert d.children[0].max == 4
    matplotlib.pyplot.close("all")


# -- every widget, driven through its callback ------------------------------------------

@pytest.mark.parametrize("gate, w1, w2, b", [
    ("AND", 1.0, 1.0, -1.5),
    ("OR", 0.0, 0.0, 0.0),     # no decision line at all
    ("NAND", -2.0, 2.0, 3.0),  # the sliders' ends
    ("XOR", 2.0, 0.0, -3.0),   # a vertical line
    ("XOR", 0.0, -2.0, 1.0),   # a horizontal line
])
def test_perceptron_playground_callback(gate, w1, w2, b):
    seen = run_widget(perceptron_playground(), w1=w1, w2=w2, b=b, gate=gate)
    assert_shows_a_figure(seen)
    _, outputs = draw_perceptron(w1, w2, b, gate)
    (ax,) = seen["figures"][0].axes
    assert ax.get_title() == f"{gate}: {int((outputs == GATES[gate]).sum())}/4 correct"
    rows = seen["text"].strip().splitlines()
    assert rows[0] == "x1 x2 | output target" and len(rows) == 5  # the truth table


@pytest.mark.parametrize("name, z0, derivative", [
    ("relu", 0.0, True), ("relu", 6.0, False),
    ("tanh", -6.0, False), ("tanh", 2.5, True),
    ("sigmoid", 6.0, True), ("sigmoid", -6.0, True),
])
def test_activation_explorer_callback(name, z0, derivative):
    from nn_core import ACTIVATIONS

    seen = run_widget(activation_explorer(), name=name, z0=z0, derivative=derivative)
    assert_shows_a_figure(seen)
    (ax,) = seen["figures"][0].axes
    assert len(ax.lines) == (2 if derivative else 1)
    value = float(ACTIVATIONS[name](np.array(z0)))
    assert ax.get_title() == f"{name}({z0:.1f}) = {value:.3f}"


@pytest.mark.parametrize("hidden_size, lr, epochs", [
    (1, 0.01, 500),    # one hidden unit, tiny learning rate: barely moves
    (16, 10.0, 500),   # the slider's largest learning rate
    (4, 2.0, 1000),    # the chapter's setting
    (2, 0.1, 500),
])
def test_training_playground_callback(hidden_size, lr, epochs):
    seen = run_widget(training_playground(epochs=500), hidden_size=hidden_size, lr=lr, epochs=epochs)
    assert_shows_a_figure(seen)
    loss_ax, boundary_ax = seen["figures"][0].axes
    (curve,) = loss_ax.lines
    assert len(curve.get_ydata()) == epochs and np.all(np.isfinite(curve.get_ydata()))
    assert loss_ax.get_title() == f"final loss {curve.get_ydata()[-1]:.4f}"
    assert boundary_ax.get_title().startswith("accuracy ")


def test_training_playground_slider_reaches_a_huge_learning_rate():
    w = training_playground(lr=1e3, epochs=500)  # the slider stretches to the lr it is given
    assert_shows_a_figure(run_widget(w, lr=1e3, hidden_size=1))
    with pytest.raises(ValueError, match="lr must be a positive, finite number"):
        training_playground(lr=0)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_training_playground_explains_a_diverged_run(monkeypatch, lang):
    # Part 1's sigmoid network saturates instead of overflowing, so a NaN loss needs help: the
    # model's 3rd update writes a NaN into W1, as an overflowing step would.
    from nn_core.networks import NeuralNetwork

    class Diverging(NeuralNetwork):
        def _step(self, grads, lr):
            super()._step(grads, lr)
            self.steps = getattr(self, "steps", 0) + 1
            if self.steps == 3:
                self.W1[0, 0] = np.nan

    monkeypatch.setattr(nn_widgets, "NeuralNetwork", Diverging)
    set_language(lang)
    seen = run_widget(training_playground(epochs=500), lr=10.0)
    assert seen["errors"] == [] and seen["warnings"] == []
    assert seen["figures"] == []  # no broken plot
    expected = tr("training_failed", reason=tr("diverged", epoch=4))
    assert seen["text"].strip() == expected
    assert ("epoch 4" in expected) and (("dihentikan" in expected) == (lang == "id"))


@pytest.fixture(scope="module")
def digits():
    rng = np.random.default_rng(0)
    X = rng.random((12, 16))  # twelve 4×4 "images"
    y = np.arange(12) % 10
    return DeepNeuralNetwork([16, 8, 10], seed=0), X, y


@pytest.mark.parametrize("index", [0, 5, 11])  # 11: the last image
def test_digit_explorer_callback(digits, index):
    model, X, y = digits
    seen = run_widget(digit_explorer(model, X, y), index=index)
    assert_shows_a_figure(seen)
    image_ax, bars_ax = seen["figures"][0].axes
    np.testing.assert_array_equal(image_ax.images[0].get_array(), X[index].reshape(4, 4))
    assert image_ax.get_title() == f"label {y[index]}"
    heights = [bar.get_height() for bar in bars_ax.patches]
    np.testing.assert_allclose(heights, model.predict_proba(X[index:index + 1])[0], rtol=1e-6)


WIDGET_TESTS = {
    "perceptron_playground": test_perceptron_playground_callback,
    "activation_explorer": test_activation_explorer_callback,
    "training_playground": test_training_playground_callback,
    "digit_explorer": test_digit_explorer_callback,
}
HELPERS = {"draw_perceptron"}  # draws, but is not a widget


def test_every_widget_has_a_callback_test():
    public = {name for name, f in vars(nn_widgets).items()
              if inspect.isfunction(f) and f.__module__ == nn_widgets.__name__ and not name.startswith("_")}
    assert public - HELPERS == set(WIDGET_TESTS), "add a run_widget test for each new widget"


def test_run_widget_reports_a_swallowed_exception():
    import ipywidgets as w

    def show(x):
        plt.subplots()
        if x > 1:
            raise ZeroDivisionError("boom")
        print("fine")

    widget = w.interactive(show, x=w.IntSlider(value=0, min=0, max=3))
    assert run_widget(widget, x=1)["text"].strip() == "fine"
    seen = run_widget(widget, x=2)
    assert [type(e) for e in seen["errors"]] == [ZeroDivisionError]
    with pytest.raises(AssertionError, match="became 3"):
        run_widget(widget, x=7)  # the slider would clip 7 to 3
    with pytest.raises(AssertionError, match="no control"):
        run_widget(widget, y=1)
