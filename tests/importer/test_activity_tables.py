"""Activity tables: a plan's table of work items declares one activity per row; it
becomes an activity_table only where docgen's seven columns draw it again cell for
cell, and otherwise stays as written with the reason."""

from __future__ import annotations

import pytest

from docgen.catalogue import import_facts as said
from docgen.importer.activity_tables import activity_kind, departments_in, read_activity_table

HEADER = ["编号", "工作项目", "措施及要求", "责任部门", "配合部门", "负责人", "计划实施日期"]


def test_a_plan_in_docgens_columns_becomes_an_activity_table() -> None:
    read = read_activity_table({
        "caption": "2025年质量工作计划",
        "header": [HEADER],
        "rows": [
            ["1", "内部审核", {"numbered": ["制订审核计划；", "实施现场审核；", "跟踪整改。"]},
             "质量部", "各有关部门", "管理者代表", "2025年10月"],
            ["2", "客户满意度调查", "每年对重点客户进行满意度调查。", "运维部、质量部", "服务台",
             "质量部经理", "2025年11月"]]})
    assert read is not None and read.reason is None
    assert [fact for _row, fact in read.rows] == [
        {"name": "内部审核", "kind": "internal_audit",
         "measures": ["制订审核计划；", "实施现场审核；", "跟踪整改。"],
         "responsible": ["质量部"], "cooperating": ["各有关部门"], "owner": "管理者代表",
         "when": "2025年10月"},
        {"name": "客户满意度调查", "kind": "satisfaction_survey",
         "measures": ["每年对重点客户进行满意度调查。"], "responsible": ["运维部", "质量部"],
         "cooperating": ["服务台"], "owner": "质量部经理", "when": "2025年11月"}]
    assert read.block_of(["internal_audit", "satisfaction_survey"]) == {
        "activity_table": ["internal_audit", "satisfaction_survey"],
        "caption": "2025年质量工作计划"}


def test_a_number_that_breaks_the_sequence_is_kept_on_the_activity() -> None:
    # YNTD's plan skips 编号 7: the rebuild prints 8 where the original did.
    read = read_activity_table({"header": [HEADER], "rows": [
        ["6", "管理评审", "总经理主持评审。", "质量部", "各有关部门", "管理者代表", "2025年10月"],
        ["8", "体系文件的持续修订", "持续修订。", "质量部", "各有关部门", "管理者代表", "全年"]]})
    assert read is not None
    assert [fact.get("number") for _row, fact in read.rows] == [6, 8]


def test_typed_numbers_before_the_measures_are_left_to_the_rebuild() -> None:
    # A WPS file: the measures typed as 1. 2. in paragraphs of one cell.
    read = read_activity_table({"header": [HEADER], "rows": [
        ["1", "质量信息反馈", {"paragraphs": ["1.加强与用户的联系；", "2. 跟踪问题处置。"]},
         "运维部", "质量部", "运维部经理", "全年"]]})
    assert read is not None and read.reason is None
    assert read.rows[0][1]["measures"] == ["加强与用户的联系；", "跟踪问题处置。"]


def test_another_companys_wording_is_read_but_the_table_stays() -> None:
    read = read_activity_table({"header": [["序号", "工作内容", "具体措施", "负责部门", "协助部门",
                                            "责任人", "完成时间"]],
                                "rows": [["1", "管理评审会议", "总经理主持。", "综合部", "各部门",
                                          "总经理", "12月"]]})
    assert read is not None
    assert read.reason == said.REASON_ACTIVITY_COLUMNS(
        expected=HEADER, found=["序号", "工作内容", "具体措施", "负责部门", "协助部门", "责任人",
                                "完成时间"])
    assert read.rows[0][1] == {"name": "管理评审会议", "kind": "management_review",
                               "measures": ["总经理主持。"], "responsible": ["综合部"],
                               "cooperating": ["各部门"], "owner": "总经理", "when": "12月"}


def test_departments_listed_other_than_with_a_comma_keep_the_table() -> None:
    read = read_activity_table({"header": [HEADER], "rows": [
        ["1", "应急演练", "按预案演练。", "运维部/安全部", "", "运维部经理", "2025年6月"]]})
    assert read is not None
    assert read.rows[0][1]["responsible"] == ["运维部", "安全部"]
    assert read.reason == said.REASON_CELL(row=2, column="责任部门", rebuilt="运维部、安全部",
                                           original="运维部/安全部")


def test_a_single_numbered_measure_keeps_the_table() -> None:
    # One measure prints without a number; the original showed "1.".
    read = read_activity_table({"header": [HEADER], "rows": [
        ["1", "内审", {"numbered": ["按计划审核。"]}, "质量部", "", "管理者代表", "10月"]]})
    assert read is not None
    assert read.reason == said.REASON_CELL(row=2, column="措施及要求", rebuilt="按计划审核。",
                                           original="1.按计划审核。")


@pytest.mark.parametrize("table", [
    # A training plan (YNTD 4.1.3): 培训内容 is no work item.
    {"header": [["序号", "培训类别", "培训内容", "培训对象", "计划培训时间", "培训讲师"]],
     "rows": [["1", "技术", "数据库运维", "运维工程师", "3月", "外聘"]]},
    # Roles and duties: a name but nothing a plan says.
    {"header": [["任务", "说明"]], "rows": [["值班", "7×24小时"]]},
])
def test_tables_that_plan_nothing_are_left_alone(table: dict) -> None:
    assert read_activity_table(table) is None


@pytest.mark.parametrize(("name", "kind"), [
    ("内审", "internal_audit"), ("运维服务能力内部审核", "internal_audit"),
    ("管理评审", "management_review"), ("年度管理评审会议", "management_review"),
    ("客户满意度调查", "satisfaction_survey"), ("顾客满意度测评", "satisfaction_survey"),
    ("服务质量分析", "quality_analysis"),
    ("内审员培训", "other"), ("管理评审输入准备", "other"), ("质量信息反馈", "other"),
])
def test_recurring_activities_by_their_names(name: str, kind: str) -> None:
    assert activity_kind(name) == kind


@pytest.mark.parametrize(("cell", "departments"), [
    ("运维部、质量部", ["运维部", "质量部"]), ("运维部，质量部", ["运维部", "质量部"]),
    ("运维部/服务台", ["运维部", "服务台"]), ("运维部 质量部", ["运维部", "质量部"]),
    ("质量部", ["质量部"]),
])
def test_departments_in_a_cell(cell: str, departments: list[str]) -> None:
    assert departments_in(cell) == departments
