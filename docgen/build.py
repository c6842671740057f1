"""The build pipeline: load → validate → resolve → render → write.

Everything is loaded, validated, resolved and rendered in memory before the first
file is written, so bad input never leaves partial output behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docgen.content.loader import load_content
from docgen.content.model import DocumentSet, ResolvedDocument
from docgen.content.resolve import resolve_content
from docgen.errors import UsageError
from docgen.output import document_file_name, output_path, write_atomically
from docgen.project import Project
from docgen.render.docx import TemplateSet, render_docx


@dataclass
class BuildResult:
    """What a build wrote."""

    written: list[Path] = field(default_factory=list)


def load_document_set(project: Project) -> DocumentSet:
    """Return the project's content, loaded, validated and resolved."""
    return resolve_content(load_content(project.content))


def select_documents(document_set: DocumentSet, numbers: Sequence[str]) -> list[ResolvedDocument]:
    """Return the documents named by `numbers` (all when empty); refuse unknown numbers."""
    if not numbers:
        return document_set.documents
    by_number = {document.number: document for document in document_set.documents}
    unknown = [number for number in numbers if number not in by_number]
    if unknown:
        raise UsageError("no document numbered " + ", ".join(unknown),
                         "known documents: " + ", ".join(sorted(by_number)))
    return [by_number[number] for number in dict.fromkeys(numbers)]


def docx_path(project: Project, document: ResolvedDocument) -> Path:
    """Return where the .docx of `document` is written."""
    name = document_file_name(document.number, document.title, str(document.version))
    return output_path(project.output, document.organization_key, name)


def build(project: Project, numbers: Sequence[str] = ()) -> BuildResult:
    """Build the documents named by `numbers` (all when empty) into the output folder."""
    documents = select_documents(load_document_set(project), numbers)
    templates = TemplateSet(project.templates)
    rendered = [(docx_path(project, document),
                 render_docx(document, templates.get(document.model.template)))
                for document in documents]
    result = BuildResult()
    for path, data in rendered:
        write_atomically(path, data)
        result.written.append(path)
    return result
