"""Find LibreOffice processes that this test run's docgen started and did not stop.

Only this run's own processes count: other docgen builds on the same machine (a
developer's `docgen build --pdf` while the tests run) start LibreOffice too. Every
process this run starts inherits RUN_MARK in its environment, docgen's LibreOffice and
its worker included, so a process is this run's for certain when its environment
holds the mark.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from docgen.render.libreoffice import PIPE_PREFIX

RUN_VARIABLE = "DOCGEN_TEST_RUN"
RUN_MARK = os.environ.setdefault(RUN_VARIABLE, uuid.uuid4().hex)


def leftover_libreoffice(mark: str = RUN_MARK) -> list[str]:
    """Return the command lines of the LibreOffice processes that docgen started under
    `mark` (this test run, by default) and did not stop."""
    wanted = f"{RUN_VARIABLE}={mark}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = ((entry / "cmdline").read_bytes().replace(b"\0", b" ")
                       .decode(errors="replace"))
            if PIPE_PREFIX not in command:
                continue
            environment = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue  # it ended meanwhile, or is not ours to read
        if wanted in environment:
            found.append(command)
    return found
