"""Small, untidy Word files made inline with python-docx, as people make them: typed
numbers, bold 黑体 lines for headings, manual line breaks, hand-merged cells."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from docgen.importer.body import import_body
from docgen.importer.model import ImportedBody, WordFile
from docgen.importer.wordfile import read_word_file


@dataclass
class Bold:
    """A bold run inside a paragraph."""

    text: str


@dataclass
class P:
    """A paragraph: its runs (text, or Bold), and how it looks."""

    parts: tuple[str | Bold, ...]
    bold: bool = False
    font: str = ""
    size: float | None = None
    center: bool = False
    style: str = ""


def p(*parts: str | Bold, bold: bool = False, font: str = "", size: float | None = None,
      center: bool = False, style: str = "") -> P:
    """Return a paragraph; "\\n" in a part is a manual line break (Shift+Enter)."""
    return P(parts, bold, font, size, center, style)


def heading(text: str, *, font: str = "黑体", size: float | None = None,
            center: bool = False) -> P:
    """Return a line typed as a heading: bold, in a display font."""
    return P((text,), True, font, size, center)


@dataclass
class T:
    """A table: its rows (None for a cell another covers), the cells merged by hand
    ((top, left), (bottom, right)), and how many header rows repeat on each page."""

    rows: list[list[str | None]]
    merges: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    repeat: int = 0
    bold_first_row: bool = False


def docx_of(*blocks: str | P | T) -> bytes:
    """Return a .docx holding `blocks` in order (a string is a plain paragraph)."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, T):
            _table(document, block)
            continue
        block = p(block) if isinstance(block, str) else block
        paragraph = document.add_paragraph(style=block.style or None)
        for part in block.parts:
            bold = isinstance(part, Bold)
            text = part.text if isinstance(part, Bold) else part
            lines = text.split("\n")
            for index, line in enumerate(lines):
                run = paragraph.add_run(line)
                if index < len(lines) - 1:
                    run.add_break()
                run.bold = True if block.bold or bold else None
                if block.size:
                    run.font.size = Pt(block.size)
                if block.font:
                    run._element.get_or_add_rPr().get_or_add_rFonts().set(
                        qn("w:eastAsia"), block.font)
        if block.center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document, block: T) -> None:
    width = max(len(row) for row in block.rows)
    table = document.add_table(rows=len(block.rows), cols=width)
    for row_index, row in enumerate(block.rows):
        for column, text in enumerate(row):
            if text is not None:
                cell = table.cell(row_index, column)
                cell.text = text
                if block.bold_first_row and row_index == 0:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
    for (top, left), (bottom, right) in block.merges:
        table.cell(top, left).merge(table.cell(bottom, right))
    for row_index in range(block.repeat):
        properties = table.rows[row_index]._tr.get_or_add_trPr()
        properties.append(properties.makeelement(qn("w:tblHeader"), {}))


def word_of(*blocks: str | P | T) -> WordFile:
    return read_word_file(docx_of(*blocks), Path("旧文件.docx"))


def body_of(*blocks: str | P | T) -> ImportedBody:
    """Return the body of a file holding `blocks`, imported from its first block."""
    return import_body(word_of(*blocks), 0)


def guessed(body: ImportedBody) -> dict:
    """Return the codes guessed, by path."""
    found: dict = {}
    for guess in body.guesses:
        found.setdefault(guess.path, []).append(guess.what.code)
    return found
