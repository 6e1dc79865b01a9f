"""Numbers written the way the reader's language writes them (follows ``nn_core.set_language``).

Indonesian groups thousands with a dot and writes decimals with a comma (``3.721``, ``0,25``,
``98,24%``); English does the opposite (``3,721``, ``0.25``, ``98.24%``)::

    import nn_core
    from nn_core import fmt, pct
    nn_core.set_language("id")
    fmt(3721)              # '3.721'
    fmt(0.25)              # '0,25'
    fmt(0.123456, 3)       # '0,123'   (decimals: a fixed number of digits after the comma)
    fmt(-0.5, 2, sign=True)  # '-0,50' (sign=True: '+0,50' for positive numbers)
    fmt(1.8e308, spec=".1e")  # '1,8e+308' (any Python format spec; grouping is not added to it)
    pct(0.9824, 2)         # '98,24%'  (a fraction shown as a percentage)

Python itself always writes ``print(0.25)`` as ``0.25``: only what goes through ``fmt``/``pct``
(and everything nn_core prints, draws or reports) follows the language. Figures follow it too:
the tick labels of matplotlib's default axes are localised once ``set_language`` has run
(``install_matplotlib``).
"""
from __future__ import annotations

import numbers as _numbers
import string

from .i18n import get_language

__all__ = ["fmt", "pct", "localize", "localize_in", "localize_number_text", "install_matplotlib"]

_SWAP = str.maketrans({",": ".", ".": ","})


def localize_number_text(text: str, lang: str | None = None) -> str:
    """A number written the English way (``1,234.5``), written the way ``lang`` writes it."""
    return text.translate(_SWAP) if (lang or get_language()) == "id" else text


def _is_number(x) -> bool:
    return (isinstance(x, _numbers.Number) and not isinstance(x, bool)
            or hasattr(x, "dtype") and getattr(x, "ndim", 1) == 0)


def fmt(x, decimals: int | None = None, *, sign: bool = False, spec: str | None = None) -> str:
    """``x`` as text in the reader's language.

    - ``decimals=None``: integers with thousands grouped (``3.721`` / ``3,721``), other numbers in
      Python's shortest form (``0,25`` / ``0.25``);
    - ``decimals=n``: exactly ``n`` digits after the decimal separator, thousands grouped;
    - ``sign=True``: a ``+`` before positive numbers (as in ``+0,50``);
    - ``spec``: any Python format spec instead (``".2g"``, ``".1e"``, ``">8.3f"``), localised as it is.
    """
    if hasattr(x, "item") and getattr(x, "ndim", 0) == 0:
        x = x.item()   # NumPy scalars and 0-d arrays
    if spec is not None:
        text = format(x, spec)
    else:
        plus = "+" if sign else ""
        if decimals is None:
            text = format(x, plus + ",")
        else:
            text = format(x, f"{plus},.{int(decimals)}f")
    return localize_number_text(text)


def pct(fraction, decimals: int = 0) -> str:
    """A fraction (0.9824) as a percentage in the reader's language: ``98,24%`` / ``98.24%``."""
    if hasattr(fraction, "item") and getattr(fraction, "ndim", 0) == 0:
        fraction = fraction.item()
    return localize_number_text(format(fraction, f",.{int(decimals)}%"))


class _LocalFormatter(string.Formatter):
    """str.format that writes every formatted number in a given language (None: the reader's)."""

    def __init__(self, lang: str | None = None):
        self.lang = lang

    def format_field(self, value, format_spec):
        text = super().format_field(value, format_spec)
        if _is_number(value) and (format_spec or isinstance(value, float)):
            return localize_number_text(text, self.lang)
        return text


def localize(template: str, **values) -> str:
    """``template.format(**values)`` with the numbers written in the reader's language."""
    return _LocalFormatter().format(template, **values)


def localize_in(lang: str, template: str, **values) -> str:
    """``localize`` in a given language (for messages built in both languages at once)."""
    return _LocalFormatter(lang).format(template, **values)


_installed = False


def install_matplotlib() -> None:
    """Make matplotlib's default tick labels (ScalarFormatter) follow the reader's language.

    Called by ``set_language``; cheap and idempotent. English figures are unchanged; in
    Indonesian a tick reads ``0,5`` instead of ``0.5``. (Does nothing without matplotlib.)
    """
    global _installed
    if _installed:
        return
    try:
        from matplotlib import ticker
    except ImportError:   # pragma: no cover - matplotlib is a dependency, but keep nn_core importable
        return
    original = ticker.ScalarFormatter._format_maybe_minus_and_locale

    def _format_maybe_minus_and_locale(self, fmt_, arg):
        return localize_number_text(original(self, fmt_, arg))

    ticker.ScalarFormatter._format_maybe_minus_and_locale = _format_maybe_minus_and_locale
    _installed = True
