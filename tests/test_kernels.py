"""tests/kernels.py: the reader environments' kernels listen on Unix sockets of their own."""
import gc
import glob
import os
import warnings

import nbformat
from kernels import IpcKernelManager
from test_reader_envs import _kernel_manager, _run_chapter


def test_reader_environments_start_their_kernels_on_unix_sockets():
    km, _ = _kernel_manager("colab")
    assert isinstance(km, IpcKernelManager) and km.transport == "ipc"


def test_a_kernel_runs_on_its_own_socket_files():
    km = IpcKernelManager(kernel_name="python3")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        assert km.transport == "ipc" and os.path.basename(os.path.dirname(km.ip)).startswith("nn-kernels-")
        sockets = glob.glob(km.ip + "-*")
        assert len(sockets) == 5, sockets      # shell, iopub, stdin, control, heartbeat
        reply = kc.execute_interactive("x = 6 * 7", timeout=60)
        assert reply["content"]["status"] == "ok"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert glob.glob(km.ip + "-*") == []      # jupyter_client removes them with the kernel


def test_running_a_chapter_leaves_no_socket_open(tmp_path):
    """nbclient does not close the client it makes for a kernel manager passed in; _run_chapter does.
    Left to the garbage collector, its sockets warned in whatever test ran next (a widget test failed)."""
    chapter = tmp_path / "leak-check" / "tiny.ipynb"
    chapter.parent.mkdir()
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 6 * 7")]), chapter)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _run_chapter("colab", chapter, tmp_path)
        gc.collect()
    unclosed = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert unclosed == [], unclosed
