"""Metadata rules: revision history, signoff dates and signers, document numbers."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from docgen.checks.context import CheckContext
from docgen.checks.findings import Defect, Severity
from docgen.checks.registry import rule
from docgen.content.schema import SIGNING_ROLE_NAMES as ROLE_NAMES


@rule("META-REVISION-ORDER", family="metadata", severity=Severity.ERROR,
      summary="revision rows are in version order, each written after the previous was approved")
def revision_order(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        for previous, row in pairwise(document.model.revisions):
            if not row.version > previous.version:
                yield Defect(document.number, row.location("version"),
                             f"revision {row.version} follows {previous.version}: versions must "
                             f"increase from row to row",
                             "list the revisions oldest first, each with a higher version")
            elif row.date < previous.approve_date:
                yield Defect(document.number, row.location("date"),
                             f"revision {row.version} is dated {row.date}, before "
                             f"{previous.version} was approved on {previous.approve_date}",
                             "correct the date, or the order of the revision rows")


@rule("META-SIGNOFF-DATES", family="metadata", severity=Severity.ERROR,
      summary="编制 ≤ 审核 ≤ 批准: a version is reviewed after it is written and approved "
              "after review")
def signoff_dates(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        for row in document.model.revisions:
            if row.review_date < row.date:
                yield Defect(document.number, row.location("review_date"),
                             f"{row.version} is reviewed on {row.review_date}, before it was "
                             f"written on {row.date}",
                             "review dates cannot precede the writing date; correct one of them")
            if row.approve_date < row.review_date:
                yield Defect(document.number, row.location("approve_date"),
                             f"{row.version} is approved on {row.approve_date}, before it was "
                             f"reviewed on {row.review_date}",
                             "approval comes after review; correct one of the dates")


def _signs_own_work(context: CheckContext, role: str, verb: str) -> Iterator[Defect]:
    for document in context.documents:
        for row in document.model.revisions:
            if row.author == getattr(row, role):
                yield Defect(document.number, row.location(role),
                             f"{row.author} both wrote and {verb} {row.version}",
                             f"have the version {verb} by someone other than its author")


@rule("META-SELF-APPROVAL", family="metadata", severity=Severity.ERROR,
      summary="the author of a version does not approve it")
def self_approval(context: CheckContext) -> Iterator[Defect]:
    yield from _signs_own_work(context, "approver", "approved")


@rule("META-SELF-REVIEW", family="metadata", severity=Severity.WARNING,
      summary="the author of a version does not review it")
def self_review(context: CheckContext) -> Iterator[Defect]:
    yield from _signs_own_work(context, "reviewer", "reviewed")


@rule("META-SIGNER-ROLE", family="metadata", severity=Severity.ERROR,
      summary="every signer may sign in the role they signed in (people.signs in org.yaml)")
def signer_role(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        for row in document.model.revisions:
            for role in ("author", "reviewer", "approver"):
                name = getattr(row, role)
                person = context.people.get(name)
                if person is not None and role not in person.signs:
                    may = ", ".join(ROLE_NAMES[r] for r in person.signs) or "nothing"
                    yield Defect(document.number, row.location(role),
                                 f"{name} signs {row.version} as {ROLE_NAMES[role]}, but may "
                                 f"sign only as: {may}",
                                 f"choose a signer who may sign as {role}, or add '{role}' to "
                                 f"{name}'s signs in org.yaml")


@rule("META-NUMBER-PREFIX", family="metadata", severity=Severity.ERROR,
      summary="a document number starts with the organization's prefix")
def number_prefix(context: CheckContext) -> Iterator[Defect]:
    prefix = context.organization.organization.prefix
    for document in context.documents:
        if not document.number.startswith(f"{prefix}-"):
            yield Defect(document.number, document.model.location("number"),
                         f"{document.number} does not start with the organization's prefix "
                         f"{prefix}-", f"renumber it as {prefix}-..., or check org.yaml's prefix")


@rule("META-FILE-NAME", family="metadata", severity=Severity.ERROR,
      summary="a document's file is named by its number")
def file_name(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        if document.path.stem != document.number:
            yield Defect(document.number, document.model.location("number"),
                         f"the file {document.path.name} holds document {document.number}",
                         f"rename the file to {document.number}{document.path.suffix}")


@rule("META-NUMBER-UNIQUE", family="metadata", severity=Severity.ERROR,
      summary="no two documents of the content tree share a number")
def number_unique(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        for other in context.all_documents:
            if other.number == document.number and other.path != document.path \
                    and other.organization_key != document.organization_key:
                yield Defect(document.number, document.model.location("number"),
                             f"{document.number} is also the number of a document of "
                             f"{other.organization.name} ({other.path.parent.name}/"
                             f"{other.path.name})",
                             "give each document its own number")
