"""Render documents to .docx bytes on the caller's workers, while the caller goes on.

Rendering takes most of a build's time per document and needs nothing from the other
documents, so a build hands it to the workers it was given and runs the checks
meanwhile; without workers, documents render in the calling thread when their results
are asked for. Rendering is deterministic, so the bytes are those a single process
would make.

Each document comes back with its render key; a document whose key equals the one its
current output was made from is not rendered at all (see docgen.cache).
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass

from docgen.content.model import ResolvedDocument
from docgen.render.docx import TemplateSet, render_docx, render_key
from docgen.workers import TaskRun, Workers, run_tasks

# Below this many documents per worker, starting workers costs more than it saves.
MIN_DOCUMENTS_PER_WORKER = 3


@dataclass(frozen=True)
class Rendered:
    """A document's render key, and its .docx bytes unless its output was current."""

    key: str
    data: bytes | None


@dataclass(frozen=True)
class _Work:
    """What every rendering task shares: the documents, their known keys, the templates."""

    documents: Sequence[ResolvedDocument]
    known_keys: Sequence[str | None]
    templates: TemplateSet


def start_rendering(documents: Sequence[ResolvedDocument], templates: TemplateSet,
                    known_keys: Sequence[str | None] | None = None, *,
                    workers: Workers | None = None) -> TaskRun[Rendered]:
    """Return the rendering of `documents`, to be entered as a context manager; its
    results() are each document's key and bytes (None where its known key is current)."""
    keys = list(known_keys) if known_keys is not None else [None] * len(documents)
    return run_tasks(workers, _render_one, _Work(documents, keys, templates), len(documents),
                     per_worker=MIN_DOCUMENTS_PER_WORKER)


def _render_one(work: _Work, index: int) -> Rendered:
    document = work.documents[index]
    template = work.templates.get(document.template)
    key = render_key(document, template)
    if key == work.known_keys[index]:
        return Rendered(key, None)
    rendered = Rendered(key, render_docx(document, template))
    if gc.isenabled():
        # The document's python-docx objects are garbage now, in cycles that may have
        # outlived the youngest generation mid-render; left to the rare older passes
        # they would add a third to each worker's memory.
        gc.collect(1)
    return rendered
