"""Write the Word templates docgen renders with into templates/docx/.

    python scripts/make_template.py [FOLDER]

controlled-document.docx draws every controlled document (policy.docx the same, with
the kind of document in its page header, for organizations that name it); register.docx the
controlled-document register (受控文件清单). Each is an ordinary .docx a quality manager
may open in Word or WPS and restyle: fonts, sizes, the cover's layout, the header's
wording. docgen only needs the Jinja tags ({{ doc.number }}, {%tr for r in revisions
%}, {{ body }}, ...) and the named styles it fills (heading 1-4, List Bullet, ...).

It is written from scratch rather than from python-docx's default template so that no
theme font can override the explicit East Asian fonts: every style names 宋体 or 黑体
in w:eastAsia, and the document language is zh-CN. The heading list's labels (4.1.1.)
are the house style's (docgen.style.HouseStyle). The output is deterministic, and a
test checks that the committed template equals what this script writes.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from docgen.style import DEFAULT_STYLE, HouseStyle

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W}" xmlns:r="{R}"'
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# A4 portrait with the margins of Word's Chinese default (2.54 cm / 3.17 cm).
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN_TOP = MARGIN_BOTTOM = 1440
MARGIN_LEFT = MARGIN_RIGHT = 1797
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
LANDSCAPE_TEXT_WIDTH = PAGE_HEIGHT - 2 * MARGIN_TOP

SERIF_CN, SANS_CN, SERIF_LATIN, SANS_LATIN = "宋体", "黑体", "Times New Roman", "Arial"


def fonts(east_asia: str, latin: str) -> str:
    return (f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" '
            f'w:cs="{latin}"/>')


def serif(size: int) -> str:
    """Return run properties for 宋体 at `size` half-points."""
    return fonts(SERIF_CN, SERIF_LATIN) + f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'


def sans(size: int) -> str:
    """Return run properties for 黑体 at `size` half-points."""
    return fonts(SANS_CN, SANS_LATIN) + f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'


# Every paragraph says explicitly that a full-width mark (，。、；！？) may overflow the
# right margin. For Word this is what an absent w:overflowPunct means too (ECMA-376
# 17.3.1.21: "omitting this element sets its value to true"), so Word lays the text out
# as before: a mark that does not fit is drawn just past the margin. LibreOffice reads
# the element the other way round (its DOCX import sets ParaIsHangingPunctuation to
# "val is off", and hangs by default when the element is absent), so this switches
# hanging off there: the mark is kept inside the line by the line-break rules, the
# character before it going down with it. It must: in a justified paragraph
# LibreOffice (7.4, the version checked) does not draw a mark it has let hang, and
# "根据工作需要，组织" came out of the PDF as "根据工作需要组织" (see
# tests/render/test_punctuation.py).
OVERFLOW_PUNCTUATION = "<w:overflowPunct/>"


def spacing(line: int, before: int = 0, after: int = 0) -> str:
    # Exact line spacing keeps page breaks stable between SimSun (Word) and Noto (PDF).
    return f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="exact"/>'


def paragraph_style(style_id: str, name: str, *, based_on: str | None = "Normal",
                    next_style: str | None = None, ppr: str = "", rpr: str = "",
                    default: bool = False, ui_priority: int | None = None) -> str:
    parts = [f'<w:style w:type="paragraph" w:styleId="{style_id}"'
             + (' w:default="1"' if default else "") + ">",
             f'<w:name w:val="{name}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_style:
        parts.append(f'<w:next w:val="{next_style}"/>')
    if ui_priority is not None:
        parts.append(f'<w:uiPriority w:val="{ui_priority}"/>')
    parts.append("<w:qFormat/>")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append("</w:style>")
    return "".join(parts)


def styles_xml() -> str:
    heading_sizes = {1: (32, 480, 240, 120), 2: (28, 440, 200, 100), 3: (24, 400, 160, 80),
                     4: (24, 400, 120, 60)}
    headings = "".join(
        paragraph_style(
            f"Heading{level}", f"heading {level}", next_style="Normal", ui_priority=9,
            ppr=("<w:keepNext/><w:keepLines/>"
                 f'<w:numPr><w:ilvl w:val="{level - 1}"/><w:numId w:val="1"/></w:numPr>'
                 + spacing(line, before, after)
                 + '<w:ind w:left="0" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/>'
                 f'<w:outlineLvl w:val="{level - 1}"/>'),
            rpr=fonts(SANS_CN, SANS_LATIN) + f'<w:b w:val="0"/><w:sz w:val="{size}"/>'
                                             f'<w:szCs w:val="{size}"/>')
        for level, (size, line, before, after) in heading_sizes.items())
    toc_levels = "".join(
        paragraph_style(
            f"TOC{level}", f"toc {level}", next_style="Normal", ui_priority=39,
            ppr=(f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH - 10}"/>'
                 "</w:tabs>" + spacing(400, 0, 0)
                 + f'<w:ind w:left="{(level - 1) * 420}" w:firstLine="0" w:firstLineChars="0"/>'),
            rpr=fonts(SERIF_CN, SERIF_LATIN))
        for level in range(1, 5))
    no_indent = '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
    styles = [
        paragraph_style("Normal", "Normal", based_on=None, default=True,
                        ppr=(spacing(400) + '<w:ind w:firstLine="480" w:firstLineChars="200"/>'
                             '<w:jc w:val="both"/>'),
                        rpr=serif(24)),
        headings,
        paragraph_style("CoverCompany", "Cover Company", next_style="CoverTitle",
                        ppr=spacing(640, 2400, 360) + no_indent + '<w:jc w:val="center"/>',
                        rpr=sans(44)),
        paragraph_style("CoverTitle", "Cover Title", next_style="CoverNumber",
                        ppr=spacing(780, 240, 240) + no_indent + '<w:jc w:val="center"/>',
                        rpr=fonts(SANS_CN, SANS_LATIN)
                        + '<w:b/><w:sz w:val="52"/><w:szCs w:val="52"/>'),
        paragraph_style("CoverNumber", "Cover Number", next_style="CoverVersion",
                        ppr=spacing(480, 0, 120) + no_indent + '<w:jc w:val="center"/>',
                        rpr=serif(32)),
        paragraph_style("CoverVersion", "Cover Version", next_style="Normal",
                        ppr=spacing(480, 0, 2160) + no_indent + '<w:jc w:val="center"/>',
                        rpr=serif(28)),
        paragraph_style("CoverKind", "Cover Kind", next_style="CoverTitle",
                        ppr=spacing(560, 1800, 240) + no_indent + '<w:jc w:val="center"/>',
                        rpr=(fonts(SANS_CN, SANS_LATIN) + '<w:spacing w:val="120"/>'
                             '<w:sz w:val="36"/><w:szCs w:val="36"/>')),
        paragraph_style("CoverRule", "Cover Rule", next_style="Normal",
                        ppr=('<w:pBdr><w:bottom w:val="thickThinSmallGap" w:sz="24" '
                             'w:space="1" w:color="C00000"/></w:pBdr>'
                             + spacing(240, 0, 1200) + no_indent),
                        rpr=serif(12)),
        paragraph_style("CoverIssuer", "Cover Issuer", next_style="Normal",
                        ppr=spacing(560, 3600, 0) + no_indent + '<w:jc w:val="center"/>',
                        rpr=sans(32)),
        paragraph_style("Signoff", "Signoff", next_style="Signoff",
                        ppr=spacing(560, 60, 60) + no_indent + '<w:jc w:val="left"/>',
                        rpr=serif(28)),
        paragraph_style("RegisterTitle", "Register Title", next_style="RegisterTitle",
                        ppr=spacing(560, 0, 0) + no_indent + '<w:jc w:val="center"/>',
                        rpr=sans(36)),
        paragraph_style("RegisterNote", "Register Note", next_style="Normal",
                        ppr=spacing(400, 120, 240) + no_indent + '<w:jc w:val="right"/>',
                        rpr=serif(21)),
        paragraph_style("RegisterHeading", "Register Heading", next_style="Normal",
                        ppr="<w:keepNext/>" + spacing(480, 360, 120) + no_indent
                            + '<w:jc w:val="center"/>',
                        rpr=sans(28)),
        paragraph_style("FrontHeading", "Front Heading", next_style="Normal",
                        ppr=("<w:keepNext/><w:pageBreakBefore/>" + spacing(560, 0, 360)
                             + no_indent + '<w:jc w:val="center"/>'),
                        rpr=sans(32)),
        toc_levels,
        paragraph_style("TableText", "Table Text",
                        ppr=spacing(320) + no_indent + '<w:jc w:val="left"/>',
                        rpr=serif(21)),
        paragraph_style("TableHeading", "Table Heading", based_on="TableText",
                        ppr="<w:keepNext/>" + '<w:jc w:val="center"/>',
                        rpr=fonts(SANS_CN, SANS_LATIN)),
        paragraph_style("Caption", "caption", next_style="Normal", ui_priority=35,
                        ppr=("<w:keepNext/>" + spacing(400, 120, 60) + no_indent
                             + '<w:jc w:val="center"/>'),
                        rpr=sans(21)),
        paragraph_style("ListBullet", "List Bullet",
                        ppr=('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>'
                             '<w:ind w:left="840" w:hanging="420" w:firstLineChars="0"/>')),
        paragraph_style("ListNumber", "List Number",
                        ppr=('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>'
                             '<w:ind w:left="840" w:hanging="420" w:firstLineChars="0"/>')),
        paragraph_style("Header", "header", ppr=(
            f'<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
            f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
            + spacing(300) + no_indent + '<w:jc w:val="left"/>'),
            rpr=serif(18)),
        paragraph_style("Footer", "footer", ppr=spacing(300) + no_indent + '<w:jc w:val="center"/>',
                        rpr=serif(18)),
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "</w:style>",
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>",
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
        '<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>'
        + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + '</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/>'
        '<w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>'
        '<w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        "<w:semiHidden/></w:style>",
    ]
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>" + fonts(SERIF_CN, SERIF_LATIN)
        + '<w:kern w:val="2"/><w:sz w:val="24"/><w:szCs w:val="24"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        "<w:pPrDefault><w:pPr>" + OVERFLOW_PUNCTUATION + spacing(400)
        + "</w:pPr></w:pPrDefault></w:docDefaults>")
    return XML_HEAD + f"<w:styles {NS}>" + defaults + "".join(styles) + "</w:styles>"


def level(ilvl: int, fmt: str, text: str, indent: int, hanging: int, *, style: str = "",
          suffix: str = "tab", font: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            + (f'<w:pStyle w:val="{style}"/>' if style else "")
            + f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="{hanging}"/></w:pPr>'
            + (f"<w:rPr>{font}</w:rPr>" if font else "") + "</w:lvl>")


def abstract_num(number: int, name: str, levels: str, multilevel: bool = False) -> str:
    kind = "multilevel" if multilevel else "hybridMultilevel"
    return (f'<w:abstractNum w:abstractNumId="{number}"><w:multiLevelType w:val="{kind}"/>'
            f'<w:name w:val="{name}"/>{levels}</w:abstractNum>')


def simple_levels(fmt: str, text_of: callable, font: str = "") -> str:
    return "".join(level(ilvl, fmt, text_of(ilvl), 840 + 420 * ilvl, 420, font=font)
                   for ilvl in range(9))


def numbering_xml(style: HouseStyle = DEFAULT_STYLE) -> str:
    # Word shows the headings' labels from this list; prose cites them in the house style.
    heading_levels = "".join(
        level(ilvl, style.heading_formats[ilvl], style.heading_levels[ilvl], 0, 0,
              style=f"Heading{ilvl + 1}", suffix="space", font=fonts(SANS_CN, SANS_LATIN))
        for ilvl in range(4)) + "".join(
        level(ilvl, "decimal", "", 0, 0) for ilvl in range(4, 9))
    abstracts = [
        abstract_num(0, "docgen headings", heading_levels, multilevel=True),
        abstract_num(1, "docgen bullet", simple_levels("bullet", lambda i: "•",
                                                       fonts(SANS_LATIN, SANS_LATIN))),
        abstract_num(2, "docgen 1.", simple_levels("decimal", lambda i: f"%{i + 1}.")),
        abstract_num(3, "docgen (1)", simple_levels("decimal", lambda i: f"(%{i + 1})")),
        abstract_num(4, "docgen 1)", simple_levels("decimal", lambda i: f"%{i + 1})")),
        abstract_num(5, "docgen circled", simple_levels("decimalEnclosedCircle",
                                                        lambda i: f"%{i + 1}")),
    ]
    nums = "".join(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/></w:num>'
                   for num_id, abstract in ((1, 0), (2, 1), (3, 2)))
    # Every abstractNum must precede every num, or Word rejects the part.
    return XML_HEAD + f"<w:numbering {NS}>" + "".join(abstracts) + nums + "</w:numbering>"


def run(text: str, rpr: str = "") -> str:
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}<w:t{space}>{text}</w:t></w:r>"


def para(style: str, content: str, ppr: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>{content}</w:p>'


def field(instruction: str, cached: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + run(cached) + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def cell(width: int, content: str, *, span: int = 1, vmerge: str | None = None,
         header: bool = False) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    if header:
        props += '<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>'
    props += '<w:vAlign w:val="center"/>'
    style = "TableHeading" if header else "TableText"
    centered = para(style, content, '<w:jc w:val="center"/>')
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{centered}</w:tc>"


def row(cells: str, *, header: bool = False) -> str:
    props = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
    return f"<w:tr><w:trPr>{props}</w:trPr>{cells}</w:tr>"


def revision_table() -> str:
    widths = [700, 900, 1300, 900, 1300, 900, 1300, 1012]
    assert sum(widths) == TEXT_WIDTH
    first = (cell(widths[0], run("版本"), vmerge="restart", header=True)
             + cell(widths[1] + widths[2], run("编制/更改"), span=2, header=True)
             + cell(widths[3] + widths[4], run("发布"), span=2, header=True)
             + cell(widths[5] + widths[6], run("实施"), span=2, header=True)
             + cell(widths[7], run("更改记录"), vmerge="restart", header=True))
    second = (cell(widths[0], "", vmerge="continue", header=True)
              + "".join(cell(widths[i], run(label), header=True)
                        for i, label in enumerate(["作者", "日期", "审核", "日期", "批准", "日期"],
                                                  start=1))
              + cell(widths[7], "", vmerge="continue", header=True))
    loop_open = row(cell(TEXT_WIDTH, run("{%tr for r in revisions %}"), span=8))
    fields = ["r.version", "r.author", "r.date", "r.reviewer", "r.review_date", "r.approver",
              "r.approve_date", "r.change"]
    body = row("".join(cell(widths[i], run("{{ " + name + " }}"))
                       for i, name in enumerate(fields)))
    loop_close = row(cell(TEXT_WIDTH, run("{%tr endfor %}"), span=8))
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
            f'<w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
            'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>"
            + row(first, header=True) + row(second, header=True)
            + loop_open + body + loop_close + "</w:tbl>")


def signoff_table() -> str:
    lines = [("编制人", "signoff.author", "编制时间", "signoff.author_date"),
             ("审核人", "signoff.reviewer", "审核时间", "signoff.review_date"),
             ("批准人", "signoff.approver", "审批时间", "signoff.approve_date")]
    # The date column holds "审批时间：2025年11月20日" on one line in 14 pt.
    widths = (2800, 4100)
    rows = "".join(
        "<w:tr>"
        + "".join(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                  + para("Signoff", run(f"{label}：") + run("{{ " + value + " }}")) + "</w:tc>"
                  for width, (label, value) in zip(widths, [(a, b), (c, d)], strict=True))
        + "</w:tr>"
        for a, b, c, d in lines)
    none = "".join(f'<w:{side} w:val="nil"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f"<w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr>"
            + "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
            + "</w:tblGrid>" + rows + "</w:tbl>")


def section_properties(*, landscape: bool = False) -> str:
    """Return the page setup: A4, portrait with a cover page, or landscape without one."""
    if landscape:
        size = f'<w:pgSz w:w="{PAGE_HEIGHT}" w:h="{PAGE_WIDTH}" w:orient="landscape"/>'
        margins = (f'<w:pgMar w:top="{MARGIN_LEFT}" w:right="{MARGIN_TOP}" '
                   f'w:bottom="{MARGIN_LEFT}" w:left="{MARGIN_TOP}" w:header="851" '
                   'w:footer="992" w:gutter="0"/>')
        first_page = ""
    else:
        size = f'<w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
        margins = (f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" '
                   f'w:bottom="{MARGIN_BOTTOM}" w:left="{MARGIN_LEFT}" w:header="851" '
                   'w:footer="992" w:gutter="0"/>')
        first_page = "<w:titlePg/>"
    return ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeaderDefault"/>'
            '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>'
            '<w:footerReference w:type="default" r:id="rIdFooterDefault"/>'
            '<w:footerReference w:type="first" r:id="rIdFooterFirst"/>'
            + size + margins + '<w:pgNumType w:start="1"/><w:cols w:space="425"/>'
            + first_page + "</w:sectPr>")


def loop_table(widths: list[int], headers: list[str], loop: str, fields: list[str]) -> str:
    """Return a table with one header row and one row repeated by docxtpl for `loop`."""
    total = sum(widths)
    header = "".join(cell(width, run(label), header=True)
                     for width, label in zip(widths, headers, strict=True))
    body = "".join(cell(width, run("{{ " + name + " }}"))
                   for width, name in zip(widths, fields, strict=True))
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
            f'<w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
            'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>" + row(header, header=True)
            + row(cell(total, run("{%tr for " + loop + " %}"), span=len(widths)))
            + row(body)
            + row(cell(total, run("{%tr endfor %}"), span=len(widths))) + "</w:tbl>")


def register_xml() -> str:
    """Return the body of the register: documents in force, then withdrawn documents."""
    current = loop_table(
        [700, 2000, 3400, 800, 1300, 1100, 1100, 1100, 1400, 1058],
        ["序号", "文件编号", "文件名称", "版本", "编制部门", "编制人", "审核人", "批准人",
         "发布日期", "状态"], "d in current",
        ["d.index", "d.number", "d.title", "d.version", "d.department", "d.author",
         "d.reviewer", "d.approver", "d.issued", "d.state"])
    withdrawn = loop_table(
        [700, 2000, 3400, 800, 1400, 1400, 4258],
        ["序号", "文件编号", "文件名称", "版本", "发布日期", "作废日期", "作废原因"],
        "d in withdrawn",
        ["d.index", "d.number", "d.title", "d.version", "d.issued", "d.withdrawn_on",
         "d.reason"])
    body = "".join([
        para("RegisterTitle", run("{{ org.name }}")),
        para("RegisterTitle", run("受控文件清单")),
        para("RegisterNote", run("截至 {{ register.date }}：现行 {{ register.released }} 份，"
                                 "草稿 {{ register.drafts }} 份，"
                                 "作废 {{ register.withdrawn }} 份")),
        current,
        para("RegisterHeading", run("作废文件清单")),
        withdrawn,
        section_properties(landscape=True),
    ])
    return XML_HEAD + f"<w:document {NS}><w:body>{body}</w:body></w:document>"


# The revision tables other houses keep: (heading, column widths, header words, fields).
REVISION_LAYOUTS = {
    # A date column holds "2025年11月20日" on one line (about 1,850 twips with margins).
    "4col": ("修订记录", [2000, 1000, 3712, 1600], ["日期", "版本", "变更说明", "批准人"],
             ["r.approve_date", "r.version", "r.change", "r.approver"]),
    "6col": ("修订记录", [900, 2000, 1100, 1100, 1100, 2112],
             ["版本", "日期", "修订人", "审核人", "批准人", "修订内容"],
             ["r.version", "r.date", "r.author", "r.reviewer", "r.approver", "r.change"]),
}


def revisions_xml(layout: str | None = None) -> str:
    """Return the revision history's heading and table: the two-row 8-column
    文件编制和变更履历, or the REVISION_LAYOUTS entry `layout`."""
    if layout is None:
        return para("FrontHeading", run("文件编制和变更履历")) + revision_table()
    heading, widths, headers, fields = REVISION_LAYOUTS[layout]
    assert sum(widths) == TEXT_WIDTH
    return (para("FrontHeading", run(heading))
            + loop_table(widths, headers, "r in revisions", fields))


def centered_cover() -> str:
    """Return the cover most ITSS documents have: company, title, number and version
    centred down the page, and the signers in a borderless block below them."""
    return "".join([
        para("CoverCompany", run("{{ org.name }}")),
        para("CoverTitle", run("{{ doc.cover_title }}")),
        para("CoverNumber", run("({{ doc.number }})")),
        para("CoverVersion", run("版本：{{ doc.version }}")),
        signoff_table(),
    ])


def boxed_cover() -> str:
    """Return the cover a 管理制度 often has: the kind of document and the title over a
    ruled grid of its particulars (number, version, department, 受控状态, signers and
    dates, release and effective dates), and the company issuing it at the foot."""
    widths = (1500, 2300, 1500, 2300)
    lines = [("文件编号", "doc.number", "版本号", "doc.version"),
             ("编制部门", "doc.department", "受控状态", "doc.state"),
             ("编　　制", "signoff.author", "日　　期", "signoff.author_date"),
             ("审　　核", "signoff.reviewer", "日　　期", "signoff.review_date"),
             ("批　　准", "signoff.approver", "日　　期", "signoff.approve_date"),
             ("发布日期", "doc.released_on", "实施日期", "doc.effective_date")]
    height = '<w:trHeight w:val="624" w:hRule="atLeast"/>'
    rows = "".join(
        f"<w:tr><w:trPr><w:cantSplit/>{height}</w:trPr>"
        + cell(widths[0], run(a), header=True) + cell(widths[1], run("{{ " + b + " }}"))
        + cell(widths[2], run(c), header=True) + cell(widths[3], run("{{ " + d + " }}"))
        + "</w:tr>"
        for a, b, c, d in lines)
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    table = ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
             f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
             '<w:tblLayout w:type="fixed"/></w:tblPr>'
             f"<w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>")
    return "".join([
        para("CoverKind", run("{{ doc.kind }}")),
        para("CoverTitle", run("{{ doc.cover_title }}")),
        para("CoverRule", ""),
        table,
        para("CoverIssuer", run("{{ org.name }}　发布")),
    ])


COVERS = {"centered": centered_cover, "boxed": boxed_cover}


def document_xml(layout: str | None = None, cover: str = "centered") -> str:
    """Return the body of a controlled document's template: the cover `cover` (COVERS),
    revision history in `layout` (None: 文件编制和变更履历), table of contents and body."""
    section = section_properties()
    body = "".join([
        COVERS[cover](),
        revisions_xml(layout),
        para("FrontHeading", run("目录")),
        para("TOC1", field('TOC \\o "1-4" \\h \\z \\u', "目录将在生成文档时填入")),
        para("Normal", run("{{ body }}"), "<w:pageBreakBefore/>"),
        section,
    ])
    return XML_HEAD + f"<w:document {NS}><w:body>{body}</w:body></w:document>"


def header_xml(content: str) -> str:
    return XML_HEAD + f"<w:hdr {NS}>{content}</w:hdr>"


def footer_xml(content: str) -> str:
    return XML_HEAD + f"<w:ftr {NS}>{content}</w:ftr>"


def settings_xml() -> str:
    return XML_HEAD + (
        f"<w:settings {NS}>"
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>'
        '<w:characterSpacingControl w:val="compressPunctuation"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        "</w:settings>")


def font_table_xml() -> str:
    entries = [
        ("宋体", "SimSun", "86", "02010600030101010101"),
        ("黑体", "SimHei", "86", "02010609060101010101"),
        ("Times New Roman", None, "00", "02020603050405020304"),
        ("Arial", None, "00", "020B0604020202020204"),
    ]
    body = "".join(
        f'<w:font w:name="{name}">' + (f'<w:altName w:val="{alt}"/>' if alt else "")
        + f'<w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/></w:font>'
        for name, alt, charset, panose in entries)
    return XML_HEAD + f"<w:fonts {NS}>{body}</w:fonts>"


def content_types_xml() -> str:
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    overrides = {
        "/word/document.xml": f"{main}.document.main+xml",
        "/word/styles.xml": f"{main}.styles+xml",
        "/word/numbering.xml": f"{main}.numbering+xml",
        "/word/settings.xml": f"{main}.settings+xml",
        "/word/fontTable.xml": f"{main}.fontTable+xml",
        "/word/header1.xml": f"{main}.header+xml",
        "/word/header2.xml": f"{main}.header+xml",
        "/word/footer1.xml": f"{main}.footer+xml",
        "/word/footer2.xml": f"{main}.footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml":
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
    return XML_HEAD + (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{part}" ContentType="{kind}"/>'
                  for part, kind in overrides.items()) + "</Types>")


def relationships(entries: list[tuple[str, str, str]]) -> str:
    return XML_HEAD + (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
                  for rid, kind, target in entries) + "</Relationships>")


def package_parts(document: str, header_right: str, title: str, *,
                  text_width: int = TEXT_WIDTH,
                  style: HouseStyle = DEFAULT_STYLE) -> dict[str, str]:
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    # The header's right-aligned text sits on a tab stop at the right margin.
    tabs = "" if text_width == TEXT_WIDTH else (
        f'<w:tabs><w:tab w:val="clear" w:pos="{TEXT_WIDTH}"/>'
        f'<w:tab w:val="right" w:pos="{text_width}"/></w:tabs>')
    header_content = para("Header", run("{{ org.name }}") + "<w:r><w:tab/></w:r>"
                          + run(header_right), tabs)
    footer_content = para("Footer", run("第 ") + field("PAGE", "1") + run(" 页 / 共 ")
                          + field("NUMPAGES", "1") + run(" 页"))
    empty = '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p>'
    return {
        "[Content_Types].xml": content_types_xml(),
        "_rels/.rels": relationships([
            ("rId1", f"{office}/officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                     "core-properties", "docProps/core.xml"),
            ("rId3", f"{office}/extended-properties", "docProps/app.xml"),
        ]),
        "docProps/core.xml": XML_HEAD + (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/'
            f'XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>docgen</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:modified>'
            "</cp:coreProperties>"),
        "docProps/app.xml": XML_HEAD + (
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>docgen</Application></Properties>'),
        "word/_rels/document.xml.rels": relationships([
            ("rIdStyles", f"{office}/styles", "styles.xml"),
            ("rIdNumbering", f"{office}/numbering", "numbering.xml"),
            ("rIdSettings", f"{office}/settings", "settings.xml"),
            ("rIdFontTable", f"{office}/fontTable", "fontTable.xml"),
            ("rIdHeaderDefault", f"{office}/header", "header1.xml"),
            ("rIdHeaderFirst", f"{office}/header", "header2.xml"),
            ("rIdFooterDefault", f"{office}/footer", "footer1.xml"),
            ("rIdFooterFirst", f"{office}/footer", "footer2.xml"),
        ]),
        "word/document.xml": document,
        "word/styles.xml": styles_xml(),
        "word/numbering.xml": numbering_xml(style),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(),
        "word/header1.xml": header_xml(header_content),
        "word/header2.xml": header_xml(empty),
        "word/footer1.xml": footer_xml(footer_content),
        "word/footer2.xml": footer_xml(empty),
    }


TEMPLATES = {
    "controlled-document": lambda style: package_parts(document_xml(),
                                                       "{{ doc.number }} {{ doc.version }}",
                                                       "受控文件模板", style=style),
    # A 管理制度's header names the kind of document and its number in 【】.
    "policy": lambda style: package_parts(document_xml("4col", cover="boxed"),
                                          "{{ doc.kind }}【{{ doc.number }}】{{ doc.version }}",
                                          "管理制度模板", style=style),
    # The same document with another house's revision table (修订记录).
    **{f"controlled-document-{layout}": (
        lambda style, layout=layout: package_parts(document_xml(layout),
                                                   "{{ doc.number }} {{ doc.version }}",
                                                   "受控文件模板", style=style))
       for layout in REVISION_LAYOUTS},
    "register": lambda style: package_parts(register_xml(), "受控文件清单", "受控文件清单模板",
                                            text_width=LANDSCAPE_TEXT_WIDTH, style=style),
}


def template_bytes(name: str = "controlled-document", style: HouseStyle = DEFAULT_STYLE) -> bytes:
    """Return the template `name` as the bytes of a .docx file, the same on every run;
    its headings are numbered in `style`."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name_in_zip, text in TEMPLATES[name](style).items():
            info = zipfile.ZipInfo(name_in_zip, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "templates" / "docx"
    folder.mkdir(parents=True, exist_ok=True)
    for name in TEMPLATES:
        target = folder / f"{name}.docx"
        target.write_bytes(template_bytes(name))
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
