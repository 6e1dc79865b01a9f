"""Part 4: weight decay, inverted dropout and batch normalisation (nn_core.regularization and the
options of DeepNeuralNetwork and the optimisers)."""
import copy
import pickle

import numpy as np
import pytest

import nn_core
from nn_core import (Adam, DeepNeuralNetwork, Momentum, SGD, batchnorm_backward, batchnorm_forward,
                     dropout_backward, dropout_forward, l2_penalty, numerical_gradient, relative_error,
                     train_minibatch)


def _data(m=8, n=5, k=3, seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(m, n)), np.eye(k)[rng.integers(0, k, m)]


# -- bad input ------------------------------------------------------------------------------------
@pytest.mark.parametrize("rate", [-0.1, 1.0, 1.5, True, "0.5", float("nan")])
def test_dropout_rate_outside_0_1_is_refused(rate):
    with pytest.raises(ValueError, match=r"dropout.*\[0, 1\)"):
        DeepNeuralNetwork([4, 3, 2], dropout=rate)
    with pytest.raises(ValueError, match=r"\[0, 1\)"):
        dropout_forward(np.ones(3), rate, 0)


@pytest.mark.parametrize("wd", [-0.01, float("inf"), "1e-4", None])
def test_negative_weight_decay_is_refused(wd):
    with pytest.raises(ValueError, match="weight_decay must be a non-negative number"):
        DeepNeuralNetwork([4, 3, 2], weight_decay=wd)
    for opt in (SGD, Momentum, Adam):
        with pytest.raises(ValueError, match="weight_decay must be a non-negative number"):
            opt(weight_decay=wd)


def test_batch_norm_on_a_batch_of_one_in_training_mode_is_refused():
    net = DeepNeuralNetwork([4, 3, 2], batch_norm=True, seed=0)
    with pytest.raises(ValueError, match="at least 2 samples"):
        net.forward(np.ones((1, 4)), training=True)
    with pytest.raises(ValueError, match="at least 2 samples"):
        batchnorm_forward(np.ones((1, 3)), 1.0, 0.0)
    assert net.forward(np.ones((1, 4))).shape == (1, 2)       # evaluation mode: fine
    with pytest.raises(TypeError, match="batch_norm must be True or False"):
        DeepNeuralNetwork([4, 3, 2], batch_norm="yes")
    with pytest.raises(ValueError, match="bn_momentum"):
        DeepNeuralNetwork([4, 3, 2], batch_norm=True, bn_momentum=0)


# -- weight decay -------------------------------------------------------------------------------
def test_weight_decay_adds_l2_to_loss_and_gradient_and_is_gradient_checked():
    X, Y = _data()
    plain = DeepNeuralNetwork([5, 6, 3], seed=1, dtype=np.float64)
    decayed = DeepNeuralNetwork([5, 6, 3], seed=1, dtype=np.float64, weight_decay=0.3)
    penalty = 0.15 * sum(np.sum(W ** 2) for W in plain.weights)
    assert np.isclose(decayed.loss(X, Y), plain.loss(X, Y) + penalty)
    assert np.isclose(l2_penalty(plain.weights, 0.3), penalty)
    g0, g1 = plain.compute_gradients(X, Y), decayed.compute_gradients(X, Y)
    for l in (1, 2):
        assert np.allclose(g1[f"W{l}"], g0[f"W{l}"] + 0.3 * plain.params[f"W{l}"])
        assert np.allclose(g1[f"b{l}"], g0[f"b{l}"])                        # biases are not decayed
    assert max(nn_core.gradient_check(decayed, X, Y).values()) < 1e-7


def test_optimizer_weight_decay_is_pytorch_semantics():
    rng = np.random.default_rng(0)
    for make in (lambda wd: SGD(lr=0.1, weight_decay=wd), lambda wd: Momentum(lr=0.1, weight_decay=wd),
                 lambda wd: Adam(lr=0.1, weight_decay=wd)):
        p1 = {"w": rng.normal(size=(3, 2))}
        p2 = {"w": p1["w"].copy()}
        a, b = make(0.05), make(0.0)
        for _ in range(3):
            g = rng.normal(size=(3, 2))
            grad_with_l2 = g + 0.05 * p2["w"]                  # what PyTorch's weight_decay adds
            a.step(p1, {"w": g})
            b.step(p2, {"w": grad_with_l2})
        assert np.allclose(p1["w"], p2["w"])
    assert "weight_decay=0.05" in repr(SGD(weight_decay=0.05)) and "weight_decay" not in repr(SGD())


def test_network_weight_decay_equals_sgd_step_with_weight_decay_on_the_weights():
    X, Y = _data()
    net = DeepNeuralNetwork([5, 4, 3], seed=2, dtype=np.float64, weight_decay=0.1)
    twin = DeepNeuralNetwork([5, 4, 3], seed=2, dtype=np.float64)
    grads = twin.compute_gradients(X, Y)
    weights = {k: v for k, v in twin.params.items() if k.startswith("W")}
    biases = {k: v for k, v in twin.params.items() if k.startswith("b")}
    SGD(lr=0.5, weight_decay=0.1).step(weights, {k: grads[k] for k in weights})
    SGD(lr=0.5).step(biases, {k: grads[k] for k in biases})
    net.forward(X)
    net.backward(Y, lr=0.5)
    for k in net.params:
        assert np.allclose(net.params[k], twin.params[k])


# -- dropout ------------------------------------------------------------------------------------
def test_inverted_dropout_keeps_the_expectation_and_masks_the_gradient():
    a = np.full((400, 500), 2.0)
    out, mask = dropout_forward(a, 0.3, np.random.default_rng(0))
    assert set(np.unique(mask)) == {0.0, 1 / 0.7}
    assert abs((mask == 0).mean() - 0.3) < 0.01
    assert abs(out.mean() - 2.0) < 0.02                       # E[out] = a
    dout = np.ones_like(a)
    assert np.array_equal(dropout_backward(dout, mask), mask)
    assert np.array_equal(dropout_forward(a, 0.0, 0)[0], a)


def test_dropout_only_in_training_mode_and_gradient_checked_with_a_fixed_mask():
    X, Y = _data(m=10)
    net = DeepNeuralNetwork([5, 7, 6, 3], seed=3, dtype=np.float64, dropout=0.4, hidden_activation="tanh")
    assert np.array_equal(net.forward(X), net.forward(X))             # evaluation: deterministic
    assert not np.allclose(net.forward(X, training=True), net.forward(X))

    def fixed(fn):
        net._noise = np.random.RandomState(7)                          # the same masks every call
        return fn()

    grads = fixed(lambda: net.compute_gradients(X, Y, training=True))
    assert any((m == 0).any() for m in net._masks)
    for name, p in net.params.items():
        num = numerical_gradient(lambda: fixed(lambda: net.loss(X, Y, training=True)), p)
        assert relative_error(grads[name], num) < 1e-7, name
    no_dropout = DeepNeuralNetwork([5, 7, 6, 3], seed=3, dtype=np.float64, hidden_activation="tanh")
    assert np.allclose(no_dropout.forward(X), net.forward(X))           # eval = the plain network


def test_dropout_zero_leaves_the_seeded_weights_unchanged():
    assert all(np.array_equal(a, b) for a, b in zip(DeepNeuralNetwork([4, 5, 2], seed=0).weights,
                                                    DeepNeuralNetwork([4, 5, 2], seed=0, dropout=0.5).weights))


# -- batch norm ----------------------------------------------------------------------------------
def test_batchnorm_forward_normalises_and_backward_is_gradient_checked():
    rng = np.random.default_rng(0)
    z = rng.normal(3, 5, size=(16, 4))
    gamma, beta = rng.normal(size=(1, 4)), rng.normal(size=(1, 4))
    out, cache = batchnorm_forward(z, np.ones((1, 4)), np.zeros((1, 4)))
    assert np.allclose(out.mean(axis=0), 0) and np.allclose(out.std(axis=0), 1, atol=1e-3)
    upstream = rng.normal(size=(16, 4))
    _, cache = batchnorm_forward(z, gamma, beta)
    dz, dgamma, dbeta = batchnorm_backward(upstream, cache)
    for arr, grad in ((z, dz), (gamma, dgamma), (beta, dbeta)):
        num = numerical_gradient(lambda: float(np.sum(batchnorm_forward(z, gamma, beta)[0] * upstream)), arr)
        assert relative_error(grad, num) < 1e-7
    # evaluation mode: fixed statistics, a plain affine map
    mean, var = np.ones((1, 4)), np.full((1, 4), 4.0)
    _, cache = batchnorm_forward(z, gamma, beta, mean=mean, var=var)
    dz, _, _ = batchnorm_backward(upstream, cache)
    num = numerical_gradient(lambda: float(np.sum(batchnorm_forward(z, gamma, beta, mean=mean, var=var)[0]
                                                  * upstream)), z)
    assert relative_error(dz, num) < 1e-7


@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_batch_norm_network_gradient_check_in_both_modes(activation):
    X, Y = _data(m=12)
    net = DeepNeuralNetwork([5, 6, 4, 3], seed=4, dtype=np.float64, batch_norm=True, weight_decay=0.01,
                            hidden_activation=activation)
    rng = np.random.default_rng(1)
    for arr in net.gammas + net.betas:
        arr[...] = rng.normal(size=arr.shape)
    for training in (True, False):
        grads = net.compute_gradients(X, Y, training=training)
        assert set(grads) == set(net.params)
        for name, p in net.params.items():
            num = numerical_gradient(lambda: net.loss(X, Y, training=training), p)
            if np.abs(num).max() < 1e-8:            # b_l before batch norm: its gradient is 0
                assert np.abs(grads[name]).max() < 1e-10, name
            else:
                assert relative_error(grads[name], num) < 1e-6, (name, training)


def test_running_statistics_follow_pytorch():
    X, _ = _data(m=32, n=4)
    net = DeepNeuralNetwork([4, 3, 2], seed=0, dtype=np.float64, batch_norm=True)
    z = X @ net.weights[0] + net.biases[0]
    net.forward(X, training=True)
    assert np.allclose(net.running_mean[0], 0.1 * z.mean(axis=0))
    assert np.allclose(net.running_var[0], 0.9 + 0.1 * z.var(axis=0, ddof=1))
    before = [r.copy() for r in net.running_mean]
    net.forward(X)                                              # evaluation: no update
    assert np.array_equal(before[0], net.running_mean[0])


def test_batch_norm_model_trains_through_train_minibatch_copies_and_converts(tmp_path):
    X, Y = _data(m=64, n=5)
    net = DeepNeuralNetwork([5, 8, 3], seed=0, batch_norm=True, dropout=0.2, weight_decay=1e-3)
    history = train_minibatch(net, X, Y, epochs=3, lr=0.1, batch_size=16, seed=0, verbose=False,
                              validation_data=(X, Y.argmax(1)))
    assert len(history["loss"]) == 3 and np.isfinite(history["loss"]).all()
    assert not np.allclose(net.running_mean[0], 0)
    for twin in (copy.deepcopy(net), pickle.loads(pickle.dumps(net)), net.astype(np.float64)):
        assert np.allclose(twin.forward(X), net.forward(X), atol=1e-5)
        assert set(twin.params) == set(net.params)
    assert "batch_norm=True" in repr(net) and "dropout=0.2" in repr(net)
    assert net.n_params() == 5 * 8 + 8 + 8 * 3 + 3 + 2 * 8
    # A batch-norm network's file keeps gamma/beta, the running statistics and bn settings.
    back = DeepNeuralNetwork.load(net.save(tmp_path / "bn"))
    assert back.batch_norm and back.bn_momentum == net.bn_momentum and back.bn_eps == net.bn_eps
    np.testing.assert_array_equal(back.forward(X), net.forward(X))
    for ours, theirs in zip(net.running_mean + net.running_var, back.running_mean + back.running_var):
        np.testing.assert_array_equal(ours, theirs)


def test_plain_networks_are_unchanged():
    X, Y = _data()
    net = DeepNeuralNetwork([5, 4, 3], seed=0, dtype=np.float64)
    assert set(net.params) == {"W1", "b1", "W2", "b2"} and repr(net) == "DeepNeuralNetwork([5, 4, 3])"
    assert np.array_equal(net.forward(X, training=True), net.forward(X))


def test_train_minibatch_steps_in_training_mode_and_validates_in_evaluation_mode():
    """The one training loop runs its steps with dropout (the same masks as a hand-written loop of
    forward(training=True) + backward) and its validation pass without."""
    X, Y = _data(m=40, n=5)
    net = DeepNeuralNetwork([5, 8, 3], seed=0, dtype=np.float64, dropout=0.5, weight_decay=0.01)
    twin = copy.deepcopy(net)
    history = train_minibatch(net, X, Y, epochs=2, lr=0.1, batch_size=10, seed=3, verbose=False,
                              validation_data=(X, Y.argmax(1)))
    order_rng = np.random.RandomState(3)
    for _ in range(2):
        order = order_rng.permutation(40)
        for i in range(0, 40, 10):
            twin.forward(X[order[i:i + 10]], training=True)
            twin.backward(Y[order[i:i + 10]], lr=0.1)
    for key in net.params:
        assert np.allclose(net.params[key], twin.params[key]), key
    assert np.isclose(history["val_accuracy"][-1], net.accuracy(X, Y.argmax(1)))     # evaluation mode
    assert np.isclose(history["val_loss"][-1], net.loss(X, Y) - l2_penalty(net.weights, 0.01))
