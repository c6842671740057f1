"""A paragraph's text as docgen prose: bold, escapes, spaces, and manual line breaks."""

from __future__ import annotations

from docgen.importer.model import WordParagraph
from docgen.importer.prose import escape_template, paragraph_texts, split_items


def paragraph(text: str, bold: list[tuple[int, int]] | None = None) -> WordParagraph:
    return WordParagraph(index=0, text=text, bold_ranges=bold or [])


def test_bold_runs_are_marked_without_the_spaces_around_them():
    assert paragraph_texts(paragraph("预计 10000元 ，由人力部承担。", [(2, 10)])) == \
        ["预计 **10000元** ，由人力部承担。"]


def test_leading_full_width_indents_and_trailing_spaces_go():
    assert paragraph_texts(paragraph("\u3000\u3000为规范管理。 \t")) == ["为规范管理。"]
    assert paragraph_texts(paragraph(" \u3000\n ")) == []


def test_a_break_after_a_sentence_parts_and_one_inside_it_joins():
    assert paragraph_texts(paragraph("第一句。\n第二句，\n接着说完。")) == ["第一句。", "第二句，接着说完。"]
    assert paragraph_texts(paragraph("甲\n\n乙")) == ["甲", "乙"]
    assert paragraph_texts(paragraph("甲\n乙"), every_line=True) == ["甲", "乙"]


def test_template_marks_print_as_written():
    assert escape_template("用{{ 名称 }}表示") == "{% raw %}用{{ 名称 }}表示{% endraw %}"
    assert escape_template("{#注释") == "{% raw %}{#注释{% endraw %}"
    assert escape_template("{ 单个括号 }") == "{ 单个括号 }"


def test_items_broken_into_one_paragraph_are_split_with_their_bold():
    parts = split_items(paragraph("要求如下：\n1、巡检；\n2、处理。", [(9, 11)]))
    assert [part.text for part in parts] == ["要求如下：", "1、巡检；", "2、处理。"]
    assert [part.bold_ranges for part in parts] == [[], [(3, 5)], []]
    assert len(split_items(paragraph("没有条目\n只是换行"))) == 1
