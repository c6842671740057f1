"""The document set as the dashboard shows it, kept current as the files change.

A `Snapshot` is what one load of the content gave: the resolved set and its findings,
or the error that stopped the load (then the set of the last load that worked stays,
so the pages stay readable while someone fixes a typo). `ServeState` holds the current
snapshot behind a lock; the watcher and the actions call `reload`, the pages read
`snapshot` once per request and so never see half of one load and half of another.
Every load gets the next version number: the pages poll it to know when to reload.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from docgen.catalogue.cli import INTERNAL_ERROR
from docgen.checks import Finding, Severity
from docgen.errors import ChecksFailed, DocgenError, UsageError
from docgen.i18n import ENGLISH
from docgen.project import Project
from docgen.report import error_lines, findings_report, message_lines

if TYPE_CHECKING:
    from docgen.content.model import DocumentSet, ResolvedDocument
    from docgen.wordml.reader import ReadDocument

T = TypeVar("T")


@dataclass(frozen=True)
class Snapshot:
    """One load of the content: its version, the set (None before any load worked), the
    findings, and the lines of the error that stopped the latest load ([] if none)."""

    version: int
    document_set: DocumentSet | None = None
    findings: list[Finding] = field(default_factory=list)
    error: list[str] = field(default_factory=list)

    @property
    def documents(self) -> dict[str, ResolvedDocument]:
        """The documents of the set, by number."""
        if self.document_set is None:
            return {}
        return {document.number: document for document in self.document_set.documents}

    def findings_of(self, number: str) -> list[Finding]:
        """Return the findings about document `number` ("" for the organizations)."""
        return [finding for finding in self.findings if finding.document == number]

    def counts(self) -> dict[str, tuple[int, int]]:
        """Return (errors, warnings) of each document with findings, by number."""
        counts: dict[str, tuple[int, int]] = {}
        for finding in self.findings:
            errors, warnings = counts.get(finding.document, (0, 0))
            if finding.severity is Severity.ERROR:
                errors += 1
            else:
                warnings += 1
            counts[finding.document] = (errors, warnings)
        return counts


def problem_lines(error: BaseException, language: str = ENGLISH) -> list[str]:
    """Return the lines the CLI prints for `error`, in `language` (a bug is reported as
    a bug)."""
    if isinstance(error, ChecksFailed):
        return findings_report(error.findings, error.titles, strict=True, language=language) \
            + message_lines(error.what, language=language)
    if isinstance(error, DocgenError):
        return error_lines(error, language)
    return message_lines(INTERNAL_ERROR(kind=type(error).__name__, error=str(error)),
                         language=language)


class ServeState:
    """The current snapshot of a project's content, and the texts rendered from it."""

    def __init__(self, project: Project, language: str = ENGLISH):
        self.project = project
        self.language = language
        """The language of the lines shown for errors (en or zh)."""
        self._lock = threading.Lock()
        self._reloading = threading.Lock()
        self._snapshot = Snapshot(0)
        self._texts: dict[str, tuple[str, ReadDocument]] = {}
        self._rendering = threading.Lock()
        self._changed = threading.Condition(self._lock)
        # Two tabs (or two people) acting at once take turns in this process; the content
        # edit lock (docgen.control.locking) also keeps out a docgen run in a terminal.
        self._acting = threading.Lock()

    @property
    def snapshot(self) -> Snapshot:
        """The latest snapshot."""
        with self._lock:
            return self._snapshot

    def reload(self) -> Snapshot:
        """Load the content again through the pipeline; return the new snapshot.

        A load that fails keeps the last set that loaded, with the error's lines.
        """
        from docgen.pipeline import check_documents, load_document_set

        with self._reloading:  # one load at a time; the pages go on reading meanwhile
            previous = self.snapshot
            try:
                document_set = load_document_set(self.project.content)
                findings = check_documents(document_set).findings
                error: list[str] = []
            except Exception as problem:  # noqa: BLE001 - the server must outlive any load
                document_set, findings = previous.document_set, previous.findings
                error = problem_lines(problem, self.language)
            with self._changed:
                self._snapshot = Snapshot(previous.version + 1, document_set, findings, error)
                self._changed.notify_all()
                return self._snapshot

    def wait_for_change(self, version: int, timeout: float) -> int:
        """Return the current version once it is not `version`, or after `timeout` s."""
        with self._changed:
            self._changed.wait_for(lambda: self._snapshot.version != version, timeout)
            return self._snapshot.version

    def document(self, number: str) -> ResolvedDocument:
        """Return document `number` of the current snapshot; UsageError if there is none."""
        from docgen.catalogue.cli import NO_SUCH_DOCUMENT
        from docgen.catalogue.report import QUOTED

        documents = self.snapshot.documents
        if number not in documents:
            raise UsageError(NO_SUCH_DOCUMENT(numbers=[QUOTED(value=number)],
                                              known=sorted(documents)))
        return documents[number]

    def text(self, document: ResolvedDocument) -> ReadDocument:
        """Return `document` as it prints, read back from the .docx rendered in memory.

        A document whose render key has not changed since it was last shown is not
        rendered again, as a build leaves its current .docx alone.
        """
        from docgen.pipeline import load_templates, render_documents
        from docgen.wordml.reader import read_docx

        with self._rendering:
            known = self._texts.get(document.number)
            templates = load_templates(self.project.templates, [document])
            [rendered] = render_documents([document], templates,
                                          [known[0] if known else None])
            if rendered.data is None and known is not None:
                return known[1]
            text = read_docx(rendered.data or b"")
            self._texts[document.number] = (rendered.key, text)
            return text

    def run_action(self, action: Callable[[], T], *, reload: bool = True) -> T:
        """Return what `action` returns, actions running one at a time; reload after it
        (unless told not to: a build changes no content)."""
        with self._acting:
            try:
                return action()
            finally:
                if reload:
                    self.reload()

