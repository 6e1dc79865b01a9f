import numpy as np
import pytest

from nn_core import cross_entropy_loss, mean_squared_error


def test_seed_cross_entropy_example():
    assert round(cross_entropy_loss(np.array([[0.7, 0.2, 0.1]]), np.array([[1, 0, 0]])), 4) == 0.3567


def test_cross_entropy_is_averaged_and_clipped():
    y = np.array([[1, 0], [0, 1]])
    p = np.array([[1.0, 0.0], [0.0, 1.0]])
    assert cross_entropy_loss(p, y) == pytest.approx(-np.log(1 - 1e-12), rel=1e-3)  # clipped to 1 − 1e-12
    worst = cross_entropy_loss(np.array([[0.0, 1.0]]), np.array([[1, 0]]))
    assert np.isfinite(worst) and np.isclose(worst, -np.log(1e-12))
    np.testing.assert_allclose(cross_entropy_loss(np.array([[0.5, 0.5]] * 4), np.array([[1, 0]] * 4)), np.log(2))


def test_mse():
    assert mean_squared_error(np.array([[1.0], [3.0]]), np.array([[0.0], [0.0]])) == 5.0


def test_bad_inputs():
    with pytest.raises(ValueError, match=r"y_pred has shape \(2,\) but y_true has shape \(2, 1\)"):
        mean_squared_error(np.array([1.0, 2.0]), np.array([[1.0], [2.0]]))
    with pytest.raises(ValueError, match="apply softmax first"):
        cross_entropy_loss(np.array([[2.0, -1.0]]), np.array([[1, 0]]))
    with pytest.raises(ValueError, match="NaN"):
        cross_entropy_loss(np.array([[np.nan, 1.0]]), np.array([[1, 0]]))
