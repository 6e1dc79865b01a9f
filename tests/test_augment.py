"""random_shift and train_cnn's shift option."""
import numpy as np
import pytest

from nn_core import ConvNet, random_shift, train_cnn


def _shifted(image, dy, dx):
    """image (C, H, W) moved down by dy and right by dx, zeros coming in."""
    C, H, W = image.shape
    out = np.zeros_like(image)
    out[:, max(0, dy):H + min(0, dy), max(0, dx):W + min(0, dx)] = \
        image[:, max(0, -dy):H + min(0, -dy), max(0, -dx):W + min(0, -dx)]
    return out


def test_every_image_is_itself_moved_by_at_most_max_shift():
    X = np.random.default_rng(0).random((200, 2, 6, 7)).astype(np.float32) + 1  # no zeros: every shift differs
    out = random_shift(X, 2, seed=0)
    assert out.shape == X.shape and out.dtype == np.float32
    seen = set()
    for image, moved in zip(X, out):
        matches = [(dy, dx) for dy in range(-2, 3) for dx in range(-2, 3)
                   if np.array_equal(_shifted(image, dy, dx), moved)]
        assert len(matches) == 1, "not a shift of the original"
        seen.add(matches[0])
    assert len(seen) == 25  # every shift in −2…2 × −2…2 happens


def test_seeds_and_generators():
    X = np.random.default_rng(1).random((50, 1, 5, 5))
    np.testing.assert_array_equal(random_shift(X, 1, seed=3), random_shift(X, 1, seed=3))
    assert not np.array_equal(random_shift(X, 1, seed=3), random_shift(X, 1, seed=4))
    for rng in (np.random.RandomState(0), np.random.default_rng(0)):
        assert random_shift(X, 1, seed=rng).shape == X.shape
    zero = random_shift(X, 0)
    np.testing.assert_array_equal(zero, X)
    assert zero is not X


def test_errors():
    with pytest.raises(ValueError, match="max_shift must be a non-negative integer; got -1"):
        random_shift(np.zeros((1, 1, 4, 4)), -1)
    with pytest.raises(ValueError, match=r"X must be a 4-D array of images \(N, C, H, W\); got shape \(4, 4\)"):
        random_shift(np.zeros((4, 4)), 1)


def test_train_cnn_with_shift_is_reproducible():
    rng = np.random.default_rng(0)
    X, y = rng.random((60, 1, 8, 8)).astype(np.float32), rng.integers(0, 3, 60)
    results = []
    for _ in range(2):
        net = ConvNet(input_shape=(1, 8, 8), conv_channels=(2,), n_classes=3, seed=0)
        results.append(train_cnn(net, X, y, epochs=2, batch_size=16, shift=1, seed=7, progress=False)["loss"])
    assert results[0] == results[1]
    net = ConvNet(input_shape=(1, 8, 8), conv_channels=(2,), n_classes=3, seed=0)
    assert train_cnn(net, X, y, epochs=2, batch_size=16, seed=7, progress=False)["loss"] != results[0]
    with pytest.raises(ValueError, match="shift must be a non-negative integer"):
        train_cnn(net, X, y, shift=-1, progress=False)
