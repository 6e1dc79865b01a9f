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


# -- Order: the slowest work first ---------------------------------------------------------------
# `make test` spreads work over its workers by scope (--dist loadscope: a notebook, a test class, a
# module) in collection order (--no-loadscope-reorder; xdist would otherwise put the scopes with the
# most tests first, which left a CNN chapter of ~3 minutes to run alone at the end). The longest
# scopes go first, so that the workers end together: the CNN chapters of Part 3 (pinned nbval and
# reader environments), the browser tests, then the other training chapters; the rest after them.
SLOW_FIRST = ("p3-05", "p3-07", "test-browser", "p3-06", "p4-04", "p2-07", "p4-01", "p4-02", "test-book")


def _cost_rank(nodeid: str) -> int:
    scope = nodeid.rsplit("::", 1)[0].replace("_", "-")  # as xdist's loadscope: the file, or file::Class
    return next((k for k, key in enumerate(SLOW_FIRST) if key in scope), len(SLOW_FIRST))


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: _cost_rank(item.nodeid))  # stable: each scope stays whole and in order
