"""The pages before the body of a hand-typed file: the cover, the revision table and
a stale typed TOC."""

from __future__ import annotations

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
    page_break,
    right_tab_with_dots,
)
from .hand_variants import HandVariant
from .source import Printed, SourceDocument


def _signatures(document: SourceDocument) -> list[tuple[str, object]]:
    """Return who signed the latest version and when: author, reviewer, approver."""
    latest = document.latest
    return [(str(latest["author"]), latest["date"]),
            (str(latest["reviewer"]), latest["review_date"]),
            (str(latest["approver"]), latest["approve_date"])]


def plan_cover(word: Document, document: SourceDocument, variant: HandVariant,
               printed: Printed) -> None:
    """Write the YNTD cover: company, title, number and version centred; the signers below,
    label and value apart by spaces and tabs; then the 8-column revision table."""
    add_empty(word, 3)
    add_paragraph(word, document.company, size=26, bold=True, font=HEI, align=CENTER)
    add_empty(word, 2)
    add_paragraph(word, document.cover_title, size=22, bold=True, font=HEI, align=CENTER)
    add_paragraph(word, f"({document.number})", size=16, align=CENTER)
    add_empty(word)
    add_paragraph(word, f"版本：{document.version}", size=14, align=CENTER)
    add_empty(word, 6)
    for label, date_label, (name, value) in zip(variant.signers, variant.date_labels,
                                                _signatures(document), strict=True):
        date = variant.cover_date(value)
        printed.dates.append(date)
        add_paragraph(word, f"{label}：{name}\t\t{date_label}：{date}", size=14, left_cm=2.5,
                      space_after=6)
    page_break(word)
    add_paragraph(word, "文件编制和变更履历", size=16, bold=True, font=HEI, align=CENTER,
                  space_after=12)
    table = add_table(word, 2 + len(printed.revisions) + 2, 8,
                      [1.4, 1.6, 2.0, 1.6, 2.0, 1.6, 2.0, 2.4])
    for row, column, rows, cols, text in (
            (0, 0, 2, 1, "版本"), (0, 1, 1, 2, "编制/更改"), (0, 3, 1, 2, "发布"),
            (0, 5, 1, 2, "实施"), (0, 7, 2, 1, "更改记录")):
        fill_cell(merge(table, row, column, rows, cols), [text], bold=True, align=CENTER)
    for column, text in enumerate(("作者", "日期", "审核", "日期", "批准", "日期"), 1):
        fill_cell(table.cell(1, column), [text], bold=True, align=CENTER)
    for index, revision in enumerate(printed.revisions, 2):
        for column, key in enumerate(("version", "author", "date", "reviewer", "review_date",
                                      "approver", "approve_date", "change")):
            fill_cell(table.cell(index, column), [revision[key]], align=CENTER)
    page_break(word)


def policy_cover(word: Document, document: SourceDocument, variant: HandVariant,
                 printed: Printed) -> None:
    """Write the XLSK cover: the title, a ruled grid of number, version and signers, the
    issuing company; then the 4-column 修订记录."""
    add_empty(word, 4)
    add_paragraph(word, document.cover_title, size=26, bold=True, font=HEI, align=CENTER)
    add_empty(word, 3)
    grid = [("文件编号", document.number, "版 本 号", document.version),
            ("编制部门", document.department, "受控状态", "受控")]
    for label, (name, value) in zip(("编　　制", "审　　核", "批　　准"),
                                    _signatures(document), strict=True):
        date = variant.cover_date(value)
        printed.dates.append(date)
        grid.append((label, name, "日　　期", date))
    table = add_table(word, len(grid), 4, [2.6, 4.0, 2.6, 5.4])
    for row, values in enumerate(grid):
        for column, value in enumerate(values):
            fill_cell(table.cell(row, column), [value], size=12, bold=column % 2 == 0,
                      align=CENTER)
    add_empty(word, 8)
    add_paragraph(word, f"{document.company}　发布", size=16, bold=True, font=HEI,
                  align=CENTER)
    page_break(word)
    add_paragraph(word, "修 订 记 录", size=16, bold=True, font=HEI, align=CENTER,
                  space_after=12)
    table = add_table(word, 1 + len(printed.revisions) + 3, 4, [3.4, 2.0, 6.6, 2.6])
    for column, text in enumerate(("日期", "版本", "变更说明", "批准人")):
        fill_cell(table.cell(0, column), [text], bold=True, align=CENTER, shade="D9D9D9")
    for index, revision in enumerate(printed.revisions, 1):
        for column, key in enumerate(("approve_date", "version", "change", "approver")):
            fill_cell(table.cell(index, column), [revision[key]], align=CENTER)
    page_break(word)


def stale_toc(word: Document, document: SourceDocument, variant: HandVariant,
              printed: Printed) -> None:
    """Write a TOC typed once (or pasted from an older version): its page numbers are stale,
    an entry or two no longer match the body."""
    add_paragraph(word, "目　　录", size=16, bold=True, font=HEI, align=CENTER, space_after=12)
    entries = [(1, text, text) for text in variant.toc_extra]
    entries += [(heading.level, heading.line, variant.heading_line(heading))
                for heading in document.headings if heading.level <= 3]
    for index, (level, original, line) in enumerate(entries):
        text = variant.toc_renamed.get(original, line)
        if text != line:
            printed.toc_differences.append({"toc": text, "heading": line})
        page = str(2 + index * (len(document.blocks) // 8) // len(entries))
        if variant.toc == "leader":
            paragraph = add_paragraph(word, f"{text}\t{page}", size=12,
                                      left_cm=0.74 * (level - 1))
            right_tab_with_dots(paragraph, TEXT_WIDTH_CM)
        else:
            width = sum(2 if ord(character) > 0x2E80 else 1 for character in text)
            dots = "…" * max(3, (58 - width - 4 * (level - 1)) // 2)
            add_paragraph(word, f"{text}{dots}{page}", size=12, left_cm=0.74 * (level - 1))
    page_break(word)
