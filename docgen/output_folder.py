"""The output folder: where documents are written, what each was made from, what goes.

An OutputFolder owns the manifest (docgen.cache), writes files atomically and records
them, removes the files of other versions, titles and withdrawn documents, replays a
run whose inputs have not changed, and makes the PDFs it planned. It knows nothing of
loading or rendering: the pipeline (docgen.pipeline) hands it bytes and keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from docgen.cache import Manifest
from docgen.checks import Finding
from docgen.output import document_file_name, output_path, write_all_atomically

if TYPE_CHECKING:
    from docgen.content.model import ResolvedDocument
    from docgen.render.pdf import PdfJob
    from docgen.wordml.document import WordTemplate


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
class Run:
    """A command's run, to be remembered once complete: its name, the digest of its
    inputs, the files it left, and what it reported."""

    name: str
    inputs: str
    outputs: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)


def docx_path(output: Path, document: ResolvedDocument) -> Path:
    """Return where the .docx of `document` is written in the output folder `output`."""
    name = document_file_name(document.number, document.title, str(document.version))
    return output_path(output, document.organization_key, name)


class OutputFolder:
    """An output folder and its manifest."""

    def __init__(self, path: Path):
        self.path = path
        self.manifest = Manifest(path)

    def docx_path(self, document: ResolvedDocument) -> Path:
        """Return where the .docx of `document` goes."""
        return docx_path(self.path, document)

    def known_keys(self, paths: Sequence[Path]) -> list[str | None]:
        """Return the key each file was made from, where it is still the file written."""
        return [self.manifest.current_key(path) for path in paths]

    def replay(self, name: str, inputs: str) -> Run | None:
        """Return the earlier run `name` with these inputs, if its files are intact and
        its report readable (a hand-edited manifest may hold one docgen cannot read)."""
        record = self.manifest.replay(name, inputs)
        if record is None:
            return None
        try:
            findings = [Finding.from_json(item) for item in record.report["findings"]]
            titles = {str(number): str(title)
                      for number, title in record.report["titles"].items()}
        except (TypeError, KeyError, ValueError, AttributeError, LookupError, RecursionError):
            return None
        return Run(name, inputs, [self.path / output for output in record.outputs],
                   findings, titles)

    def remember(self, run: Run, inputs_now: str) -> None:
        """Record `run` unless its inputs changed while it ran (its output may mix
        both: `inputs_now` is their digest now), and save the manifest."""
        if inputs_now == run.inputs:
            report = {"findings": [finding.as_json() for finding in run.findings],
                      "titles": run.titles}
            self.manifest.remember(run.name, run.inputs, run.outputs, report)
        self.manifest.save()

    def write(self, files: Sequence[tuple[Path, str, bytes]]) -> None:
        """Write each (path, key, bytes) atomically, all or none, and record it."""
        write_all_atomically([(path, data) for path, _key, data in files])
        for path, key, data in files:
            self.manifest.record(path, key, data)

    def current(self, path: Path, key: str, *, paged: bool = False) -> bool:
        """Return whether `path` holds what `key` renders (with TOC pages, if `paged`)."""
        return self.manifest.current(path, key, paged=paged)

    def remove_stale(self, documents: Sequence[ResolvedDocument], keep: set[Path]
                     ) -> list[Removed]:
        """Delete the files of `documents` that are not in `keep`; return what went, and
        why.

        The output folder of an organization holds the version in force of each
        document (its .docx, and its PDF while that shows the same content); released
        versions are kept apart, in its released/ folder, and never deleted.
        """
        by_folder: dict[Path, dict[str, ResolvedDocument]] = {}
        for document in documents:
            by_folder.setdefault(self.path / document.organization_key,
                                 {})[document.number] = document
        removed = []
        for folder, by_number in sorted(by_folder.items()):
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                match = _OUTPUT_NAME.match(path.name)
                # Only what docgen wrote here itself may go: a file the manifest does not
                # know (a scan a person saved beside the output, say) stays.
                if not match or match.group("number") not in by_number or not path.is_file() \
                        or path.resolve() in keep or not self.manifest.knows(path):
                    continue
                removed.append(self._why_stale(by_number[match.group("number")], path,
                                               match.group("version")))
                path.unlink()
                self.manifest.forget(path)
        return removed

    def _why_stale(self, document: ResolvedDocument, path: Path, version: str) -> Removed:
        released = self.path / document.organization_key / "released" / path.name
        released_copy = released if released.is_file() else None
        if document.withdrawn:
            return Removed(path, "withdrawn", released_copy=released_copy)
        if version != str(document.version):
            return Removed(path, "superseded", str(document.version), released_copy)
        current = self.docx_path(document).with_suffix(path.suffix)
        if current.name != path.name:
            return Removed(path, "renamed", current.name, released_copy)
        return Removed(path, "outdated")

    def plan_pdfs(self, documents: Sequence[ResolvedDocument], templates: Sequence[WordTemplate],
                  keys: Sequence[str], *, written: Sequence[Path] = (),
                  finish: Callable[[], None] | None = None) -> PdfBatch:
        """Return the PDFs of `documents` (rendered with `templates`, as `keys`) that are
        not current, with their .docx files' TOC page numbers, as a batch to make.

        `written` are the .docx files just written; `finish` runs once all are made.
        """
        from docgen.render.pdf import PdfJob

        jobs = []
        for document, template, key in zip(documents, templates, keys, strict=True):
            path = self.docx_path(document)
            if not (self.current(path, key, paged=True)
                    and self.current(path.with_suffix(".pdf"), key)):
                jobs.append(PdfJob(document, template, path, key))
        return PdfBatch(self, jobs, list(written), finish)


@dataclass
class PdfBatch:
    """PDFs an output folder planned, which it makes in one LibreOffice."""

    folder: OutputFolder
    jobs: list[PdfJob]
    written: list[Path]
    """The .docx files the build wrote: each gets a line when it is written, not again."""
    finish: Callable[[], None] | None = None

    def make(self, progress: Progress | None = None) -> list[Path]:
        """Make the PDFs, writing each .docx again with LibreOffice's page numbers in
        its TOC; record them in the manifest; return the PDFs."""
        from docgen.render.pdf import make_pdfs

        if not self.jobs:
            return []
        total = len(self.jobs)
        manifest = self.folder.manifest

        def converted(done: int, job: PdfJob, docx: bytes, pdf: bytes) -> None:
            manifest.record(job.docx, job.key, docx, paged=True)
            manifest.record(job.pdf, job.key, pdf)
            if progress:
                # The .docx is written again too, with its table of contents' page
                # numbers; one the build left unchanged is said to be written now.
                if job.docx not in self.written:
                    progress("pdf", done, total, job.docx)
                progress("pdf", done, total, job.pdf)

        try:
            made = make_pdfs(self.jobs, converted)
        finally:
            manifest.save()  # the PDFs made so far need not be made again
        if self.finish is not None:
            self.finish()
        return made


# What docgen names an output file: NUMBER title Vx.y.docx (or .pdf).
_OUTPUT_NAME = re.compile(r"^(?P<number>\S+) .* (?P<version>V\d+\.\d+)\.(?:docx|pdf)$")
