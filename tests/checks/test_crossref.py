"""Cross-document rules: citations, process coverage, activity owners and schedules,
departments, owners, and documents that call themselves something they are not.

Each test builds the smallest content tree that shows one defect, or a closely related
correct one. document() writes the header on lines 1-4 and the revision row on lines 5-13;
`facts` start on line 14 and `sections:` follows them.
"""

from __future__ import annotations

from docgen.checks import Severity
from tests.checks.support import ORG, check_tree, document, of_rule

DEPARTMENTS_HINT = "name one of: 人力部、服务台、质量部、运维部; or add the department to org.yaml"


def paragraphs(*texts: str) -> str:
    """Return sections YAML: one section 目的 whose body is `texts`, one paragraph each.

    In a document without facts the first paragraph is on line 17, the next on 18.
    """
    return "- title: 目的\n  body:\n" + "".join(f"    - {text}\n" for text in texts)


# --- XREF-UNKNOWN-DOCUMENT ---------------------------------------------------------


def test_a_cited_title_that_no_document_has_is_reported_with_the_closest_known_title(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(sections=paragraphs("依据《信息安全管理办法》执行。")),
    })
    assert of_rule(findings, "XREF-UNKNOWN-DOCUMENT") == [
        ("DEMO-ITSS-0001", 17,
         "cites 《信息安全管理办法》, which is neither a document of this set nor listed in "
         "org.yaml's known_documents; did you mean 《信息安全管理制度》?")]
    [finding] = [f for f in findings if f.rule == "XREF-UNKNOWN-DOCUMENT"]
    assert finding.severity is Severity.ERROR
    assert finding.hint == ("correct the title, or add the document to known_documents in "
                            "org.yaml (kind: document, standard, record or planned)")


def test_a_cited_title_like_no_known_title_is_reported_without_a_suggestion(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(sections=paragraphs("按《年度培训计划》组织培训。")),
    })
    assert of_rule(findings, "XREF-UNKNOWN-DOCUMENT") == [
        ("DEMO-ITSS-0001", 17,
         "cites 《年度培训计划》, which is neither a document of this set nor listed in "
         "org.yaml's known_documents")]


def test_titles_and_cover_titles_of_the_set_and_known_documents_may_be_cited(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(sections=paragraphs(
            "依据《质量管理计划》和《2025年 质量管理计划》执行。",
            "信息安全按《信息安全管理制度》管理。")),
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="质量管理计划",
                                        facts="cover_title: 2025年质量管理计划\n"),
    })
    assert of_rule(findings, "XREF-UNKNOWN-DOCUMENT") == []


def test_a_name_in_brackets_that_is_not_a_document_is_not_checked(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(sections=paragraphs("告警由《某某平台SG-I6000》发出。")),
    })
    assert of_rule(findings, "XREF-UNKNOWN-DOCUMENT") == []


def test_a_document_number_that_is_not_in_the_set_is_reported(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(sections=paragraphs("详见质量管理计划（DEMO-ITSS-0099）。")),
    })
    assert of_rule(findings, "XREF-UNKNOWN-DOCUMENT") == [
        ("DEMO-ITSS-0001", 17, "cites DEMO-ITSS-0099, which is not a document of this set")]
    [finding] = [f for f in findings if f.rule == "XREF-UNKNOWN-DOCUMENT"]
    assert finding.hint == ("correct the number, or cite the document by number: "
                            "{{ docs['...'].number }}")


def test_numbers_of_documents_in_the_set_and_of_known_documents_are_not_reported(tmp_path):
    org = ORG + "  - {title: 应急预案管理制度, number: DEMO-ITSS-0500}\n"
    findings = check_tree(tmp_path, org=org, documents={
        "DEMO-ITSS-0001.yaml": document(sections=paragraphs(
            "详见质量管理计划（DEMO-ITSS-0002）。", "应急预案见（DEMO-ITSS-0500）。")),
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="质量管理计划"),
    })
    assert of_rule(findings, "XREF-UNKNOWN-DOCUMENT") == []


def test_a_document_number_between_chinese_characters_is_reported(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(sections=paragraphs("详见DEMO-ITSS-0099执行。")),
    })
    assert of_rule(findings, "XREF-UNKNOWN-DOCUMENT") == [
        ("DEMO-ITSS-0001", 17, "cites DEMO-ITSS-0099, which is not a document of this set")]


# --- XREF-PROCESS-COVERAGE ---------------------------------------------------------

FRAMEWORK = document("DEMO-ITSS-0001", title="过程框架管理制度", kind="制度",
                     role="process_framework", facts="""\
    processes:
      - id: core
        name: 核心过程
        processes: [事件管理, 问题管理]
      - id: management
        name: 管理过程
        kind: management
        processes: [服务策划]
""")


def test_a_service_process_the_capability_plan_does_not_plan_for_is_reported(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": FRAMEWORK,
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="运维服务能力管理计划",
                                        role="capability_plan", sections="""\
            - title: 事件管理
              process: 事件管理
              body: [按事件管理程序处理事件。]
        """),
    })
    assert of_rule(findings, "XREF-PROCESS-COVERAGE") == [
        ("DEMO-ITSS-0002", 15,
         "DEMO-ITSS-0001 names 问题管理 a 核心过程, but no section of this capability plan "
         "plans for it")]
    [finding] = [f for f in findings if f.rule == "XREF-PROCESS-COVERAGE"]
    assert finding.hint == ("add a section with 'process: 问题管理', or remove 问题管理 "
                            "from the framework")


def test_a_capability_plan_may_plan_for_a_process_in_a_subsection(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": FRAMEWORK,
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="运维服务能力管理计划",
                                        role="capability_plan", sections="""\
            - title: 事件管理
              process: 事件管理
              body: [按事件管理程序处理事件。]
            - title: 其他过程
              sections:
                - title: 问题管理
                  process: 问题 管理
                  body: [按问题管理程序处理问题。]
        """),
    })
    assert of_rule(findings, "XREF-PROCESS-COVERAGE") == []


def test_management_processes_need_no_section_in_the_capability_plan(tmp_path):
    framework = document("DEMO-ITSS-0001", title="过程框架管理制度", kind="制度",
                         role="process_framework", facts="""\
        processes:
          - id: management
            name: 管理过程
            kind: management
            processes: [服务策划, 服务监督]
    """)
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": framework,
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="运维服务能力管理计划",
                                        role="capability_plan"),
    })
    assert of_rule(findings, "XREF-PROCESS-COVERAGE") == []


def test_documents_other_than_the_capability_plan_need_not_plan_for_processes(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": FRAMEWORK,
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="质量管理计划",
                                        role="quality_plan"),
    })
    assert of_rule(findings, "XREF-PROCESS-COVERAGE") == []


# --- XREF-ACTIVITY-OWNER -----------------------------------------------------------


def test_an_activity_led_by_different_owners_in_two_documents_is_reported(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            activities:
              audit:
                name: 内审
                kind: internal_audit
                owner: 管理者代表
        """),
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="质量管理计划", facts="""\
            activities:
              audit:
                name: 内部审核
                kind: internal_audit
                owner: 总经理
        """),
    })
    assert of_rule(findings, "XREF-ACTIVITY-OWNER") == [
        ("DEMO-ITSS-0002", 18,
         "内审 is led by 总经理 here, but 管理者代表 in DEMO-ITSS-0001, activities.audit, line 16")]
    [finding] = [f for f in findings if f.rule == "XREF-ACTIVITY-OWNER"]
    assert finding.hint == "decide who owns the activity and state it the same way everywhere"


def test_an_activity_with_different_responsible_departments_in_two_documents_is_reported(
        tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            activities:
              audit:
                name: 内审
                kind: internal_audit
                responsible: [质量部]
        """),
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="质量管理计划", facts="""\
            activities:
              audit:
                name: 内审
                kind: internal_audit
                responsible: [运维部, 质量部]
        """),
    })
    assert of_rule(findings, "XREF-ACTIVITY-OWNER") == [
        ("DEMO-ITSS-0002", 18,
         "内审 is the responsibility of 运维部、质量部 here, but 质量部 in DEMO-ITSS-0001, "
         "activities.audit, line 16")]


def test_an_activity_led_by_different_owners_within_one_document_is_reported(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            activities:
              review:
                name: 管理评审
                kind: management_review
                owner: 总经理
              review_again:
                name: 年度管理评审
                kind: management_review
                owner: 管理者代表
        """),
    })
    assert of_rule(findings, "XREF-ACTIVITY-OWNER") == [
        ("DEMO-ITSS-0001", 22,
         "管理评审 is led by 管理者代表 here, but 总经理 in activities.review, line 16")]


def test_an_activity_with_different_responsible_departments_within_one_document_is_reported(
        tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            activities:
              survey:
                name: 客户满意度调查
                kind: satisfaction_survey
                responsible: [服务台]
              survey_again:
                name: 年度满意度调查
                kind: satisfaction_survey
                responsible: [质量部]
        """),
    })
    assert of_rule(findings, "XREF-ACTIVITY-OWNER") == [
        ("DEMO-ITSS-0001", 22,
         "客户满意度调查 is the responsibility of 质量部 here, but 服务台 in activities.survey, "
         "line 16")]


def test_an_activity_owned_alike_in_every_document_passes(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            activities:
              audit:
                name: 内审
                kind: internal_audit
                responsible: [质量部, 运维部]
                owner: 管理者代表
        """),
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="质量管理计划", facts="""\
            activities:
              audit:
                name: 内审
                kind: internal_audit
                responsible: [运维部, 质量部]
                owner: 管理者 代表
              audit_plan:
                name: 内审计划编制
                kind: internal_audit
                responsible: [运维部, 质量部]
        """),
    })
    assert of_rule(findings, "XREF-ACTIVITY-OWNER") == []


def test_activities_of_kind_other_are_not_compared(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            activities:
              training:
                name: 培训
                responsible: [人力部]
                owner: 总经理
              drill:
                name: 应急演练
                responsible: [运维部]
                owner: 运维部经理
        """),
    })
    assert of_rule(findings, "XREF-ACTIVITY-OWNER") == []


# --- XREF-ACTIVITY-SCHEDULE --------------------------------------------------------


def test_an_activity_held_quarterly_in_one_document_and_yearly_in_another_is_reported(
        tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            activities:
              audit:
                name: 内审
                kind: internal_audit
                frequency: 每年一次
        """),
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="质量管理计划", facts="""\
            activities:
              audit:
                name: 内审
                kind: internal_audit
                when: 每季度
        """),
    })
    assert of_rule(findings, "XREF-ACTIVITY-SCHEDULE") == [
        ("DEMO-ITSS-0002", 18,
         "内审 happens 4 time(s) a year here (每季度), but 1 time(s) a year in DEMO-ITSS-0001, "
         "activities.audit, line 16")]
    [finding] = [f for f in findings if f.rule == "XREF-ACTIVITY-SCHEDULE"]
    assert finding.hint == "schedule the activity the same way in every document"


def test_a_frequency_is_reported_at_the_frequency_when_both_are_given(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            activities:
              analysis:
                name: 质量分析
                kind: quality_analysis
                frequency: 每月一次
              analysis_again:
                name: 质量分析会
                kind: quality_analysis
                when: 2025年12月
                frequency: 每季度一次
        """),
    })
    assert of_rule(findings, "XREF-ACTIVITY-SCHEDULE") == [
        ("DEMO-ITSS-0001", 23,
         "质量分析 happens 4 time(s) a year here (每季度一次), but 12 time(s) a year in activities.analysis, "
         "line 16")]


def test_at_least_once_a_year_agrees_with_a_single_month_of_the_year(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            activities:
              review:
                name: 管理评审
                kind: management_review
                frequency: 每年至少一次
        """),
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="质量管理计划", facts="""\
            activities:
              review:
                name: 管理评审
                kind: management_review
                when: 2025年10月
        """),
    })
    assert of_rule(findings, "XREF-ACTIVITY-SCHEDULE") == []


def test_a_schedule_that_cannot_be_counted_is_not_compared(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            activities:
              survey:
                name: 客户满意度调查
                kind: satisfaction_survey
                when: 全年
        """),
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="质量管理计划", facts="""\
            activities:
              survey:
                name: 客户满意度调查
                kind: satisfaction_survey
                frequency: 每季度
        """),
    })
    assert of_rule(findings, "XREF-ACTIVITY-SCHEDULE") == []


def test_two_months_of_one_year_agree_with_twice_a_year(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            activities:
              review:
                name: 管理评审
                kind: management_review
                frequency: 每半年一次
        """),
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="质量管理计划", facts="""\
            activities:
              review:
                name: 管理评审
                kind: management_review
                when: 2025年6月和2025年12月
        """),
    })
    assert of_rule(findings, "XREF-ACTIVITY-SCHEDULE") == []


def test_at_least_once_a_year_agrees_with_twice_a_year(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            activities:
              review:
                name: 管理评审
                kind: management_review
                frequency: 每年至少一次
        """),
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="质量管理计划", facts="""\
            activities:
              review:
                name: 管理评审
                kind: management_review
                frequency: 每半年一次
        """),
    })
    assert of_rule(findings, "XREF-ACTIVITY-SCHEDULE") == []


# --- XREF-DEPARTMENT ---------------------------------------------------------------


def test_unknown_departments_responsible_for_or_cooperating_in_an_activity_are_reported(
        tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            activities:
              audit:
                name: 内审
                responsible: [服务台, 质检部]
                cooperating: [各有关部门, 市场部]
        """),
    })
    assert of_rule(findings, "XREF-DEPARTMENT") == [
        ("DEMO-ITSS-0001", 17, "质检部 is not a department of 示例科技有限公司"),
        ("DEMO-ITSS-0001", 18, "市场部 is not a department of 示例科技有限公司")]
    assert {f.hint for f in findings if f.rule == "XREF-DEPARTMENT"} == {DEPARTMENTS_HINT}


def test_departments_units_and_collective_names_may_take_part_in_activities(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            department: 质量部
            activities:
              audit:
                name: 内审
                responsible: [服务台, 质量部]
                cooperating: [各有关部门, 人力部, 运维部]
        """),
    })
    assert of_rule(findings, "XREF-DEPARTMENT") == []


def test_a_document_drafted_by_an_unknown_department_is_reported(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="department: 客服部\n"),
    })
    assert of_rule(findings, "XREF-DEPARTMENT") == [
        ("DEMO-ITSS-0001", 14, "客服部 is not a department of 示例科技有限公司")]


def test_a_person_in_an_unknown_department_is_reported_against_the_organization(tmp_path):
    org = ORG.replace("    department: 质量部\n", "    department: 质检部\n")
    findings = check_tree(tmp_path, org=org, documents={"DEMO-ITSS-0001.yaml": document()})
    assert of_rule(findings, "XREF-DEPARTMENT") == [
        ("", 11, "质检部 is not a department of 示例科技有限公司")]
    [finding] = [f for f in findings if f.rule == "XREF-DEPARTMENT"]
    assert finding.location.file.name == "org.yaml"


def test_an_unknown_department_named_in_prose_is_reported(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(sections=paragraphs("客户部负责受理客户投诉。")),
    })
    assert of_rule(findings, "XREF-DEPARTMENT") == [
        ("DEMO-ITSS-0001", 17, "客户部 is not a department of 示例科技有限公司")]


def test_words_in_prose_that_only_look_like_departments_are_not_reported(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(sections=paragraphs(
            "人力部负责外部招聘，运维部负责系统部署，各有关部门配合。",
            "部分工作由技术部门承担，服务台负责受理。")),
    })
    assert of_rule(findings, "XREF-DEPARTMENT") == []


def test_a_known_department_whose_name_ends_like_another_is_not_reported(tmp_path):
    org = ORG.replace("  - name: 人力部\n", "  - name: 人力部\n  - name: 信息技术部\n")
    findings = check_tree(tmp_path, org=org, documents={
        "DEMO-ITSS-0001.yaml": document(sections=paragraphs("信息技术部负责系统运维。")),
    })
    assert of_rule(findings, "XREF-DEPARTMENT") == []


# --- XREF-OWNER-UNKNOWN ------------------------------------------------------------


def test_unknown_owners_of_kpis_and_activities_are_warned_about(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            kpis:
              sla:
                name: 服务级别达成率
                target: ≥95%
                owner: 运维经理
            activities:
              audit:
                name: 内审
                owner: 质量总监
        """),
    })
    assert of_rule(findings, "XREF-OWNER-UNKNOWN") == [
        ("DEMO-ITSS-0001", 18, "运维经理 is not a role, person or department of 示例科技有限公司"),
        ("DEMO-ITSS-0001", 22, "质量总监 is not a role, person or department of 示例科技有限公司")]
    ours = [f for f in findings if f.rule == "XREF-OWNER-UNKNOWN"]
    assert {(f.severity, f.hint) for f in ours} == {
        (Severity.WARNING, "add it to roles in org.yaml, or name a known owner")}


def test_roles_people_departments_and_units_are_known_owners(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="""\
            kpis:
              sla:
                name: 服务级别达成率
                target: ≥95%
                owner: 服务台
              recruitment:
                name: 招聘计划完成率
                target: ≥95%
                owner: 人力部
            activities:
              audit:
                name: 内审
                owner: 管理者代表
              survey:
                name: 客户满意度调查
                owner: 张三
        """),
    })
    assert of_rule(findings, "XREF-OWNER-UNKNOWN") == []


# --- XREF-DOCUMENT-KIND ------------------------------------------------------------


def test_a_plan_that_calls_itself_a_policy_is_reported(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(sections=paragraphs("本制度适用于公司运维服务。")),
    })
    assert of_rule(findings, "XREF-DOCUMENT-KIND") == [
        ("DEMO-ITSS-0001", 17, "this 计划 calls itself “本制度”, a 制度")]
    [finding] = [f for f in findings if f.rule == "XREF-DOCUMENT-KIND"]
    assert finding.hint == ("write “本计划”: the text was probably copied from another "
                            "document and not adapted")


def test_a_plan_that_calls_itself_this_specification_or_this_catalogue_is_reported(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(sections=paragraphs(
            "此规范由质量部负责解释。", "本服务目录自发布之日起实施。")),
    })
    assert of_rule(findings, "XREF-DOCUMENT-KIND") == [
        ("DEMO-ITSS-0001", 17, "this 计划 calls itself “此规范”, a 规范"),
        ("DEMO-ITSS-0001", 18, "this 计划 calls itself “本服务目录”, a 目录")]


def test_a_plan_that_calls_itself_a_plan_and_words_that_contain_a_kind_pass(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(sections=paragraphs(
            "本计划依据公司的基本制度编制，因此制度要求在本计划中落实。",
            "版本计划见修订记录。")),
    })
    assert of_rule(findings, "XREF-DOCUMENT-KIND") == []


def test_documents_may_call_themselves_by_a_synonym_of_their_kind(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(title="运维管理办法", kind="制度", sections=paragraphs(
            "本办法适用于运维服务。", "本规定由质量部负责解释。")),
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="服务目录", kind="目录",
                                        sections=paragraphs("本服务目录列出全部服务，本目录每年更新。")),
    })
    assert of_rule(findings, "XREF-DOCUMENT-KIND") == []


def test_this_plan_referring_back_to_a_plan_just_named_in_a_policy_passes(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(title="培训管理制度", kind="制度", sections=paragraphs(
            "人力部每年制定培训计划，此计划经总经理批准后执行。")),
    })
    assert of_rule(findings, "XREF-DOCUMENT-KIND") == []


def test_a_document_of_kind_other_is_not_told_what_to_call_itself(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(title="运维服务说明书", kind="其他", sections=paragraphs(
            "本规范适用于运维服务。")),
    })
    assert of_rule(findings, "XREF-DOCUMENT-KIND") == []
