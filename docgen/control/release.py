"""docgen release and withdraw: freeze a version, or take a document out of force.

A release records the fingerprint of the document's content for its current version
in content/<org>/releases/<NUMBER>.yaml, next to the content and committed with it,
and writes the released .docx (version in its name) to output/<org>/released/. From
then on `docgen check` reports any change to that version's content (CONTROL-…).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from docgen.catalogue import control as said
from docgen.checks import Severity, run_checks
from docgen.content.loader import release_file
from docgen.content.model import ResolvedDocument
from docgen.content.schema import Document, ReleaseRecord, Releases
from docgen.control.content_files import check_option_text, write_content_file
from docgen.control.yaml_edit import YamlText
from docgen.errors import ChecksFailed, UsageError
from docgen.output import output_path, write_atomically
from docgen.output_folder import docx_path
from docgen.pipeline import document_titles, load_document_set, select_documents
from docgen.project import Project
from docgen.render.docx import TemplateSet, render_docx
from docgen.render.pdf import PdfJob, make_pdfs

RELEASED_FOLDER = "released"
RECORDS_HEADER = ("# Release records written by `docgen release`: the content fingerprint of "
                  "each released version.\n# Commit this file with the content; do not edit it "
                  "by hand.\nreleases:\n")


@dataclass(frozen=True)
class ReleaseResult:
    """What a release did."""

    document: ResolvedDocument
    record_file: Path
    released_file: Path
    forced: bool
    already_released: bool


def released_path(project: Project, document: ResolvedDocument) -> Path:
    """Return where the released .docx of the current version of `document` goes."""
    normal = docx_path(project.output, document)
    return output_path(project.output, f"{document.organization_key}/{RELEASED_FOLDER}",
                       normal.name)


def release(project: Project, number: str, *, on: dt.date, force: bool = False,
            pdf: bool = False) -> ReleaseResult:
    """Release the current version of document `number`; refuse while it has errors."""
    document_set = load_document_set(project)
    [document] = select_documents(document_set, [number])
    if document.withdrawn:
        raise UsageError(said.RELEASE_WITHDRAWN(number=number))
    if on < document.current.approve_date:
        raise UsageError(said.RELEASE_BEFORE_APPROVAL(number=number, version=str(document.version),
                                                      on=on,
                                                      approved=document.current.approve_date))
    record = document.release
    if record is not None and record.fingerprint != document.fingerprint:
        raise UsageError(said.CHANGED_SINCE_RELEASE(number=number, version=str(document.version),
                                                    released=record.released_on))
    errors = [finding for finding in run_checks(document_set)
              if finding.document == number and finding.severity is Severity.ERROR]
    if errors and not force and record is None:
        raise ChecksFailed(errors, document_titles([document]),
                           said.RELEASE_CHECKS_FAILED(number=number))
    template = TemplateSet(project.templates).get(document.template)
    target = released_path(project, document)
    # The released copy is drawn as released: a cover that shows 受控状态 or 发布日期
    # says 受控 and the release date, not what the draft said.
    released = document if record is not None else dataclasses.replace(
        document, releases=[*document.releases, ReleaseRecord(
            version=document.version, released_on=on, fingerprint=document.fingerprint)])
    write_atomically(target, render_docx(released, template))
    if pdf:
        make_pdfs([PdfJob(released, template, target)])
    records = release_file(document.path.parent, number)
    if record is None:
        _append_record(records, document, on, forced=bool(errors))
    return ReleaseResult(document, records, target, bool(errors) and record is None,
                         record is not None)


def _append_record(path: Path, document: ResolvedDocument, on: dt.date, *, forced: bool) -> None:
    item = {"version": str(document.version), "released_on": on.isoformat(),
            "fingerprint": document.fingerprint}
    if forced:
        item["forced"] = "true"
    if path.exists():
        editable = YamlText(path.read_bytes().decode("utf-8"), path)
        if not editable.has("releases"):
            raise UsageError(said.RECORDS_DAMAGED(path=str(path)))
        editable.append_item("releases", item)
        data = editable.encoded()
    else:
        lines = [f"  - {name}: {value}" if index == 0 else f"    {name}: {value}"
                 for index, (name, value) in enumerate(item.items())]
        data = (RECORDS_HEADER + "\n".join(lines) + "\n").encode("utf-8")
    write_content_file(path, data, Releases)


def withdraw(project: Project, number: str, *, on: dt.date, reason: str) -> Path:
    """Mark document `number` as withdrawn (作废) in its content file; return the file."""
    check_option_text("--reason", reason)
    document_set = load_document_set(project)
    [document] = select_documents(document_set, [number])
    if document.withdrawn:
        raise UsageError(said.ALREADY_WITHDRAWN(number=number))
    if not reason.strip():
        raise UsageError(said.NO_REASON())
    editable = YamlText(document.path.read_bytes().decode("utf-8"), document.path)
    editable.set_values({"status": "withdrawn", "withdrawn_on": on.isoformat(),
                         "withdrawn_reason": reason}, before="revisions")
    write_content_file(document.path, editable.encoded(), Document)
    return document.path

