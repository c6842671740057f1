"""The numbers and bullets typed before a paragraph, read as label kind, numbers and form."""

from __future__ import annotations

import pytest

from docgen.importer.labels import label_of, read_label


@pytest.mark.parametrize("text, kind, numbers, form, rest", [
    ("4.1.1. 人才招聘计划", "decimal", (4, 1, 1), "1.1.1.", "人才招聘计划"),
    ("4.1.1 人才招聘计划", "decimal", (4, 1, 1), "1.1.1", "人才招聘计划"),
    ("3.1、工作目标", "decimal", (3, 1), "1.1", "工作目标"),
    ("４．２　全角数字", "decimal", (4, 2), "1.1", "全角数字"),
    ("1 目的", "decimal", (1,), "1", "目的"),
    ("1、加强培训", "decimal", (1,), "1、", "加强培训"),
    ("2.完善制度", "decimal", (2,), "1.", "完善制度"),
    ("3）定期检查", "decimal", (3,), "1)", "定期检查"),
    ("(2) 明确职责", "paren_decimal", (2,), "(1)", "明确职责"),
    ("（12）落实考核", "paren_decimal", (12,), "（1）", "落实考核"),
    ("一、总体目标", "chinese", (1,), "一、", "总体目标"),
    ("十二、附则", "chinese", (12,), "一、", "附则"),
    ("（三）工作小组", "paren_chinese", (3,), "（一）", "工作小组"),
    ("第一章 总则", "chapter", (1,), "第一章", "总则"),
    ("第二节　范围", "part", (2,), "第二节", "范围"),
    ("第十五条 本制度自发布之日起施行。", "article", (15,), "第十五条", "本制度自发布之日起施行。"),
    ("第 3 条：目的", "article", (3,), "第 3 条", "目的"),
    ("②建立台账", "circled", (2,), "①", "建立台账"),
    ("b. 第二项", "letter", (2,), "a.", "第二项"),
    ("• 战略对齐", "bullet", (), "•", "战略对齐"),
    ("➤资源规划", "bullet", (), "➤", "资源规划"),
    ("- 合规可控", "bullet", (), "-", "合规可控"),
    ("　　（1）缩进的条目", "paren_decimal", (1,), "（1）", "缩进的条目"),
])
def test_a_label_is_read_with_its_kind_numbers_form_and_the_text_after_it(
        text, kind, numbers, form, rest):
    label = read_label(text)
    assert label is not None
    assert (label.kind, label.numbers, label.form, text[label.end:]) == (kind, numbers, form, rest)


@pytest.mark.parametrize("text", [
    "2025.1.7 召开评审会", "2025年度计划", "1.5倍于去年", "12%的增长", "-1℃", "——以上",
    "二○二五年", "正文没有编号", "ITSS 1.2版"])
def test_numbers_that_are_no_label_are_not_read_as_one(text):
    assert read_label(text) is None


def test_a_label_word_shows_is_read_whole_or_not_at_all():
    assert label_of("4.1.1.").numbers == (4, 1, 1)
    assert label_of("第十一章").kind == "chapter"
    assert label_of("•").kind == "bullet"
    assert label_of("Step 1") is None
