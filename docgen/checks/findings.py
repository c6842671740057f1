"""What the checker reports: a finding with its rule, place, and message (with its fix).

A finding carries its message as data, a catalogue code and named values; report.py
makes the sentences, so a finding read back from the build manifest reads in whatever
language the catalogue speaks when it is shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from docgen.errors import Location
from docgen.messages import Message, render


class Severity(StrEnum):
    """How bad a finding is: errors fail `docgen check`; warnings do so only with --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Defect:
    """What a rule found, before the engine adds the rule's id and severity."""

    document: str
    location: Location
    message: Message


@dataclass(frozen=True)
class Finding:
    """One thing wrong with the document set, where it is, and what would fix it."""

    rule: str
    severity: Severity
    document: str
    location: Location
    message: Message
    """What is wrong and what would fix it: a sentence and a hint of the catalogue."""

    @property
    def text(self) -> str:
        """The sentence that says what is wrong."""
        return render(self.message)[0]

    @property
    def hint(self) -> str:
        """The sentence that says what would fix it."""
        return render(self.message)[1]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        """Return the finding `as_json` gave `data` for.

        Raise ValueError for a message the catalogue cannot render (an older docgen's).
        """
        message = Message.from_json(data["message"])
        try:
            render(message)
        except (LookupError, ValueError, TypeError, IndexError) as error:
            raise ValueError(f"not a message of this catalogue: {error}") from None
        return cls(data["rule"], Severity(data["severity"]), data["document"],
                   Location(Path(data["file"]), data["line"], data["column"]), message)

    def as_json(self) -> dict[str, object]:
        """Return the finding as JSON data: its place, and its message as code and values."""
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "document": self.document,
            "file": str(self.location.file),
            "line": self.location.line,
            "column": self.location.column,
            "message": self.message.as_json(),
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
