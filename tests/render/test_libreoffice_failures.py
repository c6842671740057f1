"""LibreOffice that cannot be used is reported at once, with exit code 2; LibreOffice
that an earlier, killed docgen left running is ended by the next one.

Each case runs docgen as its own process with a time limit: these are the cases where
docgen used to wait, crash, or leave processes behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from docgen.render.libreoffice import PIPE_PREFIX
from tests.support.running import run_docgen
from tests.support.trees import demo_project

PDFS_NOT_WRITTEN = "docgen: the .docx files are written; the PDFs are not."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return demo_project(tmp_path / "project")


@pytest.mark.parametrize("written", ["nan", "inf", "-inf", "0", "-5", "soon"])
def test_a_timeout_that_is_not_a_number_of_seconds_is_refused(written, project, libreoffice):
    ran = run_docgen(project, "build", "--pdf", env={"DOCGEN_LIBREOFFICE_TIMEOUT": written})
    assert ran.stderr.splitlines() == [
        f"docgen: error: DOCGEN_LIBREOFFICE_TIMEOUT must be a number of seconds greater than "
        f"0, not '{written}'",
        "    hint: unset it, or set it to e.g. 180", PDFS_NOT_WRITTEN]
    assert ran.code == 2


def test_a_soffice_that_is_not_executable_is_refused(project, libreoffice, tmp_path):
    soffice = tmp_path / "soffice"
    soffice.write_text("#!/bin/sh\n", encoding="utf-8")
    soffice.chmod(0o644)
    ran = run_docgen(project, "build", "--pdf", env={"DOCGEN_SOFFICE": str(soffice)})
    assert ran.stderr.splitlines() == [
        f"docgen: error: DOCGEN_SOFFICE names {soffice}, which is not a program this user may "
        f"run",
        "    hint: point DOCGEN_SOFFICE at LibreOffice's soffice, or make the file executable "
        "(chmod +x)", PDFS_NOT_WRITTEN]
    assert ran.code == 2


def test_a_libreoffice_that_exits_at_once_is_reported_at_once(project, libreoffice, tmp_path):
    soffice = tmp_path / "soffice"
    soffice.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 1\n", encoding="utf-8")
    soffice.chmod(0o755)
    started = time.monotonic()
    ran = run_docgen(project, "build", "--pdf", timeout=60,
                     env={"DOCGEN_SOFFICE": str(soffice),
                          "DOCGEN_UNO_PYTHON": str(libreoffice.python)})
    assert time.monotonic() - started < 20
    lines = ran.stderr.splitlines()
    assert lines[0] == "docgen: error: LibreOffice did not start: it exited with exit code 1"
    assert lines[1].startswith("    hint: check that LibreOffice runs: soffice --headless "
                               "--version; it said: ")
    assert "cannot open display" in lines[1]
    assert ran.code == 2


def processes_of(docgen_pid: int) -> list[int]:
    """Return the processes started for the docgen whose pid is `docgen_pid`."""
    mark = f"{PIPE_PREFIX}{docgen_pid}_".encode()
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and mark in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def profiles_used_by(pids: list[int]) -> set[Path]:
    """Return the profile folders that the processes `pids` were started with."""
    found = set()
    for pid in pids:
        with contextlib.suppress(OSError):
            for argument in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0"):
                if argument.startswith(b"-env:UserInstallation=file://"):
                    found.add(Path(argument.decode()[len("-env:UserInstallation=file://"):]
                                   ).parent)
    return found


def test_the_next_run_ends_the_libreoffice_a_killed_run_left(project, libreoffice):
    killed = subprocess.Popen([sys.executable, "-m", "docgen", "pdf"], cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(processes_of(killed.pid)) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)  # oosplash, soffice.bin and the worker
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    left = processes_of(killed.pid)
    profiles = profiles_used_by(left)
    assert left and profiles, "the killed run's LibreOffice was not running"
    try:
        ran = run_docgen(project, "pdf", timeout=300)
        assert ran.code == 0, ran.stderr
        assert processes_of(killed.pid) == []
        assert [profile for profile in profiles if profile.exists()] == []
    finally:
        for pid in processes_of(killed.pid):
            os.kill(pid, signal.SIGKILL)
