"""Show the library's own code in a notebook, so chapters never paste a second copy."""
from __future__ import annotations

import ast
import inspect
import sys

#: The private module whose formulas the public code calls; show_source appends them, so that a
#: chapter shows the math (e.g. softmax's max-shift), not only a call to it.
_FORMULAS = "nn_core._maths"


def _source(obj) -> str:
    source = inspect.getsource(obj)
    return inspect.cleandoc("\n" + source) if source.startswith(" ") else source


def _formulas_used(obj, source: str, seen: list) -> list:
    """The functions of nn_core._maths that ``source`` calls (and those they call), in order."""
    module = sys.modules.get(getattr(obj, "__module__", ""), None)
    names = {n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name)}
    for name in sorted(names):
        f = getattr(module, name, None)
        if inspect.isfunction(f) and f.__module__ == _FORMULAS and f not in seen:
            seen.append(f)
            _formulas_used(f, _source(f), seen)
    return seen


def show_source(obj):
    """Syntax-highlighted source of a function, class or method of nn_core (for a notebook cell),
    followed by the formulas it uses from ``nn_core/_maths.py``.

    The text is read from the installed library, so the book always shows the code that runs.
    """
    from IPython.display import Code

    try:
        source = _source(obj)
    except (TypeError, OSError) as err:
        raise TypeError(f"show_source needs a function, class or method defined in Python; got {obj!r}") from err
    used = _formulas_used(obj, source, [])
    if used:
        source += "\n\n# From nn_core/_maths.py (each formula is written once, there):\n\n" + "\n\n".join(
            _source(f) for f in used)
    return Code(source, language="python")
