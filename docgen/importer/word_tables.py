"""A Word table read onto its grid: each cell at its row and column with the rows and
columns it spans.

Word merges across with w:gridSpan (and, in old files, w:hMerge restart/continue) and
down with w:vMerge restart/continue; a row may start late or end early (w:gridBefore,
w:gridAfter), leaving grid columns without a cell. Rows, cells and paragraphs may sit
inside content controls or custom XML. A row deleted with tracked changes is gone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree

from docgen.importer.model import WordCell, WordParagraph, WordTable
from docgen.importer.word_styles import is_on
from docgen.importer.word_text import SDT, SDT_CONTENT
from docgen.wordml.xml import w

TR, TC = w("tr"), w("tc")
TRPR, TCPR = w("trPr"), w("tcPr")
_WRAPPERS = {SDT, w("customXml")}
_ROW_DELETED = w("del")
_SPAN, _VMERGE, _HMERGE, _SHADING = w("gridSpan"), w("vMerge"), w("hMerge"), w("shd")
_VAL, _FILL = w("val"), w("fill")

CellReader = Callable[[etree._Element], list[WordParagraph]]
"""Reads a w:tc's paragraphs (and nested tables) in document order."""


def children(container: etree._Element, *tags: str) -> Iterator[etree._Element]:
    """Yield the children of `container` with one of `tags`, looking inside content
    controls and custom XML that wrap them."""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            content = child.find(SDT_CONTENT) if child.tag == SDT else child
            if content is not None:
                yield from children(content, *tags)


def read_table(node: etree._Element, index: int, cell_paragraphs: CellReader) -> WordTable:
    """Return the w:tbl `node` as the table numbered `index`, each cell's paragraphs read
    by `cell_paragraphs`."""
    rows: list[list[WordCell]] = []
    open_cells: dict[int, WordCell] = {}
    header_rows = 0
    column_count = 0
    for row in children(node, TR):
        properties = row.find(TRPR)
        if properties is not None and properties.find(_ROW_DELETED) is not None:
            continue  # a tracked deletion: the row is gone once changes are accepted
        row_index = len(rows)
        if properties is not None and is_on(properties.find(w("tblHeader"))) \
                and header_rows == row_index:
            header_rows += 1
        column = _grid_skip(properties, "gridBefore")
        cells: list[WordCell] = []
        for cell in children(row, TC):
            column = _place(cell, row_index, column, cells, open_cells, cell_paragraphs)
        column += _grid_skip(properties, "gridAfter")
        column_count = max(column_count, column)
        rows.append(cells)
    grid = node.find(w("tblGrid"))
    widths = [_twips(col.get(w("w"), "")) for col in grid.findall(w("gridCol"))] \
        if grid is not None else []
    return WordTable(index, rows, max(column_count, len(widths)), header_rows, widths)


def _place(cell: etree._Element, row_index: int, column: int, cells: list[WordCell],
           open_cells: dict[int, WordCell], cell_paragraphs: CellReader) -> int:
    """Place `cell` at `column` of the row; return the column after it."""
    properties = cell.find(TCPR)
    span = merge = horizontal = None
    shaded = False
    if properties is not None:
        span = properties.find(_SPAN)
        merge = properties.find(_VMERGE)
        horizontal = properties.find(_HMERGE)
        shading = properties.find(_SHADING)
        shaded = shading is not None and shading.get(_FILL, "auto").lower() \
            not in ("auto", "ffffff", "")
    span_value = span.get(_VAL, "1") if span is not None else "1"
    cols = max(1, int(span_value)) if span_value.isdigit() else 1
    paragraphs = cell_paragraphs(cell)
    if horizontal is not None and horizontal.get(_VAL, "continue") == "continue" \
            and cells:
        cells[-1].cols += cols  # the old way to merge across: part of the cell before
        cells[-1].paragraphs.extend(p for p in paragraphs if p.text.strip())
        return column + cols
    if merge is not None and merge.get(_VAL, "continue") == "continue" \
            and column in open_cells:
        above = open_cells[column]
        above.rows = row_index - above.row + 1
        return column + cols
    placed = WordCell(row_index, column, 1, cols, paragraphs, shaded)
    cells.append(placed)
    if merge is not None:
        open_cells[column] = placed
    else:
        open_cells.pop(column, None)
    return column + cols


def _grid_skip(properties: etree._Element | None, name: str) -> int:
    node = properties.find(w(name)) if properties is not None else None
    value = node.get(w("val"), "0") if node is not None else "0"
    return int(value) if value.isdigit() else 0


def _twips(value: str) -> int:
    try:
        return max(0, int(float(value)))
    except ValueError:
        return 0
