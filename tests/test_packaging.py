"""What `pip install` gives a reader (Colab builds a wheel from the repository): every tracked
module of nn_core, in the wheel and in the sdist; and the promises pyproject.toml makes (Python
floor, dependency minimums) are exactly Colab's versions, the environment envs/colab.txt installs
for tests/test_reader_envs.py: one run there proves both."""
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile

import pytest

from conftest import ROOT, missing

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _tracked():
    try:
        out = subprocess.run(["git", "ls-files", "nn_core"], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as err:
        missing(f"git ls-files failed: {err}")
    files = {p for p in out.stdout.split() if not p.endswith((".pyc",))}
    assert any(p.startswith("nn_core/exercises/") for p in files)
    return files


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The wheel and sdist setuptools builds from a copy of the tracked files (as a fresh clone
    would have them; nothing is written into the checkout)."""
    import shutil

    out = tmp_path_factory.mktemp("dist")
    src = tmp_path_factory.mktemp("src")
    for rel in ["pyproject.toml", "README.md", *_tracked()]:
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, src / rel)
    built = []
    for kind in ("wheel", "sdist"):
        code = f"from setuptools import build_meta as b; import sys; print('BUILT', b.build_{kind}(sys.argv[1]))"
        run = subprocess.run([sys.executable, "-c", code, str(out)], cwd=src, capture_output=True, text=True)
        if run.returncode != 0 and "No module named 'setuptools'" in run.stderr:
            missing("setuptools is not installed in the test environment (requirements.txt)")
        assert run.returncode == 0, run.stderr[-2000:]
        built.append(next(line for line in run.stdout.splitlines() if line.startswith("BUILT ")).split()[1])
    wheel, sdist = built
    return out / wheel, out / sdist


def test_the_wheel_holds_every_tracked_module(built):
    wheel, _ = built
    shipped = set(zipfile.ZipFile(wheel).namelist())
    lost = sorted(p for p in _tracked() if p not in shipped)
    assert not lost, f"the wheel lacks {lost}: pyproject.toml's package discovery misses them"


def test_the_sdist_holds_every_tracked_module(built):
    _, sdist = built
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    lost = sorted(p for p in _tracked() if p not in names)
    assert not lost, f"the sdist lacks {lost}"


def _pins(name):
    text = (ROOT / "envs" / f"{name}.txt").read_text(encoding="utf-8")
    python = re.search(r"^#\s*python:\s*(\S+)", text, re.M).group(1)
    reqs = dict(re.match(r"([A-Za-z0-9_.-]+)==(\S+)", line).groups()
                for line in text.splitlines() if "==" in line and not line.startswith("#"))
    return python, {k.lower(): v for k, v in reqs.items()}


def _declared():
    """{name: minimum} of pyproject.toml's dependencies (each written `name>=X.Y.Z`)."""
    pairs = (re.fullmatch(r"([A-Za-z0-9_.-]+)>=([\d.]+)", dep).groups() for dep in PYPROJECT["project"]["dependencies"])
    return {name.lower(): minimum for name, minimum in pairs}


def test_the_declared_minimums_are_colabs_versions():
    """pyproject.toml's floors (Python, every dependency) are exactly the versions envs/colab.txt
    pins, so the Colab-like run of every chapter also runs them at the declared minimums. When
    Colab moves on (envs/colab.txt changes), either raise the floors with it or give CI a second
    environment with the old floors (an envs/<name>.txt in READER_ENVS): CI must prove both."""
    python, pins = _pins("colab")
    assert PYPROJECT["project"]["requires-python"] == f">={python}", "requires-python's floor is not Colab's Python"
    declared = _declared()
    assert set(declared) <= set(pins), f"envs/colab.txt does not pin {sorted(set(declared) - set(pins))}"
    differ = {name: (minimum, pins[name]) for name, minimum in declared.items() if minimum != pins[name]}
    assert not differ, f"(declared minimum, Colab's version) differ: {differ}"
