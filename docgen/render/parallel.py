"""Render documents to .docx bytes through the caller's executor, while the caller goes on.

Rendering takes most of a build's time per document and needs nothing from the other
documents, so a build hands it to the executor it was given (the program's process
pool) and runs the checks meanwhile; without an executor, documents render in the
calling thread when their results are asked for. Nothing here is kept between calls
or shared between threads.

Documents travel to worker processes in batches, one per share of the work, each with
the templates' folder: a worker reads the templates once per batch. They travel
without the schema objects their blocks point back at (kept for error locations, and
three quarters of their pickled size), which rendering never reads.

Each document comes back with its render key; a document whose key equals the one the
caller already has is not rendered at all (see docgen.cache).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, as_completed
from dataclasses import dataclass
from pathlib import Path

from docgen.content.model import ResolvedDocument
from docgen.pool import default_jobs
from docgen.render.docx import (
    TemplateSet,
    document_properties,
    frame_context,
    printed_fields,
    printed_key,
    render_docx,
    render_key,
    render_parts,
)
from docgen.render.printed import blocks_from_printed

# Below this many documents per batch, sending them costs more than it saves.
MIN_DOCUMENTS_PER_BATCH = 3
# Batches per core: enough to even out documents of different lengths.
BATCHES_PER_CORE = 2


@dataclass(frozen=True)
class Rendered:
    """A document's render key, and its .docx bytes unless its output was current."""

    key: str
    data: bytes | None


class Rendering:
    """Documents being rendered, through an executor when there are enough of them.

    Use it as a context manager: work is submitted on entry, `results` waits for it,
    and leaving early (an error, an interrupt) cancels what has not started.
    """

    def __init__(self, documents: Sequence[ResolvedDocument], templates: TemplateSet,
                 known_keys: Sequence[str | None] | None = None, *,
                 executor: Executor | None = None):
        self.documents = documents
        self.templates = templates
        self.known_keys = list(known_keys) if known_keys is not None else [None] * len(documents)
        self.executor = executor
        self._futures: dict[Future[list[Rendered]], range] = {}

    def __enter__(self) -> Rendering:
        batches = _batches(len(self.documents))
        if self.executor is not None and len(batches) > 1:
            for batch in batches:
                future = self.executor.submit(_Batch(
                    self.templates, [self.documents[index] for index in batch],
                    [self.known_keys[index] for index in batch]))
                self._futures[future] = batch
        return self

    def __exit__(self, *exc_info: object) -> None:
        for future in self._futures:
            future.cancel()

    def results(self, on_rendered: Callable[[int], None] | None = None) -> list[Rendered]:
        """Return every document's outcome, in order; `on_rendered` counts them done."""
        outcomes: list[Rendered | None] = [None] * len(self.documents)
        if not self._futures:
            for index, document in enumerate(self.documents):
                outcomes[index] = render_one(document, self.templates, self.known_keys[index])
                if on_rendered:
                    on_rendered(index + 1)
        else:
            done = 0
            for future in as_completed(self._futures):
                batch = self._futures[future]
                for index, outcome in zip(batch, future.result(), strict=True):  # raises
                    outcomes[index] = outcome                                   # its error
                done += len(batch)
                if on_rendered:
                    on_rendered(done)
        return [outcome for outcome in outcomes if outcome is not None]


def render_one(document: ResolvedDocument, templates: TemplateSet,
               known_key: str | None) -> Rendered:
    """Return the document's render key, and its bytes unless `known_key` is that key."""
    template = templates.get(document.model.template)
    key = render_key(document, template)
    if key == known_key:
        return Rendered(key, None)
    return Rendered(key, render_docx(document, template))


class _Batch:
    """Documents to render as one task: called where it was made (a thread), or pickled
    as a _ShippedBatch for a worker process."""

    def __init__(self, templates: TemplateSet, documents: list[ResolvedDocument],
                 known_keys: list[str | None]):
        self.templates = templates
        self.documents = documents
        self.known_keys = known_keys

    def __call__(self) -> list[Rendered]:
        return [render_one(document, self.templates, known_key)
                for document, known_key in zip(self.documents, self.known_keys, strict=True)]

    def __reduce__(self) -> tuple[type[_ShippedBatch], tuple[Path, bytes]]:
        return _ShippedBatch, (self.templates.folder, _ship(self.documents, self.known_keys))


class _ShippedBatch:
    """A _Batch as a worker process receives it: its templates' folder, and for each
    document its template's name, frame, printed blocks, properties and known key."""

    def __init__(self, templates: Path, shipped: bytes):
        self.templates = templates
        self.shipped = shipped

    def __call__(self) -> list[Rendered]:
        # The worker reads the templates once for the whole batch.
        template_set = TemplateSet(self.templates)
        outcomes = []
        for name, frame, printed, properties, known_key in pickle.loads(self.shipped):
            template = template_set.get(name)
            key = printed_key(frame, printed, template)
            if key == known_key:
                outcomes.append(Rendered(key, None))
            else:
                blocks = blocks_from_printed(printed)
                outcomes.append(Rendered(key, render_parts(frame, blocks, properties, template)))
        return outcomes


def _batches(count: int) -> list[range]:
    """Return the indexes of `count` documents cut into batches of similar size."""
    wanted = min(count // MIN_DOCUMENTS_PER_BATCH, BATCHES_PER_CORE * default_jobs())
    if wanted <= 1:
        return [range(count)]
    bounds = [count * part // wanted for part in range(wanted + 1)]
    return [range(start, end)
            for start, end in zip(bounds, bounds[1:], strict=False) if end > start]


def _ship(documents: list[ResolvedDocument], known_keys: list[str | None]) -> bytes:
    """Return what rendering reads of `documents`, pickled: the printed fields of their
    blocks stand for the blocks."""
    return pickle.dumps([(document.model.template, frame_context(document),
                          printed_fields(document.blocks), document_properties(document),
                          known_key)
                         for document, known_key in zip(documents, known_keys, strict=True)],
                        protocol=pickle.HIGHEST_PROTOCOL)
