"""SGD, Momentum and Adam: first steps by hand, in-place updates, state, copies and errors."""
import copy
import pickle

import numpy as np
import pytest

from nn_core import SGD, Adam, Momentum


def test_sgd_step_by_hand():
    w = np.array([1.0, -2.0])
    SGD(lr=0.1).step([w], [np.array([0.5, -1.0])])
    np.testing.assert_allclose(w, [1.0 - 0.05, -2.0 + 0.1])  # θ − lr·g


def test_momentum_two_steps_by_hand():
    w = np.array([1.0])
    opt = Momentum(lr=0.1, beta=0.9)
    opt.step({"w": w}, {"w": np.array([2.0])})
    # v = 0.9·0 + 2 = 2;  θ = 1 − 0.1·2 = 0.8
    assert w[0] == pytest.approx(0.8)
    opt.step({"w": w}, {"w": np.array([1.0])})
    # v = 0.9·2 + 1 = 2.8;  θ = 0.8 − 0.1·2.8 = 0.52
    assert w[0] == pytest.approx(0.52)
    assert opt.state["w"]["v"][0] == pytest.approx(2.8)


def test_adam_first_steps_by_hand():
    w = np.array([1.0, 1.0])
    opt = Adam(lr=0.01)
    g1 = np.array([0.5, -3.0])
    opt.step([w], [g1])
    # t = 1: m = 0.1·g, s = 0.001·g², m̂ = g, ŝ = g²: the step is lr·g / (|g| + ε) ≈ lr·sign(g)
    np.testing.assert_allclose(w, [1.0 - 0.01 * 0.5 / (0.5 + 1e-8), 1.0 + 0.01 * 3.0 / (3.0 + 1e-8)], rtol=1e-12)
    g2 = np.array([0.25, 1.0])
    opt.step([w], [g2])
    # t = 2, written out as in the paper
    m = 0.9 * (0.1 * g1) + 0.1 * g2
    s = 0.999 * (0.001 * g1 ** 2) + 0.001 * g2 ** 2
    m_hat, s_hat = m / (1 - 0.9 ** 2), s / (1 - 0.999 ** 2)
    expected = np.array([1.0 - 0.01 * 0.5 / (0.5 + 1e-8), 1.0 + 0.01 * 3.0 / (3.0 + 1e-8)])
    expected -= 0.01 * m_hat / (np.sqrt(s_hat) + 1e-8)
    np.testing.assert_allclose(w, expected, rtol=1e-12)
    np.testing.assert_allclose(opt.state[0]["m"], m, rtol=1e-12)
    assert opt.t == 2


@pytest.mark.parametrize("opt", [SGD(0.1), Momentum(0.1), Adam(0.1)], ids=repr)
def test_updates_are_in_place_and_keep_float32(opt):
    params = {"W": np.ones((2, 3), np.float32), "b": np.zeros((1, 3), np.float32)}
    before = {k: id(v) for k, v in params.items()}
    opt.step(params, {"W": np.full((2, 3), 0.5), "b": np.ones((1, 3))})  # float64 gradients are cast
    assert {k: id(v) for k, v in params.items()} == before
    assert params["W"].dtype == params["b"].dtype == np.float32
    assert np.all(params["W"] < 1) and np.all(params["b"] < 0)


def test_adam_minimises_a_quadratic():
    w = np.array([5.0, -3.0])
    opt = Adam(lr=0.1)
    for _ in range(500):
        opt.step([w], [2 * (w - [1.0, 2.0])])
    np.testing.assert_allclose(w, [1.0, 2.0], atol=1e-3)


@pytest.mark.parametrize("make", [lambda: Momentum(0.05), lambda: Adam(0.05)], ids=["Momentum", "Adam"])
def test_state_survives_deepcopy_and_pickle(make):
    rng = np.random.default_rng(0)
    grads = [rng.standard_normal(3) for _ in range(4)]
    w = np.zeros(3)
    opt = make()
    for g in grads[:2]:
        opt.step([w], [g])
    for twin in (copy.deepcopy(opt), pickle.loads(pickle.dumps(opt))):
        w_twin, w_orig = w.copy(), w.copy()
        orig = copy.deepcopy(opt)
        for g in grads[2:]:
            twin.step([w_twin], [g])
            orig.step([w_orig], [g])
        np.testing.assert_array_equal(w_twin, w_orig)
        assert twin.t == 4
    assert opt.t == 2  # copies don't share state with the original


def test_reset_forgets_the_state():
    opt = Adam()
    opt.step([np.zeros(2)], [np.ones(2)])
    opt.reset()
    assert opt.t == 0 and opt.state == {}


def test_errors():
    with pytest.raises(ValueError, match="lr must be a positive, finite number; got -0.1"):
        SGD(lr=-0.1)
    with pytest.raises(ValueError, match=r"beta must be a number in \[0, 1\); got 1.0"):
        Momentum(beta=1.0)
    with pytest.raises(ValueError, match=r"beta2 must be a number in \[0, 1\); got -0.5"):
        Adam(beta2=-0.5)
    opt = SGD(0.1)
    with pytest.raises(ValueError, match=r"grads\['W'\] has shape \(3, 2\) but params\['W'\] has shape \(2, 3\)"):
        opt.step({"W": np.zeros((2, 3))}, {"W": np.zeros((3, 2))})
    with pytest.raises(ValueError,
                       match=r"grads must have the same keys as params; missing \['b'\], unexpected \['c'\]"):
        opt.step({"W": np.zeros(2), "b": np.zeros(2)}, {"W": np.zeros(2), "c": np.zeros(2)})
    with pytest.raises(ValueError, match="params has 2 arrays but grads has 1"):
        opt.step([np.zeros(2), np.zeros(2)], [np.zeros(2)])
    with pytest.raises(TypeError, match=r"params\[0\] must be a floating-point NumPy array"):
        opt.step([np.zeros(2, dtype=int)], [np.zeros(2)])
    with pytest.raises(TypeError, match="params is a dict, so grads must be a dict"):
        opt.step({"W": np.zeros(2)}, [np.zeros(2)])
    adam = Adam()
    adam.step([np.zeros(2)], [np.zeros(2)])
    with pytest.raises(ValueError, match=r"params\[0\] has shape \(3,\) but this optimizer's state for it has shape "
                                         r"\(2,\): use a new optimizer for a new model"):
        adam.step([np.zeros(3)], [np.zeros(3)])
