"""Arithmetic rules: table totals and prose figures add up, as an auditor would add them."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.checks import Finding
from docgen.checks.findings import Severity
from tests.checks.support import check_tree, document, of_rule

ONE = "DEMO-ITSS-0001"


def check_sections(tmp_path: Path, sections: str) -> list[Finding]:
    """Check one document, DEMO-ITSS-0001, whose body is `sections` (line 14 is 'sections:')."""
    return check_tree(tmp_path, documents={f"{ONE}.yaml": document(sections=sections)})


def hints(findings: list[Finding], rule: str) -> list[str]:
    return [finding.hint for finding in findings if finding.rule == rule]


def severities(findings: list[Finding], rule: str) -> list[Severity]:
    return [finding.severity for finding in findings if finding.rule == rule]


# --- ARITH-TOTAL -------------------------------------------------------------------


def test_a_stated_total_that_differs_from_the_sum_of_its_rows_is_an_error(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, 1]
                  - [乙, 2]
                  - cells: [合计, 4]
                    total: [人数]
        """)
    assert of_rule(findings, "ARITH-TOTAL") == [
        (ONE, 23, "the 合计 row states 4 for 人数, but the rows above add up to 3")]
    assert hints(findings, "ARITH-TOTAL") == [
        "correct the figures, or write {sum: true} to show the computed sum"]
    assert severities(findings, "ARITH-TOTAL") == [Severity.ERROR]


def test_a_stated_total_that_equals_the_sum_of_its_rows_is_not_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, 1]
                  - [乙, 2]
                  - cells: [合计, 3]
                    total: [人数]
        """)
    assert of_rule(findings, "ARITH-TOTAL") == []


def test_a_subtotal_adds_up_only_the_rows_since_the_previous_subtotal(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, 1]
                  - [乙, 2]
                  - cells: [小计, 3]
                    subtotal: [人数]
                  - [丙, 4]
                  - cells: [小计, 7]
                    subtotal: [人数]
                  - cells: [合计, 7]
                    total: [人数]
        """)
    assert of_rule(findings, "ARITH-TOTAL") == [
        (ONE, 26, "the 小计 row states 7 for 人数, but the rows above add up to 4")]


def test_correct_subtotals_and_a_total_over_all_body_rows_are_not_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, 1]
                  - [乙, 2]
                  - cells: [小计, 3]
                    subtotal: [人数]
                  - [丙, 4]
                  - cells: [小计, 4]
                    subtotal: [人数]
                  - cells: [合计, 7]
                    total: [人数]
        """)
    assert of_rule(findings, "ARITH-TOTAL") == []


def test_each_totalled_column_is_checked_on_its_own_and_decimals_are_added_exactly(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 预算
          body:
            - table:
                header:
                  - [项目, 人数, 预算（万元）]
                rows:
                  - [甲, 1, 1.5]
                  - [乙, 2, 2]
                  - cells: [合计, 3, 4]
                    total: [人数, 预算（万元）]
        """)
    assert of_rule(findings, "ARITH-TOTAL") == [
        (ONE, 23, "the 合计 row states 4 for 预算（万元）, but the rows above add up to 3.5")]


def test_a_computed_total_is_never_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, 1]
                  - [乙, 2.5]
                  - cells: [小计, {sum: true}]
                    subtotal: [人数]
                  - [丙, 4]
                  - cells: [合计, {sum: true}]
                    total: [人数]
        """)
    assert of_rule(findings, "ARITH-TOTAL") == []


def test_a_wrong_total_written_with_its_unit_is_still_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, 1]
                  - [乙, 2]
                  - cells: [合计, 4人]
                    total: [人数]
        """)
    assert of_rule(findings, "ARITH-TOTAL") == [
        (ONE, 23, "the 合计 row states 4 for 人数, but the rows above add up to 3")]


# --- ARITH-NON-NUMERIC -------------------------------------------------------------


def test_a_figure_written_with_its_unit_is_counted_in_the_total(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, 1]
                  - [乙, 2人]
                  - cells: [合计, 3人]
                    total: [人数]
        """)
    assert of_rule(findings, "ARITH-NON-NUMERIC") == []
    assert of_rule(findings, "ARITH-TOTAL") == []


def test_a_cell_that_is_not_a_figure_is_a_warning(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, 1]
                  - [乙, 约2人]
                  - cells: [合计, {sum: true}]
                    total: [人数]
        """)
    assert of_rule(findings, "ARITH-NON-NUMERIC") == [
        (ONE, 22, "“约2人” is not a number, so the total of 人数 leaves it out")]
    assert hints(findings, "ARITH-NON-NUMERIC") == ["write the figure alone in the cell, e.g. 2 or 2人"]
    assert severities(findings, "ARITH-NON-NUMERIC") == [Severity.WARNING]


def test_each_cell_that_is_not_a_number_is_reported_once_even_when_two_rows_total_it(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, 若干]
                  - cells: [小计, {sum: true}]
                    subtotal: [人数]
                  - [乙, 约3]
                  - cells: [合计, {sum: true}]
                    total: [人数]
        """)
    assert of_rule(findings, "ARITH-NON-NUMERIC") == [
        (ONE, 21, "“若干” is not a number, so the total of 人数 leaves it out"),
        (ONE, 24, "“约3” is not a number, so the total of 人数 leaves it out")]


def test_numbers_placeholders_headers_and_total_labels_are_not_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, "1,000"]
                  - [乙, "-"]
                  - [丙, —]
                  - [丁, 无]
                  - [戊, /]
                  - [己, ""]
                  - [庚, 2.5]
                  - cells: [合计, {sum: true}]
                    total: [人数]
        """)
    assert of_rule(findings, "ARITH-NON-NUMERIC") == []


def test_text_in_a_column_that_no_total_adds_up_is_not_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数, 到岗时间]
                rows:
                  - [甲, 1, 2025年3月]
                  - [乙, 2, 待定]
                  - cells: [合计, {sum: true}, —]
                    total: [人数]
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [丙, 2人]
        """)
    assert of_rule(findings, "ARITH-NON-NUMERIC") == []


# --- ARITH-PROSE-SUM ---------------------------------------------------------------

_PROSE_SUM_HINT = ("correct the figures; where a table holds them, cite its sum: "
                   "{{ table.<id>.sum['column'] }}")


def test_a_whole_stated_before_its_parts_must_equal_their_sum(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 2025年计划招聘共14人，其中外部招聘6人、内部选聘7人。
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == [
        (ONE, 17, "“2025年计划招聘共14人，其中外部招聘6人、内部选聘7人” gives 14人 in all, but "
                  "its parts add up to 6 + 7 = 13人")]
    assert hints(findings, "ARITH-PROSE-SUM") == [_PROSE_SUM_HINT]
    assert severities(findings, "ARITH-PROSE-SUM") == [Severity.ERROR]


def test_a_whole_stated_before_parts_that_add_up_is_not_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 2025年计划招聘共14人，其中外部招聘6人、内部选聘8人。
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == []


def test_a_whole_stated_after_its_parts_must_equal_their_sum(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 预算
          body:
            - 硬件采购8000元，软件许可3000元，总计10000元。
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == [
        (ONE, 17, "“硬件采购8000元，软件许可3000元，总计10000元” gives 10000元 in all, but "
                  "its parts add up to 8000 + 3000 = 11000元")]


def test_a_whole_stated_after_parts_that_add_up_is_not_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 预算
          body:
            - 硬件采购8000元，软件许可2000元，总计10000元。
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == []


def test_parts_enumerated_with_a_pause_mark_are_added_up_without_an_introducer(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 共14人，外部招聘6人、内部选聘7人。
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == [
        (ONE, 17, "“共14人，外部招聘6人、内部选聘7人” gives 14人 in all, but "
                  "its parts add up to 6 + 7 = 13人")]


def test_decimal_figures_are_added_exactly(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 预算
          body:
            - 预算共1.5万元，其中硬件0.5万元、软件0.8万元。
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == [
        (ONE, 17, "“预算共1.5万元，其中硬件0.5万元、软件0.8万元” gives 1.5万元 in all, but "
                  "its parts add up to 0.5 + 0.8 = 1.3万元")]


def test_each_clause_after_a_semicolon_is_a_breakdown_of_its_own(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 共14人，其中外部招聘6人、内部选聘8人；男性9人、女性4人。
            - 共10人，其中外部招聘4人、内部选聘6人；男性7人、女性3人。
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == [
        (ONE, 17, "“共14人，其中外部招聘6人、内部选聘8人；男性9人、女性4人” gives 14人 in all, "
                  "but its parts add up to 9 + 4 = 13人")]


def test_list_items_and_table_cells_are_checked_like_paragraphs(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - bullets:
                - 共14人，其中外部招聘6人、内部选聘7人。
            - table:
                header:
                  - [说明]
                rows:
                  - [共5人，其中男性3人、女性3人]
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == [
        (ONE, 18, "“共14人，其中外部招聘6人、内部选聘7人” gives 14人 in all, but "
                  "its parts add up to 6 + 7 = 13人"),
        (ONE, 23, "“共5人，其中男性3人、女性3人” gives 5人 in all, but "
                  "its parts add up to 3 + 3 = 6人")]


def test_headings_are_not_checked_for_sums(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 招聘共14人，其中外部招聘6人、内部选聘7人
          body:
            - 为了规范运维服务。
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == []


def test_figures_in_another_unit_are_not_taken_for_parts(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 培训
          body:
            - 共14人，其中外部招聘6人、内部选聘8人，培训3次、考核2次。
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == []


@pytest.mark.parametrize("sentence", [
    "共14人，特别是外部招聘6人、内部选聘2人。",
    "共14人，例如外部招聘6人、内部选聘2人。",
    "共14人，比如外部招聘6人、内部选聘2人。",
    "共14人，其中外部招聘6人、内部选聘2人等。",
], ids=["tebieshi", "liru", "biru", "deng"])
def test_a_list_of_examples_is_not_required_to_add_up_to_the_whole(tmp_path, sentence):
    findings = check_sections(tmp_path, f"""\
        - title: 人员
          body:
            - {sentence}
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == []


def test_an_enumeration_that_states_no_whole_is_not_taken_for_a_sum(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 招聘运维工程师3人、数据库管理员1人、网络工程师1人。
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == []


def test_a_breakdown_of_one_part_in_brackets_is_not_added_to_the_parts(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 共14人，其中外部招聘6人（含实习生2人）、内部选聘8人。
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == []


def test_a_whole_stated_after_its_parts_with_gong_must_equal_their_sum(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 外部招聘6人、内部选聘7人，共14人。
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == [
        (ONE, 17, "“外部招聘6人、内部选聘7人，共14人” gives 14人 in all, but "
                  "its parts add up to 6 + 7 = 13人")]


@pytest.mark.parametrize("sentence", [
    "共获奖14人，其中一等奖6人、二等奖7人",
    "共14人，其中外部招聘6人、内部选聘7人，均如期到岗",
], ids=["yidengjiang", "ruqi"])
def test_words_that_merely_contain_an_example_marker_do_not_excuse_a_wrong_sum(tmp_path,
                                                                               sentence):
    findings = check_sections(tmp_path, f"""\
        - title: 人员
          body:
            - {sentence}。
        """)
    assert of_rule(findings, "ARITH-PROSE-SUM") == [
        (ONE, 17, f"“{sentence}” gives 14人 in all, but its parts add up to 6 + 7 = 13人")]


# --- ARITH-PROSE-TOTAL -------------------------------------------------------------


def test_prose_that_restates_a_tables_total_must_give_the_tables_figure(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, 1]
                  - [乙, 2]
                  - cells: [合计, {sum: true}]
                    total: [人数]
            - 本年度计划招聘人员合计5人。
        """)
    assert of_rule(findings, "ARITH-PROSE-TOTAL") == [
        (ONE, 25, "the text says 合计5人, but the table's 合计 for 人数 is 3")]
    assert hints(findings, "ARITH-PROSE-TOTAL") == [
        "cite the table's figure instead of retyping it: {{ table.<id>.sum['column'] }}"]
    assert severities(findings, "ARITH-PROSE-TOTAL") == [Severity.ERROR]


def test_prose_that_restates_a_tables_total_correctly_is_not_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 本年度计划招聘人员合计3人，详见下表。
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, 1]
                  - [乙, 2]
                  - cells: [合计, {sum: true}]
                    total: [人数]
        """)
    assert of_rule(findings, "ARITH-PROSE-TOTAL") == []


def test_prose_is_searched_for_the_total_rows_own_label_and_list_items_count(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [类别, 岗位, 人数]
                rows:
                  - [技术岗, 工程师, 1]
                  - [技术岗, 管理员, 2]
                  - cells: [{text: 人数总计, cols: 2}, 3]
                    total: [人数]
            - bullets:
                - 人数总计4人。
        """)
    assert of_rule(findings, "ARITH-PROSE-TOTAL") == [
        (ONE, 26, "the text says 人数总计4人, but the table's 人数总计 for 人数 is 3")]


def test_prose_is_compared_with_the_sum_of_the_rows_not_with_a_wrong_stated_total(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, 1]
                  - [乙, 2]
                  - cells: [合计, 4]
                    total: [人数]
            - 本年度计划招聘人员合计4人。
        """)
    assert of_rule(findings, "ARITH-TOTAL") == [
        (ONE, 23, "the 合计 row states 4 for 人数, but the rows above add up to 3")]
    assert of_rule(findings, "ARITH-PROSE-TOTAL") == [
        (ONE, 25, "the text says 合计4人, but the table's 合计 for 人数 is 3")]


def test_prose_under_another_heading_is_not_compared_with_the_table(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, 1]
                  - [乙, 2]
                  - cells: [合计, {sum: true}]
                    total: [人数]
        - title: 预算
          body:
            - 培训费用合计5万元。
        """)
    assert of_rule(findings, "ARITH-PROSE-TOTAL") == []


def test_prose_restating_one_of_several_totalled_columns_is_not_compared_with_the_others(
        tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 培训
          body:
            - table:
                header:
                  - [课程, 人数, 课时]
                rows:
                  - [甲, 1, 4]
                  - [乙, 2, 8]
                  - cells: [合计, {sum: true}, {sum: true}]
                    total: [人数, 课时]
            - 培训合计3人，共12课时。
        """)
    assert of_rule(findings, "ARITH-PROSE-TOTAL") == []


def test_prose_restating_one_subtotal_is_not_compared_with_the_other_subtotals(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                header:
                  - [岗位, 人数]
                rows:
                  - [甲, 1]
                  - [乙, 1]
                  - cells: [小计, {sum: true}]
                    subtotal: [人数]
                  - [丙, 3]
                  - cells: [小计, {sum: true}]
                    subtotal: [人数]
            - 其中运维组小计2人。
        """)
    assert of_rule(findings, "ARITH-PROSE-TOTAL") == []
