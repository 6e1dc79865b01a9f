import numpy as np
import pytest

from nn_core import DeepNeuralNetwork, create_minibatches, one_hot, train_minibatch


def test_minibatches_cover_every_sample_once():
    X = np.arange(100).reshape(50, 2)
    y = np.arange(50)
    batches = create_minibatches(X, y, batch_size=16, seed=0)
    assert [len(b[0]) for b in batches] == [16, 16, 16, 2]
    seen = np.concatenate([yb for _, yb in batches])
    assert sorted(seen.tolist()) == list(range(50))
    for Xb, yb in batches:
        np.testing.assert_array_equal(Xb[:, 0] // 2, yb)  # rows stay paired


def test_minibatches_bad_input():
    with pytest.raises(ValueError, match="batch_size must be a positive integer; got 0"):
        create_minibatches(np.zeros((4, 2)), np.zeros(4), batch_size=0)
    with pytest.raises(ValueError, match="same number of samples; got 4 and 3"):
        create_minibatches(np.zeros((4, 2)), np.zeros(3))


def _blobs(seed=0, n=300):
    rng = np.random.default_rng(seed)
    centers = np.array([[0, 0], [3, 3], [0, 4]])
    y = rng.integers(0, 3, n)
    return centers[y] + rng.normal(scale=0.5, size=(n, 2)), y


def test_train_minibatch_history_and_learning(capsys):
    X, y = _blobs()
    net = DeepNeuralNetwork([2, 16, 3], seed=0)
    hist = train_minibatch(net, X, one_hot(y, 3), epochs=10, lr=0.1, batch_size=32, seed=0,
                           validation_data=(X, y))
    assert len(hist["loss"]) == len(hist["val_accuracy"]) == len(hist["seconds"]) == 10
    # measured (seed 0): loss 1.82 → 0.092, validation accuracy 99.3% after 10 epochs
    assert hist["loss"][-1] < 0.1 * hist["loss"][0]
    assert hist["val_accuracy"][-1] > 98.5
    out = capsys.readouterr().out
    assert "Epoch   5" in out and "Epoch  10" in out


def test_train_minibatch_bad_input():
    X, y = _blobs()
    net = DeepNeuralNetwork([2, 4, 3])
    with pytest.raises(ValueError, match="y_onehot has 2 columns but the output layer has 3 units"):
        train_minibatch(net, X, one_hot(y % 2, 2))
    with pytest.raises(ValueError, match="y_onehot has 10 rows but X has 300 samples"):
        train_minibatch(net, X, one_hot(y[:10], 3))
    with pytest.raises(ValueError, match="batch_size must be a positive integer"):
        train_minibatch(net, X, one_hot(y, 3), batch_size=-1)
    with pytest.raises(ValueError, match="y_val contains label 5"):
        train_minibatch(net, X, one_hot(y, 3), validation_data=(X, y + 3))


def test_minibatches_without_shuffle_keep_the_order():
    X = np.arange(20).reshape(10, 2)
    y = np.arange(10)
    batches = create_minibatches(X, y, batch_size=4, shuffle=False)
    assert [yb.tolist() for _, yb in batches] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    np.testing.assert_array_equal(np.concatenate([Xb for Xb, _ in batches]), X)


def test_minibatches_seed_none_uses_the_global_generator():
    y = np.arange(50)
    np.random.seed(123)
    expected = np.random.permutation(50)
    np.random.seed(123)
    batches = create_minibatches(y.reshape(50, 1), y, batch_size=16)
    np.testing.assert_array_equal(np.concatenate([yb for _, yb in batches]), expected)
    # a fixed seed uses its own generator and leaves the global one alone
    state = np.random.get_state()[1].copy()
    a = create_minibatches(y.reshape(50, 1), y, seed=5)
    b = create_minibatches(y.reshape(50, 1), y, seed=5)
    assert all(np.array_equal(ya, yb) for (_, ya), (_, yb) in zip(a, b))
    np.testing.assert_array_equal(np.random.get_state()[1], state)


def test_verbose_false_prints_nothing(capsys):
    X, y = _blobs()
    train_minibatch(DeepNeuralNetwork([2, 4, 3], seed=0), X, one_hot(y, 3), epochs=5, seed=0,
                    validation_data=(X, y), verbose=False)
    assert capsys.readouterr() == ("", "")


def test_progress_bar_runs_to_completion(capsys):
    X, y = _blobs()  # 300 samples in batches of 32: 10 batches per epoch, 3 epochs
    hist = train_minibatch(DeepNeuralNetwork([2, 4, 3], seed=0), X, one_hot(y, 3), epochs=3, batch_size=32,
                           seed=0, verbose=False, progress=True)
    err = capsys.readouterr().err
    assert "30/30" in err and "100%" in err
    assert f"loss={hist['loss'][-1]:.4f}" in err


def test_validation_loss_is_the_cross_entropy_on_the_validation_set():
    from nn_core import cross_entropy_loss

    X, y = _blobs()
    X_val, y_val = _blobs(seed=1, n=90)
    net = DeepNeuralNetwork([2, 8, 3], seed=0)
    hist = train_minibatch(net, X, one_hot(y, 3), epochs=4, lr=0.1, seed=0, verbose=False,
                           validation_data=(X_val, y_val))
    assert len(hist["val_loss"]) == len(hist["val_accuracy"]) == 4
    # the last entry describes the final model, computed here through the public functions
    expected = cross_entropy_loss(net.predict_proba(X_val), one_hot(y_val, 3))
    assert hist["val_loss"][-1] == pytest.approx(expected, rel=1e-5)
    assert hist["val_accuracy"][-1] == pytest.approx(net.accuracy(X_val, y_val))
    assert hist["val_loss"][-1] < hist["val_loss"][0]
    no_val = train_minibatch(net, X, one_hot(y, 3), epochs=2, verbose=False)
    assert no_val["val_loss"] == no_val["val_accuracy"] == []


def test_malformed_validation_data():
    X, y = _blobs()
    Y = one_hot(y, 3)
    net = DeepNeuralNetwork([2, 4, 3], seed=0)
    with pytest.raises(TypeError, match=r"validation_data must be a pair \(X_val, y_val\) with integer labels "
                                        r"y_val; got an array of shape \(300, 2\)"):
        train_minibatch(net, X, Y, validation_data=X)
    with pytest.raises(TypeError, match="validation_data must be a pair .*; got a tuple of length 3"):
        train_minibatch(net, X, Y, validation_data=(X, y, y))
    with pytest.raises(TypeError, match="validation_data must be a pair"):
        train_minibatch(net, X, Y, validation_data={"X": X, "y": y})
    with pytest.raises(ValueError, match="X_val has 3 features but the input layer expects 2"):
        train_minibatch(net, X, Y, validation_data=(np.ones((5, 3)), y[:5]))
    with pytest.raises(ValueError, match=r"y_val in validation_data must hold integer labels of shape \(300,\); "
                                         r"got shape \(300, 3\), which looks one-hot: pass y_val.argmax\(axis=1\)"):
        train_minibatch(net, X, Y, validation_data=(X, Y))
    with pytest.raises(ValueError, match="y_val has 10 labels but X_val has 300 samples"):
        train_minibatch(net, X, Y, validation_data=(X, y[:10]))
    with pytest.raises(ValueError, match="print_every must be a positive integer; got 0"):
        train_minibatch(net, X, Y, print_every=0)


def test_huge_learning_rate_stops_with_the_epoch_and_batch():
    import warnings

    from nn_core import TrainingDivergedError

    X, y = _blobs()
    X = X * 100  # unscaled inputs
    net = DeepNeuralNetwork([2, 16, 3], seed=0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(FloatingPointError, match=r"^training diverged: the loss became NaN/inf at epoch 1, "
                                                     r"batch \d+ \(lr=10000\)\. Try a smaller learning rate, or "
                                                     r"scale the inputs \(nn_core.standardize") as err:
            train_minibatch(net, X, one_hot(y, 3), epochs=5, lr=1e4, batch_size=32, seed=0, verbose=False)
    assert [w for w in caught if issubclass(w.category, RuntimeWarning)] == []  # no NumPy warnings leak
    assert isinstance(err.value, TrainingDivergedError)
    assert err.value.epoch == 1 and 2 <= err.value.batch <= 10  # the first batch's loss is still finite
    assert f"batch {err.value.batch} " in str(err.value)


def _poison_after(model, n_steps, monkeypatch):
    """Make the n-th optimizer step (train_minibatch uses SGD) write a NaN into the model's W1."""
    from nn_core.optimizers import SGD
    step, calls = SGD.step, []

    def poisoned(self, params, grads):
        step(self, params, grads)
        calls.append(1)
        if len(calls) == n_steps:
            model.params["W1"][0, 0] = np.nan

    monkeypatch.setattr(SGD, "step", poisoned)


@pytest.mark.parametrize("n_steps, epochs, where", [
    (13, 5, "epoch 2, batch 4"),   # 10 batches per epoch: the 14th batch sees the NaN
    (20, 2, "epoch 2, batch 10"),  # the very last step: no loss after it, the weights check sees it
    (10, 5, "epoch 1, batch 10"),  # the last step of an epoch, before the validation pass
])
def test_divergence_names_the_epoch_and_batch(monkeypatch, n_steps, epochs, where):
    X, y = _blobs()  # 300 samples, batches of 32: 10 per epoch
    net = DeepNeuralNetwork([2, 4, 3], seed=0)
    _poison_after(net, n_steps, monkeypatch)
    with pytest.raises(FloatingPointError, match=rf"at {where} \(lr=0.1\)"):
        train_minibatch(net, X, one_hot(y, 3), epochs=epochs, lr=0.1, batch_size=32, seed=0, verbose=False,
                        validation_data=(X, y))
