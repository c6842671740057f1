"""Document-control rules: a released version is frozen; release records match revisions."""

from __future__ import annotations

from collections.abc import Iterator

from docgen.catalogue.checks import FORCED_RELEASE, RELEASE_UNKNOWN_VERSION, RELEASED_CHANGED
from docgen.checks.context import CheckContext
from docgen.checks.findings import Defect, Severity
from docgen.checks.registry import rule


@rule("CONTROL-RELEASED-CHANGED", family="control", severity=Severity.ERROR,
      summary="the content of a released version does not change without a new revision")
def released_changed(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        record = document.release
        if record is not None and record.fingerprint != document.fingerprint:
            yield Defect(document.number, document.current.location("version"),
                         RELEASED_CHANGED(number=document.number, version=str(document.version),
                                          released_on=record.released_on))


@rule("CONTROL-RELEASE-UNKNOWN-VERSION", family="control", severity=Severity.ERROR,
      summary="every release record names a version the revision history has")
def unknown_released_version(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        versions = {row.version for row in document.model.revisions}
        for record in document.releases:
            if record.version not in versions:
                yield Defect(document.number, record.location("version"),
                             RELEASE_UNKNOWN_VERSION(version=str(record.version),
                                                     number=document.number,
                                                     released_on=record.released_on))


@rule("CONTROL-FORCED-RELEASE", family="control", severity=Severity.WARNING,
      summary="the version in force was not released with --force over errors")
def forced_release(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        record = document.release
        if record is not None and record.forced:
            yield Defect(document.number, record.location("forced"),
                         FORCED_RELEASE(number=document.number, version=str(document.version),
                                        released_on=record.released_on))
