"""The tooling's own house rules: Sphinx extensions split by concern (no file over 400 lines),
tools/ a package run with ``python -m tools.<name>``, nothing that edits ``sys.path``."""
from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from conftest import ROOT

MAX_EXT_LINES = 400
SKIP_DIRS = {".git", "node_modules", "_build", "build", "__pycache__", ".pytest_cache", ".hypothesis"}


def _files(pattern: str):
    for path in sorted(ROOT.rglob(pattern)):
        parts = path.relative_to(ROOT).parts
        if not any(p in SKIP_DIRS or p.startswith(".venv") for p in parts):
            yield path


def test_no_extension_file_is_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "_ext").rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
            and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_EXT_LINES}
    assert not long, f"split these by concern (at most {MAX_EXT_LINES} lines): {long}"


def test_nothing_edits_sys_path():
    """tools/ is a package, pytest puts the root and _ext/ on the path (pyproject.toml), Sphinx
    loads _ext/ itself, a benchmark imports _common from its own folder."""
    needle = "sys.path." + "insert"
    found = [str(p.relative_to(ROOT)) for p in _files("*.py") if needle in p.read_text(encoding="utf-8")]
    assert found == []


TOOLS = sorted(p.stem for p in (ROOT / "tools").glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("name", TOOLS)
def test_every_tool_is_a_module_of_the_tools_package(name):
    module = importlib.import_module(f"tools.{name}")
    assert module.__doc__, f"tools/{name}.py: say what it does (and how to run it) in its docstring"
    source = (ROOT / "tools" / f"{name}.py").read_text(encoding="utf-8")
    assert f"python tools/{name}.py" not in source, "run it as `python -m tools.<name>`"


def test_a_tool_runs_with_python_m():
    proc = subprocess.run([sys.executable, "-m", "tools.bilingual"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and "python -m tools.bilingual check" in proc.stdout
