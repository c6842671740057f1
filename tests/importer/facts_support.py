"""Build what the facts stage returns into a Word file, read its tables back, and turn a
table of a built Word file into the content an import reads (a block's `table:` value).

A table is compared as a person sees it: each cell's grid position, its spans, and its
paragraphs with the numbers before them, typed or Word's own.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from docgen.pipeline import load_document_set, load_templates, render_documents
from docgen.wordml.reader import ReadCell, ReadTable, read_docx
from tests.support.trees import DOCUMENT_YAML, demo_project

_SPACES = re.compile(r"\s+")


def built_tables(root: Path, sections: list[dict[str, Any]], *,
                 kpis: dict[str, Any] | None = None,
                 activities: dict[str, Any] | None = None) -> list[ReadTable]:
    """Return the tables of the body of the demo document built with these sections and
    facts, as Word shows them; `root` is an empty folder for the project."""
    document = yaml.safe_load(DOCUMENT_YAML)
    if kpis:
        document["kpis"] = kpis
    if activities:
        document["activities"] = activities
    document["sections"] = sections
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    demo_project(root, documents={"DEMO-ITSS-0001.yaml": text})
    documents = load_document_set(root / "content").documents
    [rendered] = render_documents(documents, load_templates(root / "templates" / "docx",
                                                            documents))
    assert rendered.data is not None
    tables = read_docx(rendered.data).tables
    return tables[len(tables) - _table_count(sections):]  # the cover's and revisions' go


def _table_count(sections: list[dict[str, Any]]) -> int:
    return sum(sum(isinstance(block, dict) and bool({"table", "kpi_table", "activity_table"}
                                                    & set(block))
                   for block in section.get("body", []))
               + _table_count(section.get("sections", [])) for section in sections)


def seen(table: ReadTable) -> list[tuple[int, int, int, int, str]]:
    """Return each cell of `table` as a person sees it: row, column, spans, and its
    paragraphs with their numbers (spaces left out: 1. 组织 and a typed 1.组织 look alike)."""
    return [(cell.row, cell.column, cell.rows, cell.cols,
             "\n".join(_SPACES.sub("", paragraph.display) for paragraph in cell.paragraphs)
             .rstrip("\n"))  # an empty paragraph at a cell's end shows nothing
            for row in table.rows for cell in row]


def imported_table(table: ReadTable, caption: str | None = None) -> dict[str, Any]:
    """Return a built table as an import reads it: header rows, body rows, merged cells
    as rows:/cols:, list paragraphs of a cell as its numbered list."""
    header_rows = table.header_rows or 1
    rows = [[_cell(cell) for cell in row] for row in table.rows]
    content: dict[str, Any] = {"header": rows[:header_rows], "rows": rows[header_rows:]}
    if caption:
        content = {"caption": caption, **content}
    return content


def _cell(cell: ReadCell) -> Any:
    texts = [paragraph.text for paragraph in cell.paragraphs]
    if len(texts) > 1 and all(paragraph.label for paragraph in cell.paragraphs):
        value: Any = {"numbered": texts}
    elif len(texts) > 1:
        value = {"paragraphs": texts}
    else:
        value = texts[0] if texts else ""
    if cell.rows == 1 and cell.cols == 1:
        return value
    spans = {key: span for key, span in (("rows", cell.rows), ("cols", cell.cols)) if span > 1}
    return {**(value if isinstance(value, dict) else {"text": value}), **spans}
