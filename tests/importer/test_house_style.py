"""The house style a Word body shows, in org.yaml's `style:` terms: only what the body
gives evidence of, and a guess where the evidence is thin or mixed."""

from __future__ import annotations

import pytest

from docgen.catalogue import style as style_said
from docgen.content.loader import load_content
from docgen.content.resolve import resolve_content
from docgen.i18n import ENGLISH
from docgen.importer.into_project import import_into_project
from docgen.project import Project
from docgen.style import HouseStyle
from docgen.style_options import date_pattern, heading_scheme
from tests.importer.making import T, body_of, guessed, heading, p
from tests.support.building import build
from tests.support.trees import ORG_YAML, TEMPLATES, demo_project, document_yaml


@pytest.mark.parametrize("first, second, scheme", [
    ("1. 目的", "1.1. 范围", "1."), ("1 目的", "1.1 范围", "1"),
    ("一、目的", "（一）范围", "gbt9704"), ("第一章 总则", "第一条 目的", "chapters")])
def test_headings_from_the_labels_the_original_shows(first, second, scheme):
    body = body_of(heading(first), heading(second, font=""), "甲。", heading(first.replace(
        "1", "2").replace("一", "二")), "乙。")
    assert body.style["headings"] == scheme
    assert ("style", "headings") not in guessed(body)


def test_a_body_without_numbered_headings_says_nothing_of_them():
    body = body_of(p("目的", style="Heading 1"), "甲。", p("范围", style="Heading 1"), "乙。")
    assert "headings" not in body.style


def test_lists_take_the_label_most_items_carry_and_other_lists_keep_their_own():
    body = body_of(heading("1 要求"), "甲：", "（1）巡检；", "（2）处理；", "（3）回访。",
                   "乙：", "1、登记；", "2、归档。", "丙：", "➤ 培训", "➤ 考核", "丁：", "• 其他")
    assert body.style["numbered_lists"] == "（1）"
    assert body.style["bullets"] == "➤"
    blocks = body.sections[0]["body"]
    assert blocks[1] == {"numbered": ["巡检；", "处理；", "回访。"]}
    assert blocks[3] == {"numbered": ["登记；", "归档。"], "format": "1、"}
    assert blocks[7] == {"bullets": ["其他"], "format": "•"}
    assert guessed(body)[("style", "numbered_lists")] == ["import.body.style-mixed"]


@pytest.mark.parametrize("written, example", [
    (["2025.03.01", "2025.11.20"], "2025.01.07"),
    (["2025.3.1", "2025.11.20"], "2025.1.7"),
    (["2025. 3. 1", "2025. 11. 20"], "2025. 1. 7"),
    (["2025年3月1日", "2024年12月31日"], "2025年1月7日"),
    (["2025-03-01", "2025-11-20"], "2025-01-07"),
    (["2025/3/1", "2025/11/20"], "2025/1/7"),
])
def test_dates_are_written_as_the_body_writes_them_shown_for_7_january_2025(written, example):
    body = body_of(heading("1 计划"), f"本计划于{written[0]}发布。",
                   T([["事项", "日期"], ["评审", written[1]]], bold_first_row=True))
    assert body.style["dates"] == example
    assert date_pattern(example) is not None
    assert ("style", "dates") not in guessed(body)


def test_dates_written_two_ways_or_once_are_a_guess():
    mixed = body_of(heading("1 计划"), "2025年3月1日发布，2025.03.10实施，2025年11月20日复审。")
    assert mixed.style["dates"] == "2025年1月7日"
    assert guessed(mixed)[("style", "dates")] == ["import.body.dates"]
    once = body_of(heading("1 计划"), "评审日期为2025年11月20日。")
    assert guessed(once)[("style", "dates")] == ["import.body.dates"]
    assert "dates" not in body_of(heading("1 计划"), "2025年度计划，1.5倍，版本1.0。").style


def test_captions_numbered_by_chapter_above_and_a_lone_caption_style_without_numbers():
    chaptered = body_of(heading("1 资源"), p("表1-1 设备", center=True),
                        T([["设备", "数量"], ["服务器", "2"]], bold_first_row=True),
                        p("表1-2 工具", center=True),
                        T([["工具", "数量"], ["监控", "1"]], bold_first_row=True))
    assert chaptered.style["captions"] == {"numbering": "chapter", "position": "above"}
    unnumbered = body_of(heading("1 资源"), p("设备清单", style="Caption"),
                         T([["设备", "数量"], ["服务器", "2"]], bold_first_row=True))
    assert unnumbered.style["captions"] == {"numbering": "none", "position": "above"}
    assert "captions" not in body_of(heading("1 资源"), T([["设备"], ["服务器"]])).style


@pytest.mark.parametrize("labels, scheme", [
    # 1. for chapters and 1.1 below, as many Chinese houses number them.
    (("5. ", "5.1 ", "5.1.1 ", "5.1.2 ", "6. "), "1. / 1.1 / 1.1.1"),
    (("5. ", "5.1. ", "5.1.1 ", "5.1.2 ", "6. "), "1. / 1.1. / 1.1.1"),
    (("5 ", "5.1. ", "5.1.1. ", "5.1.2.", "6 "), "1 / 1.1. / 1.1.1."),
    (("5．", "5.1 ", "5.1.1 ", "5.1.2 ", "6．"), "1. / 1.1 / 1.1.1"),  # a full-width dot
    (("5. ", "5.1 ", "5.1.1.", "5.1.2.", "6. "), "1. / 1.1 / 1.1.1."),
    (("5.", "5.1.", "5.1.1.", "5.1.2.", "6."), "1."),
    (("5", "5.1", "5.1.1", "5.1.2", "6"), "1"),
])
def test_a_decimal_scheme_is_read_level_by_level_and_written_as_the_levels_look(labels, scheme):
    top, second, third, fourth, last = labels
    body = body_of(heading(f"{top}组织"), "甲。", heading(f"{second}委员会", font=""), "乙。",
                   heading(f"{third}职责", font=""), "丙。", heading(f"{fourth}权限", font=""),
                   "丁。", heading(f"{last}附则"), "戊。")
    assert body.style["headings"] == scheme
    assert ("style", "headings") not in guessed(body)


def test_two_levels_shown_give_two_forms_and_the_last_counts_for_the_deeper_levels():
    body = body_of(heading("1. 目的"), "甲。", heading("2. 职责"), "乙。",
                   p("2.1 运维部", bold=True), "丙。", p("2.2 质量部", bold=True), "丁。")
    assert body.style["headings"] == "1. / 1.1"
    assert ("style", "headings") not in guessed(body)


def test_numbers_of_one_level_that_end_both_ways_make_the_scheme_a_guess_saying_where():
    body = body_of(heading("6. 过程"), "甲。", heading("6.1 规划", font=""), "乙。",
                   heading("6.2. 监控", font=""), "丙。", heading("6.3 评审", font=""), "丁。")
    assert body.style["headings"] == "1. / 1.1"
    [note] = [guess.what for guess in body.guesses if guess.path == ("style", "headings")]
    assert note == style_said.HEADING_LEVEL_MIXED(chosen="1. / 1.1", level=2,
                                                  examples=["6.2.", "6.1"])


def test_numbers_below_another_scheme_do_not_make_it_decimal():
    body = body_of(heading("一、总则"), "甲。", heading("（一）目的", font=""), "乙。",
                   p("1. 范围", bold=True), "丙。", p("2. 职责", bold=True), "丁。",
                   heading("二、附则"), "戊。")
    assert body.style["headings"] == "gbt9704"

SECTIONS = """\
- title: 目的
  body: [为了规范。]
- title: 职责
  sections:
    - title: 运维部
      sections:
        - title: 值班
          body: [正文。]
        - title: 巡检
          body: [正文。]
    - title: 质量部
      body: [正文。]
"""


@pytest.mark.parametrize("scheme", ["1. / 1.1", "1 / 1.1. / 1.1.1", "1.", "1"])
def test_word_numbering_of_a_scheme_is_read_back_as_that_scheme(tmp_path, scheme):
    built = demo_project(tmp_path / "built", org=ORG_YAML + f'style:\n  headings: "{scheme}"\n',
                         documents={"DEMO-ITSS-0001.yaml": document_yaml(SECTIONS)})
    build(Project(built / "content", built / "templates" / "docx", built / "output"))
    [docx] = (built / "output" / "demo").glob("*.docx")
    again = Project(tmp_path / "again" / "content", TEMPLATES, tmp_path / "again" / "output")
    import_into_project(again, [docx], org="demo", language=ENGLISH)
    # The labels are Word's own (no number is typed), read level by level: each level the
    # document shows is written out.
    written = scheme if scheme in ("1.", "1") else \
        {"1. / 1.1": "1. / 1.1 / 1.1.1", "1 / 1.1. / 1.1.1": "1 / 1.1. / 1.1.1"}[scheme]
    [organization] = resolve_content(load_content(again.content)).organizations
    assert organization.style.heading_scheme == written
    assert organization.style.heading_levels == HouseStyle().heading_levels if scheme == "1." \
        else heading_scheme(scheme).levels
    lines = (again.content / "demo" / "org.yaml").read_text("utf-8").splitlines()
    # A guess is a comment above its key.
    shown = f'"{written}"' if written in ("1.", "1") else written  # quoted as the docs do
    assert "# import: guessed" not in lines[lines.index(f"  headings: {shown}") - 1]
