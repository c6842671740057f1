"""docgen build: what it writes, and what it says when the content is wrong.

Every bad-input case asserts the exact message with file, line and column, exit code
2, no traceback, and an output folder left exactly as it was.
"""

from __future__ import annotations

import pytest

from docgen.cli import main
from docgen.wordml.reader import read_docx
from tests.support.trees import DOCUMENT_YAML, ORG_YAML, demo_project, document_yaml, snapshot

DOC = "content/demo/DEMO-ITSS-0001.yaml"
OUTPUT_NAME = "DEMO-ITSS-0001 示例管理计划 V1.0.docx"


def test_build_writes_one_docx_per_document(runner, demo, in_folder):
    in_folder(demo)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote output/demo/{OUTPUT_NAME}\n"
    read = read_docx(demo / "output" / "demo" / OUTPUT_NAME)
    assert [p.display for p in read.headings] == ["1. 目的"]


def test_build_of_one_number_builds_only_that_document(runner, tmp_path, in_folder):
    second = DOCUMENT_YAML.replace("DEMO-ITSS-0001", "DEMO-ITSS-0002").replace("示例管理计划",
                                                                              "第二份计划")
    in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": DOCUMENT_YAML,
                                                "DEMO-ITSS-0002.yaml": second}))
    result = runner.invoke(main, ["build", "DEMO-ITSS-0002"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "output" / "demo").iterdir()] == \
           ["DEMO-ITSS-0002 第二份计划 V1.0.docx"]


def test_an_unknown_number_is_refused(runner, demo, in_folder):
    in_folder(demo)
    result = runner.invoke(main, ["build", "DEMO-ITSS-9999"])
    assert result.exit_code == 2
    assert result.stderr == ("docgen: error: no document numbered 'DEMO-ITSS-9999'\n"
                             "    hint: known documents: DEMO-ITSS-0001\n")


def test_angle_brackets_and_ampersands_render_as_text(runner, tmp_path, in_folder):
    text = document_yaml("""\
        - title: 目的 <草案> & 说明
          body:
            - "a < b && c > d; <w:t>not xml</w:t> &amp;"
    """)
    in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": text}))
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    read = read_docx(tmp_path / "output" / "demo" / OUTPUT_NAME)
    assert read.headings[0].text == "目的 <草案> & 说明"
    assert "a < b && c > d; <w:t>not xml</w:t> &amp;" in [p.text for p in read.paragraphs]


BAD_INPUT = {
    "yaml syntax error": (
        DOCUMENT_YAML.replace("title: 示例管理计划", "title: [示例管理计划"),
        [f"{DOC}:3:5: error: YAML syntax error: did not find expected ',' or ']' (while parsing "
         "a flow sequence that starts at line 2, column 8)",
         "    hint: check the indentation, quotes and brackets on this line and the lines above"]),
    "unknown key": (
        DOCUMENT_YAML.replace("title: 示例管理计划", "titel: 示例管理计划"),
        [f"{DOC}:1:1: error: missing required key 'title'",
         "    hint: add 'title: ...' to this mapping",
         f"{DOC}:2:1: error: unknown key 'titel'",
         "    hint: did you mean 'title'?"]),
    "missing required field": (
        DOCUMENT_YAML.replace("    approver: 王五\n", ""),
        [f"{DOC}:6:5: error: missing required key 'approver'",
         "    hint: add 'approver: ...' to this mapping"]),
    "wrong type": (
        DOCUMENT_YAML.replace("    body:\n      - 为了规范运维服务。",
                              "    body: 为了规范运维服务。"),
        [f"{DOC}:16:11: error: 'body' must be a list, found the text '为了规范运维服务。'",
         "    hint: write each item on its own line starting with '- '"]),
    "date that does not exist": (
        DOCUMENT_YAML.replace("review_date: 2025-01-08", "review_date: 2025-02-30"),
        [f"{DOC}:10:18: error: '2025-02-30' is not a date that exists (2025-02 has no day 30)",
         "    hint: write a date that exists, as YYYY-MM-DD"]),
    "unknown person": (
        DOCUMENT_YAML.replace("reviewer: 李四", "reviewer: 赵六"),
        [f"{DOC}:9:15: error: '赵六' is not a person of 示例科技有限公司",
         "    hint: add '赵六' to people in demo/org.yaml, or correct the name"]),
    "control character pasted from Word": (
        DOCUMENT_YAML.replace("为了规范运维服务。", "为了规范\x0b运维服务。"),
        [f"{DOC}:17:13: error: illegal control character U+000B (vertical tab (a manual line "
         "break pasted from Word))",
         "    hint: delete it; if the text was pasted from Word, retype the line break as a new "
         "list item or paragraph"]),
}


@pytest.mark.parametrize("case", BAD_INPUT, ids=list(BAD_INPUT))
def test_bad_content_gives_one_clear_message_and_writes_nothing(case, runner, demo, in_folder):
    in_folder(demo)
    assert runner.invoke(main, ["build"]).exit_code == 0
    before = snapshot(demo / "output")
    text, expected = BAD_INPUT[case]
    (demo / DOC).write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    problems = len([line for line in expected if not line.startswith("    ")])
    assert result.stderr.splitlines() == expected + [
        f"docgen: {problems} problem{'s' if problems > 1 else ''} in the content; "
        "nothing was written."]
    assert "Traceback" not in result.output
    assert snapshot(demo / "output") == before


def test_a_duplicate_document_number_is_refused(runner, tmp_path, in_folder):
    in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": DOCUMENT_YAML,
                                                "DEMO-ITSS-0001-copy.yaml": DOCUMENT_YAML}))
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "content/demo/DEMO-ITSS-0001.yaml:1:9: error: document number 'DEMO-ITSS-0001' is already "
        "used by DEMO-ITSS-0001-copy.yaml",
        "    hint: give each document its own number",
        "docgen: 1 problem in the content; nothing was written."]
    assert not (tmp_path / "output").exists()


def test_every_problem_of_every_file_is_reported_at_once(runner, tmp_path, in_folder):
    in_folder(demo_project(
        tmp_path, org=ORG_YAML.replace("prefix: DEMO", "prefx: DEMO"),
        documents={"DEMO-ITSS-0001.yaml": DOCUMENT_YAML.replace("kind: 计划", "kind: 计化")}))
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    assert "content/demo/org.yaml:2:1: error: unknown key 'prefx'" in result.stderr
    assert f"{DOC}:3:7: error: '计化' is not allowed for 'kind'" in result.stderr
    assert result.stderr.endswith("docgen: 3 problems in the content; nothing was written.\n")


def test_a_missing_content_folder_says_where_it_looked(runner, tmp_path, in_folder):
    in_folder(tmp_path)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    assert result.stderr == (f"docgen: error: there is no content folder at {tmp_path}/content\n"
                             "    hint: run docgen in your project folder, or pass --content DIR\n")
