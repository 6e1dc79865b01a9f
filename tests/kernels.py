"""Jupyter kernels for the tests, on Unix sockets (ZeroMQ's ``ipc`` transport) instead of TCP ports.

With TCP, jupyter_client picks five free ports, writes them to the connection file and closes
them; the kernel binds them a moment later. With three pytest workers starting kernels at once,
another process can take such a port in between: the kernel dies with "Address already in use"
and the client waits on it forever (seen once in about 230 kernel starts of `make test`, a CI run
that never ended). A socket file in a folder of this process's own cannot be taken by anyone else.

tests/test_reader_envs.py starts the reader environments' kernels with ``IpcKernelManager`` (as
many kernel starts as nbval's, and the one that hung). nbval's kernels stay on TCP: nbval reads a
cell's output messages only after the cell has finished, and the few hundred KB a Unix socket
buffers (TCP buffers megabytes) overflowed during a 2½-minute training cell (its progress bars send
thousands of messages): ZeroMQ dropped the rest, the final "idle" among them, and nbval failed the
cell with "Timeout of 5 seconds exceeded waiting for output".
"""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid

from jupyter_client import KernelManager

_folder: str | None = None


def socket_prefix() -> str:
    """A new path prefix for one kernel's five sockets (``<prefix>-<n>``), in a short private folder
    (a Unix socket path must stay under 108 bytes) removed when this process ends."""
    global _folder
    if _folder is None:
        _folder = tempfile.mkdtemp(prefix="nn-kernels-", dir="/tmp" if os.path.isdir("/tmp") else None)
        atexit.register(shutil.rmtree, _folder, True)
    return os.path.join(_folder, uuid.uuid4().hex[:12])


class IpcKernelManager(KernelManager):
    """A KernelManager whose kernel listens on Unix sockets of its own (see the module's docstring)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("transport", "ipc")
        kwargs.setdefault("ip", socket_prefix())
        super().__init__(**kwargs)
