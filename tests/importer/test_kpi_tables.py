"""KPI tables: a table with a column of KPI names and a column of targets, in any order
and wording, declares one KPI per row and becomes a kpi_table that draws it again; a
table docgen cannot draw again stays as written, with the reason."""

from __future__ import annotations

import pytest

from docgen.catalogue import import_facts as said
from docgen.importer.kpi_tables import kpi_period, kpi_target, read_kpi_table


@pytest.mark.parametrize(("cell", "target"), [
    ("≥95%", "≥95%"),
    ("≥99.9%", "≥99.9%"),
    ("≤30分钟", "≤30分钟"),
    ("100%", "100%"),
    ("≥ 95 %", "≥95%"),          # typed with spaces
    (">=98%", "≥98%"),            # typed with ASCII
    ("≧90％", "≥90%"),            # full-width, as Chinese input methods type it
    ("≥1", "≥1"),
    ("≤1次/季度", "≤1次/季度"),
    ("≥95分", "≥95分"),
])
def test_targets_docgen_can_read(cell: str, target: str) -> None:
    assert kpi_target(cell) == target


@pytest.mark.parametrize("cell", [
    "每季度不少于1次", "及时响应", "不低于95%", "95%以上", "", "≥95%（2025年）", "按合同约定",
])
def test_targets_docgen_cannot_read(cell: str) -> None:
    assert kpi_target(cell) is None


@pytest.mark.parametrize(("cell", "period"), [
    ("月度", "月度"), ("季度", "季度"), ("每月", "月度"), ("按季度", "季度"), ("每年", "年度"),
    ("半年度", "半年"), ("实时", None), ("每次变更后", None),
])
def test_periods(cell: str, period: str | None) -> None:
    assert kpi_period(cell) == period


def test_the_default_columns_become_a_kpi_table_without_header_words() -> None:
    read = read_kpi_table({
        "header": [["指标名称", "计算方式", "目标值", "考核周期"]],
        "rows": [["事件及时响应率", "及时响应事件数/事件总数×100%", "≥95%", "月度"],
                 ["客户满意度", "", "≥90分", "年度"]]})
    assert read is not None and read.reason is None
    assert [fact for _row, fact in read.rows] == [
        {"name": "事件及时响应率", "formula": "及时响应事件数/事件总数×100%", "target": "≥95%",
         "period": "月度"},
        {"name": "客户满意度", "target": "≥90分", "period": "年度"}]
    assert read.block_of(["a", "b"]) == {
        "kpi_table": ["a", "b"], "columns": ["name", "formula", "target", "period"]}


def test_columns_in_another_order_and_wording_keep_their_header_words() -> None:
    # 某数据中心公司: target first, its own words for every column, a 序号 and merged 指标域.
    read = read_kpi_table({
        "caption": "表5-1 数据中心运行指标",
        "header": [["编号", "考核要求", "类别", "考核指标", "统计方法", "考核频次", "责任部门"]],
        "rows": [
            ["1", "≥99.9%", {"text": "可用性", "rows": 2}, "机房供电可用率", "正常供电时长/总时长",
             "月度", "动力组"],
            ["2", "≤30分钟", "故障恢复时长", "", "季度", "动力组"],
            ["3", "100%", "安全", "巡检完成率", "实际巡检次数/计划巡检次数", "月度", "安保组"]]})
    assert read is not None and read.reason is None
    assert read.block_of(["x", "y", "z"]) == {
        "kpi_table": ["x", "y", "z"], "caption": "表5-1 数据中心运行指标",
        "columns": [{"number": "编号"}, {"target": "考核要求"}, {"category": "类别"},
                    {"name": "考核指标"}, {"formula": "统计方法"}, {"period": "考核频次"},
                    {"owner": "责任部门"}]}
    assert [fact.get("category") for _row, fact in read.rows] == ["可用性", "可用性", "安全"]
    assert [fact["target"] for _row, fact in read.rows] == ["≥99.9%", "≤30分钟", "100%"]


def test_a_target_docgen_cannot_read_keeps_the_table_and_says_which_row() -> None:
    read = read_kpi_table({
        "header": [["序号", "指标", "目标"]],
        "rows": [["1", "变更成功率", "≥98%"], ["2", "巡检次数", "每季度不少于1次"]]})
    assert read is not None
    assert read.reason == said.REASON_TARGET(row=3, value="每季度不少于1次")
    assert [fact["name"] for _row, fact in read.rows] == ["变更成功率"]


def test_a_total_row_keeps_the_table() -> None:
    read = read_kpi_table({
        "header": [["指标名称", "目标值"]],
        "rows": [["可用率", "≥99%"], ["满意度", "≥90分"], ["合计", "2项"]]})
    assert read is not None
    assert read.reason == said.REASON_TOTAL(row=4, words="合计 2项")
    assert [fact["name"] for _row, fact in read.rows] == ["可用率", "满意度"]


def test_a_kpi_whose_name_starts_like_a_total_is_a_kpi() -> None:
    read = read_kpi_table({"header": [["指标名称", "目标值"]],
                           "rows": [["累计停机时长", "≤4小时"], ["总数据备份成功率", "100%"]]})
    assert read is not None and read.reason is None
    assert [fact["name"] for _row, fact in read.rows] == ["累计停机时长", "总数据备份成功率"]


def test_a_column_that_is_no_kpi_field_keeps_the_table() -> None:
    read = read_kpi_table({
        "header": [["指标名称", "目标值", "权重"]],
        "rows": [["可用率", "≥99%", "60"], ["满意度", "≥90分", "40"],
                 {"cells": ["合计", "", "100"], "total": ["权重"]}]})
    assert read is not None
    assert read.reason == said.REASON_COLUMN(column="权重")
    assert [fact["name"] for _row, fact in read.rows] == ["可用率", "满意度"]


def test_a_row_across_the_table_names_the_category_of_the_rows_below() -> None:
    read = read_kpi_table({
        "header": [["指标名称", "目标值", "考核周期"]],
        "rows": [[{"text": "一、服务质量类", "cols": 3}],
                 ["事件解决率", "≥90%", "月度"],
                 [{"text": "二、人员类", "cols": 3}],
                 ["培训完成率", "≥98%", "年度"]]})
    assert read is not None
    assert read.reason == said.REASON_SPANNING(row=2, words="一、服务质量类")
    assert [(fact["name"], fact["category"]) for _row, fact in read.rows] == [
        ("事件解决率", "服务质量类"), ("培训完成率", "人员类")]


def test_a_merged_period_cell_keeps_the_table_as_a_kpi_table_would_not_merge_it() -> None:
    read = read_kpi_table({
        "header": [["指标名称", "目标值", "考核周期"]],
        "rows": [["事件解决率", "≥90%", {"text": "月度", "rows": 2}], ["问题解决率", "≥85%"]]})
    assert read is not None
    assert read.reason == said.REASON_MERGE(row=2, column="考核周期", text="月度",
                                            rebuilt_rows=1, rebuilt_cols=1, rows=2, cols=1)
    assert [fact["period"] for _row, fact in read.rows] == ["月度", "月度"]


def test_a_period_word_is_declared_but_the_table_keeps_its_wording() -> None:
    read = read_kpi_table({"header": [["指标名称", "目标值", "周期"]],
                           "rows": [["备份成功率", "100%", "每月"]]})
    assert read is not None
    assert read.rows[0][1]["period"] == "月度"
    assert read.reason == said.REASON_CELL(row=2, column="周期", rebuilt="月度",
                                           original="每月")


@pytest.mark.parametrize("typed", [">=98%", "≧98%", "≥９８％"])
def test_a_target_typed_otherwise_than_docgen_writes_it_keeps_the_table(typed: str) -> None:
    read = read_kpi_table({"header": [["指标名称", "目标值"]], "rows": [["变更成功率", typed]]})
    assert read is not None
    assert read.rows[0][1]["target"] == "≥98%"
    assert read.reason == said.REASON_CELL(row=2, column="目标值", rebuilt="≥98%", original=typed)


def test_a_numbered_row_that_skips_keeps_the_table() -> None:
    read = read_kpi_table({"header": [["序号", "指标名称", "目标值"]],
                           "rows": [["1", "可用率", "≥99%"], ["3", "满意度", "≥90分"]]})
    assert read is not None
    assert read.reason == said.REASON_CELL(row=3, column="序号", rebuilt="2", original="3")


def test_a_header_of_two_rows_is_read_but_keeps_the_table() -> None:
    read = read_kpi_table({
        "header": [[{"text": "指标名称", "rows": 2}, {"text": "考核标准", "cols": 2}],
                   ["目标值", "考核周期"]],
        "rows": [["事件解决率", "≥90%", "月度"]]})
    assert read is not None
    assert read.reason == said.REASON_HEADER_ROWS(count=2)
    assert read.rows[0][1] == {"name": "事件解决率", "target": "≥90%", "period": "月度"}


def test_a_key_a_kpi_table_cannot_have_keeps_the_table() -> None:
    read = read_kpi_table({"id": "kpis", "header": [["指标名称", "目标值"]],
                           "rows": [["可用率", "≥99%"]]})
    assert read is not None
    assert read.reason == said.REASON_KEY(key="id")


def test_two_owner_columns_keep_the_table() -> None:
    read = read_kpi_table({"header": [["指标名称", "目标值", "责任部门", "负责人"]],
                           "rows": [["可用率", "≥99%", "运维部", "张伟"]]})
    assert read is not None
    assert read.reason == said.REASON_SAME_FIELD(first="责任部门", second="负责人", field="owner")
    assert read.rows[0][1]["owner"] == "运维部"


@pytest.mark.parametrize("table", [
    # A training plan: its 目标 is text, and it names no KPI.
    {"header": [["序号", "培训项目", "目标", "时间"]],
     "rows": [["1", "ITIL基础", "掌握服务管理基本概念", "3月"]]},
    # KPI words, but every 目标 is a sentence: no figure, no KPI.
    {"header": [["指标", "目标"]],
     "rows": [["服务意识", "主动服务、热情周到"], ["团队协作", "分工明确"]]},
    # A recruitment plan (YNTD 4.1.1): no KPI column at all.
    {"header": [["岗位分类", "部门", "岗位名称", "计划人数", "计划完成时间"]],
     "rows": [["技术岗", "运维部", "数据库运维工程师", "2", "2025年10月"]]},
])
def test_tables_that_only_look_like_kpi_tables_are_left_alone(table: dict) -> None:
    assert read_kpi_table(table) is None
