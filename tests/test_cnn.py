"""ConvNet: gradients, agreement with the public building blocks, files, copies, and train_cnn."""
import copy
import pickle

import numpy as np
import pytest

from nn_core import (SGD, Adam, ConvNet, TrainingDivergedError, conv2d, gradient_check, max_pool2d, relu, softmax,
                     train_cnn)

TINY = [
    dict(input_shape=(2, 8, 8), conv_channels=(3, 4), hidden=(5,), n_classes=3),
    dict(input_shape=(1, 7, 9), conv_channels=(2,), padding=0, n_classes=4),
    dict(input_shape=(3, 10, 10), conv_channels=(2, 3), kernel_size=5, padding=2, pool_size=3, n_classes=2),
    dict(input_shape=(1, 6, 6), conv_channels=(2, 2), kernel_size=1, padding=0, hidden=(4, 3), n_classes=2),
]


def _with_random_biases(net, seed=0):
    # Non-zero biases: with zero ones, an all-zero patch gives exactly 0 before the ReLU (its kink).
    rng = np.random.default_rng(seed)
    for name, p in net.params.items():
        if name.startswith("b"):
            p[...] = rng.normal(scale=0.3, size=p.shape)
    return net


@pytest.mark.parametrize("config", TINY, ids=lambda c: str(c["conv_channels"]) + str(c.get("hidden", "")))
def test_gradients_match_finite_differences(config):
    net = _with_random_biases(ConvNet(**config, seed=1, dtype=np.float64))
    rng = np.random.default_rng(2)
    X = rng.normal(size=(4,) + net.input_shape)
    y = rng.integers(0, net.n_classes, 4)
    errors = gradient_check(net, X, y)
    assert set(errors) == set(net.params)
    # float64, ε = 1e-6: relative errors of 1e-11 to 1e-9 here (largest seen: 4e-10).
    assert max(errors.values()) < 1e-8, errors


def test_float32_model_is_checked_through_a_float64_copy():
    net = _with_random_biases(ConvNet(**TINY[0], seed=0))
    X = np.random.default_rng(0).normal(size=(3, 2, 8, 8))
    errors = gradient_check(net, X, np.array([0, 1, 2]))
    assert max(errors.values()) < 1e-8
    assert net.params["W1"].dtype == np.float32


def test_forward_is_the_composition_of_the_public_functions():
    # conv → ReLU → pool (ConvNet pools before the ReLU: the same numbers) → flatten (C, H, W) → dense
    net = _with_random_biases(ConvNet(input_shape=(2, 9, 9), conv_channels=(3, 4), hidden=(6,), n_classes=3,
                                      seed=0, dtype=np.float64))
    X = np.random.default_rng(1).normal(size=(5, 2, 9, 9))
    P = net.params
    a = max_pool2d(relu(conv2d(X, P["W1"], P["b1"], padding=1)))
    a = max_pool2d(relu(conv2d(a, P["W2"], P["b2"], padding=1)))
    h = relu(a.reshape(5, -1) @ P["W3"] + P["b3"])
    expected = softmax(h @ P["W4"] + P["b4"])
    np.testing.assert_allclose(net.forward(X), expected, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(net.predict_proba(X, batch_size=2), expected, rtol=1e-12, atol=1e-15)
    np.testing.assert_array_equal(net.predict(X), expected.argmax(axis=1))


def test_shapes_parameters_and_repr():
    net = ConvNet(seed=0)
    assert net.feature_shape == (32, 7, 7) and net.dense_sizes == [1568, 10]
    assert {k: v.shape for k, v in net.params.items()} == {
        "W1": (16, 1, 3, 3), "b1": (16,), "W2": (32, 16, 3, 3), "b2": (32,), "W3": (1568, 10), "b3": (1, 10)}
    assert net.n_params() == 16 * 9 + 16 + 32 * 144 + 32 + 1568 * 10 + 10 == 20490
    assert "conv_channels=(16, 32)" in repr(net)
    assert all(p.dtype == np.float32 for p in net.params.values())
    np.testing.assert_array_equal(ConvNet(seed=3).params["W2"], ConvNet(seed=3).params["W2"])  # reproducible
    with pytest.raises(TypeError):
        net.params["W1"] = np.zeros((16, 1, 3, 3))  # read-only mapping: update the arrays in place instead


def test_constructor_errors():
    # 8×8 → 4×4 → 2×2 → 1×1: a fourth 2×2 pool has nothing left to pool
    with pytest.raises(ValueError, match=r"input_shape \(1, 8, 8\) is too small for 4 conv/pool blocks: block 4 gets "
                                         r"1×1 feature maps, its 3×3 conv \(padding 1\) gives 1×1"):
        ConvNet(input_shape=(1, 8, 8), conv_channels=(4, 4, 4, 4))
    with pytest.raises(ValueError, match=r"input_shape must be \(C, H, W\); got \(28, 28\)"):
        ConvNet(input_shape=(28, 28))
    with pytest.raises(ValueError, match="n_classes must be at least 2"):
        ConvNet(n_classes=1)
    with pytest.raises(ValueError, match=r"conv_channels\[1\] must be a positive integer; got 0"):
        ConvNet(conv_channels=(8, 0))
    with pytest.raises(TypeError, match="dtype must be float32 or float64"):
        ConvNet(dtype=np.int32)


def test_input_errors_say_how_to_fix_them():
    net = ConvNet(seed=0)
    with pytest.raises(ValueError, match=r"X must have shape \(m, 1, 28, 28\) for input_shape \(1, 28, 28\); got shape "
                                         r"\(5, 784\) \(flat rows: use X.reshape\(-1, 1, 28, 28\)\)"):
        net.predict(np.zeros((5, 784)))
    with pytest.raises(ValueError, match=r"got shape \(5, 28, 28\) \(grayscale images without a channel axis: "
                                         r"use X\[:, None\]\)"):
        net.predict(np.zeros((5, 28, 28)))
    X = np.zeros((5, 1, 28, 28))
    with pytest.raises(ValueError, match="it looks one-hot encoded"):
        net.accuracy(X, np.eye(10)[:5])
    with pytest.raises(ValueError, match="y contains label 10 but there are only 10 classes"):
        net.loss(X, np.array([0, 1, 2, 3, 10]))
    with pytest.raises(ValueError, match="y has 4 labels but X has 5 samples"):
        net.compute_gradients(X, np.zeros(4, int))
    assert not hasattr(ConvNet, "backward")  # compute_gradients is the one name (NeuralNetwork's backward steps)


# -- files and copies -------------------------------------------------------------------

def test_save_and_load_round_trip(tmp_path):
    net = _with_random_biases(ConvNet(**TINY[0], seed=4))
    path = net.save(tmp_path / "model")
    assert path == str(tmp_path / "model.npz")
    twin = ConvNet.load(path)
    assert repr(twin) == repr(net)
    for name, p in net.params.items():
        np.testing.assert_array_equal(twin.params[name], p)
        assert twin.params[name].dtype == np.float32
    X = np.random.default_rng(0).normal(size=(3, 2, 8, 8))
    np.testing.assert_array_equal(twin.predict_proba(X), net.predict_proba(X))
    assert ConvNet.load(path, dtype=np.float64).params["W1"].dtype == np.float64
    with np.load(path, allow_pickle=False) as data:  # a plain archive: no pickled objects in it
        assert sorted(data.files) == sorted(["model_class", "config", "dtype", *net.params])


def _write(path, **arrays):
    np.savez(path, **arrays)
    return path


def test_load_checks_every_array(tmp_path):
    net = ConvNet(**TINY[0], seed=0)
    good = dict(np.load(net.save(tmp_path / "good.npz")))
    bad = {**good, "W2": np.zeros((4, 2, 3, 3), np.float32)}
    with pytest.raises(ValueError, match=r"W2 in .*bad.npz has shape \(4, 2, 3, 3\) but the architecture "
                                         r"\{'input_shape': \[2, 8, 8\], .*\} needs \(4, 3, 3, 3\)"):
        ConvNet.load(_write(tmp_path / "bad.npz", **bad))
    missing = {k: v for k, v in good.items() if k != "b3"}
    with pytest.raises(ValueError, match=r"has no array 'b3'; the file is incomplete"):
        ConvNet.load(_write(tmp_path / "missing.npz", **missing))
    with pytest.raises(ValueError, match=r"has arrays the architecture .* has no place for: \['W9'\]"):
        ConvNet.load(_write(tmp_path / "extra.npz", **good, W9=np.zeros(2)))
    with pytest.raises(ValueError, match=r"holds a DeepNeuralNetwork, not a ConvNet; load it with "
                                         r"DeepNeuralNetwork.load\(path\)"):
        ConvNet.load(_write(tmp_path / "dnn.npz", **{**good, "model_class": np.array("DeepNeuralNetwork")}))
    with pytest.raises(ValueError, match="is not a model file written by nn_core's save"):
        ConvNet.load(_write(tmp_path / "other.npz", a=np.zeros(3)))
    with pytest.raises(ValueError, match="has an invalid ConvNet architecture"):
        ConvNet.load(_write(tmp_path / "config.npz", **{**good, "config": np.array('{"conv_channels": [0]}')}))
    with pytest.raises(ValueError, match="W1 contains 1 NaN"):
        nan = good["W1"].copy()
        nan[0, 0, 0, 0] = np.nan
        ConvNet.load(_write(tmp_path / "nan.npz", **{**good, "W1": nan}))
    with pytest.raises(ValueError, match="Object arrays cannot be loaded"):
        ConvNet.load(_write(tmp_path / "pickled.npz", **{**good, "W1": np.array([None, {}], dtype=object)}))


def test_deepcopy_and_pickle_give_independent_equal_models():
    net = _with_random_biases(ConvNet(**TINY[0], seed=0))
    X = np.random.default_rng(0).normal(size=(4, 2, 8, 8))
    net.forward(X)  # a kept forward pass must not be copied along
    for twin in (copy.deepcopy(net), pickle.loads(pickle.dumps(net))):
        np.testing.assert_array_equal(twin.predict_proba(X), net.predict_proba(X))
        assert twin._cache is None
        twin.params["W1"][...] = 0
        assert np.any(net.params["W1"] != 0)
        twin.compute_gradients(X, np.array([0, 1, 2, 0]))  # the copy trains on its own


# -- training ------------------------------------------------------------------------------

def bars(n, seed=0, side=10):
    """A small image task: a bright horizontal bar (class 0), vertical bar (1) or diagonal (2)
    at a random place, on noise."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, n)
    X = rng.normal(scale=0.3, size=(n, 1, side, side)).astype(np.float32)
    for i, label in enumerate(y):
        r, c = rng.integers(1, side - 5, 2)
        if label == 0:
            X[i, 0, r + 2, c:c + 5] += 2
        elif label == 1:
            X[i, 0, r:r + 5, c + 2] += 2
        else:
            X[i, 0, np.arange(r, r + 5), np.arange(c, c + 5)] += 2
    return X, y


def test_train_cnn_learns_a_small_image_task(capsys):
    X, y = bars(600, seed=0)
    X_val, y_val = bars(200, seed=1)
    net = ConvNet(input_shape=(1, 10, 10), conv_channels=(4, 8), n_classes=3, seed=0)
    hist = train_cnn(net, X, y, epochs=4, batch_size=32, optimizer=Adam(lr=1e-2), validation_data=(X_val, y_val),
                     seed=0, progress=False, verbose=True)
    assert set(hist) == {"loss", "val_loss", "val_accuracy", "seconds"}
    assert all(len(v) == 4 for v in hist.values())
    assert hist["loss"][-1] < hist["loss"][0] / 10  # seen: 1.20 → 0.05
    assert hist["val_accuracy"][-1] >= 97 and net.accuracy(X_val, y_val) == hist["val_accuracy"][-1]  # seen: 99.5
    assert hist["val_loss"][-1] == pytest.approx(net.loss(X_val, y_val), rel=1e-5)
    out = capsys.readouterr().out
    assert "Epoch  4/4 → loss" in out and "val acc" in out
    assert net._cache is None  # the last batch's activations are not kept after training


def test_train_cnn_is_reproducible_and_continues_with_the_same_optimizer():
    X, y = bars(100, seed=2)
    runs = []
    for _ in range(2):
        net = ConvNet(input_shape=(1, 10, 10), conv_channels=(2,), n_classes=3, seed=5)
        opt = Adam(lr=1e-3)
        train_cnn(net, X, y, epochs=1, batch_size=16, optimizer=opt, seed=3, progress=False)
        h = train_cnn(net, X, y, epochs=1, batch_size=16, optimizer=opt, seed=4, progress=False)
        runs.append((h["loss"], net.params["W1"].copy(), opt.t))
    assert runs[0][0] == runs[1][0] and np.array_equal(runs[0][1], runs[1][1])
    assert runs[0][2] == 2 * 7  # the optimizer kept counting: 7 batches per epoch


def test_train_cnn_progress_bar(capsys):
    X, y = bars(40)
    net = ConvNet(input_shape=(1, 10, 10), conv_channels=(2,), n_classes=3, seed=0)
    train_cnn(net, X, y, epochs=2, batch_size=20, seed=0, validation_data=(X, y))
    err = capsys.readouterr().err
    assert "4/4" in err and "val acc" in err


def test_train_cnn_stops_at_the_first_non_finite_loss():
    X, y = bars(64)
    net = ConvNet(input_shape=(1, 10, 10), conv_channels=(4,), n_classes=3, seed=0)
    with pytest.raises(TrainingDivergedError, match=r"epoch 1, batch \d+ \(lr=1e\+30\)") as info:
        train_cnn(net, X * 1e3, y, epochs=3, batch_size=8, optimizer=SGD(lr=1e30), seed=0, progress=False)
    assert info.value.epoch == 1 and 1 <= info.value.batch <= 8
    assert isinstance(info.value, FloatingPointError)


def test_train_cnn_bad_arguments():
    X, y = bars(20)
    net = ConvNet(input_shape=(1, 10, 10), conv_channels=(2,), n_classes=3, seed=0)
    with pytest.raises(TypeError, match="optimizer must have a step"):
        train_cnn(net, X, y, optimizer="adam", progress=False)
    with pytest.raises(TypeError, match=r"validation_data must be a pair \(X_val, y_val\)"):
        train_cnn(net, X, y, validation_data=X, progress=False)
    with pytest.raises(ValueError, match="y_val has 3 labels but X_val has 20 samples"):
        train_cnn(net, X, y, validation_data=(X, y[:3]), progress=False)
    with pytest.raises(ValueError, match="X_val must have shape"):
        train_cnn(net, X, y, validation_data=(X[:, 0], y), progress=False)
    with pytest.raises(ValueError, match="batch_size must be a positive integer; got 0"):
        train_cnn(net, X, y, batch_size=0, progress=False)
    with pytest.raises(ValueError, match="y contains label 3"):
        train_cnn(net, X, y + 1, progress=False)
