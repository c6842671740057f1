"""The controlled-document register (受控文件清单): one row per document, from its revisions.

Versions, signers and dates come from the same revision rows as the documents
themselves, so the register cannot disagree with them. Withdrawn documents are listed
apart, as the 作废文件清单.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from docgen.content.model import ResolvedDocument, ResolvedOrganization
from docgen.output import output_path, write_all_atomically
from docgen.pipeline import load_document_set
from docgen.project import Project
from docgen.render.docx import DATE_FORMAT
from docgen.render.register import register_docx, register_xlsx

STATE_WORDS = {"draft": "草稿", "released": "现行", "withdrawn": "作废"}
REGISTER_NAME = "受控文件清单"


@dataclass(frozen=True)
class RegisterEntry:
    """One row of the register."""

    index: int
    number: str
    title: str
    version: str
    department: str
    author: str
    reviewer: str
    approver: str
    issued: str
    state: str
    withdrawn_on: str
    reason: str


@dataclass(frozen=True)
class Register:
    """An organization's register: documents in force, withdrawn documents, and its date."""

    organization: str
    prefix: str
    date: dt.date
    current: list[RegisterEntry]
    withdrawn: list[RegisterEntry]

    def frame(self) -> dict[str, object]:
        """Return what the register template's tags show."""
        return {
            "org": {"name": self.organization, "prefix": self.prefix},
            "register": {"date": self.date.strftime(DATE_FORMAT),
                         "released": sum(entry.state == STATE_WORDS["released"]
                                         for entry in self.current),
                         "drafts": sum(entry.state == STATE_WORDS["draft"]
                                       for entry in self.current),
                         "withdrawn": len(self.withdrawn)},
            "current": [vars(entry) for entry in self.current],
            "withdrawn": [vars(entry) for entry in self.withdrawn],
        }


def _entry(index: int, document: ResolvedDocument) -> RegisterEntry:
    current = document.current
    people = {person.name: person for person in document.organization.people}
    author = people.get(current.author)
    department = document.model.department or (author.department if author else "") or ""
    withdrawn_on = document.model.withdrawn_on
    return RegisterEntry(
        index=index, number=document.number, title=document.title,
        version=str(document.version), department=department, author=current.author,
        reviewer=current.reviewer, approver=current.approver,
        issued=current.approve_date.strftime(DATE_FORMAT), state=STATE_WORDS[document.state],
        withdrawn_on=withdrawn_on.strftime(DATE_FORMAT) if withdrawn_on else "",
        reason=document.model.withdrawn_reason or "")


def build_register(organization: ResolvedOrganization) -> Register:
    """Return the register of `organization`, dated by its latest approval or withdrawal."""
    in_force = [d for d in organization.documents if not d.withdrawn]
    withdrawn = [d for d in organization.documents if d.withdrawn]
    dates = [d.effective_date for d in organization.documents] + [
        d.model.withdrawn_on for d in withdrawn if d.model.withdrawn_on]
    return Register(
        organization=organization.organization.name, prefix=organization.organization.prefix,
        date=max(dates, default=dt.date(2000, 1, 1)),
        current=[_entry(index, d) for index, d in enumerate(in_force, start=1)],
        withdrawn=[_entry(index, d) for index, d in enumerate(withdrawn, start=1)])


def register_paths(project: Project, organization: ResolvedOrganization) -> tuple[Path, Path]:
    """Return where the register of `organization` is written, as .docx and as .xlsx."""
    stem = f"{organization.organization.prefix} {REGISTER_NAME}"
    return (output_path(project.output, organization.key, f"{stem}.docx"),
            output_path(project.output, organization.key, f"{stem}.xlsx"))


def write_registers(project: Project) -> list[Path]:
    """Write the register of every organization; return the files written."""
    document_set = load_document_set(project)
    rendered = []
    for organization in document_set.organizations:
        register = build_register(organization)
        docx_file, xlsx_file = register_paths(project, organization)
        rendered.append((docx_file, register_docx(register, project.templates)))
        rendered.append((xlsx_file, register_xlsx(register)))
    write_all_atomically(rendered)
    return [path for path, _data in rendered]
