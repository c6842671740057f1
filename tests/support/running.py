"""Run docgen as a separate process, as a person would, with a time limit, and measure
how much memory it took."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Ran:
    """How a docgen process ended: exit code, what it printed, its peak memory."""

    code: int
    stdout: str
    stderr: str
    peak_mb: float
    """The largest resident set of the process and of the processes it waited for."""


def run_docgen(root: Path, *args: str, timeout: float = 60,
               env: dict[str, str] | None = None, address_space_mb: int | None = None) -> Ran:
    """Run `docgen args` in `root`; kill it and fail if it takes longer than `timeout`.

    With `address_space_mb`, it runs under that limit (as under `ulimit -v`), so that a
    runaway allocation fails that process and never the machine. A signal that ends it
    shows as 128 + the signal's number, as a shell shows it.
    """

    def limit() -> None:
        if address_space_mb is not None:
            size = address_space_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (size, size))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen([sys.executable, "-m", "docgen", *args], cwd=root,
                                   stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                   env=dict(os.environ, **(env or {})), preexec_fn=limit)
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                raise AssertionError(f"docgen {' '.join(args)} still ran after {timeout} s")
            time.sleep(0.02)
        process.returncode = 0  # reaped here; keep Popen from waiting for it again
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Ran(code if code >= 0 else 128 - code, out.read().decode("utf-8", "replace"),
                   err.read().decode("utf-8", "replace"), usage.ru_maxrss / 1024)
