"""Word files typed by hand: no heading styles, every number typed, every format direct.

The way most controlled documents in small companies are made: headings are Normal
paragraphs whose number is typed ("4.1.1. 人才招聘计划") and which are made bold, 黑体
and larger by hand; list numbers are typed (1、 （1）), bullets are typed symbols; the
cover lines up labels and values with spaces and tabs; the TOC was typed (or pasted)
once and has gone stale; tables are merged by hand. Each document gets its own
untidiness (HandVariant), as files from different people would.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx.document import Document

from .direct_format import (
    CENTER,
    HEI,
    TEXT_WIDTH_CM,
    add_empty,
    add_paragraph,
    add_table,
    fill_cell,
    merge,
    new_document,
    page_header,
    page_number_footer,
)
from .hand_front import plan_cover, policy_cover, stale_toc
from .hand_variants import VARIANTS, HandVariant
from .source import (
    Caption,
    Heading,
    ListItem,
    Paragraph,
    Printed,
    SourceDocument,
    Table,
    printed_revisions,
)


def write_hand(document: SourceDocument, path: Path) -> Printed:
    """Write `document` typed by hand to `path`; return what it prints."""
    variant = VARIANTS[document.number]
    word = new_document(str(document.latest["author"]))
    page_header(word, document.company,
                f"{document.number} {document.title}" if document.org == "xlsk"
                else document.number)
    page_number_footer(word)
    printed = Printed("hand", document.cover_title, [], printed_revisions(
        document, date=variant.revision_date), [])
    if document.org == "xlsk":
        policy_cover(word, document, variant, printed)
    else:
        plan_cover(word, document, variant, printed)
    printed.dates += [row[key] for row in printed.revisions for key in row
                      if key.endswith("date") and row[key]]
    if variant.toc:
        stale_toc(word, document, variant, printed)
    _Body(word, document, variant, printed).write()
    word.save(str(path))
    printed.notes[:0] = _variant_notes(document, variant, printed)
    return printed


def _variant_notes(document: SourceDocument, variant: HandVariant, printed: Printed
                   ) -> list[str]:
    """Say how this file was typed, for expected.json."""
    notes = ["no heading styles: headings are Normal paragraphs with typed numbers, bold "
             "黑体 and larger by direct formatting; lists typed (1、 （1） ● ■, ➤ in cells)"]
    if document.org == "xlsk":
        notes.append("cover: a ruled grid (文件编号, 版本号, 编制部门, 编制/审核/批准 with dates); "
                     "修订记录 with empty rows left for later revisions")
    else:
        notes.append(f"cover: signers typed as '{variant.signers[0]}：name<tab><tab>"
                     f"{variant.date_labels[0]}：date' (labels {', '.join(variant.signers)}); "
                     "文件编制和变更履历 merged by hand, with empty rows left for later revisions")
    notes.append(f"dates: cover {printed.dates[0]}, revision table "
                 f"{printed.revisions[0]['approve_date']}")
    typed = [(heading.line, variant.heading_line(heading)) for heading in document.headings]
    odd = [line for original, line in typed if line != original]
    if odd:
        notes.append(f"{len(odd)} heading(s) typed unlike the rest, e.g. {odd[0]!r}")
    if variant.toc:
        how = "a right tab with a dot leader" if variant.toc == "leader" else "typed …… dots"
        notes.append(f"stale typed TOC ({how} before made-up page numbers)")
    notes += [f"the TOC lists {extra!r}, which is no heading of the body"
              for extra in variant.toc_extra]
    return notes


# A Chinese character at 10.5 pt, and a cell's left and right margins, in cm.
_CHAR_CM, _PADDING_CM = 0.37, 0.4


class _Body:
    """Writes the body block by block, typing numbers as the person would."""

    def __init__(self, word: Document, document: SourceDocument, variant: HandVariant,
                 printed: Printed):
        self.word, self.document, self.variant, self.printed = word, document, variant, printed
        self.heading = ""
        self.last_number = 0
        self.in_list = False
        self.list_offset = 0
        self.joining = False
        self.joined: list[str] = []

    def write(self) -> None:
        """Write every block of the body."""
        for block in self.document.blocks:
            if not isinstance(block, Paragraph):
                self._flush_joined()
            if not isinstance(block, ListItem) or block.kind != "numbered":
                self.in_list = False
            if isinstance(block, Heading):
                self._heading(block)
                self.joining = block.line in self.variant.joined
            elif isinstance(block, Paragraph):
                if self.joining:
                    self.joined.append(block.text)
                else:
                    add_paragraph(self.word, block.text, indent_chars=2, line_spacing=1.5)
            elif isinstance(block, ListItem):
                self._list_item(block)
            elif isinstance(block, Caption):
                add_paragraph(self.word, block.text, size=10.5, bold=True, font=HEI,
                              align=CENTER, space_before=6)
            elif isinstance(block, Table):
                self._table(block)
        self._flush_joined()

    def _flush_joined(self) -> None:
        """Write the paragraphs collected to be typed as one, split by manual breaks."""
        if self.joined:
            add_paragraph(self.word, "\n".join(self.joined), indent_chars=2, line_spacing=1.5)
            self.printed.notes.append(
                f"under {self.heading}: {len(self.joined)} paragraphs typed as one, "
                "split by manual line breaks (w:br)")
            self.joined = []
        self.joining = False

    def _heading(self, heading: Heading) -> None:
        """Write a heading as a bold 黑体 Normal paragraph with its number typed."""
        policy = self.document.is_policy
        if heading.level == 1 and self.printed.headings:
            add_empty(self.word)
        line = self.variant.heading_line(heading)
        self.printed.headings.append(line)
        size = {1: 16, 2: 14}.get(heading.level, 12) if not policy else (
            16 if heading.level == 1 else 12)
        add_paragraph(self.word, line, size=size, bold=True, font=HEI,
                      align=CENTER if policy and heading.level == 1 else None,
                      space_before=6, space_after=6)
        self.heading = heading.line

    def _list_item(self, item: ListItem) -> None:
        """Write a list item with its number (1、 （1）) or bullet (● ■) typed."""
        if item.kind == "bullet":
            glyph = "■" if item.label == "■" else "●"
            add_paragraph(self.word, f"{glyph} {item.text}", indent_chars=2, line_spacing=1.5)
            return
        number = int(re.sub(r"\D", "", item.label))
        if not self.in_list:
            self.list_offset = 0
            if self.heading == self.variant.continued_list:
                self.list_offset = self.last_number
                self.printed.notes.append(
                    f"under {self.heading}: the typed list starts at {self.last_number + 1}"
                    " (going on from the list before) instead of 1")
        self.in_list = True
        number += self.list_offset
        self.last_number = number
        label = f"（{number}）" if "(" in item.label or "（" in item.label else f"{number}、"
        add_paragraph(self.word, f"{label}{item.text}", indent_chars=2, line_spacing=1.5)

    def _table(self, table: Table) -> None:
        """Write a ruled table, merging its spanning cells by hand."""
        widths = _column_widths(table)
        word_table = add_table(self.word, len(table.rows), table.column_count, widths)
        merged = []
        for row in table.rows:
            for cell in row:
                target = merge(word_table, cell.row, cell.column, cell.rows, cell.cols)
                if cell.rows > 1 or cell.cols > 1:
                    merged.append(cell)
                lines = _cell_lines(cell.blocks)
                short = all(len(line) <= 12 for line in lines)
                header = cell.row < table.header_rows
                fill_cell(target, lines, bold=header, align=CENTER if short or header else None,
                          shade="D9D9D9" if header else "")
        if merged:
            self.printed.notes.append(
                f"table under {self.heading}: {len(merged)} cells merged by hand")
        add_empty(self.word)


def _cell_lines(blocks: list[Paragraph | ListItem]) -> list[str]:
    """Return a cell's lines with typed bullets (➤) and typed numbers (1、)."""
    lines, number = [], 0
    for block in blocks:
        if isinstance(block, ListItem) and block.kind == "bullet":
            lines.append(f"➤ {block.text}")
        elif isinstance(block, ListItem):
            number += 1
            lines.append(f"{number}、{block.text}")
        else:
            lines.append(block.text)
    return lines


def _column_widths(table: Table) -> list[float]:
    """Return column widths in cm, as a person drags the borders: every column wide
    enough for three characters and for its header on two lines, the rest of the text
    width shared by how much more each column's longest text needs."""
    natural = [0.0] * table.column_count
    minimum = [3 * _CHAR_CM + _PADDING_CM] * table.column_count
    for row in table.rows:
        for cell in row:
            if cell.cols > 1:
                continue
            length = max((_text_width(line) for line in _cell_lines(cell.blocks)), default=0)
            natural[cell.column] = max(natural[cell.column], min(length, 30) * _CHAR_CM
                                       + _PADDING_CM)
            if cell.row < max(table.header_rows, 1):
                minimum[cell.column] = max(minimum[cell.column],
                                           -(-length // 2) * _CHAR_CM + _PADDING_CM)
    natural = [max(width, least) for width, least in zip(natural, minimum, strict=True)]
    extra = [width - least for width, least in zip(natural, minimum, strict=True)]
    spare = TEXT_WIDTH_CM - sum(minimum)
    if sum(extra) <= spare:
        return [round(width * TEXT_WIDTH_CM / sum(natural), 2) for width in natural]
    return [round(least + more * spare / sum(extra), 2)
            for least, more in zip(minimum, extra, strict=True)]


def _text_width(line: str) -> float:
    """Return how many Chinese characters' width `line` takes (Latin ones take half)."""
    return sum(1 if ord(character) > 0x2E80 else 0.5 for character in line)
