"""The environments readers run the book in, built for CI: a fresh venv per file in envs/
(``envs/colab.txt``: Google Colab's versions, which are also the minimums pyproject.toml declares),
with nn_core installed from the built wheel, not editable, as Colab installs it.

    python -m tools.reader_env WHEEL colab         # build or refresh .venv-colab

A venv is cached under ``.venv-<name>`` and keyed by its pins and Python version: it is rebuilt
only when ``envs/<name>.txt`` changes. The wheel is re-installed every time (``--no-deps``: the
environment's own NumPy & co. stay; ``pip check`` then proves the wheel's declared dependencies
hold there). Each venv gets a Jupyter kernel spec, ``<venv>/share/jupyter/kernels/nn-reader``,
that tests/test_reader_envs.py executes every chapter with.
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENVS = ROOT / "envs"
KERNEL = "nn-reader"


def pins(name: str) -> tuple[str, list[str]]:
    """(python version, requirement lines) of envs/<name>.txt."""
    text = (ENVS / f"{name}.txt").read_text(encoding="utf-8")
    match = re.search(r"^#\s*python:\s*(\d+\.\d+)\s*$", text, re.M)
    if not match:
        raise SystemExit(f"envs/{name}.txt: no '# python: X.Y' line")
    reqs = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return match.group(1), reqs


def venv_dir(name: str) -> Path:
    return ROOT / f".venv-{name}"


def find_python(version: str) -> str:
    """An interpreter for Python ``version`` (X.Y): on PATH, else one of pyenv's."""
    exe = shutil.which(f"python{version}")
    candidates = ([exe] if exe else []) + sorted(glob.glob(os.path.expanduser(
        f"{os.environ.get('PYENV_ROOT', '~/.pyenv')}/versions/{version}.*/bin/python{version}")), reverse=True)
    for path in candidates:
        ok = subprocess.run([path, "-c", f"import sys; assert sys.version.startswith('{version}.')"],
                            capture_output=True).returncode == 0
        if ok:
            return path
    raise SystemExit(f"Python {version} not found (needed for envs/): install it (e.g. `pyenv install {version}`)")


def key(name: str) -> str:
    version, reqs = pins(name)
    return hashlib.sha256(json.dumps([version, reqs]).encode()).hexdigest()[:16]


def run(*cmd) -> None:
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run(list(map(str, cmd)), check=True)


def build(name: str, wheel: Path) -> Path:
    version, reqs = pins(name)
    venv = venv_dir(name)
    py = venv / "bin" / "python"
    stamp = venv / ".pins-key"
    if not (stamp.exists() and stamp.read_text() == key(name) and py.exists()):
        shutil.rmtree(venv, ignore_errors=True)
        run(find_python(version), "-m", "venv", venv)
        run(py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *reqs)
        stamp.write_text(key(name))
    run(py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
        "--force-reinstall", wheel)
    run(py, "-m", "pip", "check")  # the wheel's declared dependencies hold in this environment
    spec = venv / "share" / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True, exist_ok=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(py), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": f"nn_core reader env: {name}", "language": "python",
        "env": {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}}, indent=1))
    return venv


def main(argv) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    wheels = sorted(Path(argv[0]).glob("nn_core-*.whl")) if Path(argv[0]).is_dir() else [Path(argv[0])]
    if len(wheels) != 1:
        raise SystemExit(f"expected one nn_core wheel in {argv[0]}, found {len(wheels)}")
    # The environments are independent: build them side by side (pip mostly waits on files).
    with ThreadPoolExecutor(max_workers=len(argv) - 1) as pool:
        for _ in pool.map(lambda name: build(name, wheels[0].resolve()), argv[1:]):
            pass  # re-raises the first failure
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
