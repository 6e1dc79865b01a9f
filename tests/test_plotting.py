import matplotlib.pyplot as plt
import numpy as np
import pytest

from nn_core import DeepNeuralNetwork, make_xor
from nn_core.plotting import (plot_activations, plot_confusion_matrix, plot_decision_boundary, plot_history,
                              plot_images, plot_network)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_plot_network_draws_every_connection():
    ax = plot_network([3, 4, 1])
    assert len(ax.lines) == 3 * 4 + 4 * 1
    assert len(ax.patches) == 8


def test_plot_network_caps_wide_layers():
    ax = plot_network([784, 128, 10], max_nodes=6)
    assert len(ax.patches) == 6 + 6 + 6
    assert any("(784)" in t.get_text() for t in ax.texts)


def test_plot_network_node_labels_top_to_bottom():
    ax = plot_network([2, 3, 1], node_labels=[["x1", "x2"], None, ["y"]])
    texts = {t.get_text(): t.get_position() for t in ax.texts}
    assert texts["x1"][1] > texts["x2"][1]  # first neuron on top
    assert "y" in texts
    with pytest.raises(ValueError, match="one entry per layer"):
        plot_network([2, 1], node_labels=[["a", "b"]])


def test_decision_boundary_for_binary_and_multiclass():
    X, y = make_xor()
    ax = plot_decision_boundary(lambda P: (P[:, :1] > 0.5).astype(float), X, y, resolution=20)
    assert len(ax.collections) >= 2
    net = DeepNeuralNetwork([2, 4, 3], seed=0)
    plot_decision_boundary(net.predict_proba, X, np.array([0, 1, 2, 1]), resolution=20)
    with pytest.raises(ValueError, match="X has 3 features"):
        plot_decision_boundary(net.predict, np.ones((4, 3)), np.zeros(4))


def test_other_plots():
    axes = plot_activations()
    assert axes.shape == (2, 3)
    plot_history({"loss": [1.0, 0.5], "val_accuracy": [50.0, 80.0]})
    plot_images(np.zeros((3, 784)), labels=[1, 2, 3], predictions=[1, 2, 4])
    ax = plot_confusion_matrix(np.array([[5, 1], [0, 4]]))
    assert [t.get_text() for t in ax.texts] == ["5", "1", "0", "4"]


def test_show_source_reads_the_library():
    from nn_core import NeuralNetwork, show_source

    code = show_source(NeuralNetwork.backward)
    assert code.data.startswith("def backward(self, X, y, lr=0.1):")
    assert "self._step(self.gradients(X, y), lr)" in code.data
    with pytest.raises(TypeError, match="show_source needs a function"):
        show_source(3)


def test_digit_probabilities_colours_the_true_and_the_predicted_class():
    from matplotlib.colors import to_hex

    from nn_core.plotting import COLORS, plot_digit_probabilities

    probs = np.array([0.1, 0.7, 0.2])
    a0, a1 = plot_digit_probabilities(np.zeros(16), probs, label=2)   # 4×4 image, wrong prediction
    assert a0.images[0].get_array().shape == (4, 4)
    colors = [to_hex(p.get_facecolor()) for p in a1.patches]
    assert colors == [COLORS[0], COLORS[1], COLORS[2]]
    assert a1.get_title() == "prediction 1 (70.0%)" and a0.get_title() == "label 2"
    _, a1 = plot_digit_probabilities(np.zeros((4, 4)), probs)          # no label: all bars alike
    assert len({to_hex(p.get_facecolor()) for p in a1.patches}) == 1
    with pytest.raises(ValueError, match="square number of pixels"):
        plot_digit_probabilities(np.zeros(10), probs)
