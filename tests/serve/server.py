"""Start `docgen serve` in a process of its own, and learn its address from what it prints."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from docgen.project import Project


@contextmanager
def running_server(project: Project, *options: str,
                   port: int | None = 0) -> Iterator[tuple[subprocess.Popen, str]]:
    """Yield the server process and its address; stop it on the way out if still running."""
    command = [sys.executable, "-m", "docgen", "serve", "--content", str(project.content),
               "--templates", str(project.templates), "--output", str(project.output),
               *options]
    if port is not None:
        command += ["--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        first = process.stdout.readline()
        found = re.search(r"http://\S+", first)
        assert found, first + process.stderr.read()
        yield process, found.group(0)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=15)
