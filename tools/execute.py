"""Execute bilingual source notebooks in place (fresh kernel, widget state stored), then
regenerate the per-language notebooks.

    python tools/execute.py                      # every book/src/*.ipynb
    python tools/execute.py book/src/p1-03-perceptron.ipynb …

Outputs are what nbval later compares, so run this after changing a chapter's code.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bilingual  # noqa: E402


def execute(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    # The setup cell is written from _config.yml, so the repository is named in one place.
    for cell in nb.cells:
        if cell.cell_type == "code" and bilingual.SETUP_TAG in cell.metadata.get("tags", []):
            cell.source = bilingual.setup_source()
            break
    start = time.perf_counter()
    client = NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                            store_widget_state=True, resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nb.metadata.pop("papermill", None)
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(argv) -> int:
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    paths = [Path(p) for p in argv] or bilingual.sources()
    for path in paths:
        seconds = execute(path)
        print(f"executed {path} in {seconds:.1f} s")
    bilingual.generate()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
