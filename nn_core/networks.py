"""The two networks the book builds.

``NeuralNetwork`` is Part 1's class: one sigmoid hidden layer, sigmoid output,
MSE loss, full-batch gradient descent. ``DeepNeuralNetwork`` is Part 2's class:
any number of hidden layers (ReLU by default), a softmax output and
cross-entropy loss, He initialisation, trained by (mini-batch) SGD.

Shapes follow the book: X: (m, n_features), W^[l]: (n^[l-1], n^[l]), b^[l]: (1, n^[l]).

Both models can be copied (``copy.deepcopy``), pickled, and kept in a plain ``.npz``
file with ``model.save(path)`` / ``DeepNeuralNetwork.load(path)`` (``nn_core._serialize``).

Like ``ConvNet``, both offer what ``nn_core.fit`` needs to train them: ``params`` (name → array,
updated in place by an optimizer), ``check_data(X, y)``, ``loss_and_gradients(X, y)`` and
``evaluate(X, y)``; and for everyone: ``loss(X, y)`` and ``compute_gradients(X, y)``.
"""
from __future__ import annotations

import math
import numbers
from types import MappingProxyType

import numpy as np

from ._hidden import HIDDEN
from ._maths import (cross_entropy, dense_backward, dense_forward, mse, softmax_cross_entropy_gradient,
                     softmax_inplace)
from ._runtime import TrainingDivergedError, all_finite, generator
from ._serialize import NpzModel
from ._validation import (as_float_array, as_labels, check_dtype, check_targets, labels_not_one_hot, n_features,
                          positive_float, positive_int)
from .activations import sigmoid
from .i18n import tr
from .regularization import (batchnorm_backward, batchnorm_forward, check_dropout_rate, check_weight_decay,
                             dropout_forward, l2_penalty)


_INITS = {
    "he": lambda n_in, n_out: np.sqrt(2.0 / n_in),              # for ReLU
    "lecun": lambda n_in, n_out: np.sqrt(1.0 / n_in),
    "glorot": lambda n_in, n_out: np.sqrt(2.0 / (n_in + n_out)),  # for tanh/sigmoid
}
_INITS["xavier"] = _INITS["glorot"]  # Xavier Glorot's rule: the same thing (see CHANGELOG.md, 1.1)


def _init_std(init, n_in, n_out):
    """Standard deviation of the weights of an (n_in → n_out) layer for ``init``."""
    if isinstance(init, str) and init in _INITS:
        return _INITS[init](n_in, n_out)
    if isinstance(init, numbers.Real) and not isinstance(init, bool) and math.isfinite(init) and init > 0:
        return float(init)
    raise ValueError("init must be 'he', 'lecun', 'glorot' (alias 'xavier') or a positive, finite "
                     f"standard deviation; got {init!r}")


class NeuralNetwork(NpzModel):
    """Simple neural network (Part 1, ch. 7): one hidden layer, sigmoid, MSE, gradient descent.

    NeuralNetwork(input_size, hidden_size, output_size, seed=None, dtype=np.float64)

    ``save(path)`` writes the sizes, dtype and W1, b1, W2, b2 to a ``.npz`` file;
    ``NeuralNetwork.load(path)`` reads it back.
    """

    def __init__(self, input_size, hidden_size, output_size, *, seed=None, dtype=np.float64):
        self.input_size = positive_int(input_size, "input_size")
        self.hidden_size = positive_int(hidden_size, "hidden_size")
        self.output_size = positive_int(output_size, "output_size")
        self.dtype = check_dtype(dtype)
        rng = generator(seed)
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

    # -- the .npz file (nn_core._serialize) ------------------------------------------
    _HEADER_KEYS = ("layer_sizes", "hidden_activation", "dtype")

    def _header(self):
        return {"layer_sizes": np.array([self.input_size, self.hidden_size, self.output_size]),
                "hidden_activation": np.array("sigmoid"), "dtype": np.array(self.dtype.name)}

    def _state(self):
        return self.parameters()

    def _architecture(self):
        return [self.input_size, self.hidden_size, self.output_size]

    @classmethod
    def _from_header(cls, header, name, dtype):
        sizes = header["layer_sizes"]
        if sizes.shape != (3,) or sizes.dtype.kind not in "iu":
            raise ValueError(f"layer_sizes in {name} must be 3 integers (input, hidden, output); got {sizes.tolist()}")
        activation = str(header["hidden_activation"])
        if activation != "sigmoid":
            raise ValueError(f"hidden_activation in {name} is {activation!r}; NeuralNetwork uses 'sigmoid'")
        return cls(*(int(n) for n in sizes), seed=0, dtype=dtype if dtype is not None else str(header["dtype"]))

    # The source pages' methods, kept so that code written against them runs unchanged.
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
        return self._gradients(X, check_targets(y, m, self.output_size))

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
        y = check_targets(y, X.shape[0], self.output_size, ref="X").astype(self.dtype, copy=False)
        loss = None
        # Overflow on the way to a NaN loss is reported by the loss check below, not as warnings.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            for epoch in range(epochs):
                pred = self._forward(X)
                loss = mse(pred, y)
                if not math.isfinite(loss):
                    raise TrainingDivergedError(epoch + 1, lr=lr)
                self.loss_history.append(loss)
                self._step(self._gradients(X, y), lr)
                if verbose and (epoch + 1) % 1000 == 0:
                    print(tr("epoch_loss", epoch=epoch + 1, loss=loss))
        if not all_finite(self.parameters().values()):  # the last step: no loss after it to check
            raise TrainingDivergedError(epochs, lr=lr)
        return loss

    def predict(self, X):
        """Predicted outputs in (0, 1). X: (m, input_size) → (m, output_size)."""
        return self.forward(X)

    # -- the protocol of every model (nn_core.gradient_check, nn_core.fit) ------------
    @property
    def params(self):
        """name → array: W1, b1, W2, b2 (an optimizer updates them in place)."""
        return {"W1": self.W1, "b1": self.b1, "W2": self.W2, "b2": self.b2}

    def parameters(self):
        return self.params

    def loss(self, X, y):
        """MSE of the current parameters on (X, y)."""
        pred = self.forward(X)
        y = check_targets(y, pred.shape[0], self.output_size, ref="X")
        return mse(pred, y)

    def compute_gradients(self, X, y):
        """forward(X), then the gradients of the MSE: {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}."""
        self.forward(X)
        return self.gradients(X, y)

    def check_data(self, X, y, *, labels=False, names=("X", "y")):
        """X: (m, input_size) and targets y: (m, output_size), checked and cast to the model's dtype
        (``labels`` is accepted for the protocol: this network's targets are always arrays)."""
        x_name, y_name = names
        X = as_float_array(X, x_name, ndim=2, dtype=self.dtype)
        n_features(X, self.input_size, x_name)
        return X, check_targets(y, X.shape[0], self.output_size, y_name, ref=x_name).astype(self.dtype, copy=False)

    def loss_and_gradients(self, X, y):
        """(MSE, gradients) for a batch that check_data has checked: one training step's work."""
        loss = mse(self._forward(X), y)
        return loss, self._gradients(X, y)

    def evaluate(self, X, y):
        """(MSE, accuracy in %: outputs on the right side of 0.5) on (X, y), without training."""
        X, y = self.check_data(X, y)
        pred = self._forward(X)
        return mse(pred, y), float(np.mean((pred > 0.5) == (y > 0.5)) * 100)


class DeepNeuralNetwork(NpzModel):
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

    ``params`` holds W1, b1, …, WL, bL with W^[l]: (n^[l-1], n^[l]) and b^[l]: (1, n^[l]).
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
        if not isinstance(hidden_activation, str) or hidden_activation not in HIDDEN:
            raise ValueError(f"hidden_activation must be one of {sorted(HIDDEN)}; got {hidden_activation!r}")
        self.hidden_activation = hidden_activation
        self.dtype = check_dtype(dtype)
        self.L = len(self.sizes) - 1  # number of layers (excluding the input)
        rng = generator(seed)
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
        self._noise = generator(None if seed is None else [int(seed), 4])
        self._link()
        self.activations = None  # [a0 = X, a1, …, aL], filled by forward()
        self._masks, self._bn_caches, self._pre_dropout, self._bn_grads = [], [], [], []

    def _link(self):
        """Name the arrays: params["W1"] is weights[0], … (updates are in place), and look up the
        activation. Read-only mapping, so that assigning a new array cannot silently detach it
        from the model."""
        self._act, self._act_backward = HIDDEN[self.hidden_activation]
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

    # -- the .npz file (nn_core._serialize) ------------------------------------------
    # Weight decay and dropout are training settings and are not saved. A batch-norm network
    # also keeps its settings and its running statistics (running_mean1, running_var1, …).
    _HEADER_KEYS = ("layer_sizes", "hidden_activation", "dtype", "bn_momentum", "bn_eps")

    def _header(self):
        header = {"layer_sizes": np.array(self.sizes), "hidden_activation": np.array(self.hidden_activation),
                  "dtype": np.array(self.dtype.name)}
        if self.batch_norm:
            header.update(bn_momentum=np.array(self.bn_momentum), bn_eps=np.array(self.bn_eps))
        return header

    def _state(self):
        state = dict(self.params)
        for l, (mean, var) in enumerate(zip(self.running_mean, self.running_var), start=1):
            state[f"running_mean{l}"], state[f"running_var{l}"] = mean, var
        return state

    def _architecture(self):
        return self.sizes

    @classmethod
    def _from_header(cls, header, name, dtype):
        sizes = header["layer_sizes"]
        if sizes.ndim != 1 or sizes.dtype.kind not in "iu":
            raise ValueError(f"layer_sizes in {name} must be a list of integers; got {sizes.tolist()}")
        bn = {}
        if "bn_momentum" in header:
            bn = dict(batch_norm=True, bn_momentum=float(header["bn_momentum"]), bn_eps=float(header["bn_eps"]))
        return cls(sizes.tolist(), seed=0, dtype=dtype if dtype is not None else str(header["dtype"]),
                   hidden_activation=str(header["hidden_activation"]), **bn)

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
            z = dense_forward(a, W, b)
            if l == self.L:
                a = softmax_inplace(z)
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
        # Softmax + cross-entropy: d𝓛/dz^[L] = (ŷ − y) / m. Dividing dz by m once here
        # averages every gradient below over the batch.
        dz = softmax_cross_entropy_gradient(acts[-1], y_onehot)
        grads = [None] * self.L
        bn_grads = [None] * len(self._bn_caches)
        for l in range(self.L, 0, -1):
            a_prev = acts[l - 1]
            dW, db, da = dense_backward(a_prev, dz, self.weights[l - 1], need_da=l > 1)
            if self.weight_decay:
                dW += self.weight_decay * self.weights[l - 1]      # d/dW of λ/2·‖W‖²
            grads[l - 1] = (dW, db)
            if l > 1:
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
        y = check_targets(y_onehot, self.activations[0].shape[0], self.sizes[-1], "y_onehot")
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

    # -- the protocol of every model (nn_core.gradient_check, nn_core.fit) ------------
    def parameters(self):
        return self.params

    def loss(self, X, y_onehot, training=False):
        """Mean cross-entropy of the current parameters on (X, y_onehot), plus λ/2·Σ‖W‖² when
        weight_decay = λ > 0 (``training``: see ``forward``)."""
        pred = self.forward(X, training=training)
        y = check_targets(y_onehot, pred.shape[0], self.sizes[-1], "y_onehot", ref="X")
        loss = float(cross_entropy(pred, y))
        return loss + l2_penalty(self.weights, self.weight_decay) if self.weight_decay else loss

    def compute_gradients(self, X, y_onehot, training=False):
        """The gradient of ``loss`` for every array of ``params`` (a dict with the same keys)."""
        self.forward(X, training=training)
        return self._named(self._gradients(self._checked_targets(y_onehot)))

    def _named(self, grads):
        out = {}
        for l, (dW, db) in enumerate(grads, start=1):
            out[f"W{l}"], out[f"b{l}"] = dW, db
        for l, (dgamma, dbeta) in enumerate(self._bn_grads, start=1):
            out[f"gamma{l}"], out[f"beta{l}"] = dgamma, dbeta
        return out

    def check_data(self, X, y, *, labels=False, names=("X", "y_onehot")):
        """X: (m, n_input), checked and cast to the model's dtype, with one-hot targets y: (m, n_classes)
        for training, or (``labels=True``) integer labels y: (m,), e.g. for validation data."""
        x_name, y_name = names
        X = as_float_array(X, x_name, ndim=2, dtype=self.dtype)
        n_features(X, self.sizes[0], x_name)
        if labels:
            y = labels_not_one_hot(y, y_name, X.shape[0])
            return X, as_labels(y, y_name, num_classes=self.sizes[-1], n_samples=X.shape[0], ref=x_name)
        return X, check_targets(y, X.shape[0], self.sizes[-1], y_name, ref=x_name).astype(self.dtype, copy=False)

    def loss_and_gradients(self, X, y_onehot):
        """One training step's work on a batch that check_data has checked: the forward pass in
        training mode (dropout on, batch statistics), then (mean cross-entropy without the
        weight-decay term, gradients of ``loss`` by name)."""
        pred = self._forward(X, training=True)
        loss = cross_entropy(pred, y_onehot)
        return loss, self._named(self._gradients(y_onehot))

    def evaluate(self, X, y):
        """(mean cross-entropy, accuracy in %) on X and integer labels y: (m,), in evaluation mode."""
        X, y = self.check_data(X, y, labels=True, names=("X", "y"))
        probs = self._forward(X)
        return float(cross_entropy(probs, y)), float(np.mean(np.argmax(probs, axis=1) == y) * 100)
