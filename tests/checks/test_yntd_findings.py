"""docgen check on the bundled YNTD documents reports their real defects, and only those.

Each finding below is a defect of the original documents, kept in the transcription
for the checker to find; a new finding here is either a new defect or a false alarm,
and must be looked at before this list is changed.
"""

from __future__ import annotations

from docgen.build import check

EXPECTED = [
    # 4.4.6 gives 变更成功率 the formula of 问题解决率 (4.4.5), then its own one as well.
    ("KPI-FORMULA-BORROWED", "error", "YNTD-ITSS-0303", 121, 14,
     "the formula given for 变更成功率 (实际解决的问题数/问题总数 × 100 %) is the formula of "
     "问题解决率 (kpis.problem_resolution_rate, line 114)"),
    ("KPI-FORMULA-MISMATCH", "error", "YNTD-ITSS-0303", 126, 14,
     "变更成功率 has the formula 变更成功次数/变更的次数 × 100 % here, but 实际解决的问题数/问题总数 "
     "× 100 % in kpis.change_success_rate_copied, line 120"),
    # 客户满意度 (4.2.2 and 4.7.3) and SLA达成率 (4.4.2 and 4.7.4) are each stated twice.
    ("KPI-DUPLICATE", "warning", "YNTD-ITSS-0303", 163, 5,
     "客户满意度 is stated twice in this document (also kpis.customer_satisfaction, line 58)"),
    ("KPI-DUPLICATE", "warning", "YNTD-ITSS-0303", 166, 5,
     "SLA达成率 is stated twice in this document (also kpis.sla_rate, line 97)"),
    # The framework names 采购管理 a support process; the capability plan never plans it.
    ("XREF-PROCESS-COVERAGE", "error", "YNTD-ITSS-0303", 187, 3,
     "YNTD-ITSS-0600 names 采购管理 a 支撑过程, but no section of this capability plan plans "
     "for it"),
    # 4.1.2 points at 4.1.1 as “人员招聘计划”; the section is titled 人才招聘计划.
    ("STRUCT-REFERENCE", "error", "YNTD-ITSS-0303", 238, 17,
     "refers to “人员招聘计划” as 第1小节 (4.1.1.), but 4.1.1. is titled “人才招聘计划”"),
    # 4.4.4's list goes 1, 2, 4.
    ("STRUCT-LIST-NUMBERING", "warning", "YNTD-ITSS-0303", 405, 21,
     "in §4.4.4. 事件管理, a list item is numbered 4 after 2: 3 is skipped"),
    # 4.7.3 has complaints collected by a 客户部 the company does not have.
    ("XREF-DEPARTMENT", "error", "YNTD-ITSS-0303", 500, 17,
     "客户部 is not a department of 云南腾电科技有限公司"),
    # The capability plan's 附则 was copied from a policy: "本制度…".
    ("XREF-DOCUMENT-KIND", "error", "YNTD-ITSS-0303", 512, 13,
     "this 计划 calls itself “本制度”, a 制度"),
    ("XREF-DOCUMENT-KIND", "error", "YNTD-ITSS-0303", 513, 13,
     "this 计划 calls itself “本制度”, a 制度"),
    # Management review: 总经理 in the capability plan, 管理者代表 in the quality plan.
    ("XREF-ACTIVITY-OWNER", "error", "YNTD-ITSS-0417", 86, 12,
     "管理评审 is led by 管理者代表 here, but 总经理 in YNTD-ITSS-0303, "
     "activities.management_review, line 177"),
    # The quality plan's §7 table numbers its rows 1-6, 8, 9.
    ("STRUCT-LIST-NUMBERING", "warning", "YNTD-ITSS-0417", 89, 5,
     "in §7. 运维服务质量管理计划, an activity is numbered 8 after 6: 7 is skipped"),
    # §6.3 gives the survey to 服务台和质量部; the §7 table to 运维部、质量部.
    ("XREF-ACTIVITY-OWNER", "error", "YNTD-ITSS-0417", 114, 18,
     "客户满意度调查 is the responsibility of 服务台、质量部 here, but 运维部、质量部 in "
     "activities.satisfaction_survey, line 61"),
    # The quality plan calls itself a service catalogue (§1) and a handbook (§2).
    ("XREF-DOCUMENT-KIND", "error", "YNTD-ITSS-0417", 120, 9,
     "this 计划 calls itself “此服务目录”, a 目录"),
    ("XREF-DOCUMENT-KIND", "error", "YNTD-ITSS-0417", 124, 9,
     "this 计划 calls itself “本手册”, a 手册"),
    # The framework's scope (§2) and its tables (§6.2, §6.3) name different processes.
    ("STRUCT-ENUMERATION-TABLE", "error", "YNTD-ITSS-0600", 23, 25,
     "服务台管理 is named a 核心过程, but the table in §6.2. 核心过程管理要求, which details the "
     "核心过程, has no row for it"),
    ("STRUCT-ENUMERATION-TABLE", "error", "YNTD-ITSS-0600", 26, 42,
     "采购管理 is named a 支撑过程, but the table in §6.3. 支撑过程管理要求, which details the "
     "支撑过程, has no row for it"),
    ("STRUCT-ENUMERATION-TABLE", "error", "YNTD-ITSS-0600", 120, 19,
     "the table in §6.2. 核心过程管理要求 details 服务报告管理 as a 核心过程, but the list of "
     "核心过程 does not name it"),
]


def test_the_yntd_documents_have_exactly_their_real_defects(yntd_project):
    findings = check(yntd_project).findings
    assert [(f.rule, str(f.severity), f.document, f.location.line, f.location.column, f.text)
            for f in findings] == EXPECTED
    assert {f.location.file.name for f in findings} == {
        "YNTD-ITSS-0303.yaml", "YNTD-ITSS-0417.yaml", "YNTD-ITSS-0600.yaml"}
    assert all(f.hint for f in findings)
