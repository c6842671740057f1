"""docgen release and withdraw on the command line: what they write, and what they refuse.

Each test runs the CLI on a small inline project (and one on a copy of the bundled
content), asserting exact output, exit codes, the release record byte for byte and
the output folder as a whole.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from docgen.cli import main
from docgen.content.fingerprint import content_fingerprint
from docgen.content.schema import Document
from docgen.content.validation import validate
from docgen.content.yaml_source import read_yaml_file
from docgen.wordml.reader import read_docx
from tests.support.trees import (
    DOCUMENT_YAML,
    REPO,
    TEMPLATES,
    demo_project,
    document_yaml,
    outputs_in,
    snapshot,
)

NUMBER = "DEMO-ITSS-0001"
DOC = "content/demo/DEMO-ITSS-0001.yaml"
RECORDS = "content/demo/releases/DEMO-ITSS-0001.yaml"
RELEASED_V10 = "output/demo/released/DEMO-ITSS-0001 示例管理计划 V1.0.docx"
RELEASED_V11 = "output/demo/released/DEMO-ITSS-0001 示例管理计划 V1.1.docx"
BUILT_V10 = "output/demo/DEMO-ITSS-0001 示例管理计划 V1.0.docx"
RECORDS_HEADER = ("# Release records written by `docgen release`: the content fingerprint of "
                  "each released version.\n"
                  "# Commit this file with the content; do not edit it by hand.\n"
                  "releases:\n")
BUMP = ["bump", NUMBER, "--minor", "--change", "修订目的", "--author", "张三", "--reviewer", "李四",
        "--approver", "王五", "--date", "2025-03-01"]
# The same KPI stated twice with different targets: KPI-TARGET-MISMATCH, an error.
KPI_TWICE = document_yaml(extra="""\
    kpis:
      sla: {name: SLA达成率, target: ≥95%}
      sla_again: {name: SLA达成率, target: ≥90%}
""")
KPI_FINDING = [
    "DEMO-ITSS-0001 示例管理计划: 1 error, 0 warnings",
    f"{DOC}:16:37: error KPI-TARGET-MISMATCH SLA达成率 has the target ≥90% here, but ≥95% in "
    "kpis.sla, line 15",
    "    hint: state the KPI once and cite it, or make every statement agree",
]


def fingerprint_of(path: Path) -> str:
    return content_fingerprint(validate(Document, read_yaml_file(path)))


def record(version: str, on: str, fingerprint: str, *, forced: bool = False) -> str:
    """Return one release record as docgen writes it."""
    return (f"  - version: {version}\n    released_on: {on}\n    fingerprint: {fingerprint}\n"
            + ("    forced: true\n" if forced else ""))


def edit(root: Path, old: str, new: str) -> None:
    """Replace `old` by `new` in the demo document, which must contain it."""
    path = root / DOC
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def release_ok(runner, *args: str) -> None:
    result = runner.invoke(main, ["release", NUMBER, *args])
    assert result.exit_code == 0, result.output


# --- release -------------------------------------------------------------------------


def test_releasing_a_clean_document_records_its_fingerprint_and_writes_the_released_docx(
        runner, demo, in_folder):
    in_folder(demo)
    result = runner.invoke(main, ["release", NUMBER, "--date", "2025-02-01"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "released DEMO-ITSS-0001 V1.0\n"
        f"wrote {RELEASED_V10}\n"
        f"recorded in {RECORDS}: commit it with the content\n")
    assert result.stderr == ""
    fingerprint = fingerprint_of(demo / DOC)
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", fingerprint)
    assert (demo / RECORDS).read_text(encoding="utf-8") == (
        RECORDS_HEADER + record("V1.0", "2025-02-01", fingerprint))
    assert [p.name for p in (demo / "output" / "demo" / "released").iterdir()] == [
        "DEMO-ITSS-0001 示例管理计划 V1.0.docx"]
    read = read_docx(demo / RELEASED_V10)
    assert [p.display for p in read.headings] == ["1. 目的"]
    assert read.headers == ["示例科技有限公司\tDEMO-ITSS-0001 V1.0"]
    assert read.properties["version"] == "V1.0"


def test_the_released_docx_is_the_document_as_docgen_build_writes_it(runner, demo, in_folder):
    in_folder(demo)
    release_ok(runner, "--date", "2025-02-01")
    assert runner.invoke(main, ["build"]).exit_code == 0
    assert (demo / RELEASED_V10).read_bytes() == (demo / BUILT_V10).read_bytes()


def test_a_released_document_is_listed_as_released(runner, demo, in_folder):
    in_folder(demo)
    assert runner.invoke(main, ["list"]).stdout.splitlines()[1].split()[3] == "draft"
    release_ok(runner, "--date", "2025-02-01")
    result = runner.invoke(main, ["list"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == (
        "DEMO-ITSS-0001  示例管理计划  V1.0     released  2025-01-07  -")


def test_a_document_with_errors_is_not_released(runner, tmp_path, in_folder):
    root = in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": KPI_TWICE}))
    before = snapshot(root)
    result = runner.invoke(main, ["release", NUMBER, "--date", "2025-02-01"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == KPI_FINDING + [
        "",
        "docgen check: 1 error, 0 warnings in 1 document",
        "docgen release: the checks found errors in DEMO-ITSS-0001; nothing was released.",
        "    hint: fix them, or release anyway with --force (the release record will say it "
        "was forced)"]
    assert not (root / RECORDS).exists()
    assert not (root / "output").exists()
    assert snapshot(root) == before


def test_with_force_a_document_with_errors_is_released_and_its_record_says_forced(
        runner, tmp_path, in_folder):
    root = in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": KPI_TWICE}))
    result = runner.invoke(main, ["release", NUMBER, "--force", "--date", "2025-02-01"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "released DEMO-ITSS-0001 V1.0 (forced despite errors)\n"
        f"wrote {RELEASED_V10}\n"
        f"recorded in {RECORDS}: commit it with the content\n")
    assert (root / RECORDS).read_text(encoding="utf-8") == (
        RECORDS_HEADER + record("V1.0", "2025-02-01", fingerprint_of(root / DOC), forced=True))
    assert read_docx(root / RELEASED_V10).properties["version"] == "V1.0"


def test_check_warns_about_a_version_released_with_force(runner, tmp_path, in_folder):
    root = in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": KPI_TWICE}))
    release_ok(runner, "--force", "--date", "2025-02-01")
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 1  # the KPI error is still there
    assert result.stdout.splitlines() == [
        "DEMO-ITSS-0001 示例管理计划: 1 error, 1 warning",
        *KPI_FINDING[1:],
        f"{RECORDS}:7:13: warning CONTROL-FORCED-RELEASE DEMO-ITSS-0001 V1.0 was released on "
        "2025-02-01 with --force, despite errors found by the checks",
        "    hint: fix the errors and release a new version",
        "",
        "docgen check: 1 error, 1 warning in 1 document"]
    assert (root / RECORDS).is_file()


def test_force_on_a_clean_document_makes_an_ordinary_release(runner, demo, in_folder):
    in_folder(demo)
    result = runner.invoke(main, ["release", NUMBER, "--force", "--date", "2025-02-01"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "released DEMO-ITSS-0001 V1.0"
    assert "forced" not in (demo / RECORDS).read_text(encoding="utf-8")


def test_errors_in_another_document_do_not_stop_a_release(runner, tmp_path, in_folder):
    other = KPI_TWICE.replace("DEMO-ITSS-0001", "DEMO-ITSS-0002").replace("示例管理计划", "第二份计划")
    root = in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": DOCUMENT_YAML,
                                                       "DEMO-ITSS-0002.yaml": other}))
    result = runner.invoke(main, ["release", NUMBER, "--date", "2025-02-01"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "released DEMO-ITSS-0001 V1.0"
    assert "forced" not in (root / RECORDS).read_text(encoding="utf-8")
    assert not (root / "content/demo/releases/DEMO-ITSS-0002.yaml").exists()


def test_releasing_an_unknown_number_is_refused(runner, demo, in_folder):
    in_folder(demo)
    result = runner.invoke(main, ["release", "DEMO-ITSS-9999"])
    assert result.exit_code == 2
    assert result.stderr == ("docgen: error: no document numbered 'DEMO-ITSS-9999'\n"
                             "    hint: known documents: DEMO-ITSS-0001\n")
    assert not (demo / "output").exists()
    assert not (demo / "content/demo/releases").exists()


# --- a released version is frozen ------------------------------------------------------


def test_editing_a_released_document_is_reported_by_check_naming_document_and_version(
        runner, demo, in_folder):
    in_folder(demo)
    release_ok(runner, "--date", "2025-02-01")
    edit(demo, "为了规范运维服务。", "为了规范运维服务工作。")
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "DEMO-ITSS-0001 示例管理计划: 1 error, 0 warnings",
        f"{DOC}:6:14: error CONTROL-RELEASED-CHANGED DEMO-ITSS-0001 V1.0 was released on "
        "2025-02-01, but its content has changed since",
        "    hint: record the change as a new version (docgen bump DEMO-ITSS-0001 --minor …), "
        "or undo the edit",
        "",
        "docgen check: 1 error, 0 warnings in 1 document"]


PRESENTATION_ONLY = {
    "comments": [("number: DEMO-ITSS-0001\n", "# 示例管理计划：质量部编制\nnumber: DEMO-ITSS-0001\n"),
                 ("kind: 计划\n", "kind: 计划   # 计划, not 制度\n")],
    "quoting": [("title: 示例管理计划", 'title: "示例管理计划"'),
                ("version: V1.0", "version: 'V1.0'"),
                ("- 为了规范运维服务。", '- "为了规范运维服务。"')],
    "indentation": [("sections:\n  - title: 目的\n    body:\n      - 为了规范运维服务。\n",
                     "sections:\n    -   title: 目的\n        body:\n        - 为了规范运维服务。\n")],
    "flow style": [("sections:\n  - title: 目的\n    body:\n      - 为了规范运维服务。\n",
                    "sections:\n  - {title: 目的, body: [为了规范运维服务。]}\n")],
}


@pytest.mark.parametrize("change", PRESENTATION_ONLY, ids=list(PRESENTATION_ONLY))
def test_changing_only_comments_quoting_or_indentation_does_not_change_a_released_version(
        change, runner, demo, in_folder):
    in_folder(demo)
    release_ok(runner, "--date", "2025-02-01")
    for old, new in PRESENTATION_ONLY[change]:
        edit(demo, old, new)
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "docgen check: 0 errors, 0 warnings in 1 document\n"
    assert runner.invoke(main, ["list"]).stdout.splitlines()[1].split()[3] == "released"


def test_a_minor_bump_after_the_edit_clears_the_finding_and_the_new_version_is_a_draft(
        runner, demo, in_folder):
    in_folder(demo)
    release_ok(runner, "--date", "2025-02-01")
    edit(demo, "为了规范运维服务。", "为了规范运维服务工作。")
    assert runner.invoke(main, ["check"]).exit_code == 1
    bumped = runner.invoke(main, BUMP)
    assert bumped.exit_code == 0, bumped.output
    assert bumped.stdout == (f"DEMO-ITSS-0001: V1.0 -> V1.1, a draft until released; {DOC} "
                             "updated\n")
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "docgen check: 0 errors, 0 warnings in 1 document\n"
    assert runner.invoke(main, ["list"]).stdout.splitlines()[1] == (
        "DEMO-ITSS-0001  示例管理计划  V1.1     draft  2025-03-01  -")


def test_releasing_the_new_version_appends_a_second_record_and_keeps_the_first(
        runner, demo, in_folder):
    in_folder(demo)
    release_ok(runner, "--date", "2025-02-01")
    first = (demo / RECORDS).read_bytes()
    first_fingerprint = fingerprint_of(demo / DOC)
    edit(demo, "为了规范运维服务。", "为了规范运维服务工作。")
    assert runner.invoke(main, BUMP).exit_code == 0
    result = runner.invoke(main, ["release", NUMBER, "--date", "2025-03-05"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ("released DEMO-ITSS-0001 V1.1\n"
                             f"wrote {RELEASED_V11}\n"
                             f"recorded in {RECORDS}: commit it with the content\n")
    second_fingerprint = fingerprint_of(demo / DOC)
    assert second_fingerprint != first_fingerprint
    text = (demo / RECORDS).read_bytes()
    assert text.startswith(first)
    assert text.decode("utf-8") == (RECORDS_HEADER
                                    + record("V1.0", "2025-02-01", first_fingerprint)
                                    + record("V1.1", "2025-03-05", second_fingerprint))
    assert sorted(p.name for p in (demo / "output/demo/released").iterdir()) == [
        "DEMO-ITSS-0001 示例管理计划 V1.0.docx", "DEMO-ITSS-0001 示例管理计划 V1.1.docx"]
    assert runner.invoke(main, ["list"]).stdout.splitlines()[1].split()[2:4] == [
        "V1.1", "released"]


def test_releasing_the_same_version_twice_leaves_the_record_as_it_was(runner, demo, in_folder):
    in_folder(demo)
    release_ok(runner, "--date", "2025-02-01")
    before = (demo / RECORDS).read_bytes()
    result = runner.invoke(main, ["release", NUMBER, "--date", "2025-02-03"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"DEMO-ITSS-0001 V1.0 was already released; {RELEASED_V10} is "
                             "up to date\n")
    assert (demo / RECORDS).read_bytes() == before


def test_releasing_a_changed_version_without_a_bump_is_refused_with_a_hint_to_bump(
        runner, demo, in_folder):
    in_folder(demo)
    release_ok(runner, "--date", "2025-02-01")
    edit(demo, "为了规范运维服务。", "为了规范运维服务工作。")
    before = snapshot(demo)
    result = runner.invoke(main, ["release", NUMBER, "--date", "2025-02-03"])
    assert result.exit_code == 2
    assert result.stderr == (
        "docgen: error: DEMO-ITSS-0001 V1.0 was released on 2025-02-01, and its content has "
        "changed since\n"
        "    hint: record the change as a new version: docgen bump DEMO-ITSS-0001 --minor …\n")
    assert snapshot(demo) == before


def test_a_release_dated_before_the_version_was_approved_is_refused(runner, demo, in_folder):
    in_folder(demo)  # V1.0 is approved on 2025-01-09
    result = runner.invoke(main, ["release", NUMBER, "--date", "2024-12-31"])
    assert result.exit_code == 2
    assert "2025-01-09" in result.stderr
    assert not (demo / RECORDS).exists()
    assert not (demo / "output").exists()


# --- withdraw ---------------------------------------------------------------------------


def withdraw_ok(runner) -> None:
    result = runner.invoke(main, ["withdraw", NUMBER, "--reason", "被新制度替代",
                                  "--date", "2025-04-01"])
    assert result.exit_code == 0, result.output


def test_withdraw_adds_status_date_and_reason_before_revisions_and_changes_nothing_else(
        runner, demo, in_folder):
    in_folder(demo)
    result = runner.invoke(main, ["withdraw", NUMBER, "--reason", "被新制度替代",
                                  "--date", "2025-04-01"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"DEMO-ITSS-0001 withdrawn; {DOC} updated\n"
    assert (demo / DOC).read_text(encoding="utf-8") == DOCUMENT_YAML.replace(
        "revisions:\n",
        "status: withdrawn\nwithdrawn_on: 2025-04-01\nwithdrawn_reason: 被新制度替代\nrevisions:\n")
    assert runner.invoke(main, ["list"]).stdout.splitlines()[1] == (
        "DEMO-ITSS-0001  示例管理计划  V1.0     withdrawn  2025-01-07  -")


def test_withdraw_replaces_a_status_already_written_where_it_stands(runner, tmp_path, in_folder):
    text = DOCUMENT_YAML.replace("kind: 计划\n", "kind: 计划\nstatus: current  # 现行\n")
    root = in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": text}))
    withdraw_ok(runner)
    assert (root / DOC).read_text(encoding="utf-8") == text.replace(
        "status: current", "status: withdrawn").replace(
        "revisions:\n", "withdrawn_on: 2025-04-01\nwithdrawn_reason: 被新制度替代\nrevisions:\n")


def test_a_withdrawn_document_is_no_longer_built_and_its_earlier_output_is_removed(
        runner, demo, in_folder):
    in_folder(demo)
    release_ok(runner, "--date", "2025-02-01")
    assert runner.invoke(main, ["build"]).exit_code == 0
    assert (demo / BUILT_V10).is_file()
    withdraw_ok(runner)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"removed {BUILT_V10} (the document is withdrawn; its released "
                             f"copy stays in output/demo/released/{BUILT_V10.split('/')[-1]})\n")
    assert outputs_in(demo / "output") == [
        "demo/released/DEMO-ITSS-0001 示例管理计划 V1.0.docx"]


def test_building_a_withdrawn_document_by_its_number_is_refused(runner, demo, in_folder):
    in_folder(demo)
    withdraw_ok(runner)
    result = runner.invoke(main, ["build", NUMBER])
    assert result.exit_code == 2
    assert result.stderr == (
        "docgen: error: DEMO-ITSS-0001 is withdrawn and no longer built\n"
        "    hint: it is listed in the register's 作废文件清单 (docgen register)\n")
    assert not (demo / "output").exists()


def test_a_withdrawn_document_cannot_be_released(runner, demo, in_folder):
    in_folder(demo)
    withdraw_ok(runner)
    before = snapshot(demo)
    result = runner.invoke(main, ["release", NUMBER, "--date", "2025-04-02"])
    assert result.exit_code == 2
    assert result.stderr == ("docgen: error: DEMO-ITSS-0001 is withdrawn and cannot be released\n"
                             "    hint: set its status back to current first\n")
    assert snapshot(demo) == before


def test_a_withdrawn_document_cannot_be_bumped(runner, demo, in_folder):
    in_folder(demo)
    withdraw_ok(runner)
    before = snapshot(demo)
    result = runner.invoke(main, BUMP[:-1] + ["2025-04-02"])
    assert result.exit_code == 2
    assert result.stderr == ("docgen: error: DEMO-ITSS-0001 is withdrawn; a withdrawn document "
                             "gets no new versions\n"
                             "    hint: set its status back to current first\n")
    assert snapshot(demo) == before


def test_withdrawing_twice_is_refused(runner, demo, in_folder):
    in_folder(demo)
    withdraw_ok(runner)
    before = snapshot(demo)
    result = runner.invoke(main, ["withdraw", NUMBER, "--reason", "再次作废"])
    assert result.exit_code == 2
    assert result.stderr == ("docgen: error: DEMO-ITSS-0001 is already withdrawn\n"
                             "    hint: nothing to do\n")
    assert snapshot(demo) == before


def test_withdrawing_with_an_empty_reason_is_refused(runner, demo, in_folder):
    in_folder(demo)
    result = runner.invoke(main, ["withdraw", NUMBER, "--reason", "", "--date", "2025-04-01"])
    assert result.exit_code == 2
    assert (demo / DOC).read_text(encoding="utf-8") == DOCUMENT_YAML


# --- release records that disagree with the content -----------------------------------


def test_a_record_naming_a_version_not_in_the_revisions_is_reported_by_check(
        runner, demo, in_folder):
    in_folder(demo)
    release_ok(runner, "--date", "2025-02-01")
    path = demo / RECORDS
    path.write_text(path.read_text(encoding="utf-8").replace("version: V1.0", "version: V1.2"),
                    encoding="utf-8")
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "DEMO-ITSS-0001 示例管理计划: 1 error, 0 warnings",
        f"{RECORDS}:4:14: error CONTROL-RELEASE-UNKNOWN-VERSION V1.2 of DEMO-ITSS-0001 was "
        "released on 2025-02-01, but the revision history has no such version",
        "    hint: restore the revision row; a released version stays in the history",
        "",
        "docgen check: 1 error, 0 warnings in 1 document"]


def test_a_releases_file_for_an_unknown_document_is_a_content_error(runner, demo, in_folder):
    in_folder(demo)
    release_ok(runner, "--date", "2025-02-01")
    stray = "content/demo/releases/DEMO-ITSS-0009.yaml"
    shutil.copy(demo / RECORDS, demo / stray)
    for command in (["check"], ["build"], ["list"]):
        result = runner.invoke(main, command)
        assert result.exit_code == 2, command
        assert result.stderr.splitlines() == [
            f"{stray}: error: release records for DEMO-ITSS-0009, which is not a document of "
            "this organization",
            "    hint: delete the file, or rename it after the document's number",
            "docgen: 1 problem in the content; nothing was written."]
    assert not (demo / BUILT_V10).exists()


# --- the bundled content ---------------------------------------------------------------


def test_a_bundled_document_with_errors_is_refused_and_then_released_with_force(
        runner, tmp_path, in_folder):
    shutil.copytree(REPO / "content" / "yntd", tmp_path / "content" / "yntd")
    shutil.copytree(TEMPLATES, tmp_path / "templates" / "docx")
    in_folder(tmp_path)
    records = tmp_path / "content/yntd/releases/YNTD-ITSS-0600.yaml"
    refused = runner.invoke(main, ["release", "YNTD-ITSS-0600", "--date", "2025-02-01"])
    assert refused.exit_code == 1
    lines = refused.stderr.splitlines()
    assert lines[0] == "YNTD-ITSS-0600 过程框架管理制度: 3 errors, 0 warnings"
    assert [line.split(" ")[2] for line in lines if line.startswith("content/")] == [
        "STRUCT-ENUMERATION-TABLE"] * 3
    assert lines[-2] == ("docgen release: the checks found errors in YNTD-ITSS-0600; nothing "
                         "was released.")
    assert not records.exists()
    assert not (tmp_path / "output").exists()

    forced = runner.invoke(main, ["release", "YNTD-ITSS-0600", "--force", "--date", "2025-02-01"])
    assert forced.exit_code == 0, forced.output
    released = "output/yntd/released/YNTD-ITSS-0600 过程框架管理制度 V1.0.docx"
    assert forced.stdout == ("released YNTD-ITSS-0600 V1.0 (forced despite errors)\n"
                             f"wrote {released}\n"
                             "recorded in content/yntd/releases/YNTD-ITSS-0600.yaml: commit it "
                             "with the content\n")
    assert records.read_text(encoding="utf-8") == RECORDS_HEADER + record(
        "V1.0", "2025-02-01", fingerprint_of(tmp_path / "content/yntd/YNTD-ITSS-0600.yaml"),
        forced=True)
    read = read_docx(tmp_path / released)
    assert read.headers == ["云南腾电科技有限公司\tYNTD-ITSS-0600 V1.0"]
    assert read.headings[0].display == "1. 目的"
    listed = runner.invoke(main, ["list"]).stdout.splitlines()
    assert [row.split()[3] for row in listed[1:]] == ["draft", "draft", "released"]
