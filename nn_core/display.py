"""Show the library's own code in a notebook, so chapters never paste a second copy."""
from __future__ import annotations

import inspect


def show_source(obj):
    """Syntax-highlighted source of a function, class or method of nn_core (for a notebook cell).

    The text is read from the installed library, so the book always shows the code that runs.
    """
    from IPython.display import Code

    try:
        source = inspect.getsource(obj)
    except (TypeError, OSError) as err:
        raise TypeError(f"show_source needs a function, class or method defined in Python; got {obj!r}") from err
    return Code(inspect.cleandoc("\n" + source) if source.startswith(" ") else source, language="python")
