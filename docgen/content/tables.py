"""Lay tables out on a grid: merged cells, numbered rows, column widths and totals.

Rows are written the way HTML writes them: each row lists its cells left to right and
leaves out the positions that a merged cell from above already covers. Placing them on
a grid makes every span explicit, proves that each row fills the table's width, and
lets totals be computed column by column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from docgen.catalogue import content_resolve as said
from docgen.content import schema
from docgen.content.model import CellLine, PlacedCell, TableBlock, TotalFact, Where, place
from docgen.content.text_width import display_width
from docgen.errors import Problem
from docgen.wordml.emphasis import plain

Interpolate = Callable[[str, Where], str]

# Units a figure may carry in a cell or in prose ("4人"); 年, 月 and % are not summed.
FIGURE_UNITS = ("万元", "元", "人", "名", "次", "条", "个", "项", "台", "套", "门", "课时", "小时",
                "天")
_NUMBER = re.compile(rf"^([+-]?\d+(?:\.\d+)?)\s*(?:{'|'.join(FIGURE_UNITS)})?$")


@dataclass
class CellSpec:
    """A cell before placement: its lines, its spans and where it was written."""

    lines: list[CellLine]
    origin: Where
    rows: int = 1
    cols: int = 1
    computed_sum: bool = False
    number: int | None = None  # the row number docgen writes into this cell, if any


@dataclass
class RowSpec:
    """A row before placement; total rows name the columns whose sums they state."""

    cells: list[CellSpec]
    origin: Where
    total: list[str]
    subtotal: list[str]


def text_cell(text: str, origin: Where) -> CellSpec:
    """Return a one-paragraph cell."""
    return CellSpec([CellLine("text", text)], origin)


def cell_from_schema(cell: schema.Cell, interpolate: Interpolate) -> CellSpec:
    """Return the cell written in content, its text interpolated."""
    lines: list[CellLine] = []
    if cell.text is not None:
        lines = [CellLine("text", part) for part in interpolate(cell.text, cell).split("\n")]
    if cell.paragraphs or cell.bullets or cell.numbered:
        lines += [CellLine("text", interpolate(text, cell)) for text in cell.paragraphs]
        lines += [CellLine("bullet", interpolate(text, cell)) for text in cell.bullets]
        lines += [CellLine("number", interpolate(text, cell)) for text in cell.numbered]
    return CellSpec(lines or [CellLine("text", "")], cell, cell.rows, cell.cols, cell.sum)


def rows_from_schema(rows: list[schema.Row], interpolate: Interpolate) -> list[RowSpec]:
    """Return the rows written in content as row specs."""
    return [RowSpec([cell_from_schema(cell, interpolate) for cell in row.cells],
                    row, row.total, row.subtotal) for row in rows]


def lay_out(
    *,
    header: list[RowSpec],
    body: list[RowSpec],
    source: schema.ContentModel,
    table_id: str | None,
    caption: str | None,
    caption_number: tuple[int, int] | None,
    number_rows: str | None,
    widths: list[float] | None,
    kind: str,
    problems: list[Problem],
    written_number: str | None = None,
) -> TableBlock:
    """Return the table placed on its grid; append any problem found to `problems`."""
    if number_rows:
        counter = 0
        for row in body:
            if not (row.total or row.subtotal):
                counter += 1
                label = f"{counter}." if number_rows == "1." else str(counter)
                row.cells.insert(0, text_cell(label, row.origin))
                row.cells[0].number = counter
    all_rows = header + body
    grid, column_count = _place(all_rows, problems)
    column_names = _column_names(grid, len(header), column_count)
    block = TableBlock(
        id=table_id, caption=caption, caption_number=caption_number,
        written_number=written_number, column_count=column_count,
        widths=_explicit_widths(widths, column_count, source, problems),
        header_rows=len(header), rows=grid,
        total_rows={index for index, row in enumerate(all_rows) if row.total or row.subtotal},
        column_names=column_names, totals=[], source=source, kind=kind)  # type: ignore[arg-type]
    block.totals = _totals(block, all_rows, problems)
    return block


def _place(rows: list[RowSpec], problems: list[Problem]) -> tuple[list[list[PlacedCell]], int]:
    covered: list[set[int]] = [set() for _ in rows]  # columns taken by cells from above
    widths = [0] * len(rows)  # how many columns each row fills, merged cells included
    grid: list[list[PlacedCell]] = []
    for row_index, row in enumerate(rows):
        placed_row = []
        taken = covered[row_index]
        column = 0
        for cell in row.cells:
            while column in taken:
                column += 1
            placed_row.append(PlacedCell(row_index, column, cell.rows, cell.cols, cell.lines,
                                         cell.origin, cell.number))
            widths[row_index] += cell.cols
            if cell.rows > 1:
                if row_index + cell.rows > len(rows):
                    problems.append(Problem(place(cell.origin), said.SPAN_TOO_LONG(
                        rows=cell.rows, left=len(rows) - row_index)))
                for spanned_row in range(row_index + 1, min(row_index + cell.rows, len(rows))):
                    widths[spanned_row] += cell.cols
                    covered[spanned_row].update(range(column, column + cell.cols))
            column += cell.cols
        grid.append(placed_row)
    if not rows:
        return grid, 0
    column_count = widths[0]
    for index, row in enumerate(rows):
        if widths[index] != column_count:
            problems.append(Problem(place(row.origin), said.ROW_WIDTH(width=widths[index],
                                                                      first=column_count)))
    return grid, column_count


def _column_names(grid: list[list[PlacedCell]], header_rows: int, column_count: int) -> list[str]:
    names = [""] * column_count
    for row in grid[:header_rows]:
        for cell in row:
            for column in range(cell.column, min(cell.column + cell.cols, column_count)):
                # A lower header row names its columns more precisely than the one above.
                if cell.cols == 1 or not names[column]:
                    names[column] = cell.text.replace("\n", "")
    return names


def _explicit_widths(given: list[float] | None, column_count: int,
                     source: schema.ContentModel, problems: list[Problem]) -> list[float] | None:
    if given is not None and len(given) != column_count:
        problems.append(Problem(source.location("widths"),
                                said.WIDTHS_COUNT(given=len(given), columns=column_count)))
        return None
    return list(given) if given is not None else None


def natural_widths(table: TableBlock) -> list[int]:
    """Return, per column, the display width of its longest single-column line."""
    longest = [0] * table.column_count
    for row in table.rows:
        for cell in row:
            if cell.cols == 1 and cell.column < table.column_count:
                widest = max((display_width(plain(line.text)) + (4 if line.kind != "text" else 0)
                              for line in cell.lines), default=0)
                longest[cell.column] = max(longest[cell.column], widest)
    return longest


def parse_figure(text: str) -> Decimal | None:
    """Return the number a cell states (with or without its unit: 4, 4人), or None."""
    match = _NUMBER.match(text.strip().replace(",", ""))
    return Decimal(match.group(1)) if match else None


def _totals(block: TableBlock, rows: list[RowSpec], problems: list[Problem]) -> list[TotalFact]:
    facts = []
    grid = block.rows
    scope_start = block.header_rows
    for row_index in range(block.header_rows, len(rows)):
        spec = rows[row_index]
        scopes = [("total", name) for name in spec.total] + \
                 [("subtotal", name) for name in spec.subtotal]
        if not scopes:
            continue
        label = grid[row_index][0].text if grid[row_index] else ""
        for scope, name in scopes:
            if name not in block.column_names:
                problems.append(Problem(place(spec.origin), said.TOTAL_NO_COLUMN(
                    name=name, columns=[n for n in block.column_names if n])))
                continue
            column = block.column_names.index(name)
            first = block.header_rows if scope == "total" else scope_start
            computed = sum((figure for index in range(first, row_index)
                            if index not in block.total_rows
                            for cell in grid[index] if cell.column == column
                            if (figure := parse_figure(cell.text)) is not None), Decimal(0))
            stated_cell = next((cell for cell in grid[row_index] if cell.column == column), None)
            if stated_cell is None:
                problems.append(Problem(place(spec.origin), said.TOTAL_NO_CELL(name=name)))
                continue
            source_spec = spec.cells[grid[row_index].index(stated_cell)]
            if source_spec.computed_sum:
                stated_cell.lines = [CellLine("text", format(computed, "f"))]
                stated = None
            else:
                stated = parse_figure(stated_cell.text)
            facts.append(TotalFact(label, name, scope, stated, computed, stated_cell.origin))
        scope_start = row_index + 1
    return facts
