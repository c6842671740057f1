"""List labels read back from files in the shape Microsoft Word and WPS Office save them.

Each fixture is written here, in the idioms of its producer, and read back with
read_docx; the expected labels are what Word displays for that markup (ECMA-376
Part 1 §17.9; see docgen.wordml.list_numbering for the rules and their sources).
"""

from __future__ import annotations

from docgen.wordml.reader import read_docx
from tests.support.wordml_files import W_NS, docx_bytes, paragraph

_WORD_NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid" '
    'mc:Ignorable="w14 w15 w16cid"')
_WPS_NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" '
    'mc:Ignorable="w14"')


def word_level(ilvl: int, number_format: str, text: str, *, style: str = "", start: int = 1,
               extra: str = "", tplc: str = "04090019", tentative: bool = False) -> str:
    """Return a w:lvl as Word writes it: w:tplc and w:tentative on the element, the
    properties in schema order, indents in twips."""
    attributes = f'w:ilvl="{ilvl}" w:tplc="{tplc}"' + (' w:tentative="1"' if tentative else "")
    return (f'<w:lvl {attributes}><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{number_format}"/>{extra}'
            + (f'<w:pStyle w:val="{style}"/>' if style else "")
            + f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{420 * (ilvl + 1)}" w:hanging="420"/></w:pPr></w:lvl>')


def word_abstract(abstract_id: int, nsid: str, kind: str, levels: str) -> str:
    """Return a w:abstractNum as Word 2013+ writes it: w15:restartNumberingAfterBreak,
    w:nsid, w:multiLevelType and w:tmpl before the levels."""
    return (f'<w:abstractNum w:abstractNumId="{abstract_id}" w15:restartNumberingAfterBreak="0">'
            f'<w:nsid w:val="{nsid}"/><w:multiLevelType w:val="{kind}"/>'
            f'<w:tmpl w:val="{nsid[::-1]}"/>{levels}</w:abstractNum>')


def word_num(num_id: int, abstract_id: int, *, start_override: int | None = None) -> str:
    """Return a w:num as Word 2016+ writes it (w16cid:durableId), with a lvlOverride
    carrying a startOverride when the user chose "restart numbering"."""
    override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/>'
                "</w:lvlOverride>" if start_override is not None else "")
    return (f'<w:num w:numId="{num_id}" w16cid:durableId="{1000000 + num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>')


def word_style(style_id: str, name: str, *, based_on: str = "", num_pr: str = "",
               outline: int | None = None) -> str:
    """Return a paragraph style as Chinese Word writes it (localized ids such as "1", "a")."""
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            + (f'<w:basedOn w:val="{based_on}"/>' if based_on else "")
            + '<w:next w:val="a"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr>'
            + (f"<w:numPr>{num_pr}</w:numPr>" if num_pr else "")
            + (f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else "")
            + "</w:pPr></w:style>")


WORD_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {_WORD_NAMESPACES}>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>'
    '<w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>'
    # Heading 1 names the list; heading 2 inherits it and names only its level.
    + word_style("1", "heading 1", based_on="a", num_pr='<w:numId w:val="1"/>', outline=0)
    + word_style("2", "heading 2", based_on="1", num_pr='<w:ilvl w:val="1"/>', outline=1)
    # Heading 3 says nothing of numbering itself: the list binds it to level 3 by pStyle.
    + word_style("3", "heading 3", based_on="2", outline=2)
    + word_style("a5", "List Paragraph", based_on="a")
    + "</w:styles>")


def word_regulation() -> bytes:
    """A regulation (制度) as Word 2016 (zh-CN) saves it.

    Imitates Word: localized style ids ("a", "1", "2", "3"); a multilevel list bound to
    the heading styles through w:pStyle, named only by heading 1's style (heading 2
    inherits the numId through basedOn and gives only its ilvl; heading 3 gets its level
    from the binding alone); articles (第%2条, w:lvlRestart 0) numbered on across
    chapters; items （%3） restarting under each article; w:nsid, w:tmpl, w:tplc,
    w15:restartNumberingAfterBreak, w16cid:durableId, and w:numIdMacAtCleanup last.
    A circled list (①) is used through three w:num of one definition: the one without
    a startOverride continues the count, the one with a startOverride restarts it.
    """
    headings = "".join((
        word_level(0, "chineseCounting", "第%1章", style="1", tplc="0409000F",
                   extra='<w:suff w:val="space"/>'),
        word_level(1, "chineseCounting", "第%2条", style="2",
                   extra='<w:lvlRestart w:val="0"/><w:suff w:val="space"/>'),
        word_level(2, "chineseCounting", "（%3）", style="3", extra='<w:suff w:val="nothing"/>'),
        *(word_level(ilvl, "decimal", f"%{ilvl + 1}.", tentative=True) for ilvl in range(3, 9))))
    circled = "".join(word_level(ilvl, "decimalEnclosedCircle", f"%{ilvl + 1}",
                                 tentative=ilvl > 0) for ilvl in range(9))
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {_WORD_NAMESPACES}>'
        + word_abstract(0, "2C4F6A81", "multilevel", headings)
        + word_abstract(1, "5E7D1B23", "hybridMultilevel", circled)
        + word_num(1, 0) + word_num(2, 1) + word_num(3, 1, start_override=1) + word_num(4, 1)
        + '<w:numIdMacAtCleanup w:val="3"/></w:numbering>')
    body = []
    article = 0
    for chapter in range(1, 13):
        body.append(paragraph(f"章{chapter}", "1"))
        for _ in range(2):
            article += 1
            body.append(paragraph(f"条{article}", "2"))
            if article in (22, 23):
                body += [paragraph(f"项{article}-{item}", "3") for item in (1, 2)]
    body += [paragraph("圈甲", "a5", "2", 0), paragraph("圈乙", "a5", "2", 0),
             paragraph("正文", "a"),
             paragraph("圈丙", "a5", "4", 0),  # another num, no override: counts on
             paragraph("圈丁", "a5", "3", 0),  # startOverride: restarts
             paragraph("圈戊", "a5", "3", 0),
             paragraph("圈己", "a5", "2", 0)]  # the first num again: the shared count goes on
    return docx_bytes(body="".join(body), styles=WORD_STYLES, numbering=numbering)


def labels(data: bytes) -> dict[str, str]:
    return {p.text: p.label for p in read_docx(data).paragraphs}


def test_word_chapters_count_in_chinese_past_ten():
    read = labels(word_regulation())
    assert [read[f"章{chapter}"] for chapter in (1, 9, 10, 11, 12)] == [
        "第一章", "第九章", "第十章", "第十一章", "第十二章"]


def test_word_articles_count_on_across_chapters_with_lvlrestart_zero():
    read = labels(word_regulation())
    assert [read[f"条{article}"] for article in (1, 2, 3, 10, 11, 20, 23, 24)] == [
        "第一条", "第二条", "第三条", "第十条", "第十一条", "第二十条", "第二十三条",
        "第二十四条"]


def test_word_items_restart_under_each_article():
    read = labels(word_regulation())
    assert [read[f"项{article}-{item}"] for article in (22, 23) for item in (1, 2)] == [
        "（一）", "（二）", "（一）", "（二）"]


def test_word_heading_levels_come_from_inherited_ilvl_and_pstyle_binding():
    document = read_docx(word_regulation())
    shown = [(p.heading_level, p.label) for p in document.paragraphs if p.text in (
        "章12", "条23", "项23-1")]
    assert shown == [(1, "第十二章"), (2, "第二十三条"), (3, "（一）")]


def test_word_instances_of_one_definition_share_the_count_until_a_start_override():
    read = labels(word_regulation())
    assert [read[name] for name in ("圈甲", "圈乙", "圈丙", "圈丁", "圈戊", "圈己")] == [
        "①", "②", "③", "①", "②", "③"]
    assert read["正文"] == ""


def word_report() -> bytes:
    """A report as Word (en-US) saves it: Heading1..Heading3 with a legal-style list.

    Imitates Word's built-in "Chapter I / 1.1" multilevel list: level 1 "Chapter %1" in
    upper Roman, level 2 "%1.%2" with w:isLgl (so 3.1, not III.1), level 3 "%1.%2.%3"
    with w:lvlRestart 1 (it restarts after a chapter, not after a section). The headings
    take their numbering from their styles only; the body paragraphs in between have
    none.
    """
    levels = "".join((
        word_level(0, "upperRoman", "Chapter %1", style="Heading1", tplc="0409000F"),
        word_level(1, "decimal", "%1.%2", style="Heading2", extra="<w:isLgl/>"),
        word_level(2, "lowerLetter", "%1.%2.%3", style="Heading3",
                   extra='<w:lvlRestart w:val="1"/><w:isLgl/>'),
        *(word_level(ilvl, "decimal", f"%{ilvl + 1}.", tentative=True) for ilvl in range(3, 9))))
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {_WORD_NAMESPACES}>'
        + word_abstract(0, "0F1E2D3C", "multilevel", levels) + word_num(1, 0)
        + '<w:numIdMacAtCleanup w:val="0"/></w:numbering>')
    styles = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {_WORD_NAMESPACES}>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "</w:style>"
        + word_style("Heading1", "heading 1", based_on="Normal",
                     num_pr='<w:numId w:val="1"/>', outline=0)
        + word_style("Heading2", "heading 2", based_on="Normal",
                     num_pr='<w:ilvl w:val="1"/><w:numId w:val="1"/>', outline=1)
        + word_style("Heading3", "heading 3", based_on="Normal",
                     num_pr='<w:ilvl w:val="2"/><w:numId w:val="1"/>', outline=2)
        + "</w:styles>")
    body = "".join((
        paragraph("Scope", "Heading1"), paragraph("body", "Normal"),
        paragraph("Terms", "Heading1"), paragraph("Roles", "Heading2"),
        paragraph("Owner", "Heading3"), paragraph("Deputy", "Heading3"),
        paragraph("Process", "Heading1"), paragraph("Intake", "Heading2"),
        paragraph("Form", "Heading3"), paragraph("Review", "Heading2"),
        paragraph("Check", "Heading3"), paragraph("Approve", "Heading3"),
        paragraph("Close", "Heading1"), paragraph("Archive", "Heading3")))
    return docx_bytes(body=body, styles=styles, numbering=numbering)


def test_word_multilevel_labels_are_built_from_lvltext_with_islgl():
    read = labels(word_report())
    assert [read[name] for name in ("Scope", "Terms", "Roles", "Process", "Intake", "Review")
            ] == ["Chapter I", "Chapter II", "2.1", "Chapter III", "3.1", "3.2"]
    assert read["body"] == ""


def test_word_lvlrestart_one_restarts_only_after_a_chapter():
    read = labels(word_report())
    # "Check" follows a new section (3.2) but no new chapter: it counts on from "Form".
    assert [read[name] for name in ("Owner", "Deputy", "Form", "Check", "Approve")] == [
        "2.1.1", "2.1.2", "3.1.1", "3.2.2", "3.2.3"]


def test_word_a_skipped_level_shows_its_start():
    # "Archive" is a level-3 heading straight under chapter IV, with no section before it.
    assert labels(word_report())["Archive"] == "4.1.1"


def wps_plan() -> bytes:
    """A plan (计划) as WPS Office (zh-CN) saves it.

    Imitates WPS: numeric style ids ("1" Normal, "2" heading 1, "3" heading 2); the
    wpsCustomData namespace; every w:lvl with w:tentative="0" and w:rFonts
    w:hint="default"; w:tmpl equal to w:nsid; numbering written directly on each
    paragraph (numId and ilvl) as well as in the heading styles. Headings "一、" use
    chineseCountingThousand, sub-items "（一）" chineseCounting, a plain "1." list
    continues through two w:num of one definition, and a bullet list is shared by
    paragraphs in two table cells.
    """

    def level(ilvl: int, number_format: str, text: str, style: str = "") -> str:
        return (f'<w:lvl w:ilvl="{ilvl}" w:tentative="0"><w:start w:val="1"/>'
                f'<w:numFmt w:val="{number_format}"/>'
                + (f'<w:pStyle w:val="{style}"/>' if style else "")
                + f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{425 * ilvl}" w:hanging="0"/></w:pPr>'
                '<w:rPr><w:rFonts w:hint="default"/></w:rPr></w:lvl>')

    def abstract(abstract_id: int, nsid: str, levels: str) -> str:
        return (f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:nsid w:val="{nsid}"/>'
                f'<w:multiLevelType w:val="multilevel"/><w:tmpl w:val="{nsid}"/>{levels}'
                "</w:abstractNum>")

    headings = level(0, "chineseCountingThousand", "%1、", "2") + level(
        1, "chineseCounting", "（%2）", "3") + "".join(
        level(ilvl, "decimal", f"%{ilvl + 1}.") for ilvl in range(2, 9))
    decimal = "".join(level(ilvl, "decimal", f"%{ilvl + 1}.") for ilvl in range(9))
    bullets = "".join(level(ilvl, "bullet", "\u25cf") for ilvl in range(9))
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {_WPS_NAMESPACES}>'
        + abstract(0, "6B1D2E7F", headings) + abstract(1, "0A3C5E71", decimal)
        + abstract(2, "1F2E3D4C", bullets)
        + "".join(f'<w:num w:numId="{num}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
                  for num, abstract_id in ((1, 0), (2, 1), (3, 1), (4, 2)))
        + "</w:numbering>")
    styles = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {_WPS_NAMESPACES}>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/>'
        '<w:qFormat/><w:uiPriority w:val="0"/><w:pPr><w:widowControl w:val="0"/></w:pPr>'
        "</w:style>"
        '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/>'
        '<w:basedOn w:val="1"/><w:next w:val="1"/><w:qFormat/><w:uiPriority w:val="0"/><w:pPr>'
        '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/>'
        "</w:pPr></w:style>"
        '<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 2"/>'
        '<w:basedOn w:val="1"/><w:next w:val="1"/><w:qFormat/><w:uiPriority w:val="0"/><w:pPr>'
        '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/>'
        "</w:pPr></w:style></w:styles>")
    body = []
    for section in range(1, 13):
        body.append(paragraph(f"节{section}", "2", "1", 0))
        if section == 11:
            body += [paragraph(f"目{item}", "3", "1", 1) for item in range(1, 12)]
    body += [paragraph("步骤一", "1", "2", 0), paragraph("步骤二", "1", "2", 0),
             paragraph("说明", "1"), paragraph("步骤三", "1", "3", 0)]
    cell = ('<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>{}</w:tc>')
    body.append('<w:tbl><w:tblPr><w:tblW w:w="8000" w:type="dxa"/></w:tblPr><w:tblGrid>'
                '<w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid><w:tr>'
                + cell.format(paragraph("甲格", "1", "4", 0))
                + cell.format(paragraph("乙格", "1", "4", 0)) + "</w:tr></w:tbl>")
    return docx_bytes(body="".join(body), styles=styles, numbering=numbering)


def test_wps_headings_count_in_chinese_with_thousand_forms():
    read = labels(wps_plan())
    assert [read[f"节{section}"] for section in (1, 10, 11, 12)] == [
        "一、", "十、", "十一、", "十二、"]


def test_wps_sub_items_restart_under_each_heading_and_pass_ten():
    read = labels(wps_plan())
    assert [read[f"目{item}"] for item in (1, 10, 11)] == ["（一）", "（十）", "（十一）"]


def test_wps_two_instances_of_one_definition_continue_each_other():
    read = labels(wps_plan())
    assert [read[name] for name in ("步骤一", "步骤二", "说明", "步骤三")] == ["1.", "2.", "", "3."]


def test_wps_bullets_shared_by_two_table_cells_show_their_glyph():
    cells = read_docx(wps_plan()).tables[0].rows[0]
    assert [cell.paragraphs[0].label for cell in cells] == ["\u25cf", "\u25cf"]
