"""Tables of a Word body as `table:` blocks: header rows, merges, totals, numbered rows,
cells with several paragraphs or lists, widths, and the captions above or below them."""

from __future__ import annotations

from pathlib import Path

from docgen.importer.body import import_body
from docgen.importer.wordfile import read_word_file
from tests.importer.making import T, body_of, guessed, heading, p
from tests.support.wordml_files import W_NS, docx_bytes


def tables(body) -> list[dict]:
    """Return every table block of the body's first section, in order."""
    return [block["table"] for block in body.sections[0]["body"]
            if isinstance(block, dict) and "table" in block]


def test_hand_merged_cells_keep_their_spans_and_covered_positions_are_left_out():
    body = body_of(heading("1 招聘"), T([
        ["岗位分类", "部门", "岗位名称", "计划人数"],
        ["技术岗", "运维部", "会议电视运维工程师", "1"],
        [None, None, "数据库运维工程师", "2"],
        ["操作岗", "服务台", "服务台专员", "1"],
        ["人数总计", None, None, "4"]],
        merges=[((1, 0), (2, 0)), ((1, 1), (2, 1)), ((4, 0), (4, 2))], repeat=1))
    (table,) = tables(body)
    assert table["header"] == [["岗位分类", "部门", "岗位名称", "计划人数"]]
    assert table["rows"] == [
        [{"text": "技术岗", "rows": 2}, {"text": "运维部", "rows": 2}, "会议电视运维工程师", "1"],
        ["数据库运维工程师", "2"],
        ["操作岗", "服务台", "服务台专员", "1"],
        {"cells": [{"text": "人数总计", "cols": 3}, "4"], "total": ["计划人数"]}]


def test_subtotal_and_total_rows_name_only_the_columns_that_state_a_number():
    body = body_of(heading("1 预算"), T([
        ["项目", "数量", "金额（元）", "备注"],
        ["服务器", "2台", "40000", "-"],
        ["交换机", "4", "8,000", ""],
        ["小 计", "6", "48000", "-"],
        ["培训", "3", "3000", "外部"],
        ["合计：", "9", "51000", "见附件"]], bold_first_row=True))
    rows = tables(body)[0]["rows"]
    assert rows[2] == {"cells": ["小 计", "6", "48000", "-"], "subtotal": ["数量", "金额（元）"]}
    assert rows[4] == {"cells": ["合计：", "9", "51000", "见附件"], "total": ["数量", "金额（元）"]}


def test_a_clean_first_column_count_becomes_number_rows_and_a_broken_one_stays():
    body = body_of(heading("1 培训"),
                   T([["序号", "培训内容", "课时"], ["1.", "入职培训", "2"], ["2.", "ITSS培训", "4"],
                      ["3.", "安全培训", "2"], ["合计", "", "8"]], bold_first_row=True),
                   T([["编号", "设备"], ["1", "服务器"], ["2", "交换机"], ["4", "防火墙"]],
                     bold_first_row=True))
    clean, broken = tables(body)
    assert clean["number_rows"] == "1."
    assert clean["rows"] == [["入职培训", "2"], ["ITSS培训", "4"], ["安全培训", "2"],
                             {"cells": ["合计", "", "8"], "total": ["课时"]}]
    assert "number_rows" not in broken
    assert broken["rows"] == [["1", "服务器"], ["2", "交换机"], ["4", "防火墙"]]
    assert guessed(body)[("sections", 0, "body", 1, "table", "rows", 0)] == \
        ["import.body.row-numbers"]


def test_the_header_is_found_by_repeat_flag_formatting_or_words_else_guessed():
    body = body_of(heading("1 表"),
                   T([["甲", "乙"], ["丙", "丁"], ["戊", "己"]], repeat=2),
                   T([["级别", "响应时限"], ["一级", "30分钟"]]),
                   T([["运维部", "30人"], ["质量部", "5人"]]))
    repeated, worded, plain = tables(body)
    assert repeated["header"] == [["甲", "乙"], ["丙", "丁"]]
    assert worded["header"] == [["级别", "响应时限"]]
    assert plain["header"] == [["运维部", "30人"]]
    assert guessed(body)[("sections", 0, "body", 2, "table", "header")] == \
        ["import.body.first-row-header"]


def test_a_header_cell_spanning_down_makes_a_two_row_header():
    body = body_of(heading("1 表"), T([
        ["版本", "编制", None, "审核"], [None, "作者", "日期", "审核人"], ["V1.0", "张三", "2025.1.7", "李四"]],
        merges=[((0, 0), (1, 0)), ((0, 1), (0, 2))], bold_first_row=True))
    (table,) = tables(body)
    assert table["header"] == [[{"text": "版本", "rows": 2}, {"text": "编制", "cols": 2}, "审核"],
                               ["作者", "日期", "审核人"]]
    assert table["rows"] == [["V1.0", "张三", "2025.1.7", "李四"]]


def test_cells_with_several_paragraphs_and_lists():
    body = body_of(heading("1 职责"), T([
        ["部门", "职责"],
        ["运维部", "负责：\n• 日常巡检\n• 故障处理"],
        ["质量部", "1.制定计划\n2.监督检查"],
        ["人力部", "2025年3月1人\n2025年10月1人"],
        ["研发部", "• 开发\n说明\n• 测试"]], bold_first_row=True))
    rows = tables(body)[0]["rows"]
    assert rows[0][1] == {"text": "负责：", "bullets": ["日常巡检", "故障处理"]}
    assert rows[1][1] == {"numbered": ["制定计划", "监督检查"]}
    assert rows[2][1] == {"paragraphs": ["2025年3月1人", "2025年10月1人"]}
    assert rows[3][1] == {"paragraphs": ["• 开发", "说明", "• 测试"]}


def test_widths_are_relative_to_the_narrowest_column():
    cell = '<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    body_xml = (
        '<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>表格</w:t></w:r></w:p>'
        '<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="2500"/>'
        '<w:gridCol w:w="1000"/></w:tblGrid>'
        '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + cell.format("序") + cell.format("内容")
        + cell.format("人数") + "</w:tr>"
        # WPS leaves the first columns of a total row out (gridBefore).
        + '<w:tr>' + cell.format("1") + cell.format("巡检") + cell.format("2") + "</w:tr>"
        + '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + cell.format("合计")
        + cell.format("2") + "</w:tr></w:tbl>")
    styles = f'<w:styles xmlns:w="{W_NS}"/>'
    numbering = f'<w:numbering xmlns:w="{W_NS}"/>'
    word = read_word_file(docx_bytes(body=body_xml, styles=styles, numbering=numbering),
                          Path("wps.docx"))
    (section,) = import_body(word, 0).sections
    table = section["body"][0]["table"]
    assert table["widths"] == [1, 2.5, 1]
    assert table["rows"] == [["1", "巡检", "2"],
                             {"cells": ["", "合计", "2"], "total": ["人数"]}]


def test_captions_below_numbered_through_the_document_and_a_break_kept():
    body = body_of(heading("1 资源"),
                   T([["设备", "数量"], ["服务器", "2"]], bold_first_row=True), p("表1 设备清单", center=True),
                   "正文。",
                   T([["工具", "用途"], ["监控", "告警"]], bold_first_row=True), p("表 3：工具清单", center=True))
    first, second = tables(body)
    assert (first["caption"], second["caption"], second["number"]) == ("设备清单", "工具清单", 3)
    assert "number" not in first
    assert body.style["captions"] == {"numbering": "document", "position": "below"}
    assert body.sections[0]["body"][1] == "正文。"
    assert guessed(body)[("sections", 0, "body", 2, "table", "number")] == \
        ["import.body.caption-number"]


def test_a_title_line_above_a_table_in_the_caption_style_or_centred_is_its_caption():
    body = body_of(heading("1 计划"), p("2025年培训计划表", center=True),
                   T([["月份", "内容"], ["3月", "入职培训"]], bold_first_row=True),
                   p("人员名单", style="Caption"),
                   T([["姓名", "部门"], ["张三", "运维部"]], bold_first_row=True),
                   p("以下为备件情况", center=True),
                   T([["备件", "数量"], ["硬盘", "4"]], bold_first_row=True))
    first, second, third = tables(body)
    assert (first.get("caption"), second.get("caption"), third.get("caption")) == \
        ("2025年培训计划表", "人员名单", None)
    assert guessed(body)[("sections", 0, "body", 0, "table", "caption")] == \
        ["import.body.caption"]
    assert body.sections[0]["body"][2] == "以下为备件情况"
