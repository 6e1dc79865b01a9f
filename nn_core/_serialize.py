"""One ``.npz`` file format for the three models: ``model.save(path)`` / ``Model.load(path)``.

A file holds plain arrays only (read with ``allow_pickle=False``): ``model_class``, the model's
header (its architecture: sizes, activation, dtype …) and its arrays (the parameters, and for a
batch-norm network its running statistics). Loading rebuilds the model from the header, then
checks that the file has exactly the arrays that model needs, each with the right shape and only
finite numbers; anything else raises a ValueError that names it.

A model class takes part by inheriting ``NpzModel`` and defining
``_header()`` → {name: np.ndarray}, ``_state()`` → {name: array of the model} (updated in place by
load) and the classmethod ``_from_header(header, name, dtype)`` → a new model.
"""
from __future__ import annotations

import os

import numpy as np

from ._validation import as_float_array


def _npz_name(path):
    """np.savez adds ".npz" to a name without it; the name it really writes."""
    path = os.fspath(path)
    return path if path.endswith(".npz") else path + ".npz"


class _Header(dict):
    """The header arrays of a file, where a missing entry is an error naming the file."""

    def __init__(self, arrays, name):
        super().__init__(arrays)
        self.name = name

    def __missing__(self, key):
        raise ValueError(f"{self.name} has no array {key!r}; the file is incomplete")


class NpzModel:
    """save / load for a model class (see the module docstring)."""

    _HEADER_KEYS: tuple = ()

    def save(self, path):
        """Write the architecture and the parameters to the ``.npz`` file ``path`` (".npz" is added
        when missing); returns the file name. Read it back with ``<Model>.load(path)``."""
        np.savez(path, model_class=np.array(type(self).__name__), **self._header(), **self._state())
        return _npz_name(path)

    @classmethod
    def load(cls, path, *, dtype=None):
        """A model from a file written by ``save``, read without pickle. Every array is checked
        against the architecture in the file: a missing, extra or wrongly shaped array raises a
        ValueError naming it. dtype=None keeps the saved dtype."""
        name = os.fspath(path)
        with np.load(name, allow_pickle=False) as data:
            if not hasattr(data, "files"):
                raise ValueError(f"{name} is not a model file written by nn_core's save() (not an .npz archive)")
            arrays = {k: data[k] for k in data.files}
        kind = arrays.pop("model_class", None)
        if kind is None:
            raise ValueError(f"{name} is not a model file written by nn_core's save(): it has no 'model_class' entry")
        if str(kind) != cls.__name__:
            raise ValueError(f"{name} holds a {kind}, not a {cls.__name__}; load it with {kind}.load(path)")
        header = _Header({k: arrays.pop(k) for k in cls._HEADER_KEYS if k in arrays}, name)
        model = cls._from_header(header, name, dtype)
        state = model._state()
        architecture = model._architecture()
        extra = sorted(set(arrays) - set(state))
        if extra:
            raise ValueError(f"{name} has arrays the architecture {architecture} has no place for: {extra}")
        for key, dst in state.items():
            src = header.__missing__(key) if key not in arrays else arrays[key]
            if src.shape != dst.shape:
                raise ValueError(f"{key} in {name} has shape {src.shape} but the architecture "
                                 f"{architecture} needs {dst.shape}")
            dst[...] = as_float_array(src, key)  # also refuses NaN/inf and non-numbers
        return model
