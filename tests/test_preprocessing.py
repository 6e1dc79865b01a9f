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
    # Rounding in X − mean is ~1e3·1e-16, over a std ≥ 1e-3: ≤ 1e-10 in the mean (assert 1e-8). The
    # 1e-8 added to std shrinks the scaled std by up to 1e-8/1e-3 = 1e-5 (assert 1e-4).
    np.testing.assert_allclose(S.mean(axis=0)[spread], 0, atol=1e-8)
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


def test_standardize_with_the_training_split_statistics():
    rng = np.random.default_rng(0)
    X_train = rng.normal(loc=[5.0, -2.0, 100.0], scale=[2.0, 0.5, 10.0], size=(200, 3))
    X_test = rng.normal(loc=[5.0, -2.0, 100.0], scale=[2.0, 0.5, 10.0], size=(50, 3))
    S_train, mean, std = standardize(X_train, return_stats=True)
    np.testing.assert_array_equal(S_train, standardize(X_train))  # the same numbers as before
    np.testing.assert_allclose(mean, X_train.mean(axis=0))
    np.testing.assert_allclose(std, X_train.std(axis=0))
    assert mean.shape == std.shape == (3,)
    S_test = standardize(X_test, mean, std)
    np.testing.assert_allclose(S_test, (X_test - X_train.mean(axis=0)) / (X_train.std(axis=0) + 1e-8))
    # the test split is scaled like the training split, not by its own statistics
    assert not np.allclose(S_test, standardize(X_test))
    np.testing.assert_array_equal(standardize(X_test, mean.reshape(1, 3), std.reshape(1, 3)), S_test)
    S, m2, s2 = standardize(X_test, mean, std, return_stats=True)
    np.testing.assert_array_equal(S, S_test)
    np.testing.assert_array_equal(m2, mean)
    np.testing.assert_array_equal(s2, std)


def test_standardize_keeps_its_old_behaviour():
    X = np.array([[1.0, 10.0], [3.0, 10.0], [5.0, 10.0]])
    S = standardize(X)
    std = np.sqrt(8 / 3)
    np.testing.assert_allclose(S[:, 0], [-2 / (std + 1e-8), 0.0, 2 / (std + 1e-8)])
    np.testing.assert_array_equal(S[:, 1], 0.0)  # a constant column becomes 0


def test_standardize_bad_statistics():
    X = np.ones((4, 3))
    with pytest.raises(ValueError, match=r"mean must have one entry per feature, shape \(3,\); got shape \(2,\) "
                                         r"for X with 3 features"):
        standardize(X, np.zeros(2), np.ones(2))
    with pytest.raises(ValueError, match=r"std must have one entry per feature, shape \(3,\); got shape \(3, 1\)"):
        standardize(X, np.zeros(3), np.ones((3, 1)))
    with pytest.raises(ValueError, match="give both mean and std"):
        standardize(X, mean=np.zeros(3))
    with pytest.raises(ValueError, match="give both mean and std"):
        standardize(X, std=np.ones(3))
    with pytest.raises(ValueError, match="std must not be negative"):
        standardize(X, np.zeros(3), np.array([1.0, -1.0, 1.0]))
    with pytest.raises(ValueError, match="mean contains 1 NaN"):
        standardize(X, np.array([0.0, np.nan, 0.0]), np.ones(3))
    with pytest.raises(TypeError, match="std must hold numbers"):
        standardize(X, np.zeros(3), "abc")
