"""docgen check FILE.docx: check Word files as they are, in memory, before anything is
migrated.

Each file is imported as `docgen import` would (nothing is written), joined to the
project's organization of the same prefix when there is one (so that the checks compare
it with the documents already kept there, and a document of the same number is replaced
by the Word file), or else to an organization of its own made from its cover. The
findings about it are then placed in the Word file: the YAML line a rule points at is
traced back through the import's origins to the table row or paragraph it came from.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from docgen.catalogue import importing as said
from docgen.checks import Finding
from docgen.content.loader import LoadedDocument, OrganizationContent, load_content
from docgen.content.schema import Document, Organization
from docgen.content.validation import validate
from docgen.content.yaml_source import parse_yaml
from docgen.errors import ContentError, Problem, WordLocation
from docgen.importer.assemble import ImportedDocument, import_document
from docgen.importer.model import DataPath, Origin
from docgen.messages import Message
from docgen.pipeline import CheckResult
from docgen.style_options import house_style

# The rules that compare a document with what only its org.yaml can list: the owners
# it may name and the documents it may cite. Without the organization's org.yaml they
# would report every owner and every 《title》. XREF-DEPARTMENT stays: the organization
# made from the Word files lists the departments their text names more than once, so a
# department named once (客户部 for 客服部) is still reported.
REGISTER_RULES = frozenset({"XREF-OWNER-UNKNOWN", "XREF-UNKNOWN-DOCUMENT"})


# How many characters of a paragraph or row a place in the Word file quotes.
_WORDS = 16


@dataclass
class ReadWordFile:
    """A Word file read for checking: its import, its YAML text and where each value is."""

    imported: ImportedDocument
    text: str
    lines: dict[DataPath, int]


def read_for_check(path: Path, language: str) -> ReadWordFile:
    """Return the Word file at `path` imported in memory, with its YAML's line map."""
    from docgen.importer.yaml_text import document_yaml

    imported = import_document(path)
    data = dict(imported.data)
    if imported.style:
        data["style"] = imported.style
    text, lines = document_yaml(data, imported.guesses, language)
    return ReadWordFile(imported, text, lines)


def word_organizations(files: Sequence[ReadWordFile], content: Path | None, language: str
                       ) -> tuple[list[OrganizationContent], list[str], set[str]]:
    """Return the organizations to check: the project's (when `content` holds any), with
    each Word file joined to the one of its prefix or to one made from the Word files of
    that prefix as the import would make it; the numbers of the Word files' documents; and
    the prefixes of the organizations made up."""
    from docgen.importer.org_file import new_organization_yaml
    from docgen.importer.organization import derive_org_key

    organizations = load_content(content) if content is not None and content.is_dir() else []
    by_prefix = {org.organization.prefix: org for org in organizations}
    made_up: set[str] = set()
    for prefix, members in _by_prefix(files).items():
        if prefix in by_prefix:
            continue
        first = members[0].imported
        # Named as the Word files are, so that a problem in it points at them.
        org_file = first.source.with_name(first.source.stem + " (org.yaml)")
        text = new_organization_yaml([read.imported for read in members], language)
        model = validate(Organization, parse_yaml(text, org_file))
        organization = OrganizationContent(derive_org_key(first.company, prefix),
                                           first.source.parent, model, [],
                                           house_style(model.style))
        organizations.append(organization)
        by_prefix[prefix] = organization
        made_up.add(prefix)
    numbers = []
    for read in files:
        imported = read.imported
        try:
            model = validate(Document, parse_yaml(read.text, imported.source))
        except ContentError as error:
            raise ContentError([_placed_problem(problem, read) for problem in error.problems]
                               ) from None
        numbers.append(imported.number)
        organization = by_prefix[imported.prefix]
        organization.documents = [document for document in organization.documents
                                  if document.model.number != imported.number]
        # The document is named by its number, as a content file would be: the Word
        # file's own name is not the content's concern (META-FILE-NAME).
        named = imported.source.with_name(f"{imported.number}.yaml")
        organization.documents.append(LoadedDocument(named, model))
        organization.documents.sort(key=lambda document: document.model.number)
    return organizations, numbers, made_up


def _by_prefix(files: Sequence[ReadWordFile]) -> dict[str, list[ReadWordFile]]:
    groups: dict[str, list[ReadWordFile]] = {}
    for read in files:
        groups.setdefault(read.imported.prefix, []).append(read)
    return groups


def place_in_word_file(finding: Finding, read: ReadWordFile) -> Finding:
    """Return `finding` with its location in the Word file instead of the YAML read from it."""
    where = _where(read, _path_at_line(read.lines, finding.location.line))
    location = WordLocation(finding.location.file, finding.location.line,
                            finding.location.column, where)
    return replace(finding, location=location)


def _placed_problem(problem: Problem, read: ReadWordFile) -> Problem:
    """Return `problem`, found in the YAML read from a Word file, placed in the Word file."""
    where = _where(read, _path_at_line(read.lines, problem.location.line))
    return Problem(WordLocation(problem.location.file, problem.location.line,
                                problem.location.column, where), problem.what)


def _where(read: ReadWordFile, path: DataPath) -> Message:
    """Return where in the Word file the value at `path` of its YAML came from."""
    toc = read.imported.data.get("toc")
    if path[:1] == ("toc",) and isinstance(toc, list):
        index = path[1] if len(path) > 1 and isinstance(path[1], int) else None
        return said.IN_TOC_LINE(words=_first_words(str(toc[index]))) \
            if index is not None and index < len(toc) else said.IN_TOC()
    origin = _nearest_origin(read.imported.origins, path)
    return _describe(origin) if origin is not None else said.ON_COVER()


def _first_words(text: str) -> str:
    """Return the start of `text` a person searches for, marked as cut when it is."""
    return text if len(text) <= _WORDS else text[:_WORDS] + "…"


def _path_at_line(lines: dict[DataPath, int], line: int) -> DataPath:
    """Return the path of the value written last at or before `line`, the deepest one."""
    ordered = sorted(lines.items(), key=lambda item: (item[1], len(item[0])))
    starts = [start for _path, start in ordered]
    index = bisect.bisect_right(starts, line) - 1
    return ordered[index][0] if index >= 0 else ()


def _nearest_origin(origins: dict[DataPath, Origin], path: DataPath) -> Origin | None:
    """Return the origin of `path`, or of the nearest value holding it."""
    for length in range(len(path), 0, -1):
        if path[:length] in origins:
            return origins[path[:length]]
    return None


def _describe(origin: Origin) -> Message:
    words = _first_words(origin.words)
    if origin.table is not None and origin.row is not None:
        return said.IN_TABLE_ROW(table=origin.table + 1, row=origin.row + 1, words=words)
    if origin.table is not None:
        return said.IN_TABLE(table=origin.table + 1)
    if origin.words and origin.section:
        return said.IN_SECTION_PARAGRAPH(section=origin.section, words=words)
    if origin.words:
        return said.IN_PARAGRAPH(words=words)
    if origin.section:
        return said.IN_SECTION(section=origin.section)
    return said.ON_COVER()


def check_word_files(paths: Sequence[Path], content: Path | None, numbers: Sequence[str],
                     language: str) -> CheckResult:
    """Return the findings about the Word files at `paths` and the documents `numbers` of
    the project's `content`, each finding about a Word file placed in it.

    A Word file whose organization the project does not keep is checked without the
    rules that compare it with org.yaml's registers (departments, owners, known
    documents): there is no org.yaml to compare with, and each name it cites would be a
    finding."""
    from docgen.content.resolve import resolve_content
    from docgen.pipeline import check_documents

    files = [read_for_check(path, language) for path in paths]
    organizations, word_numbers, made_up = word_organizations(files, content, language)
    by_source = {read.imported.source: read for read in files}
    try:
        document_set = resolve_content(organizations)
    except ContentError as error:
        raise ContentError([_placed_problem(problem, by_source[problem.location.file])
                            if problem.location.file in by_source else problem
                            for problem in error.problems]) from None
    result = check_documents(document_set, [*word_numbers, *numbers])
    by_number = {read.imported.number: read for read in files}
    placed = [place_in_word_file(finding, by_number[finding.document])
              if finding.document in by_number else finding for finding in result.findings
              if not (finding.rule in REGISTER_RULES and finding.document in by_number
                      and by_number[finding.document].imported.prefix in made_up)]
    return CheckResult(result.titles, placed)
