"""A revision table's columns are mapped by their header words, also where a converter
dropped the row spans of a two-row header and its second row's words start too far left:
the data rows say which way the words line up (a version under 版本, dates under 日期)."""

from __future__ import annotations

import datetime as dt

from docgen.importer.revisions import header_fields, is_revision_table, read_revisions
from tests.importer.support import table

D = dt.date


def shifted_history():
    """版次 and 修订说明 spanned both header rows in the original; here they do not, and the
    second row (修订人 日期 审核人 日期 批准人 日期) begins under 版次."""
    return table(0, [
        ["版次", ("修订", 1, 2), ("审核", 1, 2), ("批准", 1, 2), "修订说明"],
        ["修订人", "日期", "审核人", "日期", "批准人", "日期", "", ""],
        ["第1版", "周强", "2023/6/1", "李娜", "2023/6/2", "王刚", "2023/6/5", "首次发布"],
        ["V1.1", "周强", "2024年3月5日", "李娜", "2024年3月6日", "王刚", "2024年3月9日",
         "调整备份周期"],
    ])


def test_a_second_header_row_shifted_left_is_lined_up_by_its_data():
    history = shifted_history()
    columns, depth = header_fields(history)
    assert depth == 2
    assert columns == ["version", "author", "date", "reviewer", "review_date", "approver",
                       "approve_date", "change"]
    assert is_revision_table(history)
    rows = read_revisions(history).rows
    assert rows == [
        {"version": "V1.0", "author": "周强", "date": D(2023, 6, 1), "reviewer": "李娜",
         "review_date": D(2023, 6, 2), "approver": "王刚", "approve_date": D(2023, 6, 5),
         "change": "首次发布"},
        {"version": "V1.1", "author": "周强", "date": D(2024, 3, 5), "reviewer": "李娜",
         "review_date": D(2024, 3, 6), "approver": "王刚", "approve_date": D(2024, 3, 9),
         "change": "调整备份周期"}]


def test_a_second_header_row_in_its_place_stays_there():
    # A pipe table keeps both rows' words in their columns, with empty cells at both ends.
    history = table(0, [
        ["版本", "编制/更改", "", "发布", "", "更改记录"],
        ["", "作者", "日期", "批准", "日期", ""],
        ["V1.0", "吴杰", "2025.01.07", "陆涛", "2025.01.08", "首次发布"],
    ])
    columns, _depth = header_fields(history)
    assert columns == ["version", "author", "date", "approver", "approve_date", "change"]
    assert read_revisions(history).rows[0]["approve_date"] == D(2025, 1, 8)


def test_a_header_whose_cells_span_rows_is_never_shifted():
    history = table(0, [
        [("版本", 2, 1), ("编制", 1, 2), ("更改说明", 2, 1)],
        ["编制人", "日期"],
        ["V2.0", "", "", "全面修订"],
    ])
    columns, depth = header_fields(history)
    assert (columns, depth) == (["version", "author", "date", "change"], 2)
