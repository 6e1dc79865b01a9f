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
import os
from types import MappingProxyType

import numpy as np

from ._validation import as_float_array, as_labels, positive_int
from .conv import _conv_backward_nhwc, _conv_forward_nhwc, _nchw, _nhwc, conv_output_size
from .networks import _check_dtype, _rng
from .pooling import _pool_backward_nhwc, _pool_forward_nhwc
from .training import _threadpools

__all__ = ["ConvNet"]


def _int_tuple(value, name, *, allow_empty=False):
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        value = (value,)
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__"):
        raise TypeError(f"{name} must be a sequence of positive integers; got {value!r}")
    if not allow_empty and len(value) == 0:
        raise ValueError(f"{name} must not be empty")
    return tuple(positive_int(v, f"{name}[{i}]") for i, v in enumerate(value))


def _softmax_cross_entropy(z, y):
    """Softmax of the scores z: (m, k), IN PLACE, and the mean cross-entropy for labels y: (m,).

    The loss is computed from the scores (log-sum-exp), so it stays finite even when a
    probability rounds to 0 in float32.
    """
    z -= z.max(axis=1, keepdims=True)
    z_y = z[np.arange(len(y)), y]
    np.exp(z, out=z)
    total = z.sum(axis=1, keepdims=True)
    z /= total
    return z, float(np.mean(np.log(total[:, 0]) - z_y))


class ConvNet:
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
        if isinstance(padding, bool) or not isinstance(padding, numbers.Integral) or padding < 0:
            raise ValueError(f"padding must be a non-negative integer; got {padding!r}")
        self.padding = int(padding)
        self.pool_size = positive_int(pool_size, "pool_size")
        self.hidden = () if hidden is None else _int_tuple(hidden, "hidden", allow_empty=True)
        self.n_classes = positive_int(n_classes, "n_classes")
        if self.n_classes < 2:
            raise ValueError(f"n_classes must be at least 2 for a softmax output; got {n_classes}")
        self.dtype = _check_dtype(dtype)

        # Feature-map shape after each block: conv keeps (H + 2p − k + 1), the pool divides.
        C, H, W = self.input_shape
        k, p, s = self.kernel_size, self.padding, self.pool_size
        self._block_shapes = []  # [(C_in, H_in, W_in, F, H_conv, W_conv, H_pool, W_pool)] per block
        for l, F in enumerate(self.conv_channels, start=1):
            Hc, Wc = conv_output_size(H, k, 1, p), conv_output_size(W, k, 1, p)
            Hq, Wq = (conv_output_size(Hc, s, s) if Hc >= s else 0), (conv_output_size(Wc, s, s) if Wc >= s else 0)
            if Hc < 1 or Wc < 1 or Hq < 1 or Wq < 1:
                raise ValueError(f"input_shape {self.input_shape} is too small for {len(self.conv_channels)} conv/pool "
                                 f"blocks: block {l} gets {H}×{W} feature maps, its {k}×{k} conv (padding {p}) gives "
                                 f"{max(Hc, 0)}×{max(Wc, 0)} and its {s}×{s} pool cannot make that smaller than 1×1 "
                                 "(use fewer blocks, more padding or a larger input)")
            self._block_shapes.append((C, H, W, F, Hc, Wc, Hq, Wq))
            C, H, W = F, Hq, Wq
        self.feature_shape = (C, H, W)
        self.dense_sizes = [C * H * W, *self.hidden, self.n_classes]

        rng = _rng(seed)
        params = {}
        for l, (C_in, *_rest) in enumerate(self._block_shapes, start=1):
            F = _rest[2]
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
        a = _nhwc(X)  # (m, H, W, C): a view
        for l in range(1, n_conv + 1):
            z, cols = _conv_forward_nhwc(a, P[f"W{l}"], P[f"b{l}"], 1, self.padding)
            pooled, won = _pool_forward_nhwc(z, self.pool_size, self.pool_size)
            np.maximum(pooled, 0, out=pooled)  # ReLU after the pool: the same as before it, 4× cheaper
            if keep:
                blocks.append((cols, a.shape, z.shape, won, pooled))
            a = pooled
        h = _nchw(a).reshape(len(X), -1)  # flatten in (C, H, W) order
        dense_in = [h]
        n_dense = len(self.dense_sizes) - 1
        for i, l in enumerate(range(n_conv + 1, n_conv + n_dense + 1)):
            z = h @ P[f"W{l}"]
            z += P[f"b{l}"]
            if i < n_dense - 1:
                h = np.maximum(z, 0, out=z)
                dense_in.append(h)
            else:
                h = z
        if keep:
            self._cache = (blocks, dense_in)
        return h

    def _backward(self, probs, y):
        """Gradients of the mean cross-entropy, from the kept forward pass: {"W1": …, "b1": …, …}."""
        blocks, dense_in = self._cache
        P = self._params
        m = len(y)
        n_conv = len(self.conv_channels)
        grads = {}
        dz = probs.copy()
        dz[np.arange(m), y] -= 1  # softmax + cross-entropy: dL/dz = (ŷ − y_onehot) / m
        dz *= 1.0 / m
        for i in range(len(dense_in) - 1, -1, -1):
            l = n_conv + 1 + i
            h = dense_in[i]
            grads[f"W{l}"] = h.T @ dz
            grads[f"b{l}"] = dz.sum(axis=0, keepdims=True)
            dh = dz @ P[f"W{l}"].T
            if i > 0:
                dh *= dense_in[i] > 0  # ReLU of the hidden dense layer
            dz = dh
        C, H, W = self.feature_shape
        da = _nhwc(dz.reshape(m, C, H, W))  # back to channels-last, a view
        for l in range(n_conv, 0, -1):
            cols, a_shape, z_shape, won, pooled = blocks[l - 1]
            dpooled = da * (pooled > 0)  # ReLU
            dconv = _pool_backward_nhwc(dpooled, won, z_shape, self.pool_size, self.pool_size)
            da, grads[f"W{l}"], grads[f"b{l}"] = _conv_backward_nhwc(
                dconv, cols, a_shape, P[f"W{l}"], 1, self.padding, need_dx=l > 1)  # no dx for the images
        return {name: grads[name] for name in P}

    def _scores(self, X, batch_size=256):
        """Scores for checked X, computed batch_size images at a time (memory stays small), on
        one BLAS thread like training: on a busy machine that is 2–4× faster, not slower."""
        out = np.empty((len(X), self.n_classes), dtype=self.dtype)
        with _threadpools.limit(limits=1, user_api="blas"):
            for i in range(0, len(X), batch_size):
                out[i:i + batch_size] = self._forward(X[i:i + batch_size], keep=False)
        return out

    # -- public API -----------------------------------------------------------------
    def forward(self, X):
        """Forward pass, keeping what backward needs. X: (m, C, H, W) → probabilities (m, n_classes).

        For many images (a whole test set) use predict_proba, which does not keep anything.
        """
        X = self._check_X(X)
        z = self._forward(X)
        z -= z.max(axis=1, keepdims=True)
        np.exp(z, out=z)
        z /= z.sum(axis=1, keepdims=True)
        self._probs = z
        return z

    def backward(self, y):
        """Gradients of the mean cross-entropy for the batch of the last forward(X).

        y: (m,) integer labels. Returns {"W1": dW1, "b1": db1, …} with the shapes of params.
        """
        if self._cache is None or getattr(self, "_probs", None) is None:
            raise RuntimeError("backward() needs the activations of a forward pass: call forward(X) first")
        y = self._check_y(y, len(self._probs), ref="the last forward() batch")
        return self._backward(self._probs, y)

    def compute_gradients(self, X, y):
        """forward(X) then backward(y): the gradients of loss(X, y) for every parameter."""
        X = self._check_X(X)
        y = self._check_y(y, len(X))
        self.forward(X)
        return self._backward(self._probs, y)

    def loss(self, X, y):
        """Mean cross-entropy of the current parameters on images X and labels y: (m,)."""
        X = self._check_X(X)
        y = self._check_y(y, len(X))
        _, loss = _softmax_cross_entropy(self._scores(X), y)
        return loss

    def predict_proba(self, X, batch_size=256):
        """Class probabilities. X: (m, C, H, W) → (m, n_classes), computed batch_size images at a time."""
        batch_size = positive_int(batch_size, "batch_size")
        z = self._scores(self._check_X(X), batch_size)
        z -= z.max(axis=1, keepdims=True)
        np.exp(z, out=z)
        z /= z.sum(axis=1, keepdims=True)
        return z

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
        state.pop("_probs", None)
        return state

    def save(self, path):
        """Write the architecture, dtype and parameters to the ``.npz`` file ``path`` (".npz" is
        added when missing); returns the file name. Read it back with ``ConvNet.load(path)``."""
        architecture = {k: v for k, v in self.config().items() if k != "dtype"}
        np.savez(path, model_class=np.array(type(self).__name__), config=np.array(json.dumps(architecture)),
                 dtype=np.array(self.dtype.name), **self._params)
        path = os.fspath(path)
        return path if path.endswith(".npz") else path + ".npz"

    @classmethod
    def load(cls, path, *, dtype=None):
        """A ConvNet from a file written by ``save``, read without pickle. Every array is checked
        against the architecture in the file: a missing, extra or wrongly shaped array raises a
        ValueError naming it. dtype=None keeps the saved dtype."""
        name = os.fspath(path)
        with np.load(name, allow_pickle=False) as data:
            if not hasattr(data, "files"):
                raise ValueError(f"{name} is not a model file written by nn_core's save() (not an .npz archive)")
            arrays = {k: data[k] for k in data.files}
        kind = arrays.get("model_class")
        if kind is None:
            raise ValueError(f"{name} is not a model file written by nn_core's save(): it has no 'model_class' entry")
        if str(kind) != cls.__name__:
            raise ValueError(f"{name} holds a {kind}, not a {cls.__name__}; load it with {kind}.load(path)")
        for key in ("config", "dtype"):
            if key not in arrays:
                raise ValueError(f"{name} has no array {key!r}; the file is incomplete")
        try:
            architecture = json.loads(str(arrays["config"]))
            model = cls(**architecture, seed=0, dtype=dtype if dtype is not None else str(arrays["dtype"]))
        except (TypeError, ValueError) as err:
            raise ValueError(f"{name} has an invalid ConvNet architecture: {err}") from err
        extra = sorted(set(arrays) - set(model._params) - {"model_class", "config", "dtype"})
        if extra:
            raise ValueError(f"{name} has arrays the architecture {architecture} has no place for: {extra}")
        for key, dst in model._params.items():
            if key not in arrays:
                raise ValueError(f"{name} has no array {key!r}; the file is incomplete")
            src = arrays[key]
            if src.shape != dst.shape:
                raise ValueError(f"{key} in {name} has shape {src.shape} but the architecture needs {dst.shape} "
                                 f"({model!r})")
            dst[...] = as_float_array(src, key)  # also refuses NaN/inf and non-numbers
        return model
