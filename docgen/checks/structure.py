"""Structure rules: numbering that skips or repeats, references, empty sections, and
enumerations that disagree with the table that details them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from docgen.checks.context import CheckContext, blocks_with_sections, normalize
from docgen.checks.findings import Defect, Severity
from docgen.checks.registry import rule
from docgen.content import schema
from docgen.content.model import (
    Heading,
    ListBlock,
    ResolvedDocument,
    TableBlock,
    Where,
    Within,
    place,
)
from docgen.errors import Location
from docgen.style import HouseStyle

NUMBER_COLUMNS = {"序号", "编号", "序"}
# A caption is short and is not a sentence: 表1-1所列人员均需持证上岗。 cites a table.
_CAPTION_REST = r"[^，。；：,;:]{0,30}"
_LITERAL_CAPTION = re.compile(
    rf"^\s*表\s*(\d+)\s*[-－.．]\s*(\d+)\s*(?P<rest>{_CAPTION_REST})$")
_CELL_NUMBER = re.compile(r"^\s*(\d+)\s*[.、．]?\s*$")
_QUOTED_SECTION = re.compile(
    r"(?:详见|参见|参照|见)(?P<where>[^“”\"。；]{0,14}(?:章|节))[^“”\"。；]{0,4}[“\"]"
    r"(?P<title>[^”\"]{1,40})[”\"]")
_ORDINAL = re.compile(r"第\s*(\d+)\s*(?P<unit>小节|节|章)")
_SECTION_NUMBER_REFERENCE = re.compile(
    r"(?:详见|参见|参照|见)\s*第?\s*(?P<number>\d+(?:\.\d+)+)\.?\s*(?:节|小节|章)?")
_TABLE_REFERENCE = re.compile(
    r"(?:详见|参见|参照|见)\s*(?P<number>表\s*(?P<chapter>\d+)\s*[-－]\s*(?P<place>\d+))")


def _sequence_breaks(numbers: list[tuple[int, Where]]) -> Iterator[tuple[Location, str]]:
    """Yield (where, what) for each number that does not follow on from the one before."""
    previous = 0
    for value, where in numbers:
        if value == previous:
            yield place(where), f"repeats the number {value}"
        elif value < previous:
            yield place(where), f"is numbered {value} after {previous}"
        elif value > previous + 1:
            skipped = f"{previous + 1} is" if value == previous + 2 else \
                f"{previous + 1} to {value - 1} are"
            start = f"starts at {value}" if previous == 0 else \
                f"is numbered {value} after {previous}"
            yield place(where), f"{start}: {skipped} skipped"
        previous = value


def _section_label(section: Heading | None, style: HouseStyle) -> str:
    return f"§{style.heading_line(section.numbers, section.title)}" if section else \
        "the document"


@rule("STRUCT-LIST-NUMBERING", family="structure", severity=Severity.WARNING,
      summary="list items and numbered table rows (序号/编号) count 1, 2, 3 without gaps")
def list_numbering(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        for section, block in blocks_with_sections(document):
            if isinstance(block, ListBlock) and block.ordered:
                numbers = [(item.number, item.origin) for item in block.items]
                for where, what in _sequence_breaks(numbers):
                    yield Defect(document.number, where,
                                 f"in {_section_label(section, document.style)}, a list item "
                                 f"{what}",
                                 "renumber the list, or drop 'number:' and let the renderer "
                                 "number it")
            elif isinstance(block, TableBlock):
                numbers = _numbered_column(block)
                for where, what in _sequence_breaks(numbers):
                    label = "an activity" if block.kind == "activity" else "a table row"
                    yield Defect(document.number, where,
                                 f"in {_section_label(section, document.style)}, {label} {what}",
                                 "renumber the rows, or leave the numbering to the renderer")


def _numbered_column(table: TableBlock) -> list[tuple[int, Where]]:
    if not table.column_names or table.column_names[0] not in NUMBER_COLUMNS:
        return []
    numbers = []
    for index, row in enumerate(table.rows[table.header_rows:], start=table.header_rows):
        if index in table.total_rows:
            continue
        first = next((cell for cell in row if cell.column == 0), None)
        if first is not None and first.number is not None:
            numbers.append((first.number, first.origin))
            continue
        # A number the content typed into the cell.
        match = _CELL_NUMBER.match(first.text) if first else None
        if match:
            numbers.append((int(match.group(1)), first.origin))
    return numbers


def _caption_numbers(context: CheckContext, document: ResolvedDocument
                     ) -> Iterator[tuple[int, int, Where, str]]:
    """Yield (chapter, number, where, how) for every table number the document prints:
    those the renderer gives captions, those captions were imported with, and those
    written into paragraphs that stand as captions."""
    for block in document.tables:
        if block.caption_number is None:
            continue
        where = Within(block.source, ("caption",))
        if block.written_number is None:
            yield *block.caption_number, where, "rendered"
        elif re.fullmatch(_CAPTION_REST, block.caption or ""):
            yield *block.caption_number, where, "written"
    for fragment in context.texts[document.number]:
        if fragment.kind == "paragraph":
            match = _LITERAL_CAPTION.match(fragment.text)
            if match:
                yield int(match.group(1)), int(match.group(2)), fragment.where, "written"


@rule("STRUCT-CAPTION-NUMBERING", family="structure", severity=Severity.WARNING,
      summary="table numbers written into captions (表3-1) neither skip nor repeat")
def caption_numbering(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        found = list(_caption_numbers(context, document))
        if not any(how == "written" for *_rest, how in found):
            continue  # numbers the renderer gives are in order by construction
        numbers = sorted(((chapter, number, place(where), how)
                          for chapter, number, where, how in found),
                         key=lambda item: (item[2].line, item[2].column))
        by_chapter: dict[int, list[tuple[int, Where]]] = {}
        for chapter, number, where, _how in numbers:
            by_chapter.setdefault(chapter, []).append((number, where))
        for chapter, sequence in by_chapter.items():
            for where, what in _sequence_breaks(sequence):
                yield Defect(document.number, where, f"table number 表{chapter}-… {what}",
                             "number the tables in order, or let the renderer number captions")


@rule("STRUCT-REFERENCE", family="structure", severity=Severity.ERROR,
      summary="references to sections and tables point at ones that exist, under their titles")
def references(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        headings = document.headings
        titles = {normalize(h.title): h for h in headings}
        numbers = {h.numbers for h in headings}
        tables = {(chapter, number)
                  for chapter, number, _where, _how in _caption_numbers(context, document)}
        for fragment in context.texts[document.number]:
            # Every reference says 见 (详见, 参见, 参照见): text without it has none.
            if fragment.kind == "heading" or ("见" not in fragment.text
                                                and "参照" not in fragment.text):
                continue
            for match in _QUOTED_SECTION.finditer(fragment.text):
                yield from _quoted_reference(document, fragment.location, fragment.section,
                                             match, titles, headings)
            for match in _SECTION_NUMBER_REFERENCE.finditer(fragment.text):
                cited = tuple(int(part) for part in match.group("number").split("."))
                if cited not in numbers:
                    yield Defect(document.number, fragment.location,
                                 f"refers to section {match.group('number')}, which this "
                                 f"document does not have",
                                 "correct the section number, or cite the section by id: "
                                 "{{ section.<id>.number }}")
            for match in _TABLE_REFERENCE.finditer(fragment.text):
                if (int(match.group("chapter")), int(match.group("place"))) not in tables:
                    yield Defect(document.number, fragment.location,
                                 f"refers to {match.group('number')}, which this document does "
                                 f"not have",
                                 "correct the table number, or cite the table by id: "
                                 "{{ table.<id>.number }}")


def _quoted_reference(document: ResolvedDocument, where: Location, section: Heading | None,
                      match: re.Match[str], titles: dict[str, Heading],
                      headings: list[Heading]) -> Iterator[Defect]:
    cited = match.group("title")
    ordinal = _ORDINAL.search(match.group("where"))
    target = _ordinal_target(section, ordinal, headings) if ordinal else None
    style = document.style
    if target is not None and normalize(target.title) != normalize(cited):
        number = style.heading_number(target.numbers)
        yield Defect(document.number, where,
                     f"refers to “{cited}” as {ordinal.group(0)} ({number}), but "
                     f"{number} is titled “{target.title}”",
                     "quote the section's title as it is, or cite it by id: "
                     "{{ section.<id> }}")
        return
    if target is None and normalize(cited) not in titles:
        close = difflib.get_close_matches(normalize(cited), list(titles), n=1, cutoff=0.6)
        meant = f"; did you mean {style.heading_number(titles[close[0]].numbers)} " \
            f"“{titles[close[0]].title}”?" if close else ""
        yield Defect(document.number, where,
                     f"refers to section “{cited}”, which this document does not have{meant}",
                     "quote the section's title as it is, or cite it by id: {{ section.<id> }}")


def _ordinal_target(section: Heading | None, ordinal: re.Match[str], headings: list[Heading]
                    ) -> Heading | None:
    """Return the section that “第N章” or “本章节第N小节” means, seen from `section`.

    第N章 is chapter N. 第N小节 counts the subsections of the section the text stands in
    when it has subsections, and otherwise those of its parent: from 4.1.2, “本章节第1小节”
    is 4.1.1.
    """
    number = int(ordinal.group(1))
    if ordinal.group("unit") == "章":
        return next((h for h in headings if h.numbers == (number,)), None)
    if section is None:
        return None
    own = section.numbers
    has_subsections = any(h.numbers[:len(own)] == own and h.level > section.level
                          for h in headings)
    parent = own if has_subsections else own[:-1]
    return next((h for h in headings if h.numbers == (*parent, number)), None)


@rule("STRUCT-EMPTY-SECTION", family="structure", severity=Severity.WARNING,
      summary="every section has a body or subsections")
def empty_sections(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        for heading in document.headings:
            section = heading.source
            if isinstance(section, schema.Section) and not section.body and not section.sections:
                shown = document.style.heading_line(heading.numbers, heading.title)
                yield Defect(document.number, section.location("title"),
                             f"section {shown} is empty",
                             "write its content, or state 无 if there is nothing to say")


@rule("STRUCT-ENUMERATION-TABLE", family="structure", severity=Severity.ERROR,
      summary="a list of processes in the text and the table that details it name the same ones")
def enumeration_table(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        groups = {group.id: group for group in document.model.processes}
        for section, block in blocks_with_sections(document):
            if not isinstance(block, TableBlock) or block.kind != "table":
                continue
            table = block.source
            group = groups.get(getattr(table, "details", None) or "")
            if group is None:
                continue
            name_column = next((index for index, name in enumerate(block.column_names)
                                if name not in NUMBER_COLUMNS), 0)
            rows = {normalize(cell.text): cell
                    for index, row in enumerate(block.rows)
                    if index >= block.header_rows and index not in block.total_rows
                    for cell in row if cell.column == name_column}
            where_table = f"the table in {_section_label(section, document.style)}"
            named = {normalize(name) for name in group.processes}
            for index, name in enumerate(group.processes):
                if normalize(name) not in rows:
                    yield Defect(document.number, group.location("processes", index),
                                 f"{name} is named a {group.name}, but {where_table}, which "
                                 f"details the {group.name}, has no row for it",
                                 f"add a row for {name} to the table, or remove it from the "
                                 f"{group.name}")
            for key, cell in rows.items():
                if key not in named:
                    yield Defect(document.number, cell.location,
                                 f"{where_table} details {cell.text} as a {group.name}, but the "
                                 f"list of {group.name} does not name it",
                                 f"add {cell.text} to the {group.name} ({group.id}), or remove "
                                 f"its row")
