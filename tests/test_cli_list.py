"""docgen list: the document set at a glance, one aligned row per document."""

from __future__ import annotations

import re
import unicodedata

from docgen.cli import main
from tests.support.trees import DOCUMENT_YAML, SECOND_REVISION, demo_project, document_yaml

HEADER = ["NUMBER", "TITLE", "VERSION", "STATE", "CHANGED", "FINDINGS"]


def width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def cell_starts(line: str) -> list[int]:
    """Display columns at which the cells of a row start (cells are two spaces apart)."""
    return [width(line[:match.start()]) for match in re.finditer(r"(?:^|(?<=  ))\S", line)]


def numbered(number: str, title: str, text: str = DOCUMENT_YAML) -> str:
    return text.replace("DEMO-ITSS-0001", number).replace("示例管理计划", title)


# A second version written on 2025-03-01: CHANGED is its 编制 date, not its approval.
BUMPED = DOCUMENT_YAML.replace("sections:", SECOND_REVISION + "sections:", 1)
WARNED = numbered("DEMO-ITSS-0002", "第二份计划", BUMPED.replace("sections:", """\
kpis:
  sla: {name: SLA达成率, target: ≥95%}
  sla_again: {name: SLA达成率, target: ≥95%}
sections:""", 1))
FAULTY = numbered("DEMO-ITSS-0003", "服务目录", document_yaml(extra="""\
    kpis:
      response: {name: 事件响应及时率, target: ≥98%}
      response_again: {name: 事件响应及时率, target: ≥90%}
"""))
OLD = numbered("DEMO-ITSS-0004", "旧制度")


def test_list_shows_number_title_version_state_last_change_and_findings(runner, tmp_path,
                                                                        in_folder):
    in_folder(demo_project(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": DOCUMENT_YAML, "DEMO-ITSS-0002.yaml": WARNED,
        "DEMO-ITSS-0003.yaml": FAULTY, "DEMO-ITSS-0004.yaml": OLD}))
    for command in (["release", "DEMO-ITSS-0001", "--date", "2025-02-01"],
                    ["withdraw", "DEMO-ITSS-0004", "--reason", "废止", "--date", "2025-04-01"]):
        assert runner.invoke(main, command).exit_code == 0
    result = runner.invoke(main, ["list"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "NUMBER          TITLE         VERSION  STATE      CHANGED     FINDINGS",
        "DEMO-ITSS-0001  示例管理计划  V1.0     released   2025-01-07  -",
        "DEMO-ITSS-0002  第二份计划    V1.1     draft      2025-03-01  0 errors, 1 warning",
        "DEMO-ITSS-0003  服务目录      V1.0     draft      2025-01-07  1 error, 0 warnings",
        "DEMO-ITSS-0004  旧制度        V1.0     withdrawn  2025-01-07  -"]


def test_every_row_lines_up_with_the_header_counting_chinese_characters_as_two_columns(
        runner, tmp_path, in_folder):
    in_folder(demo_project(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": DOCUMENT_YAML, "DEMO-ITSS-0003.yaml": FAULTY}))
    lines = runner.invoke(main, ["list"]).stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].split() == HEADER
    assert len(cell_starts(lines[0])) == len(HEADER)
    assert [cell_starts(line) for line in lines[1:]] == [cell_starts(lines[0])] * 2
    assert all(line == line.rstrip() for line in lines)


def test_a_project_with_one_clean_document_lists_it_as_a_draft_without_findings(
        runner, demo, in_folder):
    in_folder(demo)
    result = runner.invoke(main, ["list"])
    assert result.exit_code == 0
    assert result.stdout == (
        "NUMBER          TITLE         VERSION  STATE  CHANGED     FINDINGS\n"
        "DEMO-ITSS-0001  示例管理计划  V1.0     draft  2025-01-07  -\n")


def test_the_bundled_documents_are_listed_with_their_findings(runner, yntd_project, in_folder):
    in_folder(yntd_project.content.parent)
    result = runner.invoke(main, ["list"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "NUMBER          TITLE                 VERSION  STATE  CHANGED     FINDINGS",
        "XLSJ-ZD-001     信息安全管理制度      V1.1     draft  2025-11-04  -",
        "YNTD-ITSS-0303  运维服务能力管理计划  V1.0     draft  2025-01-07  7 errors, 3 warnings",
        "YNTD-ITSS-0417  运维服务质量管理计划  V1.0     draft  2025-01-07  4 errors, 1 warning",
        "YNTD-ITSS-0600  过程框架管理制度      V1.0     draft  2025-01-07  3 errors, 0 warnings"]
