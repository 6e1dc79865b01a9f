"""The package's structure stays what issue #21 made it: one training loop that drives models
through their public protocol, private helpers in private modules, each formula written once."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pytest

import nn_core
from nn_core import ConvNet, DeepNeuralNetwork, NeuralNetwork

PACKAGE = Path(nn_core.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))


def _tree(path):
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _is_private_module(module: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in module.split(".") if part)


def test_no_private_name_is_imported_from_a_public_module():
    found = []
    for path in MODULES:
        for node in ast.walk(_tree(path)):
            # (``from . import _nhwc`` imports a private module: allowed)
            if isinstance(node, ast.ImportFrom) and node.module and not _is_private_module(node.module):
                found += [f"{path.relative_to(PACKAGE)}:{node.lineno} {a.name} from {'.' * node.level}{node.module}"
                          for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
    assert not found, "private names imported from public modules:\n" + "\n".join(found)


def test_the_detector_sees_a_private_import():
    tree = ast.parse("from .networks import _rng\nfrom ._runtime import generator\n")
    imports = [n for n in tree.body if isinstance(n, ast.ImportFrom)]
    assert [_is_private_module(n.module) for n in imports] == [False, True]


@pytest.mark.parametrize("loop", ["training.py", "cnn_training.py"])
def test_the_training_loops_use_only_public_model_members(loop):
    private = [f"{loop}:{n.lineno} {n.value.id}.{n.attr}" for n in ast.walk(_tree(PACKAGE / loop))
               if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "model"
               and n.attr.startswith("_")]
    assert not private, private


def test_softmax_max_shift_is_written_at_most_twice():
    # z − max(z) along the scores' axis: _maths._shift, and one deliberately wrong learner answer
    # (p2-03's "divides by the sum of the whole batch") that must shift its rows the same way.
    shift = re.compile(r"\.max\(axis=(1|-1), keepdims=True\)|np\.max\(z, axis=(1|-1), keepdims=True\)")
    places = [f"{p.relative_to(PACKAGE)}:{i}" for p in MODULES
              for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
              if shift.search(line) and "z" in line and not line.lstrip().startswith(("#", '"'))
              and "msg(" not in line and "keepdims=True))." not in line]
    assert len(places) <= 2, places


def _data(seed=0, m=64):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, 4))
    y = (X[:, 0] + X[:, 1] > 0).astype(int)
    return X, y


def test_fit_drives_every_model_with_every_optimizer():
    X, y = _data()
    images = np.random.default_rng(1).normal(size=(32, 1, 6, 6))
    labels = (images[:, 0, :3].sum(axis=(1, 2)) > 0).astype(int)
    models = [
        (NeuralNetwork(4, 5, 1, seed=0), X, y.reshape(-1, 1).astype(float), None),
        (DeepNeuralNetwork([4, 6, 2], seed=0, dtype=np.float64), X, nn_core.one_hot(y, 2), (X, y)),
        (ConvNet((1, 6, 6), (2,), n_classes=2, seed=0, dtype=np.float64), images, labels, (images, labels)),
    ]
    for model, X_train, y_train, val in models:
        for optimizer in (nn_core.SGD(0.1), nn_core.Momentum(0.05), nn_core.Adam(0.01)):
            twin = model.astype(np.float64) if hasattr(model, "astype") else model
            before = {k: v.copy() for k, v in twin.params.items()}
            history = nn_core.fit(twin, X_train, y_train, optimizer=optimizer, epochs=3, batch_size=16, seed=0,
                                  validation_data=val)
            assert len(history["loss"]) == 3 and np.isfinite(history["loss"]).all()
            assert all(not np.array_equal(before[k], twin.params[k]) for k in ("W1",))
            assert len(history["val_accuracy"]) == (3 if val is not None else 0)


def test_train_minibatch_is_fit_with_sgd_bit_for_bit():
    X, y = _data(m=100)
    Y = nn_core.one_hot(y, 2)
    a, b = (DeepNeuralNetwork([4, 8, 2], seed=3, dtype=np.float32) for _ in range(2))
    h1 = nn_core.train_minibatch(a, X, Y, epochs=4, lr=0.1, batch_size=16, seed=5, verbose=False,
                                 validation_data=(X, y))
    h2 = nn_core.fit(b, X, Y, optimizer=nn_core.SGD(0.1), epochs=4, batch_size=16, seed=5, validation_data=(X, y))
    assert h1["loss"] == h2["loss"] and h1["val_loss"] == h2["val_loss"]
    assert all(np.array_equal(a.params[k], b.params[k]) for k in a.params)


def test_fit_explains_a_model_without_the_protocol():
    with pytest.raises(AttributeError, match="check_data"):
        nn_core.fit(object(), np.zeros((2, 2)), np.zeros(2))
    with pytest.raises(TypeError, match=r"optimizer must have a step\(params, grads\) method"):
        nn_core.fit(DeepNeuralNetwork([2, 2]), np.zeros((2, 2)), np.eye(2), optimizer="adam")
