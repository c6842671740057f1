"""Write the body of a document: numbered headings, paragraphs, lists and tables.

The writer produces WordprocessingML in the template's own styles; it knows nothing
of YAML or KPIs. Tables arrive already placed on a grid (each cell with its row,
column and spans) and become w:tbl elements with gridSpan and vMerge.

The body is written as XML text and spliced into the document's XML as it is saved:
building tens of thousands of elements through lxml, or parsing and moving them into
the document's tree, costs several times more.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from docgen.wordml.emphasis import plain, segments
from docgen.wordml.numbering import Numbering
from docgen.wordml.orientation import PageSections

# Table text is 10.5 pt: one CJK character takes 210 twips (half of that for Latin).
_TWIPS_PER_HALF_WIDTH = 105
_CELL_MARGINS = 160
_SHORT_COLUMN = 8 * _TWIPS_PER_HALF_WIDTH + _CELL_MARGINS
_CELL_LIST_INDENT = '<w:ind w:left="360" w:hanging="360"/>'
_AFTER_TABLE = '<w:spacing w:before="156"/>'
_TABLE_LOOK = ('<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
               'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>')
_BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>"
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


class CellLine(Protocol):
    kind: str  # "text", "bullet" or "number"
    text: str


class GridCell(Protocol):
    row: int
    column: int
    rows: int
    cols: int
    lines: Sequence[CellLine]


@dataclass(frozen=True)
class StyleIds:
    """The ids of the template styles the body is written in, resolved once by name."""

    normal: str
    headings: dict[int, str]
    bullet: str
    number: str
    table_text: str
    table_heading: str
    caption: str
    table_grid: str


def escape(text: str) -> str:
    """Return `text` safe inside an XML element or a double-quoted attribute."""
    return text.translate(_ESCAPES)


def runs(text: str, *, emphasis: bool = False) -> str:
    """Return runs showing `text`: newlines become line breaks, tabs become tab stops;
    with `emphasis`, **粗体** becomes a bold run (docgen.wordml.emphasis)."""
    if not emphasis:
        return _plain_runs(text, "")
    pieces = segments(text)
    return "".join(_plain_runs(piece, _BOLD if bold else "") for piece, bold in pieces
                   if piece or len(pieces) == 1)


def _plain_runs(text: str, properties: str) -> str:
    parts = []
    for line_index, line in enumerate(text.split("\n")):
        content = "<w:br/>" if line_index else ""
        for part_index, part in enumerate(line.split("\t")):
            if part_index:
                content += "<w:tab/>"
            if part:
                space = ' xml:space="preserve"' if part != part.strip() else ""
                content += f"<w:t{space}>{escape(part)}</w:t>"
        parts.append(f"<w:r>{properties}{content}</w:r>" if content else "<w:r/>")
    return "".join(parts)


class BodyWriter:
    """Collects the body in order; `elements` is what goes into the document."""

    def __init__(self, styles: StyleIds, numbering: Numbering, text_width: int,
                 first_bookmark_id: int):
        self.styles = styles
        self.numbering = numbering
        self.text_width = text_width
        self._parts: list[str] = []
        self._bookmark_id = first_bookmark_id
        self._after_table = False
        self.cell_bullet = "•"
        """The bullet of lists inside table cells."""
        self.cell_numbering = "1."
        """The label of numbered lists inside table cells."""
        self.pages: PageSections | None = None
        """The section breaks that turn pages to landscape and back (see `orient`)."""
        self.landscape = False
        """Whether what is written now goes on landscape pages."""
        self.breaks = 0
        """How many section breaks the body has: its section is split where it is > 0."""
        self._portrait_width = text_width

    def orient(self, landscape: bool) -> None:
        """Put what follows on landscape pages, or back on portrait ones: a section break
        ending the pages before, and the text width of the pages after."""
        if landscape == self.landscape or self.pages is None:
            return
        if self.landscape:
            self._parts.append(self.pages.landscape)
        else:
            self._parts.append(self.pages.first if not self.breaks else self.pages.portrait)
        self.breaks += 1
        self.landscape = landscape
        self.text_width = self.pages.landscape_width if landscape else self._portrait_width
        self._after_table = False

    def xml(self, *, break_page_first: bool = False, break_page_after: bool = False) -> str:
        """Return the body written so far as XML (w: prefixed), the first paragraph
        starting a new page if asked, and a page break after the last if asked."""
        parts = list(self._parts)
        if break_page_first and parts and parts[0].startswith("<w:p><w:pPr><w:pStyle "):
            # Right after the style: the schema's order puts pageBreakBefore early.
            end = parts[0].index("/>") + 2
            parts[0] = parts[0][:end] + "<w:pageBreakBefore/>" + parts[0][end:]
        if break_page_after:
            parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        return "".join(parts)

    def _paragraph(self, style: str, text: str, *, numbering: int | None = None,
                   indent: str = "", centered: bool = False, inside: str = "",
                   keep_next: bool = True) -> None:
        # Properties in the order the schema requires: style, keepNext, numbering, spacing, ...
        properties = f'<w:pStyle w:val="{style}"/>'
        if not keep_next:
            properties += '<w:keepNext w:val="0"/>'
        if numbering is not None:
            properties += (f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{numbering}"/>'
                           "</w:numPr>")
        if self._after_table:  # text straight after a table would touch its border
            properties += _AFTER_TABLE
            self._after_table = False
        properties += indent + ('<w:jc w:val="center"/>' if centered else "")
        content = inside or runs(text, emphasis=True)
        self._parts.append(f"<w:p><w:pPr>{properties}</w:pPr>{content}</w:p>")

    def heading(self, level: int, title: str, bookmark: str) -> None:
        """Add a heading; the template's multilevel list numbers it."""
        number = self._bookmark_id
        self._bookmark_id += 1
        self._paragraph(self.styles.headings[level], title, inside=(
            f'<w:bookmarkStart w:id="{number}" w:name="{escape(bookmark)}"/>{runs(title)}'
            f'<w:bookmarkEnd w:id="{number}"/>'))

    def paragraph(self, text: str) -> None:
        """Add a paragraph of body text."""
        self._paragraph(self.styles.normal, text)

    def caption(self, text: str, *, below: bool = False) -> None:
        """Add a table caption, kept with the table that follows; `below` a table, kept
        with nothing (the caption style keeps it with the next paragraph)."""
        self._paragraph(self.styles.caption, text, keep_next=not below)

    def bullet_list(self, items: Sequence[str], bullet: str = "•") -> None:
        """Add a bulleted list with `bullet` (docgen.wordml.numbering.LIST_FORMATS)."""
        num_id = self.numbering.start_list(bullet)
        for text in items:
            self._paragraph(self.styles.bullet, text, numbering=num_id)

    def numbered_list(self, list_format: str, items: Sequence[tuple[str, int | None]]) -> None:
        """Add a numbered list counting from 1, restarting where an item says so."""
        num_id = self.numbering.start_list(list_format)
        for text, restart_at in items:
            if restart_at is not None:
                num_id = self.numbering.start_list(list_format, restart_at)
            self._paragraph(self.styles.number, text, numbering=num_id)

    def table(self, rows: Sequence[Sequence[GridCell]], column_count: int,
              widths: Sequence[float], header_rows: int, *, fit_to_text: bool = False) -> None:
        """Add a table whose cells are placed on a grid of `column_count` columns.

        `widths` are relative column widths; with `fit_to_text` they are the display
        widths of each column's longest line, and short columns get all they need first.
        """
        column_widths = (_fitted(widths, self.text_width) if fit_to_text
                         else _proportional(widths, self.text_width))
        covering = {(row, column): cell for cells in rows for cell in cells
                    for row in range(cell.row, cell.row + cell.rows)
                    for column in range(cell.column, cell.column + cell.cols)}
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in column_widths)
        table_rows = "".join(self._row(index, covering, column_count, column_widths,
                                       header=index < header_rows)
                             for index in range(len(rows)))
        self._parts.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.styles.table_grid}"/>'
            f'<w:tblW w:w="{self.text_width}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblLayout w:type="fixed"/>{_TABLE_LOOK}</w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{table_rows}</w:tbl>")
        self._after_table = True

    def _row(self, row_index: int, covering: dict[tuple[int, int], GridCell], column_count: int,
             widths: list[int], *, header: bool) -> str:
        cells = []
        column = 0
        while column < column_count:
            cell = covering.get((row_index, column))
            if cell is None:  # a malformed grid was refused earlier; keep the XML valid
                cells.append(self._cell(None, widths[column], 1, "", header))
                column += 1
                continue
            width = sum(widths[column:column + cell.cols])
            if cell.row == row_index:
                merge = "restart" if cell.rows > 1 else ""
                cells.append(self._cell(cell, width, cell.cols, merge, header))
            else:
                cells.append(self._cell(None, width, cell.cols, "continue", header))
            column += cell.cols
        properties = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else ""
        return f"<w:tr>{properties}{''.join(cells)}</w:tr>"

    def _cell(self, cell: GridCell | None, width: int, span: int, merge: str, header: bool
              ) -> str:
        properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        if span > 1:
            properties += f'<w:gridSpan w:val="{span}"/>'
        if merge == "restart":
            properties += '<w:vMerge w:val="restart"/>'
        elif merge == "continue":
            properties += "<w:vMerge/>"
        if header:
            properties += '<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>'
        properties += '<w:vAlign w:val="center"/>'
        lines = list(cell.lines) if cell is not None else []
        style = self.styles.table_heading if header else self.styles.table_text
        centered = header or (len(lines) == 1 and lines[0].kind == "text"
                              and _fits(plain(lines[0].text), width))
        paragraphs = []
        list_id = 0
        previous_kind = ""
        for line in lines or [None]:
            if line is None or line.kind == "text":
                text = line.text if line else ""
                jc = '<w:jc w:val="center"/>' if centered else ""
                paragraphs.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>'
                                  f"{runs(text, emphasis=True)}</w:p>")
                previous_kind = "text"
                continue
            if line.kind != previous_kind:  # each run of items in a cell is a list of its own
                list_id = self.numbering.start_list(
                    self.cell_bullet if line.kind == "bullet" else self.cell_numbering)
            previous_kind = line.kind
            paragraphs.append(
                f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:numPr><w:ilvl w:val="0"/>'
                f'<w:numId w:val="{list_id}"/></w:numPr>{_CELL_LIST_INDENT}</w:pPr>'
                f"{runs(line.text, emphasis=True)}</w:p>")
        return f"<w:tc><w:tcPr>{properties}</w:tcPr>{''.join(paragraphs)}</w:tc>"


def _fits(text: str, width: int) -> bool:
    half_widths = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return "\n" not in text and half_widths * _TWIPS_PER_HALF_WIDTH <= width - _CELL_MARGINS


def _proportional(widths: Sequence[float], total: int) -> list[int]:
    share = sum(widths) or 1.0
    result = [int(total * width / share) for width in widths]
    result[-1] += total - sum(result)
    return result


def _fitted(natural: Sequence[float], total: int) -> list[int]:
    """Return column widths in twips summing to `total`, from each column's longest line.

    Every column first gets what its text needs, up to four CJK characters, so that
    short columns (序号, 部门, 人数) never wrap a word; the rest of the width goes to
    the long columns in proportion to what they still lack.
    """
    needs = [width * _TWIPS_PER_HALF_WIDTH + _CELL_MARGINS for width in natural]
    if sum(needs) <= total:
        return _proportional(needs, total)
    floors = [min(need, _SHORT_COLUMN) for need in needs]
    if sum(floors) >= total:
        return _proportional(floors, total)
    lacking = [need - floor for need, floor in zip(needs, floors, strict=True)]
    spare = total - sum(floors)
    result = [int(floor + spare * lack / sum(lacking))
              for floor, lack in zip(floors, lacking, strict=True)]
    result[-1] += total - sum(result)
    return result
