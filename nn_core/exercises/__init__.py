"""Checked exercises for every chapter, with feedback in the reader's language.

Each chapter has a module here named after its file (``p1-03-perceptron`` →
``nn_core/exercises/p1_03_perceptron.py``) that defines its exercises as ``q1``, ``q2``, …
In a notebook::

    from nn_core.exercises import p1_03_perceptron as ex
    ex.q1.check(my_answer)     # prints feedback, returns True or False
    ex.q1.hint()               # a hint (call again for the next one)
    ex.q1.solution()           # the solution

``registry()`` lists every exercise of the book; the tests prove for each of them, in both
languages, that the reference answer passes and every known mistake fails with its message.
"""
from __future__ import annotations

import importlib
import pkgutil

from ._core import (ChoiceExercise, Exercise, FunctionExercise, Mistake, ValueExercise, NOT_ANSWERED,
                    is_placeholder)

__all__ = ["ChoiceExercise", "Exercise", "FunctionExercise", "Mistake", "ValueExercise", "NOT_ANSWERED",
           "chapter_exercises", "is_placeholder", "registry"]


def _modules():
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            yield importlib.import_module(f"{__name__}.{info.name}")


def chapter_exercises(chapter: str) -> list[Exercise]:
    """The exercises of one chapter (its file stem, e.g. "p1-03-perceptron"), in order."""
    module = importlib.import_module(f"{__name__}.{chapter.replace('-', '_')}")
    found = [v for v in vars(module).values() if isinstance(v, Exercise)]
    return sorted(found, key=lambda e: int(e.key[1:]))


def registry() -> list[Exercise]:
    """Every exercise of the book, chapter by chapter."""
    out = []
    for module in _modules():
        out += chapter_exercises(module.__name__.rsplit(".", 1)[1].replace("_", "-"))
    return out
