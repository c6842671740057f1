"""Word files for the import's tests: a python-docx Document (or a .docx's bytes) read into
the import's model, as a person sees it, and small builders of untidy covers.

The reading here is the tests' own, kept small: the text, style, label and heading level
that docgen.wordml.reader finds, plus bold, size, alignment, TOC entries and pictures
from the paragraphs' XML.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document
from lxml import etree

from docgen.importer.model import WordCell, WordFile, WordParagraph, WordTable
from docgen.wordml.reader import ReadParagraph, ReadTable, read_docx
from docgen.wordml.xml import w

_ALIGNMENTS = {"center": "center", "both": "both", "left": "left", "start": "left",
               "right": "right", "end": "right"}


def docx_bytes(document: Document) -> bytes:
    """Return `document` saved as .docx bytes."""
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def word_file(source: Document | bytes, path: Path = Path("test.docx")) -> WordFile:
    """Return the WordFile of a python-docx Document or of a .docx file's bytes."""
    data = source if isinstance(source, bytes) else docx_bytes(source)
    read = read_docx(data)
    body = docx.Document(io.BytesIO(data)).element.body
    nodes = [child for child in body if child.tag in (w("p"), w("tbl"))]
    counter = _Counter()
    blocks: list[WordParagraph | WordTable] = []
    for block, node in zip(read.blocks, nodes, strict=True):
        if isinstance(block, ReadTable):
            blocks.append(_table(block, node, counter))
        else:
            blocks.append(_paragraph(block, node, counter.paragraph()))
    images = sum(block.images for block in blocks if isinstance(block, WordParagraph))
    return WordFile(path, blocks, read.headers, read.footers, images=images)


class _Counter:
    def __init__(self) -> None:
        self.paragraphs = 0
        self.tables = 0

    def paragraph(self) -> int:
        self.paragraphs += 1
        return self.paragraphs - 1

    def table(self) -> int:
        self.tables += 1
        return self.tables - 1


def _paragraph(read: ReadParagraph, node: etree._Element, index: int) -> WordParagraph:
    runs = [run for run in node.iter(w("r")) if "".join(run.itertext()).strip()]
    bold = bool(runs) and all(_on(run, "b") for run in runs)
    sizes = [int(size.get(w("val"))) / 2 for run in runs
             for size in run.findall(f"{w('rPr')}/{w('sz')}")]
    fonts = [font.get(w("eastAsia")) for run in runs
             for font in run.findall(f"{w('rPr')}/{w('rFonts')}") if font.get(w("eastAsia"))]
    justification = node.find(f"{w('pPr')}/{w('jc')}")
    alignment = _ALIGNMENTS.get(justification.get(w("val")), "") \
        if justification is not None else ""
    images = len(node.findall(f".//{w('drawing')}")) + len(node.findall(f".//{w('pict')}"))
    return WordParagraph(
        index=index, text=read.text, style=read.style, label=read.label,
        outline_level=read.heading_level, bold=bold, size=max(sizes) if sizes else None,
        east_asian_font=fonts[0] if fonts else "", alignment=alignment,
        page_break_before=node.find(f".//{w('br')}[@{w('type')}='page']") is not None,
        toc_entry=read.style.lower().startswith("toc "), images=images)


def _on(run: etree._Element, name: str) -> bool:
    flag = run.find(f"{w('rPr')}/{w(name)}")
    return flag is not None and flag.get(w("val"), "true") not in ("0", "false")


def _table(read: ReadTable, node: etree._Element, counter: _Counter) -> WordTable:
    cells_xml = [row.findall(w("tc")) for row in node.findall(w("tr"))]
    index = counter.table()
    rows = []
    for row_index, row in enumerate(read.rows):
        cells = []
        for cell in row:
            xml_cell = _cell_at(cells_xml[row_index], cell.column)
            paragraphs = xml_cell.findall(w("p")) if xml_cell is not None else []
            cells.append(WordCell(cell.row, cell.column, cell.rows, cell.cols, [
                _paragraph(read_paragraph, paragraph, 0)
                for read_paragraph, paragraph in zip(cell.paragraphs, paragraphs, strict=False)]))
        rows.append(cells)
    return WordTable(index, rows, read.column_count, read.header_rows, read.column_widths)


def _cell_at(cells: list[etree._Element], column: int) -> etree._Element | None:
    at = 0
    for cell in cells:
        if at == column:
            return cell
        span = cell.find(f"{w('tcPr')}/{w('gridSpan')}")
        at += int(span.get(w("val"))) if span is not None else 1
    return None


def paragraph(text: str, index: int = 0, **facts) -> WordParagraph:
    """Return a body paragraph of `text` with the facts given (style, bold, size, …)."""
    return WordParagraph(index=index, text=text, **facts)


def table(index: int, rows: list[list[str | tuple[str, int, int]]]) -> WordTable:
    """Return a table of text rows; a cell given as (text, rows, cols) spans them, and the
    grid positions are counted as Word counts them (a cell under a vertical merge left out)."""
    covered: set[tuple[int, int]] = set()
    built: list[list[WordCell]] = []
    width = 0
    for row_index, row in enumerate(rows):
        column = 0
        cells = []
        for item in row:
            while (row_index, column) in covered:
                column += 1
            text, spans_rows, spans_cols = (item, 1, 1) if isinstance(item, str) else item
            cells.append(WordCell(row_index, column, spans_rows, spans_cols,
                                  [WordParagraph(index=0, text=line)
                                   for line in text.split("\n")]))
            for extra_row in range(row_index, row_index + spans_rows):
                for extra_column in range(column, column + spans_cols):
                    covered.add((extra_row, extra_column))
            column += spans_cols
        width = max(width, column)
        built.append(cells)
    return WordTable(index, built, width)


def numbered_blocks(blocks: list[WordParagraph | WordTable]) -> list[WordParagraph | WordTable]:
    """Return `blocks` with each paragraph's index counted among the paragraphs."""
    count = 0
    for block in blocks:
        if isinstance(block, WordParagraph):
            block.index = count
            count += 1
    return blocks
