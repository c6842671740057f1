"""What the checker reports: a finding with its rule, place, message and fix."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

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
