"""Data sets used in the book: XOR and sin(x) (Part 1), Iris and MNIST (Part 2), Fashion-MNIST (Part 3).

MNIST and Fashion-MNIST are read from their four official IDX files, never unpickled.
Each file's decompressed bytes are checked against its official SHA-256 before any of
it is used. Files are looked up (and downloaded to) ``<data dir>/mnist/`` and
``<data dir>/fashion-mnist/``; the data directory is ``$NN_CORE_DATA_DIR`` if set, else
``$XDG_CACHE_HOME/nn_core`` or ``~/.cache/nn_core``.
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

from ._runtime import generator
from ._validation import positive_int
from .i18n import tr

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

# Fashion-MNIST (Xiao, Rasul & Vollgraf, 2017; github.com/zalandoresearch/fashion-mnist), same
# file names and format as MNIST. SHA-256 of the *decompressed* IDX files, computed from the
# Debian package dataset-fashion-mnist (0.0~git20200523.55506a9-1) and matching the values that
# independent public loaders verify against the official downloads. The official README lists
# MD5s of the .gz files (train-images 8d4fb7e6c68d591d4c3dfef9ec88bf0d, train-labels
# 25c81989df183df01b3e8a0aad5dffbe, t10k-images bef4ecab320f06d8554ea6380940ec79, t10k-labels
# bb300cfdad3c16e7a12a480ee83cd310); those cover the compressed bytes, which change whenever a
# file is re-gzipped (Debian's are), so the decompressed SHA-256 is what we check.
FASHION_MNIST_FILES = {
    "train-images-idx3-ubyte": "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
    "train-labels-idx1-ubyte": "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
    "t10k-images-idx3-ubyte": "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
    "t10k-labels-idx1-ubyte": "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
}
# The two official sources: the data folder of the GitHub repository (HTTPS) and the S3
# bucket the README links to (HTTP only; the SHA-256 check makes that safe).
FASHION_MNIST_MIRRORS = (
    "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
    "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
)
FASHION_MNIST_CLASSES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                         "Bag", "Ankle boot")

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
    rng = generator(seed)
    X = rng.uniform(low, high, (n_samples, 1))
    y = (np.sin(X) > 0).astype(np.float64)
    return X, y


def load_iris():
    """The 150 Iris flowers (scikit-learn ships them). Returns X: (150, 4) float64, y: (150,) in {0, 1, 2}."""
    from sklearn.datasets import load_iris as _load

    iris = _load()
    return iris.data.astype(np.float64), iris.target.astype(np.intp)


# -- MNIST and Fashion-MNIST ------------------------------------------------------

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


def _read_verified(name: str, folder: Path, hashes=MNIST_FILES, label="MNIST") -> bytes | None:
    """The decompressed bytes of ``name`` found in folder (.gz or raw), verified against
    hashes[name]; None if absent. label names the data set in error messages."""
    for candidate in (folder / (name + ".gz"), folder / name):
        if not candidate.exists():
            continue
        try:
            raw = gzip.decompress(candidate.read_bytes()) if candidate.suffix == ".gz" else candidate.read_bytes()
        except (OSError, EOFError, gzip.BadGzipFile) as err:
            raise DatasetError(f"{candidate} is corrupt or truncated ({err}). Delete it and run again to "
                               "download a fresh copy.") from err
        if _sha256(raw) != hashes[name]:
            raise DatasetError(f"{candidate} does not match the official {label} file (SHA-256 mismatch: "
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


def _fetch(name: str, folder: Path, mirrors, progress: bool, hashes=MNIST_FILES, label="MNIST") -> bytes:
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / (name + ".gz")
    if progress:
        print(tr("downloading", name=name + ".gz", folder=folder), file=sys.stderr)
    errors = []
    for base in mirrors:
        url = base + name + ".gz"
        try:
            _download(url, dest, progress)
        except (urllib.error.URLError, OSError, ValueError) as err:
            errors.append(f"{url}: {getattr(err, 'reason', err)}")
            continue
        try:
            return _read_verified(name, folder, hashes, label)
        except DatasetError as err:
            dest.unlink(missing_ok=True)  # never keep a bad download
            errors.append(f"{url}: downloaded file failed verification ({err})")
    tried = "\n  ".join(errors)
    raise DatasetError(
        f"Could not download {label} file {name}.gz into {folder}.\n  {tried}\n"
        "What to do:\n"
        "  - If you are offline: connect and run again; the files are downloaded once and then cached.\n"
        f"  - Or copy the four files {', '.join(n + '.gz' for n in hashes)} into {folder}\n"
        f"    (or set {DATA_DIR_ENV} to a folder that has them in a '{folder.name}' subfolder).")


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
    return _load_idx_set("MNIST", "mnist", MNIST_FILES, path, download=download, normalize=normalize,
                         flatten=flatten, dtype=dtype, progress=progress, mirrors=mirrors)


def load_fashion_mnist(path=None, *, download=True, normalize=True, flatten=True, dtype=np.float32,
                       progress=True, mirrors=FASHION_MNIST_MIRRORS):
    """Load Fashion-MNIST: 60,000 training and 10,000 test images of clothing, 10 classes.

    Exactly like ``load_mnist`` (same shapes, options and checks), read from and cached in
    ``<data dir>/fashion-mnist``. Label k is the garment ``FASHION_MNIST_CLASSES[k]``.
    """
    return _load_idx_set("Fashion-MNIST", "fashion-mnist", FASHION_MNIST_FILES, path, download=download,
                         normalize=normalize, flatten=flatten, dtype=dtype, progress=progress, mirrors=mirrors)


def _load_idx_set(label, subfolder, hashes, path, *, download, normalize, flatten, dtype, progress, mirrors):
    """The loader behind load_mnist and load_fashion_mnist: four verified IDX files → two (X, y) pairs."""
    if normalize and not np.issubdtype(np.dtype(dtype), np.floating):
        raise ValueError(f"normalize=True needs a floating dtype; got {np.dtype(dtype)}")
    folder = data_dir(path) / subfolder
    arrays = {}
    for name in hashes:
        raw = _read_verified(name, folder, hashes, label)
        if raw is None:
            if not download:
                raise DatasetError(f"{label} file {name}(.gz) is not in {folder} and download=False. Copy the "
                                   f"four {label} files there or set {DATA_DIR_ENV} to a folder with a "
                                   f"'{subfolder}' subfolder that has them.")
            raw = _fetch(name, folder, mirrors, progress, hashes, label)
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
