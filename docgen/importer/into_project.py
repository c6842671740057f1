"""docgen import: write imported Word files into a project's content folder.

All or nothing: every file is read and imported first; a file that cannot be read, a
content file that exists already (without --force), two files of one number or an
org.yaml of another company stops the import before anything is written. Then each
document's YAML and the organization's org.yaml (created, or extended with the people
and departments it lacks) are written together, atomically.

Where the organization lives: `--org KEY` names its folder; without it, a folder of the
content whose org.yaml has the file's prefix, else one derived from the prefix. The
house style the originals are written in goes into a new org.yaml; a document whose
style differs from its organization's keeps the difference in its own `style:`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docgen.catalogue import importing as said
from docgen.content.loader import ORG_FILE
from docgen.content.schema import Document
from docgen.content.validation import validate
from docgen.content.yaml_source import parse_yaml
from docgen.errors import ContentError, Problem, UsageError
from docgen.importer.assemble import ImportedDocument, import_document
from docgen.importer.model import DataPath, Guess
from docgen.importer.org_file import (
    new_organization_file,
    signers_and_departments,
    style_guesses,
)
from docgen.messages import Message, render_text
from docgen.output import write_all_atomically
from docgen.project import Project
from docgen.report import display_path

_FOLDER_NAME = re.compile(r"^[\w][\w\-]*$")


@dataclass
class WrittenDocument:
    """One imported document: where it went, its guesses by line, and what keeps it from
    loading (problems a person must fix before docgen builds it)."""

    imported: ImportedDocument
    path: Path
    guesses: list[tuple[int, Message]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class OrganizationWritten:
    """The org.yaml an import created or extended."""

    key: str
    path: Path
    created: bool
    derived: bool
    people_added: int = 0
    departments_added: int = 0
    guesses: list[tuple[int, Message]] = field(default_factory=list)
    """What was guessed about the house style, by line of org.yaml."""


@dataclass
class ImportResult:
    """What an import wrote."""

    documents: list[WrittenDocument]
    organizations: list[OrganizationWritten]


def import_into_project(project: Project, paths: Sequence[Path], *, org: str | None = None,
                        force: bool = False, language: str) -> ImportResult:
    """Import the Word files at `paths` into `project`; write everything or nothing."""
    if org is not None and not _FOLDER_NAME.match(org):
        raise UsageError(said.BAD_ORG_KEY(key=org))
    imported = [import_document(path) for path in paths]
    _refuse_same_number(imported)
    groups = _organization_folders(project.content, imported, org)
    files: list[tuple[Path, bytes]] = []
    documents: list[WrittenDocument] = []
    organizations: list[OrganizationWritten] = []
    for (key, derived), members in groups.items():
        folder = project.content / key
        org_text, written = _organization_file(folder, key, derived, members, language)
        organizations.append(written)
        if org_text is not None:
            files.append((written.path, org_text.encode("utf-8")))
        existing_style = _style_of(org_text if org_text is not None
                                   else (folder / ORG_FILE).read_text(encoding="utf-8"))
        for document in members:
            target = folder / f"{document.number}.yaml"
            if target.exists() and not force:
                raise UsageError(said.ALREADY_IMPORTED(path=display_path(target)))
            text, guesses = _document_text(document, existing_style, language)
            files.append((target, text.encode("utf-8")))
            documents.append(WrittenDocument(document, target, guesses,
                                             _problems(text, target)))
    _write(files)
    return ImportResult(documents, organizations)


def _write(files: list[tuple[Path, bytes]]) -> None:
    """Write every file or none, making the folders they need (the content folder and
    the folders of new organizations) and removing them again when the writing fails."""
    made: list[Path] = []
    for folder in dict.fromkeys(path.parent for path, _data in files):
        missing = [folder, *folder.parents]
        missing = missing[:next(i for i, f in enumerate(missing) if f.exists())]
        for new in reversed(missing):
            new.mkdir()
            made.append(new)
    try:
        write_all_atomically(files)
    except BaseException:
        for folder in reversed(made):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        raise


def _refuse_same_number(documents: list[ImportedDocument]) -> None:
    seen: dict[str, ImportedDocument] = {}
    for document in documents:
        if document.number in seen:
            raise UsageError(said.SAME_NUMBER_TWICE(first=str(seen[document.number].source),
                                                    second=str(document.source),
                                                    number=document.number))
        seen[document.number] = document


def _organization_folders(content: Path, documents: list[ImportedDocument], org: str | None
                          ) -> dict[tuple[str, bool], list[ImportedDocument]]:
    """Return the documents by the folder of their organization (and whether its name
    was derived rather than given)."""
    from docgen.importer.organization import derive_org_key

    by_prefix = _folders_by_prefix(content)
    groups: dict[tuple[str, bool], list[ImportedDocument]] = {}
    for document in documents:
        if org is not None:
            key, derived = org, False
        elif document.prefix in by_prefix:
            key, derived = by_prefix[document.prefix], False
        else:
            key, derived = derive_org_key(document.company, document.prefix), True
        members = groups.setdefault((key, derived), [])
        other = next((member for member in members if member.prefix != document.prefix), None)
        if other is not None:  # one org.yaml has one prefix
            raise UsageError(said.TWO_PREFIXES_ONE_FOLDER(
                folder=key, first=str(other.source), first_prefix=other.prefix,
                second=str(document.source), second_prefix=document.prefix))
        members.append(document)
    return groups


def _folders_by_prefix(content: Path) -> dict[str, str]:
    """Return the folder of each prefix the content's org.yaml files declare."""
    found: dict[str, str] = {}
    if not content.is_dir():
        return found
    for org_file in sorted(content.glob(f"*/{ORG_FILE}")):
        try:
            data = parse_yaml(org_file.read_text(encoding="utf-8"), org_file).data
        except (OSError, UnicodeDecodeError, ContentError):
            continue  # the build reports a broken org.yaml; the import creates no clash
        if isinstance(data, dict) and isinstance(data.get("prefix"), str):
            found.setdefault(data["prefix"], org_file.parent.name)
    return found


def _organization_file(folder: Path, key: str, derived: bool, members: list[ImportedDocument],
                       language: str) -> tuple[str | None, OrganizationWritten]:
    """Return the org.yaml text to write for `members` (None: unchanged) and what it is."""
    from docgen.importer.organization import organization_conflicts, organization_yaml

    path = folder / ORG_FILE
    first = members[0]
    existing = path.read_text(encoding="utf-8") if path.exists() else None
    if existing is not None:
        for document in members:
            conflicts = organization_conflicts(existing, document.company, document.prefix)
            if conflicts:
                raise UsageError(conflicts[0])
    written = OrganizationWritten(key, path, existing is None, derived)
    if existing is None:
        text, written.guesses = new_organization_file(members, language)
    else:
        people, departments = signers_and_departments(members)
        text = organization_yaml(existing, first.company or first.prefix, first.prefix,
                                 people, departments, {}, "", language=language)
    if existing is not None:
        written.people_added = _count_added(existing, text, "people")
        written.departments_added = _count_added(existing, text, "departments")
    return (None if text == existing else text), written


def _count_added(before: str, after: str, key: str) -> int:
    def names(text: str) -> int:
        data = parse_yaml(text, Path(ORG_FILE)).data
        return len(data.get(key) or []) if isinstance(data, dict) else 0

    return names(after) - names(before)


def _style_of(org_text: str) -> dict[str, object]:
    data = parse_yaml(org_text, Path(ORG_FILE)).data
    style = data.get("style") if isinstance(data, dict) else None
    return style if isinstance(style, dict) else {}


def _document_text(document: ImportedDocument, organization_style: dict[str, object],
                   language: str) -> tuple[str, list[tuple[int, Message]]]:
    """Return the document's YAML, with the settings of its own style that differ from
    its organization's; and its guesses by line."""
    from docgen.importer.yaml_text import document_yaml

    data = dict(document.data)
    own = {key: value for key, value in document.style.items()
           if _plain(organization_style.get(key)) != _plain(value)}
    if own:
        data["style"] = own
    header = [render_text(said.HEADER(file=document.source.name), language)]
    # A guess about a setting the organization's style holds is org.yaml's, not this file's.
    theirs = {id(guess) for guess in style_guesses(document) if guess.path[1:2] and
              guess.path[1] not in own}
    guesses = [guess for guess in document.guesses if id(guess) not in theirs]
    text, lines = document_yaml(data, guesses, language, header)
    return text, _guess_lines(guesses, lines)


def _plain(value: object) -> object:
    """Return `value` with its scalars as text, as docgen's YAML reads them."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return None if value is None else str(value)


def _guess_lines(guesses: list[Guess], lines: dict[DataPath, int]
                 ) -> list[tuple[int, Message]]:
    result = []
    for guess in guesses:
        line = lines.get(guess.path)
        for length in range(len(guess.path), -1, -1):
            if line is not None:
                break
            line = lines.get(guess.path[:length])
        result.append((line or 1, guess.what))
    return sorted(result, key=lambda item: item[0])


def _problems(text: str, path: Path) -> list[Problem]:
    """Return what keeps the imported text from loading as a document."""
    try:
        validate(Document, parse_yaml(text, path))
    except ContentError as error:
        return list(error.problems)
    return []
