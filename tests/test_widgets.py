import matplotlib
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from nn_core import DeepNeuralNetwork  # noqa: E402
from nn_core.widgets import (GATES, activation_explorer, digit_explorer, draw_perceptron,  # noqa: E402
                             perceptron_playground, training_playground)


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
