"""The second bundled organization, 昆明星岚数据服务有限公司, is built beside YNTD in its own
template and house style: a ruled cover, a 4-column 修订记录, 第一章 / 第一条 numbered on
through the chapters, （1） and ■ lists, tables titled without numbers, dates as
2025年1月7日. Read back from the .docx
(as Word counts) and from the PDF LibreOffice makes of it."""

from __future__ import annotations

import re
import subprocess

from docgen.project import Project
from docgen.render.register import write_registers
from docgen.wordml.reader import read_docx
from tests.support.building import build
from tests.support.trees import REPO, TEMPLATES

HEADINGS = [
    ("第一章", "总则"), ("第一条", "目的"), ("第二条", "适用范围"), ("第三条", "基本原则"),
    ("第二章", "组织与职责"), ("第四条", "安全合规部"), ("第五条", "数据运维部"),
    ("第六条", "综合管理部"),
    ("第三章", "信息安全事件管理"), ("第七条", "事件分级"), ("第八条", "事件报告"), ("第九条", "考核指标"),
    ("第四章", "附则"), ("第十条", "解释"), ("第十一条", "施行")]


def _built(tmp_path):
    build(Project(REPO / "content", TEMPLATES, tmp_path / "output"))
    [docx] = (tmp_path / "output" / "xlsk").glob("*.docx")
    return docx


def test_the_second_organization_is_built_in_its_own_house_style(tmp_path):
    read = read_docx(_built(tmp_path).read_bytes())
    assert [(p.label, p.text) for p in read.headings] == HEADINGS
    assert [p.text for p in read.paragraphs if p.style.startswith("toc ")] == [
        f"{label} {title}\t" for label, title in HEADINGS]
    texts = [p.text for p in read.paragraphs]
    assert "发现信息安全事件的员工应立即报告值班室，值班室按第七条的时限填写《信息安全事件报告单》并报告安全合规部。" \
        in texts
    # Tables carry their titles only.
    assert [p.text for p in read.paragraphs if p.style == "caption"] == [
        "信息安全事件分级表", "信息安全考核指标"]
    labels = [(p.label, p.text[:4]) for p in read.paragraphs
              if p.label and not p.heading_level]
    assert labels == [("（1）", "谁主管谁"), ("（2）", "预防为主"), ("（3）", "最小授权"),
                      ("■", "组织制定"), ("■", "每季度检"), ("■", "组织信息"),
                      ("（1）", "一级事件"), ("（2）", "二级事件"), ("（3）", "三级事件")]
    # Its own cover: the particulars in a ruled grid, dates in its house format.
    cover, revisions = read.tables[:2]
    assert [[cell.text for cell in row] for row in cover.rows] == [
        ["文件编号", "XLSJ-ZD-001", "版本号", "V1.1"],
        ["编制部门", "安全合规部", "受控状态", "草稿"],
        ["编　　制", "周敏", "日　　期", "2025年11月4日"],
        ["审　　核", "杨帆", "日　　期", "2025年11月12日"],
        ["批　　准", "李明远", "日　　期", "2025年11月20日"],
        ["发布日期", "", "实施日期", "2025年11月20日"]]
    # Its own revision table: 修订记录 in four columns, dated by approval.
    assert [[cell.text for cell in row] for row in revisions.rows] == [
        ["日期", "版本", "变更说明", "批准人"],
        ["2025年3月17日", "V1.0", "首次发布", "李明远"],
        ["2025年11月20日", "V1.1", "增加信息安全事件的分级", "李明远"]]
    # Its own template: the page header names the kind of document.
    assert "昆明星岚数据服务有限公司\t制度【XLSJ-ZD-001】V1.1" in read.headers


def test_the_pdf_shows_the_second_organizations_numbers_and_dates(yntd_pdfs):
    _docx, pdf = yntd_pdfs["XLSJ-ZD-001"]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = "".join(text.split())
    after_contents_title = flat.split("目录", 1)[1]
    for label, title in HEADINGS:  # in the table of contents, and over its section
        assert after_contents_title.count(f"{label}{title}") == 2, (label, title)
    assert "（1）谁主管谁负责" in flat and "■组织制定和修订信息安全制度" in flat
    assert "编制周敏日期2025年11月4日" in flat and "受控状态草稿" in flat
    assert "2025年11月20日V1.1增加信息安全事件的分级李明远" in flat
    assert "信息安全事件分级表" in flat and not re.search(r"表\d", flat)


def test_the_second_organizations_register_dates_in_its_house_style(tmp_path):
    written = write_registers(Project(REPO / "content", TEMPLATES, tmp_path / "output"))
    [register] = [path for path in written if path.name == "XLSJ 受控文件清单.docx"]
    read = read_docx(register.read_bytes())
    assert "截至 2025年11月20日：现行 0 份，草稿 1 份，作废 0 份" in [p.text for p in read.paragraphs]
    assert [cell.text for cell in read.tables[0].rows[1]][8:] == ["2025年11月20日", "草稿"]
