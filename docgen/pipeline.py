"""The pure pipeline: load → validate → resolve → check → render, in memory.

Nothing here writes a file, keeps a manifest or changes the process: it reads the
content and the templates and returns documents, findings and bytes. The output folder
(docgen.output_folder) and the commands (docgen.build, docgen.control) are layers
around it; an importer or a dashboard calls it directly. Work that can be spread runs
through the workers the caller passes (None: in the calling thread).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.catalogue.cli import NO_SUCH_DOCUMENT, WITHDRAWN
from docgen.catalogue.report import QUOTED
from docgen.checks import Finding
from docgen.errors import ContentError, UsageError
from docgen.project import Project
from docgen.workers import Workers

if TYPE_CHECKING:
    from docgen.content.model import DocumentSet, ResolvedDocument
    from docgen.render.docx import TemplateSet
    from docgen.render.parallel import Rendered
    from docgen.workers import TaskRun

# The stages (pydantic, Jinja, lxml, python-docx) are imported where they are used: a
# run answered from the manifest starts and ends in a blink without them.


@dataclass
class CheckResult:
    """The titles of the documents checked ("NUMBER title" by number), and the findings."""

    titles: dict[str, str]
    findings: list[Finding]


def load_document_set(content: Path | Project, *,
                      workers: Workers | None = None) -> DocumentSet:
    """Return the content under `content` (a folder, or a project's content folder),
    loaded, validated and resolved."""
    from docgen.content.loader import load_content
    from docgen.content.resolve import resolve_content

    folder = content.content if isinstance(content, Project) else content
    return resolve_content(load_content(folder, workers))


def select_documents(document_set: DocumentSet, numbers: Sequence[str], *,
                     in_force: bool = False) -> list[ResolvedDocument]:
    """Return the documents named by `numbers` (all when empty); refuse unknown numbers.

    With `in_force`, withdrawn documents are left out, and naming one is refused.
    """
    candidates = document_set.current_documents if in_force else document_set.documents
    if not numbers:
        return candidates
    by_number = {document.number: document for document in document_set.documents}
    unknown = [number for number in numbers if number not in by_number]
    if unknown:
        raise UsageError(NO_SUCH_DOCUMENT(numbers=[QUOTED(value=number) for number in unknown],
                                          known=sorted(by_number)))
    withdrawn = [number for number in numbers if by_number[number].withdrawn]
    if in_force and withdrawn:
        raise UsageError(WITHDRAWN(numbers=withdrawn))
    return [by_number[number] for number in dict.fromkeys(numbers)]


def document_titles(documents: Sequence[ResolvedDocument]) -> dict[str, str]:
    """Return "NUMBER title" of each document, by number, as reports head them."""
    return {document.number: f"{document.number} {document.title}" for document in documents}


def findings_about(findings: list[Finding], documents: Sequence[ResolvedDocument],
                   numbers: Sequence[str]) -> list[Finding]:
    """Return the findings about `documents` (and about org.yaml unless numbers were named)."""
    wanted = {document.number for document in documents}
    return [finding for finding in findings
            if finding.document in wanted or (not finding.document and not numbers)]


def check_documents(document_set: DocumentSet, numbers: Sequence[str] = (), *,
                    in_force: bool = False) -> CheckResult:
    """Run every rule over the whole set; return the findings about the documents named
    by `numbers` (all when empty).

    Rules always read every document, because a defect is often a disagreement between
    two of them; `numbers` only narrows what is reported.
    """
    from docgen.checks import run_checks

    documents = select_documents(document_set, numbers, in_force=in_force)
    return CheckResult(document_titles(documents),
                       findings_about(run_checks(document_set), documents, numbers))


def load_templates(folder: Path, documents: Sequence[ResolvedDocument]) -> TemplateSet:
    """Return the templates in `folder`; refuse documents whose template is not there."""
    from docgen.render.docx import TemplateSet

    templates = TemplateSet(folder)
    missing = templates.problems(list(documents))
    if missing:
        raise ContentError(missing)
    return templates


def start_rendering(documents: Sequence[ResolvedDocument], templates: TemplateSet,
                    known_keys: Sequence[str | None] | None = None, *,
                    workers: Workers | None = None) -> TaskRun[Rendered]:
    """Return the rendering of `documents` to .docx bytes on `workers` (None: in this
    thread when the results are asked for).

    Use it as a context manager and ask for its `results()`: each document's render
    key, and its bytes unless its entry of `known_keys` is that key already.
    """
    from docgen.render import parallel

    return parallel.start_rendering(documents, templates, known_keys, workers=workers)


def render_documents(documents: Sequence[ResolvedDocument], templates: TemplateSet,
                     known_keys: Sequence[str | None] | None = None, *,
                     workers: Workers | None = None,
                     on_rendered: Callable[[int], None] | None = None) -> list[Rendered]:
    """Return each document's render key and .docx bytes (None where its known key is
    current), in order."""
    with start_rendering(documents, templates, known_keys, workers=workers) as rendering:
        return rendering.results(on_rendered)
