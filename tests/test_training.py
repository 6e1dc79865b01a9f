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
    assert hist["loss"][-1] < hist["loss"][0]
    assert hist["val_accuracy"][-1] > 95
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
