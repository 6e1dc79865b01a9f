"""tests/kernels.py: the tests' kernels listen on Unix sockets of their own, nbval's included."""
import glob
import os

import nbval.kernel
from kernels import IpcKernelManager


def test_nbval_starts_its_kernels_on_unix_sockets():
    assert nbval.kernel.KernelManager is IpcKernelManager


def test_a_kernel_runs_on_its_own_socket_files():
    km, kc = nbval.kernel.start_new_kernel(startup_timeout=60, kernel_name="python3")
    try:
        assert km.transport == "ipc" and os.path.dirname(km.ip).startswith("/tmp/nn-kernels-")
        sockets = glob.glob(km.ip + "-*")
        assert len(sockets) == 5, sockets      # shell, iopub, stdin, control, heartbeat
        reply = kc.execute_interactive("x = 6 * 7", timeout=60)
        assert reply["content"]["status"] == "ok"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert glob.glob(km.ip + "-*") == []      # jupyter_client removes them with the kernel
