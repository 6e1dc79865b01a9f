import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nn_core import DeepNeuralNetwork, NeuralNetwork, gradient_check, numerical_gradient, one_hot, relative_error

# How close backprop and central differences (eps = 1e-6, float64) can be: rounding in the loss,
# ~1e-16·|loss|, divided by 2·eps, gives an absolute error of about 1e-10 per entry. Measured over
# 1,500 random networks of the sizes drawn below: ‖analytic − numerical‖ ≤ 2e-9 (deep, loss up to
# ~7) and ≤ 1.3e-10 (NeuralNetwork). We assert < 1e-8 (×5 margin). The *relative* error is that
# absolute error over the gradient's norm, so it is only small for gradients that are not tiny:
# for ‖g‖ ≥ 0.1 it is ≤ 2e-8, and we assert < 1e-7. A real bug (1% off, see below) gives ~5e-3.
ABS_TOL = 1e-8
REL_TOL = 1e-7


def assert_gradients_match(model, X, Y):
    errors = gradient_check(model, X, Y)
    assert set(errors) == set(model.parameters())
    grads = model.compute_gradients(X, Y)
    for name, err in errors.items():
        norm = float(np.linalg.norm(grads[name]))
        # relative_error = ‖a − n‖ / (‖a‖ + ‖n‖), and ‖n‖ ≈ ‖a‖
        assert err * 2 * norm < ABS_TOL, (name, err, norm)
        if norm >= 0.1:
            assert err < REL_TOL, (name, err, norm)


def _hidden_preactivations(net, X):
    """z_l of every hidden layer for the batch X."""
    zs, a = [], X
    for W, b in zip(net.weights[:-1], net.biases[:-1]):
        z = a @ W + b
        zs.append(z)
        a = net._act(z.copy())
    return zs


@settings(max_examples=15)
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
    if activation == "relu":
        # Keep every hidden z away from ReLU's kink: a ±1e-6 nudge of one parameter moves z by
        # far less than 1e-3, so the finite difference never straddles z = 0.
        assume(all(np.abs(z).min() > 1e-3 for z in _hidden_preactivations(net, X)))
    assert_gradients_match(net, X, Y)


@settings(max_examples=10)
@given(n_in=st.integers(1, 4), hidden=st.integers(1, 6), n_out=st.integers(1, 3), seed=st.integers(0, 10_000))
def test_sigmoid_network_gradients_match_numerical(n_in, hidden, n_out, seed):
    rng = np.random.default_rng(seed)
    nn = NeuralNetwork(n_in, hidden, n_out, seed=seed)
    assert_gradients_match(nn, rng.normal(size=(5, n_in)), rng.random((5, n_out)))


def test_kink_guard_sees_the_hidden_layers():
    net = DeepNeuralNetwork([2, 3, 4, 2], dtype=np.float64, seed=0)
    X = np.ones((5, 2))
    zs = _hidden_preactivations(net, X)
    assert [z.shape for z in zs] == [(5, 3), (5, 4)]
    net.forward(X)
    np.testing.assert_allclose(np.maximum(zs[1], 0), net.activations[2])


def test_float32_model_is_checked_in_float64():
    net = DeepNeuralNetwork([3, 4, 2], seed=0)  # float32
    errors = gradient_check(net, np.ones((2, 3)), np.array([[1, 0], [0, 1]]))
    # Measured ≤ 2.2e-10: the check ran in float64 (in float32 it would be ~1e-3 or worse).
    assert max(errors.values()) < 1e-8
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
    # ‖1.01·g − g‖ / (‖1.01·g‖ + ‖g‖) = 0.01 / 2.01, up to the ~1e-10 finite-difference noise
    assert errors["W1"] == pytest.approx(0.01 / 2.01, rel=1e-6)
    assert max(errors["b1"], errors["W2"], errors["b2"]) < 1e-8


def test_numerical_gradient_of_a_known_function():
    x = np.array([1.0, -2.0, 3.0])
    # Central differences are exact up to eps²·f'''/6 = 1e-12 and ~1e-10 of rounding.
    np.testing.assert_allclose(numerical_gradient(lambda: np.sum(x ** 3), x), 3 * x ** 2, rtol=1e-8)
    np.testing.assert_array_equal(x, [1.0, -2.0, 3.0])  # restored


def test_relative_error():
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_error(np.array([1.0, 0.0]), np.array([-1.0, 0.0])) == 1.0
    assert relative_error(np.array([3.0, 4.0]), np.array([3.0, 4.0])) == 0.0


def test_bad_inputs():
    with pytest.raises(TypeError, match="float64"):
        numerical_gradient(lambda: 0.0, np.zeros(3, dtype=np.float32))
    with pytest.raises(ValueError, match="shapes"):
        relative_error(np.zeros(2), np.zeros(3))
