"""Find LibreOffice processes that docgen started and did not stop."""

from __future__ import annotations

from pathlib import Path

from docgen.render.libreoffice import PIPE_PREFIX


def leftover_libreoffice() -> list[str]:
    """Return the command lines of LibreOffice processes docgen started and did not stop."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if PIPE_PREFIX in command:
                found.append(command)
    return found
