"""The docgen program's worker processes, and its garbage-collector policy around them.

The program (docgen.cli) creates its executors here; the library reads only
default_jobs, to cut work into shares. The library never starts processes and never
changes the collector: its functions take an executor, or run in the calling
thread, so that a web server or a test can call them from any thread. The program
chooses here how work is spread (a process pool forked where the system allows it,
else spawned; or this thread with --jobs 1) and how the collector runs meanwhile.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any


def default_jobs() -> int:
    """Return how many processes to use by default: one per core docgen may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """Return whether worker processes can be forked (and so start at once)."""
    return "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def worker_pool(jobs: int | None = None) -> Iterator[Executor]:
    """Yield the executor the program's commands hand to the library: `jobs` processes
    (default: one per core), or this thread for one job. Processes start only when the
    first work is submitted, so a run answered from the manifest starts none."""
    workers = jobs or default_jobs()
    if workers <= 1:
        yield InThisThread()
        return
    context = multiprocessing.get_context("fork" if can_fork() else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def start_worker() -> None:
    """Set up a worker process: interrupts are for the main process, which stops the
    pool and cleans up; the worker ends when the main process does; and the collector
    looks only at what the worker's tasks leave behind.

    A docgen killed outright (SIGKILL, a closed terminal) cannot stop its workers; left
    alone they would wait forever on a queue their siblings keep open, holding the
    terminal's output open with them.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # What the worker inherited stays out of the collector's sight (and its pages
    # shared with the main process); what rendering leaves behind is collected.
    gc.freeze()
    _collect_rarely()
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(1)

    threading.Thread(target=watch, name="docgen-exit-with-parent", daemon=True).start()


def _collect_rarely() -> None:
    # A document's garbage is a few hundred thousand objects: collecting the youngest
    # generation every 700 new objects, as Python does, would cost a fifth of a render.
    gc.set_threshold(50_000, 20, 20)
    gc.enable()


class InThisThread(Executor):
    """Run each task at once in the calling thread, collecting only its new garbage.

    docgen runs with the collector off (see docgen.__main__); rendering leaves cycles
    behind (python-docx objects point back at their parents), so without collection
    memory would grow by a few megabytes per document. What exists before a task is
    frozen out of the collector's sight, so its passes stay short.
    """

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        was_enabled, thresholds = gc.isenabled(), gc.get_threshold()
        gc.freeze()
        _collect_rarely()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            if not isinstance(error, Exception):
                raise
            future.set_exception(error)
        finally:
            gc.set_threshold(*thresholds)
            if not was_enabled:
                gc.disable()
            gc.unfreeze()
        return future
