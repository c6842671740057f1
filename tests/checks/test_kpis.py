"""KPI rules: one KPI has one target, period and formula wherever the documents state it."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.checks import Finding
from docgen.checks.findings import Severity
from tests.checks.support import check_tree, document, of_rule

ONE, TWO = "DEMO-ITSS-0001", "DEMO-ITSS-0002"
AGREE = "state the KPI once and cite it, or make every statement agree"


def check_kpis(tmp_path: Path, *facts: str) -> list[Finding]:
    """Check one document per `facts` text (DEMO-ITSS-0001, -0002, ...); line 14 is 'kpis:'."""
    documents = {}
    for index, text in enumerate(facts, start=1):
        number = f"DEMO-ITSS-{index:04d}"
        documents[f"{number}.yaml"] = document(number, facts=text)
    return check_tree(tmp_path, documents=documents)


def hints(findings: list[Finding], rule: str) -> list[str]:
    return [finding.hint for finding in findings if finding.rule == rule]


def severities(findings: list[Finding], rule: str) -> list[Severity]:
    return [finding.severity for finding in findings if finding.rule == rule]


def two_targets(first: str, second: str) -> str:
    """Two statements of 变更成功率 in one document: names on lines 16 and 19."""
    return f"""\
        kpis:
          change:
            name: 变更成功率
            target: {first}
          change_again:
            name: 变更成功率
            target: {second}
        """


# --- KPI-TARGET-MISMATCH -----------------------------------------------------------


def test_a_kpi_stated_twice_in_one_document_with_two_targets_is_an_error(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            target: ≥95%
          recruitment_in_table:
            name: 招聘计划完成率
            target: ≥90%
        """)
    assert of_rule(findings, "KPI-TARGET-MISMATCH") == [
        (ONE, 20, "招聘计划完成率 has the target ≥90% here, but ≥95% in kpis.recruitment, line 16")]
    assert hints(findings, "KPI-TARGET-MISMATCH") == [AGREE]
    assert severities(findings, "KPI-TARGET-MISMATCH") == [Severity.ERROR]


def test_a_kpi_with_another_target_in_another_document_is_reported_there(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            target: ≥95%
        """, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            target: ≥90%
        """)
    assert of_rule(findings, "KPI-TARGET-MISMATCH") == [
        (TWO, 17, "招聘计划完成率 has the target ≥90% here, but ≥95% in "
                  "DEMO-ITSS-0001, kpis.recruitment, line 16")]


def test_the_same_target_in_two_documents_is_not_a_mismatch(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            target: ≥95%
        """, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-TARGET-MISMATCH") == []


@pytest.mark.parametrize(("first", "second"), [
    ("≥95%", "≥95分"),
    ("≥95%", "≤95%"),
    ("95%", "≥95%"),
    ("≤100%", "100%"),
    ("≥95%", "≥96%"),
], ids=["unit", "comparator", "no-comparator", "at-most-100", "value"])
def test_a_different_value_unit_or_comparator_is_a_different_target(tmp_path, first, second):
    findings = check_kpis(tmp_path, two_targets(first, second))
    assert of_rule(findings, "KPI-TARGET-MISMATCH") == [
        (ONE, 20, f"变更成功率 has the target {second} here, but {first} in kpis.change, line 16")]


@pytest.mark.parametrize(("first", "second"), [
    ("100%", "≥100%"),
    ("≥100%", "100%"),
    ("≥95%", "≥95"),
    ("≥95", "≥95%"),
    ("≥100", "100%"),
], ids=["100-then-at-least-100", "at-least-100-then-100", "unit-then-none", "none-then-unit",
        "at-least-100-without-unit-then-100"])
def test_100_percent_equals_at_least_100_percent_and_a_missing_unit_is_no_mismatch(
        tmp_path, first, second):
    findings = check_kpis(tmp_path, two_targets(first, second))
    assert of_rule(findings, "KPI-TARGET-MISMATCH") == []


def test_100_percent_then_at_least_100_without_a_unit_is_no_mismatch(tmp_path):
    findings = check_kpis(tmp_path, two_targets("100%", "≥100"))
    assert of_rule(findings, "KPI-TARGET-MISMATCH") == []


def test_names_that_differ_only_in_spacing_and_width_name_the_same_kpi(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          sla:
            name: SLA达成率
            target: ≥95%
          sla_again:
            name: ＳＬＡ 达成率
            target: ≥90%
        """)
    assert of_rule(findings, "KPI-TARGET-MISMATCH") == [
        (ONE, 20, "ＳＬＡ 达成率 has the target ≥90% here, but ≥95% in kpis.sla, line 16")]


# --- KPI-PERIOD-MISMATCH -----------------------------------------------------------


def test_a_kpi_with_two_assessment_periods_in_one_document_is_an_error(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            target: ≥95%
            period: 年度
          recruitment_in_table:
            name: 招聘计划完成率
            target: ≥95%
            period: 季度
        """)
    assert of_rule(findings, "KPI-PERIOD-MISMATCH") == [
        (ONE, 22, "招聘计划完成率 has the assessment period 季度 here, but 年度 in "
                  "kpis.recruitment, line 16")]
    assert hints(findings, "KPI-PERIOD-MISMATCH") == [AGREE]
    assert severities(findings, "KPI-PERIOD-MISMATCH") == [Severity.ERROR]


def test_a_kpi_with_another_period_in_another_document_is_reported_there(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            target: ≥95%
            period: 年度
        """, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            target: ≥95%
            period: 半年
        """)
    assert of_rule(findings, "KPI-PERIOD-MISMATCH") == [
        (TWO, 18, "招聘计划完成率 has the assessment period 半年 here, but 年度 in "
                  "DEMO-ITSS-0001, kpis.recruitment, line 16")]


@pytest.mark.parametrize("period_first", [True, False], ids=["stated-first", "stated-second"])
def test_a_period_stated_on_one_side_only_is_no_mismatch(tmp_path, period_first):
    with_period = """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            target: ≥95%
            period: 年度
        """
    without_period = """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            target: ≥95%
        """
    facts = (with_period, without_period) if period_first else (without_period, with_period)
    findings = check_kpis(tmp_path, *facts)
    assert of_rule(findings, "KPI-PERIOD-MISMATCH") == []


# --- KPI-FORMULA-MISMATCH ----------------------------------------------------------


def test_a_kpi_with_two_formulas_in_one_document_is_an_error(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            formula: 实际招聘人数/计划招聘人数×100%
            target: ≥95%
          recruitment_in_table:
            name: 招聘计划完成率
            formula: 实际到岗人数/计划招聘人数×100%
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-FORMULA-MISMATCH") == [
        (ONE, 21, "招聘计划完成率 has the formula 实际到岗人数/计划招聘人数×100% here, but "
                  "实际招聘人数/计划招聘人数×100% in kpis.recruitment, line 16")]
    assert hints(findings, "KPI-FORMULA-MISMATCH") == [AGREE]
    assert severities(findings, "KPI-FORMULA-MISMATCH") == [Severity.ERROR]


def test_a_kpi_with_another_formula_in_another_document_is_reported_there(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            formula: 实际招聘人数/计划招聘人数×100%
            target: ≥95%
        """, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            formula: 实际到岗人数/计划招聘人数×100%
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-FORMULA-MISMATCH") == [
        (TWO, 17, "招聘计划完成率 has the formula 实际到岗人数/计划招聘人数×100% here, but "
                  "实际招聘人数/计划招聘人数×100% in DEMO-ITSS-0001, kpis.recruitment, line 16")]


@pytest.mark.parametrize(("written", "rewritten"), [
    ("实际招聘人数/计划招聘人数×100%", "实际招聘人数 / 计划招聘人数 × 100%"),
    ("实际招聘人数/计划招聘人数×100%", "实际招聘人数/计划招聘人数*100%"),
    ("实际招聘人数/计划招聘人数×100%", "实际招聘人数/计划招聘人数x100%"),
    ("(实际招聘人数)/计划招聘人数×100%", "（实际招聘人数）/计划招聘人数×100%"),
], ids=["spacing", "asterisk", "letter-x", "full-width-brackets"])
def test_formulas_that_differ_only_in_spacing_or_multiplication_sign_are_the_same(
        tmp_path, written, rewritten):
    findings = check_kpis(tmp_path, f"""\
        kpis:
          recruitment:
            name: 招聘计划完成率
            formula: {written}
            target: ≥95%
        """, f"""\
        kpis:
          recruitment:
            name: 招聘计划完成率
            formula: {rewritten}
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-FORMULA-MISMATCH") == []


def test_a_formula_stated_on_one_side_only_is_no_mismatch(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            target: ≥95%
        """, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            formula: 实际招聘人数/计划招聘人数×100%
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-FORMULA-MISMATCH") == []


# --- KPI-DUPLICATE -----------------------------------------------------------------


def test_a_kpi_stated_twice_in_one_document_with_the_same_values_is_a_warning(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            formula: 实际招聘人数/计划招聘人数×100%
            target: ≥95%
            period: 年度
          recruitment_in_table:
            name: 招聘计划完成率
            formula: 实际招聘人数/计划招聘人数×100%
            target: ≥95%
            period: 年度
        """)
    assert of_rule(findings, "KPI-DUPLICATE") == [
        (ONE, 21, "招聘计划完成率 is stated twice in this document (also kpis.recruitment, "
                  "line 16)")]
    assert hints(findings, "KPI-DUPLICATE") == [
        "keep one declaration and cite it where it is needed: {{ kpi.recruitment.target }}"]
    assert severities(findings, "KPI-DUPLICATE") == [Severity.WARNING]
    assert [f.rule for f in findings if f.rule.startswith("KPI-")] == ["KPI-DUPLICATE"]


def test_statements_that_differ_only_in_how_they_are_written_are_duplicates(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          change:
            name: 变更成功率
            formula: 成功变更数/变更总数×100%
            target: 100%
          change_again:
            name: 变更成功率
            formula: 成功变更数 / 变更总数 * 100%
            target: ≥100%
        """)
    assert of_rule(findings, "KPI-DUPLICATE") == [
        (ONE, 20, "变更成功率 is stated twice in this document (also kpis.change, line 16)")]


def test_a_kpi_stated_twice_with_different_values_is_a_mismatch_not_a_duplicate(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            target: ≥95%
          recruitment_in_table:
            name: 招聘计划完成率
            target: ≥90%
        """)
    assert of_rule(findings, "KPI-DUPLICATE") == []
    assert of_rule(findings, "KPI-TARGET-MISMATCH") == [
        (ONE, 20, "招聘计划完成率 has the target ≥90% here, but ≥95% in kpis.recruitment, line 16")]


def test_the_same_kpi_stated_once_in_each_of_two_documents_is_no_duplicate(tmp_path):
    facts = """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            target: ≥95%
        """
    findings = check_kpis(tmp_path, facts, facts)
    assert of_rule(findings, "KPI-DUPLICATE") == []


# --- KPI-COUNT-PERCENT -------------------------------------------------------------


@pytest.mark.parametrize("name", ["重大事件次数", "知识库更新条数", "培训人数", "变更数量"])
def test_a_count_with_a_percentage_target_is_an_error(tmp_path, name):
    findings = check_kpis(tmp_path, f"""\
        kpis:
          count:
            name: {name}
            target: ≤5%
        """)
    assert of_rule(findings, "KPI-COUNT-PERCENT") == [
        (ONE, 17, f"{name} counts something, but its target ≤5% is a percentage")]
    assert hints(findings, "KPI-COUNT-PERCENT") == [
        "give a count target such as ≥1次, or rename the KPI as a rate (…率)"]
    assert severities(findings, "KPI-COUNT-PERCENT") == [Severity.ERROR]


def test_a_count_with_a_count_target_and_a_rate_with_a_percentage_are_not_reported(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          incidents:
            name: 重大事件次数
            target: ≤1次
          trained:
            name: 培训人数达标率
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-COUNT-PERCENT") == []


# --- KPI-FORMULA-BORROWED ----------------------------------------------------------


def test_a_kpi_given_the_formula_of_another_kpi_is_reported(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            formula: 实际招聘人数/计划招聘人数×100%
            target: ≥95%
          training:
            name: 培训计划完成率
            formula: 实际招聘人数 / 计划招聘人数 * 100%
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-FORMULA-BORROWED") == [
        (ONE, 21, "the formula given for 培训计划完成率 (实际招聘人数 / 计划招聘人数 * 100%) is "
                  "the formula of 招聘计划完成率 (kpis.recruitment, line 16)")]
    assert hints(findings, "KPI-FORMULA-BORROWED") == ["give 培训计划完成率 its own formula"]
    assert severities(findings, "KPI-FORMULA-BORROWED") == [Severity.ERROR]


def test_the_borrower_is_the_kpi_whose_name_the_formula_does_not_match_even_when_first(
        tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          training:
            name: 培训计划完成率
            formula: 实际招聘人数/计划招聘人数×100%
            target: ≥95%
          recruitment:
            name: 招聘计划完成率
            formula: 实际招聘人数/计划招聘人数×100%
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-FORMULA-BORROWED") == [
        (ONE, 17, "the formula given for 培训计划完成率 (实际招聘人数/计划招聘人数×100%) is "
                  "the formula of 招聘计划完成率 (kpis.recruitment, line 20)")]


def test_a_formula_borrowed_from_another_document_names_that_document(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            formula: 实际招聘人数/计划招聘人数×100%
            target: ≥95%
        """, """\
        kpis:
          training:
            name: 培训计划完成率
            formula: 实际招聘人数/计划招聘人数×100%
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-FORMULA-BORROWED") == [
        (TWO, 17, "the formula given for 培训计划完成率 (实际招聘人数/计划招聘人数×100%) is "
                  "the formula of 招聘计划完成率 (DEMO-ITSS-0001, kpis.recruitment, line 16)")]


def test_two_kpis_with_their_own_formulas_are_not_reported(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            formula: 实际招聘人数/计划招聘人数×100%
            target: ≥95%
          training:
            name: 培训计划完成率
            formula: 实际培训次数/计划培训次数×100%
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-FORMULA-BORROWED") == []


def test_one_kpi_stated_twice_with_its_formula_borrows_nothing(tmp_path):
    facts = """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            formula: 实际招聘人数/计划招聘人数×100%
            target: ≥95%
        """
    findings = check_kpis(tmp_path, facts, facts)
    assert of_rule(findings, "KPI-FORMULA-BORROWED") == []


def test_a_shared_description_that_divides_nothing_is_not_a_borrowed_formula(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          satisfaction:
            name: 客户满意度
            formula: 按满意度调查问卷统计
            target: ≥90分
          service:
            name: 服务质量评分
            formula: 按满意度调查问卷统计
            target: ≥90分
        """)
    assert of_rule(findings, "KPI-FORMULA-BORROWED") == []


def test_the_owner_of_a_formula_is_found_by_more_than_a_shared_two_character_prefix(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          resolution:
            name: 事件解决率
            formula: 已解决事件数/事件总数×100%
            target: ≥95%
          response:
            name: 事件及时响应率
            formula: 已解决事件数/事件总数×100%
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-FORMULA-BORROWED") == [
        (ONE, 21, "the formula given for 事件及时响应率 (已解决事件数/事件总数×100%) is "
                  "the formula of 事件解决率 (kpis.resolution, line 16)")]


def test_the_owner_of_a_formula_is_found_by_more_than_a_shared_prefix_when_declared_second(
        tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          response:
            name: 事件及时响应率
            formula: 已解决事件数/事件总数×100%
            target: ≥95%
          resolution:
            name: 事件解决率
            formula: 已解决事件数/事件总数×100%
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-FORMULA-BORROWED") == [
        (ONE, 17, "the formula given for 事件及时响应率 (已解决事件数/事件总数×100%) is "
                  "the formula of 事件解决率 (kpis.resolution, line 20)")]


# --- KPI-RATE-INVERTED -------------------------------------------------------------


def test_a_rate_that_divides_the_whole_by_the_part_is_an_error(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            formula: 计划招聘人数/实际招聘人数×100%
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-RATE-INVERTED") == [
        (ONE, 17, "the formula of 招聘计划完成率 divides the whole (计划招聘人数) by the part "
                  "(实际招聘人数)")]
    assert hints(findings, "KPI-RATE-INVERTED") == [
        "swap numerator and denominator: part / whole × 100%"]
    assert severities(findings, "KPI-RATE-INVERTED") == [Severity.ERROR]


def test_a_rate_that_divides_the_part_by_the_whole_is_not_reported(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            formula: 实际招聘人数/计划招聘人数×100%
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-RATE-INVERTED") == []


def test_a_numerator_that_names_the_part_of_a_whole_is_not_taken_for_the_whole(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          plan:
            name: 计划任务按时完成率
            formula: 按时完成的计划任务数/计划任务总数×100%
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-RATE-INVERTED") == []


def test_an_inverted_rate_written_with_an_asterisk_names_the_part_without_the_factor(
        tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          recruitment:
            name: 招聘计划完成率
            formula: 计划招聘人数/实际招聘人数*100%
            target: ≥95%
        """)
    assert of_rule(findings, "KPI-RATE-INVERTED") == [
        (ONE, 17, "the formula of 招聘计划完成率 divides the whole (计划招聘人数) by the part "
                  "(实际招聘人数)")]


def test_a_part_named_with_response_over_a_total_is_not_taken_for_an_inverted_rate(tmp_path):
    findings = check_kpis(tmp_path, """\
        kpis:
          overdue:
            name: 事件响应超时率
            formula: 响应超时事件数/已受理事件总数×100%
            target: ≤5%
        """)
    assert of_rule(findings, "KPI-RATE-INVERTED") == []
