"""The two networks the book builds.

``NeuralNetwork`` is Part 1's class: one sigmoid hidden layer, sigmoid output,
MSE loss, full-batch gradient descent. ``DeepNeuralNetwork`` is Part 2's class:
any number of hidden layers (ReLU by default), a softmax output and
cross-entropy loss, He initialisation, trained by (mini-batch) SGD.

Shapes follow the book: X: (m, n_features), W_l: (n_{l-1}, n_l), b_l: (1, n_l).
"""
from __future__ import annotations

import numbers
from types import MappingProxyType

import numpy as np

from ._validation import as_float_array, as_labels, n_features, positive_float, positive_int
from .activations import _INPLACE, _softmax_inplace, sigmoid
from .losses import cross_entropy_loss


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


class NeuralNetwork:
    """Simple neural network (Part 1, ch. 7): one hidden layer, sigmoid, MSE, gradient descent.

    NeuralNetwork(input_size, hidden_size, output_size, seed=None, dtype=np.float64)
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
        """Full-batch training loop; prints the loss every 1000 epochs. Returns the last loss."""
        epochs = positive_int(epochs, "epochs")
        lr = positive_float(lr, "lr")
        X = self._check_X(X)  # checked once here, not in every epoch
        y = _check_targets(y, X.shape[0], self.output_size, ref="X").astype(self.dtype, copy=False)
        loss = None
        for epoch in range(epochs):
            pred = self._forward(X)
            loss = float(np.mean((y - pred) ** 2))
            self.loss_history.append(loss)
            self._step(self._gradients(X, y), lr)
            if verbose and (epoch + 1) % 1000 == 0:
                print(f"  Epoch {epoch + 1:>5} → Loss: {loss:.6f}")
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
    ("relu", "tanh" or "sigmoid") and ``init`` ("he", "xavier" or a fixed std).

    ``params`` holds W1, b1, …, WL, bL with W_l: (n_{l-1}, n_l) and b_l: (1, n_l).
    """

    def __init__(self, layer_sizes, *, seed=None, dtype=np.float32, hidden_activation="relu", init="he"):
        if isinstance(layer_sizes, (str, bytes)) or not hasattr(layer_sizes, "__len__"):
            raise TypeError(f"layer_sizes must be a list of layer widths such as [784, 128, 64, 10]; "
                            f"got {layer_sizes!r}")
        if len(layer_sizes) < 2:
            raise ValueError(f"layer_sizes needs at least two sizes (input and output); got {list(layer_sizes)}")
        self.sizes = [positive_int(n, f"layer_sizes[{i}]") for i, n in enumerate(layer_sizes)]
        if self.sizes[-1] < 2:
            raise ValueError("the softmax output layer needs at least 2 units (classes); "
                             f"got {self.sizes[-1]}")
        if hidden_activation not in _INPLACE:
            raise ValueError(f"hidden_activation must be one of {sorted(_INPLACE)}; got {hidden_activation!r}")
        self.hidden_activation = hidden_activation
        self._act, self._act_backward = _INPLACE[hidden_activation]
        self.dtype = _check_dtype(dtype)
        self.L = len(self.sizes) - 1  # number of layers (excluding the input)
        rng = _rng(seed)
        self.weights, self.biases = [], []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            if init == "he":        # for ReLU: Var(W) = 2 / n_in
                std = np.sqrt(2.0 / n_in)
            elif init == "xavier":  # for tanh/sigmoid: Var(W) = 1 / n_in
                std = np.sqrt(1.0 / n_in)
            elif isinstance(init, numbers.Real) and not isinstance(init, bool) and init > 0:
                std = float(init)
            else:
                raise ValueError(f"init must be 'he', 'xavier' or a positive standard deviation; got {init!r}")
            self.weights.append((rng.standard_normal((n_in, n_out)) * std).astype(self.dtype))
            self.biases.append(np.zeros((1, n_out), dtype=self.dtype))
        # W1, b1, … name the same arrays as the lists (updates are in place). Read-only
        # mapping, so that assigning a new array cannot silently detach it from the model.
        named = {}
        for l, (W, b) in enumerate(zip(self.weights, self.biases), start=1):
            named[f"W{l}"], named[f"b{l}"] = W, b
        self.params = MappingProxyType(named)
        self.activations = None  # [a0 = X, a1, …, aL], filled by forward()

    def __repr__(self):
        return f"DeepNeuralNetwork({self.sizes})"

    @property
    def cache(self):
        """The last forward pass as in Part 2: {'a0': X, 'a1': …, 'aL': ŷ}."""
        if self.activations is None:
            return {}
        return {f"a{l}": a for l, a in enumerate(self.activations)}

    def n_params(self):
        return sum(W.size + b.size for W, b in zip(self.weights, self.biases))

    def _check_X(self, X):
        X = as_float_array(X, "X", ndim=2, dtype=self.dtype)
        n_features(X, self.sizes[0])
        return X

    def _forward(self, X):
        """Forward pass on an already-checked X of the model's dtype."""
        acts = [X]
        a = X
        for l, (W, b) in enumerate(zip(self.weights, self.biases), start=1):
            z = a @ W
            z += b
            # The activation overwrites z in place: backward needs only a (see activations.py).
            a = _softmax_inplace(z) if l == self.L else self._act(z)
            acts.append(a)
        self.activations = acts
        return a

    def forward(self, X):
        """Forward pass through all layers. X: (m, n_input) → probabilities (m, n_classes)."""
        return self._forward(self._check_X(X))

    def _gradients(self, y_onehot):
        """[(dW1, db1), …, (dWL, dbL)] of the mean cross-entropy, from the cached forward pass."""
        acts = self.activations
        m = y_onehot.shape[0]
        # Softmax + cross-entropy: dL/dz_L = (ŷ − y) / m. Dividing dz by m once here
        # averages every gradient below over the batch.
        dz = (acts[-1] - y_onehot) * (1.0 / m)
        grads = [None] * self.L
        for l in range(self.L, 0, -1):
            a_prev = acts[l - 1]
            dW = a_prev.T @ dz
            db = dz.sum(axis=0, keepdims=True)
            grads[l - 1] = (dW, db)
            if l > 1:
                da = dz @ self.weights[l - 1].T
                dz = self._act_backward(a_prev, da)  # da ⊙ f'(z), in place
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
        twin = DeepNeuralNetwork(self.sizes, seed=0, dtype=dtype, hidden_activation=self.hidden_activation)
        for dst, src in zip(twin.weights + twin.biases, self.weights + self.biases):
            dst[...] = src
        return twin

    # -- the small protocol used by nn_core.gradient_check ------------------
    def parameters(self):
        return self.params

    def loss(self, X, y_onehot):
        """Mean cross-entropy of the current parameters on (X, y_onehot)."""
        pred = self.forward(X)
        y = _check_targets(y_onehot, pred.shape[0], self.sizes[-1], "y_onehot", ref="X")
        return cross_entropy_loss(pred, y)

    def compute_gradients(self, X, y_onehot):
        self.forward(X)
        grads = self._gradients(self._checked_targets(y_onehot))
        out = {}
        for l, (dW, db) in enumerate(grads, start=1):
            out[f"W{l}"], out[f"b{l}"] = dW, db
        return out
