"""A document as an HTML page, the way documents reach LibreOffice or pandoc from a web
editor or a wiki: h1–h4 with typed numbers, ol/ul lists, tables with rowspan and
colspan, a TOC as a list of links, and a cover of centred paragraphs."""

from __future__ import annotations

import re
from html import escape

from .source import (
    Caption,
    Cell,
    Heading,
    ListItem,
    Paragraph,
    Printed,
    SourceDocument,
    Table,
    house_date,
    printed_revisions,
)

_STYLE = """
body { font-family: "宋体", "SimSun", serif; font-size: 12pt; }
h1 { font-family: "黑体", "SimHei", sans-serif; font-size: 16pt; }
h2 { font-family: "黑体", "SimHei", sans-serif; font-size: 14pt; }
h3, h4 { font-family: "黑体", "SimHei", sans-serif; font-size: 12pt; }
table { border-collapse: collapse; }
td, th { border: 1px solid #000000; font-size: 10.5pt; padding: 2px 4px; }
"""


def document_html(document: SourceDocument, producer: str, *, title_tag: bool = False,
                  page_header: bool = True) -> tuple[str, Printed]:
    """Return `document` as an HTML page and what the page prints. `title_tag` puts the
    title in <title> only (pandoc prints it as the Title paragraph) instead of on the
    cover; `page_header` adds a <div title="header">, which LibreOffice makes the page
    header."""
    printed = Printed(producer, document.cover_title, [], printed_revisions(document), [])
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             f"<title>{escape(document.cover_title)}</title>" if title_tag else "",
             f"<style>{_STYLE}</style></head><body>",
             f'<div title="header"><p>{escape(document.company)}&nbsp;&nbsp;&nbsp;&nbsp;'
             f"{escape(document.number)}</p></div>" if page_header else ""]
    parts += _cover(document, printed, title_tag)
    parts += _revision_table(document, printed)
    parts += _toc(document)
    parts += _Body(document, printed).html()
    parts.append("</body></html>")
    return "\n".join(part for part in parts if part), printed


def _cover(document: SourceDocument, printed: Printed, title_tag: bool) -> list[str]:
    """Return the cover: YNTD's centred lines and signers, or XLSK's ruled grid."""
    latest = document.latest
    signed = [("编制人", "编制时间", latest["author"], latest["date"]),
              ("审核人", "审核时间", latest["reviewer"], latest["review_date"]),
              ("批准人", "批准时间", latest["approver"], latest["approve_date"])]
    parts = ["<p>&nbsp;</p>", "<p>&nbsp;</p>"]
    if document.org == "xlsk":
        if not title_tag:
            parts.append(f'<p align="center"><font size="7"><b>{escape(document.cover_title)}'
                         "</b></font></p>")
        parts += ["<p>&nbsp;</p>", '<table width="90%" align="center">',
                  _row(["文件编号", document.number, "版本号", document.version]),
                  _row(["编制部门", document.department, "受控状态", "受控"])]
        for label, _date_label, name, value in signed:
            date = house_date(value, document.org)
            printed.dates.append(date)
            parts.append(_row([label[:2], str(name), "日期", date]))
        parts += ["</table>", "<p>&nbsp;</p>" * 3,
                  f'<p align="center"><font size="5"><b>{escape(document.company)} 发布'
                  "</b></font></p>"]
        return parts
    parts.append(f'<p align="center"><font size="6"><b>{escape(document.company)}</b></font>'
                 "</p>")
    if not title_tag:
        parts.append(f'<p align="center"><font size="6"><b>{escape(document.cover_title)}'
                     "</b></font></p>")
    parts += [f'<p align="center">({escape(document.number)})</p>',
              f'<p align="center">版本：{escape(document.version)}</p>', "<p>&nbsp;</p>" * 4]
    for label, date_label, name, value in signed:
        date = house_date(value, document.org)
        printed.dates.append(date)
        parts.append(f'<p style="margin-left: 3cm">{label}：{escape(str(name))}'
                      f"{'&nbsp;' * 10}{date_label}：{date}</p>")
    return parts


def _row(values: list[str], cell: str = "td") -> str:
    """Return a table row of `values` in `cell` (td or th) elements."""
    return "<tr>" + "".join(f"<{cell}>{escape(value)}</{cell}>" for value in values) + "</tr>"


def _revision_table(document: SourceDocument, printed: Printed) -> list[str]:
    """Return the house's revision table on a page of its own."""
    page = '<p style="page-break-before: always" align="center"><font size="4"><b>{}</b></font></p>'
    rows = printed.revisions
    printed.dates += [row[key] for row in rows for key in row if key.endswith("date") and row[key]]
    if document.org == "xlsk":
        parts = [page.format("修订记录"), '<table width="100%" border="1" cellspacing="0">',
                 _row(["日期", "版本", "变更说明", "批准人"], "th")]
        parts += [_row([row["approve_date"], row["version"], row["change"], row["approver"]])
                  for row in rows]
        return [*parts, "</table>"]
    parts = [page.format("文件编制和变更履历"), '<table width="100%" border="1" cellspacing="0">',
             '<tr><th rowspan="2">版本</th><th colspan="2">编制/更改</th><th colspan="2">发布'
             '</th><th colspan="2">实施</th><th rowspan="2">更改记录</th></tr>',
             _row(["作者", "日期", "审核", "日期", "批准", "日期"], "th")]
    parts += [_row([row[key] for key in ("version", "author", "date", "reviewer", "review_date",
                                         "approver", "approve_date", "change")])
              for row in rows]
    return [*parts, "</table>"]


def _toc(document: SourceDocument) -> list[str]:
    """The TOC as a nested list of links to the headings."""
    parts = ['<p style="page-break-before: always" align="center"><b>目录</b></p>', "<ul>"]
    level = 1
    for index, heading in enumerate(document.headings):
        if heading.level > 3:
            continue
        while level < heading.level:
            parts.append("<ul>")
            level += 1
        while level > heading.level:
            parts.append("</ul>")
            level -= 1
        parts.append(f'<li><a href="#h{index}">{escape(heading.line)}</a></li>')
    parts += ["</ul>"] * level
    return parts


class _Body:
    """Writes the body's HTML block by block."""

    def __init__(self, document: SourceDocument, printed: Printed):
        self.document, self.printed = document, printed
        self.parts: list[str] = []
        self.open_list = ""
        self.next_number = 0

    def html(self) -> list[str]:
        """Return the body as HTML lines; the first heading starts a new page."""
        headings = 0
        for block in self.document.blocks:
            if not isinstance(block, ListItem):
                self._close_list()
            if isinstance(block, Heading):
                page = ' style="page-break-before: always"' if headings == 0 else ""
                self.parts.append(f'<h{block.level} id="h{headings}"{page}>'
                                  f"{escape(block.line)}</h{block.level}>")
                self.printed.headings.append(block.line)
                headings += 1
            elif isinstance(block, Paragraph):
                self.parts.append(f"<p>{escape(block.text)}</p>")
            elif isinstance(block, ListItem):
                self._list_item(block)
            elif isinstance(block, Caption):
                self.parts.append(f'<p align="center"><b>{escape(block.text)}</b></p>')
            elif isinstance(block, Table):
                self.parts += table_html(block)
        self._close_list()
        return self.parts

    def _list_item(self, item: ListItem) -> None:
        """Numbers like 1. become an ol (LibreOffice numbers it), bracketed ones stay
        typed in the paragraph, as HTML cannot number （1）; bullets become a ul."""
        if item.kind == "numbered" and not re.fullmatch(r"\d+\.", item.label):
            self._close_list()
            self.parts.append(f"<p>{escape(item.label)}{escape(item.text)}</p>")
            return
        kind = "ol" if item.kind == "numbered" else "ul"
        if self.open_list != kind:
            self._close_list()
            self.parts.append(f"<{kind}>")
            self.open_list, self.next_number = kind, 1
        value = ""
        if kind == "ol":
            number = int(item.label.rstrip("."))
            value = f' value="{number}"' if number != self.next_number else ""
            self.next_number = number + 1
        self.parts.append(f"<li{value}>{escape(item.text)}</li>")

    def _close_list(self) -> None:
        """End the list that is open, if one is."""
        if self.open_list:
            self.parts.append(f"</{self.open_list}>")
            self.open_list = ""


def table_html(table: Table) -> list[str]:
    """Return a table with its spans as rowspan/colspan, header rows as th."""
    parts = ['<table width="100%" border="1" cellspacing="0">']
    for row in table.rows:
        parts.append("<tr>")
        for cell in row:
            tag = "th" if cell.row < table.header_rows else "td"
            spans = (f' rowspan="{cell.rows}"' if cell.rows > 1 else "") + (
                f' colspan="{cell.cols}"' if cell.cols > 1 else "")
            parts.append(f"<{tag}{spans}>{_cell_html(cell)}</{tag}>")
        parts.append("</tr>")
    return [*parts, "</table>", "<p>&nbsp;</p>"]


def _cell_html(cell: Cell) -> str:
    """Return a cell's content: its text, or paragraphs and lists."""
    if len(cell.blocks) == 1 and isinstance(cell.blocks[0], Paragraph):
        return escape(cell.blocks[0].text)
    html, open_list = [], ""
    for block in cell.blocks:
        kind = "" if isinstance(block, Paragraph) else (
            "ul" if block.kind == "bullet" else "ol")
        if kind != open_list:
            html.append(f"</{open_list}>" if open_list else "")
            html.append(f"<{kind}>" if kind else "")
            open_list = kind
        html.append(f"<li>{escape(block.text)}</li>" if kind else f"<p>{escape(block.text)}</p>")
    html.append(f"</{open_list}>" if open_list else "")
    return "".join(html)
