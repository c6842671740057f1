"""The build pipeline: load → validate → resolve → check → render → write.

Everything is loaded, validated, resolved, checked and rendered in memory before the
first file is written, so bad input never leaves partial output behind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docgen.checks import Finding, count, run_checks
from docgen.content.loader import load_content
from docgen.content.model import DocumentSet, ResolvedDocument
from docgen.content.resolve import resolve_content
from docgen.errors import ChecksFailed, ContentError, UsageError
from docgen.output import document_file_name, output_path, write_all_atomically
from docgen.project import Project
from docgen.render.docx import TemplateSet, render_docx
from docgen.render.pdf import PdfJob


@dataclass
class BuildResult:
    """What a build wrote, and what the checks found in the documents it built."""

    written: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    pdf_jobs: list[PdfJob] = field(default_factory=list)


@dataclass
class CheckResult:
    """The documents checked and what was found in them."""

    documents: list[ResolvedDocument]
    findings: list[Finding]


def load_document_set(project: Project) -> DocumentSet:
    """Return the project's content, loaded, validated and resolved."""
    return resolve_content(load_content(project.content))


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
        raise UsageError("no document numbered " + ", ".join(unknown),
                         "known documents: " + ", ".join(sorted(by_number)))
    withdrawn = [number for number in numbers if by_number[number].withdrawn]
    if in_force and withdrawn:
        raise UsageError(", ".join(withdrawn) + " is withdrawn and no longer built",
                         "it is listed in the register's 作废文件清单 (docgen register)")
    return [by_number[number] for number in dict.fromkeys(numbers)]


def docx_path(project: Project, document: ResolvedDocument) -> Path:
    """Return where the .docx of `document` is written."""
    name = document_file_name(document.number, document.title, str(document.version))
    return output_path(project.output, document.organization_key, name)


def check(project: Project, numbers: Sequence[str] = ()) -> CheckResult:
    """Check the whole set; return the findings about the documents named by `numbers`.

    Rules always read every document, because a defect is often a disagreement between
    two of them; `numbers` only narrows what is reported.
    """
    document_set = load_document_set(project)
    documents = select_documents(document_set, numbers)
    return CheckResult(documents, findings_about(run_checks(document_set), documents, numbers))


def findings_about(findings: list[Finding], documents: list[ResolvedDocument],
                   numbers: Sequence[str]) -> list[Finding]:
    """Return the findings about `documents` (and about org.yaml unless numbers were named)."""
    wanted = {document.number for document in documents}
    return [finding for finding in findings
            if finding.document in wanted or (not finding.document and not numbers)]


def build(project: Project, numbers: Sequence[str] = (), *, strict: bool = False) -> BuildResult:
    """Build the documents named by `numbers` (all when empty) into the output folder.

    The checks run first; with `strict`, any error (or warning) stops the build before
    anything is written.
    """
    document_set = load_document_set(project)
    documents = select_documents(document_set, numbers, in_force=True)
    findings = findings_about(run_checks(document_set), documents, numbers)
    if strict and count(findings, strict=True)[0]:
        raise ChecksFailed(findings, documents,
                           "docgen: --strict: the checks found errors; nothing was written.")
    templates = TemplateSet(project.templates)
    missing = templates.problems(documents)
    if missing:
        raise ContentError(missing)
    rendered = [(docx_path(project, document),
                 render_docx(document, templates.get(document.model.template)))
                for document in documents]
    write_all_atomically(rendered)
    result = BuildResult(findings=findings)
    for (path, _data), document in zip(rendered, documents, strict=True):
        result.written.append(path)
        result.pdf_jobs.append(PdfJob(document, templates.get(document.model.template), path))
    stale = documents + ([d for d in document_set.documents if d.withdrawn] if not numbers else [])
    result.removed = remove_stale_outputs(project, stale, set(result.written))
    return result


def remove_stale_outputs(project: Project, documents: list[ResolvedDocument], keep: set[Path]
                         ) -> list[Path]:
    """Delete other versions of `documents` from their output folders; return them.

    The output folder of an organization holds the version in force of each document;
    released versions are kept apart, in its released/ folder, and never deleted.
    """
    removed = []
    for document in documents:
        folder = project.output / document.organization_key
        if not folder.is_dir():
            continue
        pattern = re.compile(rf"^{re.escape(document.number)} .* V\d+\.\d+\.(docx|pdf)$")
        for path in sorted(folder.iterdir()):
            if path.is_file() and pattern.match(path.name) and path.resolve() not in keep:
                path.unlink()
                removed.append(path)
    return removed
