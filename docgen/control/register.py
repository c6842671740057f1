"""The controlled-document register (受控文件清单): one row per document, from its revisions.

Versions, signers and dates come from the same revision rows as the documents
themselves, so the register cannot disagree with them. Withdrawn documents are listed
apart, as the 作废文件清单. This module builds the register's data (dates stay dates,
states stay states); docgen.render.register prints and writes it in the house style.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docgen.content.model import DocumentState, ResolvedDocument, ResolvedOrganization
from docgen.style import DEFAULT_STYLE, HouseStyle


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
    issued: dt.date
    state: DocumentState
    withdrawn_on: dt.date | None
    reason: str


@dataclass(frozen=True)
class Register:
    """An organization's register: documents in force, withdrawn documents, and its date."""

    organization: str
    prefix: str
    date: dt.date
    current: list[RegisterEntry]
    withdrawn: list[RegisterEntry]
    style: HouseStyle = DEFAULT_STYLE
    """How the organization prints dates and states."""

    def count(self, state: DocumentState) -> int:
        """Return how many documents in force are in `state`."""
        return sum(entry.state == state for entry in self.current)


def _entry(index: int, document: ResolvedDocument) -> RegisterEntry:
    current = document.current
    withdrawn_on = document.model.withdrawn_on
    return RegisterEntry(
        index=index, number=document.number, title=document.title,
        version=str(document.version), department=document.department, author=current.author or "",
        reviewer=current.reviewer or "", approver=current.approver,
        issued=current.approve_date, state=document.state, withdrawn_on=withdrawn_on,
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
        withdrawn=[_entry(index, d) for index, d in enumerate(withdrawn, start=1)],
        style=organization.style)
