"""The bad-input catalogue: every kind of bad input, its exact message and its exit code.

docgen promises that bad input gives one clear message (file, line and column where they
exist, what is wrong, what to do), a non-zero exit code, no traceback, and an output
folder byte-identical before and after. Each group below is one table. A case builds the
demo project once, takes a snapshot of output/, breaks one thing, runs docgen through its
command line, and compares stderr line by line. The demo project carries its own copy
of templates/docx, so the template cases damage that copy, never the bundled template.

A case marked xfail(strict=True) states the message a quality manager needs where the
current one falls short; its reason says what is wrong with the current message.
"""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from docgen.cache import MANIFEST_FILE
from docgen.cli import main
from docgen.wordml.reader import read_docx
from tests.support.trees import DOCUMENT_YAML, ORG_YAML, demo_project, document_yaml, snapshot

DOC = "content/demo/DEMO-ITSS-0001.yaml"
ORG = "content/demo/org.yaml"
SECOND = "content/demo/DEMO-ITSS-0002.yaml"
TEMPLATE = "templates/docx/controlled-document.docx"
OUTPUT = "output/demo/DEMO-ITSS-0001 示例管理计划 V1.0.docx"
SECOND_OUTPUT = "output/demo/DEMO-ITSS-0002 第二份计划 V1.0.docx"
SECOND_YAML = DOCUMENT_YAML.replace("DEMO-ITSS-0001", "DEMO-ITSS-0002").replace(
    "示例管理计划", "第二份计划")

Lines = list[str | re.Pattern[str]]


# --- helpers --------------------------------------------------------------------------


def docgen(runner: CliRunner, *args: str) -> Result:
    """Run docgen with `args` as a person would type them."""
    return runner.invoke(main, list(args), prog_name="docgen")


def write(root: Path, files: dict[str, str | bytes]) -> None:
    """Write `files` (path relative to `root` -> text or exact bytes)."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def content_problems(*lines: str) -> list[str]:
    """Return `lines` (problems and their hints) followed by the content-error summary."""
    count = sum(1 for line in lines if not line.startswith("    "))
    return [*lines, f"docgen: {count} problem{'' if count == 1 else 's'} in the content; "
                    f"nothing was written."]


def template_refused(message: str | re.Pattern[str], hint: str) -> Lines:
    """Return the lines that refuse the project's template."""
    first = message if isinstance(message, re.Pattern) else f"{TEMPLATE}: error: {message}"
    return [first, f"    hint: {hint}", "docgen: the template cannot be used; nothing was written."]


def assert_lines(actual: str, expected: Lines) -> None:
    """Compare output lines exactly; a pattern stands for a line a library words."""
    lines = actual.splitlines()
    shown = [line if isinstance(want, re.Pattern) and want.fullmatch(line) else want
             for line, want in zip(lines, expected, strict=False)] + expected[len(lines):]
    assert lines == shown


def assert_refused(result: Result, expected: Lines, code: int = 2) -> None:
    """The command failed with `code`, said exactly `expected` on stderr, and no traceback."""
    assert_lines(result.stderr, expected)
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == ""


def no_temporary_files(folder: Path) -> bool:
    return not [path for path in folder.rglob("*")
                if path.name.startswith(".") and path.name != MANIFEST_FILE]


@pytest.fixture
def project(tmp_path: Path, runner: CliRunner, in_folder) -> Path:
    """The demo project, built once successfully; the working folder is its root."""
    root = in_folder(demo_project(tmp_path))
    first = docgen(runner, "build")
    assert first.exit_code == 0, first.output
    return root


def refuse_content(runner: CliRunner, root: Path, files: dict[str, str | bytes],
                   expected: Lines) -> None:
    """Write bad content; build and check both refuse it and output/ stays as it was."""
    before = snapshot(root / "output")
    write(root, files)
    for command in ("build", "check"):
        assert_refused(docgen(runner, command), expected)
    assert snapshot(root / "output") == before


def table_yaml(*, options: str = "", total: str = "{sum: true}") -> str:
    """Return the demo document with one table of staff and a total row."""
    return document_yaml(f"""\
        - title: 人员
          body:
            - table:
                {options}
                header:
                  - [序号, 岗位, 人数]
                rows:
                  - [运维工程师, "2"]
                  - cells: [{{text: 合计, cols: 2}}, {total}]
                    total: [人数]
        """)


# --- 1. YAML --------------------------------------------------------------------------

KPI_YAML = """\
    kpis:
      sla: {name: SLA达成率, target: ≥95%}
"""


YAML_CASES = [
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("title: 示例管理计划", "title: [示例管理计划")},
        content_problems(
            f"{DOC}:3:5: error: YAML syntax error: did not find expected ',' or ']' (while "
            "parsing a flow sequence that starts at line 2, column 8)",
            "    hint: check the indentation, quotes and brackets on this line and the lines "
            "above"),
        id="syntax error: an unclosed bracket"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("    author: 张三", "\tauthor: 张三")},
        content_problems(
            f"{DOC}:7:1: error: a tab character is used for indentation; YAML needs spaces",
            "    hint: replace the tab with spaces (set your editor to insert spaces for Tab)"),
        id="a tab used for indentation"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("kind: 计划\n", "kind: 计划\ntitle: 另一个计划\n")},
        content_problems(
            f"{DOC}:4:1: error: duplicate key 'title' (first given on line 2)",
            "    hint: remove one of the two, or merge their values"),
        id="a duplicate key"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("department: 质量部", "deparment: 质量部")},
        content_problems(
            f"{DOC}:4:1: error: unknown key 'deparment'",
            "    hint: did you mean 'department'?"),
        id="unknown key at the top level"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("    body:\n", "    bdy:\n")},
        content_problems(
            f"{DOC}:16:5: error: unknown key 'bdy'",
            "    hint: did you mean 'body'?"),
        id="unknown key in a section"),
    pytest.param(
        {DOC: document_yaml("""\
            - title: 目的
              body:
                - table:
                    header:
                      - [岗位, 部门]
                    rows:
                      - [运维工程师, {txt: 运维部}]
            """)},
        content_problems(
            f"{DOC}:21:24: error: unknown key 'txt'",
            "    hint: did you mean 'text'?"),
        id="unknown key in a table cell"),
    pytest.param(
        {ORG: ORG_YAML.replace("roles:", "rolse:")},
        content_problems(
            f"{ORG}:7:1: error: unknown key 'rolse'",
            "    hint: did you mean 'roles'?"),
        id="unknown key in org.yaml"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("kind: 计划\n", "")},
        content_problems(
            f"{DOC}:1:1: error: missing required key 'kind'",
            "    hint: add 'kind: ...' to this mapping"),
        id="missing required key at the top level"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("    approver: 王五\n", "")},
        content_problems(
            f"{DOC}:6:5: error: missing required key 'approver'",
            "    hint: add 'approver: ...' to this mapping"),
        id="missing required key in a revision"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("title: 示例管理计划", "title: [示例, 管理计划]")},
        content_problems(
            f"{DOC}:2:8: error: 'title' must be text, found a list ('- ' lines)",
            "    hint: write the value on the same line after ': '"),
        id="a list where text is expected"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("    body:\n      - 为了规范运维服务。",
                                    "    body: 为了规范运维服务。")},
        content_problems(
            f"{DOC}:16:11: error: 'body' must be a list, found the text '为了规范运维服务。'",
            "    hint: write each item on its own line starting with '- '"),
        id="text where a list is expected"),
    pytest.param(
        {DOC: document_yaml("""\
            - title: 目的
              body:
                - table:
                    header:
                      - [岗位, 部门]
                    rows:
                      - [{text: 运维工程师, rows: {n: 2}}, 运维部]
            """)},
        content_problems(
            f"{DOC}:21:36: error: 'rows' must be a whole number, found a mapping (key: value "
            "lines)",
            "    hint: write digits only, e.g. 2"),
        id="a mapping where a number is expected"),
    pytest.param(
        {DOC: ""},
        content_problems(
            f"{DOC}:1:1: error: the file is empty",
            "    hint: write the document's content as a YAML mapping"),
        id="an empty file"),
    pytest.param(
        {DOC: "- number: DEMO-ITSS-0001\n- title: 示例管理计划\n"},
        content_problems(
            f"{DOC}:1:1: error: the file must be a mapping of keys, found a list ('- ' lines)",
            "    hint: start the file with 'key: value' lines such as 'number: ...'"),
        id="a list instead of a mapping"),
    pytest.param(
        {DOC: DOCUMENT_YAML + "---\n" + SECOND_YAML},
        content_problems(
            f"{DOC}:18:1: error: the file holds more than one YAML document ('---')",
            "    hint: keep one document per file"),
        id="two YAML documents in one file"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("    author: 张三", "    author: &who 张三")
                           .replace("    approver: 王五", "    approver: *who")},
        content_problems(
            f"{DOC}:11:15: error: YAML anchors and aliases (&name / *name) are not supported",
            "    hint: write the value out where it is needed"),
        id="an anchor and its alias"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("title: 示例管理计划",
                                    "title: !!python/object/apply:os.system [touch pwned]")},
        content_problems(
            f"{DOC}:2:8: error: YAML tag '!!python/object/apply:os.system' is not allowed",
            "    hint: remove the tag; content is plain text, lists and mappings"),
        id="a python tag that would run a command"),
    pytest.param(
        {DOC: document_yaml("""\
            - title: 目的
              body:
                - table:
                    header: [[指标, 目标值]]
                    rows:
                      - [{{ kpi.sla.name }}, "≥95%"]
        """, extra=KPI_YAML)},
        content_problems(
            f"{DOC}:22:16: error: the text '{{{{ kpi.sla.name }}}}' is not quoted, so YAML reads "
            "its '{' as the start of a mapping, not as text",
            '    hint: put the whole text in quotes: "{{ kpi.sla.name }}"'),
        id="an unquoted citation in a table row"),
    pytest.param(
        {DOC: document_yaml("""\
            - title: 目的
              body:
                - p: {{ kpi.sla.name }}不低于95%
        """, extra=KPI_YAML)},
        content_problems(
            f"{DOC}:19:12: error: YAML syntax error: the text '{{{{ kpi.sla.name }}}}不低于95%' "
            "is not quoted, so YAML reads its '{' as the start of a mapping, not as text",
            '    hint: put the whole text in quotes: "{{ kpi.sla.name }}不低于95%"'),
        id="an unquoted citation followed by more text"),
]

@pytest.mark.parametrize("files, expected", YAML_CASES)
def test_bad_yaml_is_refused(files, expected, runner, project):
    refuse_content(runner, project, files, expected)
    assert not (project / "pwned").exists()


# --- 2. Encodings ---------------------------------------------------------------------

ENCODING_CASES = [
    pytest.param(
        DOCUMENT_YAML.replace("示例管理计划", "运维管理计划").encode("gbk"),
        # 运 is not valid UTF-8 from its first byte on, so bytes and characters agree on
        # the column here; see "a stray byte after Chinese text" for when they do not.
        content_problems(
            f"{DOC}:2:8: error: the file is not UTF-8: it looks like GBK/GB18030, the encoding "
            "Chinese Windows editors save in",
            "    hint: convert it to UTF-8: in Notepad use 'Save As' with encoding 'UTF-8', or "
            "run: iconv -f GB18030 -t UTF-8 'DEMO-ITSS-0001.yaml' -o 'DEMO-ITSS-0001.yaml.utf8' "
            "and replace the file with the result"),
        id="saved in GBK"),
    pytest.param(
        DOCUMENT_YAML.encode("utf-16"),
        content_problems(
            f"{DOC}:1:1: error: the file is saved as UTF-16, not UTF-8",
            "    hint: save it again choosing the encoding 'UTF-8'"),
        id="saved in UTF-16 (little-endian, with BOM)"),
    pytest.param(
        b"\xfe\xff" + DOCUMENT_YAML.encode("utf-16-be"),
        content_problems(
            f"{DOC}:1:1: error: the file is saved as UTF-16, not UTF-8",
            "    hint: save it again choosing the encoding 'UTF-8'"),
        id="saved in UTF-16 (big-endian, with BOM)"),
    pytest.param(
        DOCUMENT_YAML.encode("utf-16-le"),
        content_problems(
            f"{DOC}:1:1: error: the file is saved as UTF-16, not UTF-8",
            "    hint: save it again choosing the encoding 'UTF-8'"),
        id="saved in UTF-16 without BOM"),
    pytest.param(
        DOCUMENT_YAML.encode().replace(b"number: DEMO-ITSS-0001", b"number: DEMO-ITSS-0001\xff"),
        content_problems(
            f"{DOC}:1:23: error: invalid UTF-8 byte 0xFF",
            "    hint: save the file as UTF-8; if text was pasted from another program, retype "
            "the characters on this line"),
        id="a stray byte after plain ASCII text"),
    pytest.param(
        DOCUMENT_YAML.encode().replace("为了规范运维服务。".encode(),
                                       "为了规范".encode() + b"\xff" + "运维服务。".encode()),
        content_problems(
            f"{DOC}:17:13: error: invalid UTF-8 byte 0xFF",
            "    hint: save the file as UTF-8; if text was pasted from another program, retype "
            "the characters on this line"),
        id="a stray byte after Chinese text"),
]


@pytest.mark.parametrize("raw, expected", ENCODING_CASES)
def test_a_file_that_is_not_utf8_is_refused(raw, expected, runner, project):
    refuse_content(runner, project, {DOC: raw}, expected)


@pytest.mark.parametrize("raw", [
    pytest.param(b"\xef\xbb\xbf" + DOCUMENT_YAML.encode(), id="UTF-8 with a BOM"),
    pytest.param(DOCUMENT_YAML.replace("\n", "\r\n").encode(), id="CRLF line ends"),
    pytest.param(b"\xef\xbb\xbf" + DOCUMENT_YAML.replace("\n", "\r\n").encode(),
                 id="UTF-8 with a BOM and CRLF line ends"),
])
def test_a_windows_utf8_file_builds(raw, runner, tmp_path, in_folder):
    root = in_folder(demo_project(tmp_path))
    write(root, {DOC: raw})
    result = docgen(runner, "build")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    read = read_docx(root / OUTPUT)
    assert [p.text for p in read.paragraphs if p.style == "Cover Title"] == ["示例管理计划"]
    assert [p.display for p in read.headings] == ["1. 目的"]
    assert "为了规范运维服务。" in [p.text for p in read.paragraphs]
    assert not [p.text for p in read.paragraphs if "\r" in p.text or "\ufeff" in p.text]


# --- 3. Implicit typing (YAML 1.1 traps) -----------------------------------------------

TYPING_CASES = [
    pytest.param(
        table_yaml(options="number_rows: 1.0"),
        content_problems(
            f"{DOC}:18:24: error: '1.0' is not allowed for 'number_rows'",
            "    hint: use one of: '1.' or '1'"),
        id="number_rows: 1.0"),
    pytest.param(
        table_yaml(options="number_rows: yes"),
        content_problems(
            f"{DOC}:18:24: error: 'yes' is not allowed for 'number_rows'",
            "    hint: use one of: '1.' or '1'"),
        id="number_rows: yes"),
    pytest.param(
        document_yaml("""\
            - title: 目的
              body:
                - numbered: [制订计划, 组织实施]
                  format: 1
            """),
        content_problems(
            f"{DOC}:18:17: error: '1' is not allowed for 'format'",
            "    hint: use one of: '1.', '1、', '(1)', '（1）', '1)', '①' or 'a.'"),
        id="list format: 1"),
    pytest.param(
        DOCUMENT_YAML.replace("kind: 计划", "kind: off"),
        content_problems(
            f"{DOC}:3:7: error: 'off' is not allowed for 'kind'",
            "    hint: use one of: '计划', '制度', '程序', '规范', '目录', '手册', '协议', '指南', "
            "'清单', '报告', '方案' or '其他'"),
        id="kind: off"),
    pytest.param(
        DOCUMENT_YAML.replace("kind: 计划", "kind: 计划\nstatus: no"),
        content_problems(
            f"{DOC}:4:9: error: 'no' is not allowed for 'status'",
            "    hint: use one of: 'current' or 'withdrawn'"),
        id="status: no"),
    pytest.param(
        document_yaml(extra="kpis:\n  sla: {name: SLA达成率, target: ≥95%, period: 1}\n"),
        content_problems(
            f"{DOC}:15:45: error: '1' is not allowed for 'period'",
            "    hint: use one of: '周度', '月度', '季度', '半年' or '年度'"),
        id="period: 1"),
    pytest.param(
        DOCUMENT_YAML.replace("review_date: 2025-01-08", "review_date: 2025-02-30"),
        content_problems(
            f"{DOC}:10:18: error: '2025-02-30' is not a date that exists (2025-02 has no day 30)",
            "    hint: write a date that exists, as YYYY-MM-DD"),
        id="date 2025-02-30"),
    pytest.param(
        DOCUMENT_YAML.replace("review_date: 2025-01-08", "review_date: 2025-13-01"),
        content_problems(
            f"{DOC}:10:18: error: '2025-13-01' is not a date that exists (there is no month 13)",
            "    hint: write a date that exists, as YYYY-MM-DD"),
        id="date 2025-13-01"),
    pytest.param(
        table_yaml(total="{sum: yes}"),
        content_problems(
            f"{DOC}:23:50: error: 'yes' is not true or false",
            "    hint: write true or false (yes, no, on and off are not accepted)"),
        id="sum: yes"),
]


@pytest.mark.parametrize("text, expected", TYPING_CASES)
def test_yaml_1_1_values_are_refused_where_they_mean_nothing(text, expected, runner, project):
    refuse_content(runner, project, {DOC: text}, expected)


def test_the_table_of_the_typing_cases_builds_when_its_values_are_right(runner, project):
    write(project, {DOC: table_yaml(options='number_rows: "1."')})
    result = docgen(runner, "build")
    assert result.exit_code == 0, result.output
    table = read_docx(project / OUTPUT).tables[-1]
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["序号", "岗位", "人数"], ["1.", "运维工程师", "2"], ["合计", "2"]]


@pytest.mark.parametrize("written", ["NO", "off", "yes", "on", "1:30", "0303", "1e3", "0x1F",
                                     ".inf", "1_000", "2025-01-07"])
def test_a_title_that_yaml_1_1_would_retype_stays_as_written(written, runner, tmp_path,
                                                             in_folder):
    text = document_yaml(f"""\
        - title: {written}
          body:
            - {written}
        """).replace("title: 示例管理计划", f"title: {written}")
    root = in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": text}))
    result = docgen(runner, "build")
    assert result.exit_code == 0, result.output
    [built] = (root / "output" / "demo").glob("*.docx")
    read = read_docx(built)
    assert [p.text for p in read.paragraphs if p.style == "Cover Title"] == [written]
    assert [p.display for p in read.headings] == [f"1. {written}"]
    assert read.paragraphs[-1].text == written


def test_version_1_10_stays_v1_10(runner, tmp_path, in_folder):
    text = DOCUMENT_YAML.replace("version: V1.0", "version: 1.10")
    root = in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": text}))
    result = docgen(runner, "build")
    assert result.exit_code == 0, result.output
    assert result.stdout == "wrote output/demo/DEMO-ITSS-0001 示例管理计划 V1.10.docx\n"
    read = read_docx(root / "output/demo/DEMO-ITSS-0001 示例管理计划 V1.10.docx")
    assert [p.text for p in read.paragraphs if p.style == "Cover Version"] == ["版本：V1.10"]
    assert read.headers == ["示例科技有限公司\tDEMO-ITSS-0001 V1.10"]


SECOND_REVISION = """\
  - version: {version}
    author: 张三
    date: 2025-02-07
    reviewer: 李四
    review_date: 2025-02-08
    approver: 王五
    approve_date: 2025-02-09
    change: 修订KPI目标
"""


def two_revisions(first: str, second: str) -> str:
    return DOCUMENT_YAML.replace("version: V1.0", f"version: {first}").replace(
        "sections:", SECOND_REVISION.format(version=second) + "sections:")


def test_v1_10_sorts_after_v1_9(runner, tmp_path, in_folder):
    in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": two_revisions("1.9",
                                                                                     "1.10")}))
    result = docgen(runner, "check")
    assert result.exit_code == 0, result.output
    assert result.stdout == "docgen check: 0 errors, 0 warnings in 1 document\n"


def test_v1_9_after_v1_10_is_out_of_order(runner, tmp_path, in_folder):
    in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": two_revisions("1.10",
                                                                                     "1.9")}))
    result = docgen(runner, "check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "DEMO-ITSS-0001 示例管理计划: 1 error, 0 warnings",
        f"{DOC}:14:14: error META-REVISION-ORDER revision V1.9 follows V1.10: versions must "
        "increase from row to row",
        "    hint: list the revisions oldest first, each with a higher version",
        "",
        "docgen check: 1 error, 0 warnings in 1 document"]


# --- 4. Content -----------------------------------------------------------------------

CONTENT_CASES = [
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("approve_date: 2025-01-09", "approve_date: 2025-02-29")},
        content_problems(
            f"{DOC}:12:19: error: '2025-02-29' is not a date that exists (2025-02 has no day 29)",
            "    hint: write a date that exists, as YYYY-MM-DD"),
        id="29 February in a year that is not a leap year"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("approver: 王五", "approver: 王六")},
        content_problems(
            f"{DOC}:11:15: error: '王六' is not a person of 示例科技有限公司",
            "    hint: add '王六' to people in demo/org.yaml, or correct the name"),
        id="a signer not in the organization"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("author: 张三", 'author: ""')},
        content_problems(
            f"{DOC}:7:13: error: the author of V1.0 is empty",
            "    hint: name the 编制 (author) of V1.0, one of: 张三"),
        id="an empty signer"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("approver: 王五", 'approver: " 王 五"')},
        content_problems(
            f"{DOC}:11:15: error: '王 五' is not a person of 示例科技有限公司",
            "    hint: add '王 五' to people in demo/org.yaml, or correct the name"),
        id="a signer with a space in the name"),
    pytest.param(
        {SECOND: DOCUMENT_YAML},
        content_problems(
            f"{SECOND}:1:9: error: document number 'DEMO-ITSS-0001' is already used by "
            "DEMO-ITSS-0001.yaml",
            "    hint: give each document its own number"),
        id="a duplicate document number"),
    pytest.param(
        {DOC: document_yaml("""\
            - title: 人员
              body:
                - table:
                    id: staff
                    header: [[岗位, 人数]]
                    rows: [[运维工程师, "2"]]
                - table:
                    id: staff
                    header: [[岗位, 人数]]
                    rows: [[质量工程师, "1"]]
            """)},
        content_problems(
            f"{DOC}:22:15: error: table id 'staff' is used twice",
            "    hint: give each table its own id"),
        id="a duplicate table id"),
    pytest.param(
        {DOC: document_yaml("""\
            - title: 目的
              id: purpose
            - title: 范围
              id: purpose
            """)},
        content_problems(
            f"{DOC}:18:9: error: section id 'purpose' is used twice",
            "    hint: give each section its own id"),
        id="a duplicate section id"),
    pytest.param(
        {DOC: document_yaml("""\
            - title: 目的
              body:
                - "SLA达成率的目标值为{{ kpi.nope.target }}。"
            """, extra="kpis:\n  sla: {name: SLA达成率, target: ≥95%}\n")},
        content_problems(
            f"{DOC}:19:21: error: {{{{ kpi.nope.target }}}} names a KPI that does not exist: no "
            "KPI with id 'nope' in this document",
            "    hint: known kpis: sla"),
        id="prose citing an unknown KPI"),
    pytest.param(
        {DOC: document_yaml("""\
            - title: 目的
              body:
                - kpi_table: [nope]
            """, extra="kpis:\n  sla: {name: SLA达成率, target: ≥95%}\n")},
        content_problems(
            f"{DOC}:19:21: error: no KPI with id 'nope' in this document",
            "    hint: known kpis: sla"),
        id="kpi_table naming an unknown KPI"),
    pytest.param(
        {DOC: document_yaml("""\
            - title: 目的
              body:
                - activity_table: [nope]
            """, extra="activities:\n  audit: {name: 内审}\n")},
        content_problems(
            f"{DOC}:19:26: error: no activity with id 'nope' in this document",
            "    hint: known activities: audit"),
        id="activity_table naming an unknown activity"),
    pytest.param(
        {DOC: document_yaml("""\
            - title: 目的
              body:
                - table:
                    details: nope
                    header: [[过程, 要求]]
                    rows: [[事件管理, 及时响应]]
            """)},
        content_problems(
            f"{DOC}:18:20: error: 'nope' is not a process group of this document",
            "    hint: known process groups: none"),
        id="table details naming an unknown process group"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("为了规范运维服务。", "为了规范\x0b运维服务。")},
        content_problems(
            f"{DOC}:17:13: error: illegal control character U+000B (vertical tab (a manual line "
            "break pasted from Word))",
            "    hint: delete it; if the text was pasted from Word, retype the line break as a "
            "new list item or paragraph"),
        id="a raw vertical tab pasted from Word"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("为了规范运维服务。", "为了规范\x0c运维服务。")},
        content_problems(
            f"{DOC}:17:13: error: illegal control character U+000C (form feed (a page break "
            "pasted from Word))",
            "    hint: delete it; if the text was pasted from Word, retype the line break as a "
            "new list item or paragraph"),
        id="a raw form feed pasted from Word"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("为了规范运维服务。", "为了规范\x00运维服务。")},
        content_problems(
            f"{DOC}:17:13: error: illegal control character U+0000 (NUL)",
            "    hint: delete it; if the text was pasted from Word, retype the line break as a "
            "new list item or paragraph"),
        id="a raw NUL"),
    pytest.param(
        {DOC: DOCUMENT_YAML.replace("为了规范运维服务。", '"为了规范\\x0b运维服务。"')},
        content_problems(
            f"{DOC}:17:9: error: illegal control character U+000B (vertical tab (a manual line "
            "break pasted from Word)) in this value",
            "    hint: remove the escape sequence from the quoted text"),
        id="a vertical tab written as an escape in double quotes"),
    pytest.param(
        {DOC: document_yaml("""\
            - title: 一级
              sections:
                - title: 二级
                  sections:
                    - title: 三级
                      sections:
                        - title: 四级
                          sections:
                            - title: 五级
                              body: [嵌套过深。]
            """)},
        content_problems(
            f"{DOC}:23:28: error: sections nest 5 levels deep here; headings are numbered to 4 "
            "levels (4.1.1.1.)",
            "    hint: move this section up a level, or make its title a paragraph"),
        id="sections nested five levels deep"),
    pytest.param(
        {DOC: document_yaml("""\
            - title: 人员
              body:
                - table:
                    header: [[岗位, 部门, 人数]]
                    rows:
                      - [运维工程师, 运维部, "2"]
                      - [质量工程师, "1"]
            """)},
        content_problems(
            f"{DOC}:21:15: error: this row fills 2 column(s) but the table's first row fills 3",
            "    hint: add or remove cells, or fix a 'rows'/'cols' span; positions covered by a "
            "merged cell from above are left out of the row"),
        id="a row that does not fill the table"),
    pytest.param(
        {DOC: document_yaml("""\
            - title: 人员
              body:
                - table:
                    header: [[岗位, 部门, 人数]]
                    rows:
                      - [{text: 技术岗, rows: 3}, 运维部, "2"]
                      - [质量部, "1"]
            """)},
        content_problems(
            f"{DOC}:20:15: error: the cell spans 3 rows but only 2 row(s) follow from here",
            "    hint: reduce 'rows' or add the missing rows"),
        id="a cell spanning past the last row"),
]


@pytest.mark.parametrize("files, expected", CONTENT_CASES)
def test_bad_content_is_refused(files, expected, runner, project):
    refuse_content(runner, project, files, expected)


LONG = ("运维服务质量管理" * 25_000)[:200_000]


@pytest.mark.parametrize("paragraph, shown", [
    pytest.param(LONG, LONG, id="plain text"),
    pytest.param('"{{ doc.title }}：' + LONG + '"', "示例管理计划：" + LONG, id="citing a fact"),
])
def test_a_paragraph_of_200_000_characters_builds_and_reads_back_whole(paragraph, shown, runner,
                                                                        tmp_path, in_folder):
    text = DOCUMENT_YAML.replace("为了规范运维服务。", paragraph)
    root = in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": text}))
    result = docgen(runner, "build")
    assert result.exit_code == 0, result.output
    assert shown in [p.text for p in read_docx(root / OUTPUT).paragraphs]


# --- 5. Templates ---------------------------------------------------------------------


def template_parts(root: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(root / TEMPLATE) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_template(root: Path, parts: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    (root / TEMPLATE).write_bytes(buffer.getvalue())


def edit_part(part: str, old: str, new: str) -> Callable[[Path], None]:
    """Return a damage that replaces `old` by `new` in one part of the template."""

    def damage(root: Path) -> None:
        parts = template_parts(root)
        assert old.encode() in parts[part]
        parts[part] = parts[part].replace(old.encode(), new.encode())
        write_template(root, parts)

    return damage


def not_a_zip(root: Path) -> None:
    (root / TEMPLATE).write_bytes(b"This is not a Word document.\n")


def corrupt_zip(root: Path) -> None:
    data = bytearray((root / TEMPLATE).read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = b"\0" * 64
    (root / TEMPLATE).write_bytes(bytes(data))


def zip_not_word(root: Path) -> None:
    write_template(root, {"hello.txt": b"hello"})


def remove_revision_loop(root: Path) -> None:
    parts = template_parts(root)
    xml = parts["word/document.xml"].decode()
    for tag in ("{%tr for r in revisions %}", "{%tr endfor %}"):
        assert tag in xml
        xml = xml.replace(tag, "")
    parts["word/document.xml"] = xml.encode()  # the row's {{ r.version }}... stay, as in Word
    write_template(root, parts)


def remove_style(root: Path) -> None:
    edit_part("word/styles.xml", 'w:val="Table Text"', 'w:val="My Text"')(root)


def ask_for_missing_template(root: Path) -> None:
    write(root, {DOC: DOCUMENT_YAML.replace("kind: 计划", "kind: 计划\ntemplate: fancy")})


TAG_HINT = ("open the template in Word and fix the tag; tags look like {{ doc.number }} or "
            "{%tr for r in revisions %}")

TEMPLATE_CASES = [
    pytest.param(
        not_a_zip,
        template_refused("the template is not a .docx file (not a zip archive)",
                         "save the template from Word or WPS as 'Word Document (.docx)'"),
        id="not a zip"),
    pytest.param(
        corrupt_zip,
        # After the colon: zlib's or zipfile's own words, which depend on the bytes hit.
        template_refused(re.compile(re.escape(f"{TEMPLATE}: error: the template file is "
                                              "damaged: ") + ".+"),
                         "restore it from version control or save it again"),
        id="a corrupt zip"),
    pytest.param(
        zip_not_word,
        template_refused("the template is a zip archive but not a Word document",
                         "save the template from Word or WPS as .docx"),
        id="a zip that is not a Word document"),
    pytest.param(
        edit_part("word/document.xml", "{{ body }}", "正文"),
        template_refused("the template has no {{ body }} tag",
                         "put {{ body }} alone in the paragraph where the numbered body should "
                         "start"),
        id="no body tag"),
    pytest.param(
        remove_revision_loop,
        template_refused("the template lacks the tags that show revisions",
                         "restore them from the bundled template, e.g. {{ doc.number }} and the "
                         "{%tr for r in revisions %} row of the revision table"),
        id="the revision-table loop removed"),
    pytest.param(
        edit_part("word/document.xml", "{{ doc.cover_title }}", "{{ doc.owner }}"),
        template_refused("the tag {{ doc.owner }} asks for doc.owner, which docgen does not "
                         "provide",
                         "remove the tag in Word, or use one of: doc.change, doc.cover_title, "
                         "doc.department, doc.effective_date, doc.kind, doc.number, "
                         "doc.previous_version, doc.released_on, doc.state, doc.title, "
                         "doc.version"),
        id="a tag the content does not provide"),
    pytest.param(
        edit_part("word/document.xml", "{{ doc.number }}", "{{ doc.number }"),
        template_refused("Jinja syntax error in the tag {{ doc.number }: unexpected '}'",
                         TAG_HINT),
        id="a Jinja syntax error in the body"),
    pytest.param(
        edit_part("word/header1.xml", "{{ doc.number }}", "{{ doc.number }"),
        template_refused("Jinja syntax error in the tag {{ doc.number }: unexpected '}'",
                         TAG_HINT),
        id="a Jinja syntax error in the page header"),
    pytest.param(
        remove_style,
        template_refused("the template lacks the style(s) Table Text",
                         "add them in Word (Styles pane) or start again from "
                         "templates/docx/controlled-document.docx"),
        id="a style docgen writes in is missing"),
    pytest.param(
        ask_for_missing_template,
        content_problems(
            f"{DOC}:4:11: error: there is no template 'fancy' in the templates folder",
            "    hint: available templates: controlled-document, controlled-document-4col, "
            "controlled-document-6col, policy"),
        id="a document asks for a template that does not exist"),
]


@pytest.mark.parametrize("damage, expected", TEMPLATE_CASES)
def test_a_template_that_cannot_be_used_is_refused(damage, expected, runner, project):
    before = snapshot(project / "output")
    damage(project)
    assert_refused(docgen(runner, "build"), expected)
    assert snapshot(project / "output") == before


# --- 6. Output ------------------------------------------------------------------------


def edit_first_document(root: Path) -> None:
    """Change the first document, so that any file written over its output would differ."""
    path = root / DOC
    path.write_text(path.read_text(encoding="utf-8").replace("为了规范运维服务。",
                                                             "为了规范和改进运维服务。"),
                    encoding="utf-8")


def folder_in_place_of(relative: str) -> Callable[[Path, pytest.MonkeyPatch], None]:
    def damage(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        (root / relative).unlink()
        (root / relative).mkdir()

    return damage


def organization_folder_is_a_file(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.rmtree(root / "output" / "demo")
    (root / "output" / "demo").write_text("not a folder\n", encoding="utf-8")


def fail(error: int, message: str) -> Callable[..., None]:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(error, message)  # OSError(EACCES, ...) is a PermissionError

    return refuse


def read_only_folder(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated: tests may run as root, who can write into a read-only folder. Files
    # are still read (content, templates); creating one is refused.
    opening = os.open

    def open_for_reading_only(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return opening(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_for_reading_only)


def disk_full_on_flush(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fsync", fail(errno.ENOSPC, "No space left on device"))


def disk_full_on_rename(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "replace", fail(errno.ENOSPC, "No space left on device"))


def file_open_in_word(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # What Windows says when Word holds the file open: the rename is refused.
    monkeypatch.setattr(os, "replace", fail(errno.EACCES, "Permission denied"))


PERMISSION_HINT = ("    hint: make the output folder writable, and close the file if Word or WPS "
                   "has it open; earlier output is unchanged")
DISK_FULL_HINT = "    hint: free some space and build again; earlier output is unchanged"

OUTPUT_CASES = [
    pytest.param(
        folder_in_place_of(OUTPUT),
        [f"{OUTPUT}: error: cannot write: a folder of that name is in the way",
         "    hint: remove or rename that folder; earlier output is unchanged"],
        id="the target .docx is a folder"),
    pytest.param(
        folder_in_place_of(SECOND_OUTPUT),
        [f"{SECOND_OUTPUT}: error: cannot write: a folder of that name is in the way",
         "    hint: remove or rename that folder; earlier output is unchanged"],
        id="a later document's target is a folder"),
    pytest.param(
        organization_folder_is_a_file,
        ["output/demo: error: cannot write: it is a file, not a folder",
         "    hint: rename or remove that file: docgen writes the documents of this "
         "organization into a folder of that name; earlier output is unchanged"],
        id="the organization's output folder is a file"),
    pytest.param(
        read_only_folder,
        [f"{OUTPUT}: error: cannot write: permission denied", PERMISSION_HINT],
        id="a read-only output folder (simulated)"),
    pytest.param(
        disk_full_on_flush,
        [f"{OUTPUT}: error: cannot write: the disk is full", DISK_FULL_HINT],
        id="a full disk while the file is flushed (simulated)"),
    pytest.param(
        disk_full_on_rename,
        [f"{OUTPUT}: error: cannot write: the disk is full", DISK_FULL_HINT],
        id="a full disk while the file is renamed (simulated)"),
    pytest.param(
        file_open_in_word,
        [f"{OUTPUT}: error: cannot write: permission denied", PERMISSION_HINT],
        id="the file is open in Word (simulated)"),
]


@pytest.mark.parametrize("damage, expected", OUTPUT_CASES)
def test_output_that_cannot_be_written_leaves_earlier_output_intact(
        damage, expected, runner, tmp_path, in_folder, monkeypatch):
    root = in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": DOCUMENT_YAML,
                                                       "DEMO-ITSS-0002.yaml": SECOND_YAML}))
    assert docgen(runner, "build").exit_code == 0
    edit_first_document(root)
    with monkeypatch.context() as patch:
        damage(root, patch)
        before = snapshot(root / "output")
        result = docgen(runner, "build")
    assert_refused(result, expected)
    assert snapshot(root / "output") == before
    assert no_temporary_files(root / "output")


# --- 7. Command line ------------------------------------------------------------------

BUMP = ["bump", "DEMO-ITSS-0001", "--minor", "--change", "修订KPI目标", "--author", "张三",
        "--reviewer", "李四", "--approver", "王五"]

COMMAND_LINE_CASES = [
    pytest.param(
        ["build", "DEMO-ITSS-9999"],
        ["docgen: error: no document numbered 'DEMO-ITSS-9999'",
         "    hint: known documents: DEMO-ITSS-0001"],
        id="build: an unknown document number"),
    pytest.param(
        ["check", "DEMO-ITSS-9999"],
        ["docgen: error: no document numbered 'DEMO-ITSS-9999'",
         "    hint: known documents: DEMO-ITSS-0001"],
        id="check: an unknown document number"),
    pytest.param(
        ["build", "--fast"],
        ["Usage: docgen build [OPTIONS] [NUMBERS]...",
         "Try 'docgen build --help' for help.",
         "",
         "Error: No such option '--fast'."],
        id="build: an unknown option"),
    pytest.param(
        ["build", "--strcit"],
        ["Usage: docgen build [OPTIONS] [NUMBERS]...",
         "Try 'docgen build --help' for help.",
         "",
         "Error: No such option '--strcit'. Did you mean '--strict'?"],
        id="build: a misspelt option"),
    pytest.param(
        ["build", "--content", "nowhere"],
        ["docgen: error: there is no content folder at nowhere",
         "    hint: run docgen in your project folder, or pass --content DIR"],
        id="build: a content folder that does not exist"),
    pytest.param(
        ["check", "--content", "nowhere"],
        ["docgen: error: there is no content folder at nowhere",
         "    hint: run docgen in your project folder, or pass --content DIR"],
        id="check: a content folder that does not exist"),
    pytest.param(
        ["build", "--templates", "nowhere"],
        ["docgen: error: there is no templates folder at nowhere",
         "    hint: run docgen in your project folder, or pass --templates DIR"],
        id="build: a templates folder that does not exist"),
    pytest.param(
        ["check", "--format", "xml"],
        ["Usage: docgen check [OPTIONS] [NUMBER|FILE.docx|FOLDER]...",
         "Try 'docgen check --help' for help.",
         "",
         "Error: Invalid value for '--format': 'xml' is not one of 'text', 'json'."],
        id="check --format xml"),
    pytest.param(
        [*BUMP, "--date", "2025-02-30"],
        ["Usage: docgen bump [OPTIONS] NUMBER",
         "Try 'docgen bump --help' for help.",
         "",
         "Error: Invalid value for '--date': '2025-02-30' is not a date that exists (2025-02 "
         "has no day 30)"],
        id="bump --date that does not exist"),
    pytest.param(
        [*BUMP, "--approve-date", "2025-13-01"],
        ["Usage: docgen bump [OPTIONS] NUMBER",
         "Try 'docgen bump --help' for help.",
         "",
         "Error: Invalid value for '--approve-date': '2025-13-01' is not a date that exists "
         "(there is no month 13)"],
        id="bump --approve-date that does not exist"),
]


@pytest.mark.parametrize("args, expected", COMMAND_LINE_CASES)
def test_a_command_line_that_cannot_be_followed_is_refused(args, expected, runner, project):
    content, output = snapshot(project / "content"), snapshot(project / "output")
    assert_refused(docgen(runner, *args), expected)
    assert snapshot(project / "content") == content
    assert snapshot(project / "output") == output
