import matplotlib.pyplot as plt
import numpy as np
import pytest

from nn_core import DeepNeuralNetwork, get_language, make_xor, set_language
from nn_core.plotting import (COLORS, plot_activations, plot_confusion_matrix, plot_decision_boundary,
                              plot_history, plot_images, plot_network)


@pytest.fixture(autouse=True)
def english_and_close_figures():
    """The labels below are the English ones ($NN_CORE_LANG may say otherwise)."""
    language = get_language()
    set_language("en")
    yield
    set_language(language)
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


def _scatters(ax):
    from matplotlib.collections import PathCollection

    return [c for c in ax.collections if type(c) is PathCollection]


def test_decision_boundary_for_binary_and_multiclass():
    from matplotlib.colors import to_hex

    X, y = make_xor()
    ax = plot_decision_boundary(lambda P: (P[:, :1] > 0.5).astype(float), X, y, resolution=20)
    points = _scatters(ax)
    assert len(points) == 2  # one scatter per class
    for c, collection in enumerate(points):  # class c drawn in COLORS[c], at its own points
        assert to_hex(collection.get_facecolor()[0]) == COLORS[c]
        np.testing.assert_array_equal(collection.get_offsets(), X[y.ravel() == c])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["class 0", "class 1"]
    # the shading spans the data plus the padding (0.5 on every side)
    assert ax.get_xlim() == pytest.approx((-0.5, 1.5)) and ax.get_ylim() == pytest.approx((-0.5, 1.5))

    net = DeepNeuralNetwork([2, 4, 3], seed=0)
    ax = plot_decision_boundary(net.predict_proba, X, np.array([0, 1, 2, 1]), resolution=20,
                                class_names=["a", "b", "c"], title="three")
    assert [to_hex(c.get_facecolor()[0]) for c in _scatters(ax)] == list(COLORS[:3])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b", "c"]
    assert ax.get_title() == "three"
    with pytest.raises(ValueError, match="X has 3 features"):
        plot_decision_boundary(net.predict, np.ones((4, 3)), np.zeros(4))


def test_decision_boundary_shades_the_predicted_regions():
    from matplotlib.colors import to_hex
    from matplotlib.contour import ContourSet

    # predict: class 1 right of x0 = 0.5, on an 11×11 grid over [0, 1]²
    X = np.array([[0.0, 0.0], [1.0, 1.0]])
    ax = plot_decision_boundary(lambda P: (P[:, 0] > 0.5).astype(int), X, np.array([0, 1]), resolution=11,
                                padding=0.0)
    (shading,) = [c for c in ax.collections if isinstance(c, ContourSet)]
    np.testing.assert_allclose(shading.levels, [-0.5, 0.5, 1.5])  # one band per class
    assert [to_hex(c) for c in shading.get_facecolor()] == [COLORS[0], COLORS[1]]
    left, right = shading.get_paths()  # class 0's band ends, and class 1's starts, between 0.5 and 0.6
    assert left.vertices[:, 0].min() == 0.0 and 0.5 < left.vertices[:, 0].max() < 0.6
    assert 0.5 < right.vertices[:, 0].min() < 0.6 and right.vertices[:, 0].max() == 1.0


def test_plot_activations_draws_each_function_and_derivative():
    from nn_core import ACTIVATIONS, DERIVATIVES

    axes = plot_activations()
    assert axes.shape == (2, 3)
    for j, name in enumerate(("sigmoid", "relu", "tanh")):
        (f_line,) = axes[0, j].lines
        (d_line,) = axes[1, j].lines
        z = f_line.get_xdata()
        np.testing.assert_allclose(f_line.get_ydata(), ACTIVATIONS[name](z))
        np.testing.assert_allclose(d_line.get_ydata(), DERIVATIVES[name](z))
        assert axes[0, j].get_title() == name and axes[1, j].get_title() == f"{name}′ (derivative)"


def test_plot_history_draws_the_loss_and_the_accuracy():
    history = {"loss": [1.0, 0.5, 0.25], "val_accuracy": [50.0, 80.0, 90.0]}
    axes = plot_history(history, title="run 1")
    assert len(axes) == 2
    (loss,) = axes[0].lines
    (acc,) = axes[1].lines
    np.testing.assert_array_equal(loss.get_xdata(), [1, 2, 3])  # epochs count from 1
    np.testing.assert_array_equal(loss.get_ydata(), history["loss"])
    np.testing.assert_array_equal(acc.get_ydata(), history["val_accuracy"])
    assert (axes[0].get_xlabel(), axes[0].get_ylabel()) == ("epoch", "loss")
    assert axes[1].get_ylabel() == "accuracy (%)"
    assert axes[0].figure._suptitle.get_text() == "run 1"
    with_val = plot_history({"loss": [1.0, 0.5], "val_loss": [1.2, 0.7], "val_accuracy": [60.0, 70.0]})
    train, val = with_val[0].lines
    np.testing.assert_array_equal(val.get_ydata(), [1.2, 0.7])
    assert [t.get_text() for t in with_val[0].get_legend().get_texts()] == ["training", "validation"]
    only_loss = plot_history({"loss": [2.0, 1.0]})
    assert len(only_loss) == 1 and len(only_loss[0].lines) == 1


def test_plot_images_shows_each_image_with_its_title():
    from matplotlib.colors import to_hex

    images = np.arange(3 * 16).reshape(3, 16)  # three 4×4 images
    axes = plot_images(images, labels=[1, 2, 3], predictions=[1, 2, 4], ncols=2)
    assert len(axes) == 4  # a 2×2 grid, the last cell empty
    shown = [ax for ax in axes if ax.images]
    assert len(shown) == 3 and not axes[3].images
    for ax, image in zip(shown, images):
        np.testing.assert_array_equal(ax.images[0].get_array(), image.reshape(4, 4))
    assert [ax.get_title() for ax in shown] == ["1 (1)", "2 (2)", "4 (3)"]
    colors = [to_hex(ax.title.get_color()) for ax in shown]
    assert colors == ["#000000", "#000000", COLORS[1]]  # the wrong prediction is red
    axes = plot_images(images[:2], labels=[7, 8])
    assert [ax.get_title() for ax in axes if ax.images] == ["7", "8"]


def test_plot_confusion_matrix_writes_every_count():
    ax = plot_confusion_matrix(np.array([[5, 1], [0, 4]]))
    assert [t.get_text() for t in ax.texts] == ["5", "1", "0", "4"]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("predicted", "true")
    np.testing.assert_array_equal(ax.images[0].get_array(), [[5, 1], [0, 4]])


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
