"""The build pipeline: load → validate → resolve → check → render → write.

Everything is loaded, validated, resolved, checked and rendered in memory before the
first file is written, so bad input never leaves partial output behind. Rendering runs
on every core, and only for documents whose output is not already current (see
docgen.cache); a run whose inputs have not changed at all is answered from the cache.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from docgen.cache import Manifest, code_digest, inputs_digest
from docgen.checks import Finding, count
from docgen.errors import ChecksFailed, ContentError, UsageError
from docgen.output import document_file_name, output_path, write_all_atomically
from docgen.project import Project

if TYPE_CHECKING:
    from docgen.content.model import DocumentSet, ResolvedDocument
    from docgen.render.pdf import PdfJob

# The stages past the cache (pydantic, Jinja, lxml, python-docx) are imported where
# they are used: a run answered from the cache starts and ends in a blink without them.


class Progress(Protocol):
    """Told as work advances: what is being done, how many of how many are done, and
    the file just written, if any."""

    def __call__(self, stage: str, done: int, total: int, path: Path | None = None) -> None: ...


@dataclass(frozen=True)
class Removed:
    """A file a build deleted from the output folder, and why.

    `why` is "superseded" (another version of the document is in force), "renamed" (the
    document's file now has another name: its title changed), "withdrawn" (the document
    is withdrawn) or "outdated" (a PDF that showed the content before this build).
    """

    path: Path
    why: Literal["superseded", "renamed", "withdrawn", "outdated"]
    now: str = ""
    """What replaces it: the version in force, or the document's new file name."""
    released_copy: Path | None = None
    """The released copy of the same version, which stays in the released/ folder."""


@dataclass
class BuildResult:
    """What a build wrote, left as it was, or removed, and what the checks found."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    pdf_jobs: list[PdfJob] = field(default_factory=list)
    """PDFs still to make (build with pdf=True): write_pdfs makes them."""
    replayed: bool = False
    """True when nothing had changed since the same build: nothing was read or written."""
    _run: _Run | None = None


@dataclass
class _Run:
    """A build in progress, to be remembered in the manifest once it is complete."""

    manifest: Manifest
    name: str
    inputs: str
    project: Project
    outputs: list[Path]
    report: dict[str, object]


@dataclass
class CheckResult:
    """The titles of the documents checked ("NUMBER title" by number), and the findings."""

    titles: dict[str, str]
    findings: list[Finding]


def load_document_set(project: Project) -> DocumentSet:
    """Return the project's content, loaded, validated and resolved."""
    from docgen.content.loader import load_content
    from docgen.content.resolve import resolve_content

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
        raise UsageError("no document numbered " + ", ".join(f"'{number}'" for number in unknown),
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
    manifest = Manifest(project.output)
    run = "check " + " ".join(numbers)
    inputs = inputs_digest(project.content, extra=code_digest())
    replayed = _replay(manifest, run, inputs)
    if replayed is not None:
        _outputs, findings, titles = replayed
        return CheckResult(titles, findings)
    from docgen.checks import run_checks

    document_set = load_document_set(project)
    documents = select_documents(document_set, numbers)
    result = CheckResult(document_titles(documents),
                         findings_about(run_checks(document_set), documents, numbers))
    if project.output.is_dir() and inputs == inputs_digest(project.content, extra=code_digest()):
        manifest.remember(run, inputs, [], _report(result.findings, result.titles))
        manifest.save()
    return result


def document_titles(documents: Sequence[ResolvedDocument]) -> dict[str, str]:
    """Return "NUMBER title" of each document, by number, as reports head them."""
    return {document.number: f"{document.number} {document.title}" for document in documents}


def findings_about(findings: list[Finding], documents: list[ResolvedDocument],
                   numbers: Sequence[str]) -> list[Finding]:
    """Return the findings about `documents` (and about org.yaml unless numbers were named)."""
    wanted = {document.number for document in documents}
    return [finding for finding in findings
            if finding.document in wanted or (not finding.document and not numbers)]


def build(project: Project, numbers: Sequence[str] = (), *, strict: bool = False,
          pdf: bool = False, jobs: int | None = None,
          progress: Progress | None = None) -> BuildResult:
    """Build the documents named by `numbers` (all when empty) into the output folder.

    The checks run while the documents render; with `strict`, any error (or warning)
    stops the build before anything is written. Documents whose .docx is current are
    not rendered again; with `pdf`, the result lists the PDFs still to make, for
    write_pdfs. `jobs` is how many processes render (default: one per core).
    """
    manifest = Manifest(project.output)
    run = f"build{' --strict' if strict else ''}{' --pdf' if pdf else ''} " + " ".join(numbers)
    inputs = _build_inputs(project)
    replayed = _replay(manifest, run, inputs)
    if replayed is not None:
        outputs, findings, _titles = replayed
        return BuildResult(unchanged=[project.output / name for name in outputs],
                           findings=findings, replayed=True)
    from docgen.checks import run_checks
    from docgen.render.docx import TemplateSet
    from docgen.render.parallel import Rendering
    from docgen.render.pdf import PdfJob

    document_set = load_document_set(project)
    documents = select_documents(document_set, numbers, in_force=True)
    templates = TemplateSet(project.templates)
    missing = templates.problems(documents)
    if missing:
        raise ContentError(missing)
    paths = [docx_path(project, document) for document in documents]

    def rendered(done: int) -> None:
        if progress:
            progress("rendering", done, len(documents))

    with Rendering(documents, templates, [manifest.current_key(path) for path in paths],
                   jobs=jobs) as rendering:
        findings = findings_about(run_checks(document_set), documents, numbers)
        if strict and count(findings, strict=True)[0]:
            raise ChecksFailed(findings, document_titles(documents),
                               "docgen: --strict: the checks found errors; nothing was written.")
        outcomes = rendering.results(rendered)
    keys = [outcome.key for outcome in outcomes]
    fresh = [(path, outcome) for path, outcome in zip(paths, outcomes, strict=True)
             if outcome.data is not None]
    write_all_atomically([(path, outcome.data) for path, outcome in fresh])  # type: ignore[misc]
    result = BuildResult(findings=findings)
    for path, outcome in fresh:
        manifest.record(path, outcome.key, outcome.data)  # type: ignore[arg-type]
        result.written.append(path)
    result.unchanged = [path for path, outcome in zip(paths, outcomes, strict=True)
                        if outcome.data is None]
    # A PDF stays while it shows what its .docx now says; an older one would mislead, so
    # it goes, unless this build makes it again (--pdf replaces it in place).
    current_pdfs = {path.with_suffix(".pdf") for path, key in zip(paths, keys, strict=True)
                    if pdf or manifest.current(path.with_suffix(".pdf"), key)}
    withdrawn = [d for d in document_set.documents if d.withdrawn] if not numbers else []
    result.removed = remove_stale_outputs(project, documents + withdrawn,
                                          set(paths) | current_pdfs)
    for removed in result.removed:
        manifest.forget(removed.path)
    if pdf:
        result.pdf_jobs = [PdfJob(document, templates.get(document.model.template), path, key)
                           for document, path, key in zip(documents, paths, keys, strict=True)
                           if not (manifest.current(path, key, paged=True)
                                   and manifest.current(path.with_suffix(".pdf"), key))]
    outputs = paths + ([path.with_suffix(".pdf") for path in paths] if pdf else [])
    result._run = _Run(manifest, run, inputs, project, outputs, _report(findings, {}))
    if not result.pdf_jobs:
        _remember(result._run)
    else:
        manifest.save()
    return result


def write_pdfs(result: BuildResult, progress: Progress | None = None) -> list[Path]:
    """Make the PDFs a build with pdf=True left to make, in one LibreOffice; return them.

    Each document's .docx is written again with LibreOffice's page numbers in its TOC.
    """
    from docgen.render.pdf import make_pdfs

    run = result._run
    if run is None or not result.pdf_jobs:
        return []
    total = len(result.pdf_jobs)

    def converted(done: int, job: PdfJob, docx: bytes, pdf: bytes) -> None:
        run.manifest.record(job.docx, job.key, docx, paged=True)
        run.manifest.record(job.pdf, job.key, pdf)
        if progress:
            # The .docx is written again too, with its table of contents' page numbers;
            # one the build left unchanged is said to be written now.
            if job.docx not in result.written:
                progress("pdf", done, total, job.docx)
            progress("pdf", done, total, job.pdf)

    try:
        written = make_pdfs(result.pdf_jobs, converted)
    finally:
        run.manifest.save()  # the PDFs made so far need not be made again
    _remember(run)
    return written


def _build_inputs(project: Project) -> str:
    return inputs_digest(project.content, project.templates, extra=code_digest())


def _remember(run: _Run) -> None:
    """Record the run, unless its inputs changed while it ran (its output may mix both)."""
    if _build_inputs(run.project) == run.inputs:
        run.manifest.remember(run.name, run.inputs, run.outputs, run.report)
    run.manifest.save()


def _report(findings: list[Finding], titles: dict[str, str]) -> dict[str, object]:
    return {"findings": [finding.as_json() for finding in findings], "titles": titles}


def _replay(manifest: Manifest, run: str, inputs: str
            ) -> tuple[list[str], list[Finding], dict[str, str]] | None:
    """Return the files, findings and titles of an earlier identical run, if it can be
    replayed; a report docgen cannot read (a hand-edited manifest) means no."""
    record = manifest.replay(run, inputs)
    if record is None:
        return None
    try:
        findings = [Finding.from_json(item) for item in record.report["findings"]]
        titles = {str(number): str(title) for number, title in record.report["titles"].items()}
    except (TypeError, KeyError, ValueError, AttributeError):
        return None
    return list(record.outputs), findings, titles


def remove_stale_outputs(project: Project, documents: list[ResolvedDocument], keep: set[Path]
                         ) -> list[Removed]:
    """Delete the files of `documents` that are not in `keep`; return what went, and why.

    The output folder of an organization holds the version in force of each document
    (its .docx, and its PDF while that shows the same content); released versions are
    kept apart, in its released/ folder, and never deleted.
    """
    by_folder: dict[Path, dict[str, ResolvedDocument]] = {}
    for document in documents:
        by_folder.setdefault(project.output / document.organization_key,
                             {})[document.number] = document
    removed = []
    for folder, by_number in sorted(by_folder.items()):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            match = _OUTPUT_NAME.match(path.name)
            if not match or match.group("number") not in by_number or not path.is_file() \
                    or path.resolve() in keep:
                continue
            removed.append(_why_stale(project, by_number[match.group("number")], path,
                                      match.group("version")))
            path.unlink()
    return removed


def _why_stale(project: Project, document: ResolvedDocument, path: Path, version: str
               ) -> Removed:
    released = project.output / document.organization_key / "released" / path.name
    released_copy = released if released.is_file() else None
    if document.withdrawn:
        return Removed(path, "withdrawn", released_copy=released_copy)
    if version != str(document.version):
        return Removed(path, "superseded", str(document.version), released_copy)
    current = docx_path(project, document).with_suffix(path.suffix)
    if current.name != path.name:
        return Removed(path, "renamed", current.name, released_copy)
    return Removed(path, "outdated")


# What docgen names an output file: NUMBER title Vx.y.docx (or .pdf).
_OUTPUT_NAME = re.compile(r"^(?P<number>\S+) .* (?P<version>V\d+\.\d+)\.(?:docx|pdf)$")
