"""Data sets used in the book: XOR and sin(x) (Part 1), Iris and MNIST (Part 2).

MNIST is read from the four official IDX files, never unpickled. Each file's
decompressed bytes are checked against its official SHA-256 before any of it is
used. Files are looked up (and downloaded to) ``<data dir>/mnist/``; the data
directory is ``$NN_CORE_DATA_DIR`` if set, else ``$XDG_CACHE_HOME/nn_core`` or
``~/.cache/nn_core``.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np

from ._validation import positive_int

DATA_DIR_ENV = "NN_CORE_DATA_DIR"

# SHA-256 of the *decompressed* IDX files: the same whichever gzip produced the .gz.
MNIST_FILES = {
    "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}
MNIST_MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
)

IRIS_FEATURES = ("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)")
IRIS_CLASSES = ("setosa", "versicolor", "virginica")


class DatasetError(RuntimeError):
    """A data set could not be found, downloaded or verified. The message says what to do."""


# -- small data sets ---------------------------------------------------------------

def make_xor():
    """The XOR truth table. Returns X: (4, 2), y: (4, 1), both float64."""
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
    y = np.array([[0], [1], [1], [0]], dtype=np.float64)
    return X, y


def make_sin(n_samples=200, *, low=-3.0, high=3.0, seed=None):
    """Part 1's sin(x) > 0 task: x ~ U(low, high), label 1 where sin(x) > 0.

    Returns X: (n_samples, 1), y: (n_samples, 1). seed=None draws from NumPy's
    global generator, as Part 1 does.
    """
    n_samples = positive_int(n_samples, "n_samples")
    if not low < high:
        raise ValueError(f"low must be smaller than high; got low={low}, high={high}")
    rng = np.random.mtrand._rand if seed is None else np.random.RandomState(seed)
    X = rng.uniform(low, high, (n_samples, 1))
    y = (np.sin(X) > 0).astype(np.float64)
    return X, y


def load_iris():
    """The 150 Iris flowers (scikit-learn ships them). Returns X: (150, 4) float64, y: (150,) in {0, 1, 2}."""
    from sklearn.datasets import load_iris as _load

    iris = _load()
    return iris.data.astype(np.float64), iris.target.astype(np.intp)


# -- MNIST --------------------------------------------------------------------------

def data_dir(path=None) -> Path:
    """Where data sets are cached: ``path``, else $NN_CORE_DATA_DIR, else the user cache."""
    if path is None:
        path = os.environ.get(DATA_DIR_ENV)
    if not path:
        cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        path = Path(cache) / "nn_core"
    return Path(path).expanduser()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_verified(name: str, folder: Path) -> bytes | None:
    """The decompressed bytes of ``name`` found in folder (.gz or raw), verified; None if absent."""
    for candidate in (folder / (name + ".gz"), folder / name):
        if not candidate.exists():
            continue
        try:
            raw = gzip.decompress(candidate.read_bytes()) if candidate.suffix == ".gz" else candidate.read_bytes()
        except (OSError, EOFError, gzip.BadGzipFile) as err:
            raise DatasetError(f"{candidate} is corrupt or truncated ({err}). Delete it and run again to "
                               "download a fresh copy.") from err
        if _sha256(raw) != MNIST_FILES[name]:
            raise DatasetError(f"{candidate} does not match the official MNIST file (SHA-256 mismatch: "
                               "corrupt, truncated or a different data set). Delete it and run again to "
                               "download a fresh copy.")
        return raw
    return None


def _download(url: str, dest: Path, progress: bool) -> None:
    """Download url to dest through a temporary file, with a progress bar."""
    tmp = tempfile.NamedTemporaryFile(dir=dest.parent, prefix=dest.name, suffix=".part", delete=False)
    try:
        with urllib.request.urlopen(url, timeout=30) as response, tmp:
            total = int(response.headers.get("Content-Length") or 0) or None
            bar = None
            if progress:
                from tqdm.auto import tqdm
                bar = tqdm(total=total, unit="B", unit_scale=True, desc=dest.name, file=sys.stderr)
            while chunk := response.read(1 << 16):
                tmp.write(chunk)
                if bar is not None:
                    bar.update(len(chunk))
            if bar is not None:
                bar.close()
        os.replace(tmp.name, dest)
    finally:
        if os.path.exists(tmp.name):
            os.unlink(tmp.name)


def _fetch(name: str, folder: Path, mirrors, progress: bool) -> bytes:
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / (name + ".gz")
    errors = []
    for base in mirrors:
        url = base + name + ".gz"
        try:
            _download(url, dest, progress)
        except (urllib.error.URLError, OSError, ValueError) as err:
            errors.append(f"{url}: {getattr(err, 'reason', err)}")
            continue
        try:
            return _read_verified(name, folder)
        except DatasetError as err:
            dest.unlink(missing_ok=True)  # never keep a bad download
            errors.append(f"{url}: downloaded file failed verification ({err})")
    tried = "\n  ".join(errors)
    raise DatasetError(
        f"Could not download MNIST file {name}.gz into {folder}.\n  {tried}\n"
        "What to do:\n"
        "  - If you are offline: connect and run again; the files are downloaded once and then cached.\n"
        f"  - Or copy the four files {', '.join(n + '.gz' for n in MNIST_FILES)} into {folder}\n"
        f"    (or set {DATA_DIR_ENV} to a folder that has them in a 'mnist' subfolder).")


def _parse_idx(raw: bytes, name: str) -> np.ndarray:
    """IDX format: magic (0, 0, dtype 0x08 = uint8, ndim), ndim big-endian uint32 sizes, then data."""
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] != 0x08:
        raise DatasetError(f"{name} is not an IDX file of unsigned bytes")
    ndim = raw[3]
    header = 4 + 4 * ndim
    shape = tuple(int(d) for d in np.frombuffer(raw, dtype=">u4", count=ndim, offset=4))
    if len(raw) != header + int(np.prod(shape)):
        raise DatasetError(f"{name} has {len(raw) - header} data bytes but its header promises shape {shape}")
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(shape)


def load_mnist(path=None, *, download=True, normalize=True, flatten=True, dtype=np.float32,
               progress=True, mirrors=MNIST_MIRRORS):
    """Load MNIST: 60,000 training and 10,000 test images of handwritten digits.

    Returns (X_train, y_train), (X_test, y_test). With the defaults, X: (m, 784)
    float32 in [0, 1] (``normalize=False`` keeps 0–255; ``flatten=False`` keeps
    (m, 28, 28)); y: (m,) integers 0–9. Files are read from ``<data dir>/mnist``
    and downloaded there if missing (``download=False`` forbids it).
    """
    if normalize and not np.issubdtype(np.dtype(dtype), np.floating):
        raise ValueError(f"normalize=True needs a floating dtype; got {np.dtype(dtype)}")
    folder = data_dir(path) / "mnist"
    arrays = {}
    for name in MNIST_FILES:
        raw = _read_verified(name, folder)
        if raw is None:
            if not download:
                raise DatasetError(f"MNIST file {name}(.gz) is not in {folder} and download=False. Copy the "
                                   f"four MNIST files there or set {DATA_DIR_ENV} to a folder with a 'mnist' "
                                   "subfolder that has them.")
            raw = _fetch(name, folder, mirrors, progress)
        arrays[name] = _parse_idx(raw, name)

    def images(name):
        X = arrays[name]
        if flatten:
            X = X.reshape(len(X), -1)
        X = X.astype(dtype)
        if normalize:
            X /= 255.0
        return X

    def labels(name):
        return arrays[name].astype(np.intp)

    return ((images("train-images-idx3-ubyte"), labels("train-labels-idx1-ubyte")),
            (images("t10k-images-idx3-ubyte"), labels("t10k-labels-idx1-ubyte")))
