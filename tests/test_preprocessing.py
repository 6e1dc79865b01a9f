import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nn_core import normalize, one_hot, standardize, train_test_split


def test_seed_one_hot_example():
    np.testing.assert_array_equal(one_hot(np.array([0, 2, 1]), 3), [[1, 0, 0], [0, 0, 1], [0, 1, 0]])


def test_seed_normalize_example():
    data = np.array([[150, 0.5], [200, 0.8], [100, 0.2]])
    np.testing.assert_allclose(normalize(data)[0], [0.5, 0.5], atol=1e-7)


@given(arrays(np.float64, st.tuples(st.integers(2, 30), st.integers(1, 4)), elements=st.floats(-1e3, 1e3)))
def test_normalize_and_standardize_properties(X):
    N = normalize(X)
    assert N.min() >= 0 and N.max() <= 1
    S = standardize(X)
    spread = X.std(axis=0) > 1e-3
    np.testing.assert_allclose(S.mean(axis=0)[spread], 0, atol=1e-6)
    np.testing.assert_allclose(S.std(axis=0)[spread], 1, atol=1e-4)
    assert np.all(np.abs(S) <= np.sqrt(len(X)))  # |z-score| ≤ √m: no blow-up, even for constant columns


def test_train_test_split_matches_seed_permutation():
    X = np.arange(20).reshape(10, 2)
    y = np.arange(10)
    state = np.random.get_state()
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_ratio=0.2, seed=42)
    assert np.array_equal(np.random.get_state()[1], state[1])  # global state untouched
    np.random.seed(42)
    idx = np.random.permutation(10)
    np.testing.assert_array_equal(y_tr, idx[:8])
    np.testing.assert_array_equal(y_te, idx[8:])
    np.testing.assert_array_equal(X_tr[:, 0] // 2, y_tr)


def test_bad_inputs():
    with pytest.raises(ValueError, match="labels must not contain negative labels"):
        one_hot(np.array([0, -1]), 3)
    with pytest.raises(ValueError, match="contains label 3 but there are only 3 classes"):
        one_hot(np.array([0, 3]), 3)
    with pytest.raises(ValueError, match="non-integer"):
        one_hot(np.array([0.5, 1.0]), 3)
    with pytest.raises(ValueError, match="num_classes must be a positive integer"):
        one_hot(np.array([0]), 0)
    with pytest.raises(ValueError, match="test_ratio must be a number strictly between 0 and 1"):
        train_test_split(np.zeros((10, 2)), np.zeros(10), test_ratio=1.0)
    with pytest.raises(ValueError, match="X and y must have the same number of samples; got 10 and 9"):
        train_test_split(np.zeros((10, 2)), np.zeros(9))
    with pytest.raises(ValueError, match="X contains 1 NaN"):
        standardize(np.array([[1.0, np.nan], [2.0, 3.0]]))
    with pytest.raises(ValueError, match="X must be a 2-D array"):
        normalize(np.array([1.0, 2.0]))
