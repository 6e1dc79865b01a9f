"""The exercise machinery: check(answer) → bool with feedback that names the mistake.

Three kinds cover most exercises:

* ``FunctionExercise``: the learner writes a function. It is called on random inputs the
  learner has not seen (``cases(rng)`` → argument tuples, drawn from a generator seeded with
  the exercise's name, so that the same answer always gets the same verdict) and compared with
  the reference function: shape, dtype
  kind, finiteness, values. A wrong answer that behaves like one of the known ``mistakes``
  (each itself a wrong function) gets that mistake's message.
* ``ValueExercise``: the learner gives a number, an array, a shape or a list (predict-then-run
  questions, weights for a gate, …), compared with a tolerance; known wrong values get their
  message.
* ``ChoiceExercise``: a conceptual question with options "a", "b", …; every option has an
  explanation.

A subclass can override ``grade`` for anything else (e.g. a training recipe run on 5 seeds).
Feedback, hints and solutions are dicts {"id": …, "en": …}, printed in the language of
``nn_core.set_language``. The learner's code may raise or return rubbish: ``check`` always
prints friendly feedback and never raises.
"""
from __future__ import annotations

import ast
import copy
import inspect
import numbers
import textwrap
import warnings
import zlib
from dataclasses import dataclass

import numpy as np

from ..i18n import LANGUAGES, pick, tr

#: What an untouched exercise cell passes to check(): the stub's placeholder.
NOT_ANSWERED = ...


def is_placeholder(answer) -> bool:
    """True for the stubs a learner has not filled in: ``...``, ``None``, or a function whose
    body is only ``...``/``pass`` (and a docstring)."""
    if answer is None or answer is Ellipsis:
        return True
    if callable(answer) and inspect.isfunction(answer):
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(answer)))
        except (OSError, TypeError, SyntaxError, IndentationError):
            return False
        fn = tree.body[0] if tree.body else None
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = [s for s in fn.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)
                                               and isinstance(s.value.value, str))]
            return all(isinstance(s, ast.Pass) or (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)
                                                   and s.value.value is Ellipsis) for s in body)
    return False


def _texts(value, what: str) -> dict:
    """Validate a {"id": …, "en": …} dict of non-empty texts."""
    if not isinstance(value, dict) or set(value) != set(LANGUAGES) or not all(
            isinstance(v, str) and v.strip() for v in value.values()):
        raise ValueError(f"{what} must be a dict with non-empty 'id' and 'en' texts; got {value!r}")
    return value


def msg(id_text: str, en_text: str) -> dict:
    """A bilingual message: msg("Indonesian …", "English …")."""
    return {"id": id_text, "en": en_text}


@dataclass
class Mistake:
    """A typical wrong answer (in the form the learner gives it) and what to tell the learner."""
    answer: object
    message: dict

    def __post_init__(self):
        _texts(self.message, "Mistake.message")


class Feedback(Exception):
    """Raised inside ``grade`` to stop with a message for the learner (not a bug)."""

    def __init__(self, message: dict):
        super().__init__(message.get("en", ""))
        self.message = message


class LearnerError(Exception):
    """The learner's code raised ``error``."""

    def __init__(self, error: BaseException):
        super().__init__(repr(error))
        self.error = error


def call(fn, *args):
    """Call the learner's function on copies of ``args``; their exceptions become LearnerError."""
    args = copy.deepcopy(args)
    try:
        return fn(*args)
    except Exception as err:  # noqa: BLE001 — anything the learner's code raises
        raise LearnerError(err) from err


def _type_name(x) -> str:
    if isinstance(x, np.ndarray):
        return f"array {x.shape} {x.dtype}"
    return type(x).__name__


class Checked(int):
    """The result of ``check``: behaves as True/False, but a notebook does not print it after the
    feedback (IPython calls ``_ipython_display_`` instead of showing the value)."""

    def __new__(cls, ok: bool):
        return super().__new__(cls, bool(ok))

    def __repr__(self):
        return repr(bool(self))

    def __eq__(self, other):
        return bool(self) == other

    __hash__ = int.__hash__

    def _ipython_display_(self):
        pass


class Exercise:
    """One exercise: ``check(answer)``, ``hint()``, ``solution()``, ``reference``, ``mistakes``.

    chapter: the chapter file's stem ("p1-03-perceptron"); key: "q1", "q2", …;
    title: {"id", "en"}; hints: list of {"id", "en"} (easy first); solution: {"id", "en"}
    (code for code exercises); mistakes: {name: Mistake}.
    """

    kind = "custom"

    def __init__(self, chapter: str, key: str, *, title: dict, reference, solution: dict,
                 hints=(), mistakes=None):
        if not (key.startswith("q") and key[1:].isdigit()):
            raise ValueError(f"key must look like 'q1', 'q2', …; got {key!r}")
        self.chapter = chapter
        self.key = key
        self.title = _texts(title, "title")
        self.reference = reference
        self._solution = _texts(solution, "solution")
        self.hints = [_texts(h, "hint") for h in hints]
        self.mistakes = dict(mistakes or {})
        for m in self.mistakes.values():
            if not isinstance(m, Mistake):
                raise TypeError(f"mistakes must map names to Mistake objects; got {m!r}")
        self._hint_level = 0

    def __repr__(self):
        return f"<{type(self).__name__} {self.chapter} {self.key}: {self.title['en']}>"

    # -- what a subclass provides -------------------------------------------------------
    def grade(self, answer) -> tuple[bool, dict | None]:
        """(correct, message for a wrong answer). Raise Feedback for a friendly stop."""
        raise NotImplementedError

    # -- what the learner calls -----------------------------------------------------------
    def feedback(self, answer) -> tuple[bool, str]:
        """(correct, the feedback text in the current language) — never raises."""
        if is_placeholder(answer):
            return False, tr("ex.not_answered")
        try:
            ok, message = self.grade(answer)
        except Feedback as fb:
            return False, pick(fb.message)
        except LearnerError as err:
            text = str(err.error) or "-"
            return False, tr("ex.raised", error=type(err.error).__name__, message=text)
        except Exception as err:  # noqa: BLE001 — e.g. an answer of a shape the checker cannot use
            return False, tr("ex.unusable", error=f"{type(err).__name__}: {err}")
        if ok:
            return True, tr("ex.correct") + (" " + pick(message) if message else "")
        return False, tr("ex.incorrect", text=pick(message))

    def check(self, answer) -> "Checked":
        """Print feedback on ``answer``; return whether it is correct (a bool that a notebook
        cell does not echo)."""
        ok, text = self.feedback(answer)
        print(text)
        return Checked(ok)

    def hint(self) -> None:
        """Print the next hint (the last one repeats)."""
        if not self.hints:
            print(tr("ex.hint", text=tr("ex.no_hint")))
            return
        print(tr("ex.hint", text=pick(self.hints[min(self._hint_level, len(self.hints) - 1)])))
        self._hint_level += 1

    def solution_text(self) -> str:
        return pick(self._solution)

    def solution(self) -> None:
        """Print the solution."""
        print(tr("ex.solution"))
        print(self.solution_text())

    def diagnose(self, answer) -> str | None:
        """The name of the known mistake that ``answer`` matches, or None."""
        for name, mistake in self.mistakes.items():
            if self._same_answer(answer, mistake.answer):
                return name
        return None

    def _same_answer(self, a, b) -> bool:
        return a is b


# -- values ------------------------------------------------------------------------------

def _as_numeric(x):
    """x as a float array, or None when it is not numbers."""
    if isinstance(x, (str, bytes, dict, set)) or x is None:
        return None
    try:
        arr = np.asarray(x)
    except Exception:  # noqa: BLE001 — ragged lists and the like
        return None
    if arr.dtype.kind not in "biuf":
        return None
    return arr.astype(np.float64)


def close(got, expected, *, rtol=1e-5, atol=1e-8, equal_nan=False) -> bool:
    """Same shape and values within a tight tolerance (a few percent off is wrong).
    ``equal_nan`` is for recognising a known mistake whose result holds NaN, never for grading."""
    g, e = _as_numeric(got), _as_numeric(expected)
    if g is None or e is None or g.shape != e.shape:
        return False
    with np.errstate(invalid="ignore"):
        return bool(np.allclose(g, e, rtol=rtol, atol=atol, equal_nan=equal_nan))


class ValueExercise(Exercise):
    """The answer is a number, an array, a shape or a list, compared with ``reference``."""

    kind = "value"

    def __init__(self, chapter, key, *, rtol=1e-5, atol=1e-8, expect=None, **kw):
        super().__init__(chapter, key, **kw)
        self.rtol, self.atol = rtol, atol
        #: what kind of answer is expected, for the wrong-type message
        self.expect = expect or self._describe_expected()

    def _describe_expected(self) -> dict:
        ref = self.reference
        if isinstance(ref, tuple):
            return both("ex.a_shape", n=len(ref))
        if isinstance(ref, numbers.Number):
            return both("ex.a_number")
        return both("ex.an_array", shape=str(np.shape(ref)))

    def _same_answer(self, a, b) -> bool:
        if isinstance(b, tuple):   # a shape: a tuple (or a list) of integers
            if not isinstance(a, (tuple, list)):
                return False
            a = tuple(a)
        return close(a, b, rtol=self.rtol, atol=self.atol)

    def grade(self, answer):
        if isinstance(self.reference, tuple):
            ok_type = isinstance(answer, (tuple, list)) and all(
                isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in answer)
        elif isinstance(self.reference, numbers.Number):
            ok_type = isinstance(answer, numbers.Real) and not isinstance(answer, bool) or (
                isinstance(answer, np.ndarray) and answer.ndim == 0 and answer.dtype.kind in "iuf")
        else:
            ok_type = _as_numeric(answer) is not None
        if not ok_type:
            raise Feedback({lang: tr_in(lang, "ex.wrong_type", expected=self.expect[lang], got=_type_name(answer))
                            for lang in LANGUAGES})
        if self._same_answer(answer, self.reference):
            return True, None
        name = self.diagnose(answer)
        if name is not None:
            return False, self.mistakes[name].message
        got, ref = _as_numeric(answer), _as_numeric(self.reference)
        if got.shape != ref.shape:
            return False, both("ex.answer_shape", got=str(got.shape), expected=str(ref.shape))
        return False, both("ex.answer_value")


def tr_in(lang: str, key: str, **values) -> str:
    """``tr`` in a given language (for messages built in both languages at once)."""
    from .. import i18n
    from ..formatting import localize_in

    return localize_in(lang, i18n.STRINGS[lang][key], **values)


def both(key: str, **values) -> dict:
    """The library's text ``key`` (nn_core.i18n.STRINGS) in both languages: {"id": …, "en": …}."""
    return {lang: tr_in(lang, key, **values) for lang in LANGUAGES}


# -- functions ---------------------------------------------------------------------------

class FunctionExercise(Exercise):
    """The answer is a function, called on random inputs and compared with ``reference``.

    cases(rng) → list of argument tuples (shapes and values the learner has not seen; include
    edge cases such as z = ±1000, a batch of one, integer input). ``rng`` is seeded with the
    exercise's chapter and key: the same answer always meets the same inputs and verdict.
    arg_names: names for the messages ("z", "X", …).
    quiet=True: NumPy's overflow/division warnings stay out of the feedback (answers are called on
    inputs such as z = ±1000), and a known mistake whose outputs hold NaN (inf/inf, 0/0) is still
    recognised: NaN in the same places counts as equal.
    """

    kind = "function"

    def __init__(self, chapter, key, *, cases, arg_names=("x",), rtol=1e-5, atol=1e-8, quiet=False, **kw):
        super().__init__(chapter, key, **kw)
        self.cases = cases
        self.arg_names = tuple(arg_names)
        self.rtol, self.atol = rtol, atol
        self.quiet = bool(quiet)

    @property
    def seed(self) -> int:
        """The seed of this exercise's inputs: stable across runs, machines and Python versions."""
        return zlib.crc32(f"{self.chapter}/{self.key}".encode())

    def _inputs(self, seed=None):
        return self.cases(np.random.default_rng(self.seed if seed is None else seed))

    def _describe_args(self, args) -> str:
        parts = []
        for name, a in zip(self.arg_names, args):
            try:
                arr = np.asarray(a) if not callable(a) else None
            except ValueError:   # e.g. a list of weight matrices of different shapes
                arr = None
                if isinstance(a, (list, tuple)):
                    parts.append(f"{name}: {len(a)} × array")
                    continue
            if arr is not None and arr.dtype.kind in "biuf" and arr.size <= 6:
                parts.append(f"{name} = {np.array2string(arr, precision=3, separator=', ')}")
            elif arr is not None and arr.dtype.kind in "biuf":
                parts.append(f"{name}: shape {arr.shape}")
            else:
                parts.append(f"{name} = {a!r}"[:60])
        return ", ".join(parts)

    def _outputs_equal(self, got, expected) -> bool:
        if self.quiet and not isinstance(expected, tuple):
            g, e = _as_numeric(got), _as_numeric(expected)
            if g is not None and e is not None and g.shape == e.shape:
                return bool(np.allclose(g, e, rtol=self.rtol, atol=self.atol, equal_nan=True))
        return self._equal(got, expected, equal_nan=False)

    def _equal(self, got, expected, equal_nan=False) -> bool:
        if isinstance(expected, tuple):
            return (isinstance(got, (tuple, list)) and len(got) == len(expected)
                    and all(self._equal(g, e, equal_nan) for g, e in zip(got, expected)))
        if isinstance(expected, bool):
            return isinstance(got, (bool, np.bool_)) and bool(got) == expected
        return close(got, expected, rtol=self.rtol, atol=self.atol, equal_nan=equal_nan)

    def diagnose(self, answer, inputs=None) -> str | None:
        """The known mistake whose outputs equal the answer's on every input, or None."""
        inputs = inputs if inputs is not None else self._inputs(0)
        try:
            outs = [call(answer, *args) for args in inputs]
        except LearnerError:
            return None
        for name, mistake in self.mistakes.items():
            try:
                wrong = [mistake.answer(*copy.deepcopy(args)) for args in inputs]
            except Exception:  # noqa: BLE001 — a mistake may fail where the answer does not
                continue
            # a mistake "matches" where the outputs agree; NaN where the mistake gives NaN counts too
            if all(self._outputs_equal(o, w) or self._equal(o, w, equal_nan=True) for o, w in zip(outs, wrong)):
                return name
        return None

    def grade(self, answer):
        if not self.quiet:
            return self._grade(answer)
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return self._grade(answer)

    def _grade(self, answer):
        if not callable(answer):
            raise Feedback({lang: tr_in(lang, "ex.wrong_type", expected=tr_in(lang, "ex.a_function"),
                                        got=_type_name(answer)) for lang in LANGUAGES})
        inputs = self._inputs()
        for args in inputs:
            expected = self.reference(*copy.deepcopy(args))
            got = call(answer, *args)
            if got is None or got is Ellipsis:
                return False, both("ex.returns_none")
            if self._outputs_equal(got, expected):
                continue
            name = self.diagnose(answer, inputs)
            if name is not None:
                return False, self.mistakes[name].message
            return False, self._difference(args, got, expected)
        return True, None

    def _difference(self, args, got, expected) -> dict:
        where = self._describe_args(args)
        if isinstance(expected, tuple):
            n = len(expected)
            if not isinstance(got, (tuple, list)) or len(got) != n:
                return both("ex.returns_count", where=where, n=n)
            for k, (g, e) in enumerate(zip(got, expected), start=1):
                if not self._outputs_equal(g, e):
                    inner = self._difference(args, g, e)
                    return {lang: tr_in(lang, "ex.returned_value", k=k) + text for lang, text in inner.items()}
        g, e = _as_numeric(got), _as_numeric(expected)
        if g is None:
            return both("ex.returns_type", where=where, type=_type_name(got))
        if g.shape != e.shape:
            return both("ex.result_shape", where=where, got=str(g.shape), expected=str(e.shape))
        if not np.isfinite(g).all() and np.isfinite(e).all():
            return both("ex.result_nonfinite", where=where)
        worst = float(np.max(np.abs(g - e)))
        return both("ex.result_off", where=where, worst=worst)


# -- choices -----------------------------------------------------------------------------

class ChoiceExercise(Exercise):
    """A conceptual question. options: {"a": {"id": …, "en": …}, …} (the option texts);
    why: {"a": {"id": …, "en": …}, …} (an explanation for every option); reference: the
    right letter. The explanation of the chosen option is part of the feedback."""

    kind = "choice"

    def __init__(self, chapter, key, *, options: dict, why: dict, **kw):
        kw.setdefault("solution", self._solution_from(kw["reference"], options, why))
        wrong = {letter: Mistake(letter, why[letter]) for letter in options if letter != kw["reference"]}
        kw.setdefault("mistakes", wrong)
        super().__init__(chapter, key, **kw)
        if set(why) != set(options) or self.reference not in options:
            raise ValueError(f"{chapter} {key}: every option needs an explanation and the reference must be an option")
        self.options = {k: _texts(v, f"option {k}") for k, v in options.items()}
        self.why = {k: _texts(v, f"why {k}") for k, v in why.items()}

    @staticmethod
    def _solution_from(reference, options, why) -> dict:
        out = {}
        for lang in LANGUAGES:
            lines = []
            for letter in options:
                mark = "✅" if letter == reference else "❌"
                lines.append(f"{mark} ({letter}) {options[letter][lang]} — {why[letter][lang]}")
            out[lang] = "\n".join(lines)
        return out

    def _same_answer(self, a, b) -> bool:
        return isinstance(a, str) and a.strip().lower().strip("()") == b

    def grade(self, answer):
        if not isinstance(answer, str) or answer.strip().lower().strip("()") not in self.options:
            letters = ", ".join(f'"{k}"' for k in self.options)
            raise Feedback({lang: tr_in(lang, "ex.wrong_type",
                                        expected=tr_in(lang, "ex.one_of_letters", letters=letters),
                                        got=repr(answer)[:40]) for lang in LANGUAGES})
        letter = answer.strip().lower().strip("()")
        if letter == self.reference:
            return True, self.why[letter]
        return False, self.why[letter]
