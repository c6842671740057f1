"""Imported tables on docgen's own grid: which column holds which field, and whether a
table drawn from facts would show the table again cell for cell.

The imported table is placed with docgen.content.tables.lay_out, as `docgen build`
would place it, so merged cells, numbered rows and totals mean here what they mean in
a rebuild. A table drawn from facts is placed the same way and compared position by
position: the text each position shows (list numbers included, typed or automatic),
then how its cells are merged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from docgen.catalogue import import_facts as said
from docgen.content import schema
from docgen.content.model import PlacedCell, TableBlock, Where
from docgen.content.tables import lay_out, rows_from_schema
from docgen.messages import Message

_SPACES = re.compile(r"\s+")
_TRAILING_PARENTHESIS = re.compile(r"[（(][^（）()]*[)）]$")
_TYPED_NUMBER = re.compile(r"^(\d+)\.\s*")
# A row's first cell that says it sums the rows above (a KPI may be named 累计停机时长).
_TOTAL = re.compile(r"(?:合计|总计|小计|共计|累计|总数)[:：]?")
# Comparators as people type them, folded to the ones docgen writes (≥95%, ≤2小时).
_COMPARATOR_SPELLINGS = ((">=", "≥"), ("<=", "≤"), ("≧", "≥"), ("≦", "≤"), ("⩾", "≥"),
                         ("⩽", "≤"))
# Keys of an imported table that a kpi_table or activity_table cannot carry.
_TABLE_ONLY_KEYS = ("id", "details", "landscape")
# Keys whose values are counts, not text (a cell's `rows` is one too, a table's is not).
_COUNTS = ("cols", "number", "widths")


def header_key(word: str) -> str:
    """Return a header word as the lists of header words are matched: widths folded,
    spaces, a closing colon and a trailing parenthesis (单位, %) left out, case folded."""
    text = _SPACES.sub("", unicodedata.normalize("NFKC", word)).rstrip(":")
    return (_TRAILING_PARENTHESIS.sub("", text) or text).casefold()


def field_matcher(words: dict[str, tuple[str, ...]]) -> Callable[[str], str | None]:
    """Return a function giving the field a header word names in `words`, or None."""
    by_key = {header_key(word): name for name, listed in words.items() for word in listed}
    return lambda word: by_key.get(header_key(word))


def loose(text: str) -> str:
    """Return a figure as it is compared: widths folded, spaces left out, comparators as
    docgen writes them."""
    text = _SPACES.sub("", unicodedata.normalize("NFKC", text))
    for spelling, sign in _COMPARATOR_SPELLINGS:
        text = text.replace(spelling, sign)
    return text


@dataclass
class ImportedGrid:
    """An imported table on docgen's grid: the table as content, its laid-out rows, the
    header word of each column, and per body row the cell that covers each column."""

    table: dict[str, Any]
    laid: TableBlock
    header: list[str]
    body: list[list[PlacedCell]] = field(default_factory=list)

    def fields(self, field_of: Callable[[str], str | None]) -> list[str | None]:
        """Return the field each column holds, as `field_of` tells it from the column's
        header words (a lower header row first: it names its column more precisely)."""
        found: list[str | None] = []
        header = self.laid.rows[:self.laid.header_rows]
        for column in range(self.laid.column_count):
            words = [cell.text.replace("\n", "") for row in reversed(header) for cell in row
                     if cell.column <= column < cell.column + cell.cols]
            found.append(next((name for word in words if (name := field_of(word))), None))
        return found

    def row_number(self, index: int) -> int:
        """Return body row `index` as a person counts the table's rows: from 1, header
        rows included."""
        return self.laid.header_rows + index + 1

    def text(self, index: int, column: int) -> str:
        """Return the text body row `index` shows in `column`, its lines joined."""
        return self.body[index][column].text.strip()

    def lines(self, index: int, column: int) -> list[tuple[str, str]]:
        """Return the (kind, text) lines of the cell covering `column` in body row `index`,
        empty lines at its end left out."""
        return _trimmed([(line.kind, line.text.strip())
                         for line in self.body[index][column].lines])

    def words(self, index: int) -> str:
        """Return the first words of body row `index`, as a person would search for them."""
        texts = dict.fromkeys(cell.text.strip() for cell in self.body[index])
        return " ".join(text for text in texts if text)[:40]

    def is_total(self, index: int) -> bool:
        """Return whether body row `index` is a total or subtotal row."""
        return self.laid.header_rows + index in self.laid.total_rows or \
            bool(_TOTAL.fullmatch(_SPACES.sub("", self.body[index][0].text)))

    def spans_all(self, index: int) -> bool:
        """Return whether body row `index` is one cell across the table (a heading in it)."""
        return self.laid.column_count > 1 and len({id(cell) for cell in self.body[index]}) == 1

    def left_out_keys(self) -> list[str]:
        """Return the keys the table says that a table drawn from facts cannot say."""
        return [key for key in _TABLE_ONLY_KEYS if self.table.get(key) not in (None, False)]


@dataclass
class TableFacts:
    """The facts one imported table declares, row by row, and the block that draws the
    table again from them."""

    kind: Literal["kpi", "activity"]
    grid: ImportedGrid
    rows: list[tuple[int, dict[str, Any]]]
    """(body row index, the fact in content format, without its id), in table order."""
    block: dict[str, Any]
    """The kpi_table or activity_table block's keys other than its list of ids."""
    reason: Message | None
    """Why the table stays as it was written; None when `block` draws it again."""

    def block_of(self, ids: list[str]) -> dict[str, Any]:
        """Return the block that draws the table from the facts with these ids."""
        return {f"{self.kind}_table": ids, **self.block}


def grid_of(table: dict[str, Any]) -> ImportedGrid | None:
    """Return the imported `table` (a block's `table:` value) on docgen's grid, or None
    where docgen would not accept it as written."""
    try:
        model = schema.TableBlock.model_validate({"table": _as_text(table)}).table
    except ValidationError:
        return None
    problems: list[Any] = []
    laid = lay_out(header=rows_from_schema(model.header, _verbatim),
                   body=rows_from_schema(model.rows, _verbatim), source=model, table_id=None,
                   caption=None, caption_number=None, number_rows=model.number_rows,
                   widths=None, kind="table", problems=problems)
    if problems or not laid.rows:
        return None
    covering = _covering(laid)
    body = [covering[index] for index in range(laid.header_rows, len(laid.rows))]
    return ImportedGrid(table, laid, list(laid.column_names), body)


def carried_keys(table: dict[str, Any], column_count: int) -> dict[str, Any]:
    """Return the caption, the number it printed and the column widths of an imported
    table, as a block drawn from facts carries them."""
    keys = {key: table[key] for key in ("caption", "number") if table.get(key) is not None}
    widths = table.get("widths")
    if widths and len(widths) == column_count:
        keys["widths"] = list(widths)
    return keys


def first_difference(original: ImportedGrid, rebuilt: TableBlock,
                     figure_columns: Iterable[int] = ()) -> Message | None:
    """Return where a table drawn from facts (`rebuilt`) would not show `original` as it
    is, or None where it shows every cell again; figures in `figure_columns` are compared
    without their spaces (≥ 95 % is shown again as ≥95%)."""
    loose_columns = set(figure_columns)
    before, after = original.laid, rebuilt
    if len(before.rows) != len(after.rows):
        return said.REASON_ROWS(rebuilt=len(after.rows), original=len(before.rows))
    if before.column_count != after.column_count:
        return said.REASON_COLUMNS(rebuilt=after.column_count, original=before.column_count)
    was, will = _covering(before), _covering(after)
    for row, cells in enumerate(was):
        for column, cell in enumerate(cells):
            shown = _shown(cell, column in loose_columns)
            drawn = _shown(will[row][column], column in loose_columns)
            if shown != drawn:
                return said.REASON_CELL(row=row + 1, column=original.header[column],
                                        rebuilt="\n".join(drawn), original="\n".join(shown))
    for row in before.rows:
        for cell in row:
            other = will[cell.row][cell.column]
            if (other.row, other.column, other.rows, other.cols) != \
                    (cell.row, cell.column, cell.rows, cell.cols):
                return said.REASON_MERGE(row=cell.row + 1, column=original.header[cell.column],
                                         text=cell.text, rebuilt_rows=other.rows,
                                         rebuilt_cols=other.cols, rows=cell.rows, cols=cell.cols)
    return None


def _covering(laid: TableBlock) -> list[list[PlacedCell]]:
    """Return per row, per column, the cell that covers the position."""
    covering: list[list[PlacedCell | None]] = [[None] * laid.column_count for _ in laid.rows]
    for row in laid.rows:
        for cell in row:
            for spanned in range(cell.row, min(cell.row + cell.rows, len(laid.rows))):
                for column in range(cell.column, min(cell.column + cell.cols,
                                                     laid.column_count)):
                    covering[spanned][column] = cell
    blank = PlacedCell(-1, -1, 1, 1, [], None)
    return [[cell or blank for cell in row] for row in covering]


def _shown(cell: PlacedCell, as_figure: bool) -> list[str]:
    """Return the lines a cell shows, each with the number or bullet before it."""
    shown, counter = [], 0
    for kind, text in _trimmed([(line.kind, line.text.strip()) for line in cell.lines]):
        if kind == "number":
            counter += 1
            text = f"{counter}.{text}"
        elif kind == "bullet":
            text = f"•{text}"
        else:
            text = _TYPED_NUMBER.sub(r"\1.", text)
        shown.append(_SPACES.sub("", text) if as_figure else text)
    return shown


def _trimmed(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return `lines` without the empty paragraphs Word files often leave at a cell's end."""
    while len(lines) > 1 and not lines[-1][1]:
        lines = lines[:-1]
    return lines


def _verbatim(text: str, where: Where) -> str:
    return text


def _as_text(value: Any) -> Any:
    """Return a table's content with numbers written as text, as docgen reads YAML."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return [_as_text(item) for item in value]
    if isinstance(value, dict):
        return {key: item if key in _COUNTS or (key == "rows" and isinstance(item, int))
                else _as_text(item) for key, item in value.items()}
    return value
