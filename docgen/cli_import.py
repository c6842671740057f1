"""What docgen import prints, and which arguments of docgen check are Word files.

Kept apart from docgen.cli so that the command stays a thin layer: the import's summary
is lines made from the ImportResult, in the command's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docgen.catalogue import importing as said
from docgen.importer.into_project import ImportResult
from docgen.messages import render_text
from docgen.report import display_path, message_lines, place

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
    """Return what an import wrote, what it guessed and what must be fixed, as lines."""

    def say(message: object) -> str:
        return render_text(message, language)  # type: ignore[arg-type]

    lines: list[str] = []
    for organization in result.organizations:
        if organization.derived:
            lines += message_lines(said.ORG_DERIVED(key=organization.key,
                                                    prefix=_prefix(result, organization.key)),
                                   language=language)
        if organization.created:
            document = next(d for d in result.documents if d.path.parent.name == organization.key)
            lines.append(say(said.ORG_CREATED(
                path=display_path(organization.path), key=organization.key,
                company=document.imported.company or document.imported.prefix,
                prefix=document.imported.prefix)))
        elif organization.people_added or organization.departments_added:
            lines.append(say(said.ORG_EXTENDED(
                path=display_path(organization.path),
                people=said.PEOPLE(count=organization.people_added),
                departments=said.DEPARTMENTS(count=organization.departments_added))))
    for written in result.documents:
        data = written.imported.data
        lines.append(say(said.IMPORTED(
            source=display_path(written.imported.source), target=display_path(written.path),
            sections=said.SECTIONS(count=_count(data.get("sections"), "sections")),
            tables=said.TABLES(count=_tables(data.get("sections"))),
            kpis=said.KPIS(count=len(data.get("kpis") or {})),  # type: ignore[arg-type]
            activities=said.ACTIVITIES(count=len(data.get("activities") or {})))))  # type: ignore[arg-type]
    for written in result.documents:
        path = display_path(written.path)
        if written.guesses:
            lines.append(say(said.REVIEW_HEAD(path=path)))
            lines += ["  " + say(said.TO_REVIEW(place=f"{path}:{line}", text=what))
                      for line, what in written.guesses]
        else:
            lines.append(say(said.NOTHING_TO_REVIEW(path=path)))
        if written.problems:
            lines += message_lines(said.DOES_NOT_LOAD(path=path), language=language)
            lines += ["  " + say(said.TO_REVIEW(place=place(problem.location, language),
                                                text=problem.what))
                      for problem in written.problems]
    lines.append(say(said.NEXT_STEPS()))
    return lines


def _prefix(result: ImportResult, key: str) -> str:
    return next(d.imported.prefix for d in result.documents if d.path.parent.name == key)


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
