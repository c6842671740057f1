"""The docgen program's worker processes, and its garbage-collector policy around them.

The program (docgen.cli) creates its workers here and passes them to the library,
which never starts processes or touches the collector itself (docgen.workers). Each
task run gets its own pool of processes, forked where the system allows it, so that
they inherit what the run shares (the resolved documents, the loaded templates)
instead of receiving it pickled: pickling a document costs more than rendering it.
The shared value reaches the workers as the pool's initializer argument, which a fork
hands over in memory; only the worker processes keep it, in their own module state.
Where the system cannot fork (Windows), it is pickled once per worker.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from typing import Any

from docgen.workers import InThisThread, Task, TaskRun


def default_jobs() -> int:
    """Return how many processes to use by default: one per core docgen may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """Return whether worker processes can inherit this one's memory."""
    return "fork" in multiprocessing.get_all_start_methods()


class ProcessWorkers:
    """The program's workers: up to `jobs` processes per task run, or this thread."""

    def __init__(self, jobs: int | None = None):
        self.jobs = jobs or default_jobs()

    def run(self, task: Task, shared: Any, count: int, *, per_worker: int = 1) -> TaskRun[Any]:
        """Return the run of `task` over `count` items: in processes when each of them
        gets at least `per_worker` items, else in this thread."""
        workers = min(self.jobs, count // max(1, per_worker))
        if workers <= 1:
            return _CollectingInThisThread(task, shared, count)
        return _ProcessRun(task, shared, count, workers)


@contextmanager
def worker_pool(jobs: int | None = None) -> Iterator[ProcessWorkers]:
    """Yield the workers the program's commands hand to the library: `jobs` processes
    (default: one per core); processes start only when a task run needs them."""
    yield ProcessWorkers(jobs)


class _ProcessRun:
    """A task run in a pool of processes of its own, started on entry."""

    def __init__(self, task: Task, shared: Any, count: int, workers: int):
        self.task = task
        self.shared = shared
        self.count = count
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._futures: dict[Future[Any], int] = {}

    def __enter__(self) -> _ProcessRun:
        context = multiprocessing.get_context("fork" if can_fork() else "spawn")
        self._pool = ProcessPoolExecutor(self.workers, mp_context=context,
                                         initializer=_start_worker, initargs=(self.shared,))
        self._futures = {self._pool.submit(_run_task, self.task, index): index
                         for index in range(self.count)}
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def results(self, on_done: Callable[[int], None] | None = None) -> list[Any]:
        """Return every task's result in index order; `on_done` counts them done."""
        outcomes: list[Any] = [None] * self.count
        for done, future in enumerate(as_completed(self._futures), start=1):
            outcomes[self._futures[future]] = future.result()  # raises a worker's error
            if on_done:
                on_done(done)
        return outcomes


# What the current task run shares, in a worker process only: set by the pool's
# initializer; the program's own process never sets it.
_shared: Any = None


def _start_worker(shared: Any) -> None:
    """Set up a worker process and keep what its task run shares."""
    global _shared
    _shared = shared
    start_worker()


def _run_task(task: Task, index: int) -> Any:
    return task(_shared, index)


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
    # shared with the main process); what its tasks leave behind is collected.
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


class _CollectingInThisThread(InThisThread[Any]):
    """A task run in this thread that collects only the garbage its tasks leave.

    docgen runs with the collector off (see docgen.__main__); rendering leaves cycles
    behind (python-docx objects point back at their parents), so without collection
    memory would grow by a few megabytes per document. What exists before the run is
    frozen out of the collector's sight, so its passes stay short.
    """

    def results(self, on_done: Callable[[int], None] | None = None) -> list[Any]:
        was_enabled, thresholds = gc.isenabled(), gc.get_threshold()
        gc.freeze()
        _collect_rarely()
        try:
            return super().results(on_done)
        finally:
            gc.set_threshold(*thresholds)
            if not was_enabled:
                gc.disable()
            gc.unfreeze()
