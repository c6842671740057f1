"""Declared signing roles: org.yaml's signoff says which signers every revision row names.

By default author, reviewer and approver are all required; an organization that declares
`signoff: {required: [approver]}` may name only the approver, and its documents show the
others blank. Rows are written with revision() of test_metadata: the first starts on line 6.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from docgen.cli import main
from docgen.content.loader import load_content
from docgen.content.resolve import resolve_content
from docgen.control.register import build_register
from docgen.errors import ContentError
from docgen.render.docx import frame_context
from docgen.style import template_filters
from docgen.wordml.reader import read_docx
from tests.checks.support import ORG, check_tree, document, of_rule
from tests.support.trees import REPO, demo_project

APPROVER_ONLY = ORG + "signoff:\n  required: [approver]\n"

ONLY_APPROVED = """\
  - version: V1.0
    date: 2025-01-07
    approver: 王五
    approve_date: 2025-01-09
    change: 首次发布
"""


def test_a_row_naming_only_its_approver_is_valid_where_only_the_approver_signs(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(revisions=ONLY_APPROVED)}, org=APPROVER_ONLY)
    assert [f for f in findings if f.rule.startswith("META-")] == []


def test_a_required_signer_left_out_is_refused_at_the_row(tmp_path):
    with pytest.raises(ContentError) as raised:
        check_tree(tmp_path, documents={"DEMO-ITSS-0001.yaml": document(revisions=ONLY_APPROVED)})
    said = sorted((p.location.line, p.message) for p in raised.value.problems)
    assert said == [(6, "the author of V1.0 is empty"), (6, "the review_date of V1.0 is missing"),
                    (6, "the reviewer of V1.0 is empty")]


def test_a_reviewer_without_a_review_date_is_refused(tmp_path):
    row = ONLY_APPROVED.replace("    approver:", "    reviewer: 李四\n    approver:")
    with pytest.raises(ContentError) as raised:
        check_tree(tmp_path, documents={"DEMO-ITSS-0001.yaml": document(revisions=row)},
                   org=APPROVER_ONLY)
    [problem] = raised.value.problems
    assert (problem.location.line, problem.message) == (6, "the review_date of V1.0 is missing")
    assert problem.hint == "give the date V1.0 was reviewed, as review_date: 2025-01-07"


def test_the_rules_still_compare_the_signers_and_dates_that_are_given(tmp_path):
    row = ONLY_APPROVED.replace("    approver:", "    reviewer: 李四\n    review_date: 2025-01-06\n"
                                "    approver:")
    findings = check_tree(tmp_path, documents={"DEMO-ITSS-0001.yaml": document(revisions=row)},
                          org=APPROVER_ONLY)
    assert [f.rule for f in findings if f.rule.startswith("META-")] == ["META-SIGNOFF-DATES"]
    assert of_rule(findings, "META-SELF-APPROVAL") == []


def test_the_frame_shows_blanks_for_signers_left_out(tmp_path):
    demo_project(tmp_path, org=APPROVER_ONLY, templates=False, documents={
        "DEMO-ITSS-0001.yaml": document(revisions=ONLY_APPROVED)})
    [resolved] = resolve_content(load_content(tmp_path / "content")).documents
    context = frame_context(resolved)
    assert {k: str(v) for k, v in context["signoff"].items()} == {
        "author": "", "author_date": "", "reviewer": "", "review_date": "",
        "approver": "王五", "approve_date": "2025.01.09"}
    [row] = context["revisions"]
    assert (row["author"], row["reviewer"], row["review_date"]) == ("", "", "")
    assert template_filters(resolved.style)["date"](row["review_date"], "%Y年") == ""
    [organization] = resolve_content(load_content(tmp_path / "content")).organizations
    [entry] = build_register(organization).current
    assert (entry.author, entry.reviewer, entry.approver) == ("", "", "王五")


def test_a_document_naming_only_its_approver_builds_valid_for_word(runner, tmp_path, in_folder):
    in_folder(demo_project(tmp_path, org=APPROVER_ONLY, documents={
        "DEMO-ITSS-0001.yaml": document(revisions=ONLY_APPROVED)}))
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    [built] = (tmp_path / "output" / "demo").glob("*.docx")
    texts = [cell.text for table in read_docx(built).tables for row in table.rows
             for cell in row]
    assert "王五" in texts and "None" not in " ".join(texts)
    validator = REPO / "tests" / "support" / "ooxml" / "validate_docx.py"
    checked = subprocess.run([sys.executable, str(validator), "-q", str(built)],
                             capture_output=True, text=True, timeout=600)
    assert checked.returncode == 0, checked.stdout + checked.stderr
