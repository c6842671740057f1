"""What the pages show, as plain data for the templates: rows of the set, findings with
the lines they are about, a document's text as it prints, and the KPIs side by side.

Sentences come from the catalogue (rendered here), dates and states in each
organization's house style, so the pages say what the register and the reports say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.checks import Finding
from docgen.i18n import ENGLISH
from docgen.messages import render
from docgen.project import Project
from docgen.report import display_path
from docgen.serve.files import url_path
from docgen.serve.state import Snapshot

if TYPE_CHECKING:
    from docgen.content.model import ResolvedDocument
    from docgen.wordml.reader import ReadDocument

# Lines of the content file shown before and after the line a finding is about.
CONTEXT_LINES = 2
STATES = ("draft", "released", "withdrawn")


def state_choices(snapshot: Snapshot) -> list[tuple[str, str]]:
    """Return each state with the word the first organization's house style gives it."""
    from docgen.style import DEFAULT_STYLE

    organizations = snapshot.document_set.organizations if snapshot.document_set else []
    style = organizations[0].style if organizations else DEFAULT_STYLE
    return [(state, style.state_word(state)) for state in STATES]


@dataclass
class Row:
    """A document as the set page lists it."""

    number: str
    title: str
    version: str
    state: str
    state_word: str
    date: str
    errors: int
    warnings: int


@dataclass
class Group:
    """An organization with the rows shown of its documents."""

    key: str
    name: str
    rows: list[Row] = field(default_factory=list)


def set_groups(snapshot: Snapshot, organization: str = "", state: str = "",
               rule: str = "") -> list[Group]:
    """Return each organization with its documents, as the register lists them, kept to
    those of `organization`, in `state` and with a finding of `rule` (each when given)."""
    if snapshot.document_set is None:
        return []
    counts = snapshot.counts()
    with_rule = {finding.document for finding in snapshot.findings if finding.rule == rule}
    groups = []
    for resolved in snapshot.document_set.organizations:
        if organization and resolved.key != organization:
            continue
        group = Group(resolved.key, resolved.organization.name)
        for document in resolved.documents:
            if (state and document.state != state) or (rule and document.number not in with_rule):
                continue
            errors, warnings = counts.get(document.number, (0, 0))
            group.rows.append(Row(document.number, document.title, str(document.version),
                                  document.state, document.style.state_word(document.state),
                                  document.style.date(document.effective_date), errors,
                                  warnings))
        groups.append(group)
    return groups


@dataclass
class Line:
    """A line of a content file: its number, its text, and whether a finding is about it."""

    number: int
    text: str
    marked: bool


@dataclass
class FindingView:
    """A finding as a page shows it."""

    rule: str
    severity: str
    text: str
    hint: str
    place: str
    url: str | None
    lines: list[Line]


def finding_views(project: Project, findings: list[Finding], language: str = ENGLISH
                  ) -> list[FindingView]:
    """Return the findings with their sentences (in `language`) and the content lines
    they are about."""
    views = []
    for finding in findings:
        text, hint = render(finding.message, language)
        location = finding.location
        place = display_path(location.file)
        if location.line:
            place += f":{location.line}"
            if location.column:
                place += f":{location.column}"
        views.append(FindingView(finding.rule, str(finding.severity), text, hint, place,
                                 url_path(project, location.file),
                                 excerpt(project, location.file, location.line)))
    return views


def excerpt(project: Project, path: Path, line: int) -> list[Line]:
    """Return the lines of the content file `path` around `line` ([] for a file outside
    the content folder, or an unknown line)."""
    try:
        inside = project.content.resolve() in path.resolve().parents
        if not inside or line <= 0:
            return []
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    first = max(1, line - CONTEXT_LINES)
    last = min(len(lines), line + CONTEXT_LINES)
    return [Line(number, lines[number - 1], number == line) for number in range(first, last + 1)]


@dataclass
class Cell:
    """A table cell with the rows and columns it spans, and its paragraphs."""

    rows: int
    cols: int
    header: bool
    paragraphs: list[str]


@dataclass
class Block:
    """A block of the printed text: a heading (level > 0), a paragraph or a table."""

    kind: str
    text: str = ""
    label: str = ""
    level: int = 0
    rows: list[list[Cell]] = field(default_factory=list)


def text_blocks(document: ReadDocument) -> list[Block]:
    """Return the body of a read-back .docx as blocks to draw: headings with their
    numbers, paragraphs and list items with their labels, tables with their merges."""
    from docgen.wordml.reader import ReadTable

    blocks = []
    for block in document.blocks:
        if isinstance(block, ReadTable):
            rows = [[Cell(cell.rows, cell.cols, index < block.header_rows,
                          [paragraph.display for paragraph in cell.paragraphs])
                     for cell in row] for index, row in enumerate(block.rows)]
            blocks.append(Block("table", rows=rows))
        elif block.heading_level:
            blocks.append(Block("heading", block.text, block.label, min(block.heading_level, 5)))
        elif block.text.strip() or block.label:
            blocks.append(Block("paragraph", block.text, block.label))
    return blocks


@dataclass
class KpiRow:
    """A KPI: what each document that states it says, and whether they disagree."""

    name: str
    cells: dict[str, list[str]]
    disagree: bool


@dataclass
class KpiTable:
    """An organization's KPIs: one row per KPI, one column per document stating any."""

    name: str
    columns: list[str]
    rows: list[KpiRow]


def kpi_tables(snapshot: Snapshot) -> list[KpiTable]:
    """Return the KPIs of each organization side by side; a row disagrees when two
    documents give it a different target, period or formula."""
    from docgen.checks.context import normalize
    from docgen.checks.kpis import normalize_formula

    tables = []
    for resolved in (snapshot.document_set.organizations if snapshot.document_set else []):
        rows: dict[str, KpiRow] = {}
        compared: dict[str, set[tuple[str, str, str]]] = {}
        columns = []
        for document in resolved.documents:
            for kpi in document.model.kpis.values():
                name = normalize(kpi.name)
                row = rows.setdefault(name, KpiRow(kpi.name, {}, False))
                stated = [str(kpi.target), kpi.period or "", kpi.formula or ""]
                row.cells.setdefault(document.number, []).append(" · ".join(
                    part for part in stated if part))
                compared.setdefault(name, set()).add(
                    (str(kpi.target), kpi.period or "",
                     normalize_formula(kpi.formula) if kpi.formula else ""))
                if document.number not in columns:
                    columns.append(document.number)
        for name, row in rows.items():
            row.disagree = _disagree(compared[name])
        tables.append(KpiTable(resolved.organization.name, columns, list(rows.values())))
    return tables


def _disagree(statements: set[tuple[str, str, str]]) -> bool:
    """Return whether statements differ in a field that more than one of them gives."""
    for index in range(3):
        given = {statement[index] for statement in statements if statement[index]}
        if len(given) > 1:
            return True
    return False


def revisions(document: ResolvedDocument) -> list[dict[str, str]]:
    """Return the document's revision rows, dates in its house style, newest first."""
    style = document.style
    return [{"version": str(row.version), "author": row.author or "",
             "date": style.date(row.date), "reviewer": row.reviewer or "",
             "review_date": style.date(row.review_date) if row.review_date else "",
             "approver": row.approver, "approve_date": style.date(row.approve_date),
             "change": row.change} for row in reversed(document.model.revisions)]
