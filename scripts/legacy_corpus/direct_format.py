"""Paragraphs, runs and tables with direct formatting, as people make them in Word.

Nothing here uses a paragraph style other than Normal: every font, size, bold and
indent is set on the paragraph or the run, the way a document typed by hand carries
them (宋体/黑体 for Chinese, Times New Roman for Latin text).
"""

from __future__ import annotations

import datetime

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

SONG, HEI, LATIN = "宋体", "黑体", "Times New Roman"
CENTER, RIGHT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
# A4 less Word's Chinese default margins (3.17 cm each side).
TEXT_WIDTH_CM = 14.6

# The elements that follow w:pBdr in a w:pPr (ECMA-376 §17.3.1.26), for schema order.
_AFTER_BORDER = tuple(f"w:{name}" for name in (
    "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
    "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange"))


def new_document(author: str) -> Document:
    """Return an empty A4 document whose properties do not change between runs."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(3.17)
    section.top_margin = section.bottom_margin = Cm(2.54)
    core = document.core_properties
    core.author = core.last_modified_by = author
    core.created = core.modified = datetime.datetime(2025, 1, 7, 9, 30)
    core.revision = 3
    core.title = core.subject = core.keywords = core.comments = ""
    # python-docx's default settings name a zoom without its required percentage.
    for zoom in document.settings.element.iter(qn("w:zoom")):
        zoom.set(qn("w:percent"), "100")
    return document


def add_text(paragraph: Paragraph, text: str, *, size: float = 12, bold: bool = False,
             font: str = SONG) -> None:
    """Append `text` to `paragraph` in runs with the given direct formatting; tabs stay
    tabs, newlines become manual line breaks (w:br)."""
    for index, line in enumerate(text.split("\n")):
        if index:
            paragraph.add_run().add_break()
        run = paragraph.add_run(line)
        run.font.name = LATIN
        run.font.size = Pt(size)
        if bold:
            run.font.bold = True
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def add_paragraph(container, text: str = "", *, size: float = 12, bold: bool = False,
                  font: str = SONG, align=None, indent_chars: float = 0,
                  left_cm: float = 0, space_before: float = 0, space_after: float = 0,
                  line_spacing: float | None = None) -> Paragraph:
    """Append a Normal paragraph holding `text` to a document or a table cell."""
    paragraph = container.add_paragraph()
    _format(paragraph, align, indent_chars * size, left_cm, space_before, space_after,
            line_spacing)
    if text:
        add_text(paragraph, text, size=size, bold=bold, font=font)
    return paragraph


def _format(paragraph: Paragraph, align, first_line_pt: float, left_cm: float,
            space_before: float, space_after: float, line_spacing: float | None) -> None:
    """Set the paragraph's alignment, indents and spacing where they are given."""
    layout = paragraph.paragraph_format
    if align is not None:
        paragraph.alignment = align
    if first_line_pt:
        layout.first_line_indent = Pt(first_line_pt)
    if left_cm:
        layout.left_indent = Cm(left_cm)
    if space_before:
        layout.space_before = Pt(space_before)
    if space_after:
        layout.space_after = Pt(space_after)
    if line_spacing:
        layout.line_spacing = line_spacing


def add_empty(document: Document, count: int = 1) -> None:
    """Append empty paragraphs, the way people press Enter for space."""
    for _ in range(count):
        document.add_paragraph()


def page_break(document: Document) -> None:
    """Append an empty paragraph holding a page break (Ctrl+Enter)."""
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def add_table(document: Document, rows: int, cols: int, widths_cm: list[float] | None = None
              ) -> Table:
    """Append a ruled table (Table Grid) of `rows` × `cols` empty cells, centred."""
    table = document.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if widths_cm:
        table.autofit = False
        for column, width in zip(table.columns, widths_cm, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths_cm, strict=True):
                cell.width = Cm(width)
    return table


def merge(table: Table, row: int, column: int, rows: int, cols: int) -> _Cell:
    """Merge the cells of a block by hand (Word's Merge Cells) and return the merged cell."""
    first = table.cell(row, column)
    if rows == 1 and cols == 1:
        return first
    return first.merge(table.cell(row + rows - 1, column + cols - 1))


def fill_cell(cell: _Cell, lines: list[str], *, size: float = 10.5, bold: bool = False,
              align=None, shade: str = "") -> None:
    """Write `lines` into `cell`, one paragraph each, replacing what it holds."""
    paragraphs = cell.paragraphs
    for extra in paragraphs[1:]:
        extra._element.getparent().remove(extra._element)
    first = paragraphs[0]
    for index, line in enumerate(lines or [""]):
        paragraph = first if index == 0 else cell.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        if line:
            add_text(paragraph, line, size=size, bold=bold)
    if shade:
        cell._tc.get_or_add_tcPr().append(
            parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{shade}"/>'))


def page_header(document: Document, left: str, right: str) -> None:
    """Give every page a header line: `left` and `right` apart, ruled below."""
    paragraph = document.sections[0].header.paragraphs[0]
    add_text(paragraph, f"{left}\t\t{right}", size=9)
    paragraph._p.get_or_add_pPr().insert_element_before(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" '
        'w:color="auto"/></w:pBdr>'), *_AFTER_BORDER)


def page_number_footer(document: Document) -> None:
    """Give every page a centred footer 第 N 页 with a PAGE field."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = CENTER
    add_text(paragraph, "第 ", size=9)
    paragraph._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    add_text(paragraph, " 页", size=9)


def right_tab_with_dots(paragraph: Paragraph, position_cm: float) -> None:
    """Give `paragraph` a right tab stop with a dot leader, as a typed TOC line has."""
    paragraph.paragraph_format.tab_stops.add_tab_stop(
        Cm(position_cm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
