"""The two networks the book builds.

``NeuralNetwork`` is Part 1's class: one sigmoid hidden layer, sigmoid output,
MSE loss, full-batch gradient descent. ``DeepNeuralNetwork`` is Part 2's class:
any number of hidden layers (ReLU by default), a softmax output and
cross-entropy loss, He initialisation, trained by (mini-batch) SGD.

Shapes follow the book: X: (m, n_features), W_l: (n_{l-1}, n_l), b_l: (1, n_l).

Both models can be copied (``copy.deepcopy``), pickled, and kept in a plain ``.npz``
file with ``model.save(path)`` / ``DeepNeuralNetwork.load(path)``.
"""
from __future__ import annotations

import math
import numbers
import os
from types import MappingProxyType

import numpy as np

from ._validation import as_float_array, as_labels, n_features, positive_float, positive_int
from .activations import _INPLACE, _softmax_inplace, sigmoid
from .i18n import tr
from .losses import cross_entropy_loss
from .regularization import (batchnorm_backward, batchnorm_forward, check_dropout_rate, check_weight_decay,
                             dropout_forward, l2_penalty)


def _rng(seed):
    """seed=None uses NumPy's global generator, exactly like the seed pages'
    ``np.random.seed(…)`` followed by ``np.random.randn(…)``; an int gives a private,
    reproducible generator that leaves the global state alone."""
    if seed is None:
        return np.random.mtrand._rand
    return np.random.RandomState(seed)


def _check_dtype(dtype):
    dtype = np.dtype(dtype)
    if dtype not in (np.float32, np.float64):
        raise TypeError(f"dtype must be float32 or float64; got {dtype}")
    return dtype


def _check_targets(y, m, n_out, name="y", ref="the last forward() batch"):
    y = as_float_array(y, name)
    if y.ndim == 1 and n_out > 1:
        raise ValueError(f"{name} must be one-hot with shape ({m}, {n_out}); got labels of shape {y.shape} "
                         f"(use nn_core.one_hot(labels, {n_out}))")
    if y.ndim != 2:
        raise ValueError(f"{name} must have shape ({m}, {n_out}); got shape {y.shape} "
                         f"(for one output unit use y.reshape(-1, 1))")
    if y.shape[0] != m:
        raise ValueError(f"{name} has {y.shape[0]} rows but {ref} has {m} samples")
    if y.shape[1] != n_out:
        raise ValueError(f"{name} has {y.shape[1]} columns but the output layer has {n_out} units")
    return y


class TrainingDivergedError(FloatingPointError):
    """Training stopped because the loss became NaN or infinite.

    A ``FloatingPointError`` (what NumPy raises under ``np.errstate(all="raise")``), so
    ``except FloatingPointError`` catches it. ``epoch`` and ``batch`` are 1-based; ``batch``
    is None for full-batch training (``NeuralNetwork.train``).
    """

    def __init__(self, epoch, batch=None, lr=None):
        self.epoch, self.batch, self.lr = epoch, batch, lr
        where = f"epoch {epoch}" if batch is None else f"epoch {epoch}, batch {batch}"
        lr_text = "" if lr is None else f" (lr={lr:g})"
        super().__init__(f"training diverged: the loss became NaN/inf at {where}{lr_text}. "
                         "Try a smaller learning rate, or scale the inputs "
                         "(nn_core.standardize or nn_core.normalize).")

    def __reduce__(self):  # pickle (e.g. from a worker process) with the fields, not the message
        return type(self), (self.epoch, self.batch, self.lr)


def _finite(arrays):
    """True when every array (e.g. the weights: small) holds only finite numbers."""
    return all(np.isfinite(a).all() for a in arrays)


# -- save / load: a plain .npz (no pickle) -------------------------------------------

def _npz_path(path):
    """np.savez adds ".npz" to a name without it; return the name it really writes."""
    path = os.fspath(path)
    return path if path.endswith(".npz") else path + ".npz"


def _read_npz(cls, path):
    """The arrays of a file written by ``cls.save``, after checking it is one."""
    name = os.fspath(path)
    with np.load(name, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    kind = arrays.get("model_class")
    if kind is None:
        raise ValueError(f"{name} is not a model file written by nn_core's save(): it has no 'model_class' entry")
    if str(kind) != cls.__name__:
        raise ValueError(f"{name} holds a {kind}, not a {cls.__name__}; load it with {kind}.load(path)")
    return arrays


def _entry(arrays, key, path):
    if key not in arrays:
        raise ValueError(f"{os.fspath(path)} has no array {key!r}; the file is incomplete")
    return arrays[key]


def _fill_params(params, arrays, path, architecture):
    """Copy the file's parameters into ``params`` (name → array of the new model), checking that
    the file has exactly these arrays, each with the shape the architecture needs."""
    expected = set(params) | {"model_class", "dtype", "hidden_activation", "layer_sizes"}
    extra = sorted(set(arrays) - expected)
    if extra:
        raise ValueError(f"{os.fspath(path)} has arrays the architecture {architecture} has no place for: {extra}")
    for key, dst in params.items():
        src = _entry(arrays, key, path)
        if src.shape != dst.shape:
            raise ValueError(f"{key} in {os.fspath(path)} has shape {src.shape} but the architecture "
                             f"{architecture} needs {dst.shape}")
        dst[...] = as_float_array(src, key)  # also refuses NaN/inf and non-numbers


_INITS = {
    "he": lambda n_in, n_out: np.sqrt(2.0 / n_in),              # for ReLU
    "lecun": lambda n_in, n_out: np.sqrt(1.0 / n_in),
    "glorot": lambda n_in, n_out: np.sqrt(2.0 / (n_in + n_out)),  # for tanh/sigmoid
}
_INITS["xavier"] = _INITS["glorot"]  # Xavier Glorot's rule: the same thing (before 1.1 it meant "lecun")


def _init_std(init, n_in, n_out):
    """Standard deviation of the weights of an (n_in → n_out) layer for ``init``."""
    if isinstance(init, str) and init in _INITS:
        return _INITS[init](n_in, n_out)
    if isinstance(init, numbers.Real) and not isinstance(init, bool) and math.isfinite(init) and init > 0:
        return float(init)
    raise ValueError("init must be 'he', 'lecun', 'glorot' (alias 'xavier') or a positive, finite "
                     f"standard deviation; got {init!r}")


class NeuralNetwork:
    """Simple neural network (Part 1, ch. 7): one hidden layer, sigmoid, MSE, gradient descent.

    NeuralNetwork(input_size, hidden_size, output_size, seed=None, dtype=np.float64)

    ``save(path)`` writes the sizes, dtype and W1, b1, W2, b2 to a ``.npz`` file;
    ``NeuralNetwork.load(path)`` reads it back.
    """

    def __init__(self, input_size, hidden_size, output_size, *, seed=None, dtype=np.float64):
        self.input_size = positive_int(input_size, "input_size")
        self.hidden_size = positive_int(hidden_size, "hidden_size")
        self.output_size = positive_int(output_size, "output_size")
        self.dtype = _check_dtype(dtype)
        rng = _rng(seed)
        # Random weights scaled by sqrt(2 / fan_in), as in Part 1.
        self.W1 = (rng.standard_normal((input_size, hidden_size)) * np.sqrt(2 / input_size)).astype(self.dtype)
        self.b1 = np.zeros((1, hidden_size), dtype=self.dtype)
        self.W2 = (rng.standard_normal((hidden_size, output_size)) * np.sqrt(2 / hidden_size)).astype(self.dtype)
        self.b2 = np.zeros((1, output_size), dtype=self.dtype)
        self.loss_history = []

    def __repr__(self):
        return f"NeuralNetwork({self.input_size}, {self.hidden_size}, {self.output_size})"

    # The last forward pass (X, z1, a1, z2, a2) is not kept by copies, pickles or files: it can be
    # as large as the data set, and forward() rebuilds it.
    _CACHE = ("X", "z1", "a1", "z2", "a2")

    def __getstate__(self):
        state = self.__dict__.copy()
        for key in self._CACHE:
            state.pop(key, None)
        return state

    def save(self, path):
        """Write the sizes, dtype and parameters to the ``.npz`` file ``path`` (".npz" is added
        when missing); returns the file name. Read it back with ``NeuralNetwork.load(path)``."""
        np.savez(path, model_class=np.array(type(self).__name__),
                 layer_sizes=np.array([self.input_size, self.hidden_size, self.output_size]),
                 hidden_activation=np.array("sigmoid"), dtype=np.array(self.dtype.name), **self.parameters())
        return _npz_path(path)

    @classmethod
    def load(cls, path):
        """A NeuralNetwork from a file written by ``save``. Every array is checked against the
        sizes in the file: a wrong or missing array raises a ValueError naming it."""
        arrays = _read_npz(cls, path)
        sizes = _entry(arrays, "layer_sizes", path)
        if sizes.shape != (3,) or sizes.dtype.kind not in "iu":
            raise ValueError(f"layer_sizes in {os.fspath(path)} must be 3 integers (input, hidden, output); "
                             f"got {sizes.tolist()}")
        activation = str(_entry(arrays, "hidden_activation", path))
        if activation != "sigmoid":
            raise ValueError(f"hidden_activation in {os.fspath(path)} is {activation!r}; NeuralNetwork uses 'sigmoid'")
        model = cls(*(int(n) for n in sizes), seed=0, dtype=str(_entry(arrays, "dtype", path)))
        _fill_params(model.parameters(), arrays, path, sizes.tolist())
        return model

    def sigmoid(self, z):
        return sigmoid(z)

    def sigmoid_deriv(self, z):
        s = sigmoid(z)
        return s * (1 - s)

    def _check_X(self, X):
        X = as_float_array(X, "X", ndim=2, dtype=self.dtype)
        n_features(X, self.input_size)
        return X

    def _forward(self, X):
        """Forward pass on an already-checked X (see forward)."""
        self.X = X
        self.z1 = X @ self.W1 + self.b1
        self.a1 = sigmoid(self.z1)
        self.z2 = self.a1 @ self.W2 + self.b2
        self.a2 = sigmoid(self.z2)
        return self.a2

    def forward(self, X):
        """Forward pass: input → hidden → output. X: (m, input_size) → a2: (m, output_size)."""
        return self._forward(self._check_X(X))

    def _gradients(self, X, y):
        """Gradients for checked X, y (see gradients)."""
        m, k = y.shape
        # Output layer: dL/da2 = −2(y − a2)/(m·k) for L = mean((y − a2)²); then the chain rule.
        # σ'(z) = σ(z)(1 − σ(z)), and σ(z2) is a2, which the forward pass already computed.
        dz2 = (-2 / (m * k)) * (y - self.a2) * (self.a2 * (1 - self.a2))
        dW2 = self.a1.T @ dz2
        db2 = np.sum(dz2, axis=0, keepdims=True)
        # Hidden layer
        da1 = dz2 @ self.W2.T
        dz1 = da1 * (self.a1 * (1 - self.a1))
        dW1 = X.T @ dz1
        db1 = np.sum(dz1, axis=0, keepdims=True)
        return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def gradients(self, X, y):
        """Gradients of the MSE loss for the batch of the last forward(X). Returns dW1, db1, dW2, db2."""
        if getattr(self, "a2", None) is None:
            raise RuntimeError("backward() needs the activations of a forward pass: call forward(X) first")
        X = self._check_X(X)
        m = X.shape[0]
        if m != self.a2.shape[0]:
            raise ValueError(f"X has {m} samples but the last forward() batch had {self.a2.shape[0]}")
        return self._gradients(X, _check_targets(y, m, self.output_size))

    def _step(self, grads, lr):
        self.W2 -= lr * grads["W2"]
        self.b2 -= lr * grads["b2"]
        self.W1 -= lr * grads["W1"]
        self.b1 -= lr * grads["b1"]

    def backward(self, X, y, lr=0.1):
        """Backward pass: compute the gradients, then take one gradient-descent step."""
        lr = positive_float(lr, "lr")
        self._step(self.gradients(X, y), lr)

    def train(self, X, y, epochs=5000, lr=1.0, verbose=True):
        """Full-batch training loop; prints the loss every 1000 epochs. Returns the last loss.

        Raises TrainingDivergedError (a FloatingPointError) naming the epoch as soon as the
        loss becomes NaN or infinite.
        """
        epochs = positive_int(epochs, "epochs")
        lr = positive_float(lr, "lr")
        X = self._check_X(X)  # checked once here, not in every epoch
        y = _check_targets(y, X.shape[0], self.output_size, ref="X").astype(self.dtype, copy=False)
        loss = None
        # Overflow on the way to a NaN loss is reported by the loss check below, not as warnings.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            for epoch in range(epochs):
                pred = self._forward(X)
                loss = float(np.mean((y - pred) ** 2))
                if not math.isfinite(loss):
                    raise TrainingDivergedError(epoch + 1, lr=lr)
                self.loss_history.append(loss)
                self._step(self._gradients(X, y), lr)
                if verbose and (epoch + 1) % 1000 == 0:
                    print(tr("epoch_loss", epoch=epoch + 1, loss=loss))
        if not _finite(self.parameters().values()):  # the last step: no loss after it to check
            raise TrainingDivergedError(epochs, lr=lr)
        return loss

    def predict(self, X):
        """Predicted outputs in (0, 1). X: (m, input_size) → (m, output_size)."""
        return self.forward(X)

    # -- the small protocol used by nn_core.gradient_check ------------------
    def parameters(self):
        return {"W1": self.W1, "b1": self.b1, "W2": self.W2, "b2": self.b2}

    def loss(self, X, y):
        """MSE of the current parameters on (X, y)."""
        pred = self.forward(X)
        y = _check_targets(y, pred.shape[0], self.output_size, ref="X")
        return float(np.mean((y - pred) ** 2))

    def compute_gradients(self, X, y):
        self.forward(X)
        return self.gradients(X, y)


class DeepNeuralNetwork:
    """Deep neural network (Part 2, ch. 2) with any number of layers.

    DeepNeuralNetwork([784, 128, 64, 10]) → 784 inputs, hidden layers of 128 and 64
    units, 10 softmax outputs. Keyword options: ``seed`` (reproducible weights),
    ``dtype`` (float32 for speed, float64 for gradient checks), ``hidden_activation``
    ("relu", "tanh" or "sigmoid") and ``init``, the standard deviation of each W_l
    (biases start at 0):

    - "he" (default, for ReLU): √(2 / n_in)
    - "lecun": √(1 / n_in)
    - "glorot", or its alias "xavier" (for tanh/sigmoid): √(2 / (n_in + n_out))
    - a positive number: that standard deviation for every layer.

    Before version 1.1, "xavier" gave √(1 / n_in), which is LeCun's rule; it now means
    Glorot/Xavier as the name says. Use "lecun" for the old numbers (they are the same
    for square layers, n_in = n_out).

    ``params`` holds W1, b1, …, WL, bL with W_l: (n_{l-1}, n_l) and b_l: (1, n_l).
    ``save(path)`` / ``DeepNeuralNetwork.load(path)`` keep a model in a ``.npz`` file.

    Part 4 adds three options (see ``nn_core.regularization``):

    - ``weight_decay=λ`` (≥ 0): L2 regularisation of the weights (not the biases). ``loss`` adds
      λ/2·Σ‖W‖² and every weight gradient adds λ·W — PyTorch's ``weight_decay=λ`` applied to the
      weights only.
    - ``dropout=p`` in [0, 1): inverted dropout after every hidden activation, in training mode only.
    - ``batch_norm=True``: batch normalisation of every hidden layer's z before its activation, with
      parameters gamma_l (starts at 1) and beta_l (starts at 0) in ``params``; batch statistics in
      training mode, running statistics (``running_mean``, ``running_var``) in evaluation mode.

    Training mode is asked for explicitly: ``forward(X, training=True)`` (what
    ``train_minibatch`` does for its steps). Everything else — ``predict``, ``accuracy``,
    ``loss``, ``forward(X)`` — runs in evaluation mode: no dropout, running statistics.
    """

    def __init__(self, layer_sizes, *, seed=None, dtype=np.float32, hidden_activation="relu", init="he",
                 weight_decay=0.0, dropout=0.0, batch_norm=False, bn_momentum=0.1, bn_eps=1e-5):
        if isinstance(layer_sizes, (str, bytes)) or not hasattr(layer_sizes, "__len__"):
            raise TypeError(f"layer_sizes must be a list of layer widths such as [784, 128, 64, 10]; "
                            f"got {layer_sizes!r}")
        if len(layer_sizes) < 2:
            raise ValueError(f"layer_sizes needs at least two sizes (input and output); got {list(layer_sizes)}")
        self.sizes = [positive_int(n, f"layer_sizes[{i}]") for i, n in enumerate(layer_sizes)]
        if self.sizes[-1] < 2:
            raise ValueError("the softmax output layer needs at least 2 units (classes); "
                             f"got {self.sizes[-1]}")
        if not isinstance(hidden_activation, str) or hidden_activation not in _INPLACE:
            raise ValueError(f"hidden_activation must be one of {sorted(_INPLACE)}; got {hidden_activation!r}")
        self.hidden_activation = hidden_activation
        self.dtype = _check_dtype(dtype)
        self.L = len(self.sizes) - 1  # number of layers (excluding the input)
        rng = _rng(seed)
        self.weights, self.biases = [], []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            std = _init_std(init, n_in, n_out)
            self.weights.append((rng.standard_normal((n_in, n_out)) * std).astype(self.dtype))
            self.biases.append(np.zeros((1, n_out), dtype=self.dtype))
        self.weight_decay = check_weight_decay(weight_decay)
        self.dropout = check_dropout_rate(dropout)
        if not isinstance(batch_norm, bool):
            raise TypeError(f"batch_norm must be True or False; got {batch_norm!r}")
        self.batch_norm = batch_norm
        if isinstance(bn_momentum, bool) or not isinstance(bn_momentum, numbers.Real) or not 0 < bn_momentum <= 1:
            raise ValueError(f"bn_momentum must be a number in (0, 1]; got {bn_momentum!r}")
        self.bn_momentum = float(bn_momentum)
        self.bn_eps = positive_float(bn_eps, "bn_eps")
        hidden = self.sizes[1:-1] if batch_norm else []
        self.gammas = [np.ones((1, n), dtype=self.dtype) for n in hidden]
        self.betas = [np.zeros((1, n), dtype=self.dtype) for n in hidden]
        self.running_mean = [np.zeros((1, n), dtype=self.dtype) for n in hidden]
        self.running_var = [np.ones((1, n), dtype=self.dtype) for n in hidden]
        # Dropout masks come from their own generator, so that dropout=0 leaves the weights'
        # random numbers (and every earlier chapter's results) exactly as they were.
        self._noise = _rng(None if seed is None else [int(seed), 4])
        self._link()
        self.activations = None  # [a0 = X, a1, …, aL], filled by forward()
        self._masks, self._bn_caches, self._pre_dropout, self._bn_grads = [], [], [], []

    def _link(self):
        """Name the arrays: params["W1"] is weights[0], … (updates are in place), and look up the
        activation. Read-only mapping, so that assigning a new array cannot silently detach it
        from the model."""
        self._act, self._act_backward = _INPLACE[self.hidden_activation]
        named = {}
        for l, (W, b) in enumerate(zip(self.weights, self.biases), start=1):
            named[f"W{l}"], named[f"b{l}"] = W, b
            if l <= len(getattr(self, "gammas", ())):
                named[f"gamma{l}"], named[f"beta{l}"] = self.gammas[l - 1], self.betas[l - 1]
        self.params = MappingProxyType(named)

    # copy.deepcopy and pickle: keep the architecture and the arrays, rebuild the read-only
    # ``params`` view over the copy's own arrays, and drop the last forward pass (it can be
    # as large as the data set; forward() rebuilds it).
    def __getstate__(self):
        state = self.__dict__.copy()
        for key in ("params", "_act", "_act_backward"):  # rebuilt by __setstate__
            state.pop(key, None)
        state["activations"] = None
        for key in ("_masks", "_bn_caches", "_pre_dropout", "_bn_grads"):
            state[key] = []
        state.pop("_bn_cache", None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._link()

    def __repr__(self):
        extra = "".join(f", {k}={v!r}" for k, v in (("weight_decay", self.weight_decay), ("dropout", self.dropout))
                        if v) + (", batch_norm=True" if self.batch_norm else "")
        return f"DeepNeuralNetwork({self.sizes}{extra})"

    def save(self, path):
        """Write the architecture, hidden activation, dtype and parameters to the ``.npz`` file
        ``path`` (".npz" is added when missing); returns the file name. Read it back with
        ``DeepNeuralNetwork.load(path)``. Weight decay and dropout are training settings and are
        not saved; a batch-norm model cannot be saved yet."""
        if self.batch_norm:
            raise NotImplementedError("save() does not support batch_norm=True models yet (their running "
                                      "statistics have no place in the file); use pickle or copy.deepcopy")
        np.savez(path, model_class=np.array(type(self).__name__), layer_sizes=np.array(self.sizes),
                 hidden_activation=np.array(self.hidden_activation), dtype=np.array(self.dtype.name),
                 **self.params)
        return _npz_path(path)

    @classmethod
    def load(cls, path):
        """A DeepNeuralNetwork from a file written by ``save``. Every array is checked against
        the architecture in the file: a wrong or missing array raises a ValueError naming it."""
        arrays = _read_npz(cls, path)
        sizes = _entry(arrays, "layer_sizes", path)
        if sizes.ndim != 1 or sizes.dtype.kind not in "iu":
            raise ValueError(f"layer_sizes in {os.fspath(path)} must be a list of integers; got {sizes.tolist()}")
        model = cls(sizes.tolist(), seed=0, dtype=str(_entry(arrays, "dtype", path)),
                    hidden_activation=str(_entry(arrays, "hidden_activation", path)))
        _fill_params(model.params, arrays, path, model.sizes)
        return model

    @property
    def cache(self):
        """The last forward pass as in Part 2: {'a0': X, 'a1': …, 'aL': ŷ}."""
        if self.activations is None:
            return {}
        return {f"a{l}": a for l, a in enumerate(self.activations)}

    def n_params(self):
        return sum(p.size for p in self.params.values())

    def _check_X(self, X):
        X = as_float_array(X, "X", ndim=2, dtype=self.dtype)
        n_features(X, self.sizes[0])
        return X

    def _forward(self, X, training=False):
        """Forward pass on an already-checked X of the model's dtype. ``training``: dropout on and
        batch statistics for batch norm (see the class docstring)."""
        if training and self.batch_norm and X.shape[0] < 2:
            raise ValueError("batch norm in training mode needs a batch of at least 2 samples (the variance of "
                             f"one sample is 0); got a batch of {X.shape[0]}: use a larger batch, or "
                             "training=False for single samples")
        acts = [X]
        masks, bn_caches, pre_dropout = [], [], []
        a = X
        for l, (W, b) in enumerate(zip(self.weights, self.biases), start=1):
            z = a @ W
            z += b
            if l == self.L:
                a = _softmax_inplace(z)
            else:
                if self.batch_norm:
                    z = self._bn_forward(l - 1, z, training)
                    bn_caches.append(self._bn_cache)
                # The activation overwrites z in place: backward needs only a (see activations.py).
                a = self._act(z)
                if training and self.dropout:
                    pre_dropout.append(a)
                    a, mask = dropout_forward(a, self.dropout, self._noise)
                    masks.append(mask)
            acts.append(a)
        self.activations = acts
        self._masks, self._bn_caches, self._pre_dropout = masks, bn_caches, pre_dropout
        return a

    def _bn_forward(self, i, z, training):
        """Batch norm of hidden layer i + 1 (0-based i); updates the running statistics in training."""
        if training:
            out, cache = batchnorm_forward(z, self.gammas[i], self.betas[i], eps=self.bn_eps)
            m, mom = z.shape[0], self.bn_momentum
            self.running_mean[i] *= 1 - mom
            self.running_mean[i] += mom * cache["mean"]
            self.running_var[i] *= 1 - mom
            self.running_var[i] += mom * cache["var"] * (m / (m - 1))   # unbiased, as PyTorch
        else:
            out, cache = batchnorm_forward(z, self.gammas[i], self.betas[i], eps=self.bn_eps,
                                           mean=self.running_mean[i], var=self.running_var[i])
        self._bn_cache = cache
        return out.astype(self.dtype, copy=False)

    def forward(self, X, training=False):
        """Forward pass through all layers. X: (m, n_input) → probabilities (m, n_classes).
        ``training=True``: dropout on, batch statistics for batch norm (and running statistics
        updated); the default is evaluation mode."""
        return self._forward(self._check_X(X), training=training)

    def _gradients(self, y_onehot):
        """[(dW1, db1), …, (dWL, dbL)] of the mean cross-entropy (+ λ/2·Σ‖W‖² with weight decay), from
        the cached forward pass; batch norm's [(dgamma1, dbeta1), …] go to ``self._bn_grads``."""
        acts = self.activations
        m = y_onehot.shape[0]
        # Softmax + cross-entropy: dL/dz_L = (ŷ − y) / m. Dividing dz by m once here
        # averages every gradient below over the batch.
        dz = (acts[-1] - y_onehot) * (1.0 / m)
        grads = [None] * self.L
        bn_grads = [None] * len(self._bn_caches)
        for l in range(self.L, 0, -1):
            a_prev = acts[l - 1]
            dW = a_prev.T @ dz
            if self.weight_decay:
                dW += self.weight_decay * self.weights[l - 1]      # d/dW of λ/2·‖W‖²
            db = dz.sum(axis=0, keepdims=True)
            grads[l - 1] = (dW, db)
            if l > 1:
                da = dz @ self.weights[l - 1].T
                if self._masks:                                    # dropout: the same mask backwards
                    da *= self._masks[l - 2]
                    a_prev = self._pre_dropout[l - 2]
                dz = self._act_backward(a_prev, da)  # da ⊙ f'(z), in place
                if self.batch_norm:
                    dz, dgamma, dbeta = batchnorm_backward(dz, self._bn_caches[l - 2])
                    bn_grads[l - 2] = (dgamma, dbeta)
                    dz = dz.astype(self.dtype, copy=False)
        self._bn_grads = bn_grads
        return grads

    def _checked_targets(self, y_onehot):
        if self.activations is None:
            raise RuntimeError("backward() needs the activations of a forward pass: call forward(X) first")
        y = _check_targets(y_onehot, self.activations[0].shape[0], self.sizes[-1], "y_onehot")
        return y.astype(self.dtype, copy=False)

    def _step(self, grads, lr):
        for W, b, (dW, db) in zip(self.weights, self.biases, grads):
            dW *= lr  # in place: no temporary array for lr * dW
            W -= dW
            b -= lr * db
        for gamma, beta, (dgamma, dbeta) in zip(self.gammas, self.betas, self._bn_grads or ()):
            gamma -= lr * dgamma
            beta -= lr * dbeta

    def backward(self, y_onehot, lr=0.01):
        """Backprop through all layers, then one SGD step (gradients averaged over the batch)."""
        lr = positive_float(lr, "lr")
        self._step(self._gradients(self._checked_targets(y_onehot)), lr)

    def predict_proba(self, X):
        return self.forward(X)

    def predict(self, X):
        """Predicted class per sample. X: (m, n_input) → (m,) integers."""
        return np.argmax(self.forward(X), axis=1)

    def accuracy(self, X, y):
        """Accuracy in percent. y: (m,) integer labels."""
        X = self._check_X(X)
        y = as_labels(y, "y", num_classes=self.sizes[-1], n_samples=X.shape[0])
        return float(np.mean(np.argmax(self._forward(X), axis=1) == y) * 100)

    def astype(self, dtype):
        """A copy of this network with parameters in another dtype (e.g. float64 for a gradient check)."""
        twin = type(self)(self.sizes, seed=0, dtype=dtype, hidden_activation=self.hidden_activation,
                          weight_decay=self.weight_decay, dropout=self.dropout, batch_norm=self.batch_norm,
                          bn_momentum=self.bn_momentum, bn_eps=self.bn_eps)
        mine = self.weights + self.biases + self.gammas + self.betas + self.running_mean + self.running_var
        theirs = twin.weights + twin.biases + twin.gammas + twin.betas + twin.running_mean + twin.running_var
        for dst, src in zip(theirs, mine):
            dst[...] = src
        return twin

    # -- the small protocol used by nn_core.gradient_check ------------------
    def parameters(self):
        return self.params

    def loss(self, X, y_onehot, training=False):
        """Mean cross-entropy of the current parameters on (X, y_onehot), plus λ/2·Σ‖W‖² when
        weight_decay = λ > 0 (``training``: see ``forward``)."""
        pred = self.forward(X, training=training)
        y = _check_targets(y_onehot, pred.shape[0], self.sizes[-1], "y_onehot", ref="X")
        loss = cross_entropy_loss(pred, y)
        return loss + l2_penalty(self.weights, self.weight_decay) if self.weight_decay else loss

    def compute_gradients(self, X, y_onehot, training=False):
        """The gradient of ``loss`` for every array of ``params`` (a dict with the same keys)."""
        self.forward(X, training=training)
        grads = self._gradients(self._checked_targets(y_onehot))
        out = {}
        for l, (dW, db) in enumerate(grads, start=1):
            out[f"W{l}"], out[f"b{l}"] = dW, db
        for l, (dgamma, dbeta) in enumerate(self._bn_grads, start=1):
            out[f"gamma{l}"], out[f"beta{l}"] = dgamma, dbeta
        return out
