"""Structure rules: numbering that skips or repeats, references, empty sections, and
enumerations that disagree with the table that details them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from docgen.catalogue import checks_captions as captioned
from docgen.catalogue import checks_structure as says
from docgen.checks.captions import (
    captioned_tables,
    duplicates,
    fit,
    said_around,
    subject_of,
    table_references,
)
from docgen.checks.context import CheckContext, Fragment, blocks_with_sections, normalize
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
from docgen.messages import Param

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


def _sequence_breaks(numbers: list[tuple[int, Where]]
                     ) -> Iterator[tuple[Location, str, dict[str, Param]]]:
    """Yield (where, case, numbers) for each number that does not follow on from the one
    before; the case names the sentence (docgen.catalogue.checks_structure.NUMBERING)."""
    previous = 0
    for value, where in numbers:
        if value == previous:
            yield place(where), "repeat", {"value": value}
        elif value < previous:
            yield place(where), "backwards", {"value": value, "previous": previous}
        elif previous == 0 and value == 2:
            yield place(where), "late-one", {"value": value}
        elif previous == 0 and value > 2:
            yield place(where), "late-many", {"value": value, "last": value - 1}
        elif value == previous + 2:
            yield place(where), "skip-one", {"value": value, "previous": previous,
                                             "missing": previous + 1}
        elif value > previous + 2:
            yield place(where), "skip-many", {"value": value, "previous": previous,
                                              "first": previous + 1, "last": value - 1}
        previous = value


@rule("STRUCT-LIST-NUMBERING", family="structure", severity=Severity.WARNING,
      summary="list items and numbered table rows (序号/编号) count 1, 2, 3 without gaps")
def list_numbering(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        for section, block in blocks_with_sections(document):
            if section is None:
                continue  # never so: every block stands under its section's heading
            if isinstance(block, ListBlock) and block.ordered:
                numbers = [(item.number, item.origin) for item in block.items]
                label = document.style.heading_number(section.numbers)
                for where, case, values in _sequence_breaks(numbers):
                    yield Defect(document.number, where, says.NUMBERING["list-item"][case](
                        number=label, title=section.title, **values))
            elif isinstance(block, TableBlock):
                numbers = _numbered_column(block)
                thing = "activity-row" if block.kind == "activity" else "table-row"
                label = document.style.heading_number(section.numbers)
                for where, case, values in _sequence_breaks(numbers):
                    yield Defect(document.number, where, says.NUMBERING[thing][case](
                        number=label, title=section.title, **values))


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
        # A number two tables print is reported as such (STRUCT-CAPTION-DUPLICATE), not
        # as a number that goes backwards.
        repeated = {(table.chapter, table.number, table.location.line)
                    for group in duplicates(captioned_tables(context, document)).values()
                    for table in group[1:]}
        numbers = sorted(((chapter, number, place(where), how)
                          for chapter, number, where, how in found
                          if (chapter, number, place(where).line) not in repeated),
                         key=lambda item: (item[2].line, item[2].column))
        by_chapter: dict[int, list[tuple[int, Where]]] = {}
        for chapter, number, where, _how in numbers:
            by_chapter.setdefault(chapter, []).append((number, where))
        for chapter, sequence in by_chapter.items():
            for where, case, values in _sequence_breaks(sequence):
                yield Defect(document.number, where,
                             says.NUMBERING["table-number"][case](chapter=chapter, **values))


@rule("STRUCT-REFERENCE", family="structure", severity=Severity.ERROR,
      summary="references to sections and tables point at ones that exist, under their titles")
def references(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        headings = document.headings
        titles = {normalize(h.title): h for h in headings}
        numbers = {h.numbers: h for h in headings}
        tables = captioned_tables(context, document)
        for fragment in context.texts[document.number]:
            if fragment.kind == "heading":
                continue
            # A caption, or a paragraph standing as one, prints a number; it cites none.
            if "表" in fragment.text and fragment.kind != "caption" and not (
                    fragment.kind == "paragraph" and _LITERAL_CAPTION.match(fragment.text)):
                yield from table_references(document, fragment, tables)
            # Every other reference says 见 (详见, 参见, 参照见): text without it has none.
            if "见" not in fragment.text and "参照" not in fragment.text:
                continue
            for match in _QUOTED_SECTION.finditer(fragment.text):
                yield from _quoted_reference(document, fragment.location, fragment.section,
                                             match, titles, headings)
            for match in _SECTION_NUMBER_REFERENCE.finditer(fragment.text):
                cited = tuple(int(part) for part in match.group("number").split("."))
                if cited not in numbers:
                    yield Defect(document.number, fragment.location,
                                 says.NO_SUCH_SECTION_NUMBER(number=match.group("number")))
                else:
                    yield from _section_subject(document, fragment, match,
                                                numbers[cited], headings)


def _section_subject(document: ResolvedDocument, fragment: Fragment, match: re.Match[str],
                     cited: Heading, headings: list[Heading]) -> Iterator[Defect]:
    """Yield a defect when the sentence cites a section by number for a subject that is
    another section's title (研发投入详见4.2 when 4.2 is 人员培训 and 4.3 is 研发投入)."""
    subject = subject_of(fragment.text, match)
    if not subject or fit(subject, cited.title) >= 0.34:
        return
    better = max(headings, key=lambda heading: fit(subject, heading.title))
    # A subject of one word ('培训') must match another title wholly.
    enough = 0.5 if len(subject) > 1 else 1.0
    if better is not cited and fit(subject, better.title) >= enough:
        style = document.style
        yield Defect(document.number, fragment.location, captioned.WRONG_SECTION(
            said=said_around(fragment.text, match), number=style.heading_number(cited.numbers),
            title=cited.title, meant=style.heading_number(better.numbers),
            meant_title=better.title))


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
                     says.ORDINAL_TITLE_MISMATCH(cited=cited, ordinal=ordinal.group(0),
                                                 number=number, title=target.title))
        return
    if target is None and normalize(cited) not in titles:
        close = difflib.get_close_matches(normalize(cited), list(titles), n=1, cutoff=0.6)
        meant = titles[close[0]] if close else None
        yield Defect(document.number, where,
                     says.NO_SUCH_SECTION_TITLE_LIKE(cited=cited,
                                                     number=style.heading_number(meant.numbers),
                                                     title=meant.title)
                     if meant else says.NO_SUCH_SECTION_TITLE(cited=cited))


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
                yield Defect(document.number, section.location("title"),
                             says.EMPTY_SECTION(number=document.style.heading_number(
                                 heading.numbers), title=heading.title))


@rule("STRUCT-ENUMERATION-TABLE", family="structure", severity=Severity.ERROR,
      summary="a list of processes in the text and the table that details it name the same ones")
def enumeration_table(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        groups = {group.id: group for group in document.model.processes}
        for section, block in blocks_with_sections(document):
            # A table always stands under its section's heading: section is never None.
            if not isinstance(block, TableBlock) or block.kind != "table" or section is None:
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
            named = {normalize(name) for name in group.processes}
            label = document.style.heading_number(section.numbers)
            for index, name in enumerate(group.processes):
                if normalize(name) not in rows:
                    yield Defect(document.number, group.location("processes", index),
                                 says.PROCESS_WITHOUT_ROW(name=name, group=group.name,
                                                          number=label, title=section.title))
            for key, cell in rows.items():
                if key not in named:
                    yield Defect(document.number, cell.location,
                                 says.ROW_WITHOUT_PROCESS(cell=cell.text, group=group.name,
                                                          id=group.id, number=label,
                                                          title=section.title))
