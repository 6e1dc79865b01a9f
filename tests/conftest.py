import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "datasets"
#: Under CI a missing prerequisite (data, browser, library) fails; locally it skips, with the reason.
CI = os.environ.get("CI", "").lower() == "true"


def missing(reason: str, *, allow_module_level: bool = False):
    """A prerequisite is missing: fail under CI=true, skip (saying why) elsewhere."""
    if CI:
        pytest.fail(f"CI=true and a prerequisite is missing: {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=allow_module_level)


def importorfail(module: str, reason: str):
    """pytest.importorskip that fails under CI=true."""
    try:
        return __import__(module, fromlist=["_"])
    except ImportError:
        missing(f"{module} is not installed: {reason}", allow_module_level=True)


def data_root(name: str):
    """The folder holding ``name``/ (mnist, fashion-mnist): $NN_CORE_DATA_DIR (make sets it to .data/),
    else .data/ or ../shared/datasets; None when it is not there."""
    env = os.environ.get("NN_CORE_DATA_DIR")
    for root in ([Path(env)] if env else [ROOT / ".data", SHARED_DATA]):
        if (root / name).is_dir():
            return root
    return None


def mnist_root():
    return data_root("mnist")


@pytest.fixture(scope="session")
def mnist_dir():
    root = data_root("mnist")
    if root is None:
        missing("full MNIST not available: set NN_CORE_DATA_DIR to a folder with mnist/ in it (`make data`)")
    return root


@pytest.fixture(scope="session")
def fashion_dir():
    root = data_root("fashion-mnist")
    if root is None:
        missing("Fashion-MNIST not available: `apt-get install -y dataset-fashion-mnist`, then `make data`")
    return root


# -- Hypothesis ------------------------------------------------------------------------------
# No deadline: the first example of a test pays for imports and BLAS warm-up, and a 2-core machine
# shared with notebook runs is slow at random moments. Under CI the examples are derandomized
# (the same ones every run, so CI cannot go red by luck) and a failure prints the blob that
# reproduces it (@reproduce_failure).
from hypothesis import settings  # noqa: E402

settings.register_profile("nn_core", deadline=None)
settings.register_profile("nn_core-ci", parent=settings.get_profile("nn_core"), derandomize=True, print_blob=True)
settings.load_profile("nn_core-ci" if os.environ.get("CI") == "true" else "nn_core")




# -- Kernels ---------------------------------------------------------------------------------
# nbval's kernels listen on Unix sockets, not on TCP ports that another worker's kernel can take
# first (tests/kernels.py). nbval creates them with the KernelManager its kernel module imported.
try:
    import nbval.kernel
except ImportError:  # nbval is only needed for the notebooks
    pass
else:
    from kernels import IpcKernelManager

    nbval.kernel.KernelManager = IpcKernelManager
