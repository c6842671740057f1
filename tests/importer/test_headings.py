"""Headings of a Word body: by style, or by typed numbers when the evidence agrees.

The files are made as people make them: heading styles from Word's Chinese interface,
typed numbers in bold 黑体 lines, GB/T 9704 numbering, 管理制度 with chapters and
articles, numbered sentences in running text that are not headings.
"""

from __future__ import annotations

from docgen.importer.headings import find_headings
from tests.importer.making import body_of, heading, p, word_of


def outline(sections: list, level: int = 1) -> list[tuple[int, str]]:
    """Return every section as (level, title), in order."""
    found = []
    for section in sections:
        found.append((level, section["title"]))
        found.extend(outline(section.get("sections", []), level + 1))
    return found


def codes(body) -> list[str]:
    return [guess.what.code for guess in body.guesses]


def test_typed_decimal_numbers_in_bold_lines_are_headings_at_their_depth():
    body = body_of(
        heading("1 目的"), "为规范运维服务质量管理工作，特制定本计划。",
        heading("2 职责"), heading("2.1 运维部", font=""), "运维部负责日常运维。",
        heading("2.1.1 服务台", font=""), "服务台受理用户请求。",
        heading("2.2 质量部", font=""), "质量部负责监督检查。",
        heading("3 附则"), "本计划自发布之日起执行。")
    assert outline(body.sections) == [(1, "目的"), (1, "职责"), (2, "运维部"), (3, "服务台"),
                                      (2, "质量部"), (1, "附则")]
    assert body.sections[1]["sections"][0]["body"] == ["运维部负责日常运维。"]
    assert body.origins[("sections", 1, "sections", 0)].section == "2.1 运维部"


def test_a_number_path_needs_no_formatting_but_a_numbered_sentence_is_no_heading():
    body = body_of(
        heading("4 运维能力管理实施"),
        p("4.1. 人才招聘计划"), "计划外部招聘6人。",
        p("4.2、人员储备计划"),
        "4.3 各部门应于每月5日前提交上月的运维报告，逾期未交的按有关规定处理。",
        "1. 运维报告须经部门负责人审核。")
    assert outline(body.sections) == [(1, "运维能力管理实施"), (2, "人才招聘计划"),
                                      (2, "人员储备计划")]
    last = body.sections[0]["sections"][1]["body"]
    assert last[0].startswith("4.3 各部门应于每月5日前")
    assert last[1] == {"numbered": ["运维报告须经部门负责人审核。"]}


def test_gbt9704_numbers_nest_by_kind_first_seen():
    body = body_of(
        heading("一、总体目标"), "提升服务质量。",
        heading("二、组织机构"), heading("（一）领导小组", font="楷体"), "组长由总经理担任。",
        heading("（二）工作小组", font="楷体"), heading("1.运维组", font=""),
        "（1）负责日常巡检；", "（2）负责故障处理；", heading("2.质量组", font=""),
        heading("三、保障措施"), "加强培训。")
    assert outline(body.sections) == [(1, "总体目标"), (1, "组织机构"), (2, "领导小组"),
                                      (2, "工作小组"), (3, "运维组"), (3, "质量组"),
                                      (1, "保障措施")]
    # The only list is the house's: its label needs no format of its own.
    assert body.sections[1]["sections"][1]["sections"][0]["body"] == [
        {"numbered": ["负责日常巡检；", "负责故障处理；"]}]
    assert body.style["headings"] == "gbt9704" and body.style["numbered_lists"] == "（1）"


def test_a_plain_line_of_a_proven_kind_is_a_heading_where_its_number_is_due():
    # The author bolded 一、 and 三、 but forgot 二、; "2." in the text is not due there.
    body = body_of(heading("一、目标"), "提升服务质量。", p("二、范围"), "适用于全公司。",
                   heading("三、要求"), p("二、其他"), "按有关规定执行。")
    assert outline(body.sections) == [(1, "目标"), (1, "范围"), (1, "要求")]
    assert body.sections[2]["body"][0] == "二、其他"


def test_chapters_and_articles_articles_text_is_the_body():
    body = body_of(
        heading("第一章 总则", center=True, size=16),
        "第一条 为加强公司信息安全管理，制定本制度。",
        "第二条　目的：保护公司信息资产。",
        "第三条 【适用范围】本制度适用于公司全体员工。",
        p("第四条 职责"), "安全部负责信息安全的归口管理。",
        heading("第二章 管理要求", center=True, size=16),
        "第五条 员工账号实行实名制，第四条规定的情形除外。",
        "第六条规定的账号由安全部统一发放。")
    assert outline(body.sections) == [(1, "总则"), (2, ""), (2, "目的"), (2, "适用范围"),
                                      (2, "职责"), (1, "管理要求"), (2, "")]
    articles = body.sections[0]["sections"]
    assert articles[0]["body"] == ["为加强公司信息安全管理，制定本制度。"]
    assert articles[1]["body"] == ["保护公司信息资产。"]
    assert articles[3]["body"] == ["安全部负责信息安全的归口管理。"]
    # A sentence that cites an article stays a sentence.
    assert body.sections[1]["sections"][0]["body"] == [
        "员工账号实行实名制，第四条规定的情形除外。", "第六条规定的账号由安全部统一发放。"]
    assert ("sections", 0, "sections", 0, "title") in {g.path for g in body.guesses
                                                        if g.what.code.endswith("article-without-title")}


def test_articles_counted_afresh_in_each_chapter_are_not_a_break():
    body = body_of(heading("第一章 总则"), "第一条 甲。", "第二条 乙。",
                   heading("第二章 附则"), "第一条 丙。", "第三条 丁。")
    breaks = [g for g in body.guesses if g.what.code == "import.body.heading-number"]
    assert [(g.path, g.what.params["written"], g.what.params["due"]) for g in breaks] == [
        (("sections", 1, "sections", 1, "title"), "第三条", "第二条")]


def test_skipped_and_repeated_heading_numbers_are_kept_in_a_guess():
    body = body_of(heading("1 概述"), heading("2 过程"), heading("2.1 事件管理", font=""), "甲。",
                   heading("2.3 问题管理", font=""), "乙。", heading("2.3 变更管理", font=""),
                   "丙。", heading("2 附则"))
    breaks = {g.path: (g.what.params["written"], g.what.params["due"]) for g in body.guesses
              if g.what.code == "import.body.heading-number"}
    assert breaks == {("sections", 1, "sections", 1, "title"): ("2.3", "2.2"),
                      ("sections", 1, "sections", 2, "title"): ("2.3", "2.4"),
                      ("sections", 2, "title"): ("2", "3")}
    assert outline(body.sections)[2:] == [(2, "事件管理"), (2, "问题管理"), (2, "变更管理"),
                                          (1, "附则")]


def test_heading_styles_rank_by_outline_level_and_typed_numbers_leave_the_title():
    body = body_of(p("1. 目的", style="Heading 1"), "甲。",
                   p("范围", style="Heading 1"), p("2.1 适用对象", style="Heading 2"), "乙。",
                   p("细则", style="Heading 3"), p("（1）说明", bold=True), "丙。",
                   p("附则", style="Heading 1"))
    assert outline(body.sections) == [(1, "目的"), (1, "范围"), (2, "适用对象"), (3, "细则"),
                                      (4, "说明"), (1, "附则")]


def test_deeper_than_four_levels_is_a_bold_paragraph_with_its_number():
    body = body_of(heading("1 总则"), heading("1.1 范围", font=""),
                   heading("1.1.1 对象", font=""), heading("1.1.1.1 人员", font=""),
                   heading("1.1.1.1.1 外包人员", font=""), "外包人员参照执行。")
    deepest = body.sections[0]["sections"][0]["sections"][0]["sections"][0]
    assert deepest["title"] == "人员"
    assert deepest["body"] == ["**1.1.1.1.1 外包人员**", "外包人员参照执行。"]
    assert "import.body.deep-heading" in codes(body)


def test_a_long_bold_numbered_sentence_is_a_list_item_not_a_heading():
    body = body_of(heading("1 要求"), p("1、加强流程管理工具的改进工作，提高工具的实用性。", bold=True),
                   p("2、运维工具至少自评估一次。", bold=True))
    assert outline(body.sections) == [(1, "要求")]
    assert body.sections[0]["body"] == [{"numbered": [
        "**加强流程管理工具的改进工作，提高工具的实用性。**", "**运维工具至少自评估一次。**"]}]


def test_find_headings_reports_the_number_shown_and_its_kind():
    word = word_of(heading("第一章 总则"), "第一条 甲。", heading("一、要求"))
    found = find_headings(word.blocks)
    assert [(h.position, h.level, h.shown, h.title) for h in found.values()] == [
        (0, 1, "第一章", "总则"), (1, 2, "第一条", ""), (2, 3, "一、", "要求")]
