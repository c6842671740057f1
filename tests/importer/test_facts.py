"""The facts stage: an imported body's KPI and activity tables and its KPI sentences
become facts; the tables are drawn from them where a build shows the same cells, and a
build from what the stage returns shows every table as the original did."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import docx
import pytest

from docgen.catalogue import import_facts as said
from docgen.content import schema
from docgen.importer.facts import find_facts
from docgen.importer.model import Guess, Origin
from docgen.wordml.reader import read_docx
from tests.importer.facts_support import built_tables, imported_table, seen

QUALITY_PLAN = [
    {"title": "目的", "body": ["为保证运维服务质量，特制定本计划。"]},
    {"title": "质量目标", "sections": [
        {"title": "服务指标", "body": [
            "本年度事件解决率不低于90%，客户满意度不低于95分。",
            {"table": {
                "caption": "运维服务指标",
                "header": [["序号", "指标域", "指标名称", "计算公式", "考核要求", "考核周期"]],
                "rows": [
                    ["1", {"text": "服务质量", "rows": 2}, "事件解决率", "已解决事件数/事件总数×100%",
                     "≥90%", "月度"],
                    ["2", "客户满意度", "", "≥95分", "年度"],
                    ["3", "人员", "MTTR", "故障恢复总时长/故障次数", "≤30分钟", "季度"]]}},
            {"bullets": ["重大故障恢复时间控制在2小时以内；", "变更成功率应≥98%。"]},
        ]},
        {"title": "不达标指标", "body": [
            {"table": {"header": [["指标", "目标"]],
                       "rows": [["响应及时率", "及时响应"], ["系统可用率", "≥99.9%"]]}},
        ]},
    ]},
    {"title": "质量活动", "body": [
        {"table": {"header": [["编号", "工作项目", "措施及要求", "责任部门", "配合部门", "负责人",
                               "计划实施日期"]],
                   "rows": [["1", "内审", {"numbered": ["制订审核计划；", "实施审核。"]}, "质量部",
                             "各有关部门", "管理者代表", "2025年10月"],
                            ["2", "管理评审", "总经理主持评审。", "质量部、运维部", "服务台", "总经理",
                             "2025年12月"]]}},
    ]},
]
TABLE = ("sections", 1, "sections", 0, "body", 1)
KEPT = ("sections", 1, "sections", 1, "body", 0)
PLAN = ("sections", 2, "body", 0)


def test_tables_become_kpi_and_activity_tables_and_prose_stays() -> None:
    result = find_facts(QUALITY_PLAN, {})
    service = result.sections[1]["sections"][0]
    assert service["body"][0] == "本年度事件解决率不低于90%，客户满意度不低于95分。"
    assert service["body"][1] == {
        "kpi_table": ["kpi_1", "kpi_2", "mttr"], "caption": "运维服务指标",
        "columns": ["number", "category", "name", {"formula": "计算公式"},
                    {"target": "考核要求"}, "period"]}
    assert result.sections[1]["sections"][1]["body"][0] == QUALITY_PLAN[1]["sections"][1]["body"][0]
    assert result.sections[2]["body"][0] == {"activity_table": ["internal_audit",
                                                                "management_review"]}
    assert result.kpis == {
        "kpi_1": {"name": "事件解决率", "formula": "已解决事件数/事件总数×100%", "target": "≥90%",
                  "period": "月度", "category": "服务质量"},
        "kpi_2": {"name": "客户满意度", "target": "≥95分", "period": "年度", "category": "服务质量"},
        "mttr": {"name": "MTTR", "formula": "故障恢复总时长/故障次数", "target": "≤30分钟",
                 "period": "季度", "category": "人员"},
        "kpi_3": {"name": "重大故障恢复时间", "target": "≤2小时"},
        "kpi_4": {"name": "变更成功率", "target": "≥98%"},
        "kpi_5": {"name": "系统可用率", "target": "≥99.9%"},
    }
    assert list(result.kpis) == ["kpi_1", "kpi_2", "mttr", "kpi_3", "kpi_4", "kpi_5"]
    assert result.activities["management_review"] == {
        "name": "管理评审", "kind": "management_review", "measures": ["总经理主持评审。"],
        "responsible": ["质量部", "运维部"], "cooperating": ["服务台"], "owner": "总经理",
        "when": "2025年12月"}
    assert result.departments == {"质量部", "运维部", "服务台"}   # 各有关部门 is no department
    assert result.owners == {"管理者代表", "总经理"}


def test_the_stage_says_what_it_guessed() -> None:
    guesses = find_facts(QUALITY_PLAN, {}).guesses
    assert Guess(TABLE, said.KPI_TABLE_READ(ids=["kpi_1", "kpi_2", "mttr"])) in guesses
    assert Guess(KEPT, said.KPI_TABLE_KEPT(
        reason=said.REASON_TARGET(row=2, value="及时响应"), ids=["kpi_5"])) in guesses
    assert Guess(PLAN, said.ACTIVITY_TABLE_READ(ids=["internal_audit", "management_review"])) \
        in guesses
    assert Guess(("activities", "internal_audit", "kind"),
                 said.ACTIVITY_KIND(name="内审", kind="internal_audit")) in guesses
    assert Guess(("kpis", "kpi_3"), said.KPI_FROM_PROSE(
        name="重大故障恢复时间", target="≤2小时", words="重大故障恢复时间控制在2小时以内")) in guesses
    # The table states 事件解决率 and 客户满意度: the sentence before it declares nothing.
    assert not any(guess.path in (("kpis", "kpi_1"), ("kpis", "kpi_2")) for guess in guesses)


def test_origins_move_with_the_rows_and_point_at_the_sentences() -> None:
    table_origin = Origin(table=2, section="2.1 服务指标")
    origins = {
        TABLE: table_origin,
        TABLE + ("table", "caption"): Origin(paragraph=14, words="运维服务指标"),
        TABLE + ("table", "rows", 2): Origin(table=2, row=3, words="3 人员 MTTR"),
        KEPT: Origin(table=3),
        ("sections", 1, "sections", 0, "body", 2): Origin(paragraph=16, words="重大故障"),
        ("sections", 0, "body", 0): Origin(paragraph=3),
    }
    moved = find_facts(QUALITY_PLAN, origins).origins
    assert moved[TABLE] == table_origin
    assert moved[TABLE + ("caption",)] == Origin(paragraph=14, words="运维服务指标")
    assert moved[("kpis", "mttr")] == Origin(table=2, row=3, words="3 人员 MTTR")
    # A row the body stage gave no origin of its own: the table's, narrowed to the row.
    assert moved[("kpis", "kpi_1")] == Origin(
        table=2, row=1, section="2.1 服务指标",
        words="1 服务质量 事件解决率 已解决事件数/事件总数×100% ≥90% 月度")
    assert moved[("kpis", "kpi_3")] == Origin(paragraph=16, words="重大故障")  # the list's
    assert moved[("kpis", "kpi_5")] == Origin(table=3, row=2, words="系统可用率 ≥99.9%")
    assert moved[KEPT] == Origin(table=3)
    assert moved[("sections", 0, "body", 0)] == Origin(paragraph=3)
    assert not any(path[:len(TABLE) + 1] == TABLE + ("table",) for path in moved)


def test_the_sections_given_are_left_as_they_were() -> None:
    given = copy.deepcopy(QUALITY_PLAN)
    find_facts(given, {})
    assert given == QUALITY_PLAN


def test_a_kpi_in_a_table_and_in_prose_before_it_is_the_tables() -> None:
    sections = [{"title": "指标", "body": [
        "问题解决率应≥85%，每季度考核。",
        {"table": {"header": [["指标名称", "目标值"]], "rows": [["问题解决率", "≥90%"]]}}]}]
    result = find_facts(sections, {})
    assert result.kpis == {"kpi_1": {"name": "问题解决率", "target": "≥90%"}}
    assert result.sections[0]["body"][0] == "问题解决率应≥85%，每季度考核。"


def test_a_row_repeated_in_another_table_is_one_fact() -> None:
    table = {"table": {"header": [["指标名称", "目标值"]],
                       "rows": [["客户满意度", "≥95分"], ["SLA达成率", "≥95%"]]}}
    result = find_facts([{"title": "资源", "body": [table]},
                         {"title": "质量", "body": [copy.deepcopy(table)]}], {})
    assert list(result.kpis) == ["kpi_1", "kpi_2"]
    assert result.sections[1]["body"][0]["kpi_table"] == ["kpi_1", "kpi_2"]


def test_ids_are_unique_and_valid_whatever_the_names() -> None:
    table = {"table": {"header": [["指标名称", "目标值"]], "rows": [
        ["MTTR", "≤30分钟"], ["mttr", "≤60分钟"], ["2nd line rate", "≥80%"], ["可用率", "≥99%"]]}}
    result = find_facts([{"title": "指标", "body": [table]}], {})
    assert list(result.kpis) == ["mttr", "mttr_2", "kpi_2nd_line_rate", "kpi_1"]


# --- a build from what the stage returns shows the tables as the original did -----------------

DRAWN_AGAIN = {
    "default columns": {
        "header": [["指标名称", "计算方式", "目标值", "考核周期"]],
        "rows": [["事件及时响应率", "及时响应事件数/事件总数×100%", "≥95%", "月度"],
                 ["客户满意度", "", "≥95分", "年度"]]},
    "other order and words, merged 指标域, a 序号": {
        "caption": "数据中心运行指标",
        "header": [["编号", "考核要求", "类别", "考核指标", "统计方法", "考核频次", "责任部门"]],
        "rows": [["1", "≥99.9%", {"text": "可用性", "rows": 2}, "机房供电可用率",
                  "正常供电时长/总时长", "月度", "动力组"],
                 ["2", "≤30分钟", "故障恢复时长", "", "季度", "动力组"],
                 ["3", "100%", "安全", "巡检完成率", "实际巡检次数/计划巡检次数", "月度", "安保组"]]},
    "targets typed with spaces": {
        "header": [["指标名称", "目标值"]],
        "rows": [["备份成功率", "≥ 99 %"], ["变更成功率", "≤ 2 小时"]]},
    "a plan's activities": {
        "header": [["编号", "工作项目", "措施及要求", "责任部门", "配合部门", "负责人", "计划实施日期"]],
        "rows": [["1", "内审", {"numbered": ["制订审核计划；", "实施审核。"]}, "质量部", "各有关部门",
                  "管理者代表", "2025年10月"],
                 ["3", "质量信息反馈", {"paragraphs": ["1.加强与用户的联系；", "2.跟踪问题处置。"]},
                  "运维部、质量部", "", "运维部经理", "全年"]]},
}


@pytest.mark.parametrize("table", DRAWN_AGAIN.values(), ids=DRAWN_AGAIN)
def test_a_table_drawn_from_facts_shows_the_same_cells(tmp_path: Path, table: dict) -> None:
    sections = [{"title": "指标与计划", "body": ["如下表。", {"table": table}]}]
    result = find_facts(sections, {})
    assert "table" not in result.sections[0]["body"][1]  # it is drawn from the facts
    [original] = built_tables(tmp_path / "original", sections)
    [drawn] = built_tables(tmp_path / "drawn", result.sections, kpis=result.kpis,
                           activities=result.activities)
    assert seen(drawn) == seen(original)


def test_the_whole_plan_builds_from_the_facts_with_every_table_as_it_was(tmp_path: Path) -> None:
    # The KPI table and the plan are drawn from facts; the table kept as written stays.
    result = find_facts(QUALITY_PLAN, {})
    original = built_tables(tmp_path / "original", QUALITY_PLAN)
    drawn = built_tables(tmp_path / "drawn", result.sections, kpis=result.kpis,
                         activities=result.activities)
    assert len(drawn) == 3
    assert [seen(table) for table in drawn] == [seen(table) for table in original]


def test_a_kpi_table_made_by_hand_in_word(tmp_path: Path) -> None:
    # Typed 序号, 指标域 merged by hand, an empty paragraph left at a cell's end, bold header.
    document = docx.Document()
    table = document.add_table(rows=4, cols=5)
    for cell, word in zip(table.rows[0].cells, ["序号", "指标域", "指标名称", "目标值", "考核周期"],
                          strict=True):
        cell.paragraphs[0].add_run(word).bold = True
    table.cell(1, 1).merge(table.cell(2, 1))
    rows = [["1", "服务质量", "事件解决率", "≥90%", "月度"], ["2", None, "问题解决率", "≥85%", "季度"],
            ["3", "人员", "培训完成率", "≥98%", "年度"]]
    for index, row in enumerate(rows, start=1):
        for column, text in enumerate(row):
            if text is not None:
                table.cell(index, column).text = text
    table.cell(3, 2).add_paragraph("")
    path = tmp_path / "指标.docx"
    document.save(path)
    [read] = read_docx(path).tables
    sections = [{"title": "指标", "body": [{"table": imported_table(read)}]}]
    result = find_facts(sections, {})
    assert result.sections[0]["body"][0]["columns"] == ["number", "category", "name", "target",
                                                       "period"]
    assert [kpi["category"] for kpi in result.kpis.values()] == ["服务质量", "服务质量", "人员"]
    [drawn] = built_tables(tmp_path / "drawn", result.sections, kpis=result.kpis)
    assert seen(drawn) == seen(read)


# --- the bundled documents' own tables, read back from their Word files ---------------------

def _imported(facts: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """Return the fields of a declared fact that a table shows, as the import writes them."""
    return {field: facts[field] for field in fields if facts.get(field) not in (None, [], "")}


def _listed(sections: list[schema.Section], key: str) -> list[str]:
    """Return the ids the document's first kpi_table or activity_table (`key`) lists."""
    for section in sections:
        for block in section.body:
            if hasattr(block, key):
                return list(getattr(block, key))
        if found := _listed(section.sections, key):
            return found
    return []


def _document(document_set, number: str) -> schema.Document:
    return next(d.model for d in document_set.documents if d.number == number)


@pytest.mark.parametrize(("number", "caption"), [
    ("YNTD-ITSS-0600", None), ("XLSJ-ZD-001", "信息安全考核指标")])
def test_the_bundled_kpi_tables(tmp_path: Path, yntd_built: dict[str, Path], yntd_set,
                                number: str, caption: str | None) -> None:
    read = read_docx(yntd_built[number]).tables[-1]
    sections = [{"title": "考核指标", "body": [{"table": imported_table(read, caption)}]}]
    result = find_facts(sections, {})
    document = _document(yntd_set, number)
    [block] = result.sections[0]["body"]
    assert [result.kpis[key] for key in block["kpi_table"]] == [
        _imported({**kpi.model_dump(), "target": str(kpi.target)},
                  ("name", "formula", "target", "period"))
        for kpi in (document.kpis[key] for key in _listed(document.sections, "kpi_table"))]
    [drawn] = built_tables(tmp_path, result.sections, kpis=result.kpis)
    assert seen(drawn) == seen(read)


def test_the_bundled_quality_plans_activities(tmp_path: Path, yntd_built: dict[str, Path],
                                              yntd_set) -> None:
    read = read_docx(yntd_built["YNTD-ITSS-0417"]).tables[-1]
    sections = [{"title": "运维服务质量管理计划", "body": [{"table": imported_table(read)}]}]
    result = find_facts(sections, {})
    document = _document(yntd_set, "YNTD-ITSS-0417")
    [block] = result.sections[0]["body"]
    fields = ("name", "kind", "number", "measures", "responsible", "cooperating", "owner", "when")
    assert [result.activities[key] for key in block["activity_table"]] == [
        _imported({**activity.model_dump(),
                   "kind": None if activity.kind == "other" else activity.kind}, fields)
        for activity in (document.activities[key]
                         for key in _listed(document.sections, "activity_table"))]
    [drawn] = built_tables(tmp_path, result.sections, activities=result.activities)
    assert seen(drawn) == seen(read)
