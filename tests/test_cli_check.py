"""docgen check on the command line: report format, JSON, exit codes; and build's summary."""

from __future__ import annotations

import json
import shutil

from docgen.cli import main
from tests.checks.support import ORG, ORG_WHO_MAY_APPROVE, SELF_APPROVED, document
from tests.support.trees import TEMPLATES, write_tree

DOUBLE_KPI = document(facts="""\
    kpis:
      sla: {name: SLA达成率, target: ≥95%}
      sla_again: {name: SLA达成率, target: ≥95%}
""")


def project(tmp_path, text, org=ORG, *, templates=False):
    write_tree(tmp_path, {"content/demo/org.yaml": org, "content/demo/DEMO-ITSS-0001.yaml": text})
    if templates:
        shutil.copytree(TEMPLATES, tmp_path / "templates" / "docx")
    return tmp_path


def test_a_clean_set_reports_nothing_and_exits_0(runner, tmp_path, in_folder):
    in_folder(project(tmp_path, document()))
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 0
    assert result.stdout == "docgen check: 0 errors, 0 warnings in 1 document\n"


def test_findings_are_grouped_by_document_with_their_hints_and_exit_1(runner, tmp_path,
                                                                      in_folder):
    in_folder(project(tmp_path, SELF_APPROVED, org=ORG_WHO_MAY_APPROVE))
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "DEMO-ITSS-0001 示例管理计划: 1 error, 0 warnings",
        "content/demo/DEMO-ITSS-0001.yaml:11:15: error META-SELF-APPROVAL 张三 both wrote and "
        "approved V1.0",
        "    hint: have the version approved by someone other than its author",
        "",
        "docgen check: 1 error, 0 warnings in 1 document"]


def test_warnings_alone_exit_0_and_count_as_errors_with_strict(runner, tmp_path, in_folder):
    in_folder(project(tmp_path, DOUBLE_KPI))
    relaxed = runner.invoke(main, ["check"])
    assert relaxed.exit_code == 0
    assert relaxed.stdout.splitlines()[-1] == "docgen check: 0 errors, 1 warning in 1 document"
    strict = runner.invoke(main, ["check", "--strict"])
    assert strict.exit_code == 1
    assert strict.stdout.splitlines()[-1] == "docgen check: 1 error, 0 warnings in 1 document"


def test_json_output_is_an_array_of_findings(runner, tmp_path, in_folder):
    in_folder(project(tmp_path, SELF_APPROVED, org=ORG_WHO_MAY_APPROVE))
    result = runner.invoke(main, ["check", "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [{
        "rule": "META-SELF-APPROVAL", "severity": "error", "document": "DEMO-ITSS-0001",
        "file": "content/demo/DEMO-ITSS-0001.yaml", "line": 11, "column": 15,
        "message": "张三 both wrote and approved V1.0",
        "hint": "have the version approved by someone other than its author",
        "code": "meta.self-approval", "params": {"author": "张三", "version": "V1.0"}}]


def test_content_that_cannot_be_loaded_exits_2(runner, tmp_path, in_folder):
    in_folder(project(tmp_path, "number: [\n"))
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 2
    assert result.stderr.endswith("nothing was written.\n")
    assert "Traceback" not in result.output


def test_the_real_documents_are_checked_from_the_command_line(runner, yntd_project, in_folder):
    in_folder(yntd_project.content.parent)
    result = runner.invoke(main, ["check", "--format", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert len(findings) == 18
    assert {finding["document"] for finding in findings} == {
        "YNTD-ITSS-0303", "YNTD-ITSS-0417", "YNTD-ITSS-0600"}
    one = runner.invoke(main, ["check", "YNTD-ITSS-0600"])
    assert one.stdout.splitlines()[-1] == "docgen check: 3 errors, 0 warnings in 1 document"


def test_build_summarizes_the_findings_and_still_writes(runner, tmp_path, in_folder):
    root = in_folder(project(tmp_path, SELF_APPROVED, org=ORG_WHO_MAY_APPROVE, templates=True))
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0
    assert result.stderr == ("check: 1 error, 0 warnings; run 'docgen check' to list "
                             "them\n")
    assert (root / "output" / "demo").is_dir()


def test_a_strict_build_with_errors_writes_nothing_and_exits_1(runner, tmp_path, in_folder):
    root = in_folder(project(tmp_path, SELF_APPROVED, org=ORG_WHO_MAY_APPROVE, templates=True))
    result = runner.invoke(main, ["build", "--strict"])
    assert result.exit_code == 1
    assert "error META-SELF-APPROVAL" in result.stderr
    assert result.stderr.endswith("docgen: --strict: the checks found errors; nothing was "
                                  "written.\n")
    assert not (root / "output").exists()


# Findings of several kinds: dates, signing roles listed, a KPI cited by key and line.
MANY_FINDINGS = document(revisions="""\
  - version: V1.0
    author: 张三
    date: 2025-01-07
    reviewer: 李四
    review_date: 2025-01-06
    approver: 李四
    approve_date: 2025-01-09
    change: 首次发布
""", facts="""\
    kpis:
      sla: {name: SLA达成率, target: ≥95%}
      sla_again: {name: SLA达成率, target: ≥95%}
""")


def _runs_without_checks(monkeypatch) -> None:
    def not_again(*_args: object) -> None:
        raise AssertionError("the checks ran again although nothing had changed")

    monkeypatch.setattr("docgen.checks.run_checks", not_again)


def test_a_check_answered_from_the_manifest_prints_what_the_first_run_printed(
        runner, tmp_path, in_folder, monkeypatch):
    root = in_folder(project(tmp_path, MANY_FINDINGS))
    (root / "output").mkdir()
    first = {form: runner.invoke(main, ["check", "--format", form]) for form in ("text", "json")}
    assert "META-SIGNER-ROLE" in first["text"].stdout
    _runs_without_checks(monkeypatch)
    for form, run in first.items():
        again = runner.invoke(main, ["check", "--format", form])
        assert (again.exit_code, again.stdout) == (run.exit_code, run.stdout)


def test_a_manifest_that_cached_findings_as_finished_text_is_not_replayed(
        runner, tmp_path, in_folder):
    root = in_folder(project(tmp_path, MANY_FINDINGS))
    (root / "output").mkdir()
    first = runner.invoke(main, ["check"])
    manifest = root / "output" / ".docgen-manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    [run] = data["runs"].values()
    # As findings were cached before they carried messages as codes and values.
    run["report"]["findings"] = [
        dict(finding, message="finished text", hint="finished hint")
        for finding in run["report"]["findings"]]
    manifest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = runner.invoke(main, ["check"])
    assert (again.exit_code, again.stdout) == (first.exit_code, first.stdout)
    assert "finished text" not in again.stdout
