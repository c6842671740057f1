"""Resolve validated content into the document set: numbers, facts, prose, tables.

Resolution numbers headings ((4, 1, 1)) and table captions ((4, 1)), lays out tables,
computes totals and renders every piece of prose against the facts the documents
declare; numbers stay tuples, and only prose citing them prints them, in the house
style. It runs in two passes over a document: the first learns what prose may refer
to (section numbers, table numbers and sums), the second emits blocks in order. All
problems of all documents are collected and raised together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from docgen.catalogue import content_resolve as said
from docgen.catalogue import style as style_said
from docgen.catalogue.checks import ROLES
from docgen.catalogue.report import NONE
from docgen.content import schema
from docgen.content.kpi_table import kpi_columns, kpi_rows
from docgen.content.loader import LoadedDocument, OrganizationContent
from docgen.content.model import (
    Block,
    CellLine,
    DocumentSet,
    Heading,
    ListBlock,
    ListEntry,
    Paragraph,
    ResolvedDocument,
    ResolvedOrganization,
    TableBlock,
    Where,
    Within,
    place,
)
from docgen.content.prose import Absent, ProseError, interpolate, needs_interpolation
from docgen.content.tables import (
    CellSpec,
    Interpolate,
    RowSpec,
    lay_out,
    parse_figure,
    rows_from_schema,
    text_cell,
)
from docgen.content.views import (
    ActivityView,
    DocumentView,
    KpiView,
    SectionView,
    TableView,
    activity_view,
    document_view,
    kpi_view,
)
from docgen.errors import ContentError, Problem
from docgen.messages import Message, MessageType
from docgen.style_options import house_style

# What prose may cite is defined in docgen.content.views; these names are kept here too.
__all__ = ["ActivityView", "DocumentView", "KpiView", "SectionView", "TableView",
           "resolve_content", "signer_problems", "literal_caption", "column_sums"]

MAX_HEADING_LEVEL = 4
# A caption imported with the number the original printed: 表3-1 招聘计划表.
LITERAL_CAPTION = re.compile(r"^\s*表\s*(\d+)\s*[-－.．]\s*(\d+)")
CAPTIONED = (schema.TableBlock, schema.KpiTable, schema.ActivityTable)


def resolve_content(organizations: list[OrganizationContent]) -> DocumentSet:
    """Return the resolved document set; raise ContentError listing every problem."""
    problems: list[Problem] = []
    resolved = []
    for content in organizations:
        views = {loaded.model.number: document_view(loaded.model) for loaded in content.documents}
        documents = []
        for loaded in content.documents:
            resolver = _DocumentResolver(content, loaded, views)
            documents.append(resolver.resolve())
            problems.extend(resolver.problems)
        resolved.append(ResolvedOrganization(content.key, content.folder, content.organization,
                                             documents, content.style))
    if problems:
        raise ContentError(problems)
    return DocumentSet(resolved)


def signer_problems(content: OrganizationContent, document: schema.Document) -> list[Problem]:
    """Return a problem for every revision signer who is not a person of the organization,
    every required signer left out and every reviewer without a review date."""
    people = content.organization.people
    required = content.organization.signoff.required
    known = {person.name for person in people}
    problems = []
    for revision in document.revisions:
        for role in ("author", "reviewer", "approver"):
            name = getattr(revision, role)
            if name is None and role not in required:
                continue
            if not name:
                may = [person.name for person in people if role in person.signs]
                said_of = dict(role=role, version=str(revision.version),
                               role_name=ROLES[role]())
                problems.append(Problem(
                    revision.location(role) if name is not None else revision.location(),
                    said.SIGNER_EMPTY(**said_of, may=may) if may
                    else said.SIGNER_EMPTY_NOBODY(**said_of, folder=content.folder.name)))
            elif name not in known:
                problems.append(Problem(
                    revision.location(role),
                    said.NOT_A_PERSON(name=name, organization=content.organization.name,
                                      folder=content.folder.name)))
        if revision.review_date is None and (revision.reviewer or "reviewer" in required):
            problems.append(Problem(revision.location(), said.REVIEW_DATE_MISSING(
                version=str(revision.version))))
    return problems


def literal_caption(caption: str) -> tuple[tuple[int, int], str, str] | None:
    """Return (number, number as written, rest) of a caption imported with its own number:
    "表3-1 招聘计划表" -> ((3, 1), "表3-1 ", "招聘计划表"); None for a caption without one."""
    match = LITERAL_CAPTION.match(caption)
    if match is None:
        return None
    rest = caption[match.end():].lstrip()
    return (int(match.group(1)), int(match.group(2))), caption[:len(caption) - len(rest)], rest


def _interpolates(table: schema.Table) -> bool:
    """Return whether any text of `table` interpolates facts."""
    texts = [table.caption or ""]
    for row in table.header + table.rows:
        for cell in row.cells:
            texts += [cell.text or "", *cell.paragraphs, *cell.bullets, *cell.numbered]
    return any(needs_interpolation(text) for text in texts)


def _walk(sections: list[schema.Section], prefix: tuple[int, ...] = ()
          ) -> Iterator[tuple[tuple[int, ...], schema.Section]]:
    """Yield every section with its numbers, depth first, in document order."""
    for index, section in enumerate(sections, start=1):
        numbers = prefix + (index,)
        yield numbers, section
        yield from _walk(section.sections, numbers)


class _DocumentResolver:
    """Resolves one document; problems accumulate in `self.problems`."""

    def __init__(self, content: OrganizationContent, loaded: LoadedDocument,
                 views: dict[str, DocumentView]):
        self.content = content
        self.loaded = loaded
        self.document = loaded.model
        self.style = house_style(loaded.model.style, content.style)
        self.problems: list[Problem] = signer_problems(content, loaded.model)
        self.caption_numbers: dict[int, tuple[int, int]] = {}
        # Tables laid out by the first pass whose text interpolates nothing: the second
        # pass would lay them out again to the same result.
        self.finished_tables: dict[int, tuple[TableBlock, list[Problem]]] = {}
        self.sections: dict[str, SectionView] = {}
        self.tables: dict[str, TableView] = {}
        self.context: dict[str, Any] = {
            "doc": views[self.document.number],
            "docs": views,
            "org": {"name": content.organization.name, "prefix": content.organization.prefix},
            "kpi": {key: kpi_view(key, kpi) for key, kpi in self.document.kpis.items()},
            "activity": {key: activity_view(key, item, self.style.listing)
                         for key, item in self.document.activities.items()},
            "processes": {group.id: list(group.processes) for group in self.document.processes},
            "section": self.sections,
            "table": self.tables,
        }

    def resolve(self) -> ResolvedDocument:
        self._learn_references()
        blocks: list[Block] = []
        turned: dict[tuple[int, ...], bool] = {}
        for numbers, section in _walk(self.document.sections):
            landscape = turned[numbers] = section.landscape or turned.get(numbers[:-1], False)
            if len(numbers) > MAX_HEADING_LEVEL:
                continue
            bookmark = f"_Toc{len(blocks) + 1:06d}"
            blocks.append(Heading(numbers, section.title, bookmark, section, landscape))
            for item in section.body:
                block = self._block(item)
                block.landscape = landscape or (isinstance(item, schema.TableBlock)
                                                and item.table.landscape)
                blocks.append(block)
        return ResolvedDocument(self.document, self.content.organization, self.content.key,
                                self.loaded.path, blocks, self.loaded.releases, self.style,
                                self._template())

    def _template(self) -> str:
        """Return the template the document names, else its organization's."""
        if "template" in self.document.model_fields_set:
            return self.document.template
        return self.content.organization.template or self.document.template

    # -- first pass: what prose can refer to ------------------------------------------

    def _learn_references(self) -> None:
        counters: dict[int, int] = {}
        walked = list(_walk(self.document.sections))
        labels = iter(self.style.heading_labels([numbers for numbers, _section in walked
                                                 if len(numbers) <= MAX_HEADING_LEVEL]))
        for numbers, section in walked:
            if len(numbers) > MAX_HEADING_LEVEL:
                self.problems.append(Problem(
                    section.location("title"),
                    said.TOO_DEEP(depth=len(numbers), most=MAX_HEADING_LEVEL)))
                continue
            label = next(labels)
            if section.id is not None:
                self._claim(self.sections, section.id, section, said.SECTION_ID_TWICE)
                self.sections[section.id] = SectionView(
                    label, section.title, self.style.heading_separator(len(numbers)))
            for block in section.body:
                caption = getattr(block, "caption", None) or getattr(
                    getattr(block, "table", None), "caption", None)
                # A caption imported with its own number (表3-1 …) is printed as written.
                if isinstance(block, CAPTIONED) and caption and not LITERAL_CAPTION.match(caption):
                    self._number_caption(block, numbers[0], counters)
                if isinstance(block, schema.TableBlock) and block.table.id is not None:
                    self._claim(self.tables, block.table.id, block.table,
                                said.TABLE_ID_TWICE)
                    # Sums come from the cells as written, before any interpolation.
                    problems: list[Problem] = []
                    laid_out = self._lay_out_table(block, self._verbatim, problems)
                    if not _interpolates(block.table):
                        self.finished_tables[id(block)] = laid_out, problems
                    self.tables[block.table.id] = TableView(
                        self._table_number(block), block.table.caption or "",
                        {name: format(value, "f") for name, value in column_sums(laid_out).items()})

    def _number_caption(self, block: Any, chapter: int, counters: dict[int, int]) -> None:
        """Give a captioned table its number, (chapter, place): the next in its chapter or
        in the document, or the one it was given (`number:`), from which the next count on."""
        given = (block.table if isinstance(block, schema.TableBlock) else block).number
        if not self.style.captions_numbered:
            if given is not None:
                self.problems.append(Problem(
                    (block.table if isinstance(block, schema.TableBlock) else block)
                    .location("number"), style_said.TABLE_NUMBER_UNPRINTED(number=given)))
            return
        counted = chapter if self.style.captions_restart else 0
        counters[counted] = given if given is not None else counters.get(counted, 0) + 1
        self.caption_numbers[id(block)] = (chapter, counters[counted])

    def _table_number(self, block: schema.TableBlock) -> str | Absent:
        """Return the number prose cites a table by: the one the renderer gives its caption,
        or the one its caption was written with; Absent for a table without a caption."""
        given = self.caption_numbers.get(id(block))
        if given is not None:
            return self.style.caption_number(given)
        literal = literal_caption(block.table.caption or "")
        if literal:
            return re.sub(r"\s+", "", literal[1])  # as the caption wrote it
        table_id = block.table.id or ""
        if block.table.caption and not self.style.captions_numbered:
            return Absent(table_id, style_said.TABLE_UNNUMBERED, {"table": table_id})
        return Absent(table_id, said.TABLE_NUMBER, {"table": table_id})

    def _claim(self, registry: dict[str, Any], key: str, owner: schema.ContentModel,
               twice: MessageType) -> None:
        if key in registry:
            self.problems.append(Problem(owner.location("id"), twice(key=key)))

    # -- second pass: blocks in document order ----------------------------------------

    def _block(self, block: Any) -> Block:
        if isinstance(block, schema.Paragraph):
            return Paragraph(self._text(block.p, block), block)
        if isinstance(block, schema.BulletList | schema.NumberedList):
            ordered = isinstance(block, schema.NumberedList)
            items = block.numbered if ordered else block.bullets
            entries = [ListEntry(self._text(item.text, item), item, item.number)
                       for item in items]
            if ordered:
                counter = 0
                for entry in entries:
                    counter = entry.restart_at or counter + 1
                    entry.number = counter
            return ListBlock(ordered, self._list_format(block), entries, block)
        if isinstance(block, schema.TableBlock):
            return self._table(block)
        if isinstance(block, schema.KpiTable):
            return self._kpi_table(block)
        return self._activity_table(block)

    def _list_format(self, block: schema.BulletList | schema.NumberedList) -> str:
        """Return the label a list is drawn with: its own, else the house style's."""
        if isinstance(block, schema.BulletList):
            return block.format or self.style.bullet
        return block.format if "format" in block.model_fields_set else self.style.list_format

    def _text(self, text: str, where: Where) -> str:
        if not needs_interpolation(text):
            return text
        try:
            return interpolate(text, self.context, where)
        except ProseError as error:
            self.problems.append(error.problem)
            return text

    def _table(self, block: schema.TableBlock) -> TableBlock:
        laid_out, problems = self.finished_tables.pop(id(block), (None, []))
        if laid_out is None:
            laid_out = self._lay_out_table(block, self._text, problems)
        self.problems.extend(problems)
        return laid_out

    @staticmethod
    def _verbatim(text: str, where: Where) -> str:
        return text

    def _lay_out_table(self, block: schema.TableBlock, text: Interpolate,
                       problems: list[Problem]) -> TableBlock:
        table = block.table
        if table.details is not None and table.details not in self.context["processes"]:
            problems.append(Problem(table.location("details"), said.NO_PROCESS_GROUP(
                name=table.details, known=_known(self.context["processes"]))))
        caption = text(table.caption, table) if table.caption else None
        number, written = self.caption_numbers.get(id(block)), None
        literal = literal_caption(caption) if caption and number is None else None
        if literal is not None:
            number, written, caption = literal
        return lay_out(
            header=rows_from_schema(table.header, text), body=rows_from_schema(table.rows, text),
            source=table, table_id=table.id, caption=caption, caption_number=number,
            written_number=written, number_rows=table.number_rows, widths=table.widths,
            kind="table", problems=problems)

    def _fact_caption(self, block: schema.KpiTable | schema.ActivityTable
                      ) -> tuple[str | None, tuple[int, int] | None, str | None]:
        """Return the caption, its number and its number as written of a KPI or activity
        table."""
        number = self.caption_numbers.get(id(block))
        literal = literal_caption(block.caption) if block.caption and number is None else None
        if literal is not None:
            return literal[2], literal[0], literal[1]
        return block.caption, number, None

    def _kpi_table(self, block: schema.KpiTable) -> TableBlock:
        columns = kpi_columns(block, self.style)
        header = [RowSpec([text_cell(name, block) for _field, name, _width in columns],
                          block, [], [])]
        kpis = []
        for index, key in enumerate(block.kpi_table):
            where = Within(block, ("kpi_table", index))
            kpi = self.document.kpis.get(key)
            if kpi is None:
                self.problems.append(Problem(place(where), said.NO_KPI(
                    key=key, known=_known(self.document.kpis))))
                continue
            kpis.append((where, kpi))
        rows = kpi_rows(kpis, [field for field, _name, _width in columns])
        caption, number, written = self._fact_caption(block)
        widths = block.widths if block.widths is not None else \
            [width for _field, _name, width in columns]
        return lay_out(header=header, body=rows, source=block, table_id=None,
                       caption=caption, caption_number=number, written_number=written,
                       number_rows=None, widths=widths, kind="kpi", problems=self.problems)

    def _activity_table(self, block: schema.ActivityTable) -> TableBlock:
        columns = self.style.activity_columns
        header = [RowSpec([text_cell(name, block) for name, _width in columns], block, [], [])]
        rows = []
        for position, key in enumerate(block.activity_table, start=1):
            activity = self.document.activities.get(key)
            if activity is None:
                self.problems.append(Problem(block.location("activity_table", position - 1),
                                             said.NO_ACTIVITY(
                                                 key=key,
                                                 known=_known(self.document.activities))))
                continue
            at = activity
            measures = [self._text(text, at) for text in activity.measures]
            kind = "number" if len(measures) > 1 else "text"
            number = activity.number if activity.number is not None else position
            number_cell = text_cell(str(number), at)
            number_cell.number = number
            rows.append(RowSpec([
                number_cell,
                text_cell(activity.name, at),
                CellSpec([CellLine(kind, text) for text in measures] or [CellLine("text", "")],
                         at),
                text_cell(self.style.join(activity.responsible), at),
                text_cell(self.style.join(activity.cooperating), at),
                text_cell(activity.owner or "", at),
                text_cell(activity.when or "", at),
            ], at, [], []))
        caption, number, written = self._fact_caption(block)
        return lay_out(header=header, body=rows, source=block, table_id=None,
                       caption=caption, caption_number=number, written_number=written,
                       number_rows=None, widths=[width for _name, width in columns],
                       kind="activity", problems=self.problems)


def column_sums(table: TableBlock) -> dict[str, Decimal]:
    """Return the sum of every named column over the table's body rows (totals excluded)."""
    sums: dict[str, Decimal] = {}
    for column, name in enumerate(table.column_names):
        figures = [figure for index, row in enumerate(table.rows)
                   if index >= table.header_rows and index not in table.total_rows
                   for cell in row if cell.column == column
                   if (figure := parse_figure(cell.text)) is not None]
        if figures and name:
            sums[name] = sum(figures, Decimal(0))
    return sums


def _known(items: dict[str, Any]) -> list[str] | Message:
    """Return the ids of `items` as a message lists them: NONE when there are none."""
    return list(items) or NONE()
