"""Read a built document's revision table back, and what each bundled template's header
rows say: one place for every test that checks the revision history a build wrote."""

from __future__ import annotations

from docgen.wordml.reader import ReadTable

# The header words of each bundled template's revision table, row after row, as read.
REVISION_HEADERS = {
    "controlled-document": ["版本", "编制/更改", "发布", "实施", "更改记录", "作者", "日期", "审核",
                            "日期", "批准", "日期"],
    "controlled-document-4col": ["日期", "版本", "变更说明", "批准人"],
    "controlled-document-6col": ["版本", "日期", "修订人", "审核人", "批准人", "修订内容"],
}
# policy.docx has the 4-column 修订记录, under its ruled cover.
REVISION_HEADERS["policy"] = REVISION_HEADERS["controlled-document-4col"]


def revision_table(tables: list[ReadTable]) -> ReadTable:
    """Return the table whose header row names a version (版本)."""
    return next(t for t in tables if t.header_rows and "版本" in
                [c.text for row in t.rows[:t.header_rows] for c in row])


def header_words(table: ReadTable) -> list[str]:
    """Return the words of `table`'s header rows, row after row."""
    return [c.text for row in table.rows[:table.header_rows] for c in row]


def body_rows(table: ReadTable) -> list[list[str]]:
    """Return the texts of `table`'s body rows."""
    return [[c.text for c in row] for row in table.rows[table.header_rows:]]
