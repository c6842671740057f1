"""Spread independent work over the machine's cores.

Used where a stage does the same thing to many files: parsing content, rendering
documents. Processes are forked, so the work needs nothing sent to it but its
arguments; where the system cannot fork (Windows), the work runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def default_jobs() -> int:
    """Return how many processes to use by default: one per core docgen may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """Return whether worker processes can inherit this one's memory."""
    return "fork" in multiprocessing.get_all_start_methods()


def start_worker() -> None:
    """Set up a worker process: interrupts are for the main process, which stops the
    pool and cleans up; and the worker ends when the main process does.

    A docgen killed outright (SIGKILL, a closed terminal) cannot stop its workers; left
    alone they would wait forever on a queue their siblings keep open, holding the
    terminal's output open with them.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(1)

    threading.Thread(target=watch, name="docgen-exit-with-parent", daemon=True).start()


def map_in_parallel(function: Callable[[Item], Result], items: Sequence[Item], *,
                    min_per_worker: int, jobs: int | None = None) -> list[Result]:
    """Return [function(item) for item in items], computed by several processes when
    there are at least `min_per_worker` items for each.

    `function` must be a module-level function; what it returns travels pickled.
    """
    workers = min(jobs or default_jobs(), len(items) // max(1, min_per_worker))
    if workers <= 1 or not can_fork():
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker) as pool:
        chunk = max(1, len(items) // (workers * 4))
        return list(pool.map(function, items, chunksize=chunk))
