"""Legacy controlled documents of invented companies, as other producers write them.

Each Company says how one document is laid out, each choice independent of the others:
its cover (centred lines, a ruled grid, 拟制/审批/会签 labels, labels with the value on the
line below), its revision table (6, 5 or 4 columns, a merged two-row header, none), its
TOC (a Word TOC field in a content control, typed with dot leaders, none), how its
headings are numbered (Word heading styles with multilevel numbering bound to them,
Chinese style names, typed 一、/（一）, 第一章/第一条, "1 总则"), its lists (Symbol-font
bullets, decimal lists restarted by a new w:num, typed ①, a)) and tables (merges by
vMerge and gridSpan, a nested table, gridBefore, a 合计 row, KPI and plan tables, repeated
header rows), and how it writes dates and versions. `make_document` writes the .docx
with python-docx, and lxml where python-docx has no call (numbering, fields, content
controls, drawings, text boxes, footnotes).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from tests.importer.other_company_parts import toc_field, with_footnotes


@dataclass
class Company:
    """One document of an invented company, and how it is laid out."""

    company: str
    number: str
    title: str
    version: str
    date: str
    """A date as the company writes it (2024年3月5日, 2024-03-05, 2024/3/5, 2024.03.05)."""
    cover: str = "centred"  # centred, grid, roles, below
    company_on_cover: bool = True
    revisions: str = "six"  # six, five, four, merged, none
    toc: str = "field"  # field, typed, none
    headings: str = "auto"  # auto, zh_styles, gbt9704, chapters, plain
    lists: tuple[str, ...] = ("symbol", "restart")  # symbol, restart, circled, letter
    tables: tuple[str, ...] = ("merged", "kpi")  # merged, nested, grid_before, total,
    # kpi, plan, repeat
    extras: tuple[str, ...] = ()  # drawing, alternate, textbox, footnote
    signers: tuple[str, str, str] = ("王磊", "李娜", "陈刚")
    headings_shown: list[str] = field(default_factory=list)
    """Filled in by make_document: the heading lines as the original shows them."""


HEADING_FORMS = {
    # (level 1, level 2, level 3) as typed or as Word's numbering shows them.
    "auto": ("{a}.", "{a}.{b}.", "{a}.{b}.{c}."),
    "zh_styles": ("{a}", "{a}.{b}", "{a}.{b}.{c}"),
    "plain": ("{a}", "{a}.{b}", "{a}.{b}.{c}"),
    "gbt9704": ("{A}、", "（{B}）", "{c}."),
    "chapters": ("第{A}章", "第{N}条", "（{C}）"),
}
_CHINESE = "一二三四五六七八九十"
# The sections of every document: (level, title, what follows it).
OUTLINE = [
    (1, "总则", "intro"),
    (2, "目的", "purpose"),
    (2, "适用范围", "scope"),
    (1, "职责", "roles"),
    (2, "运维服务部", "lists"),
    (3, "一线支持组", "letters"),
    (2, "质量管理部", "tables"),
    (1, "管理要求", "kpi"),
    (2, "工作计划", "plan"),
    (1, "附则", "end"),
]


def heading_label(form: str, numbers: list[int]) -> str:
    """Return the number a heading of `numbers` shows in `form` ({a} decimal, {A} Chinese,
    {N} an article counted on through the chapters)."""
    values = {"a": numbers[0], "b": numbers[-1] if len(numbers) > 1 else 0,
              "c": numbers[-1], "A": _CHINESE[numbers[0] - 1],
              "B": _CHINESE[numbers[-1] - 1], "C": _CHINESE[numbers[-1] - 1],
              "N": _CHINESE[numbers[-1] - 1]}
    if len(numbers) == 3:
        values["b"] = numbers[1]
    return form.format(**values)


def make_document(company: Company) -> bytes:
    """Return the .docx of `company`'s document."""
    document = docx.Document()
    _page_header(document, company)
    _cover(document, company)
    _revision_table(document, company)
    if company.toc == "field":
        document.element.body.append(toc_field(_outline_lines(company)))
        document.element.body.append(document.element.body[-2])  # keep sectPr last
    elif company.toc == "typed":
        _paragraph(document, "目  录", center=True, bold=True)
        for line in _outline_lines(company):
            paragraph = _paragraph(document, f"{line}\t1")
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                Pt(420), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    _body(document, company)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    return with_footnotes(data) if "footnote" in company.extras else data


def _paragraph(document, text: str = "", *, style: str | None = None, center: bool = False,
               bold: bool = False, font: str = "", size: float | None = None):
    paragraph = document.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if font:
            run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def _page_header(document, company: Company) -> None:
    header = document.sections[0].header.paragraphs[0]
    header.text = f"{company.company}\t\t{company.number}"


def _cover(document, company: Company) -> None:
    author, reviewer, approver = company.signers
    if company.company_on_cover:
        _paragraph(document, company.company, center=True, bold=True, size=18)
    _paragraph(document)
    _paragraph(document, company.title, center=True, bold=True, font="黑体", size=26)
    if company.cover == "grid":
        rows = [("文件名称", company.title), ("文件编号", company.number),
                ("版本号", company.version), ("受控状态", "受控"), ("编制部门", "质量管理部"),
                ("编制", f"{author}  {company.date}"), ("审核", f"{reviewer}  {company.date}"),
                ("批准", f"{approver}  {company.date}")]
        table = document.add_table(rows=len(rows), cols=2)
        table.style = "Table Grid"
        for index, (label, value) in enumerate(rows):
            table.cell(index, 0).text = label
            table.cell(index, 1).text = value
        return
    _paragraph(document, f"文件编号：{company.number}", center=True)
    _paragraph(document, f"版本号：{company.version}", center=True)
    _paragraph(document, "受控状态：受控", center=True)
    if company.cover == "roles":
        for label, name in (("拟制", author), ("审核", reviewer), ("审批", approver),
                            ("会签", "赵敏、孙强")):
            _paragraph(document, f"{label}：{name}\t日期：{company.date}")
    elif company.cover == "below":
        for label, name in (("编\u3000制", author), ("审\u3000核", reviewer),
                            ("批\u3000准", approver)):
            _paragraph(document, f"{label}：")
            _paragraph(document, f"{name}  {company.date}")
    else:
        for label, name in (("编制", author), ("审核", reviewer), ("批准", approver)):
            _paragraph(document, f"{label}：{name}", center=True)
        _paragraph(document, f"发布日期：{company.date}", center=True)
    document.add_page_break()


REVISION_HEADERS = {
    "six": ["版本号", "修订内容", "修订人", "审核人", "批准人", "修订日期"],
    "five": ["序号", "版本", "修订内容", "修订人", "日期"],
    "four": ["版本", "日期", "修订说明", "修订人"],
}


def _revision_table(document, company: Company) -> None:
    if company.revisions == "none":
        return
    _paragraph(document, "修订记录", center=True, bold=True)
    author, reviewer, approver = company.signers
    if company.revisions == "merged":
        table = document.add_table(rows=3, cols=5)
        table.style = "Table Grid"
        for column, text in enumerate(["版本", "编制", "", "批准", ""]):
            table.cell(0, column).text = text
        for column, text in enumerate(["", "编制人", "日期", "批准人", "日期"]):
            table.cell(1, column).text = text
        for column, text in enumerate([company.version, author, company.date, approver,
                                       company.date]):
            table.cell(2, column).text = text
        table.cell(0, 1).merge(table.cell(0, 2)).text = "编制"
        table.cell(0, 3).merge(table.cell(0, 4)).text = "批准"
        table.cell(0, 0).merge(table.cell(1, 0)).text = "版本"
        return
    headers = REVISION_HEADERS[company.revisions]
    values = {"版本号": company.version, "版本": company.version, "修订内容": "首次发布",
              "修订说明": "首次发布", "修订人": author, "审核人": reviewer, "批准人": approver,
              "修订日期": company.date, "日期": company.date, "序号": "1"}
    rows = [[values[header] for header in headers]]
    if company.revisions == "six":  # newest first, an earlier draft below
        older = dict(values, 版本号=previous_version(company.version), 修订内容="首次发布")
        rows = [[values[h] for h in headers], [older[h] for h in headers]]
        rows[0][1] = "根据评审意见修订"
    table = document.add_table(rows=1 + len(rows) + 1, cols=len(headers))
    table.style = "Table Grid"
    for column, header in enumerate(headers):
        table.cell(0, column).text = header
    for index, row in enumerate(rows, 1):
        for column, text in enumerate(row):
            table.cell(index, column).text = text
    document.add_page_break()


def previous_version(version: str) -> str:
    """Return the version before `version`, written alike: A/1 -> A/0, 第2版 -> 第1版."""
    head, number, tail = re.fullmatch(r"(.*?)(\d+)(\D*)", version).groups()
    return f"{head}{int(number) - 1}{tail}"


def _outline_lines(company: Company) -> list[str]:
    lines = []
    for numbers, (_level, title, _kind) in zip(_numbers(), OUTLINE, strict=True):
        form = HEADING_FORMS[company.headings][len(numbers) - 1]
        label = heading_label(form, _article_numbers(company, numbers))
        run_on = (company.headings == "gbt9704" and len(numbers) < 3
                  or company.headings == "chapters" and len(numbers) == 3)
        lines.append(f"{label}{title}" if run_on else f"{label} {title}")
    return lines


def _numbers() -> list[list[int]]:
    """Return each outline heading's numbers (1, 1.1, …)."""
    counters = [0, 0, 0]
    result = []
    for level, _title, _kind in OUTLINE:
        counters[level - 1] += 1
        counters[level:] = [0] * (3 - level)
        result.append(counters[:level])
    return result


def _article_numbers(company: Company, numbers: list[int]) -> list[int]:
    """Return the numbers a heading shows: articles (第N条) count on through the chapters."""
    if company.headings != "chapters" or len(numbers) != 2:
        return numbers
    articles = [n for n in _numbers() if len(n) == 2]
    return [numbers[0], articles.index(numbers) + 1]


def _body(document, company: Company) -> None:
    from tests.importer.other_company_body import body_blocks, heading_paragraph

    lines = _outline_lines(company)
    company.headings_shown = lines
    for line, numbers, (_level, title, kind) in zip(lines, _numbers(), OUTLINE, strict=True):
        heading_paragraph(document, company, line, title, len(numbers))
        body_blocks(document, company, kind)


def chinese_heading_styles(document) -> None:
    """Add paragraph styles named 标题 1 … 标题 3, as WPS names them, with outline levels."""
    for level in (1, 2, 3):
        style = document.styles.add_style(f"标题 {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.font.bold = True
        style.font.size = Pt({1: 16, 2: 14, 3: 12}[level])
        style.element.get_or_add_pPr().append(parse_xml(
            f'<w:outlineLvl {nsdecls("w")} w:val="{level - 1}"/>'))



COMPANIES = [
    Company("华信科技股份有限公司", "HX-QP-01", "运维服务质量管理程序", "A/1", "2024年3月5日",
            cover="grid", revisions="six", toc="field", headings="auto",
            lists=("symbol", "restart"), tables=("merged", "kpi", "repeat"),
            extras=("drawing",)),
    Company("深圳市数通信息技术有限公司", "SDIT/ZL-2024-03", "服务级别管理制度", "第2版",
            "2024-03-05", cover="roles", revisions="five", toc="typed",
            headings="zh_styles", lists=("circled", "letter"),
            tables=("nested", "plan"), extras=("alternate",)),
    Company("安博创信息系统有限公司", "ABC-ITSS-PL-001", "运维服务能力策划", "V2.1",
            "2024/3/5", cover="below", company_on_cover=False, revisions="four",
            toc="none", headings="gbt9704", lists=("symbol", "circled"),
            tables=("total", "kpi"), extras=("textbox",)),
    Company("北京恒远数据服务有限公司", "HYSJ-GL-012", "信息安全管理办法", "1.0",
            "2024.03.05", cover="centred", revisions="merged", toc="typed",
            headings="chapters", lists=("restart", "letter"),
            tables=("grid_before", "plan"), extras=("footnote",)),
    Company("杭州云栈网络科技有限公司", "YZ-ITSM-003", "事件管理程序", "V1.0", "2024年3月5日",
            cover="centred", company_on_cover=False, revisions="none", toc="none",
            headings="plain", lists=("symbol",), tables=("merged", "plan")),
    Company("成都天府智联科技有限公司", "TFZL-QM-07", "问题管理程序", "A/1", "2024-03-05",
            cover="grid", revisions="five", toc="field", headings="zh_styles",
            lists=("restart", "circled"), tables=("total", "repeat"),
            extras=("drawing", "footnote")),
    Company("武汉光谷信服科技有限公司", "GGXF/YW-2023-11", "变更管理程序", "第2版",
            "2024/3/5", cover="roles", revisions="six", toc="none", headings="auto",
            lists=("letter",), tables=("kpi", "nested"), extras=("textbox",)),
    Company("南京金陵运维服务有限公司", "JLYW-ITSS-PL-002", "运维服务持续改进计划", "V3.0",
            "2024.03.05", cover="below", revisions="four", toc="field", headings="gbt9704",
            lists=("restart",), tables=("merged", "grid_before"), extras=("alternate",)),
    Company("西安秦川信息工程有限公司", "QC-ZD-005", "配置管理制度", "2.0", "2024年3月5日",
            cover="grid", company_on_cover=False, revisions="merged", toc="none",
            headings="chapters", lists=("symbol", "circled"), tables=("kpi", "total")),
    Company("广州粤海数码科技有限公司", "YHSM-QP-09", "服务报告管理程序", "V1.2",
            "2024-03-05", cover="roles", revisions="four", toc="typed", headings="plain",
            lists=("restart", "symbol"), tables=("plan", "repeat"),
            extras=("drawing", "textbox")),
    Company("青岛海蓝系统集成有限公司", "HL/ITSS-SOP-04", "应急响应管理程序", "B/0",
            "2024/3/5", cover="centred", revisions="five", toc="field", headings="auto",
            lists=("circled",), tables=("grid_before", "merged"), extras=("footnote",)),
    Company("长沙湘江软件服务有限公司", "XJRJ-YW-2024-01", "服务台管理规范", "第3版",
            "2024.03.05", cover="below", company_on_cover=False, revisions="six",
            toc="typed", headings="zh_styles", lists=("letter", "symbol"),
            tables=("total", "plan", "kpi"), extras=("alternate", "drawing")),
]
