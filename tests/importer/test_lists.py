"""Lists Word numbers itself: its levels, its restarts and labels docgen cannot print."""

from __future__ import annotations

from pathlib import Path

from docgen.importer.body import import_body
from docgen.importer.wordfile import read_word_file
from tests.importer.making import body_of, guessed, heading, p
from tests.support.wordml_files import W_NS, docx_bytes

NUMBERING = (
    f'<w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    # "Set numbering value" in Word: a list of its own starting at 4.
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
    '<w:startOverride w:val="4"/></w:lvlOverride></w:num>'
    # "Restart at 1".
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
    '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
    "</w:numbering>")


def numbered(text: str, num_id: int) -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
            f"</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")


def test_word_restarts_become_new_lists_and_a_set_number_is_kept():
    body_xml = ('<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>措施</w:t></w:r></w:p>'
                + numbered("加强培训", 1) + numbered("完善制度", 1) + numbered("定期检查", 2)
                + numbered("明确职责", 3) + numbered("落实考核", 3)
                + numbered("总体目标", 4) + numbered("工作要求", 4))
    word = read_word_file(docx_bytes(body=body_xml, styles=f'<w:styles xmlns:w="{W_NS}"/>',
                                     numbering=NUMBERING), Path("word.docx"))
    body = import_body(word, 0)
    assert body.sections[0]["body"] == [
        {"numbered": ["加强培训", "完善制度", {"text": "定期检查", "number": 4}]},
        {"numbered": ["明确职责", "落实考核"]},
        # docgen has no 一、 list: the labels stay as the original printed them.
        "一、总体目标", "二、工作要求"]


def test_deeper_levels_stay_with_their_item_as_lines_with_their_labels():
    body = body_of(heading("1 原则"),
                   p("战略对齐", style="List Number"), p("价值导向", style="List Number"),
                   p("聚焦核心业务", style="List Bullet 2"), p("可衡量", style="List Bullet 2"),
                   p("风险可控", style="List Number"))
    assert body.sections[0]["body"] == [{"numbered": [
        "战略对齐", "价值导向\n• 聚焦核心业务\n• 可衡量", "风险可控"]}]
    assert guessed(body)[("sections", 0, "body", 0, "numbered", 1)] == \
        ["import.body.nested-items"]


def test_typed_sub_items_after_a_lead_in_stay_with_it():
    body = body_of(heading("1 要求"), "1. 人员要求：", "（1）持证上岗；", "（2）定期培训。",
                   "2. 工具要求。")
    assert body.sections[0]["body"] == [{"numbered": [
        "人员要求：\n（1）持证上岗；\n（2）定期培训。", "工具要求。"]}]
