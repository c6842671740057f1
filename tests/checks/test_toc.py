"""STRUCT-TOC-MISMATCH: the table of contents an imported original printed (`toc:`) lists
the headings its body has, under their titles, whatever labels it prints them with."""

from __future__ import annotations

from pathlib import Path

from tests.checks.support import check_tree, document, of_rule

SECTIONS = """\
  - title: 目的
    body: [为了规范运维服务。]
  - title: 人员管理
    sections:
      - title: 人才招聘计划
        body: [按计划招聘。]
      - title: 人员培训
        body: [按计划培训。]
  - title: 附则
    body: [本计划自发布之日起施行。]
"""


def check_toc(tmp_path: Path, toc: str):
    text = document(sections=SECTIONS).replace("sections:\n", f"toc:\n{toc}sections:\n", 1)
    findings = check_tree(tmp_path, documents={"DEMO-ITSS-0001.yaml": text})
    return of_rule(findings, "STRUCT-TOC-MISMATCH")


def test_a_toc_that_lists_every_heading_as_it_is_titled_is_no_finding(tmp_path):
    assert check_toc(tmp_path, """\
  - 1. 目的
  - 2. 人员管理
  - 2.1 人才招聘计划
  - 2.2 人员 培训
  - 3 附则
""") == []


def test_a_toc_entry_for_a_renamed_heading_is_reported_at_its_line(tmp_path):
    assert check_toc(tmp_path, """\
  - 一、目的
  - 二、人员管理
  - （一）人员招聘计划
  - （二）人员培训
  - 三、附则
""") == [("DEMO-ITSS-0001", 17, "the table of contents lists '（一）人员招聘计划', but the "
          "heading there is '人才招聘计划'")]


def test_entries_without_headings_and_headings_without_entries_are_reported(tmp_path):
    findings = check_toc(tmp_path, """\
  - 1 目的
  - 2 人员管理
  - 2.1 人才招聘计划
  - 2.2 人员培训
  - 2.3 绩效考核
""")
    assert [text for _document, _line, text in findings] == [
        "the table of contents lists '2.3 绩效考核', but the heading there is '附则'"]
    findings = check_toc(tmp_path / "2", """\
  - 1 目的
  - 2.1 人才招聘计划
  - 2.2 人员培训
  - 3 附则
""")
    assert [text for _document, _line, text in findings] == [
        "the heading '人员管理' is missing from the table of contents"]


def test_a_toc_of_chapters_only_is_compared_with_the_chapters(tmp_path):
    assert check_toc(tmp_path, """\
  - 第一章 目的
  - 第二章 人员管理
  - 第三章 附则
""") == []


def test_entries_for_the_pages_before_the_body_are_no_finding(tmp_path):
    # The original's TOC starts with its revision history and foreword, unnumbered; docgen
    # prints those pages before its own TOC, which starts at the body.
    assert check_toc(tmp_path, """\
  - 修订记录
  - 前  言
  - 1. 目的
  - 2. 人员管理
  - 2.1 人才招聘计划
  - 2.2 人员培训
  - 3 附则
""") == []
    findings = check_toc(tmp_path / "2", """\
  - 1. 目的
  - 修订记录
  - 2. 人员管理
  - 2.1 人才招聘计划
  - 2.2 人员培训
  - 3 附则
""")
    assert [text for _document, _line, text in findings] == [
        "the table of contents lists '修订记录', which is not a heading of the document"]


def test_a_decimal_third_level_under_chinese_numerals_is_compared_at_its_level(tmp_path):
    """GB/T 9704 numbers the third level 1.: a TOC that lists it under 一、 and （一） goes
    three levels deep, whatever its label says on its own."""
    sections = SECTIONS.replace("""\
      - title: 人员培训
        body: [按计划培训。]
""", """\
      - title: 人员培训
        sections:
          - title: 一线支持组
            body: [按计划培训。]
""")
    text = document(sections=sections).replace("sections:\n", """toc:
  - 一、目的
  - 二、人员管理
  - （一）人才招聘计划
  - （二）人员培训
  - 1. 一线支持组
  - 三、附则
sections:
""", 1)
    findings = check_tree(tmp_path, documents={"DEMO-ITSS-0001.yaml": text})
    assert of_rule(findings, "STRUCT-TOC-MISMATCH") == []
