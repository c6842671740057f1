"""read_word_file: a .docx read as a person sees it in Word.

Each file is written here in the markup its producer uses (Word, WPS, LibreOffice,
python-docx): content controls around a table of contents, tracked changes, fields,
symbols, merged and ragged table rows, pictures, comments. The expectations are what
Word shows for that markup.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from docgen.errors import UsageError
from docgen.importer.model import WordParagraph, WordTable
from docgen.importer.wordfile import read_word_file
from tests.support.wordml_files import W_NS, docx_bytes

HERE = Path("legacy.docx")
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_VML = "urn:schemas-microsoft-com:vml"

STYLES = (
    f'<w:styles xmlns:w="{W_NS}">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="21"/>'
    "</w:rPr></w:rPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>'
    '<w:pPr><w:jc w:val="both"/></w:pPr></w:style>'
    # Chinese Word: the id is "1", the name the English built-in one.
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
    '<w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
    '<w:outlineLvl w:val="0"/></w:pPr>'
    '<w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="32"/></w:rPr></w:style>'
    # WPS: the Chinese name, no outline level of its own.
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/>'
    '<w:basedOn w:val="a"/><w:rPr><w:b/></w:rPr></w:style>'
    # A house style that is a heading only by its outline level, inherited.
    '<w:style w:type="paragraph" w:styleId="Clause"><w:name w:val="条款标题"/>'
    '<w:basedOn w:val="Clause0"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Clause0"><w:name w:val="条款基础"/>'
    '<w:pPr><w:outlineLvl w:val="2"/><w:jc w:val="center"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>'
    '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/>'
    "<w:rPr><w:b/></w:rPr></w:style>"
    "</w:styles>")

NUMBERING = (
    f'<w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="第%1章"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="（%1）"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\uf0d8"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    "</w:numbering>")


def run(text: str, properties: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{properties}</w:rPr>" if properties else ""}' \
           f'<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(content: str, properties: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{properties}</w:pPr>' if properties else ''}{content}</w:p>"


def read(body: str) -> list:
    """Return the blocks of a file whose w:body holds `body`."""
    return read_word_file(docx_bytes(body=body, styles=STYLES, numbering=NUMBERING),
                          HERE).blocks


def texts(blocks: list) -> list[str]:
    return [block.text for block in blocks if isinstance(block, WordParagraph)]


def field(instruction: str, result: str) -> str:
    """Return the runs of a complex field showing `result`."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def test_a_table_of_contents_in_a_content_control_is_read_and_marked_as_entries():
    entry = '<w:hyperlink w:anchor="_Toc1">{}' + field("PAGEREF _Toc1 \\h", "3") + \
            "</w:hyperlink>"
    body = (
        "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/>"
        "</w:docPartObj></w:sdtPr><w:sdtContent>"
        + para(run("目  录"))
        + para('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
               '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\u </w:instrText></w:r>'
               '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
               + entry.format(run("第一章 总则") + '<w:r><w:tab/></w:r>'), '<w:pStyle w:val="TOC1"/>')
        + para(entry.format(run("第二章 职责") + '<w:r><w:tab/></w:r>'))
        + para('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        + "</w:sdtContent></w:sdt>"
        + para(run("总则"), '<w:pStyle w:val="1"/>'))
    blocks = read(body)
    assert texts(blocks) == ["目  录", "第一章 总则\t3", "第二章 职责\t3", "", "总则"]
    assert [p.toc_entry for p in blocks] == [False, True, True, False, False]
    assert [p.index for p in blocks] == [0, 1, 2, 3, 4]
    heading = blocks[-1]
    assert (heading.label, heading.outline_level, heading.numbering_format) == \
        ("第一章", 1, "chineseCounting")


def test_a_field_shows_its_result_and_never_its_instruction():
    body = para(run("见") + field('REF _Ref1 \\h', "表3-1") + run("，共")
                + '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>12</w:t></w:r></w:fldSimple>'
                + run("页") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                + '<w:r><w:instrText>PAGE</w:instrText></w:r>'
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    assert texts(read(body)) == ["见表3-1，共12页"]


def test_wrappers_show_their_runs_tabs_breaks_and_symbols_read_as_shown():
    body = para(
        '<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships">' + run("《信息安全") + "</w:hyperlink>"
        + '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
        + run("管理制度》") + "</w:smartTag>"
        + '<w:customXml w:element="clause">' + run("第") + "</w:customXml>"
        + '<w:sdt><w:sdtContent>' + run("三") + "</w:sdtContent></w:sdt>"
        + '<w:r><w:t>条</w:t><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t>'
        + '<w:lastRenderedPageBreak/><w:sym w:font="Wingdings" w:char="F0FC"/>'
        + '<w:noBreakHyphen/><w:t>丙</w:t><w:rPr><w:vanish/></w:rPr></w:r>'
        + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>')
    assert texts(read(body)) == ["《信息安全管理制度》第三条\t甲\n乙✔-丙"]


def test_tracked_insertions_are_present_deletions_absent_and_all_are_counted():
    body = para(run("每") + '<w:del w:id="1" w:author="张三"><w:r><w:delText>周</w:delText></w:r>'
                "</w:del>" + '<w:ins w:id="2" w:author="张三">' + run("月") + "</w:ins>"
                + run("考核一次") + '<w:moveFrom w:id="3" w:author="李四">'
                + '<w:r><w:delText>，由质量部负责</w:delText></w:r></w:moveFrom>'
                + "。") + para('<w:moveTo w:id="4" w:author="李四">'
                                + run("由质量部负责。") + "</w:moveTo>")
    word = read_word_file(docx_bytes(body=body, styles=STYLES, numbering=NUMBERING), HERE)
    assert texts(word.blocks) == ["每月考核一次", "由质量部负责。"]
    assert word.tracked_changes == 4


def test_comments_pictures_headers_and_footers_are_counted_and_read():
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "星岚数据\tXLSJ-ZD-001"
    section.footer.paragraphs[0].text = "内部资料"
    first = document.add_paragraph("本制度适用于全体员工。")
    document.add_comment(first.runs, text="范围是否包括外包人员？", author="杨帆")
    document.add_comment(first.runs, text="已确认。", author="周敏")
    document.add_paragraph().add_run().add_picture(io.BytesIO(_png()), width=Pt(20))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 1).paragraphs[0].add_run().add_picture(io.BytesIO(_png()), width=Pt(20))
    buffer = io.BytesIO()
    document.save(buffer)
    word = read_word_file(buffer.getvalue(), HERE)
    assert word.comments == 2
    assert word.images == 2
    assert [p.images for p in word.paragraphs] == [0, 1]
    assert word.tables[0].rows[0][1].paragraphs[0].images == 1
    assert word.headers == ["星岚数据\tXLSJ-ZD-001"]
    assert word.footers == ["内部资料"]


def test_a_picture_saved_in_two_forms_counts_once_and_old_vml_pictures_count():
    drawing = ('<w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
               'drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.'
               'openxmlformats.org/drawingml/2006/main"><a:graphicData><a:blip/>'
               "</a:graphicData></a:graphic></wp:inline></w:drawing>")
    vml = (f'<w:pict><v:shape xmlns:v="{_VML}"><v:imagedata r:id="rId5" xmlns:r="http://'
           'schemas.openxmlformats.org/officeDocument/2006/relationships"/></v:shape></w:pict>')
    body = (para(f'<w:r><mc:AlternateContent xmlns:mc="{_MC}"><mc:Choice Requires="wps">'
                 f"{drawing}</mc:Choice><mc:Fallback>{vml}</mc:Fallback>"
                 "</mc:AlternateContent></w:r>")
            + para(f"<w:r>{vml}</w:r>")
            # A text box is not a picture; its text is read after its anchor.
            + para(f'<w:r><w:pict><v:shape xmlns:v="{_VML}"><v:textbox><w:txbxContent>'
                   + para(run("图1 组织结构图")) + "</w:txbxContent></v:textbox></v:shape>"
                   "</w:pict></w:r>"))
    word = read_word_file(docx_bytes(body=body, styles=STYLES, numbering=NUMBERING), HERE)
    assert [p.images for p in word.paragraphs] == [1, 1, 0, 0]
    assert word.images == 2
    assert texts(word.blocks)[-1] == "图1 组织结构图"


def test_page_breaks_mark_the_paragraph_that_starts_the_new_page():
    body = (para(run("版本：V1.0") + '<w:r><w:br w:type="page"/></w:r>')
            + para(run("文件编制和变更履历"))
            + para('<w:r><w:br w:type="page"/></w:r>')
            + para(run("目录"))
            + para(run("第一章"), '<w:pageBreakBefore/>')
            + para(run("正文"), '<w:sectPr><w:type w:val="nextPage"/></w:sectPr>')
            + para(run("附件")))
    breaks = [p.page_break_before for p in read(body)]
    assert breaks == [False, True, True, True, True, False, True]


def test_headings_come_from_style_names_ids_and_outline_levels():
    body = (para(run("总则"), '<w:pStyle w:val="1"/>')
            + para(run("目的"), '<w:pStyle w:val="2"/>')
            + para(run("适用范围"), '<w:pStyle w:val="Clause"/>')
            + para(run("附则"), '<w:outlineLvl w:val="0"/>')
            + para(run("正文"), '<w:pStyle w:val="2"/><w:outlineLvl w:val="9"/>'))
    blocks = read(body)
    assert [(p.style, p.outline_level) for p in blocks] == [
        ("heading 1", 1), ("标题 2", 2), ("条款标题", 3), ("Normal", 1), ("标题 2", 0)]
    assert blocks[2].alignment == "center"


def test_the_look_comes_from_the_runs_over_the_styles_over_the_defaults():
    body = (para(run("第一章 总则"), '<w:pStyle w:val="1"/><w:jc w:val="center"/>')
            + para(run("注意：", "<w:b/>") + run("变更须经审批。"))
            + para('<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>全部加粗</w:t></w:r>')
            + para(run("小字说明", '<w:rFonts w:eastAsia="楷体"/><w:sz w:val="18"/>')
                   + run("和", '<w:sz w:val="24"/>'), '<w:jc w:val="distribute"/>'))
    heading, partly, strong, small = read(body)
    assert (heading.bold, heading.size, heading.east_asian_font, heading.alignment) == \
        (True, 16.0, "黑体", "center")
    assert (partly.bold, partly.bold_ranges, partly.size) == (False, [(0, 3)], 10.5)
    assert strong.bold and strong.bold_ranges == [(0, 4)]
    assert (small.east_asian_font, small.size, small.alignment) == ("楷体", 12.0, "distribute")


def test_theme_fonts_resolve_to_the_typeface_of_the_script():
    document = docx.Document()
    paragraph = document.add_paragraph("正文宋体")
    buffer = io.BytesIO()
    document.save(buffer)
    word = read_word_file(buffer.getvalue(), HERE)
    # python-docx's default template takes its East Asian font from the theme.
    assert word.paragraphs[0].east_asian_font not in ("", "minorEastAsia")
    assert paragraph.text == word.paragraphs[0].text


def test_automatic_numbers_carry_label_format_level_and_list():
    body = (para(run("招聘"), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>')
            + para(run("外部招聘"), '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>')
            + para(run("培训"), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>')
            + para(run("不编号"), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'))
    blocks = read(body)
    assert [(p.label, p.numbering_format, p.numbering_level, p.numbering_list)
            for p in blocks] == [("（1）", "decimal", 0, "2"), ("➤", "bullet", 1, "2"),
                                 ("（2）", "decimal", 0, "2"), ("", "", 0, "")]


def cell(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{para(run(text))}</w:tc>"


def test_merged_and_ragged_rows_are_placed_on_the_grid():
    table = (
        '<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="2000"/>'
        '<w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>'
        '<w:tr><w:trPr><w:tblHeader/></w:trPr>'
        + cell("岗位", '<w:shd w:val="clear" w:fill="D9D9D9"/>')
        + cell("职责", '<w:gridSpan w:val="2"/>') + cell("人数") + "</w:tr>"
        + "<w:tr>" + cell("运维部", '<w:vMerge w:val="restart"/>') + cell("值班")
        + cell("监控", '<w:hMerge w:val="restart"/>') + cell("", "<w:hMerge/>") + "</w:tr>"
        + "<w:tr>" + cell("", "<w:vMerge/>") + cell("巡检") + cell("记录") + cell("2") + "</w:tr>"
        # WPS writes a short last row with the columns it leaves out as gridBefore.
        + '<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>' + cell("合计")
        + cell("2") + "</w:tr>"
        + '<w:tr><w:trPr><w:gridAfter w:val="1"/></w:trPr>' + cell("备注")
        + cell("无", '<w:gridSpan w:val="2"/>') + "</w:tr>"
        + '<w:tr><w:trPr><w:del w:id="9" w:author="张三"/></w:trPr>' + cell("删去")
        + cell("删去") + cell("删去") + cell("删去") + "</w:tr>"
        + "</w:tbl>")
    (read_table,) = read(table)
    assert isinstance(read_table, WordTable)
    assert (read_table.header_rows, read_table.column_count, read_table.column_widths) == \
        (1, 4, [1000, 2000, 1000, 1000])
    placed = [[(c.row, c.column, c.rows, c.cols, c.text) for c in row] for row in read_table.rows]
    assert placed == [
        [(0, 0, 1, 1, "岗位"), (0, 1, 1, 2, "职责"), (0, 3, 1, 1, "人数")],
        [(1, 0, 2, 1, "运维部"), (1, 1, 1, 1, "值班"), (1, 2, 1, 2, "监控")],
        [(2, 1, 1, 1, "巡检"), (2, 2, 1, 1, "记录"), (2, 3, 1, 1, "2")],
        [(3, 2, 1, 1, "合计"), (3, 3, 1, 1, "2")],
        [(4, 0, 1, 1, "备注"), (4, 1, 1, 2, "无")],
    ]
    assert read_table.rows[0][0].shaded and not read_table.rows[0][1].shaded
    assert all(p.index == -1 for row in read_table.rows for c in row for p in c.paragraphs)


def test_a_nested_table_gives_its_text_to_the_cell_that_holds_it():
    inner = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>"
             + cell("A级") + cell("1小时") + "</w:tr><w:tr>" + cell("B级") + cell("4小时")
             + "</w:tr></w:tbl>")
    outer = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>" + cell("响应")
             + f"<w:tc>{para(run('时限如下：'))}{inner}{para('')}</w:tc></w:tr></w:tbl>")
    blocks = read(para(run("前")) + outer + para(run("后")) + outer)
    first = blocks[1]
    assert first.column_count == 2 and len(first.rows) == 1
    assert first.rows[0][1].text == "时限如下：\nA级\n1小时\nB级\n4小时\n"
    assert [b.index for b in blocks] == [0, 0, 1, 1]


def test_tables_rows_and_cells_inside_content_controls_are_read():
    table = ("<w:sdt><w:sdtContent><w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
             '<w:customXml w:element="row"><w:tr>' + cell("级别") + cell("时限") + "</w:tr>"
             "</w:customXml><w:tr><w:sdt><w:sdtContent>" + cell("一级") + "</w:sdtContent>"
             "</w:sdt>" + cell("1小时") + "</w:tr></w:tbl></w:sdtContent></w:sdt>")
    (read_table,) = read(table)
    assert [[c.text for c in row] for row in read_table.rows] == [["级别", "时限"],
                                                                 ["一级", "1小时"]]


@pytest.mark.parametrize("data", [b"not a zip", b"PK\x03\x04broken", docx_bytes(
    body="", styles=STYLES, numbering=NUMBERING)[:200]])
def test_bytes_that_are_no_word_document_are_refused_with_a_usage_error(data):
    with pytest.raises(UsageError) as refused:
        read_word_file(data, Path("报告.doc"))
    assert refused.value.what.code == "import.wordfile.not-a-docx"
    assert "报告.doc" in refused.value.message


def _png() -> bytes:
    """Return a 1×1 white PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + \
        chunk(b"IEND", b"")
