"""Load a content tree: one folder per organization, an org.yaml and one file per document.

    content/
      yntd/
        org.yaml
        YNTD-ITSS-0303.yaml
        ...

Every file is read and validated before anything is reported, so a user sees all the
problems of a tree at once rather than one per run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from docgen.catalogue import loading as said
from docgen.content.fingerprint import content_fingerprint
from docgen.content.schema import Document, Organization, ReleaseRecord, Releases
from docgen.content.validation import validate
from docgen.content.yaml_source import read_yaml_file, read_yaml_files
from docgen.errors import ContentError, Location, Problem, UsageError
from docgen.output import MAX_NAME_BYTES, file_name_fits
from docgen.style import DEFAULT_STYLE, HouseStyle
from docgen.style_options import house_style
from docgen.workers import Workers

ORG_FILE = "org.yaml"
RELEASES_FOLDER = "releases"
DOCUMENT_SUFFIXES = (".yaml", ".yml")


@dataclass
class LoadedDocument:
    """A validated document with the file it came from, and its release records."""

    path: Path
    model: Document
    releases: list[ReleaseRecord] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the document's content as it is now."""
        return content_fingerprint(self.model)


@dataclass
class OrganizationContent:
    """One organization's folder: its org.yaml and its documents, in number order."""

    key: str
    folder: Path
    organization: Organization
    documents: list[LoadedDocument] = field(default_factory=list)
    style: HouseStyle = DEFAULT_STYLE
    """How the organization prints numbers and dates: org.yaml's `style`, over the default."""


def load_content(root: Path, workers: Workers | None = None) -> list[OrganizationContent]:
    """Return every organization under `root`, validated; raise ContentError on any problem.

    Large folders are parsed through `workers` (None: in this thread).
    """
    if not root.is_dir():
        raise UsageError(said.NO_CONTENT_FOLDER(folder=str(root)))
    folders = sorted(path for path in root.iterdir()
                     if path.is_dir() and not path.name.startswith("."))
    # org.yaml as a pipe or a folder still marks an organization; reading it says what is
    # wrong with it.
    org_folders = [folder for folder in folders if os.path.lexists(folder / ORG_FILE)]
    problems = [problem for folder in folders if folder not in org_folders
                for problem in _documents_without_organization(folder)]
    if not org_folders and not problems:
        raise UsageError(said.NO_ORGANIZATION(folder=str(root), org_file=ORG_FILE,
                                              example=str(root / "yntd" / ORG_FILE)))
    result = []
    for folder in org_folders:
        try:
            result.append(load_organization(folder, workers))
        except ContentError as error:
            problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    return result


def load_organization(folder: Path, workers: Workers | None = None) -> OrganizationContent:
    """Return the organization in `folder` with all its documents, validated."""
    problems: list[Problem] = []
    organization = None
    try:
        organization = validate(Organization, read_yaml_file(folder / ORG_FILE))
    except ContentError as error:
        problems.extend(error.problems)
    documents: list[LoadedDocument] = []
    paths = document_files(folder)
    for path, parsed in zip(paths, read_yaml_files(paths, workers), strict=True):
        try:
            if isinstance(parsed, ContentError):
                raise parsed
            documents.append(LoadedDocument(path, validate(Document, parsed)))
        except ContentError as error:
            problems.extend(error.problems)
    problems.extend(_duplicate_numbers(documents))
    problems.extend(_names_too_long(documents))
    problems.extend(_attach_releases(folder, documents))
    if problems or organization is None:
        raise ContentError(problems)
    documents.sort(key=lambda loaded: loaded.model.number)
    return OrganizationContent(folder.name, folder, organization, documents,
                               house_style(organization.style))


def _documents_without_organization(folder: Path) -> list[Problem]:
    """Return a problem if `folder`, which has no org.yaml, holds documents: they would
    belong to no organization, and leaving them out of the build would go unnoticed."""
    documents = document_files(folder)
    if not documents:
        return []
    return [Problem(Location(folder), said.NO_ORG_FILE(first=documents[0].name,
                                                       count=len(documents), org_file=ORG_FILE))]


def document_files(folder: Path) -> list[Path]:
    """Return the document files of an organization folder, sorted by name.

    Whatever has a document's name is one, even a pipe or a folder: reading it then
    says what is wrong, where leaving it out would drop a document without a word.
    """
    return sorted(path for path in folder.iterdir()
                  if path.suffix in DOCUMENT_SUFFIXES
                  and path.name != ORG_FILE and not path.name.startswith("."))


def release_file(folder: Path, number: str) -> Path:
    """Return the file that holds the release records of document `number`."""
    return folder / RELEASES_FOLDER / f"{number}.yaml"


def _attach_releases(folder: Path, documents: list[LoadedDocument]) -> list[Problem]:
    by_number = {loaded.model.number: loaded for loaded in documents}
    problems = []
    releases = folder / RELEASES_FOLDER
    for path in sorted(releases.glob("*.yaml")) if releases.is_dir() else []:
        try:
            records = validate(Releases, read_yaml_file(path)).releases
        except ContentError as error:
            problems.extend(error.problems)
            continue
        loaded = by_number.get(path.stem)
        if loaded is None:
            problems.append(Problem(Location(path), said.STRAY_RELEASES(number=path.stem)))
            continue
        loaded.releases = records
    return problems


def _names_too_long(documents: list[LoadedDocument]) -> list[Problem]:
    """Return a problem for each document whose number and version alone are too long for
    a file name (a long title is cut to fit; a number cannot be)."""
    problems = []
    for loaded in documents:
        model = loaded.model
        version = max((str(revision.version) for revision in model.revisions), key=len,
                      default="")
        if not file_name_fits(model.number, version):
            problems.append(Problem(model.location("number"), said.NUMBER_TOO_LONG(
                number=model.number, version=version, most=MAX_NAME_BYTES)))
    return problems


def _duplicate_numbers(documents: list[LoadedDocument]) -> list[Problem]:
    first: dict[str, LoadedDocument] = {}
    problems = []
    for loaded in documents:
        number = loaded.model.number
        if number in first:
            problems.append(Problem(loaded.model.location("number"), said.NUMBER_TWICE(
                number=number, file=first[number].path.name)))
        else:
            first[number] = loaded
    return problems

