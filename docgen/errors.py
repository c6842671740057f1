"""One exception hierarchy for docgen.

Exceptions carry structured facts (where, what, what to do); they never print and
never format themselves for a terminal. The CLI turns them into messages and exit
codes, so the library stays callable and testable from Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# What an interrupted run says, wherever the interrupt lands.
INTERRUPTED = ("docgen: interrupted; files already written are complete, the others were "
               "not touched.\n")


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file: 1-based line and column; 0 means unknown."""

    file: Path
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return str(self.file)
        if self.column <= 0:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is, what it is, and what would fix it."""

    location: Location
    message: str
    hint: str = ""


class DocgenError(Exception):
    """Base of every error docgen raises on purpose."""

    def __reduce__(self) -> tuple[object, ...]:
        # Errors raised in a rendering worker travel to the main process pickled; the
        # default would call __init__ with the message alone.
        return _rebuild_error, (type(self), self.args, self.__dict__)


def _rebuild_error(kind: type[DocgenError], args: tuple[object, ...],
                   state: dict[str, object]) -> DocgenError:
    error = kind.__new__(kind)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class ContentError(DocgenError):
    """The content could not be read or is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (str(p.location.file), p.location.line,
                                                        p.location.column, p.message))
        super().__init__(f"{len(self.problems)} problem(s) in the content")


class TemplateError(DocgenError):
    """A Word template is missing, unreadable, or does not fit the content."""

    def __init__(self, template: Path, message: str, hint: str = ""):
        self.template = template
        self.message = message
        self.hint = hint
        super().__init__(f"{template}: {message}")


class OutputError(DocgenError):
    """An output file could not be written; earlier output is left as it was."""

    def __init__(self, path: Path, message: str, hint: str = ""):
        self.path = path
        self.message = message
        self.hint = hint
        super().__init__(f"{path}: {message}")


class UsageError(DocgenError):
    """The command was asked for something that does not exist or cannot be done."""

    def __init__(self, message: str, hint: str = ""):
        self.message = message
        self.hint = hint
        super().__init__(message)


class ChecksFailed(DocgenError):
    """The checks found errors that stop a command (build --strict, release).

    `titles` heads the report: "NUMBER title" of each document concerned, by number.
    """

    def __init__(self, findings: list, titles: dict[str, str], message: str, hint: str = ""):
        self.findings = findings
        self.titles = titles
        self.message = message
        self.hint = hint
        super().__init__(message)


class LibreOfficeError(DocgenError):
    """LibreOffice is missing, failed, or took too long; .docx output is already written."""

    def __init__(self, message: str, hint: str = ""):
        self.message = message
        self.hint = hint
        super().__init__(message)
