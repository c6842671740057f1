"""The built .docx files, read back, show what the content says: frame, body and tables."""

from __future__ import annotations

import pytest

from docgen.content.model import Heading, ListBlock, TableBlock
from docgen.wordml.reader import read_docx

NUMBERS = ["YNTD-ITSS-0303", "YNTD-ITSS-0417", "YNTD-ITSS-0600"]
FRAME_TABLES = 2  # the cover's signoff table and the revision table


def _document(yntd_set, number):
    return next(doc for doc in yntd_set.documents if doc.number == number)


@pytest.mark.parametrize("number", NUMBERS)
def test_tables_read_back_with_their_rows_cells_and_merges(number, yntd_set, yntd_built):
    document = _document(yntd_set, number)
    expected = [block for block in document.blocks if isinstance(block, TableBlock)]
    read = read_docx(yntd_built[number]).tables[FRAME_TABLES:]
    assert len(read) == len(expected)
    for table, back in zip(expected, read, strict=True):
        assert back.column_count == table.column_count
        assert back.header_rows == table.header_rows
        assert len(back.rows) == len(table.rows)
        for row, back_row in zip(table.rows, back.rows, strict=True):
            assert [(c.row, c.column, c.rows, c.cols) for c in back_row] == \
                   [(c.row, c.column, c.rows, c.cols) for c in row]
            assert [[p.text for p in c.paragraphs] for c in back_row] == \
                   [[line.text for line in c.lines] for c in row]


def test_the_recruitment_table_keeps_its_merges(yntd_built):
    table = read_docx(yntd_built["YNTD-ITSS-0303"]).tables[FRAME_TABLES]
    header, first, *_rest, total = table.rows
    assert [c.text for c in header] == ["岗位分类", "部门", "岗位名称", "计划人数", "预算",
                                        "招聘方式", "计划完成时间"]
    assert (first[0].text, first[0].rows) == ("技术岗", 2)
    assert (first[1].text, first[1].rows) == ("运维部", 3)
    assert first[4].rows == 4 and first[4].text.startswith("外部招聘估算费用8000元")
    assert (total[0].text, total[0].cols, total[1].text) == ("人数总计", 3, "6")


def test_bulleted_cells_read_back_as_bullets(yntd_built):
    roles = read_docx(yntd_built["YNTD-ITSS-0417"]).tables[FRAME_TABLES]
    management = roles.rows[1][1].paragraphs
    assert management[0].label == "•"
    assert management[0].text == "负责审批年度服务能力管理计划。"


@pytest.mark.parametrize("number", NUMBERS)
def test_the_cover_and_revision_table_come_from_the_revision_rows(number, yntd_set, yntd_built):
    document = _document(yntd_set, number)
    current = document.model.current
    read = read_docx(yntd_built[number])
    cover = [p.text for p in read.paragraphs[:4]]
    assert cover == [document.organization.name, document.cover_title, f"({number})",
                     f"版本：{document.version}"]
    signoff, revisions = read.tables[:2]
    assert [[cell.text for cell in row] for row in signoff.rows] == [
        [f"编制人：{current.author}", f"编制时间：{current.date:%Y.%m.%d}"],
        [f"审核人：{current.reviewer}", f"审核时间：{current.review_date:%Y.%m.%d}"],
        [f"批准人：{current.approver}", f"审批时间：{current.approve_date:%Y.%m.%d}"],
    ]
    assert revisions.header_rows == 2
    assert [(c.text, c.rows, c.cols) for c in revisions.rows[0]] == [
        ("版本", 2, 1), ("编制/更改", 1, 2), ("发布", 1, 2), ("实施", 1, 2), ("更改记录", 2, 1)]
    assert [[cell.text for cell in row] for row in revisions.rows[2:]] == [
        [str(r.version), r.author, f"{r.date:%Y.%m.%d}", r.reviewer, f"{r.review_date:%Y.%m.%d}",
         r.approver, f"{r.approve_date:%Y.%m.%d}", r.change] for r in document.model.revisions]
    assert read.headers == [f"{document.organization.name}\t{number} {document.version}"]
    assert read.footers == ["第 1 页 / 共 1 页"]
    assert read.properties["title"] == f"{number} {document.title}"
    assert read.properties["version"] == str(document.version)


@pytest.mark.parametrize("number", NUMBERS)
def test_headings_are_numbered_and_listed_in_the_table_of_contents(number, yntd_set, yntd_built):
    document = _document(yntd_set, number)
    expected = [(b.level, document.style.heading_number(b.numbers), b.title)
                for b in document.blocks if isinstance(b, Heading)]
    read = read_docx(yntd_built[number])
    assert [(p.heading_level, p.label, p.text) for p in read.headings] == expected
    toc = [p.text for p in read.paragraphs if p.style.startswith("toc ")]
    assert toc == [f"{number_} {title}\t" for _level, number_, title in expected]


def _under(read, heading: str):
    """Return the paragraphs between the heading `heading` and the next heading."""
    paragraphs = read.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.heading_level and p.text == heading)
    following = paragraphs[start + 1:]
    end = next((i for i, p in enumerate(following) if p.heading_level), len(following))
    return following[:end]


def test_numbered_lists_restart_at_one(yntd_built):
    read = read_docx(yntd_built["YNTD-ITSS-0303"])
    for heading in ("运行维护工具", "服务台", "问题管理", "变更管理"):
        labels = [p.label for p in _under(read, heading) if p.style == "List Number"]
        assert labels == [f"{n}." for n in range(1, len(labels) + 1)], heading


def test_a_list_keeps_the_number_the_original_printed(yntd_built):
    # 4.4.4 of the original goes 1, 2, 4: the content says so and the document shows it.
    read = read_docx(yntd_built["YNTD-ITSS-0303"])
    assert [p.label for p in _under(read, "事件管理") if p.style == "List Number"] == \
           ["1.", "2.", "4."]


def test_parenthesised_lists_use_their_format(yntd_built):
    read = read_docx(yntd_built["YNTD-ITSS-0417"])
    labels = [p.label for p in _under(read, "引用文件") if p.style == "List Number"]
    assert labels == ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]


def test_the_kpi_table_renders_the_declared_kpi(yntd_built):
    kpi_table = read_docx(yntd_built["YNTD-ITSS-0600"]).tables[-1]
    assert [[cell.text for cell in row] for row in kpi_table.rows] == [
        ["指标名称", "计算方式", "目标值", "考核周期"],
        ["过程框架自评估次数", "次数，运维项目过程量化指标评估次数", "≥1", "年度"]]


def test_the_activity_table_prints_the_numbers_of_the_original(yntd_set, yntd_built):
    table = read_docx(yntd_built["YNTD-ITSS-0417"]).tables[-1]
    assert [row[0].text for row in table.rows[1:]] == ["1", "2", "3", "4", "5", "6", "8", "9"]
    measures = table.rows[1][2].paragraphs
    assert [p.label for p in measures] == ["1.", "2."]


def test_lists_in_the_content_match_the_document(yntd_set, yntd_built):
    document = _document(yntd_set, "YNTD-ITSS-0600")
    bullets = [item.text for block in document.blocks if isinstance(block, ListBlock)
               for item in block.items]
    read = [p.text for p in read_docx(yntd_built["YNTD-ITSS-0600"]).paragraphs
            if p.style == "List Bullet"]
    assert read == bullets
