"""What a produced file holds, read back with docgen.wordml.reader: expected.json's entry.

The reader is independent of the importer, so the entries say what the files are,
not what an import makes of them. Merged cells are read from the file as it is; the
text lines are read after unwrapping block-level content controls (w:sdt), whose
paragraphs (LibreOffice's and pandoc's TOC) Word shows but the reader skips.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree

from docgen.wordml.reader import ReadDocument, ReadTable, read_docx

from .source import Printed, SourceDocument

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def unwrap_content_controls(data: bytes) -> bytes:
    """Return the .docx `data` with every w:sdt in the body replaced by its content."""
    source = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(source.read("word/document.xml"))
    for control in list(root.iter(f"{_W}sdt")):
        content = control.find(f"{_W}sdtContent")
        parent = control.getparent()
        place = parent.index(control)
        for offset, child in enumerate(list(content) if content is not None else []):
            parent.insert(place + offset, child)
        parent.remove(control)
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "word/document.xml":
                body = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            copy.writestr(item.filename, body)
    return target.getvalue()


def text_lines(document: ReadDocument) -> list[str]:
    """Return the visible text in order, a line per paragraph (and per manual line
    break), numbers and bullets as shown, table cells row by row; blank lines left out."""
    lines: list[str] = []
    for block in document.blocks:
        paragraphs = [block] if not isinstance(block, ReadTable) else [
            paragraph for row in block.rows for cell in row for paragraph in cell.paragraphs]
        for paragraph in paragraphs:
            lines += [line for line in paragraph.display.split("\n") if line.strip()]
    return lines


def merged_cells(document: ReadDocument) -> list[dict[str, object]]:
    """Return every cell spanning more than one row or column: its table (index among
    the body's tables), grid row and column, spans and text."""
    return [{"table": index, "row": cell.row, "column": cell.column, "rows": cell.rows,
             "cols": cell.cols, "text": cell.text}
            for index, table in enumerate(document.tables)
            for row in table.rows for cell in row if cell.rows > 1 or cell.cols > 1]


def spans_dropped(document: SourceDocument, read: ReadDocument) -> list[dict[str, object]]:
    """Return the merged cells of the original document that the file does not have
    (a producer that cannot merge cells, or drops some spans)."""
    found = Counter((cell["text"].split("\n")[0], cell["rows"], cell["cols"])
                    for cell in merged_cells(read))
    lost = Counter(document.spans) - found
    return [{"text": text, "rows": rows, "cols": cols}
            for (text, rows, cols), count in sorted(lost.items()) for _ in range(count)]


def file_entry(path: Path, name: str, document: SourceDocument, printed: Printed
               ) -> dict[str, object]:
    """Return expected.json's entry for the produced file at `path` (named `name` in the
    corpus), after checking that it reads back as `printed` says."""
    as_is = read_docx(path)
    unwrapped = read_docx(unwrap_content_controls(path.read_bytes()))
    lines = text_lines(unwrapped)
    _check_headings(name, printed.headings, [p.display for p in unwrapped.paragraphs])
    _check_revisions(name, printed.revisions, as_is)
    return {
        "file": name,
        "producer": printed.producer,
        "number": document.number,
        "title": printed.title,
        "company": document.company,
        "version": document.version,
        "revisions": printed.revisions,
        "headings": printed.headings,
        "heading_levels": [heading.level for heading in document.headings],
        "dates": printed.dates,
        "merged_cells": merged_cells(as_is),
        "spans_dropped": spans_dropped(document, as_is),
        "toc_differences": printed.toc_differences,
        "notes": printed.notes,
        "page_headers": [header for header in as_is.headers if header.strip()],
        "lines": lines,
    }


def _check_headings(name: str, headings: list[str], displays: list[str]) -> None:
    """Fail unless every heading line is a paragraph of the file, in order."""
    position = 0
    for heading in headings:
        while position < len(displays) and displays[position] != heading:
            position += 1
        if position == len(displays):
            raise AssertionError(f"{name}: heading {heading!r} does not read back")
        position += 1


def _check_revisions(name: str, revisions: list[dict[str, str]], document: ReadDocument
                     ) -> None:
    """Fail unless each revision row's printed values are the cells of one table row."""
    rows = [[cell.text for cell in row] for table in document.tables for row in table.rows]
    for revision in revisions:
        values = [value for value in revision.values() if value]
        if not any(all(value in row for value in values) for row in rows):
            raise AssertionError(f"{name}: revision {revision} does not read back")
