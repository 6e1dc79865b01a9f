import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "datasets"


def mnist_root():
    """The folder holding mnist/: $NN_CORE_DATA_DIR (CI sets it), else ../shared/datasets."""
    env = os.environ.get("NN_CORE_DATA_DIR")
    root = Path(env) if env else SHARED_DATA
    return root if (root / "mnist").is_dir() else None


@pytest.fixture(scope="session")
def mnist_dir():
    root = mnist_root()
    if root is None:
        pytest.skip("full MNIST not available: set NN_CORE_DATA_DIR to a folder with mnist/ in it")
    return root
