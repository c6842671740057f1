"""One exception hierarchy for docgen.

Exceptions carry structured facts: where, and what is wrong as a catalogue message (a
code and named values, whose entry also says what to do); they never print and never
format themselves for a terminal. The CLI turns them into sentences and exit codes,
so the library stays callable and testable from Python.

Only a message is accepted, never a sentence. `message` and `hint` render it, for a
person or a test to read; code compares `what` (its code and values), never them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.catalogue.cli import INTERRUPTED as _INTERRUPTED
from docgen.messages import Message, render

# What an interrupted run says, wherever the interrupt lands (a line of its own).
INTERRUPTED = _INTERRUPTED()


def as_message(what: object) -> Message:
    """Return `what`, which must be a catalogue message (a sentence is refused)."""
    if not isinstance(what, Message):
        raise TypeError(f"expected a catalogue message, not {type(what).__name__}")
    return what


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


@dataclass(frozen=True, order=True)
class WordLocation(Location):
    """A place in a Word file, as a person finds it there: `where` says which table and
    row, or which paragraph by its first words; `line` is the place in the YAML the file
    was read into, which only orders findings."""

    where: Message | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is, and what it is and what would fix
    it, as a catalogue message."""

    location: Location
    what: Message

    def __post_init__(self) -> None:
        as_message(self.what)

    @property
    def message(self) -> str:
        """The sentence that says what is wrong."""
        return render(self.what)[0]

    @property
    def hint(self) -> str:
        """The sentence that says what would fix it ("" if none)."""
        return render(self.what)[1]


class DocgenError(Exception):
    """Base of every error docgen raises on purpose.

    Each but ContentError (which carries problems) says what is wrong in `what`.
    """

    what: Message

    @property
    def message(self) -> str:
        """The sentence that says what is wrong."""
        return render(self.what)[0]

    @property
    def hint(self) -> str:
        """The sentence that says what to do ("" if none)."""
        return render(self.what)[1]

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

    def __init__(self, template: Path, what: Message):
        self.template = template
        self.what = as_message(what)
        super().__init__(f"{template}: {self.message}")


class OutputError(DocgenError):
    """An output file could not be written; earlier output is left as it was."""

    def __init__(self, path: Path, what: Message):
        self.path = path
        self.what = as_message(what)
        super().__init__(f"{path}: {self.message}")


class UsageError(DocgenError):
    """The command was asked for something that does not exist or cannot be done."""

    def __init__(self, what: Message):
        self.what = as_message(what)
        super().__init__(self.message)


class ChecksFailed(DocgenError):
    """The checks found errors that stop a command (build --strict, release).

    `titles` heads the report: "NUMBER title" of each document concerned, by number.
    """

    def __init__(self, findings: list, titles: dict[str, str], what: Message):
        self.findings = findings
        self.titles = titles
        self.what = as_message(what)
        super().__init__(self.message)


class LibreOfficeError(DocgenError):
    """LibreOffice is missing, failed, or took too long; .docx output is already written."""

    def __init__(self, what: Message):
        self.what = as_message(what)
        super().__init__(self.message)
