"""docgen bump: add a revision row, and with it a new version of a document.

The revision row is the only thing written: the cover, the signoff block, the page
header, the file name and the register all take the version from it. The content
file is edited in place (the diff is the new row) and only after every refusal has
been considered: unknown signers, signers who may not sign in their role, an author
approving their own version, dates out of order, or content that does not load.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from docgen.catalogue import control as said
from docgen.content.model import ResolvedDocument
from docgen.content.schema import SIGNING_ROLE_NAMES, Document
from docgen.content.values import Version
from docgen.control.content_files import check_option_text, verify_content, write_content_file
from docgen.control.yaml_edit import YamlText, unified_diff
from docgen.errors import UsageError
from docgen.pipeline import load_document_set, select_documents
from docgen.project import Project


@dataclass(frozen=True)
class BumpRequest:
    """What a bump asks for; dates are filled in with today when not given."""

    number: str
    level: Literal["minor", "major"]
    change: str
    author: str
    reviewer: str
    approver: str
    date: dt.date
    review_date: dt.date
    approve_date: dt.date


@dataclass(frozen=True)
class BumpPlan:
    """The edit a bump makes: the file as it was read, its new bytes, and the diff."""

    path: Path
    previous: Version
    version: Version
    old_bytes: bytes
    new_bytes: bytes
    diff: str


def plan_bump(project: Project, request: BumpRequest) -> BumpPlan:
    """Return the edit that adds the requested revision row; refuse what must not be."""
    for role in ("change", "author", "reviewer", "approver"):
        check_option_text(f"--{role}", getattr(request, role))
    document_set = load_document_set(project)  # content with load errors is refused here
    [document] = select_documents(document_set, [request.number])
    _refuse_invalid(document, request)
    current = document.version
    version = current.next_minor() if request.level == "minor" else current.next_major()
    old_bytes = document.path.read_bytes()
    raw = old_bytes.decode("utf-8")
    editable = YamlText(raw, document.path)
    editable.append_item("revisions", {
        "version": str(version), "author": request.author.strip(),
        "date": request.date.isoformat(),
        "reviewer": request.reviewer.strip(), "review_date": request.review_date.isoformat(),
        "approver": request.approver.strip(), "approve_date": request.approve_date.isoformat(),
        "change": request.change,
    })
    diff = unified_diff(raw.removeprefix("\ufeff"), editable.text, document.path.name)
    verify_content(document.path, editable.encoded(), Document)
    return BumpPlan(document.path, current, version, old_bytes, editable.encoded(), diff)


def apply_bump(plan: BumpPlan) -> None:
    """Write the planned edit atomically, unless the file changed since it was read."""
    if plan.path.read_bytes() != plan.old_bytes:
        raise UsageError(said.BUMP_RACE(path=str(plan.path)))
    write_content_file(plan.path, plan.new_bytes, Document)


def _refuse_invalid(document: ResolvedDocument, request: BumpRequest) -> None:
    if not request.change.strip():
        raise UsageError(said.NO_CHANGE())
    if document.withdrawn:
        raise UsageError(said.BUMP_WITHDRAWN(number=document.number))
    people = {person.name: person for person in document.organization.people}
    for role in ("author", "reviewer", "approver"):
        name = getattr(request, role).strip()
        person = people.get(name)
        if not name:
            may = [known.name for known in people.values() if role in known.signs]
            raise UsageError(said.NO_SIGNER(role=role, role_name=SIGNING_ROLE_NAMES[role],
                                            may=may) if may else
                             said.NO_SIGNER_NOBODY(role=role, role_name=SIGNING_ROLE_NAMES[role]))
        if person is None:
            raise UsageError(said.NOT_A_PERSON(name=name, organization=document.organization.name,
                                               known=list(people)))
        if role not in person.signs:
            may = [SIGNING_ROLE_NAMES[r] for r in person.signs] or [said.NOTHING()]
            raise UsageError(said.MAY_NOT_SIGN(name=name, role=role,
                                               role_name=SIGNING_ROLE_NAMES[role], may=may))
    if request.author.strip() == request.approver.strip():
        raise UsageError(said.SELF_APPROVAL(name=request.author.strip()))
    previous = document.current
    if request.date < previous.approve_date:
        raise UsageError(said.BEFORE_APPROVAL(date=request.date, previous=str(previous.version),
                                              approved=previous.approve_date))
    if not request.date <= request.review_date <= request.approve_date:
        raise UsageError(said.DATES_OUT_OF_ORDER(written=request.date,
                                                 reviewed=request.review_date,
                                                 approved=request.approve_date))
