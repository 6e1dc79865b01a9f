"""max_pool2d and max_pool2d_backward against plain loops, finite differences and the tie rule."""
import numpy as np
import pytest

from nn_core import max_pool2d, max_pool2d_backward, numerical_gradient, relative_error


def pool_reference(x, size, stride):
    """Forward and backward by the definition: out = window max; the gradient of each window
    goes to its first maximum in row-major order (np.argmax returns the first)."""
    N, C, H, W = x.shape
    H_out, W_out = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.zeros((N, C, H_out, W_out))
    where = np.zeros((N, C, H_out, W_out, 2), dtype=int)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * stride:i * stride + size, j * stride:j * stride + size]
                    k = np.argmax(window)
                    out[n, c, i, j] = window.flat[k]
                    where[n, c, i, j] = i * stride + k // size, j * stride + k % size
    return out, where


def backward_reference(dout, where, x_shape):
    dx = np.zeros(x_shape)
    for idx in np.ndindex(dout.shape):
        n, c = idx[:2]
        r, s = where[idx]
        dx[n, c, r, s] += dout[idx]
    return dx


# (size, stride): the usual 2×2/2, windows that overlap (stride < size), windows with gaps
# (stride > size), sizes that do not divide the image (the border is dropped).
SETTINGS = [(2, 2), (3, 2), (2, 1), (3, 3), (1, 1), (2, 3), (4, 2)]


@pytest.mark.parametrize("size, stride", SETTINGS)
@pytest.mark.parametrize("ties", [False, True])
def test_forward_and_backward_match_the_definition(size, stride, ties):
    rng = np.random.default_rng(size * 10 + stride)
    x = rng.integers(0, 3, (2, 3, 7, 8)).astype(float) if ties else rng.standard_normal((2, 3, 7, 8))
    out, where = pool_reference(x, size, stride)
    np.testing.assert_array_equal(max_pool2d(x, size, stride), out)
    dout = rng.standard_normal(out.shape)
    np.testing.assert_allclose(max_pool2d_backward(dout, x, size, stride), backward_reference(dout, where, x.shape),
                               rtol=1e-14, atol=1e-14)


def test_tie_rule_first_maximum_in_row_major_order():
    x = np.array([[[[1.0, 1.0], [1.0, 1.0]]], [[[0.0, 2.0], [2.0, 0.0]]], [[[0.0, 0.0], [0.0, 0.0]]]])
    dx = max_pool2d_backward(np.full((3, 1, 1, 1), 5.0), x)
    np.testing.assert_array_equal(dx[0, 0], [[5, 0], [0, 0]])  # all equal: the top-left one
    np.testing.assert_array_equal(dx[1, 0], [[0, 5], [0, 0]])  # top row before bottom row
    np.testing.assert_array_equal(dx[2, 0], [[5, 0], [0, 0]])


def test_a_worked_example():
    x = np.array([[1.0, 3.0, 2.0, 0.0],
                  [4.0, 2.0, 1.0, 1.0],
                  [0.0, 1.0, 5.0, 6.0],
                  [2.0, 2.0, 7.0, 1.0]])[None, None]
    np.testing.assert_array_equal(max_pool2d(x)[0, 0], [[4, 2], [2, 7]])
    dx = max_pool2d_backward(np.array([[[[10.0, 20.0], [30.0, 40.0]]]]), x)
    np.testing.assert_array_equal(dx[0, 0], [[0, 0, 20, 0], [10, 0, 0, 0], [0, 0, 0, 0], [30, 0, 40, 0]])


@pytest.mark.parametrize("size, stride", SETTINGS)
def test_backward_matches_finite_differences(size, stride):
    # Away from ties max pooling is linear near x, so central differences are exact but for
    # rounding: with ε = 1e-6 float64 gives relative errors of 1e-10 to 1e-9 (largest seen: 5.5e-10).
    rng = np.random.default_rng(7)
    x = rng.permutation(2 * 2 * 7 * 8).reshape(2, 2, 7, 8) / 100.0  # distinct values 0.01 apart: no ties
    G = rng.standard_normal(max_pool2d(x, size, stride).shape)
    numeric = numerical_gradient(lambda: float(np.sum(G * max_pool2d(x, size, stride))), x)
    assert relative_error(max_pool2d_backward(G, x, size, stride), numeric) < 5e-9


def test_dtype_is_kept():
    x = np.random.default_rng(0).standard_normal((2, 3, 6, 6)).astype(np.float32)
    assert max_pool2d(x).dtype == np.float32
    assert max_pool2d_backward(np.ones((2, 3, 3, 3), np.float32), x).dtype == np.float32


def test_errors_name_the_problem_and_the_shapes():
    x = np.zeros((2, 3, 4, 4))
    with pytest.raises(ValueError, match=r"the pooling window 5×5 is larger than the padded input 4×4 \(input 4×4, "
                                         r"padding 0\); x shape \(2, 3, 4, 4\)"):
        max_pool2d(x, size=5)
    with pytest.raises(ValueError, match="stride must be a positive integer; got 0"):
        max_pool2d(x, stride=0)
    with pytest.raises(ValueError, match="size must be a positive integer; got -2"):
        max_pool2d(x, size=-2)
    with pytest.raises(ValueError, match=r"x must be a 4-D array of images \(N, C, H, W\); got shape \(4, 4\)"):
        max_pool2d(np.zeros((4, 4)))
    with pytest.raises(ValueError, match=r"dout must have the shape of max_pool2d's output \(2, 3, 2, 2\) "
                                         r"\(x \(2, 3, 4, 4\), size 2, stride 2\); got shape \(2, 3, 4, 4\)"):
        max_pool2d_backward(x, x)
    with pytest.raises(ValueError, match="x contains 1 NaN"):
        max_pool2d(np.where(np.arange(16).reshape(1, 1, 4, 4) == 5, np.nan, 0.0))
