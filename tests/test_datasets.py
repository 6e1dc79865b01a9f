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
