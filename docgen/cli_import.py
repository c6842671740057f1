"""What docgen import prints, and which arguments of docgen check are Word files.

Kept apart from docgen.cli so that the command stays a thin layer: the import's summary
is lines made from the ImportResult, in the command's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.catalogue import importing as said
from docgen.messages import Message, render_text
from docgen.report import display_path, message_lines, place

if TYPE_CHECKING:  # `docgen check` splits its arguments here without loading the importer
    from docgen.importer.into_project import ImportResult, WrittenDocument

# How many characters of a quotation (a sentence a KPI was read from) the summary shows.
_QUOTED = 40

# What docgen reads as Word files (converted through LibreOffice when they are old).
WORD_SUFFIXES = (".docx", ".docm", ".doc", ".wps", ".dotx")


def word_arguments(arguments: Sequence[str]) -> tuple[list[Path], list[str]]:
    """Return the Word files among `arguments` (files named, and the Word files in the
    folders named), and the rest (document numbers)."""
    files: list[Path] = []
    numbers: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.suffix.lower() in WORD_SUFFIXES:
            files.append(path)
        elif path.is_dir():
            files += sorted(child for child in path.rglob("*")
                            if child.suffix.lower() in WORD_SUFFIXES and child.is_file()
                            and not child.name.startswith("~$"))  # Word's lock files
        else:
            numbers.append(argument)
    return files, numbers


def import_summary(result: ImportResult, language: str) -> list[str]:
    """Return what an import wrote, what it guessed and what must be fixed, as lines: each
    organization with the documents imported into it, then what to review in each file."""

    def say(message: Message) -> str:
        return render_text(message, language)

    lines: list[str] = []
    for organization in result.organizations:
        members = [d for d in result.documents if d.path.parent == organization.path.parent]
        first = members[0].imported
        if organization.derived:
            lines += message_lines(said.ORG_DERIVED(key=organization.key, prefix=first.prefix),
                                   language=language)
        if organization.created:
            lines.append(say(said.ORG_CREATED(
                path=display_path(organization.path), key=organization.key,
                company=first.company or first.prefix, prefix=first.prefix)))
        elif organization.people_added or organization.departments_added:
            lines.append(say(said.ORG_EXTENDED(
                path=display_path(organization.path),
                people=said.PEOPLE(count=organization.people_added),
                departments=said.DEPARTMENTS(count=organization.departments_added))))
        else:
            lines.append(say(said.ORG_UNCHANGED(path=display_path(organization.path))))
        lines += ["  " + say(_imported(written)) for written in members]
    for organization in result.organizations:
        if organization.guesses:
            lines += _review(display_path(organization.path), organization.guesses, language)
    for written in result.documents:
        path = display_path(written.path)
        lines += _review(path, written.guesses, language)
        if written.problems:
            lines += message_lines(said.DOES_NOT_LOAD(path=path), language=language)
            lines += ["  " + say(said.TO_REVIEW(place=place(problem.location, language),
                                                text=problem.what))
                      for problem in written.problems]
    lines.append(say(said.NEXT_STEPS()))
    return lines


def _imported(written: WrittenDocument) -> Message:
    data = written.imported.data
    return said.IMPORTED(
        source=display_path(written.imported.source), target=display_path(written.path),
        sections=said.SECTIONS(count=_count(data.get("sections"), "sections")),
        tables=said.TABLES(count=_tables(data.get("sections"))),
        kpis=said.KPIS(count=len(data.get("kpis") or {})),  # type: ignore[arg-type]
        activities=said.ACTIVITIES(count=len(data.get("activities") or {})))  # type: ignore[arg-type]


def _review(path: str, guesses: list[tuple[int, Message]], language: str) -> list[str]:
    """Return the lines that list what was guessed in the file at `path`."""
    if not guesses:
        return [render_text(said.NOTHING_TO_REVIEW(path=path), language)]
    return [render_text(said.REVIEW_HEAD(path=path, count=len(guesses)), language)] + [
        "  " + render_text(said.TO_REVIEW(place=f"{path}:{line}", text=_shortened(what)),
                           language)
        for line, what in guesses]


def _shortened(message: Message) -> Message:
    """Return `message` with long quotations cut: the summary points at the comment,
    which quotes them whole."""
    return Message(message.code, {
        key: value[:_QUOTED - 1] + "…" if isinstance(value, str) and len(value) > _QUOTED
        else value for key, value in message.params.items()})


def _count(sections: object, key: str) -> int:
    """Return how many sections `sections` holds, at every level."""
    if not isinstance(sections, list):
        return 0
    return sum(1 + _count(section.get(key), key) for section in sections
               if isinstance(section, dict))


def _tables(sections: object) -> int:
    """Return how many tables (of any kind) the sections hold."""
    if not isinstance(sections, list):
        return 0
    total = 0
    for section in sections:
        if not isinstance(section, dict):
            continue
        total += sum(1 for block in section.get("body") or []
                     if isinstance(block, dict)
                     and {"table", "kpi_table", "activity_table"} & set(block))
        total += _tables(section.get("sections"))
    return total
