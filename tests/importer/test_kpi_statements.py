"""KPIs stated in prose: a sentence that gives a KPI's name and target declares it, with
its formula and period where the sentence states them; the text stays as written."""

from __future__ import annotations

import pytest

from docgen.importer.kpi_statements import ProseText, kpis_in_prose


def _facts(*texts: str, declared: dict[str, str] | None = None) -> list[dict]:
    prose = [ProseText(("sections", 0, "body", index), text) for index, text in enumerate(texts)]
    return [stated.fact for stated in kpis_in_prose(prose, declared or {})]


@pytest.mark.parametrize(("sentence", "fact"), [
    ("人员招聘计划的考核指标为招聘计划完成率，目标值为招聘计划完成率≥95%，计算方式为具体实际招聘"
     "人数/计划招聘人数*100%计算，考核频次为每年度考核一次。",
     {"name": "招聘计划完成率", "formula": "实际招聘人数/计划招聘人数*100%", "target": "≥95%",
      "period": "年度"}),
    ("事件及时响应率不低于95%。", {"name": "事件及时响应率", "target": "≥95%"}),
    ("2025年服务可用率达到100%，每月统计一次。",
     {"name": "服务可用率", "target": "≥100%", "period": "月度"}),
    ("变更成功率应≥98%。", {"name": "变更成功率", "target": "≥98%"}),
    ("重大故障恢复时间控制在2小时以内。", {"name": "重大故障恢复时间", "target": "≤2小时"}),
    ("要求客户满意度不低于90分，每半年调查一次。",
     {"name": "客户满意度", "target": "≥90分", "period": "半年"}),
    ("服务台的平均响应时间须≤30分钟。", {"name": "平均响应时间", "target": "≤30分钟"}),
    ("每季度服务知识录入条数需达到≥20条。",
     {"name": "服务知识录入条数", "target": "≥20条", "period": "季度"}),
    ("年度软件入库合格率目标设定为不低于98%，合格率按合格入库软件数量/总入库数量×100%计算。",
     {"name": "软件入库合格率", "formula": "合格入库软件数量/总入库数量×100%", "target": "≥98%",
      "period": "年度"}),
])
def test_a_kpi_stated_in_a_sentence(sentence: str, fact: dict) -> None:
    assert _facts(sentence) == [fact]


@pytest.mark.parametrize("sentence", [
    "明确当系统可用率低于99%时，须立即触发根本原因分析。",     # a threshold for an action
    "招聘费用预计10000元，由人力资源部承担。",                  # no KPI at all
    "每季度组织召开容量管理专题分析会。",                        # a period, no target
    "具体完成率按实际人数/计划人数*100%计算。",                  # no name of its own
])
def test_sentences_that_state_no_kpi(sentence: str) -> None:
    assert _facts(sentence) == []


def test_a_kpi_a_table_declared_is_not_declared_again() -> None:
    assert _facts("变更成功率应≥98%，问题解决率不低于90%。",
                  declared={"变更成功率": "percent"}) == [
        {"name": "问题解决率", "target": "≥90%"}]


def test_a_kpi_stated_twice_is_declared_once_from_its_first_sentence() -> None:
    assert _facts("事件解决率不低于90%。", "本年度事件解决率应≥95%。") == [
        {"name": "事件解决率", "target": "≥90%"}]


def test_one_paragraph_states_the_target_then_the_formula() -> None:
    assert _facts("要求备件可用率≥95%。备件可用率计算方式为备品备件出库合格数/备品备件出库总数×100%，"
                  "每季度考核一次。") == [
        {"name": "备件可用率", "formula": "备品备件出库合格数/备品备件出库总数×100%",
         "target": "≥95%", "period": "季度"}]


def test_two_kpis_named_together_keep_their_own_names() -> None:
    # The figure follows the second name; 和 is not part of it.
    facts = _facts("每月对事件及时响应率和事件解决率进行考核，均要求不低于90%")
    assert {"name": "事件解决率", "target": "≥90%"} in facts
    assert all(not fact["name"].startswith("和") for fact in facts)


def test_list_items_are_read_as_paragraphs_are() -> None:
    prose = [ProseText(("sections", 0, "body", 0, "bullets", 1), "故障恢复时间控制在4小时以内；",
                       "item")]
    [stated] = kpis_in_prose(prose, {})
    assert stated.fact == {"name": "故障恢复时间", "target": "≤4小时"}
    assert stated.sentence == "故障恢复时间控制在4小时以内"
