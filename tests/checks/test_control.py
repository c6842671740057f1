"""Document-control rules: a released version is frozen, and release records match revisions.

Every tree below holds a document built with document() (its revision rows start at
line 6, eight lines each, so the second row's version is on line 14) and its release
records in releases/DEMO-ITSS-0001.yaml, written inline with the fingerprint of the
document text as it was released.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docgen.checks import Severity
from docgen.content.fingerprint import content_fingerprint
from docgen.content.schema import Document
from docgen.content.validation import validate
from docgen.content.yaml_source import parse_yaml
from docgen.control.release import release
from docgen.project import Project
from tests.checks.support import ORG, REVISION, check_tree, document, of_rule
from tests.support.trees import SECOND_REVISION, TEMPLATES, write_tree

RECORDS = "releases/DEMO-ITSS-0001.yaml"
RELEASED = document()
EDITED = document(sections="  - title: 目的\n    body:\n      - 为了规范运维服务工作。\n")
BUMPED = document(revisions=REVISION + SECOND_REVISION,
                  sections="  - title: 目的\n    body:\n      - 为了规范运维服务工作。\n")


def fingerprint(text: str) -> str:
    """The fingerprint docgen records for a document file holding `text`."""
    return content_fingerprint(validate(Document, parse_yaml(text, Path("DEMO-ITSS-0001.yaml"))))


def records(*items: str) -> str:
    return "releases:\n" + "".join(items)


def record(version: str, text: str, *, on: str = "2025-02-01", forced: str | None = None) -> str:
    """One release record of `version`, fingerprinting the document `text`; 3 or 4 lines."""
    return (f"  - version: {version}\n    released_on: {on}\n"
            f"    fingerprint: {fingerprint(text)}\n"
            + (f"    forced: {forced}\n" if forced is not None else ""))


def check(tmp_path: Path, text: str, releases: str):
    return check_tree(tmp_path, documents={"DEMO-ITSS-0001.yaml": text, RECORDS: releases})


def only(findings, rule: str):
    [finding] = [f for f in findings if f.rule == rule]
    return finding


# --- CONTROL-RELEASED-CHANGED ----------------------------------------------------------


def test_a_released_version_whose_content_changed_is_reported_at_its_version(tmp_path):
    findings = check(tmp_path, EDITED, records(record("V1.0", RELEASED)))
    assert of_rule(findings, "CONTROL-RELEASED-CHANGED") == [
        ("DEMO-ITSS-0001", 6, "DEMO-ITSS-0001 V1.0 was released on 2025-02-01, but its content "
                              "has changed since")]
    finding = only(findings, "CONTROL-RELEASED-CHANGED")
    assert finding.severity is Severity.ERROR
    assert finding.location.file.name == "DEMO-ITSS-0001.yaml"
    assert finding.location.column == 14
    assert finding.hint == ("record the change as a new version (docgen bump DEMO-ITSS-0001 "
                            "--minor …), or undo the edit")


def test_a_released_version_left_as_it_was_released_is_not_reported(tmp_path):
    findings = check(tmp_path, RELEASED, records(record("V1.0", RELEASED)))
    assert of_rule(findings, "CONTROL-RELEASED-CHANGED") == []
    assert findings == []


def test_a_change_recorded_as_a_new_draft_version_is_not_reported(tmp_path):
    findings = check(tmp_path, BUMPED, records(record("V1.0", RELEASED)))
    assert of_rule(findings, "CONTROL-RELEASED-CHANGED") == []


def test_a_change_to_the_second_released_version_is_reported_at_its_revision_row(tmp_path):
    changed = BUMPED.replace("为了规范运维服务工作。", "为了规范和改进运维服务工作。")
    findings = check(tmp_path, changed, records(record("V1.0", RELEASED),
                                                record("V1.1", BUMPED, on="2025-03-05")))
    assert of_rule(findings, "CONTROL-RELEASED-CHANGED") == [
        ("DEMO-ITSS-0001", 14, "DEMO-ITSS-0001 V1.1 was released on 2025-03-05, but its content "
                               "has changed since")]


def test_comments_quoting_and_indentation_are_not_content(tmp_path):
    reformatted = ("# 示例管理计划\n"
                   + RELEASED.replace("title: 示例管理计划", 'title: "示例管理计划"')
                   .replace("kind: 计划", "kind: '计划'   # 不是制度")
                   .replace("sections:\n  - title: 目的\n    body:\n      - 为了规范运维服务。\n",
                            "sections:\n    - {title: 目的, body: [为了规范运维服务。]}\n"))
    assert reformatted != RELEASED
    findings = check(tmp_path, reformatted, records(record("V1.0", RELEASED)))
    assert findings == []


def test_putting_a_withdrawn_document_back_in_force_is_not_a_change_to_its_content(tmp_path):
    back = RELEASED.replace("revisions:\n", "status: current\nwithdrawn_on: 2025-04-01\n"
                                            "withdrawn_reason: 被新制度替代\nrevisions:\n")
    findings = check(tmp_path, back, records(record("V1.0", RELEASED)))
    assert findings == []


def test_writing_a_date_in_another_accepted_notation_is_not_a_change(tmp_path):
    renotated = RELEASED.replace("date: 2025-01-07", "date: 2025.1.7")
    assert renotated != RELEASED
    findings = check(tmp_path, renotated, records(record("V1.0", RELEASED)))
    assert of_rule(findings, "CONTROL-RELEASED-CHANGED") == []


def test_a_release_made_by_docgen_release_matches_its_content(tmp_path):
    write_tree(tmp_path, {"content/demo/org.yaml": ORG,
                          "content/demo/DEMO-ITSS-0001.yaml": RELEASED})
    project = Project(tmp_path / "content", TEMPLATES, tmp_path / "output")
    result = release(project, "DEMO-ITSS-0001", on=dt.date(2025, 2, 1))
    assert result.document.fingerprint == fingerprint(RELEASED)
    findings = check(tmp_path, RELEASED, result.record_file.read_text(encoding="utf-8"))
    assert findings == []
    findings = check(tmp_path, EDITED, result.record_file.read_text(encoding="utf-8"))
    assert [f.rule for f in findings] == ["CONTROL-RELEASED-CHANGED"]


# --- CONTROL-RELEASE-UNKNOWN-VERSION ---------------------------------------------------


def test_a_record_of_a_version_missing_from_the_revisions_is_reported_in_the_records(tmp_path):
    findings = check(tmp_path, RELEASED, records(record("V1.2", RELEASED)))
    assert of_rule(findings, "CONTROL-RELEASE-UNKNOWN-VERSION") == [
        ("DEMO-ITSS-0001", 2, "V1.2 of DEMO-ITSS-0001 was released on 2025-02-01, but the "
                              "revision history has no such version")]
    finding = only(findings, "CONTROL-RELEASE-UNKNOWN-VERSION")
    assert finding.severity is Severity.ERROR
    assert finding.location.file == tmp_path / "content/demo" / RECORDS
    assert finding.location.column == 14
    assert finding.hint == "restore the revision row; a released version stays in the history"


def test_a_revision_row_removed_after_its_release_is_reported(tmp_path):
    findings = check(tmp_path, RELEASED, records(record("V1.0", RELEASED),
                                                 record("V1.1", BUMPED, on="2025-03-05")))
    assert of_rule(findings, "CONTROL-RELEASE-UNKNOWN-VERSION") == [
        ("DEMO-ITSS-0001", 5, "V1.1 of DEMO-ITSS-0001 was released on 2025-03-05, but the "
                              "revision history has no such version")]


def test_records_of_earlier_versions_still_in_the_history_are_not_reported(tmp_path):
    findings = check(tmp_path, BUMPED, records(record("V1.0", RELEASED),
                                               record("V1.1", BUMPED, on="2025-03-05")))
    assert of_rule(findings, "CONTROL-RELEASE-UNKNOWN-VERSION") == []
    assert findings == []


# --- CONTROL-FORCED-RELEASE --------------------------------------------------------------


def test_a_version_in_force_released_with_force_is_a_warning_at_the_forced_flag(tmp_path):
    findings = check(tmp_path, RELEASED, records(record("V1.0", RELEASED, forced="true")))
    assert of_rule(findings, "CONTROL-FORCED-RELEASE") == [
        ("DEMO-ITSS-0001", 5, "DEMO-ITSS-0001 V1.0 was released on 2025-02-01 with --force, "
                              "despite errors found by the checks")]
    finding = only(findings, "CONTROL-FORCED-RELEASE")
    assert finding.severity is Severity.WARNING
    assert finding.location.file == tmp_path / "content/demo" / RECORDS
    assert finding.location.column == 13
    assert finding.hint == "fix the errors and release a new version"
    assert [f.rule for f in findings] == ["CONTROL-FORCED-RELEASE"]


@pytest.mark.parametrize("forced", [None, "false"], ids=["no forced key", "forced: false"])
def test_a_version_released_without_force_is_not_reported(forced, tmp_path):
    findings = check(tmp_path, RELEASED, records(record("V1.0", RELEASED, forced=forced)))
    assert of_rule(findings, "CONTROL-FORCED-RELEASE") == []
    assert findings == []


def test_a_forced_release_superseded_by_a_clean_one_is_not_reported(tmp_path):
    findings = check(tmp_path, BUMPED, records(record("V1.0", RELEASED, forced="true"),
                                               record("V1.1", BUMPED, on="2025-03-05")))
    assert of_rule(findings, "CONTROL-FORCED-RELEASE") == []
    assert findings == []
