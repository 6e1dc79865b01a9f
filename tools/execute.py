"""Generate the per-language notebooks of bilingual sources and execute each one in a fresh
kernel, in place (outputs and widget state stored), so that every output on an Indonesian page
comes from running the Indonesian notebook and every output on an English page from the
English one.

    python -m tools.execute                      # every book/src/*.ipynb
    python -m tools.execute book/src/p1-03-perceptron.ipynb …
    python -m tools.execute --jobs 2 …           # notebooks in parallel (default: 2)
    python -m tools.execute --stale              # only chapters whose notebooks are stale
    python -m tools.execute --reuse-outputs …    # keep the outputs where only comments, titles
                                                 # or metadata changed (same program, cell by cell)

Outputs are what nbval later compares, so run this after changing a chapter.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

try:
    from . import bilingual
except ImportError:   # run as a file, not as a module: tools/ is a package
    raise SystemExit("run it from the repository root as a module: python -m tools.execute") from None


def execute(path: Path) -> float:
    """Execute one generated notebook in place; return the wall time in seconds."""
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    client = NotebookClient(nb, timeout=900, kernel_name="python3", record_timing=False,
                            store_widget_state=True, resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nb.metadata.pop("papermill", None)
    nbformat.write(nb, path)
    return time.perf_counter() - start


def reuse_outputs(dest: Path, text: str) -> bool:
    """Write the freshly generated ``text`` to ``dest`` with the outputs of the executed notebook
    already there, if every code cell is the same program as before (comments, check titles and
    cell metadata may differ); return whether it did."""
    if not dest.exists() or bilingual.unexecuted(dest):
        return False
    old = nbformat.read(dest, as_version=4)
    new = nbformat.reads(text, as_version=4)
    code = lambda nb: [c for c in nb.cells if c.cell_type == "code"]  # noqa: E731
    if [c.cell_type for c in old.cells] != [c.cell_type for c in new.cells] or \
            [bilingual.program(c.source) for c in code(old)] != [bilingual.program(c.source) for c in code(new)]:
        return False
    for was, now in zip(code(old), code(new)):
        now.outputs, now.execution_count = was.outputs, was.execution_count
    for key in ("widgets",):
        if key in old.metadata:
            new.metadata[key] = old.metadata[key]
    nbformat.write(new, dest)
    return True


def main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", nargs="*", type=Path)
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("JOBS", 2)))
    parser.add_argument("--reuse-outputs", action="store_true",
                        help="keep a notebook's outputs when its code cells are the same program as before")
    parser.add_argument("--stale", action="store_true",
                        help="only the sources whose generated notebooks are stale or not executed")
    args = parser.parse_args(argv)
    sources = [p.resolve() for p in args.sources] or bilingual.sources()
    if args.stale:
        sources = [p for p in sources if any(not bilingual.is_fresh(p, lang) or bilingual.unexecuted(
            bilingual.generated(p, lang)) for lang in bilingual.LANGS)]
        print("stale: " + (", ".join(p.name for p in sources) or "none"))
    for p in sources:
        if p.parent != bilingual.SRC:
            parser.error(f"{p} is not a source notebook in book/src/")
        problems = bilingual.problems(p)
        if problems:
            print("\n".join(problems))
            return 1
    # Fresh generation: the notebooks start without outputs, then each runs its own code.
    targets = []
    for src in sources:
        for lang, text in bilingual.render(src).items():
            dest = bilingual.generated(src, lang)
            if args.reuse_outputs and reuse_outputs(dest, text):
                print(f"kept the outputs of {dest.relative_to(bilingual.ROOT)} (the same program)")
                continue
            dest.write_text(text, encoding="utf-8")
            targets.append(dest)
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for dest, seconds in zip(targets, pool.map(execute, targets)):
            print(f"executed {dest.relative_to(bilingual.ROOT)} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
