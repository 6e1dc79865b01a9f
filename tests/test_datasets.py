import gzip
import hashlib
import shutil

import numpy as np
import pytest

import nn_core
from nn_core import DatasetError, data_dir, load_iris, load_mnist, make_sin, make_xor
from nn_core.datasets import MNIST_FILES


def test_xor_and_sin():
    X, y = make_xor()
    assert X.shape == (4, 2) and y.ravel().tolist() == [0, 1, 1, 0]
    X, y = make_sin(50, seed=0)
    assert X.shape == y.shape == (50, 1)
    np.testing.assert_array_equal(y, np.sin(X) > 0)
    assert np.all((X >= -3) & (X <= 3))


def test_iris():
    X, y = load_iris()
    assert X.shape == (150, 4) and np.bincount(y).tolist() == [50, 50, 50]


def test_data_dir_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("NN_CORE_DATA_DIR", str(tmp_path))
    assert data_dir() == tmp_path
    monkeypatch.delenv("NN_CORE_DATA_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert data_dir() == tmp_path / "cache" / "nn_core"
    assert data_dir("/somewhere") == __import__("pathlib").Path("/somewhere")


def test_full_mnist(mnist_dir):
    (X_train, y_train), (X_test, y_test) = load_mnist(mnist_dir, download=False)
    assert X_train.shape == (60000, 784) and X_test.shape == (10000, 784)
    assert X_train.dtype == np.float32 and 0 <= X_train.min() and X_train.max() == 1.0
    assert np.bincount(y_train).tolist()[:3] == [5923, 6742, 5958]
    assert y_test[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    (raw, _), _ = load_mnist(mnist_dir, download=False, normalize=False, flatten=False, dtype=np.uint8)
    assert raw.shape == (60000, 28, 28) and raw.max() == 255


@pytest.fixture
def mnist_copy(mnist_dir, tmp_path):
    """A writable copy of the MNIST folder, to damage."""
    shutil.copytree(mnist_dir / "mnist", tmp_path / "mnist")
    return tmp_path


def test_truncated_file_is_reported_not_half_loaded(mnist_copy):
    f = mnist_copy / "mnist" / "t10k-labels-idx1-ubyte.gz"
    f.write_bytes(f.read_bytes()[:-100])
    with pytest.raises(DatasetError, match="t10k-labels-idx1-ubyte.gz is corrupt or truncated"):
        load_mnist(mnist_copy, download=False)


def test_wrong_content_fails_the_sha256(mnist_copy):
    f = mnist_copy / "mnist" / "t10k-labels-idx1-ubyte.gz"
    raw = bytearray(gzip.decompress(f.read_bytes()))
    raw[100] = (raw[100] + 1) % 10  # one label changed: a valid gzip, a valid IDX, the wrong data
    f.write_bytes(gzip.compress(bytes(raw)))
    with pytest.raises(DatasetError, match="SHA-256 mismatch"):
        load_mnist(mnist_copy, download=False)


def test_missing_file_without_download_says_what_to_do(tmp_path):
    with pytest.raises(DatasetError, match="NN_CORE_DATA_DIR"):
        load_mnist(tmp_path, download=False)


def test_uncompressed_files_are_accepted(mnist_copy):
    f = mnist_copy / "mnist" / "t10k-labels-idx1-ubyte.gz"
    (mnist_copy / "mnist" / "t10k-labels-idx1-ubyte").write_bytes(gzip.decompress(f.read_bytes()))
    f.unlink()
    (_, _), (_, y_test) = load_mnist(mnist_copy, download=False)
    assert len(y_test) == 10000


def test_download_from_a_mirror_with_progress(mnist_dir, tmp_path, capsys):
    """A local file:// 'mirror' stands in for the web: nothing leaves the machine."""
    mirror = tmp_path / "mirror"
    shutil.copytree(mnist_dir / "mnist", mirror)
    (mirror / "t10k-labels-idx1-ubyte.gz").write_bytes(b"garbage")  # first mirror serves a bad file
    good = tmp_path / "mirror2"
    shutil.copytree(mnist_dir / "mnist", good)
    cache = tmp_path / "cache"
    (_, y_train), (_, y_test) = load_mnist(cache, mirrors=(mirror.as_uri() + "/", good.as_uri() + "/"))
    assert len(y_train) == 60000 and len(y_test) == 10000
    for name, digest in MNIST_FILES.items():
        stored = (cache / "mnist" / (name + ".gz")).read_bytes()
        assert hashlib.sha256(gzip.decompress(stored)).hexdigest() == digest
    assert "t10k-labels-idx1-ubyte.gz" in capsys.readouterr().err  # the progress bar
    assert not list((cache / "mnist").glob("*.part"))


def test_offline_error_says_what_to_do(tmp_path):
    dead = (tmp_path / "nowhere").as_uri() + "/"
    with pytest.raises(DatasetError) as info:
        load_mnist(tmp_path / "cache", mirrors=(dead,), progress=False)
    message = str(info.value)
    assert "Could not download MNIST file" in message and "If you are offline" in message
    assert str(tmp_path / "cache" / "mnist") in message
    assert not list((tmp_path / "cache" / "mnist").iterdir())  # nothing half-written left behind


def test_bad_arguments():
    with pytest.raises(ValueError, match="normalize=True needs a floating dtype"):
        load_mnist("/nonexistent", dtype=np.uint8)
    with pytest.raises(ValueError, match="n_samples must be a positive integer"):
        make_sin(0)


def test_public_api_is_importable_from_the_top_level():
    for name in nn_core.__all__:
        assert hasattr(nn_core, name), name


# -- Fashion-MNIST: the same loader as MNIST, its own files and hashes -----------------------

from nn_core import FASHION_MNIST_CLASSES, load_fashion_mnist  # noqa: E402
from nn_core import datasets as _datasets  # noqa: E402


def test_full_fashion_mnist(fashion_dir):
    (X_train, y_train), (X_test, y_test) = load_fashion_mnist(fashion_dir, download=False, progress=False)
    assert X_train.shape == (60000, 784) and X_test.shape == (10000, 784)
    assert X_train.dtype == np.float32 and 0 <= X_train.min() and X_train.max() == 1.0
    assert np.bincount(y_train).tolist() == [6000] * 10 and np.bincount(y_test).tolist() == [1000] * 10
    assert y_test[:10].tolist() == [9, 2, 1, 1, 6, 1, 4, 6, 5, 7]
    assert [FASHION_MNIST_CLASSES[k] for k in y_test[:3]] == ["Ankle boot", "Pullover", "Trouser"]


def test_fashion_mnist_classes_and_official_mirrors():
    assert len(FASHION_MNIST_CLASSES) == 10 and FASHION_MNIST_CLASSES[0] == "T-shirt/top"
    assert _datasets.FASHION_MNIST_MIRRORS[0].startswith("https://raw.githubusercontent.com/zalandoresearch/")
    assert set(_datasets.FASHION_MNIST_FILES) == set(MNIST_FILES)  # same file names, other contents
    assert not set(_datasets.FASHION_MNIST_FILES.values()) & set(MNIST_FILES.values())


def _idx(array):
    """The IDX bytes of a uint8 array: magic 0 0 8 ndim, the sizes as big-endian uint32, the data."""
    return bytes([0, 0, 8, array.ndim]) + np.array(array.shape, dtype=">u4").tobytes() + array.tobytes()


@pytest.fixture
def tiny_fashion(tmp_path, monkeypatch):
    """A tiny stand-in for Fashion-MNIST in tmp_path/fashion-mnist (5 training and 3 test images),
    whose SHA-256 hashes are made the 'official' ones for the test."""
    rng = np.random.default_rng(0)
    arrays = {"train-images-idx3-ubyte": rng.integers(0, 256, (5, 28, 28), dtype=np.uint8),
              "train-labels-idx1-ubyte": rng.integers(0, 10, 5, dtype=np.uint8),
              "t10k-images-idx3-ubyte": rng.integers(0, 256, (3, 28, 28), dtype=np.uint8),
              "t10k-labels-idx1-ubyte": rng.integers(0, 10, 3, dtype=np.uint8)}
    folder = tmp_path / "fashion-mnist"
    folder.mkdir()
    hashes = {}
    for name, array in arrays.items():
        raw = _idx(array)
        hashes[name] = hashlib.sha256(raw).hexdigest()
        (folder / (name + ".gz")).write_bytes(gzip.compress(raw))
    monkeypatch.setattr(_datasets, "FASHION_MNIST_FILES", hashes)
    return tmp_path, arrays


def test_tiny_fashion_files_load(tiny_fashion):
    root, arrays = tiny_fashion
    (X, y), (X_test, y_test) = load_fashion_mnist(root, download=False)
    assert X.shape == (5, 784) and X_test.shape == (3, 784) and X.dtype == np.float32
    np.testing.assert_allclose(X, arrays["train-images-idx3-ubyte"].reshape(5, -1) / 255.0, rtol=1e-6)
    np.testing.assert_array_equal(y_test, arrays["t10k-labels-idx1-ubyte"])
    (raw, _), _ = load_fashion_mnist(root, download=False, normalize=False, flatten=False, dtype=np.uint8)
    np.testing.assert_array_equal(raw, arrays["train-images-idx3-ubyte"])


def test_tiny_fashion_truncated_file_is_reported(tiny_fashion):
    root, _ = tiny_fashion
    f = root / "fashion-mnist" / "train-labels-idx1-ubyte.gz"
    f.write_bytes(f.read_bytes()[:-6])
    with pytest.raises(DatasetError, match="train-labels-idx1-ubyte.gz is corrupt or truncated"):
        load_fashion_mnist(root, download=False)


def test_tiny_fashion_tampered_file_fails_the_sha256(tiny_fashion):
    root, arrays = tiny_fashion
    labels = arrays["t10k-labels-idx1-ubyte"].copy()
    labels[1] = (labels[1] + 1) % 10  # a valid gzip of a valid IDX file: only the hash can tell
    (root / "fashion-mnist" / "t10k-labels-idx1-ubyte.gz").write_bytes(gzip.compress(_idx(labels)))
    with pytest.raises(DatasetError, match="does not match the official Fashion-MNIST file \\(SHA-256 mismatch"):
        load_fashion_mnist(root, download=False)


def test_tiny_fashion_header_that_lies_is_reported(tiny_fashion, monkeypatch):
    root, arrays = tiny_fashion
    raw = bytearray(_idx(arrays["t10k-labels-idx1-ubyte"]))
    raw[7] = 4  # the header says 4 labels, the file has 3
    (root / "fashion-mnist" / "t10k-labels-idx1-ubyte.gz").write_bytes(gzip.compress(bytes(raw)))
    monkeypatch.setitem(_datasets.FASHION_MNIST_FILES, "t10k-labels-idx1-ubyte", hashlib.sha256(raw).hexdigest())
    with pytest.raises(DatasetError, match=r"has 3 data bytes but its header promises shape \(4,\)"):
        load_fashion_mnist(root, download=False)


def test_fashion_missing_without_download_says_what_to_do(tmp_path):
    with pytest.raises(DatasetError, match=r"Fashion-MNIST file train-images-idx3-ubyte\(.gz\) is not in "
                                           r".*fashion-mnist and download=False.*'fashion-mnist' subfolder"):
        load_fashion_mnist(tmp_path, download=False)


def test_fashion_download_from_a_mirror_with_progress(tiny_fashion, tmp_path, capsys):
    """file:// 'mirrors' stand in for the web: nothing leaves the machine."""
    root, arrays = tiny_fashion
    bad = tmp_path / "bad-mirror"
    shutil.copytree(root / "fashion-mnist", bad)
    (bad / "t10k-images-idx3-ubyte.gz").write_bytes(b"garbage")  # the first mirror serves a bad file
    cache = tmp_path / "cache"
    mirrors = (bad.as_uri() + "/", (root / "fashion-mnist").as_uri() + "/")
    (_, y), (X_test, _) = load_fashion_mnist(cache, mirrors=mirrors)
    assert len(y) == 5 and X_test.shape == (3, 784)
    assert sorted(p.name for p in (cache / "fashion-mnist").iterdir()) == sorted(n + ".gz" for n in arrays)
    assert "t10k-images-idx3-ubyte.gz" in capsys.readouterr().err  # the progress bar


def test_fashion_offline_error_says_what_to_do(tmp_path):
    dead = (tmp_path / "nowhere").as_uri() + "/"
    with pytest.raises(DatasetError) as info:
        load_fashion_mnist(tmp_path / "cache", mirrors=(dead,), progress=False)
    message = str(info.value)
    assert "Could not download Fashion-MNIST file train-images-idx3-ubyte.gz" in message
    assert "If you are offline" in message and "'fashion-mnist' subfolder" in message
    assert not list((tmp_path / "cache" / "fashion-mnist").iterdir())
