"""Build what changed: the pipeline (docgen.pipeline) around an output folder.

`build` and `check` first ask the output folder whether the same run with the same
inputs can be replayed; if not, they load, check and render in memory through the
pipeline, and only then does the output folder write, record and remove files.
Documents whose output is current are not rendered again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docgen.cache import code_digest, inputs_digest
from docgen.catalogue.cli import STRICT_FAILED
from docgen.checks import Finding, count
from docgen.errors import ChecksFailed
from docgen.output_folder import OutputFolder, PdfBatch, Progress, Removed, Run
from docgen.pipeline import CheckResult, check_documents, document_titles
from docgen.project import Project
from docgen.workers import Workers

__all__ = ["BuildResult", "CheckResult", "Progress", "Removed", "build", "check", "write_pdfs"]


@dataclass
class BuildResult:
    """What a build wrote, left as it was, or removed, and what the checks found."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    pdfs: PdfBatch | None = None
    """PDFs still to make (build with pdf=True): `pdfs.make()` makes them."""
    replayed: bool = False
    """True when nothing had changed since the same build: nothing was read or written."""

    @property
    def pdf_jobs(self) -> list:
        """The PDFs still to make, one job per document."""
        return self.pdfs.jobs if self.pdfs is not None else []


def check(project: Project, numbers: Sequence[str] = (), *,
          workers: Workers | None = None) -> CheckResult:
    """Check the whole set; return the findings about the documents named by `numbers`.

    When the output folder exists, an unchanged check is answered from its manifest,
    and a new one is remembered there.
    """
    folder = OutputFolder(project.output)
    name = "check " + " ".join(numbers)
    inputs = inputs_digest(project.content, extra=code_digest())
    replayed = folder.replay(name, inputs)
    if replayed is not None:
        return CheckResult(replayed.titles, replayed.findings)
    from docgen.pipeline import load_document_set

    result = check_documents(load_document_set(project.content, workers=workers), numbers)
    # Remembered only where the folder exists (a check creates none), and only if the
    # content did not change while the checks ran.
    if project.output.is_dir() and inputs == inputs_digest(project.content, extra=code_digest()):
        folder.remember(Run(name, inputs, [], result.findings, result.titles), inputs)
    return result


def build(project: Project, numbers: Sequence[str] = (), *, strict: bool = False,
          pdf: bool = False, workers: Workers | None = None,
          progress: Progress | None = None) -> BuildResult:
    """Build the documents named by `numbers` (all when empty) into the output folder.

    The checks run while the documents render through `workers` (None: in this
    thread); with `strict`, any error (or warning) stops the build before anything is
    written. Documents whose .docx is current are not rendered again; with `pdf`, the
    result's `pdfs` are the PDFs still to make.
    """
    folder = OutputFolder(project.output)
    name = f"build{' --strict' if strict else ''}{' --pdf' if pdf else ''} " + " ".join(numbers)
    inputs = _build_inputs(project)
    replayed = folder.replay(name, inputs)
    if replayed is not None:
        return BuildResult(unchanged=replayed.outputs, findings=replayed.findings,
                           replayed=True)
    from docgen.pipeline import load_document_set, load_templates, select_documents, start_rendering

    document_set = load_document_set(project.content, workers=workers)
    documents = select_documents(document_set, numbers, in_force=True)
    templates = load_templates(project.templates, documents)
    paths = [folder.docx_path(document) for document in documents]

    def rendered(done: int) -> None:
        if progress:
            progress("rendering", done, len(documents))

    with start_rendering(documents, templates, folder.known_keys(paths),
                         workers=workers) as rendering:
        findings = check_documents(document_set, numbers, in_force=True).findings
        if strict and count(findings, strict=True)[0]:
            raise ChecksFailed(findings, document_titles(documents), STRICT_FAILED())
        outcomes = rendering.results(rendered)
    keys = [outcome.key for outcome in outcomes]
    fresh = [(path, outcome.key, outcome.data)
             for path, outcome in zip(paths, outcomes, strict=True) if outcome.data is not None]
    folder.write(fresh)  # type: ignore[arg-type]
    result = BuildResult(findings=findings, written=[path for path, _key, _data in fresh])
    result.unchanged = [path for path, outcome in zip(paths, outcomes, strict=True)
                        if outcome.data is None]
    # A PDF stays while it shows what its .docx now says; an older one would mislead, so
    # it goes, unless this build makes it again (--pdf replaces it in place).
    current_pdfs = {path.with_suffix(".pdf") for path, key in zip(paths, keys, strict=True)
                    if pdf or folder.current(path.with_suffix(".pdf"), key)}
    withdrawn = [d for d in document_set.documents if d.withdrawn] if not numbers else []
    result.removed = folder.remove_stale(documents + withdrawn, set(paths) | current_pdfs)
    outputs = paths + ([path.with_suffix(".pdf") for path in paths] if pdf else [])
    run = Run(name, inputs, outputs, findings)

    def finish() -> None:
        folder.remember(run, _build_inputs(project))

    if pdf:
        result.pdfs = folder.plan_pdfs(
            documents, [templates.get(document.template) for document in documents],
            keys, written=result.written, finish=finish)
    if not result.pdf_jobs:
        finish()
    else:
        folder.manifest.save()
    return result


def write_pdfs(result: BuildResult, progress: Progress | None = None) -> list[Path]:
    """Make the PDFs a build with pdf=True left to make, in one LibreOffice; return them.

    Each document's .docx is written again with LibreOffice's page numbers in its TOC.
    """
    return result.pdfs.make(progress) if result.pdfs is not None else []


def _build_inputs(project: Project) -> str:
    return inputs_digest(project.content, project.templates, extra=code_digest())
