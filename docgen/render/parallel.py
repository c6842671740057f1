"""Render documents to .docx bytes on every core, while the main process goes on.

Rendering takes most of a build's time per document and needs nothing from the other
documents, so a build hands it to a pool of processes and runs the checks meanwhile.
Where the system can fork, the workers inherit the resolved documents and receive only
their indexes; elsewhere (Windows) each worker receives the documents once, pickled.
Rendering is deterministic, so the bytes are those a single process would make.

Each document comes back with its render key; a document whose key equals the one
its current output was made from is not rendered at all (see docgen.cache).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from docgen.content.model import ResolvedDocument
from docgen.pool import can_fork, default_jobs, start_worker
from docgen.render.docx import TemplateSet, render_docx, render_key

# Below this many documents per worker, starting workers costs more than it saves.
MIN_DOCUMENTS_PER_WORKER = 3

# What a worker renders from: set by the pool's initializer, or inherited through fork.
_documents: Sequence[ResolvedDocument] = ()
_current_keys: Sequence[str | None] = ()
_templates: TemplateSet | None = None


@dataclass(frozen=True)
class Rendered:
    """A document's render key, and its .docx bytes unless its output was current."""

    key: str
    data: bytes | None


class Rendering:
    """Documents being rendered, in worker processes when there are enough of them.

    Use it as a context manager: work starts on entry, `results` waits for it, and
    leaving early (an error, an interrupt) cancels what has not started.
    """

    def __init__(self, documents: Sequence[ResolvedDocument], templates: TemplateSet,
                 current_keys: Sequence[str | None], *, jobs: int | None = None):
        self.documents = documents
        self.templates = templates
        self.current_keys = current_keys
        self.workers = min(jobs or default_jobs(), len(documents) // MIN_DOCUMENTS_PER_WORKER)
        self._pool: ProcessPoolExecutor | None = None
        self._futures: dict[Future[Rendered], int] = {}

    def __enter__(self) -> Rendering:
        if self.workers > 1:
            self._start_pool()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def results(self, on_rendered: Callable[[int], None] | None = None) -> list[Rendered]:
        """Return every document's outcome, in order; `on_rendered` counts them done."""
        outcomes: list[Rendered | None] = [None] * len(self.documents)
        if self._pool is None:
            with _collecting_new_garbage():
                for index, document in enumerate(self.documents):
                    outcomes[index] = _render(document, self.templates, self.current_keys[index])
                    if on_rendered:
                        on_rendered(index + 1)
        else:
            for done, future in enumerate(as_completed(self._futures), start=1):
                outcomes[self._futures[future]] = future.result()  # raises a worker's error
                if on_rendered:
                    on_rendered(done)
        return [outcome for outcome in outcomes if outcome is not None]

    def _start_pool(self) -> None:
        inherited = can_fork()
        context = multiprocessing.get_context("fork" if inherited else "spawn")
        global _documents, _current_keys, _templates
        # Through fork the workers see these already; spawn must send them.
        _documents, _current_keys, _templates = self.documents, self.current_keys, None
        shipped = None if inherited else (list(self.documents), list(self.current_keys))
        try:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context,
                                             initializer=_start_worker,
                                             initargs=(shipped, self.templates.folder))
            self._futures = {self._pool.submit(_render_one, index): index
                             for index in range(len(self.documents))}
        finally:
            _documents, _current_keys = (), ()


def _render(document: ResolvedDocument, templates: TemplateSet,
            current_key: str | None) -> Rendered:
    template = templates.get(document.model.template)
    key = render_key(document, template)
    if key == current_key:
        return Rendered(key, None)
    rendered = Rendered(key, render_docx(document, template))
    # The document's python-docx objects are garbage now, in cycles that may have
    # outlived the youngest generation mid-render; left to the rare older passes they
    # would add a third to each worker's memory.
    gc.collect(1)
    return rendered


@contextlib.contextmanager
def _collecting_new_garbage() -> Iterator[None]:
    """Collect garbage while rendering, looking at new objects only.

    Rendering leaves cycles behind (python-docx objects point back at their parents),
    and docgen runs with the collector off (see docgen.__main__); without it memory
    would grow by a few megabytes per document. The loaded set is frozen out of the
    collector's sight, so its passes stay short.
    """
    was_enabled, thresholds = gc.isenabled(), gc.get_threshold()
    gc.freeze()
    _collect_rarely()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if not was_enabled:
            gc.disable()
        gc.unfreeze()


def _collect_rarely() -> None:
    # A document's garbage is a few hundred thousand objects: collecting the youngest
    # generation every 700 new objects, as Python does, would cost a fifth of a render.
    gc.set_threshold(50_000, 20, 20)
    gc.enable()


def _start_worker(shipped: tuple[list[ResolvedDocument], list[str | None]] | None,
                  templates: Path) -> None:
    start_worker()
    # What the worker inherited stays out of the collector's sight (and its pages
    # shared with the main process); what rendering leaves behind is collected.
    gc.freeze()
    _collect_rarely()
    global _documents, _current_keys, _templates
    if shipped is not None:
        _documents, _current_keys = shipped
    # Each worker reads the templates once for all the documents it renders.
    _templates = TemplateSet(templates)


def _render_one(index: int) -> Rendered:
    assert _templates is not None
    return _render(_documents[index], _templates, _current_keys[index])
