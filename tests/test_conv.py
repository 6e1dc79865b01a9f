"""conv2d, conv2d_backward, im2col and col2im against plain loops and finite differences."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nn_core import col2im, conv2d, conv2d_backward, conv_output_size, im2col, numerical_gradient, relative_error


def conv_reference(x, w, b, stride, padding):
    """The definition, one output number at a time (float64)."""
    N, C, H, W = x.shape
    F, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    H_out = (H + 2 * padding - kh) // stride + 1
    W_out = (W + 2 * padding - kw) // stride + 1
    out = np.zeros((N, F, H_out, W_out))
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    patch = xp[n, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
                    out[n, f, i, j] = np.sum(patch * w[f]) + (0.0 if b is None else b[f])
    return out


# (N, C, H, W, F, kh, kw, stride, padding): square and non-square kernels and images, strides
# that do and don't divide the input, padding 0 … larger than kernel − 1 (the col2im path).
CASES = [
    (2, 3, 7, 6, 4, 3, 3, 1, 1),
    (2, 3, 9, 8, 5, 3, 2, 2, 0),
    (1, 2, 5, 5, 3, 5, 5, 1, 2),
    (3, 1, 8, 8, 2, 3, 3, 3, 1),
    (2, 2, 6, 7, 3, 2, 3, 2, 3),
    (1, 1, 4, 4, 1, 1, 1, 1, 0),
    (2, 4, 5, 9, 2, 1, 3, 1, 0),
]


def _random(case, seed=0, dtype=np.float64):
    N, C, H, W, F, kh, kw, _, _ = case
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((N, C, H, W)).astype(dtype), rng.standard_normal((F, C, kh, kw)).astype(dtype),
            rng.standard_normal(F).astype(dtype))


@pytest.mark.parametrize("case", CASES)
def test_conv2d_matches_the_definition(case):
    x, w, b = _random(case)
    stride, padding = case[7], case[8]
    out = conv2d(x, w, b, stride=stride, padding=padding)
    np.testing.assert_allclose(out, conv_reference(x, w, b, stride, padding), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(conv2d(x, w, stride=stride, padding=padding), conv_reference(x, w, None, stride, padding),
                               rtol=1e-12, atol=1e-12)
    assert out.flags.c_contiguous
    assert out.shape[2:] == (conv_output_size(case[2], case[5], stride, padding),
                             conv_output_size(case[3], case[6], stride, padding))


@settings(max_examples=25, deadline=None)
@given(N=st.integers(1, 3), C=st.integers(1, 4), H=st.integers(1, 9), W=st.integers(1, 9), F=st.integers(1, 4),
       kh=st.integers(1, 4), kw=st.integers(1, 4), stride=st.integers(1, 3), padding=st.integers(0, 3),
       seed=st.integers(0, 1000))
def test_conv2d_matches_the_definition_on_random_shapes(N, C, H, W, F, kh, kw, stride, padding, seed):
    if kh > H + 2 * padding or kw > W + 2 * padding:
        return  # the kernel doesn't fit: an error, tested below
    x, w, b = _random((N, C, H, W, F, kh, kw, stride, padding), seed)
    np.testing.assert_allclose(conv2d(x, w, b, stride, padding), conv_reference(x, w, b, stride, padding),
                               rtol=1e-12, atol=1e-12)


def test_float32_stays_float32_and_integers_become_float64():
    x, w, b = _random(CASES[0], dtype=np.float32)
    assert conv2d(x, w, b, padding=1).dtype == np.float32
    np.testing.assert_allclose(conv2d(x, w, b, padding=1), conv_reference(x, w, b, 1, 1), rtol=1e-4, atol=1e-5)
    assert conv2d(np.ones((1, 1, 3, 3), dtype=int), np.ones((1, 1, 2, 2), dtype=int)).dtype == np.float64
    dx, dw, db = conv2d_backward(np.ones((1, 2, 7, 6), np.float32), x[:1], w[:2], padding=1)
    assert dx.dtype == dw.dtype == db.dtype == np.float32


def test_a_worked_example():
    # The image 1..9 and the filter [[1, 0], [0, −1]]: out[i, j] = x[i, j] − x[i+1, j+1] = −4 everywhere.
    x = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    w = np.array([[[[1.0, 0.0], [0.0, -1.0]]]])
    np.testing.assert_array_equal(conv2d(x, w), [[[[-4.0, -4.0], [-4.0, -4.0]]]])
    # padding 1 adds a ring of zeros: the corner output is 0·1 − x[0, 0] = −1.
    assert conv2d(x, w, padding=1)[0, 0, 0, 0] == -1.0
    # stride 2 keeps the windows that start at rows/columns 0 and 2 of the padded 5×5 image:
    # 0 − 1, 0 − 3, 0 − 7 and 5 − 9, plus the bias 10.
    np.testing.assert_array_equal(conv2d(x, w, np.array([10.0]), stride=2, padding=1)[0, 0],
                                  [[9.0, 7.0], [3.0, 6.0]])


# -- im2col / col2im -------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES)
def test_im2col_rows_are_patches_and_one_product_is_the_convolution(case):
    x, w, b = _random(case)
    N, C, H, W, F, kh, kw, stride, padding = case
    cols = im2col(x, kh, kw, stride, padding)
    H_out, W_out = conv_output_size(H, kh, stride, padding), conv_output_size(W, kw, stride, padding)
    assert cols.shape == (N * H_out * W_out, C * kh * kw)
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    # row (n, i, j) is the patch at output position (i, j) of image n, flattened in (c, di, dj) order
    n, i, j = N - 1, H_out - 1, W_out // 2
    np.testing.assert_array_equal(cols[(n * H_out + i) * W_out + j],
                                  xp[n, :, i * stride:i * stride + kh, j * stride:j * stride + kw].ravel())
    out = (cols @ w.reshape(F, -1).T + b).reshape(N, H_out, W_out, F).transpose(0, 3, 1, 2)
    np.testing.assert_allclose(out, conv2d(x, w, b, stride, padding), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("case", CASES)
def test_col2im_is_the_adjoint_of_im2col(case):
    # <im2col(x), c> = <x, col2im(c)> for every x and c: col2im is im2col's transpose.
    x, _, _ = _random(case)
    N, C, H, W, F, kh, kw, stride, padding = case
    c = np.random.default_rng(1).standard_normal(im2col(x, kh, kw, stride, padding).shape)
    lhs = np.sum(im2col(x, kh, kw, stride, padding) * c)
    rhs = np.sum(x * col2im(c, x.shape, kh, kw, stride, padding))
    assert lhs == pytest.approx(rhs, rel=1e-12)


def test_col2im_adds_overlapping_patches():
    # A 3×3 image, 2×2 patches, stride 1: the centre pixel is in all 4 patches, corners in 1.
    ones = im2col(np.ones((1, 1, 3, 3)), 2, 2)
    np.testing.assert_array_equal(col2im(ones, (1, 1, 3, 3), 2, 2)[0, 0], [[1, 2, 1], [2, 4, 2], [1, 2, 1]])


# -- gradients ---------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES)
def test_conv2d_backward_matches_finite_differences(case):
    x, w, b = _random(case, seed=3)
    stride, padding = case[7], case[8]
    G = np.random.default_rng(4).standard_normal(conv2d(x, w, b, stride, padding).shape)

    def loss():  # L = Σ G ⊙ conv2d(x, w, b): its gradient with respect to the output is G
        return float(np.sum(G * conv2d(x, w, b, stride, padding)))

    dx, dw, db = conv2d_backward(G, x, w, stride, padding)
    assert dx.shape == x.shape and dw.shape == w.shape and db.shape == b.shape
    # The loss is linear in each of x, w and b, so central differences are exact but for rounding:
    # with ε = 1e-6, float64 gives relative errors of 1e-11 to 1e-9 here (largest seen: 9.6e-10).
    for analytic, param in ((dx, x), (dw, w), (db, b)):
        assert relative_error(analytic, numerical_gradient(loss, param)) < 1e-8


def test_both_ways_of_computing_dx_agree():
    # stride 1 with padding ≤ k − 1 computes dx as a convolution; otherwise col2im. Same numbers.
    from nn_core import _nhwc
    x, w, _ = _random((2, 3, 6, 5, 4, 3, 3, 1, 1))
    G = np.random.default_rng(2).standard_normal((2, 4, 6, 5))
    x_l, G_l = x.transpose(0, 2, 3, 1), np.ascontiguousarray(G.transpose(0, 2, 3, 1))
    cols = _nhwc.im2col(_nhwc.pad(x_l, 1, 1), 3, 3, 1)
    dx_conv, _, _ = _nhwc.conv_backward(G_l, cols, x_l.shape, w, 1, 1)
    dx_col2im = _nhwc.col2im(G_l.reshape(-1, 4) @ _nhwc.weight_matrix(w).T, x_l.shape, 3, 3, 1, 1)
    np.testing.assert_allclose(dx_conv, dx_col2im, rtol=1e-12, atol=1e-12)


# -- errors --------------------------------------------------------------------------------------

def test_errors_name_the_problem_and_the_shapes():
    x, w = np.zeros((2, 3, 8, 8)), np.zeros((4, 3, 3, 3))
    with pytest.raises(ValueError, match=r"w has 1 input channel\(s\) \(w shape \(4, 1, 3, 3\)\) but x has 3 "
                                         r"\(x shape \(2, 3, 8, 8\)\)"):
        conv2d(x, np.zeros((4, 1, 3, 3)))
    with pytest.raises(ValueError, match=r"the kernel 9×9 is larger than the padded input 8×8 \(input 8×8, "
                                         r"padding 0\); x shape \(2, 3, 8, 8\), w shape \(4, 3, 9, 9\)"):
        conv2d(x, np.zeros((4, 3, 9, 9)))
    with pytest.raises(ValueError, match=r"larger than the padded input 4×4 \(input 2×2, padding 1\)"):
        conv2d(np.zeros((1, 3, 2, 2)), np.zeros((4, 3, 5, 5)), padding=1)
    with pytest.raises(ValueError, match=r"x must be a 4-D array of images \(N, C, H, W\); got shape \(3, 8, 8\) "
                                         r"\(one image of shape \(C, H, W\) is x\[None\]"):
        conv2d(np.zeros((3, 8, 8)), w)
    with pytest.raises(ValueError, match=r"got shape \(8, 8\) \(one grayscale image is x\[None, None\]"):
        conv2d(np.zeros((8, 8)), w)
    with pytest.raises(ValueError, match=r"w must be a 4-D array of filters \(F, C, kh, kw\); got shape \(3, 3\)"):
        conv2d(x, np.zeros((3, 3)))
    with pytest.raises(ValueError, match=r"b must have shape \(4,\), one bias per filter of w \(4, 3, 3, 3\); "
                                         r"got shape \(1, 4\)"):
        conv2d(x, w, np.zeros((1, 4)))
    with pytest.raises(ValueError, match="stride must be a positive integer; got 0"):
        conv2d(x, w, stride=0)
    with pytest.raises(ValueError, match="padding must be a non-negative integer; got -1"):
        conv2d(x, w, padding=-1)
    with pytest.raises(TypeError, match="stride must be an integer; got float 1.5"):
        conv2d(x, w, stride=1.5)
    x_nan = np.zeros((1, 3, 8, 8))
    x_nan[0, 1, 2, 3] = np.nan
    with pytest.raises(ValueError, match="x contains 1 NaN or infinite value"):
        conv2d(x_nan, w)
    with pytest.raises(ValueError, match=r"x and w must not have empty axes; got x shape \(2, 3, 8, 8\) and w shape "
                                         r"\(0, 3, 3, 3\)"):
        conv2d(x, np.zeros((0, 3, 3, 3)))


def test_backward_and_col2im_errors():
    x, w = np.zeros((2, 3, 8, 8)), np.zeros((4, 3, 3, 3))
    with pytest.raises(ValueError, match=r"dout must have the shape of conv2d's output \(2, 4, 8, 8\) \(x \(2, 3, 8, 8\), "
                                         r"w \(4, 3, 3, 3\), stride 1, padding 1\); got shape \(2, 4, 6, 6\)"):
        conv2d_backward(np.zeros((2, 4, 6, 6)), x, w, padding=1)
    with pytest.raises(ValueError, match=r"cols must have shape \(72, 27\) for x_shape \(2, 3, 8, 8\), a 3×3 kernel, "
                                         r"stride 1 and padding 0; got shape \(72, 9\)"):
        col2im(np.zeros((72, 9)), (2, 3, 8, 8), 3, 3)
    with pytest.raises(ValueError, match=r"x_shape must be 4 positive integers \(N, C, H, W\); got \(8, 8\)"):
        col2im(np.zeros((36, 9)), (8, 8), 3, 3)
    with pytest.raises(ValueError, match="kh must be a positive integer; got 0"):
        im2col(x, 0, 3)
    with pytest.raises(ValueError, match=r"the kernel 3×9 is larger than the padded input 8×8"):
        im2col(x, 3, 9)
