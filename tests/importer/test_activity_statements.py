"""Recurring activities stated in prose become facts the cross-document checks compare:
who runs a plan's internal audit, management review or satisfaction survey."""

from __future__ import annotations

from docgen.importer.activity_statements import activities_in_prose

SECTIONS = [
    {"title": "运维服务质量内部评审", "body": [
        "运维服务能力内审由质量部负责组织实施，所有运维相关部门都应参与。"]},
    {"title": "管理评审", "body": [
        {"bullets": ["年度管理评审由总经理主持召开，每年度至少进行一次。"]}]},
    {"title": "满意度", "body": [
        {"p": "客户满意度调查由客服中心和质量部组织开展。"},
        "培训由人力部组织实施。"]},  # not a recurring activity the checks compare
]


def test_who_runs_each_recurring_activity_is_declared_where_the_prose_says_it():
    found = activities_in_prose(SECTIONS, {})
    assert found.activities == {
        "internal_audit": {"name": "运维服务能力内审", "kind": "internal_audit",
                           "responsible": ["质量部"]},
        "management_review": {"name": "管理评审", "kind": "management_review",
                              "owner": "总经理", "frequency": "每年度至少进行一次"},
        "satisfaction_survey": {"name": "客户满意度调查", "kind": "satisfaction_survey",
                                "responsible": ["客服中心", "质量部"]},
    }
    assert found.sources[("activities", "management_review")] == \
        ("sections", 1, "body", 0, "bullets", 0)
    assert [guess.path for guess in found.guesses] == [
        ("activities", "internal_audit"), ("activities", "management_review"),
        ("activities", "satisfaction_survey")]


def test_an_activity_a_table_declares_is_not_declared_again_from_prose():
    declared = {"audit": {"name": "内审", "kind": "internal_audit", "responsible": ["质量部"]}}
    found = activities_in_prose(SECTIONS, declared)
    assert "internal_audit" not in found.activities
    assert set(found.activities) == {"management_review", "satisfaction_survey"}


def test_a_sentence_that_names_no_one_declares_nothing():
    sections = [{"title": "评审", "body": ["管理评审每年开展一次。", "内审的结果由质量部汇总。"]}]
    assert activities_in_prose(sections, {}).activities == {}
