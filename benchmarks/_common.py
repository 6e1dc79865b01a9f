"""What both benchmarks share: the worker-process protocol and the description of the machine."""
from __future__ import annotations

import contextlib
import datetime
import json
import os
import platform
import subprocess

import numpy as np


class Worker:
    """One implementation in its own process, driven line by line: a command in, one JSON line out."""

    def __init__(self, name, cmd):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.name = name

    def ask(self, cmd=None):
        if cmd is not None:
            self.proc.stdin.write(cmd + "\n")
            self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the {self.name} worker stopped (exit code {self.proc.wait()})")
        return json.loads(line)


def machine_info():
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError, StopIteration):
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    info = {"date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "cpu": cpu, "cores": os.cpu_count(),
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "numpy": np.__version__}
    with contextlib.suppress(Exception):
        from threadpoolctl import threadpool_info
        info["blas"] = ", ".join(f"{i['internal_api']} {i['version']}" for i in threadpool_info()
                                 if i["user_api"] == "blas")
    return info


def load_average():
    """The 1-minute load average (NaN where the system does not report it)."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
