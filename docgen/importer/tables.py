"""A Word table as a docgen `table:` block: header rows, body rows with every merge the
original made, total rows, numbered rows and column widths.

- Every merged cell keeps its span (`rows:`, `cols:`), and the positions it covers are
  left out, as content is written. A row that starts late or ends early (gridBefore,
  gridAfter) is filled with an empty cell, since every content row fills the width.
- The header is the rows Word repeats on each page; else the first row when it looks
  like one (bold, shaded, or words such as 序号 名称 部门 时间), with the rows a header
  cell spans down into; else the first row, guessed.
- A row whose first cell says 合计, 总计, 人数总计, 共计 (小计) states the total (subtotal)
  of the columns where it gives a number: `cells:` with `total:` naming them.
- A first column counting 1 2 3 (or 1. 2. 3.) becomes `number_rows:`; one that skips or
  repeats is kept as written, and guessed, so that the checks see it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docgen.catalogue import import_body as said
from docgen.content.tables import parse_figure
from docgen.importer.cells import cell_value
from docgen.importer.model import WordCell, WordTable
from docgen.messages import Message

_TOTAL = re.compile(r"^(?:人数|金额|费用|数量|预算|人员|总人数)?(合计|总计|共计|小计|总合计)"
                    r"(?:[(（][^)）]*[)）])?[:：]?$")
_ROW_NUMBER = re.compile(r"^(\d{1,3})([.．]?)$")
_HEADER_WORDS = ("序号", "编号", "名称", "部门", "时间", "日期", "内容", "类别", "类型", "负责",
                 "人数", "数量", "备注", "方式", "要求", "说明", "项目", "岗位", "级别", "指标",
                 "目标", "周期", "频次", "职责", "姓名", "金额", "预算", "费用", "对象", "角色",
                 "措施", "依据", "结果", "状态", "版本", "单位", "地点", "计划", "分类", "描述")

RelativePath = tuple[str | int, ...]


@dataclass
class TableContent:
    """A table in content format, with where each row came from and what was guessed."""

    table: dict[str, object]
    rows: list[tuple[RelativePath, int]] = field(default_factory=list)
    """For each header and body row: its path inside the block and the original's row."""
    notes: list[tuple[RelativePath, Message]] = field(default_factory=list)


@dataclass
class _Slot:
    """A cell as content writes it: a Word cell (None for a filler) and its spans."""

    cell: WordCell | None
    column: int
    rows: int
    cols: int

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.cell.paragraphs).strip() if self.cell else ""


def table_content(table: WordTable, numbered_form: str, bullet: str) -> TableContent:
    """Return `table` as a `table:` block; cell lists print in the house's `numbered_form`
    and `bullet`, so only lists that print so become lists."""
    grid = _slots(table)
    result = TableContent({})
    header_count = _header_rows(table, grid, result)
    names = _column_names(grid[:header_count], table.column_count)
    body = grid[header_count:]
    totals = {index: _total(slots, names, result, index) for index, slots in enumerate(body)}
    numbering = _row_numbers(body, totals, result)
    content: dict[str, object] = {}
    if numbering:
        content["number_rows"] = numbering
    widths = relative_widths(table.column_widths, table.column_count)
    if widths:
        content["widths"] = widths
    content["header"] = [[cell_value(slot.cell, slot.rows, slot.cols, numbered_form, bullet,
                                     header=True) for slot in slots]
                         for slots in grid[:header_count]]
    rows: list[object] = []
    for index, slots in enumerate(body):
        if numbering and totals[index] is None:
            slots = slots[1:]  # the number docgen writes itself
        cells = [cell_value(slot.cell, slot.rows, slot.cols, numbered_form, bullet)
                 for slot in slots]
        total = totals[index]
        rows.append({"cells": cells, total[0]: total[1]} if total else cells)
    if rows:
        content["rows"] = rows
    result.table = content
    result.rows = [(("table", "header", index), index) for index in range(header_count)] + \
        [(("table", "rows", index), header_count + index) for index in range(len(body))]
    return result


def relative_widths(twips: list[int], columns: int) -> list[float] | None:
    """Return the grid's widths relative to the narrowest (1, 2.5, …), or None when the
    file gives none or all are alike (Word's default, which says nothing)."""
    if len(twips) != columns or not twips or min(twips) <= 0 or len(set(twips)) == 1:
        return None
    narrowest = min(twips)
    ratios = [round(width / narrowest, 1) for width in twips]
    return [int(ratio) if ratio.is_integer() else ratio for ratio in ratios]


def _slots(table: WordTable) -> list[list[_Slot]]:
    """Return each row's slots left to right: its cells and fillers for the gaps, the
    positions covered from above left out."""
    height, width = len(table.rows), table.column_count
    owner: dict[tuple[int, int], WordCell] = {}
    for row in table.rows:
        for cell in row:
            cell.rows = max(1, min(cell.rows, height - cell.row))
            cell.cols = max(1, min(cell.cols, width - cell.column))
            taken = next((owner[(cell.row, column)] for column
                          in range(cell.column, cell.column + cell.cols)
                          if (cell.row, column) in owner), None)
            if taken is not None:  # a cell where another already stands: its text joins it
                taken.paragraphs.extend(cell.paragraphs)
                continue
            for row_index in range(cell.row, cell.row + cell.rows):
                for column in range(cell.column, cell.column + cell.cols):
                    owner[(row_index, column)] = cell
    grid: list[list[_Slot]] = []
    for row_index in range(height):
        slots: list[_Slot] = []
        column = 0
        while column < width:
            cell = owner.get((row_index, column))
            if cell is None:
                gap = column
                while gap < width and (row_index, gap) not in owner:
                    gap += 1
                slots.append(_Slot(None, column, 1, gap - column))
                column = gap
            else:
                if cell.row == row_index and cell.column == column:
                    slots.append(_Slot(cell, column, cell.rows, cell.cols))
                column = cell.column + cell.cols
        grid.append(slots)
    return grid


def _header_rows(table: WordTable, grid: list[list[_Slot]], result: TableContent) -> int:
    if 0 < table.header_rows < len(grid):
        count = table.header_rows
    elif grid and _looks_like_header(grid[0]):
        count = 1
        while count < len(grid) and (any(slot.cell and slot.cell.row + slot.rows > count
                                         for slots in grid[:count] for slot in slots)
                                     or (any(slot.cols > 1 for slot in grid[count - 1])
                                         and _formatted_like_header(grid[count]))):
            count += 1
        count = min(count, max(1, len(grid) - 1)) if len(grid) > 1 else 1
    else:
        count = 1
        result.notes.append((("table", "header"), said.FIRST_ROW_HEADER()))
    return count


def _looks_like_header(slots: list[_Slot]) -> bool:
    texts = [slot.text for slot in slots if slot.text]
    if not texts or any(parse_figure(text) is not None for text in texts):
        return False
    if _formatted_like_header(slots):
        return True
    worded = sum(1 for text in texts if len(text) <= 10 and any(word in text for word
                                                                 in _HEADER_WORDS))
    return worded * 2 >= len(texts)


def _formatted_like_header(slots: list[_Slot]) -> bool:
    cells = [slot.cell for slot in slots if slot.cell is not None and slot.text]
    if not cells:
        return False
    return all(cell.shaded for cell in cells) or \
        all(any(p.bold for p in cell.paragraphs if p.text.strip()) for cell in cells)


def _column_names(header: list[list[_Slot]], width: int) -> list[str]:
    """Return each column's name as content names it: its header text, the lowest row's
    where header cells are stacked."""
    names = [""] * width
    for slots in header:
        for slot in slots:
            text = "".join(p.text.strip() for p in slot.cell.paragraphs) if slot.cell else ""
            for column in range(slot.column, min(slot.column + slot.cols, width)):
                if slot.cols == 1 or not names[column]:
                    names[column] = text
    return names


def _total(slots: list[_Slot], names: list[str], result: TableContent, index: int
           ) -> tuple[str, list[str]] | None:
    """Return ("total" or "subtotal", the columns it states) for a total row, else None."""
    labelled = next((slot for slot in slots if slot.text), None)
    if labelled is None:
        return None
    match = _TOTAL.match(re.sub(r"\s+", "", labelled.text))
    if match is None:
        return None
    stated: list[str] = []
    for slot in slots:
        if slot is labelled or slot.cols != 1 or parse_figure(slot.text) is None:
            continue
        name = names[slot.column]
        if not name or names.count(name) > 1:
            result.notes.append((("table", "rows", index), said.TOTAL_COLUMN_UNNAMED(
                column=slot.column + 1, label=labelled.text)))
            continue
        stated.append(name)
    if not stated:
        return None
    return ("subtotal" if match.group(1) == "小计" else "total"), stated


def _row_numbers(body: list[list[_Slot]], totals: dict[int, object], result: TableContent
                 ) -> str | None:
    """Return "1." or "1" when the first column counts the body rows cleanly, else None
    (a count that skips or repeats is kept as written, and guessed)."""
    numbered = [slots for index, slots in enumerate(body) if totals[index] is None]
    if len(numbered) < 2:
        return None
    matches = []
    for slots in numbered:
        first = slots[0] if slots else None
        if first is None or first.cell is None or first.column != 0 or first.rows != 1 \
                or first.cols != 1:
            return None
        match = _ROW_NUMBER.match(first.text)
        if match is None:
            return None
        matches.append(match)
    values = [int(match.group(1)) for match in matches]
    dots = {bool(match.group(2)) for match in matches}
    if values == list(range(1, len(values) + 1)) and len(dots) == 1:
        return "1." if dots == {True} else "1"
    if values != list(range(1, len(values) + 1)):
        rows = [index for index, slots in enumerate(body) if totals[index] is None]
        result.notes.append((("table", "rows", rows[0]), said.ROW_NUMBERS_KEPT(
            numbers=[str(value) for value in values])))
    return None
