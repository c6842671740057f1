"""Metadata rules: revision history, signoff dates and signers, document numbers."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from docgen.catalogue.checks import (
    APPROVED_BEFORE_REVIEWED,
    DATED_BEFORE_APPROVAL,
    FILE_NAME,
    NUMBER_PREFIX,
    NUMBER_TAKEN,
    REVIEWED_BEFORE_WRITTEN,
    ROLES,
    SELF_APPROVAL,
    SELF_REVIEW,
    SIGNER_ROLE,
    SIGNER_SIGNS_NOTHING,
    VERSION_ORDER,
)
from docgen.checks.context import CheckContext
from docgen.checks.findings import Defect, Severity
from docgen.checks.registry import rule
from docgen.messages import MessageType


@rule("META-REVISION-ORDER", family="metadata", severity=Severity.ERROR,
      summary="revision rows are in version order, each written after the previous was approved")
def revision_order(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        for previous, row in pairwise(document.model.revisions):
            if not row.version > previous.version:
                yield Defect(document.number, row.location("version"),
                             VERSION_ORDER(version=str(row.version),
                                           previous=str(previous.version)))
            elif row.date < previous.approve_date:
                yield Defect(document.number, row.location("date"),
                             DATED_BEFORE_APPROVAL(version=str(row.version), date=row.date,
                                                   previous=str(previous.version),
                                                   approved=previous.approve_date))


@rule("META-SIGNOFF-DATES", family="metadata", severity=Severity.ERROR,
      summary="编制 ≤ 审核 ≤ 批准: a version is reviewed after it is written and approved "
              "after review (rows without a review date are not compared)")
def signoff_dates(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        for row in document.model.revisions:
            if row.review_date is None:
                continue
            if row.review_date < row.date:
                yield Defect(document.number, row.location("review_date"),
                             REVIEWED_BEFORE_WRITTEN(version=str(row.version),
                                                     reviewed=row.review_date, written=row.date))
            if row.approve_date < row.review_date:
                yield Defect(document.number, row.location("approve_date"),
                             APPROVED_BEFORE_REVIEWED(version=str(row.version),
                                                      approved=row.approve_date,
                                                      reviewed=row.review_date))


def _signs_own_work(context: CheckContext, role: str, says: MessageType) -> Iterator[Defect]:
    for document in context.documents:
        for row in document.model.revisions:
            if row.author is not None and row.author == getattr(row, role):
                yield Defect(document.number, row.location(role),
                             says(author=row.author, version=str(row.version)))


@rule("META-SELF-APPROVAL", family="metadata", severity=Severity.ERROR,
      summary="the author of a version does not approve it")
def self_approval(context: CheckContext) -> Iterator[Defect]:
    yield from _signs_own_work(context, "approver", SELF_APPROVAL)


@rule("META-SELF-REVIEW", family="metadata", severity=Severity.WARNING,
      summary="the author of a version does not review it")
def self_review(context: CheckContext) -> Iterator[Defect]:
    yield from _signs_own_work(context, "reviewer", SELF_REVIEW)


@rule("META-SIGNER-ROLE", family="metadata", severity=Severity.ERROR,
      summary="every signer may sign in the role they signed in (people.signs in org.yaml)")
def signer_role(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        for row in document.model.revisions:
            for role in ("author", "reviewer", "approver"):
                name = getattr(row, role)
                person = context.people.get(name) if name else None
                if person is not None and role not in person.signs:
                    said = dict(name=name, version=str(row.version), role=role,
                                role_name=ROLES[role]())
                    yield Defect(document.number, row.location(role),
                                 SIGNER_ROLE(**said, allowed=[ROLES[r]() for r in person.signs])
                                 if person.signs else SIGNER_SIGNS_NOTHING(**said))


@rule("META-NUMBER-PREFIX", family="metadata", severity=Severity.ERROR,
      summary="a document number starts with the organization's prefix")
def number_prefix(context: CheckContext) -> Iterator[Defect]:
    prefix = context.organization.organization.prefix
    for document in context.documents:
        if not document.number.startswith(f"{prefix}-"):
            yield Defect(document.number, document.model.location("number"),
                         NUMBER_PREFIX(number=document.number, prefix=prefix))


@rule("META-FILE-NAME", family="metadata", severity=Severity.ERROR,
      summary="a document's file is named by its number")
def file_name(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        if document.path.stem != document.number:
            yield Defect(document.number, document.model.location("number"),
                         FILE_NAME(file=document.path.name, number=document.number,
                                   suffix=document.path.suffix))


@rule("META-NUMBER-UNIQUE", family="metadata", severity=Severity.ERROR,
      summary="no two documents of the content tree share a number")
def number_unique(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        for other in context.all_documents:
            if other.number == document.number and other.path != document.path \
                    and other.organization_key != document.organization_key:
                yield Defect(document.number, document.model.location("number"),
                             NUMBER_TAKEN(number=document.number,
                                          organization=other.organization.name,
                                          file=f"{other.path.parent.name}/{other.path.name}"))
