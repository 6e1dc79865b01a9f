"""How long a reader waits: every chapter run top to bottom in the Colab-like environment
(`.venv-colab`, built by `make reader-envs`), timed cell by cell. The timing sentences in the
chapters ("training takes about …") are written from these numbers, measured on a 2-core machine
like Colab's free tier; see benchmarks/README.md.

    python benchmarks/chapter_times.py                       # every English chapter
    python benchmarks/chapter_times.py book/en/p3-05-*.ipynb --env colab --repeat 2

Prints one row per chapter: the whole notebook's wall time and its slowest cell (usually the
training), with the cell's first line, plus the machine and the load average.
"""
from __future__ import annotations

import argparse
import datetime
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from _common import load_average, machine_info  # benchmarks/_common.py (the script's own folder)

ROOT = Path(__file__).resolve().parent.parent


def run(path: Path, env: str, save: Path | None = None) -> tuple[float, float, str]:
    from jupyter_client import KernelManager
    from jupyter_client.kernelspec import KernelSpecManager

    kernels = ROOT / f".venv-{env}" / "share" / "jupyter" / "kernels"
    if not (kernels / "nn-reader").is_dir():
        raise SystemExit(f".venv-{env} is not built: run `make reader-envs` first")
    km = KernelManager(kernel_name="nn-reader", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernels)]))
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as tmp:
        client = NotebookClient(nb, km=km, timeout=1800, record_timing=True, store_widget_state=True,
                                resources={"metadata": {"path": tmp}})
        start = time.perf_counter()
        try:
            client.execute()
        finally:
            if km.has_kernel and km.is_alive():
                km.shutdown_kernel(now=True)
        total = time.perf_counter() - start
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, save / f"{path.parent.name}-{path.name}")
    slowest, first = 0.0, ""
    for cell in nb.cells:
        t = cell.metadata.get("execution", {})
        if "iopub.execute_input" in t and "shell.execute_reply" in t:
            parse = datetime.datetime.fromisoformat
            seconds = (parse(t["shell.execute_reply"].rstrip("Z"))
                       - parse(t["iopub.execute_input"].rstrip("Z"))).total_seconds()
            if seconds > slowest:
                slowest, first = seconds, next((l for l in cell.source.splitlines() if l.strip()), "")
    return total, slowest, first


def main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--env", default="colab")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--save", type=Path, help="write the executed notebooks to this folder")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "book" / "en").glob("*.ipynb"))
    info = machine_info()
    print(f"# {info['date']} · {info['cpu']} · {info['cores']} cores · env {args.env} · load {load_average():.1f}")
    print("| chapter | whole notebook | slowest cell | its first line |\n|---|---:|---:|---|")
    for path in paths:
        for _ in range(args.repeat):
            total, slowest, first = run(path.resolve(), args.env, args.save)
            print(f"| {path.parent.name}/{path.stem} | {total:.0f} s | {slowest:.0f} s | `{first[:60]}` |", flush=True)
    print(f"# load average at the end: {load_average():.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
