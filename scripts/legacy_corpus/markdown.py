"""A document as pandoc Markdown, the way a docs-as-code team writes one before pandoc
makes it a Word file: a metadata block for the title, `#` headings whose numbers are
typed, Markdown lists, pipe tables (which cannot merge cells: a table whose header
takes two rows gets its second header row as the first body row)."""

from __future__ import annotations

import re

from .source import (
    Caption,
    Heading,
    ListItem,
    Paragraph,
    Printed,
    SourceDocument,
    Table,
    house_date,
    printed_revisions,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~^@$])")


def escape(text: str) -> str:
    """Return `text` with the characters Markdown would read as markup escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def document_markdown(document: SourceDocument) -> tuple[str, Printed]:
    """Return `document` as pandoc Markdown and what it prints."""
    printed = Printed("pandoc", document.cover_title, [], printed_revisions(document), [])
    latest = document.latest
    lines = ["---", f"title: {document.cover_title}",
             f"subtitle: {document.number} {document.version}",
             f"author: {latest['author']}",
             f"date: {house_date(latest['date'], document.org)}",
             "lang: zh-CN", "---", "", f"**{escape(document.company)}**", ""]
    printed.dates.append(house_date(latest["date"], document.org))
    signed = [("编制", latest["author"], latest["date"]),
              ("审核", latest["reviewer"], latest["review_date"]),
              ("批准", latest["approver"], latest["approve_date"])]
    rows = [[label, str(name), "日期", house_date(value, document.org)]
            for label, name, value in signed]
    printed.dates += [row[3] for row in rows]
    lines += pipe_table([["", "", "", ""], *rows])
    rows = printed.revisions
    printed.dates += [row[key] for row in rows for key in row if key.endswith("date") and row[key]]
    if document.org == "xlsk":
        lines += ["**修订记录**", ""]
        lines += pipe_table([["日期", "版本", "变更说明", "批准人"]] + [
            [row["approve_date"], row["version"], row["change"], row["approver"]]
            for row in rows])
    else:
        lines += ["**文件编制和变更履历**", ""]
        lines += pipe_table(
            [["版本", "编制/更改", "", "发布", "", "实施", "", "更改记录"],
             ["", "作者", "日期", "审核", "日期", "批准", "日期", ""]]
            + [[row[key] for key in ("version", "author", "date", "reviewer", "review_date",
                                     "approver", "approve_date", "change")] for row in rows])
        printed.notes.append("the revision table's two header rows are one header row and a "
                             "first body row: Markdown tables cannot merge cells")
    lines += _body(document, printed)
    return "\n".join(lines) + "\n", printed


def pipe_table(rows: list[list[str]]) -> list[str]:
    """Return a pipe table: the first row is its header (none when it is empty), the
    rest its body; a cell's lines are joined by spaces (a pipe table's cell holds one
    line)."""
    lines = ["| " + " | ".join(escape(cell.replace("\n", " ")) for cell in rows[0]) + " |",
             "|" + "|".join("---" for _ in rows[0]) + "|"]
    lines += ["| " + " | ".join(escape(cell.replace("\n", " ")) for cell in row) + " |"
              for row in rows[1:]]
    return [*lines, ""]


def _table_rows(table: Table) -> list[list[str]]:
    """Return the table's grid as text: a spanning cell's text at its first position,
    the positions it covers left empty."""
    return [["\n".join(cell.lines) if cell else "" for cell in row] for row in table.grid()]


def _body(document: SourceDocument, printed: Printed) -> list[str]:
    """Return the body's Markdown lines; a caption goes below its table (Table: …)."""
    lines: list[str] = []
    caption = ""
    previous = None
    for block in document.blocks:
        if isinstance(previous, ListItem) and not isinstance(block, ListItem):
            lines.append("")
        if isinstance(block, Heading):
            lines += [f"{'#' * block.level} {escape(block.line)}", ""]
            printed.headings.append(block.line)
        elif isinstance(block, Paragraph):
            lines += [escape(block.text), ""]
        elif isinstance(block, ListItem):
            lines.append(_list_line(block))
        elif isinstance(block, Caption):
            caption = block.text
        elif isinstance(block, Table):
            lines += pipe_table(_table_rows(block))
            if caption:
                lines += [f"Table: {escape(caption)}", ""]
                caption = ""
        previous = block
    return lines


def _list_line(item: ListItem) -> str:
    """A Markdown list item: bullets as -, numbers as 1. or (1) (pandoc numbers them)."""
    if item.kind == "bullet":
        return f"- {escape(item.text)}"
    number = re.sub(r"\D", "", item.label)
    marker = f"({number})" if re.search(r"[(（]", item.label) else f"{number}."
    return f"{marker} {escape(item.text)}"
