"""Findings that read differently by case, each case a whole sentence of its own: a
citation of a withdrawn document with or without its date, and schedules that say
"at least" on one side, seen from the same document or from another.
"""

from __future__ import annotations

import pytest

from tests.checks.support import check_tree, document, of_rule

CITING = document(sections="""\
    - title: 目的
      body:
        - 依据《旧版管理制度》执行。
""")


def withdrawn(header: str) -> str:
    return document("DEMO-ITSS-0009", title="旧版管理制度", kind="制度").replace(
        "revisions:\n", header + "revisions:\n")


@pytest.mark.parametrize("header, sentence", [
    ("status: withdrawn\nwithdrawn_on: 2025-04-01\n",
     "cites 《旧版管理制度》, which was withdrawn on 2025-04-01"),
    ("status: withdrawn\n", "cites 《旧版管理制度》, which was withdrawn"),
], ids=["dated", "undated"])
def test_a_citation_of_a_withdrawn_document_says_when_it_was_withdrawn_if_known(
        tmp_path, header, sentence):
    findings = check_tree(tmp_path, documents={"DEMO-ITSS-0001.yaml": CITING,
                                               "DEMO-ITSS-0009.yaml": withdrawn(header)})
    assert of_rule(findings, "XREF-UNKNOWN-DOCUMENT") == [("DEMO-ITSS-0001", 17, sentence)]
    assert [f.hint for f in findings if f.rule == "XREF-UNKNOWN-DOCUMENT"] == [
        "cite the document that replaces it, or remove the citation"]


def audit(key: str, frequency: str) -> str:
    return f"  {key}:\n    name: 内审\n    kind: internal_audit\n    frequency: {frequency}\n"


SCHEDULES = {
    "at least here": ("每年至少两次", "每年一次",
                      "内审 happens at least 2 time(s) a year here (每年至少两次), but 1 time(s) "
                      "a year in {where}"),
    "at least there": ("每年一次", "每年至少两次",
                       "内审 happens 1 time(s) a year here (每年一次), but at least 2 time(s) a "
                       "year in {where}"),
}


@pytest.mark.parametrize("case", SCHEDULES)
def test_schedules_that_contradict_across_documents_say_which_side_says_at_least(
        tmp_path, case):
    here, there, sentence = SCHEDULES[case]
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts="activities:\n" + audit("audit", there)),
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002", title="质量管理计划",
                                        facts="activities:\n" + audit("audit", here))})
    assert of_rule(findings, "XREF-ACTIVITY-SCHEDULE") == [
        ("DEMO-ITSS-0002", 18,
         sentence.format(where="DEMO-ITSS-0001, activities.audit, line 16"))]


@pytest.mark.parametrize("case", SCHEDULES)
def test_schedules_that_contradict_within_a_document_say_which_side_says_at_least(
        tmp_path, case):
    here, there, sentence = SCHEDULES[case]
    findings = check_tree(tmp_path, documents={"DEMO-ITSS-0001.yaml": document(
        facts="activities:\n" + audit("audit", there) + audit("audit_again", here))})
    assert of_rule(findings, "XREF-ACTIVITY-SCHEDULE") == [
        ("DEMO-ITSS-0001", 22, sentence.format(where="activities.audit, line 16"))]
