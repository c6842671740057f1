"""The body of an invented company's document: its headings, numbered as the company
numbers them, and the paragraphs, lists and tables under each."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from tests.importer.other_company_parts import (
    alternate_content_run,
    drawing_run,
    footnote_reference_run,
    grid_before_table,
    nested_table,
    text_box_run,
)

_HEADING_NUMBERS = 91
_BULLETS = 92
_DECIMAL = 93


def heading_paragraph(document, company, line: str, title: str, level: int) -> None:
    """Add a heading: in a heading style numbered by Word where the company does that, else
    typed, bold and 黑体."""
    if company.headings in ("auto", "zh_styles"):
        _bind_heading_numbering(document, company)
        style = f"Heading {level}" if company.headings == "auto" else f"标题 {level}"
        paragraph = document.add_paragraph(title, style=style)
    elif company.headings == "chapters" and level == 1:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = True
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
        paragraph.alignment = 1
    else:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = level < 3 or company.headings != "gbt9704"
        run.font.size = Pt({1: 16, 2: 14, 3: 12}[level])
        font = {1: "黑体", 2: "楷体", 3: "宋体"}[level] if company.headings == "gbt9704" \
            else "黑体"
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def _numbering(document):
    return document.part.numbering_part.element


def _add_numbering(document, abstract_id: int, levels: str, nums: list[str]) -> None:
    """Add an abstractNum (before the first w:num, as the schema orders them) and its nums."""
    numbering = _numbering(document)
    if any(node.get(qn("w:abstractNumId")) == str(abstract_id)
           for node in numbering.findall(qn("w:abstractNum"))):
        return
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    for num in nums:
        numbering.append(parse_xml(num))


def _bind_heading_numbering(document, company) -> None:
    """Number the heading styles by one multilevel list whose levels name the styles."""
    dot = "." if company.headings == "auto" else ""
    names = [f"Heading {level}" if company.headings == "auto" else f"标题 {level}"
             for level in (1, 2, 3)]
    if company.headings == "zh_styles" and names[0] not in [s.name for s in document.styles]:
        from tests.importer.other_companies import chinese_heading_styles
        chinese_heading_styles(document)
    ids = [document.styles[name].style_id for name in names]
    if company.headings == "auto":  # Word keeps the TOC's title, based on Heading 1, unnumbered
        document.styles["TOC Heading"].element.get_or_add_pPr().insert(0, parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'))
    texts = ["%1" + dot, "%1.%2" + dot, "%1.%2.%3" + dot]
    levels = "".join(
        f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:pStyle w:val="{ids[index]}"/><w:lvlText w:val="{texts[index]}"/>'
        '<w:lvlJc w:val="left"/></w:lvl>' for index in range(3))
    _add_numbering(document, _HEADING_NUMBERS, levels, [
        f'<w:num {nsdecls("w")} w:numId="{_HEADING_NUMBERS}">'
        f'<w:abstractNumId w:val="{_HEADING_NUMBERS}"/></w:num>'])
    for index, name in enumerate(names):
        properties = document.styles[name].element.get_or_add_pPr()
        if properties.find(qn("w:numPr")) is None:
            properties.insert(0, parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{index}"/>'
                f'<w:numId w:val="{_HEADING_NUMBERS}"/></w:numPr>'))


def _list_numbering(document) -> None:
    _add_numbering(document, _BULLETS, (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\uf0b7"/><w:lvlJc w:val="left"/><w:rPr><w:rFonts w:ascii="Symbol" '
        'w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>'),
        [f'<w:num {nsdecls("w")} w:numId="{_BULLETS}"><w:abstractNumId w:val="{_BULLETS}"/>'
         "</w:num>"])
    _add_numbering(document, _DECIMAL, (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>'), [
        f'<w:num {nsdecls("w")} w:numId="{_DECIMAL}"><w:abstractNumId w:val="{_DECIMAL}"/>'
        "</w:num>",
        f'<w:num {nsdecls("w")} w:numId="{_DECIMAL + 1}"><w:abstractNumId w:val="{_DECIMAL}"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'])


def _numbered(document, text: str, num_id: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().insert(0, parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def body_blocks(document, company, kind: str) -> None:
    """Add what follows a heading of `kind` (see OUTLINE)."""
    name = company.company
    if kind == "intro":
        paragraph = document.add_paragraph(
            f"为规范{name}信息技术服务的运行维护管理，提高服务质量，特制定本文件。")
        if "drawing" in company.extras:
            drawing_run(document.add_paragraph())
    elif kind == "purpose":
        paragraph = document.add_paragraph("明确运维服务各环节的职责与要求，确保服务持续改进")
        if "footnote" in company.extras:
            paragraph._p.append(footnote_reference_run())
        paragraph.add_run("。")
    elif kind == "scope":
        document.add_paragraph("本文件适用于以下服务：")
        if "alternate" in company.extras:  # a shape anchored in a paragraph of its own
            document.add_paragraph()._p.append(alternate_content_run("服务范围示意"))
        items = ["桌面运维服务", "网络运维服务", "数据中心运维服务"]
        if "circled" in company.lists:
            for mark, item in zip("①②③", items, strict=True):
                document.add_paragraph(f"{mark}{item}；")
        else:
            for item in items:
                document.add_paragraph(f"{item}；")
    elif kind == "roles":
        paragraph = document.add_paragraph("各部门按以下分工履行职责。")
        if "textbox" in company.extras:
            paragraph._p.append(text_box_run("职责分工见附图"))
    elif kind == "lists":
        _list_numbering(document)
        document.add_paragraph("运维服务部负责：")
        for item in ("受理服务请求", "处理事件和问题", "维护配置管理数据库"):
            if "symbol" in company.lists:
                _numbered(document, item, _BULLETS)
            else:
                document.add_paragraph(f"● {item}")
        if "restart" in company.lists:
            document.add_paragraph("服务交付时应：")
            for item in ("确认服务级别", "记录服务过程"):
                _numbered(document, item, _DECIMAL)
            document.add_paragraph("服务回顾时应：")
            for item in ("汇总服务报告", "提出改进措施"):
                _numbered(document, item, _DECIMAL + 1)
    elif kind == "letters":
        document.add_paragraph("一线支持组的工作包括：")
        items = ["电话受理", "远程协助", "现场支持"]
        if "letter" in company.lists:
            for mark, item in zip("abc", items, strict=True):
                document.add_paragraph(f"{mark}) {item}；")
        else:
            for index, item in enumerate(items, 1):
                document.add_paragraph(f"{index}、{item}；")
    elif kind == "tables":
        document.add_paragraph("质量管理部人员配置如下表。")
        _tables(document, company)
    elif kind == "kpi":
        _kpi(document, company)
    elif kind == "plan":
        _plan(document, company)
    else:
        document.add_paragraph("本文件由质量管理部负责解释。")
        document.add_paragraph(f"本文件自{company.date}起施行。")


def _grid(document, rows: list[list[str]], *, repeat: bool = False):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for index, row in enumerate(rows):
        for column, text in enumerate(row):
            table.cell(index, column).text = text
    if repeat:
        table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
    return table


def _tables(document, company) -> None:
    if "merged" in company.tables or "total" in company.tables:
        rows = [["岗位类别", "岗位", "人数", "备注"],
                ["技术岗", "系统工程师", "3", "持证上岗"],
                ["", "网络工程师", "2", ""],
                ["管理岗", "服务经理", "1", ""]]
        if "total" in company.tables:
            rows.append(["合计", "", "6", ""])
        table = _grid(document, rows, repeat="repeat" in company.tables)
        table.cell(1, 0).merge(table.cell(2, 0)).text = "技术岗"  # vMerge
        table.cell(1, 3).merge(table.cell(2, 3)).text = "持证上岗"
        if "total" in company.tables:
            table.cell(4, 0).merge(table.cell(4, 1)).text = "合计"  # gridSpan
    if "nested" in company.tables:
        table = _grid(document, [["值班安排", "说明"], ["", "节假日另行通知"]])
        table.cell(1, 0).text = "7×24小时值班："
        nested_table(table.cell(1, 0), [["班次", "时间"], ["白班", "8:30-17:30"],
                                        ["夜班", "17:30-次日8:30"]])
    if "grid_before" in company.tables:
        document.add_paragraph("备品备件清单：")
        grid_before_table(document, [["名称", "型号", "数量"], ["交换机", "S5720", "2"],
                                     ["", "备注：每季度盘点", "—"]])


KPI_COLUMNS = {
    # (header, value of the row about 事件响应及时率)
    "指标名称": "事件响应及时率", "目标值": "≥95%",
    "计算方法": "按时响应事件数/事件总数×100%", "统计周期": "每月", "责任部门": "运维服务部",
}


def _kpi(document, company) -> None:
    document.add_paragraph("运维服务质量目标如下：")
    if "kpi" not in company.tables:
        document.add_paragraph("事件响应及时率≥95%，客户满意度≥90分。")
        return
    order = ["指标名称", "目标值", "计算方法", "统计周期", "责任部门"]
    if company.headings in ("gbt9704", "chapters"):
        order = ["指标名称", "责任部门", "统计周期", "目标值", "计算方法"]
    second = {"指标名称": "客户满意度", "目标值": "≥90分", "计算方法": "满意度调查平均分",
              "统计周期": "每季度", "责任部门": "质量管理部"}
    _grid(document, [order, [KPI_COLUMNS[c] for c in order], [second[c] for c in order]],
          repeat="repeat" in company.tables)


def _plan(document, company) -> None:
    document.add_paragraph("年度工作计划：")
    if "plan" not in company.tables:
        document.add_paragraph("每季度开展一次服务质量检查。")
        return
    _grid(document, [["序号", "工作内容", "责任部门", "完成时间"],
                     ["1", "修订服务目录", "质量管理部", company.date],
                     ["2", "开展内部审核", "质量管理部", "每半年"],
                     ["3", "组织应急演练", "运维服务部", "每季度"]])
