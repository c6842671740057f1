"""The front matter of a Word file is read whatever its layout: the cover's company, title,
number, version, department and signers with their dates; the revision table, its
columns mapped by their headers, its rows oldest first; the table of contents; where the
numbered body starts; and which bundled template fits. What was read weakly is a guess."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt

from docgen.build import build
from docgen.catalogue import import_files as said
from docgen.catalogue import import_other as other_said
from docgen.importer.front import read_front_matter
from docgen.importer.model import FrontMatter, Origin, WordFile
from docgen.project import load_project
from tests.importer.support import numbered_blocks, paragraph, table, word_file
from tests.support.trees import REPO

D = dt.date


def guesses(front: FrontMatter) -> dict[tuple, str]:
    """Return each guess's path and code."""
    return {guess.path: guess.what.code for guess in front.guesses}


def body_text(word: WordFile, front: FrontMatter) -> str:
    block = word.blocks[front.body_start]
    return getattr(block, "text", "<table>")


# --- the bundled documents, built ---------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, WordFile]:
    output = tmp_path_factory.mktemp("built")
    build(load_project(REPO, output=output))
    return {path.name.split()[0]: word_file(path.read_bytes(), path)
            for path in output.rglob("*.docx")}


def test_a_yntd_cover_with_its_eight_column_history(built):
    word = built["YNTD-ITSS-0303"]
    front = read_front_matter(word)
    assert (front.company, front.title, front.number, front.version, front.kind) == (
        "云南腾电科技有限公司", "运维服务能力管理计划", "YNTD-ITSS-0303", "V1.0", "计划")
    assert front.signers == {"author": "吴杰", "reviewer": "赵建中", "approver": "陆涛"}
    assert front.revisions == [{
        "version": "V1.0", "author": "吴杰", "date": D(2025, 1, 7), "reviewer": "赵建中",
        "review_date": D(2025, 1, 7), "approver": "陆涛", "approve_date": D(2025, 1, 7),
        "change": "首次发布"}]
    assert front.toc[:3] == [(1, "1. 目的"), (1, "2. 原则"), (1, "3. 适用范围")]
    assert (2, "4.1. 人员") in front.toc and (3, "4.1.1. 人才招聘计划") in front.toc
    assert body_text(word, front) == "目的" and word.blocks[front.body_start].outline_level == 1
    assert front.template == "" and front.guesses == []
    assert front.origins[("revisions", 0)].table == 1


def test_a_cover_title_that_differs_from_the_register_title_is_read_as_printed(built):
    front = read_front_matter(built["YNTD-ITSS-0417"])
    assert front.title == "2025年运维服务质量管理计划" and front.kind == "计划"


def test_an_xlsk_ruled_cover_and_four_column_history_fill_the_current_row_from_the_cover(built):
    word = built["XLSJ-ZD-001"]
    front = read_front_matter(word)
    assert (front.company, front.title, front.number, front.version, front.kind,
            front.department) == ("昆明星岚数据服务有限公司", "信息安全管理制度", "XLSJ-ZD-001",
                                  "V1.1", "制度", "安全合规部")
    assert front.template == "policy"
    first, current = front.revisions
    assert first == {"version": "V1.0", "date": D(2025, 3, 17), "approver": "李明远",
                     "approve_date": D(2025, 3, 17), "change": "首次发布"}
    assert current == {"version": "V1.1", "author": "周敏", "date": D(2025, 11, 4),
                       "reviewer": "杨帆", "review_date": D(2025, 11, 12),
                       "approver": "李明远", "approve_date": D(2025, 11, 20),
                       "change": "增加信息安全事件的分级"}
    assert guesses(front) == {
        ("revisions", 1, "author"): said.GUESS_FROM_COVER.code,
        ("revisions", 1, "date"): said.GUESS_FROM_COVER.code,
        ("revisions", 1, "reviewer"): said.GUESS_FROM_COVER.code,
        ("revisions", 1, "review_date"): said.GUESS_FROM_COVER.code,
        ("revisions", 0, "date"): said.GUESS_ONE_DATE.code}
    assert front.toc[:2] == [(1, "第一章 总则"), (2, "第一条 目的")]
    assert body_text(word, front) == "总则"


# --- invented companies, laid out otherwise -----------------------------------------------


def text_only_cover() -> docx.Document:
    """A cover typed as lines with tabs, a newest-first six-column 修改记录 in another
    column order, and a body whose headings are typed numbers in bold."""
    document = docx.Document()
    company = document.add_paragraph("杭州云栖信息技术股份有限公司")
    company.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("")
    title = document.add_paragraph()
    run = title.add_run("IT服务连续性管理程序")
    run.bold, run.font.size = True, Pt(22)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("文件编号：HZYQ-QP-07\t\t版本：A/1")
    document.add_paragraph("拟  制：\t张伟\t\t日期：2024/3/5")
    document.add_paragraph("审　核：\t李娜\t\t日期：2024/3/6")
    document.add_paragraph("批  准：\t王强\t\t日期：2024/3/8")
    document.add_paragraph("").add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("修改记录")
    history = document.add_table(rows=4, cols=6)
    rows = [["版本", "修订内容", "修订人", "日期", "审核人", "批准人"],
            ["A/1", "增加灾备演练要求", "张伟", "2024.3.5", "李娜", "王强"],
            ["", "", "", "", "", ""],
            ["A/0", "首次发布", "张伟", "2023.1.10", "李娜", "王强"]]
    for row, texts in zip(history.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    heading = document.add_paragraph()
    heading.add_run("1 目的").bold = True
    document.add_paragraph("为保证IT服务在中断后按时恢复，制定本程序。")
    return document


def test_a_text_only_cover_with_tabs_and_a_newest_first_history():
    word = word_file(text_only_cover())
    front = read_front_matter(word)
    assert (front.company, front.title, front.number, front.version, front.kind) == (
        "杭州云栖信息技术股份有限公司", "IT服务连续性管理程序", "HZYQ-QP-07", "V1.1", "程序")
    assert front.signers == {"author": "张伟", "reviewer": "李娜", "approver": "王强"}
    assert front.revisions == [
        # The older row's one date (修订日期) dates its review and approval too, guessed.
        {"version": "V1.0", "author": "张伟", "date": D(2023, 1, 10), "reviewer": "李娜",
         "review_date": D(2023, 1, 10), "approver": "王强", "approve_date": D(2023, 1, 10),
         "change": "首次发布"},
        {"version": "V1.1", "author": "张伟", "date": D(2024, 3, 5), "reviewer": "李娜",
         "review_date": D(2024, 3, 6), "approver": "王强", "approve_date": D(2024, 3, 8),
         "change": "增加灾备演练要求"}]
    assert guesses(front) == {
        ("revisions",): said.GUESS_NEWEST_FIRST.code,
        ("revisions", 0, "version"): said.GUESS_VERSION.code,
        ("revisions", 0, "review_date"): other_said.GUESS_SIGNED_ON_DATE.code,
        ("revisions", 0, "approve_date"): other_said.GUESS_SIGNED_ON_DATE.code,
        ("revisions", 1, "version"): said.GUESS_VERSION.code,
        ("revisions", 1, "review_date"): said.GUESS_FROM_COVER.code,
        ("revisions", 1, "approve_date"): said.GUESS_FROM_COVER.code}
    assert front.origins[("revisions", 0)] == Origin(table=0, row=3,
                                                     words="A/0 首次发布 张伟 2023.1.10 李娜 王强")
    assert front.template == "controlled-document-6col"
    assert body_text(word, front) == "1 目的" and front.toc == []


def spaced_label_grid() -> docx.Document:
    """A borderless cover table of spaced labels with their values in the next cell, a
    typed 目　录 with dot leaders, and a four-column 修订记录 after it."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "滇池数据科技有限公司\tDCSJ-GF-012"
    title = document.add_paragraph()
    title.add_run("数据备份与恢复管理规定").font.size = Pt(26)
    grid = document.add_table(rows=4, cols=4)
    cells = [["文件编号", "DCSJ-GF-012", "版  本", "第2版"],
             ["编　　制", "孙丽", "日　　期", "2024年3月5日"],
             ["审　　批", "周强", "日　　期", "2024年3月9日"],
             ["编制部门", "信息中心运维组", "受控状态", "受控"]]
    for row, texts in zip(grid.rows, cells, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.add_paragraph("目　录")
    for line in ("1  范围 ........................ 1", "2  职责 ........................ 1",
                 "2.1  信息中心 .................. 2", "附录A  备份记录表 ............. 5"):
        document.add_paragraph(line)
    document.add_paragraph("修订记录")
    history = document.add_table(rows=3, cols=4)
    for row, texts in zip(history.rows, [["日期", "版本", "变更说明", "批准人"],
                                         ["2023/6/1", "第1版", "首次发布", "周强"],
                                         ["2024/3/9", "第2版", "调整备份周期", "周强"]],
                          strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.add_paragraph("1  范围", style="Heading 1")
    document.add_paragraph("本规定适用于公司全部业务系统的数据备份。")
    return document


def test_spaced_labels_with_values_in_the_next_cell_and_a_typed_toc():
    word = word_file(spaced_label_grid())
    front = read_front_matter(word)
    assert (front.company, front.title, front.number, front.version, front.department) == (
        "滇池数据科技有限公司", "数据备份与恢复管理规定", "DCSJ-GF-012", "V2.0", "信息中心运维组")
    assert front.kind == "制度" and front.template == "policy"
    assert front.signers == {"author": "孙丽", "approver": "周强"}
    assert front.toc == [(1, "1  范围"), (1, "2  职责"), (2, "2.1  信息中心"),
                         (1, "附录A  备份记录表")]
    assert front.revisions == [
        {"version": "V1.0", "date": D(2023, 6, 1), "approver": "周强",
         "approve_date": D(2023, 6, 1), "change": "首次发布"},
        {"version": "V2.0", "author": "孙丽", "date": D(2024, 3, 5), "approver": "周强",
         "approve_date": D(2024, 3, 9), "change": "调整备份周期"}]
    found = guesses(front)
    assert found[("kind",)] == said.GUESS_KIND.code
    assert found[("company",)] == said.GUESS_COMPANY_HEADER.code
    assert found[("revisions", 1, "author")] == said.GUESS_FROM_COVER.code
    assert found[("revisions", 0, "date")] == said.GUESS_ONE_DATE.code
    assert body_text(word, front) == "1  范围"


def merged_history() -> docx.Document:
    """A cover whose company and number are in the page header only, signers on one line,
    and the two-row history with hand-merged header cells and an empty row."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "黔东南智联通信集团  QDN/ZL-ITSS-05  V2.1"
    document.add_paragraph("事件管理程序").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("版本号：2.1")
    document.add_paragraph("编制人：吴敏   编制时间：2025.1.7   审核人：陈刚   审核时间：2025.1.8")
    document.add_paragraph("批准人：刘洋   审批时间：2025.1.9")
    history = document.add_table(rows=5, cols=8)
    history.cell(0, 0).merge(history.cell(1, 0)).text = "版本"
    history.cell(0, 1).merge(history.cell(0, 2)).text = "编制/更改"
    history.cell(0, 3).merge(history.cell(0, 4)).text = "发布"
    history.cell(0, 5).merge(history.cell(0, 6)).text = "实施"
    history.cell(0, 7).merge(history.cell(1, 7)).text = "更改记录"
    for column, text in enumerate(["作者", "日期", "审核", "日期", "批准", "日期"], start=1):
        history.cell(1, column).text = text
    for row, texts in ((2, ["V2.0", "吴敏", "2024.5.6", "陈刚", "2024.5.7", "刘洋", "2024.5.8",
                            "全面修订"]),
                       (3, ["2.1", "吴敏", "", "", "", "", "", "修订响应时限"])):
        for column, text in enumerate(texts):
            history.cell(row, column).text = text
    document.add_paragraph("1. 目的", style="Heading 1")
    return document


def test_a_history_with_merged_header_cells_and_header_only_number():
    word = word_file(merged_history())
    front = read_front_matter(word)
    assert (front.company, front.title, front.number, front.version) == (
        "黔东南智联通信集团", "事件管理程序", "QDN/ZL-ITSS-05", "V2.1")
    assert front.revisions == [
        {"version": "V2.0", "author": "吴敏", "date": D(2024, 5, 6), "reviewer": "陈刚",
         "review_date": D(2024, 5, 7), "approver": "刘洋", "approve_date": D(2024, 5, 8),
         "change": "全面修订"},
        {"version": "V2.1", "author": "吴敏", "date": D(2025, 1, 7), "reviewer": "陈刚",
         "review_date": D(2025, 1, 8), "approver": "刘洋", "approve_date": D(2025, 1, 9),
         "change": "修订响应时限"}]
    found = guesses(front)
    assert found[("number",)] == said.GUESS_NUMBER_HEADER.code
    assert found[("company",)] == said.GUESS_COMPANY_HEADER.code
    assert found[("revisions", 1, "date")] == said.GUESS_FROM_COVER.code
    assert ("revisions", 1, "version") not in found  # 2.1 is sure to be V2.1
    assert front.template == "" and body_text(word, front) == "1. 目的"


# --- layouts built in the model -----------------------------------------------------------


def test_labels_over_values_in_a_grid():
    word = WordFile(Path("a.docx"), numbered_blocks([
        paragraph("西双版纳智慧旅游服务中心"),
        paragraph("运维服务报告", size=24.0),
        table(0, [["编制", "审核", "批准"], ["岩罕", "玉香", "刀建"],
                  ["2024/03/05", "2024/03/06", "2024/03/07"]]),
        paragraph("一、服务概况"),
        paragraph("本季度共受理事件120件。")]))
    front = read_front_matter(word)
    assert front.company == "西双版纳智慧旅游服务中心" and front.kind == "报告"
    assert front.signers == {"author": "岩罕", "reviewer": "玉香", "approver": "刀建"}
    assert body_text(word, front) == "一、服务概况"


def test_without_a_revision_table_the_cover_makes_the_one_row():
    word = WordFile(Path("a.docx"), numbered_blocks([
        paragraph("曲靖云帆网络有限公司", alignment="center"),
        paragraph("服务级别管理规范", bold=True, size=22.0),
        paragraph("版本：1.0"),
        paragraph("编制：何平    审核：杨柳    批准：蒋涛"),
        paragraph("日期：2024年12月30日"),
        paragraph("1 目的", outline_level=1),
    ]))
    front = read_front_matter(word)
    assert front.revisions == [{"version": "V1.0", "author": "何平", "date": D(2024, 12, 30),
                                "reviewer": "杨柳", "review_date": D(2024, 12, 30),
                                "approver": "蒋涛", "approve_date": D(2024, 12, 30),
                                "change": "首次发布"}]
    found = guesses(front)
    assert found[("revisions", 0)] == said.GUESS_ROW_FROM_COVER.code
    assert found[("revisions", 0, "change")] == other_said.GUESS_FIRST_ISSUE.code
    assert found[("revisions", 0, "review_date")] == said.GUESS_SHARED_DATE.code
    assert front.body_start == 5


def test_a_title_told_by_its_look_alone_is_a_guess():
    word = WordFile(Path("a.docx"), numbered_blocks([
        paragraph("玉溪恒信软件有限公司"),
        paragraph("机房巡检要点", bold=True, size=26.0, alignment="center"),
        paragraph("说明文字", size=10.5),
        paragraph("第一章 总则", outline_level=1)]))
    front = read_front_matter(word)
    assert front.title == "机房巡检要点"
    assert guesses(front) == {("title",): said.GUESS_TITLE.code, ("kind",): said.GUESS_KIND.code}
    assert front.kind == "其他"


@pytest.mark.parametrize("written, version, guessed", [
    ("V1.0", "V1.0", False), ("v2.3", "V2.3", False), ("1.10", "V1.10", False),
    ("V1", "V1.0", True), ("第2版", "V2.0", True), ("第三版", "V3.0", True),
    ("A/0", "V1.0", True), ("B/2", "V2.2", True), ("A", "V1.0", True), ("0", "V1.0", True),
])
def test_versions_are_made_docgens(written, version, guessed):
    word = WordFile(Path("a.docx"), numbered_blocks([
        paragraph("安全管理制度", style="Title"), paragraph(f"版本号：{written}"),
        paragraph("1 目的", outline_level=1)]))
    front = read_front_matter(word)
    assert front.version == version
    assert (guesses(front).get(("revisions", 0, "version")) == said.GUESS_VERSION.code) == guessed


def test_a_word_toc_with_page_numbers_is_not_body():
    word = WordFile(Path("a.docx"), numbered_blocks([
        paragraph("运维服务目录", style="Title"),
        paragraph("目 录"),
        paragraph("1 目的\t1", style="toc 1", toc_entry=True),
        paragraph("4.1 人才招聘计划\t3", style="toc 2", toc_entry=True),
        paragraph("附录1\t12", style="toc 1", toc_entry=True),
        paragraph(""),
        paragraph("目的", outline_level=1, label="1"),
        paragraph("正文。")]))
    front = read_front_matter(word)
    assert front.toc == [(1, "1 目的"), (2, "4.1 人才招聘计划"), (1, "附录1")]
    assert front.body_start == 6 and front.kind == "目录"


def test_a_versions_table_in_the_body_is_no_revision_table_but_one_at_the_end_under_its_heading_is():
    release_table = table(0, [["版本", "发布日期", "说明"], ["V3.2", "2024/5/1", "补丁发布"]])
    cover = [paragraph("发布管理程序", style="Title"), paragraph("版本：V1.0"),
             paragraph("1 目的", outline_level=1), paragraph("发布记录如下："), release_table]
    front = read_front_matter(WordFile(Path("a.docx"), numbered_blocks(cover)))
    assert front.revisions == [{"version": "V1.0", "change": "首次发布"}]
    assert front.body_start == 2
    history = table(1, [["版本", "修订日期", "修订内容", "批准人"],
                        ["V1.0", "2023.2.1", "首次发布", "赵六"]])
    blocks = numbered_blocks([*cover, paragraph("修订记录"), history])
    front = read_front_matter(WordFile(Path("a.docx"), blocks))
    assert front.revisions == [{"version": "V1.0", "date": D(2023, 2, 1), "approver": "赵六",
                                "approve_date": D(2023, 2, 1), "change": "首次发布"}]
    assert front.body_start == 2


def test_a_date_on_the_line_under_one_signer_is_that_signers():
    word = WordFile(Path("a.docx"), numbered_blocks([
        paragraph("红河州智云科技有限公司"), paragraph("问题管理程序", style="Title"),
        paragraph("版本：V1.2"),
        paragraph("编写：李四"), paragraph("日期：2024-03-05"),
        paragraph("审核：王五"), paragraph("日期：2024-03-07"),
        paragraph("签发：赵六"), paragraph("日期：2024-03-09"),
        paragraph("1 目的", outline_level=1)]))
    front = read_front_matter(word)
    assert front.revisions == [{"version": "V1.2", "author": "李四", "date": D(2024, 3, 5),
                                "reviewer": "王五", "review_date": D(2024, 3, 7),
                                "approver": "赵六", "approve_date": D(2024, 3, 9)}]
    assert guesses(front) == {("revisions", 0): said.GUESS_ROW_FROM_COVER.code}


def test_a_cover_after_an_empty_toc_field_is_read():
    # pandoc's layout: title block, then its TOC field (empty until Word updates it), then
    # the rest of the cover: the company, a grid of signers, the revision table.
    word = WordFile(Path("a.docx"), numbered_blocks([
        paragraph("网络安全事件应急预案", style="Title"),
        paragraph("HHKJ-YA-003 V2.0", style="Subtitle"),
        paragraph("Table of Contents", style="TOC Heading", toc_entry=True),
        paragraph(""),
        paragraph("红河恒科信息技术有限公司", bold=True),
        table(0, [["编制", "马丽", "日期", "2024-08-01"], ["批准", "高峰", "日期", "2024-08-09"]]),
        paragraph("修订记录", bold=True),
        table(1, [["版本", "日期", "变更说明"], ["V2.0", "2024-08-09", "按新规修订"]]),
        paragraph("1 总则", style="Heading 1", outline_level=1),
    ]))
    front = read_front_matter(word)
    assert (front.company, front.title, front.number, front.version) == (
        "红河恒科信息技术有限公司", "网络安全事件应急预案", "HHKJ-YA-003", "V2.0")
    assert front.signers == {"author": "马丽", "approver": "高峰"}
    assert front.body_start == 8
