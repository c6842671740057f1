"""Structure rules: numbering that skips or repeats, references, empty sections, and the
process lists that a table details.

document() puts the revision row on lines 6-13 and then any facts, then 'sections:';
without facts 'sections:' is line 14, so line N of the sections text is line 14 + N.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checks.support import check_tree, document, of_rule


def check_sections(tmp_path: Path, sections: str, facts: str = ""):
    return check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(sections=sections, facts=facts)})


def hints(findings, rule: str) -> list[str]:
    return [f.hint for f in findings if f.rule == rule]


# --- STRUCT-LIST-NUMBERING: lists ----------------------------------------------------


def test_a_list_item_that_skips_a_number_is_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 目的
          body:
            - numbered:
                - 甲
                - 乙
                - {text: 丁, number: 4}
    """)
    assert of_rule(findings, "STRUCT-LIST-NUMBERING") == [
        ("DEMO-ITSS-0001", 20, "in §1. 目的, a list item is numbered 4 after 2: 3 is skipped")]
    assert hints(findings, "STRUCT-LIST-NUMBERING") == [
        "renumber the list, or drop 'number:' and let the renderer number it"]


def test_a_list_item_that_repeats_a_number_is_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 目的
          body:
            - numbered:
                - 甲
                - {text: 乙, number: 1}
                - 丙
    """)
    assert of_rule(findings, "STRUCT-LIST-NUMBERING") == [
        ("DEMO-ITSS-0001", 19, "in §1. 目的, a list item repeats the number 1")]


def test_a_list_that_starts_past_one_is_reported_with_every_skipped_number(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 目的
          body:
            - numbered:
                - {text: 丙, number: 3}
                - 丁
    """)
    assert of_rule(findings, "STRUCT-LIST-NUMBERING") == [
        ("DEMO-ITSS-0001", 18, "in §1. 目的, a list item starts at 3: 1 to 2 are skipped")]


def test_a_list_item_numbered_below_the_one_before_is_reported_once(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 目的
          sections:
            - title: 要求
              body:
                - numbered:
                    - 甲
                    - 乙
                    - 丙
                    - {text: 丁, number: 2}
                    - 戊
    """)
    assert of_rule(findings, "STRUCT-LIST-NUMBERING") == [
        ("DEMO-ITSS-0001", 23, "in §1.1. 要求, a list item is numbered 2 after 3")]


def test_a_new_list_restarts_at_one_and_a_number_that_follows_on_is_fine(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 目的
          body:
            - numbered:
                - 甲
                - 乙
            - 其后另起一个列表：
            - numbered:
                - 丙
                - {text: 丁, number: 2}
              format: "(1)"
            - bullets:
                - 戊
                - 己
    """)
    assert of_rule(findings, "STRUCT-LIST-NUMBERING") == []


# --- STRUCT-LIST-NUMBERING: numbered table rows and activities -------------------------


def test_a_numbered_table_row_that_skips_a_number_is_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 目的
          body:
            - table:
                header:
                  - [序号, 事项]
                rows:
                  - [1, 甲]
                  - [2, 乙]
                  - [4, 丁]
    """)
    assert of_rule(findings, "STRUCT-LIST-NUMBERING") == [
        ("DEMO-ITSS-0001", 23, "in §1. 目的, a table row is numbered 4 after 2: 3 is skipped")]
    assert hints(findings, "STRUCT-LIST-NUMBERING") == [
        "renumber the rows, or leave the numbering to the renderer"]


def test_a_table_row_repeating_the_number_in_a_numbering_column_is_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 目的
          body:
            - table:
                header:
                  - [编号, 事项]
                rows:
                  - [1., 甲]
                  - [2., 乙]
                  - [2., 丙]
    """)
    assert of_rule(findings, "STRUCT-LIST-NUMBERING") == [
        ("DEMO-ITSS-0001", 23, "in §1. 目的, a table row repeats the number 2")]


def test_numbered_rows_in_sequence_with_a_total_row_are_fine(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 目的
          body:
            - table:
                header:
                  - [序号, 岗位, 人数]
                rows:
                  - [1、, 工程师, 2]
                  - [2、, 专员, 1]
                  - cells: [{text: 合计, cols: 2}, 3]
                    total: [人数]
            - table:
                number_rows: "1."
                header:
                  - [序, 事项]
                rows:
                  - [甲]
                  - [乙]
    """)
    assert of_rule(findings, "STRUCT-LIST-NUMBERING") == []


def test_numbers_in_a_first_column_not_named_for_numbering_are_not_a_sequence(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 目的
          body:
            - table:
                header:
                  - [人数, 岗位]
                rows:
                  - [3, 工程师]
                  - [1, 专员]
                  - [1, 经理]
    """)
    assert of_rule(findings, "STRUCT-LIST-NUMBERING") == []


def test_an_activity_numbered_out_of_sequence_is_reported(tmp_path):
    findings = check_sections(tmp_path, facts="""\
        activities:
          audit:
            name: 内审
          review:
            name: 管理评审
            number: 3
    """, sections="""\
        - title: 计划
          body:
            - activity_table: [audit, review]
    """)
    assert of_rule(findings, "STRUCT-LIST-NUMBERING") == [
        ("DEMO-ITSS-0001", 18, "in §1. 计划, an activity is numbered 3 after 1: 2 is skipped")]


def test_activities_whose_printed_numbers_follow_on_are_fine(tmp_path):
    findings = check_sections(tmp_path, facts="""\
        activities:
          audit:
            name: 内审
          review:
            name: 管理评审
            number: 2
    """, sections="""\
        - title: 计划
          body:
            - activity_table: [audit, review]
    """)
    assert of_rule(findings, "STRUCT-LIST-NUMBERING") == []


# --- STRUCT-CAPTION-NUMBERING --------------------------------------------------------


def test_a_caption_number_that_skips_is_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                caption: 表1-1 招聘计划表
                header: [[岗位]]
                rows: [[工程师]]
            - table:
                caption: 表1-3 储备计划表
                header: [[岗位]]
                rows: [[专员]]
    """)
    assert of_rule(findings, "STRUCT-CAPTION-NUMBERING") == [
        ("DEMO-ITSS-0001", 22, "table number 表1-… is numbered 3 after 1: 2 is skipped")]
    assert hints(findings, "STRUCT-CAPTION-NUMBERING") == [
        "number the tables in order, or let the renderer number captions"]


def test_a_caption_number_written_twice_in_paragraphs_is_reported_naming_both_tables(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 表2-1 招聘计划表
            - table: {header: [[岗位]], rows: [[工程师]]}
            - 表2-1 储备计划表
            - table: {header: [[岗位]], rows: [[专员]]}
    """)
    assert of_rule(findings, "STRUCT-CAPTION-DUPLICATE") == [
        ("DEMO-ITSS-0001", 19, "表2-1 “储备计划表” has the number of another table: 表2-1 “招聘计划表”, "
                               "line 17")]
    assert of_rule(findings, "STRUCT-CAPTION-NUMBERING") == []


def test_a_first_caption_number_past_one_is_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 表1-2 招聘计划表
            - table: {header: [[岗位]], rows: [[工程师]]}
    """)
    assert of_rule(findings, "STRUCT-CAPTION-NUMBERING") == [
        ("DEMO-ITSS-0001", 17, "table number 表1-… starts at 2: 1 is skipped")]


def test_caption_numbers_in_order_restart_in_each_chapter(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 表1-1 招聘计划表
            - table: {header: [[岗位]], rows: [[工程师]]}
            - 表1－2 储备计划表
            - table: {header: [[岗位]], rows: [[专员]]}
        - title: 培训
          body:
            - table:
                caption: 表2-1 培训计划表
                header: [[课程]]
                rows: [[ITSS标准]]
    """)
    assert of_rule(findings, "STRUCT-CAPTION-NUMBERING") == []


def test_a_paragraph_that_opens_by_citing_a_table_is_not_a_caption(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 表1-1 人员配置表
            - table: {header: [[岗位, 人数]], rows: [[工程师, 2]]}
            - 表1-1所列人员均需持证上岗。
    """)
    assert of_rule(findings, "STRUCT-CAPTION-NUMBERING") == []


# --- STRUCT-REFERENCE: quoted section titles -------------------------------------------

RECRUITMENT_SECTIONS = """\
    - title: 人员
      sections:
        - title: 人才招聘计划
          body: [计划外部招聘6人。]
        - title: 人员储备计划
          body:
            - {reference}
"""


def test_a_quoted_title_that_is_not_the_title_of_the_nth_subsection_is_reported(tmp_path):
    findings = check_sections(tmp_path, RECRUITMENT_SECTIONS.format(
        reference="招聘费用预计10000元（详见本章节第1小节“人员招聘计划”）。"))
    assert of_rule(findings, "STRUCT-REFERENCE") == [
        ("DEMO-ITSS-0001", 21, "refers to “人员招聘计划” as 第1小节 (1.1.), but 1.1. is titled "
                               "“人才招聘计划”")]
    assert hints(findings, "STRUCT-REFERENCE") == [
        "quote the section's title as it is, or cite it by id: {{ section.<id> }}"]


def test_a_quoted_title_that_is_the_title_of_the_nth_subsection_is_fine(tmp_path):
    findings = check_sections(tmp_path, RECRUITMENT_SECTIONS.format(
        reference="招聘费用预计10000元（详见本章节第1小节“人才招聘计划”）。"))
    assert of_rule(findings, "STRUCT-REFERENCE") == []


def test_a_quoted_title_that_no_section_has_is_reported_with_the_closest_title(tmp_path):
    findings = check_sections(tmp_path, RECRUITMENT_SECTIONS.format(
        reference="招聘费用详见本章“人员招聘计划”。"))
    assert of_rule(findings, "STRUCT-REFERENCE") == [
        ("DEMO-ITSS-0001", 21, "refers to section “人员招聘计划”, which this document does not "
                               "have; did you mean 1.1. “人才招聘计划”?")]


def test_a_quoted_title_like_no_section_is_reported_without_a_guess(tmp_path):
    findings = check_sections(tmp_path, RECRUITMENT_SECTIONS.format(
        reference="考核办法参见相关章节“绩效考核”。"))
    assert of_rule(findings, "STRUCT-REFERENCE") == [
        ("DEMO-ITSS-0001", 21, "refers to section “绩效考核”, which this document does not "
                               "have")]


def test_a_subsection_ordinal_past_the_last_subsection_falls_back_to_the_title(tmp_path):
    findings = check_sections(tmp_path, RECRUITMENT_SECTIONS.format(
        reference="考核办法详见本章节第5小节“绩效考核”。"))
    assert of_rule(findings, "STRUCT-REFERENCE") == [
        ("DEMO-ITSS-0001", 21, "refers to section “绩效考核”, which this document does not "
                               "have")]


def test_a_quoted_title_of_any_section_is_fine_whatever_its_spacing_or_width(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 目的
          body:
            - 招聘安排详见本章节“人才 招聘计划”，储备安排参见相关章节"ＩＴ人员储备"。
        - title: 人员
          sections:
            - title: 人才招聘计划
              body: [计划外部招聘6人。]
            - title: IT人员储备
              body: [内部选聘8人。]
    """)
    assert of_rule(findings, "STRUCT-REFERENCE") == []


def test_a_chapters_own_text_counts_its_subsections_from_that_chapter(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 总则
          body:
            - 职责分工详见本章节第2小节“职责”。
          sections:
            - title: 目的
              body: [为了规范运维服务。]
            - title: 职责
              body: [质量部负责。]
        - title: 实施
          body: [按计划实施。]
    """)
    assert of_rule(findings, "STRUCT-REFERENCE") == []


def test_a_quoted_title_that_is_not_the_title_of_the_nth_chapter_is_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 职责
          body: [质量部负责。]
        - title: 实施
          body:
            - 职责分工详见第3章“职责”。
        - title: 附则
          body: [本制度自发布之日起实施。]
    """)
    assert of_rule(findings, "STRUCT-REFERENCE") == [
        ("DEMO-ITSS-0001", 19, "refers to “职责” as 第3章 (3.), but 3. is titled “附则”")]


# --- STRUCT-REFERENCE: section numbers and table numbers --------------------------------


def test_a_section_number_the_document_does_not_have_is_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 招聘要求详见1.3节。
          sections:
            - title: 招聘
              body: [计划外部招聘6人。]
            - title: 储备
              body: [内部选聘8人。]
    """)
    assert of_rule(findings, "STRUCT-REFERENCE") == [
        ("DEMO-ITSS-0001", 17, "refers to section 1.3, which this document does not have")]
    assert hints(findings, "STRUCT-REFERENCE") == [
        "correct the section number, or cite the section by id: {{ section.<id>.number }}"]


def test_section_numbers_the_document_has_are_fine(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 招聘要求见1.1，储备要求参见第1.2.节。
          sections:
            - title: 招聘
              body: [计划外部招聘6人。]
            - title: 储备
              body: [内部选聘8人。]
    """)
    assert of_rule(findings, "STRUCT-REFERENCE") == []


def test_a_table_number_the_document_does_not_have_is_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 招聘岗位见表1-2。
            - table:
                caption: 招聘计划表
                header: [[岗位]]
                rows: [[工程师]]
    """)
    assert of_rule(findings, "STRUCT-REFERENCE") == [
        ("DEMO-ITSS-0001", 17, "refers to 表1-2, which this document does not have")]
    assert hints(findings, "STRUCT-REFERENCE") == [
        "correct the table number, or cite the table by id: {{ table.<id>.number }}"]


def test_a_reference_to_a_table_without_a_caption_is_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 招聘岗位详见表1-1。
            - table: {header: [[岗位]], rows: [[工程师]]}
    """)
    assert of_rule(findings, "STRUCT-REFERENCE") == [
        ("DEMO-ITSS-0001", 17, "refers to 表1-1, which this document does not have")]


def test_table_numbers_the_document_has_are_fine_however_they_are_written(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 招聘岗位见表1-1，储备岗位参见表 1－2。
            - table:
                caption: 招聘计划表
                header: [[岗位]]
                rows: [[工程师]]
            - table:
                caption: 储备计划表
                header: [[岗位]]
                rows: [[专员]]
    """)
    assert of_rule(findings, "STRUCT-REFERENCE") == []


# --- STRUCT-EMPTY-SECTION ------------------------------------------------------------


def test_a_section_without_body_or_subsections_is_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 目的
          body: [为了规范运维服务。]
        - title: 职责
    """)
    assert of_rule(findings, "STRUCT-EMPTY-SECTION") == [
        ("DEMO-ITSS-0001", 17, "section 2. 职责 is empty")]
    assert hints(findings, "STRUCT-EMPTY-SECTION") == [
        "write its content, or state 无 if there is nothing to say"]


def test_an_empty_subsection_is_reported_by_its_number(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 职责
          sections:
            - title: 质量部
              body: [负责内审。]
            - title: 运维部
              body: []
    """)
    assert of_rule(findings, "STRUCT-EMPTY-SECTION") == [
        ("DEMO-ITSS-0001", 19, "section 1.2. 运维部 is empty")]


def test_a_section_with_only_subsections_or_only_无_is_fine(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 职责
          sections:
            - title: 质量部
              body: [负责内审。]
        - title: 附录
          body: [无]
    """)
    assert of_rule(findings, "STRUCT-EMPTY-SECTION") == []


# --- STRUCT-ENUMERATION-TABLE --------------------------------------------------------
# The facts below take lines 14-20 (the group's processes on lines 18-20), so
# 'sections:' is line 21 and line N of the sections text is line 21 + N.

CORE_PROCESSES = """\
    processes:
      - id: core
        name: 核心过程
        processes:
          - 事件管理
          - 问题管理
          - 变更管理
"""


def test_a_process_of_the_group_without_a_row_in_its_table_is_reported(tmp_path):
    findings = check_sections(tmp_path, facts=CORE_PROCESSES, sections="""\
        - title: 过程管理要求
          sections:
            - title: 核心过程管理要求
              body:
                - table:
                    details: core
                    header:
                      - [过程名称, 核心目标]
                    rows:
                      - [事件管理, 快速恢复服务]
                      - [问题管理, 消除根本原因]
    """)
    assert of_rule(findings, "STRUCT-ENUMERATION-TABLE") == [
        ("DEMO-ITSS-0001", 20, "变更管理 is named a 核心过程, but the table in §1.1. 核心过程管理要求, "
                               "which details the 核心过程, has no row for it")]
    assert hints(findings, "STRUCT-ENUMERATION-TABLE") == [
        "add a row for 变更管理 to the table, or remove it from the 核心过程"]


def test_a_row_of_the_table_that_the_group_does_not_name_is_reported(tmp_path):
    findings = check_sections(tmp_path, facts=CORE_PROCESSES, sections="""\
        - title: 核心过程
          body:
            - table:
                details: core
                header:
                  - [过程名称, 核心目标]
                rows:
                  - [事件管理, 快速恢复服务]
                  - [服务报告管理, 明确服务报告内容]
                  - [问题管理, 消除根本原因]
                  - [变更管理, 控制变更风险]
    """)
    assert of_rule(findings, "STRUCT-ENUMERATION-TABLE") == [
        ("DEMO-ITSS-0001", 30, "the table in §1. 核心过程 details 服务报告管理 as a 核心过程, but the "
                               "list of 核心过程 does not name it")]
    assert hints(findings, "STRUCT-ENUMERATION-TABLE") == [
        "add 服务报告管理 to the 核心过程 (core), or remove its row"]


def test_a_table_naming_the_groups_processes_in_another_order_or_spacing_is_fine(tmp_path):
    findings = check_sections(tmp_path, facts=CORE_PROCESSES, sections="""\
        - title: 核心过程
          body:
            - table:
                details: core
                header:
                  - [过程名称, 核心目标]
                rows:
                  - [变更管理, 控制变更风险]
                  - [事件 管理, 快速恢复服务]
                  - [问题管理, 消除根本原因]
            - table:
                header:
                  - [过程名称, 核心目标]
                rows:
                  - [发布管理, 确保发布质量]
    """)
    assert of_rule(findings, "STRUCT-ENUMERATION-TABLE") == []


def test_a_numbered_table_detailing_a_group_is_compared_by_its_process_names(tmp_path):
    findings = check_sections(tmp_path, facts=CORE_PROCESSES, sections="""\
        - title: 核心过程
          body:
            - table:
                details: core
                number_rows: "1."
                header:
                  - [序号, 过程名称, 核心目标]
                rows:
                  - [事件管理, 快速恢复服务]
                  - [问题管理, 消除根本原因]
                  - [变更管理, 控制变更风险]
    """)
    assert of_rule(findings, "STRUCT-ENUMERATION-TABLE") == []


def test_the_total_row_of_a_table_detailing_a_group_is_not_a_process(tmp_path):
    findings = check_sections(tmp_path, facts=CORE_PROCESSES, sections="""\
        - title: 核心过程
          body:
            - table:
                details: core
                header:
                  - [过程名称, 指标数]
                rows:
                  - [事件管理, 2]
                  - [问题管理, 1]
                  - [变更管理, 2]
                  - cells: [合计, 5]
                    total: [指标数]
    """)
    assert of_rule(findings, "STRUCT-ENUMERATION-TABLE") == []


# --- Literal caption numbers next to the renderer's ----------------------------------


def test_a_literal_caption_repeating_a_number_the_renderer_gave_is_reported(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - table:
                caption: 招聘计划表
                header: [[岗位]]
                rows: [[工程师]]
            - 表1-1 储备计划表
            - table: {header: [[岗位]], rows: [[专员]]}
    """)
    assert of_rule(findings, "STRUCT-CAPTION-DUPLICATE") == [
        ("DEMO-ITSS-0001", 21, "表1-1 “储备计划表” has the number of another table: 表1-1 “招聘计划表”, "
                               "line 18")]


def test_a_reference_to_a_table_numbered_in_a_caption_paragraph_is_fine(tmp_path):
    findings = check_sections(tmp_path, """\
        - title: 人员
          body:
            - 招聘岗位见表1-1。
            - 表1-1 招聘计划表
            - table: {header: [[岗位]], rows: [[工程师]]}
    """)
    assert of_rule(findings, "STRUCT-REFERENCE") == []


SECTIONS_FOR_SUBJECTS = """\
    - title: 总则
      body:
        - {said}
    - title: 计划
      sections:
        - title: 人员培训计划
          body: [每年组织两次培训。]
        - title: 研发经费投入计划
          body: [研发投入每年50万元。]
"""


@pytest.mark.parametrize("said", [
    "研发经费投入计划详见2.1。", "有关研发经费的安排，参见第2.1节。", "经费投入见2.1。"])
def test_a_reference_by_section_number_for_another_sections_subject_is_reported(tmp_path, said):
    findings = check_sections(tmp_path, SECTIONS_FOR_SUBJECTS.format(said=said))
    [(document, line, message)] = of_rule(findings, "STRUCT-REFERENCE")
    assert (document, line) == ("DEMO-ITSS-0001", 17)
    assert "cites 2.1. for its subject, but 2.1. is titled “人员培训计划”; 2.2. is " \
           "“研发经费投入计划”" in message


@pytest.mark.parametrize("said", [
    "研发经费投入计划详见2.2。", "培训安排见2.1。", "具体要求详见2.1。", "详见2.2。"])
def test_a_reference_by_section_number_for_its_own_subject_is_fine(tmp_path, said):
    findings = check_sections(tmp_path, SECTIONS_FOR_SUBJECTS.format(said=said))
    assert of_rule(findings, "STRUCT-REFERENCE") == []
