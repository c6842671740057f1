"""Metadata rules: the revision history, who signs and when, and document numbers.

Every document below is built with document(): its header takes lines 1-4 and its
revision rows start at line 6, eight lines each (version, author, date, reviewer,
review_date, approver, approve_date, change), so the second row's version is on line 14.
"""

from __future__ import annotations

from pathlib import Path

from tests.checks.support import ORG, check_tree, document, of_rule
from tests.support.trees import write_tree


def revision(version: str = "V1.0", *, author: str = "张三", date: str = "2025-01-07",
             reviewer: str = "李四", review_date: str = "2025-01-08", approver: str = "王五",
             approve_date: str = "2025-01-09", change: str = "首次发布") -> str:
    """Return one revision row, eight lines long, as document(revisions=...) takes it."""
    return (f"  - version: {version}\n    author: {author}\n    date: {date}\n"
            f"    reviewer: {reviewer}\n    review_date: {review_date}\n"
            f"    approver: {approver}\n    approve_date: {approve_date}\n"
            f"    change: {change}\n")


def check_revisions(tmp_path: Path, revisions: str, org: str = ORG):
    return check_tree(tmp_path, documents={"DEMO-ITSS-0001.yaml": document(revisions=revisions)},
                      org=org)


# An organization whose 赵六 may sign in every role, so that a rule about one person
# signing twice is not drowned by META-SIGNER-ROLE.
ORG_WITH_ALL_ROUNDER = """\
name: 示例科技有限公司
prefix: DEMO
departments:
  - name: 质量部
people:
  - name: 张三
    signs: [author]
  - name: 李四
    signs: [reviewer]
  - name: 王五
    signs: [approver]
  - name: 赵六
    signs: [author, reviewer, approver]
"""


# --- META-REVISION-ORDER ---------------------------------------------------------


def test_a_version_lower_than_the_previous_one_is_reported(tmp_path):
    findings = check_revisions(tmp_path, revision("V1.1") + revision(
        "V1.0", date="2025-02-01", review_date="2025-02-02", approve_date="2025-02-03"))
    assert of_rule(findings, "META-REVISION-ORDER") == [
        ("DEMO-ITSS-0001", 14, "revision V1.0 follows V1.1: versions must increase from row "
                               "to row")]
    [finding] = [f for f in findings if f.rule == "META-REVISION-ORDER"]
    assert finding.hint == "list the revisions oldest first, each with a higher version"


def test_a_version_repeated_in_the_next_row_is_reported(tmp_path):
    findings = check_revisions(tmp_path, revision("V1.0") + revision(
        "V1.0", date="2025-02-01", review_date="2025-02-02", approve_date="2025-02-03"))
    assert of_rule(findings, "META-REVISION-ORDER") == [
        ("DEMO-ITSS-0001", 14, "revision V1.0 follows V1.0: versions must increase from row "
                               "to row")]


def test_versions_compare_as_numbers_so_v1_10_follows_v1_9(tmp_path):
    findings = check_revisions(tmp_path, revision("V1.9") + revision(
        "V1.10", date="2025-02-01", review_date="2025-02-02", approve_date="2025-02-03"))
    assert of_rule(findings, "META-REVISION-ORDER") == []


def test_a_revision_written_before_the_previous_one_was_approved_is_reported(tmp_path):
    findings = check_revisions(tmp_path, revision("V1.0") + revision(
        "V1.1", date="2025-01-08", review_date="2025-01-10", approve_date="2025-01-11",
        change="修订KPI目标"))
    assert of_rule(findings, "META-REVISION-ORDER") == [
        ("DEMO-ITSS-0001", 16, "revision V1.1 is dated 2025-01-08, before V1.0 was approved on "
                               "2025-01-09")]
    [finding] = [f for f in findings if f.rule == "META-REVISION-ORDER"]
    assert finding.hint == "correct the date, or the order of the revision rows"


def test_a_revision_written_on_the_day_the_previous_one_was_approved_is_fine(tmp_path):
    findings = check_revisions(tmp_path, revision("V1.0") + revision(
        "V1.1", date="2025-01-09", review_date="2025-01-10", approve_date="2025-01-11",
        change="修订KPI目标"))
    assert of_rule(findings, "META-REVISION-ORDER") == []


def test_rows_in_version_order_each_written_after_the_last_approval_are_fine(tmp_path):
    findings = check_revisions(tmp_path, revision("V1.0") + revision(
        "V1.1", date="2025-03-01", review_date="2025-03-02", approve_date="2025-03-03")
        + revision("V2.0", date="2025-06-01", review_date="2025-06-02",
                   approve_date="2025-06-03"))
    assert of_rule(findings, "META-REVISION-ORDER") == []


# --- META-SIGNOFF-DATES ----------------------------------------------------------


def test_a_review_before_the_writing_date_is_reported(tmp_path):
    findings = check_revisions(tmp_path, revision(
        date="2025-01-07", review_date="2025-01-06", approve_date="2025-01-09"))
    assert of_rule(findings, "META-SIGNOFF-DATES") == [
        ("DEMO-ITSS-0001", 10, "V1.0 is reviewed on 2025-01-06, before it was written on "
                               "2025-01-07")]
    [finding] = [f for f in findings if f.rule == "META-SIGNOFF-DATES"]
    assert finding.hint == "review dates cannot precede the writing date; correct one of them"


def test_an_approval_before_the_review_is_reported(tmp_path):
    findings = check_revisions(tmp_path, revision(
        date="2025-01-07", review_date="2025-01-08", approve_date="2025-01-07"))
    assert of_rule(findings, "META-SIGNOFF-DATES") == [
        ("DEMO-ITSS-0001", 12, "V1.0 is approved on 2025-01-07, before it was reviewed on "
                               "2025-01-08")]
    [finding] = [f for f in findings if f.rule == "META-SIGNOFF-DATES"]
    assert finding.hint == "approval comes after review; correct one of the dates"


def test_dates_in_reverse_order_report_both_the_review_and_the_approval(tmp_path):
    findings = check_revisions(tmp_path, revision(
        date="2025-01-09", review_date="2025-01-08", approve_date="2025-01-07"))
    assert of_rule(findings, "META-SIGNOFF-DATES") == [
        ("DEMO-ITSS-0001", 10, "V1.0 is reviewed on 2025-01-08, before it was written on "
                               "2025-01-09"),
        ("DEMO-ITSS-0001", 12, "V1.0 is approved on 2025-01-07, before it was reviewed on "
                               "2025-01-08")]


def test_the_dates_of_every_row_are_checked_not_only_the_current_one(tmp_path):
    findings = check_revisions(tmp_path, revision(
        date="2025-01-07", review_date="2025-01-06", approve_date="2025-01-09") + revision(
        "V1.1", date="2025-02-01", review_date="2025-02-02", approve_date="2025-02-03"))
    assert of_rule(findings, "META-SIGNOFF-DATES") == [
        ("DEMO-ITSS-0001", 10, "V1.0 is reviewed on 2025-01-06, before it was written on "
                               "2025-01-07")]


def test_writing_review_and_approval_on_the_same_day_is_fine(tmp_path):
    findings = check_revisions(tmp_path, revision(
        date="2025-01-07", review_date="2025-01-07", approve_date="2025-01-07"))
    assert of_rule(findings, "META-SIGNOFF-DATES") == []


# --- META-SELF-APPROVAL and META-SELF-REVIEW ---------------------------------------


def test_an_author_who_approves_their_own_version_is_reported(tmp_path):
    findings = check_revisions(tmp_path, revision(author="赵六", approver="赵六"),
                               org=ORG_WITH_ALL_ROUNDER)
    assert of_rule(findings, "META-SELF-APPROVAL") == [
        ("DEMO-ITSS-0001", 11, "赵六 both wrote and approved V1.0")]
    [finding] = [f for f in findings if f.rule == "META-SELF-APPROVAL"]
    assert finding.hint == "have the version approved by someone other than its author"
    assert str(finding.severity) == "error"


def test_an_author_who_reviews_but_does_not_approve_is_not_self_approval(tmp_path):
    findings = check_revisions(tmp_path, revision(author="赵六", reviewer="赵六"),
                               org=ORG_WITH_ALL_ROUNDER)
    assert of_rule(findings, "META-SELF-APPROVAL") == []


def test_an_author_who_reviews_their_own_version_is_warned_about(tmp_path):
    findings = check_revisions(tmp_path, revision(author="赵六", reviewer="赵六"),
                               org=ORG_WITH_ALL_ROUNDER)
    assert of_rule(findings, "META-SELF-REVIEW") == [
        ("DEMO-ITSS-0001", 9, "赵六 both wrote and reviewed V1.0")]
    [finding] = [f for f in findings if f.rule == "META-SELF-REVIEW"]
    assert finding.hint == "have the version reviewed by someone other than its author"
    assert str(finding.severity) == "warning"


def test_the_same_person_reviewing_and_approving_is_not_self_review(tmp_path):
    findings = check_revisions(tmp_path, revision(reviewer="赵六", approver="赵六"),
                               org=ORG_WITH_ALL_ROUNDER)
    assert of_rule(findings, "META-SELF-REVIEW") == []
    assert of_rule(findings, "META-SELF-APPROVAL") == []


def test_an_earlier_self_approved_row_is_reported_at_its_own_line(tmp_path):
    findings = check_revisions(tmp_path, revision(author="赵六", approver="赵六") + revision(
        "V1.1", date="2025-02-01", review_date="2025-02-02", approve_date="2025-02-03"),
        org=ORG_WITH_ALL_ROUNDER)
    assert of_rule(findings, "META-SELF-APPROVAL") == [
        ("DEMO-ITSS-0001", 11, "赵六 both wrote and approved V1.0")]


# --- META-SIGNER-ROLE ------------------------------------------------------------


def test_a_signer_in_a_role_they_may_not_sign_in_is_reported(tmp_path):
    findings = check_revisions(tmp_path, revision(approver="李四"))
    assert of_rule(findings, "META-SIGNER-ROLE") == [
        ("DEMO-ITSS-0001", 11, "李四 signs V1.0 as 批准 (approver), but may sign only as: "
                               "审核 (reviewer)")]
    [finding] = [f for f in findings if f.rule == "META-SIGNER-ROLE"]
    assert finding.hint == ("choose a signer who may sign as approver, or add 'approver' to "
                            "李四's signs in org.yaml")


def test_a_signer_with_several_roles_is_told_all_of_them(tmp_path):
    org = ORG_WITH_ALL_ROUNDER.replace("  - name: 王五\n    signs: [approver]\n",
                                       "  - name: 王五\n    signs: [reviewer, approver]\n")
    findings = check_revisions(tmp_path, revision(author="王五"), org=org)
    assert of_rule(findings, "META-SIGNER-ROLE") == [
        ("DEMO-ITSS-0001", 7, "王五 signs V1.0 as 编制 (author), but may sign only as: "
                              "审核 (reviewer), 批准 (approver)")]


def test_a_person_who_may_sign_nothing_is_told_so(tmp_path):
    org = ORG_WITH_ALL_ROUNDER + "  - name: 孙七\n    department: 质量部\n"
    findings = check_revisions(tmp_path, revision(reviewer="孙七"), org=org)
    assert of_rule(findings, "META-SIGNER-ROLE") == [
        ("DEMO-ITSS-0001", 9, "孙七 signs V1.0 as 审核 (reviewer), but may sign only as: "
                              "nothing")]


def test_signers_each_in_a_role_they_may_sign_in_are_fine(tmp_path):
    findings = check_revisions(tmp_path, revision() + revision(
        "V1.1", author="赵六", reviewer="李四", approver="王五", date="2025-02-01",
        review_date="2025-02-02", approve_date="2025-02-03"), org=ORG_WITH_ALL_ROUNDER)
    assert of_rule(findings, "META-SIGNER-ROLE") == []


# --- META-NUMBER-PREFIX ----------------------------------------------------------


def test_a_number_without_the_organizations_prefix_is_reported(tmp_path):
    findings = check_tree(tmp_path, documents={
        "ACME-ITSS-0001.yaml": document("ACME-ITSS-0001")})
    assert of_rule(findings, "META-NUMBER-PREFIX") == [
        ("ACME-ITSS-0001", 1, "ACME-ITSS-0001 does not start with the organization's prefix "
                              "DEMO-")]
    [finding] = [f for f in findings if f.rule == "META-NUMBER-PREFIX"]
    assert finding.hint == "renumber it as DEMO-..., or check org.yaml's prefix"


def test_a_number_that_only_begins_with_the_prefixs_letters_is_reported(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMOX-ITSS-0001.yaml": document("DEMOX-ITSS-0001")})
    assert of_rule(findings, "META-NUMBER-PREFIX") == [
        ("DEMOX-ITSS-0001", 1, "DEMOX-ITSS-0001 does not start with the organization's prefix "
                               "DEMO-")]


def test_a_number_with_the_organizations_prefix_is_fine(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document("DEMO-ITSS-0001"),
        "DEMO-QM-0002.yaml": document("DEMO-QM-0002")})
    assert of_rule(findings, "META-NUMBER-PREFIX") == []


# --- META-FILE-NAME --------------------------------------------------------------


def test_a_file_not_named_by_its_documents_number_is_reported(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0001")})
    assert of_rule(findings, "META-FILE-NAME") == [
        ("DEMO-ITSS-0001", 1, "the file DEMO-ITSS-0002.yaml holds document DEMO-ITSS-0001")]
    [finding] = [f for f in findings if f.rule == "META-FILE-NAME"]
    assert finding.hint == "rename the file to DEMO-ITSS-0001.yaml"
    assert finding.location.file.name == "DEMO-ITSS-0002.yaml"


def test_a_file_named_by_its_number_is_fine_with_either_yaml_suffix(tmp_path):
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document("DEMO-ITSS-0001"),
        "DEMO-ITSS-0002.yml": document("DEMO-ITSS-0002")})
    assert of_rule(findings, "META-FILE-NAME") == []


# --- META-NUMBER-UNIQUE ----------------------------------------------------------

BRANCH_ORG = """\
name: 示例科技分公司
prefix: DEMO
departments:
  - name: 质量部
people:
  - name: 张三
    signs: [author]
  - name: 李四
    signs: [reviewer]
  - name: 王五
    signs: [approver]
"""


def test_a_number_used_by_two_organizations_is_reported_for_both_documents(tmp_path):
    write_tree(tmp_path, {"content/branch/org.yaml": BRANCH_ORG,
                          "content/branch/DEMO-ITSS-0001.yaml": document("DEMO-ITSS-0001")})
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document("DEMO-ITSS-0001")})
    assert of_rule(findings, "META-NUMBER-UNIQUE") == [
        ("DEMO-ITSS-0001", 1, "DEMO-ITSS-0001 is also the number of a document of "
                              "示例科技有限公司 (demo/DEMO-ITSS-0001.yaml)"),
        ("DEMO-ITSS-0001", 1, "DEMO-ITSS-0001 is also the number of a document of "
                              "示例科技分公司 (branch/DEMO-ITSS-0001.yaml)")]
    assert [f.location.file.parent.name for f in findings
            if f.rule == "META-NUMBER-UNIQUE"] == ["branch", "demo"]
    assert {f.hint for f in findings if f.rule == "META-NUMBER-UNIQUE"} == {
        "give each document its own number"}


def test_two_organizations_with_different_numbers_are_fine(tmp_path):
    write_tree(tmp_path, {"content/branch/org.yaml": BRANCH_ORG,
                          "content/branch/DEMO-ITSS-0002.yaml": document("DEMO-ITSS-0002")})
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document("DEMO-ITSS-0001")})
    assert of_rule(findings, "META-NUMBER-UNIQUE") == []
