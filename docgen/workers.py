"""How the library spreads work: over the workers its caller passes, or in this thread.

A stage that does the same thing to many items (parse YAML files, render documents)
describes its work as a task run: one module-level function, applied to what the
items share and to each item's index. The library never starts processes itself and
changes nothing process-wide: the caller passes `Workers` (docgen.pool gives the
program's processes, which inherit what a run shares instead of receiving it
pickled), or None, and the run happens in the calling thread, as a web server or a
test calls it.

    with run_tasks(workers, render_one, (documents, templates), len(documents)) as run:
        ...                      # meanwhile the caller goes on (the checks run)
        rendered = run.results()
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from typing import Any, Generic, Protocol, TypeVar

Result = TypeVar("Result")
Task = Callable[[Any, int], Any]
"""A module-level function of (what the run shares, an item's index): it may travel to
another process by name."""


class TaskRun(Protocol[Result]):
    """Tasks under way: a context manager whose results() waits for them all.

    Leaving it early (an error, an interrupt) cancels what has not started.
    """

    def __enter__(self) -> TaskRun[Result]: ...

    def __exit__(self, *exc_info: object) -> None: ...

    def results(self, on_done: Callable[[int], None] | None = None) -> list[Result]:
        """Return every task's result in index order; `on_done` counts them done."""
        ...


class Workers(Protocol):
    """Where a caller lets the library run tasks: the program's processes, say."""

    def run(self, task: Task, shared: Any, count: int, *, per_worker: int = 1) -> TaskRun[Any]:
        """Return the run of `task` over indexes 0..count-1, on workers that each get at
        least `per_worker` tasks (fewer tasks than that for two run in one place)."""
        ...


class InThisThread(Generic[Result]):
    """A task run in the calling thread, each task when the results are asked for."""

    def __init__(self, task: Task, shared: Any, count: int):
        self.task = task
        self.shared = shared
        self.count = count

    def __enter__(self) -> InThisThread[Result]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass

    def results(self, on_done: Callable[[int], None] | None = None) -> list[Result]:
        """Return every task's result in index order; `on_done` counts them done."""
        outcomes = []
        for index in range(self.count):
            outcomes.append(self.task(self.shared, index))
            if on_done:
                on_done(index + 1)
        return outcomes


class ExecutorWorkers:
    """Workers that run tasks on a concurrent.futures executor the caller owns (a thread
    pool in a web server): the shared value is handed to each task as it is."""

    def __init__(self, executor: Executor):
        self.executor = executor

    def run(self, task: Task, shared: Any, count: int, *, per_worker: int = 1) -> TaskRun[Any]:
        """Return the run of `task` over `count` items, submitted to the executor."""
        return _ExecutorRun(self.executor, task, shared, count)


class _ExecutorRun:
    def __init__(self, executor: Executor, task: Task, shared: Any, count: int):
        self.executor = executor
        self.task = task
        self.shared = shared
        self.count = count
        self._futures: list[Future[Any]] = []

    def __enter__(self) -> _ExecutorRun:
        self._futures = [self.executor.submit(self.task, self.shared, index)
                         for index in range(self.count)]
        return self

    def __exit__(self, *exc_info: object) -> None:
        for future in self._futures:
            future.cancel()

    def results(self, on_done: Callable[[int], None] | None = None) -> list[Any]:
        """Return every task's result in index order; `on_done` counts them done."""
        outcomes = []
        for done, future in enumerate(self._futures, start=1):
            outcomes.append(future.result())
            if on_done:
                on_done(done)
        return outcomes


def run_tasks(workers: Workers | None, task: Task, shared: Any, count: int, *,
              per_worker: int = 1) -> TaskRun[Any]:
    """Return the run of `task` over `count` items on `workers` (None: this thread)."""
    if workers is None:
        return InThisThread(task, shared, count)
    return workers.run(task, shared, count, per_worker=per_worker)


def map_tasks(workers: Workers | None, task: Task, shared: Sequence[Any], *,
              per_worker: int = 1) -> list[Any]:
    """Return [task(shared, index) for each index of `shared`], run on `workers`."""
    with run_tasks(workers, task, shared, len(shared), per_worker=per_worker) as run:
        return run.results()
