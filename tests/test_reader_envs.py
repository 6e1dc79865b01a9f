"""Every chapter, both languages, top to bottom, where readers run it: nn_core installed from the
built wheel (not editable) into a fresh environment, executed in that environment's kernel.

- ``colab``: Google Colab's versions (envs/colab.txt: Python 3.12, NumPy 2.0, ipywidgets 7 …),
  which are also the minimums pyproject.toml declares (tests/test_packaging.py), so this one
  environment proves both: Colab, and every dependency at its floor.

`make test` builds it (tools/reader_env.py, cached under .venv-<name> and keyed by the pins).
Every check cell runs too, so a claim that holds only on our pinned NumPy fails here. Outputs are
not compared (nbval does that in the pinned environment); a cell that raises, or a warning that a
reader would see on stderr, fails. Each executed notebook (an error included) is written to
test-artifacts/reader-envs/, to compare what each environment printed.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
from conftest import ROOT, missing

NOTEBOOKS = sorted((ROOT / "book" / "id").glob("*.ipynb")) + sorted((ROOT / "book" / "en").glob("*.ipynb"))
ENVS = ("colab",)
#: stderr a reader may see without it being a problem: tqdm's text bars.
ARTIFACTS = ROOT / "test-artifacts" / "reader-envs"
HARMLESS_STDERR = re.compile(r"^\s*(\S.*)?\d+%\|.*\|.*$|^\s*$")


def _kernel_manager(env: str):
    from jupyter_client.kernelspec import KernelSpecManager
    from kernels import IpcKernelManager

    venv = ROOT / f".venv-{env}"
    kernels = venv / "share" / "jupyter" / "kernels"
    if not (kernels / "nn-reader" / "kernel.json").exists():
        missing(f"{venv.name} is not built: run `make reader-envs` (tools/reader_env.py)")
    ksm = KernelSpecManager(kernel_dirs=[str(kernels)])
    return IpcKernelManager(kernel_name="nn-reader", kernel_spec_manager=ksm), venv


def _run_chapter(env: str, notebook: Path, tmp_path: Path) -> None:
    from nbclient import NotebookClient

    km, venv = _kernel_manager(env)
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    # Last, in the same kernel: nn_core came from the installed wheel, not from this checkout.
    nb.cells.append(nbformat.v4.new_code_cell(
        "import nn_core, sys\nprint('NN_CORE_FROM', nn_core.__file__)\nprint('PYTHON', sys.prefix)"))
    client = NotebookClient(nb, km=km, timeout=900, allow_errors=False, store_widget_state=True,
                            resources={"metadata": {"path": str(tmp_path)}})
    try:
        client.execute()
    finally:
        # nbclient neither shuts down a kernel manager passed in nor closes the client it made for
        # it: left open, that client's four sockets are closed by the garbage collector later, in
        # whatever test runs then (a ResourceWarning there).
        if client.kc is not None:
            client.kc.stop_channels()
        if km.has_kernel and km.is_alive():
            km.shutdown_kernel(now=True)
        # What this environment printed (an error included), to compare with the pinned outputs.
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, ARTIFACTS / f"{env}-{notebook.parent.name}-{notebook.name}")
    where = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    assert f"site-packages{os.sep}nn_core" in where and str(venv) in where, where
    loud = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("name") == "stderr":
                lines = [l for l in out.get("text", "").splitlines() if not HARMLESS_STDERR.match(l)]
                if lines:
                    loud.append(f"cell {i}: {lines[:3]}")
    assert not loud, f"{env}: a reader would see these on stderr:\n" + "\n".join(loud)


# One class per chapter and environment: `make test` runs pytest with `--dist loadscope`, which
# keeps a class on one worker and spreads the classes over the workers (slowest first: conftest.py).
for _nb in NOTEBOOKS:
    for _env in ENVS:
        _name = f"Test_{_env}_{_nb.parent.name}_{_nb.stem.replace('-', '_')}"

        def _test(self, tmp_path, env=_env, notebook=_nb):
            _run_chapter(env, notebook, tmp_path)

        globals()[_name] = type(_name, (), {"test_chapter_runs_clean": _test,
                                            "__doc__": f"{_nb.parent.name}/{_nb.name} in the {_env} environment"})
del _nb, _env, _name, _test
