"""Find and end the LibreOffice that an earlier docgen started and could not stop.

A docgen killed with SIGKILL (or by a power cut of its terminal) cannot stop its
LibreOffice: oosplash and soffice.bin keep running, some 200 MB, and the private
profile stays in the temporary folder. So each session records, in its profile folder,
who started it: the pid and start time of its docgen and the pipe name its processes
were started with (a random name, on their command lines). A later session ends the
processes of a profile only when that record says they are docgen's for certain, and
its docgen is gone: no other pid reuses that pid with the same start time. Profiles of
a docgen that still runs, and folders without a record, are left alone.

This reads /proc, so it works on Linux; elsewhere nothing is cleaned up.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import tempfile
import time
from pathlib import Path

PROFILE_PREFIX = "docgen-libreoffice-"
OWNER_FILE = "docgen-owner.json"
_PROC = Path("/proc")


def process_start(pid: int) -> str | None:
    """Return when process `pid` started (clock ticks since boot), or None if it is gone."""
    try:
        stat = (_PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces.
    return stat.rsplit(")", 1)[1].split()[19]


def record_owner(profile: Path, pipe: str) -> None:
    """Record in `profile` that this process started the LibreOffice using `pipe`."""
    owner = {"pid": os.getpid(), "started": process_start(os.getpid()), "pipe": pipe}
    (profile / OWNER_FILE).write_text(json.dumps(owner), encoding="utf-8")


def end_leftovers(folder: Path | None = None) -> list[int]:
    """End the LibreOffice processes of every profile in `folder` (the temporary folder)
    whose docgen is gone, and remove those profiles; return the pids ended."""
    if not _PROC.is_dir():
        return []
    ended: list[int] = []
    for profile in sorted(Path(folder or tempfile.gettempdir()).glob(f"{PROFILE_PREFIX}*")):
        try:
            owner = json.loads((profile / OWNER_FILE).read_text(encoding="utf-8"))
            pid, started, pipe = int(owner["pid"]), owner["started"], str(owner["pipe"])
        except (OSError, ValueError, KeyError, TypeError):
            continue  # not recorded (yet): it may be another docgen's, starting now
        if started is not None and process_start(pid) == started:
            continue  # its docgen still runs
        pids = _processes_using(pipe)
        for process in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(process, signal.SIGKILL)
        _wait_gone(pids)
        ended += pids
        shutil.rmtree(profile, ignore_errors=True)
    return ended


def _processes_using(pipe: str) -> list[int]:
    """Return the processes whose command line names the pipe `pipe`."""
    found = []
    wanted = pipe.encode()
    for entry in _PROC.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            arguments = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(argument == wanted or f"name={pipe};".encode() in argument
               for argument in arguments):
            found.append(int(entry.name))
    return found


def _wait_gone(pids: list[int], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(process_start(pid) for pid in pids):
        time.sleep(0.05)
