"""Write the body of a document: numbered headings, paragraphs, lists and tables.

The writer produces WordprocessingML elements in the template's own styles; it knows
nothing of YAML or KPIs. Tables arrive already placed on a grid (each cell with its
row, column and spans) and become w:tbl elements with gridSpan and vMerge.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from lxml import etree

from docgen.wordml.numbering import Numbering
from docgen.wordml.xml import element, numbering_properties, paragraph, sub, text_runs, w

# Table text is 10.5 pt: one CJK character takes 210 twips (half of that for Latin).
_TWIPS_PER_HALF_WIDTH = 105
_CELL_MARGINS = 160
_SHORT_COLUMN = 8 * _TWIPS_PER_HALF_WIDTH + _CELL_MARGINS
_CELL_LIST_INDENT = {"left": "360", "hanging": "360"}
# Paragraph properties that come before w:spacing in the schema's order.
_BEFORE_SPACING = {w(tag) for tag in ("pStyle", "keepNext", "keepLines", "pageBreakBefore",
                                      "framePr", "widowControl", "numPr", "suppressLineNumbers",
                                      "pBdr", "shd", "tabs", "suppressAutoHyphens")}


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


class BodyWriter:
    """Collects body elements in order; `elements` is what goes into the document."""

    def __init__(self, styles: StyleIds, numbering: Numbering, text_width: int,
                 first_bookmark_id: int):
        self.styles = styles
        self.numbering = numbering
        self.text_width = text_width
        self.elements: list[etree._Element] = []
        self._bookmark_id = first_bookmark_id
        self._after_table = False

    def _add(self, node: etree._Element) -> None:
        # Text straight after a table would touch its bottom border; give it some air.
        if self._after_table and node.tag == w("p"):
            properties = node.find(w("pPr"))
            if properties is None:
                properties = element("pPr")
                node.insert(0, properties)
            position = sum(1 for child in properties if child.tag in _BEFORE_SPACING)
            properties.insert(position, element("spacing", {"before": "156"}))
        self._after_table = node.tag == w("tbl")
        self.elements.append(node)

    def heading(self, level: int, title: str, bookmark: str) -> None:
        """Add a heading; the template's multilevel list numbers it."""
        node = paragraph(self.styles.headings[level])
        bookmark_id = str(self._bookmark_id)
        self._bookmark_id += 1
        node.append(element("bookmarkStart", {"id": bookmark_id, "name": bookmark}))
        node.extend(text_runs(title))
        node.append(element("bookmarkEnd", {"id": bookmark_id}))
        self._add(node)

    def paragraph(self, text: str) -> None:
        """Add a paragraph of body text."""
        self._add(paragraph(self.styles.normal, text))

    def caption(self, text: str) -> None:
        """Add a table caption, kept with the table that follows."""
        self._add(paragraph(self.styles.caption, text))

    def bullet_list(self, items: Sequence[str]) -> None:
        """Add a bulleted list."""
        num_id = self.numbering.start_list("bullet")
        for text in items:
            self._add(paragraph(self.styles.bullet, text,
                                properties=[numbering_properties(num_id)]))

    def numbered_list(self, list_format: str, items: Sequence[tuple[str, int | None]]) -> None:
        """Add a numbered list counting from 1, restarting where an item says so."""
        num_id = self.numbering.start_list(list_format)
        for text, restart_at in items:
            if restart_at is not None:
                num_id = self.numbering.start_list(list_format, restart_at)
            self._add(paragraph(self.styles.number, text,
                                properties=[numbering_properties(num_id)]))

    def table(self, rows: Sequence[Sequence[GridCell]], column_count: int,
              widths: Sequence[float], header_rows: int, *, fit_to_text: bool = False) -> None:
        """Add a table whose cells are placed on a grid of `column_count` columns.

        `widths` are relative column widths; with `fit_to_text` they are the display
        widths of each column's longest line, and short columns get all they need first.
        """
        column_widths = (_fitted(widths, self.text_width) if fit_to_text
                         else _proportional(widths, self.text_width))
        table = element("tbl")
        properties = sub(table, "tblPr")
        sub(properties, "tblStyle", {"val": self.styles.table_grid})
        sub(properties, "tblW", {"w": str(self.text_width), "type": "dxa"})
        sub(properties, "jc", {"val": "center"})
        sub(properties, "tblLayout", {"type": "fixed"})
        sub(properties, "tblLook", {"val": "04A0", "firstRow": "1", "lastRow": "0",
                                    "firstColumn": "1", "lastColumn": "0", "noHBand": "0",
                                    "noVBand": "1"})
        grid = sub(table, "tblGrid")
        for width in column_widths:
            sub(grid, "gridCol", {"w": str(width)})
        covering = {(row, column): cell for cells in rows for cell in cells
                    for row in range(cell.row, cell.row + cell.rows)
                    for column in range(cell.column, cell.column + cell.cols)}
        for row_index in range(len(rows)):
            table.append(self._row(row_index, covering, column_count, column_widths,
                                   header=row_index < header_rows))
        self._add(table)

    def _row(self, row_index: int, covering: dict[tuple[int, int], GridCell], column_count: int,
             widths: list[int], *, header: bool) -> etree._Element:
        row = element("tr")
        if header:
            row_properties = sub(row, "trPr")
            sub(row_properties, "cantSplit")
            sub(row_properties, "tblHeader")
        column = 0
        while column < column_count:
            cell = covering.get((row_index, column))
            if cell is None:  # a malformed grid was refused earlier; keep the XML valid
                row.append(self._cell(None, widths[column], 1, "", header))
                column += 1
                continue
            width = sum(widths[column:column + cell.cols])
            if cell.row == row_index:
                merge = "restart" if cell.rows > 1 else ""
                row.append(self._cell(cell, width, cell.cols, merge, header))
            else:
                row.append(self._cell(None, width, cell.cols, "continue", header))
            column += cell.cols
        return row

    def _cell(self, cell: GridCell | None, width: int, span: int, merge: str, header: bool
              ) -> etree._Element:
        node = element("tc")
        properties = sub(node, "tcPr")
        sub(properties, "tcW", {"w": str(width), "type": "dxa"})
        if span > 1:
            sub(properties, "gridSpan", {"val": str(span)})
        if merge == "restart":
            sub(properties, "vMerge", {"val": "restart"})
        elif merge == "continue":
            sub(properties, "vMerge")
        if header:
            sub(properties, "shd", {"val": "clear", "color": "auto", "fill": "D9D9D9"})
        sub(properties, "vAlign", {"val": "center"})
        lines = list(cell.lines) if cell is not None else []
        style = self.styles.table_heading if header else self.styles.table_text
        centered = header or (len(lines) == 1 and lines[0].kind == "text"
                              and _fits(lines[0].text, width))
        list_id = 0
        previous_kind = ""
        for line in lines or [None]:
            if line is None or line.kind == "text":
                alignment = [element("jc", {"val": "center"})] if centered else []
                node.append(paragraph(style, line.text if line else "", properties=alignment))
                previous_kind = "text"
                continue
            if line.kind != previous_kind:  # each run of items in a cell is a list of its own
                list_id = self.numbering.start_list("bullet" if line.kind == "bullet" else "1.")
            previous_kind = line.kind
            node.append(paragraph(style, line.text, properties=[
                numbering_properties(list_id), element("ind", _CELL_LIST_INDENT)]))
        return node


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
