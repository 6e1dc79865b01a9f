import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nn_core import (relu, relu_derivative, sigmoid, sigmoid_derivative, softmax, step, tanh,
                     tanh_derivative)

finite = st.floats(-1e4, 1e4, allow_nan=False)


def test_seed_sigmoid_values():
    assert sigmoid(0) == 0.5
    assert round(float(sigmoid(5)), 3) == 0.993
    assert round(float(sigmoid(-5)), 3) == 0.007


def test_sigmoid_does_not_overflow_at_extremes():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = sigmoid(np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0]))
    assert out[0] == 0.0 and out[-1] == 1.0
    assert np.all(np.diff(out) >= 0)


def test_sigmoid_keeps_float32():
    assert sigmoid(np.zeros(3, dtype=np.float32)).dtype == np.float32


@given(arrays(np.float64, st.integers(1, 20), elements=finite))
def test_sigmoid_range_and_symmetry(z):
    s = sigmoid(z)
    assert np.all((s >= 0) & (s <= 1))
    np.testing.assert_allclose(s + sigmoid(-z), 1.0, atol=1e-12)


@pytest.mark.parametrize("f, df", [(sigmoid, sigmoid_derivative), (tanh, tanh_derivative),
                                   (relu, relu_derivative)])
def test_derivatives_match_finite_differences(f, df):
    z = np.array([-3.0, -0.7, -0.2, 0.3, 1.1, 4.0])  # no point at relu's kink
    eps = 1e-6
    numeric = (f(z + eps) - f(z - eps)) / (2 * eps)
    # Central differences are off by eps²·f'''(z)/6 ≈ 1e-13 plus ~1e-10 of rounding: measured relative
    # error ≤ 1.7e-9, so 1e-8 still catches a derivative that is wrong by a hundred-millionth.
    np.testing.assert_allclose(df(z), numeric, rtol=1e-8, atol=1e-12)


def test_seed_relu_example():
    np.testing.assert_array_equal(relu(np.array([-2, -1, 0, 1, 2])), [0, 0, 0, 1, 2])
    np.testing.assert_array_equal(relu_derivative(np.array([-1.0, 0.0, 2.0])), [0.0, 0.0, 1.0])


def test_step():
    np.testing.assert_array_equal(step(np.array([-0.1, 0.0, 3.0])), [0, 1, 1])


def test_softmax_seed_example():
    np.testing.assert_allclose(softmax(np.array([[2.0, 1.0, 0.1]])), [[0.659, 0.242, 0.099]], atol=5e-4)


@given(arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(2, 6)), elements=st.floats(-1e6, 1e6)))
def test_softmax_rows_sum_to_one_even_for_huge_logits(z):
    p = softmax(z)
    assert np.all(np.isfinite(p))
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-12)
    top2 = np.sort(z, axis=1)[:, -2:]
    clear = top2[:, 1] - top2[:, 0] > 1e-6  # a clear winner keeps winning
    np.testing.assert_array_equal(p.argmax(axis=1)[clear], z.argmax(axis=1)[clear])


def test_softmax_is_shift_invariant():
    z = np.array([[1.0, 2.0, 3.0]])
    np.testing.assert_allclose(softmax(z), softmax(z + 1000.0))


def test_bad_inputs():
    with pytest.raises(TypeError, match="z must hold numbers"):
        sigmoid("abc")
    with pytest.raises(ValueError, match="scalar"):
        softmax(1.0)
    with pytest.raises(ValueError, match="NaN"):
        softmax(np.array([[np.nan, 1.0]]))


# Written out independently of nn_core, so that a swapped or wrong table entry fails.
_Z = np.array([-4.0, -1.5, -0.3, 0.2, 0.9, 3.0])
_FORMULAS = {
    "relu": (np.maximum(_Z, 0), (_Z > 0).astype(float)),
    "tanh": (np.tanh(_Z), 1 / np.cosh(_Z) ** 2),
    "sigmoid": (1 / (1 + np.exp(-_Z)), np.exp(-_Z) / (1 + np.exp(-_Z)) ** 2),
}


def test_tables_have_the_same_entries():
    from nn_core import ACTIVATIONS, DERIVATIVES

    assert set(ACTIVATIONS) == set(DERIVATIVES) == set(_FORMULAS)


@pytest.mark.parametrize("name", sorted(_FORMULAS))
def test_table_entries_compute_their_function(name):
    from nn_core import ACTIVATIONS, DERIVATIVES

    value, slope = _FORMULAS[name]
    np.testing.assert_allclose(ACTIVATIONS[name](_Z), value, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(DERIVATIVES[name](_Z), slope, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", sorted(_FORMULAS))
def test_networks_use_the_activation_they_are_given(name):
    from nn_core import ACTIVATIONS, DeepNeuralNetwork

    net = DeepNeuralNetwork([3, 5, 2], seed=0, dtype=np.float64, hidden_activation=name)
    X = np.random.default_rng(0).normal(size=(4, 3))
    net.forward(X)
    np.testing.assert_allclose(net.activations[1], ACTIVATIONS[name](X @ net.params["W1"] + net.params["b1"]),
                               rtol=1e-12)
