"""A table of contents is found however it was made: Word's TOC field, lines typed with
dot leaders and page numbers, or (as converters make of an HTML page's TOC) a list of
links without page numbers whose lines come again as the body's headings; a list under
a 目录 heading whose lines do not come again is no TOC."""

from __future__ import annotations

from docgen.importer.model import WordParagraph
from docgen.importer.toc import entry_text, find_toc
from tests.importer.support import numbered_blocks, paragraph


def bulleted(text: str, level: int = 0) -> WordParagraph:
    """A line of a bulleted list of links, as LibreOffice makes an HTML TOC."""
    return paragraph(text + " ", label="•", numbering_format="bullet", numbering_level=level,
                     numbering_list="7")


def test_a_bulleted_list_of_links_under_contents_is_the_toc():
    blocks = numbered_blocks([
        paragraph("信息系统运维手册", bold=True),
        paragraph("目  录"),
        bulleted("一、总则"), bulleted("（一）编制目的", 1), bulleted("（二）适用范围", 1),
        bulleted("二、运维组织"), bulleted("附录A 值班记录表"),
        paragraph("一、总则", bold=True),
        paragraph("（一）编制目的", bold=True),
        paragraph("为规范信息系统的运行维护工作，制定本手册。"),
        paragraph("（二）适用范围", bold=True),
        paragraph("二、运维组织", bold=True),
    ])
    toc = find_toc(blocks)
    assert toc is not None and (toc.first, toc.last) == (1, 6)
    assert toc.entries == [(1, "一、总则"), (2, "（一）编制目的"), (2, "（二）适用范围"),
                           (1, "二、运维组织"), (1, "附录A 值班记录表")]


def test_plain_lines_without_page_numbers_end_where_the_body_repeats_them():
    # pandoc's rendering of the same TOC: Body Text lines, the first one stale.
    blocks = numbered_blocks([
        paragraph("Contents"),
        paragraph("修订记录"), paragraph("1 范围"), paragraph("2 职责"), paragraph("2.1 信息中心"),
        paragraph("1 范围", style="Heading 1", outline_level=1),
        paragraph("本规定适用于各分公司。"),
        paragraph("2 职责", style="Heading 1", outline_level=1),
        paragraph("2.1 信息中心", style="Heading 2", outline_level=2),
    ])
    toc = find_toc(blocks)
    assert toc is not None and (toc.first, toc.last) == (0, 4)
    assert toc.entries == [(1, "修订记录"), (1, "1 范围"), (1, "2 职责"), (2, "2.1 信息中心")]


def test_a_list_under_a_contents_heading_that_the_body_does_not_repeat_is_no_toc():
    blocks = numbered_blocks([
        paragraph("目录"),
        bulleted("服务器"), bulleted("交换机"), bulleted("防火墙"),
        paragraph("1. 设备清单", bold=True),
        paragraph("本清单列出机房的全部设备。"),
    ])
    assert find_toc(blocks) is None


def test_a_sentence_ends_a_toc_without_page_numbers_before_it_is_found():
    blocks = numbered_blocks([
        paragraph("目录"),
        paragraph("1 目的"),
        paragraph("为规范变更管理，特制定本程序。"),
        paragraph("1 目的", bold=True),
    ])
    assert find_toc(blocks) is None


def test_an_entry_keeps_its_number_but_not_the_bullet_before_it():
    assert entry_text(bulleted("4.1.1. 人才招聘计划", 2)) == "4.1.1. 人才招聘计划"
    numbered = paragraph("人才招聘计划\t3", label="4.1.1.", numbering_format="decimal")
    assert entry_text(numbered) == "4.1.1. 人才招聘计划"


def test_a_toc_field_holding_only_its_title_has_no_entries_and_each_entry_its_place():
    # pandoc writes a TOC field with its title in it, empty until Word updates it.
    blocks = numbered_blocks([
        paragraph("规程", style="Title"),
        paragraph("Table of Contents", style="TOC Heading", toc_entry=True),
        paragraph(""),
        paragraph("1 范围", style="Heading 1", outline_level=1),
    ])
    toc = find_toc(blocks)
    assert toc is not None and toc.entries == [] and toc.positions == []
    typed = find_toc(numbered_blocks([
        paragraph("目 录"), paragraph("1 范围……1"), paragraph(""), paragraph("2 职责……2"),
        paragraph("1 范围", bold=True)]))
    assert typed is not None and typed.positions == [1, 3]
