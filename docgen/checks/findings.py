"""What the checker reports: a finding with its rule, place, message and fix."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from docgen.errors import Location


class Severity(StrEnum):
    """How bad a finding is: errors fail `docgen check`; warnings do so only with --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Defect:
    """What a rule found, before the engine adds the rule's id and severity."""

    document: str
    location: Location
    message: str
    hint: str


@dataclass(frozen=True)
class Finding:
    """One thing wrong with the document set, where it is, and what would fix it."""

    rule: str
    severity: Severity
    document: str
    location: Location
    message: str
    hint: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        """Return the finding `as_json` gave `data` for."""
        return cls(data["rule"], Severity(data["severity"]), data["document"],
                   Location(Path(data["file"]), data["line"], data["column"]),
                   data["message"], data["hint"])

    def as_json(self) -> dict[str, object]:
        """Return the finding as the JSON object `docgen check --format json` prints."""
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "document": self.document,
            "file": str(self.location.file),
            "line": self.location.line,
            "column": self.location.column,
            "message": self.message,
            "hint": self.hint,
        }


def count(findings: Iterable[Finding], *, strict: bool = False) -> tuple[int, int]:
    """Return (errors, warnings); with `strict`, warnings count as errors."""
    errors = warnings = 0
    for finding in findings:
        if finding.severity is Severity.ERROR or strict:
            errors += 1
        else:
            warnings += 1
    return errors, warnings
