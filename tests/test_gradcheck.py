import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nn_core import DeepNeuralNetwork, NeuralNetwork, gradient_check, numerical_gradient, one_hot, relative_error


@settings(max_examples=15, deadline=None)
@given(sizes=st.lists(st.integers(1, 6), min_size=1, max_size=3), n_out=st.integers(2, 4),
       activation=st.sampled_from(["relu", "tanh", "sigmoid"]), seed=st.integers(0, 10_000),
       m=st.integers(1, 5))
def test_deep_network_gradients_match_numerical(sizes, n_out, activation, seed, m):
    rng = np.random.default_rng(seed)
    net = DeepNeuralNetwork(sizes + [n_out], dtype=np.float64, seed=seed, hidden_activation=activation)
    for b in net.biases:  # non-zero biases: with zero ones a dead ReLU unit feeds z = 0 exactly,
        b[:] = rng.normal(scale=0.5, size=b.shape)  # the kink, where no derivative exists
    X = rng.normal(size=(m, sizes[0]))
    Y = one_hot(rng.integers(0, n_out, m), n_out)
    errors = gradient_check(net, X, Y)
    assert set(errors) == set(net.params)
    assert max(errors.values()) < 1e-6, errors


@settings(max_examples=10, deadline=None)
@given(n_in=st.integers(1, 4), hidden=st.integers(1, 6), n_out=st.integers(1, 3), seed=st.integers(0, 10_000))
def test_sigmoid_network_gradients_match_numerical(n_in, hidden, n_out, seed):
    rng = np.random.default_rng(seed)
    nn = NeuralNetwork(n_in, hidden, n_out, seed=seed)
    errors = gradient_check(nn, rng.normal(size=(5, n_in)), rng.random((5, n_out)))
    assert max(errors.values()) < 1e-6, errors


def test_float32_model_is_checked_in_float64():
    net = DeepNeuralNetwork([3, 4, 2], seed=0)  # float32
    errors = gradient_check(net, np.ones((2, 3)), np.array([[1, 0], [0, 1]]))
    assert max(errors.values()) < 1e-6
    assert net.params["W1"].dtype == np.float32


def test_gradient_check_catches_a_wrong_gradient(monkeypatch):
    net = DeepNeuralNetwork([3, 4, 2], dtype=np.float64, seed=0)
    original = net._gradients

    def broken(y):
        grads = original(y)
        dW, db = grads[0]
        grads[0] = (dW * 1.01, db)  # 1% off in the first layer
        return grads

    monkeypatch.setattr(net, "_gradients", broken)
    errors = gradient_check(net, np.random.default_rng(0).normal(size=(4, 3)), np.eye(2)[[0, 1, 1, 0]])
    assert errors["W1"] > 1e-3 and errors["W2"] < 1e-6


def test_numerical_gradient_of_a_known_function():
    x = np.array([1.0, -2.0, 3.0])
    np.testing.assert_allclose(numerical_gradient(lambda: np.sum(x ** 3), x), 3 * x ** 2, rtol=1e-8)
    np.testing.assert_array_equal(x, [1.0, -2.0, 3.0])  # restored


def test_bad_inputs():
    with pytest.raises(TypeError, match="float64"):
        numerical_gradient(lambda: 0.0, np.zeros(3, dtype=np.float32))
    with pytest.raises(ValueError, match="shapes"):
        relative_error(np.zeros(2), np.zeros(3))
