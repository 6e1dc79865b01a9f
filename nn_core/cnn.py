"""A small convolutional network (Part 3), in the style of ``DeepNeuralNetwork``.

    ConvNet(input_shape=(1, 28, 28), conv_channels=(16, 32), kernel_size=3, padding=1)

is conv(1→16) → ReLU → max-pool → conv(16→32) → ReLU → max-pool → flatten → dense(1568→10)
→ softmax, with cross-entropy loss. ``hidden=(128,)`` adds a dense ReLU layer of 128 units
before the output.

Shapes: X: (m, C, H, W) images, y: (m,) integer class labels (not one-hot).
Parameters, in ``params`` (and ``parameters()``, for ``nn_core.gradient_check``):
W1, b1, …: one pair per conv layer, W: (F, C, k, k) and b: (F,), as ``conv2d`` takes them;
then one pair per dense layer, W: (n_in, n_out) and b: (1, n_out), as in ``DeepNeuralNetwork``.
The first dense layer sees the feature maps flattened in (C, H, W) order, as PyTorch's
``flatten`` does.

Inside, images are kept channels-last (N, H, W, C), the layout in which the convolutions are
fastest (see ``nn_core.conv``). Two more tricks make training faster and change no result:
the ReLU is applied after the max-pool (max and ReLU commute, so the output and the gradients
are the same, and the ReLU touches 4× fewer numbers), and the gradient with respect to the
input images is never computed.
"""
from __future__ import annotations

import json
import numbers
from types import MappingProxyType
from typing import NamedTuple

import numpy as np

from ._hidden import HIDDEN
from ._maths import (dense_backward, dense_forward, softmax_cross_entropy, softmax_cross_entropy_gradient,
                     softmax_inplace)
from ._nhwc import conv_backward, conv_forward, conv_output_size, pool_backward, pool_forward, to_nchw, to_nhwc
from ._runtime import generator, one_blas_thread
from ._serialize import NpzModel
from ._validation import as_float_array, as_labels, check_dtype, integer_at_least, positive_int

__all__ = ["ConvNet"]


def _int_tuple(value, name, *, allow_empty=False):
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        value = (value,)
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__"):
        raise TypeError(f"{name} must be a sequence of positive integers; got {value!r}")
    if not allow_empty and len(value) == 0:
        raise ValueError(f"{name} must not be empty")
    return tuple(positive_int(v, f"{name}[{i}]") for i, v in enumerate(value))


_relu, _relu_backward = HIDDEN["relu"]


class _Block(NamedTuple):
    """One conv → ReLU → max-pool block: its input channels and its number of filters."""
    c_in: int
    f: int


class _BlockCache(NamedTuple):
    """What the backward pass needs from one block's forward pass."""
    cols: np.ndarray      # the conv's patch matrix (for dW)
    a_shape: tuple        # the block's input, channels-last (N, H, W, C)
    z_shape: tuple        # the conv's output, channels-last
    won: np.ndarray       # the max-pool's winners (nn_core._nhwc.pool_forward)
    pooled: np.ndarray    # the block's output after the ReLU


class _Cache(NamedTuple):
    blocks: list          # one _BlockCache per conv block
    dense_in: list        # the input of every dense layer: [flattened features, hidden activations…]


class ConvNet(NpzModel):
    """Convolutional network: [conv → ReLU → max-pool] × len(conv_channels) → dense layers → softmax.

    ConvNet(input_shape=(1, 28, 28), conv_channels=(16, 32), kernel_size=3, padding=1,
    pool_size=2, hidden=(), n_classes=10, seed=None, dtype=np.float32)

    Every conv layer has stride 1; each pool has size and stride ``pool_size``. ``hidden``: the
    widths of dense ReLU layers before the output (an int, a sequence, or () for none).
    ``seed``: an int for reproducible weights (None uses NumPy's global generator).
    Weights start as He-normal, biases at 0.
    """

    def __init__(self, input_shape=(1, 28, 28), conv_channels=(16, 32), kernel_size=3, padding=1,
                 pool_size=2, hidden=(), n_classes=10, *, seed=None, dtype=np.float32):
        self.input_shape = _int_tuple(input_shape, "input_shape")
        if len(self.input_shape) != 3:
            raise ValueError(f"input_shape must be (C, H, W); got {input_shape!r}")
        self.conv_channels = _int_tuple(conv_channels, "conv_channels")
        self.kernel_size = positive_int(kernel_size, "kernel_size")
        self.padding = integer_at_least(padding, "padding", 0)
        self.pool_size = positive_int(pool_size, "pool_size")
        self.hidden = () if hidden is None else _int_tuple(hidden, "hidden", allow_empty=True)
        self.n_classes = positive_int(n_classes, "n_classes")
        if self.n_classes < 2:
            raise ValueError(f"n_classes must be at least 2 for a softmax output; got {n_classes}")
        self.dtype = check_dtype(dtype)

        # Feature-map shape after each block: conv keeps (H + 2p − k + 1), the pool divides.
        C, H, W = self.input_shape
        k, p, s = self.kernel_size, self.padding, self.pool_size
        self._blocks = []
        for l, F in enumerate(self.conv_channels, start=1):
            Hc, Wc = conv_output_size(H, k, 1, p), conv_output_size(W, k, 1, p)
            Hq, Wq = (conv_output_size(Hc, s, s) if Hc >= s else 0), (conv_output_size(Wc, s, s) if Wc >= s else 0)
            if Hc < 1 or Wc < 1 or Hq < 1 or Wq < 1:
                raise ValueError(f"input_shape {self.input_shape} is too small for {len(self.conv_channels)} conv/pool "
                                 f"blocks: block {l} gets {H}×{W} feature maps, its {k}×{k} conv (padding {p}) gives "
                                 f"{max(Hc, 0)}×{max(Wc, 0)} and its {s}×{s} pool cannot make that smaller than 1×1 "
                                 "(use fewer blocks, more padding or a larger input)")
            self._blocks.append(_Block(C, F))
            C, H, W = F, Hq, Wq
        self.feature_shape = (C, H, W)
        self.dense_sizes = [C * H * W, *self.hidden, self.n_classes]

        rng = generator(seed)
        params = {}
        for l, (C_in, F) in enumerate(self._blocks, start=1):
            std = np.sqrt(2.0 / (C_in * k * k))  # He: Var(W) = 2 / fan_in
            params[f"W{l}"] = (rng.standard_normal((F, C_in, k, k)) * std).astype(self.dtype)
            params[f"b{l}"] = np.zeros(F, dtype=self.dtype)
        for l, (n_in, n_out) in enumerate(zip(self.dense_sizes[:-1], self.dense_sizes[1:]),
                                          start=len(self.conv_channels) + 1):
            params[f"W{l}"] = (rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)).astype(self.dtype)
            params[f"b{l}"] = np.zeros((1, n_out), dtype=self.dtype)
        self._params = params
        self._cache = None

    # -- description ----------------------------------------------------------------
    def config(self):
        """The constructor arguments (without seed), as plain Python values."""
        return {"input_shape": list(self.input_shape), "conv_channels": list(self.conv_channels),
                "kernel_size": self.kernel_size, "padding": self.padding, "pool_size": self.pool_size,
                "hidden": list(self.hidden), "n_classes": self.n_classes, "dtype": self.dtype.name}

    def __repr__(self):
        c = self.config()
        return (f"ConvNet(input_shape={self.input_shape}, conv_channels={self.conv_channels}, "
                f"kernel_size={c['kernel_size']}, padding={c['padding']}, pool_size={c['pool_size']}, "
                f"hidden={self.hidden}, n_classes={c['n_classes']}, dtype=np.{c['dtype']})")

    @property
    def params(self):
        """Read-only mapping name → array; updating the arrays in place updates the model."""
        return MappingProxyType(self._params)

    def parameters(self):
        return self.params

    def n_params(self):
        """Number of trainable numbers (weights and biases)."""
        return int(sum(p.size for p in self._params.values()))

    # -- checks -----------------------------------------------------------------------
    def _check_X(self, X, name="X"):
        X = as_float_array(X, name, dtype=self.dtype)
        expected = self.input_shape
        if X.ndim != 4 or X.shape[1:] != expected:
            hint = ""
            if X.ndim == 2 and X.shape[1] == int(np.prod(expected)):
                hint = f" (flat rows: use {name}.reshape(-1, {', '.join(map(str, expected))}))"
            elif X.ndim == 3 and expected[0] == 1 and X.shape[1:] == expected[1:]:
                hint = f" (grayscale images without a channel axis: use {name}[:, None])"
            raise ValueError(f"{name} must have shape (m, {', '.join(map(str, expected))}) for input_shape "
                             f"{expected}; got shape {X.shape}{hint}")
        return X

    def _check_y(self, y, m, name="y", ref="X"):
        return as_labels(y, name, num_classes=self.n_classes, n_samples=m, ref=ref)

    # -- forward and backward on checked arrays ---------------------------------------
    def _forward(self, X, keep=True):
        """Scores (m, n_classes) before the softmax, for X already checked and of the model's dtype.

        keep=True keeps what _backward needs (about 0.15 MB per image for the default model).
        """
        P = self._params
        n_conv = len(self.conv_channels)
        blocks = []
        a = to_nhwc(X)  # (m, H, W, C): a view
        for l in range(1, n_conv + 1):
            z, cols = conv_forward(a, P[f"W{l}"], P[f"b{l}"], 1, self.padding)
            pooled, won = pool_forward(z, self.pool_size, self.pool_size)
            _relu(pooled)  # ReLU after the pool: the same as before it, 4× cheaper
            if keep:
                blocks.append(_BlockCache(cols, a.shape, z.shape, won, pooled))
            a = pooled
        h = to_nchw(a).reshape(len(X), -1)  # flatten in (C, H, W) order
        dense_in = [h]
        n_dense = len(self.dense_sizes) - 1
        for i, l in enumerate(range(n_conv + 1, n_conv + n_dense + 1)):
            z = dense_forward(h, P[f"W{l}"], P[f"b{l}"])
            if i < n_dense - 1:
                h = _relu(z)
                dense_in.append(h)
            else:
                h = z
        if keep:
            self._cache = _Cache(blocks, dense_in)
        return h

    def _backward(self, probs, y):
        """Gradients of the mean cross-entropy, from the kept forward pass: {"W1": …, "b1": …, …}."""
        blocks, dense_in = self._cache
        P = self._params
        m = len(y)
        n_conv = len(self.conv_channels)
        grads = {}
        dz = softmax_cross_entropy_gradient(probs, y)  # (ŷ − y_onehot) / m
        for i in range(len(dense_in) - 1, -1, -1):
            l = n_conv + 1 + i
            grads[f"W{l}"], grads[f"b{l}"], dh = dense_backward(dense_in[i], dz, P[f"W{l}"])
            if i > 0:
                _relu_backward(dense_in[i], dh)  # ReLU of the hidden dense layer
            dz = dh
        C, H, W = self.feature_shape
        da = to_nhwc(dz.reshape(m, C, H, W))  # back to channels-last, a view
        for l in range(n_conv, 0, -1):
            block = blocks[l - 1]
            dpooled = da * (block.pooled > 0)  # ReLU
            dconv = pool_backward(dpooled, block.won, block.z_shape, self.pool_size, self.pool_size)
            da, grads[f"W{l}"], grads[f"b{l}"] = conv_backward(
                dconv, block.cols, block.a_shape, P[f"W{l}"], 1, self.padding, need_dx=l > 1)  # no dx for the images
        return {name: grads[name] for name in P}

    def _scores(self, X, batch_size=256):
        """Scores for checked X, computed batch_size images at a time (memory stays small), on
        one BLAS thread like training: on a busy machine that is 2–4× faster, not slower."""
        out = np.empty((len(X), self.n_classes), dtype=self.dtype)
        with one_blas_thread():
            for i in range(0, len(X), batch_size):
                out[i:i + batch_size] = self._forward(X[i:i + batch_size], keep=False)
        return out

    # -- public API -----------------------------------------------------------------
    def forward(self, X):
        """Forward pass, keeping what compute_gradients needs. X: (m, C, H, W) → probabilities
        (m, n_classes). For many images (a whole test set) use predict_proba, which keeps nothing."""
        return softmax_inplace(self._forward(self._check_X(X)))

    def compute_gradients(self, X, y):
        """The gradients of loss(X, y) for every parameter: {"W1": dW1, "b1": db1, …} with the
        shapes of params."""
        X = self._check_X(X)
        y = self._check_y(y, len(X))
        probs = softmax_inplace(self._forward(X))
        return self._backward(probs, y)

    def loss(self, X, y):
        """Mean cross-entropy of the current parameters on images X and labels y: (m,)."""
        X = self._check_X(X)
        y = self._check_y(y, len(X))
        _, loss = softmax_cross_entropy(self._scores(X), y)
        return loss

    def check_data(self, X, y, *, labels=True, names=("X", "y")):
        """Images X: (m, C, H, W), checked and cast to the model's dtype, and integer labels y: (m,)
        (``labels`` is accepted for the protocol: this network always takes labels)."""
        x_name, y_name = names
        X = self._check_X(X, x_name)
        return X, self._check_y(y, len(X), y_name, ref=x_name)

    def loss_and_gradients(self, X, y):
        """(mean cross-entropy, gradients by name) for a batch that check_data has checked: one
        training step's work. The batch's activations are not kept afterwards."""
        probs, loss = softmax_cross_entropy(self._forward(X), y)
        grads = self._backward(probs, y)
        self._cache = None
        return loss, grads

    def evaluate(self, X, y):
        """(mean cross-entropy, accuracy in %) on images X and integer labels y: (m,)."""
        X, y = self.check_data(X, y)
        probs, loss = softmax_cross_entropy(self._scores(X), y)
        return loss, float(np.mean(np.argmax(probs, axis=1) == y) * 100)

    def predict_proba(self, X, batch_size=256):
        """Class probabilities. X: (m, C, H, W) → (m, n_classes), computed batch_size images at a time."""
        batch_size = positive_int(batch_size, "batch_size")
        return softmax_inplace(self._scores(self._check_X(X), batch_size))

    def predict(self, X, batch_size=256):
        """Predicted class per image. X: (m, C, H, W) → (m,) integers."""
        batch_size = positive_int(batch_size, "batch_size")
        return np.argmax(self._scores(self._check_X(X), batch_size), axis=1)

    def accuracy(self, X, y):
        """Accuracy in percent. y: (m,) integer labels."""
        X = self._check_X(X)
        y = self._check_y(y, len(X))
        return float(np.mean(np.argmax(self._scores(X), axis=1) == y) * 100)

    def astype(self, dtype):
        """A copy of this network with parameters in another dtype (e.g. float64 for a gradient check)."""
        twin = type(self)(**{**self.config(), "dtype": dtype}, seed=0)
        for name, p in self._params.items():
            twin._params[name][...] = p
        return twin

    # -- copying and files ------------------------------------------------------------
    def __getstate__(self):
        state = self.__dict__.copy()
        state["_cache"] = None  # the last batch's activations: large, and not part of the model
        return state

    _HEADER_KEYS = ("config", "dtype")

    def _header(self):
        architecture = {k: v for k, v in self.config().items() if k != "dtype"}
        return {"config": np.array(json.dumps(architecture)), "dtype": np.array(self.dtype.name)}

    def _state(self):
        return self._params

    def _architecture(self):
        return {k: v for k, v in self.config().items() if k != "dtype"}

    @classmethod
    def _from_header(cls, header, name, dtype):
        try:
            architecture = json.loads(str(header["config"]))
            return cls(**architecture, seed=0, dtype=dtype if dtype is not None else str(header["dtype"]))
        except (TypeError, ValueError) as err:
            if "has no array" in str(err):
                raise
            raise ValueError(f"{name} has an invalid ConvNet architecture: {err}") from err
