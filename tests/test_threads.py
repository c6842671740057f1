"""The library can be called from several threads at once, as a web server would.

Two full builds run at the same time in one process: each result is complete and
byte-identical to a build made alone, and no library call changes anything that the
whole process shares (umask, garbage collector, signal handlers, working folder).
"""

from __future__ import annotations

import gc
import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.synthetic import write as write_synthetic
from docgen.build import build, check
from docgen.project import Project
from docgen.workers import ExecutorWorkers
from tests.support.trees import TEMPLATES, snapshot

COUNT = 6


def process_state() -> dict[str, object]:
    """Return what the whole process shares, read without changing it."""
    umask = next(line.split()[1] for line in Path("/proc/self/status").read_text().splitlines()
                 if line.startswith("Umask:"))
    return {"umask": umask, "cwd": os.getcwd(), "gc enabled": gc.isenabled(),
            "gc thresholds": gc.get_threshold(), "gc frozen": gc.get_freeze_count(),
            "SIGINT": signal.getsignal(signal.SIGINT),
            "SIGTERM": signal.getsignal(signal.SIGTERM)}


def in_threads(*calls):
    """Run the calls at once, each in its own thread; return their results in order."""
    results: list[object] = [None] * len(calls)
    errors: list[BaseException] = []
    start = threading.Barrier(len(calls))

    def run(index: int) -> None:
        try:
            start.wait()
            results[index] = calls[index]()
        except BaseException as error:  # noqa: BLE001 - re-raised in the main thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


@pytest.mark.parametrize("shared_executor", [False, True],
                         ids=["each in its thread", "through one thread pool"])
def test_two_builds_at_once_in_two_threads_write_what_one_build_alone_writes(
        tmp_path, shared_executor):
    write_synthetic(tmp_path, COUNT)
    content = tmp_path / "content"
    alone = build(Project(content, TEMPLATES, tmp_path / "alone"))
    expected = snapshot(tmp_path / "alone")
    before = process_state()

    with ThreadPoolExecutor(2) as pool:
        workers = ExecutorWorkers(pool) if shared_executor else None
        first, second = in_threads(
            lambda: build(Project(content, TEMPLATES, tmp_path / "first"), workers=workers),
            lambda: build(Project(content, TEMPLATES, tmp_path / "second"), workers=workers))

    assert process_state() == before
    for result, folder in ((first, "first"), (second, "second")):
        assert len(result.written) == len(alone.written) == COUNT
        assert result.findings == alone.findings
        assert snapshot(tmp_path / folder) == expected


def test_checks_in_two_threads_find_what_one_check_finds(tmp_path):
    write_synthetic(tmp_path, COUNT)
    project = Project(tmp_path / "content", TEMPLATES, tmp_path / "never-written")
    alone = check(project)
    before = process_state()

    results = in_threads(lambda: check(project), lambda: check(project))

    assert process_state() == before
    assert [result.findings for result in results] == [alone.findings, alone.findings]
    assert not project.output.exists()
