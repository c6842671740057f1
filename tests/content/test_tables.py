"""Tables are laid out on a grid like HTML tables; totals are stated or computed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from docgen.content.loader import load_content
from docgen.content.resolve import resolve_content
from docgen.content.tables import natural_widths
from docgen.errors import ContentError
from tests.support.trees import demo_project, document_yaml


def table_yaml(body: str) -> str:
    indented = "\n".join(" " * 16 + line for line in body.strip("\n").splitlines())
    return f"""\
        - title: 表格
          body:
            - table:
{indented}
    """


def lay_out(tmp_path: Path, body: str):
    demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": document_yaml(table_yaml(body))},
                 templates=False)
    return resolve_content(load_content(tmp_path / "content")).documents[0].tables[0]


def refusal(tmp_path: Path, body: str) -> list[tuple[int, str]]:
    with pytest.raises(ContentError) as raised:
        lay_out(tmp_path, body)
    return [(p.location.line, p.message) for p in raised.value.problems]


def spans(table) -> list[list[tuple[str, int, int, int]]]:
    return [[(cell.text, cell.column, cell.rows, cell.cols) for cell in row] for row in table.rows]


def test_merged_cells_are_left_out_of_the_rows_they_cover(tmp_path):
    table = lay_out(tmp_path, """
header:
  - [类别, 部门, 岗位, 人数]
rows:
  - [{text: 技术岗, rows: 2}, {text: 运维部, rows: 3}, 工程师, 1]
  - [管理员, 2]
  - [操作岗, 专员, 1]
  - [{text: 总计, cols: 3}, 4]
""")
    assert table.column_count == 4
    assert spans(table) == [
        [("类别", 0, 1, 1), ("部门", 1, 1, 1), ("岗位", 2, 1, 1), ("人数", 3, 1, 1)],
        [("技术岗", 0, 2, 1), ("运维部", 1, 3, 1), ("工程师", 2, 1, 1), ("1", 3, 1, 1)],
        [("管理员", 2, 1, 1), ("2", 3, 1, 1)],
        [("操作岗", 0, 1, 1), ("专员", 2, 1, 1), ("1", 3, 1, 1)],
        [("总计", 0, 1, 3), ("4", 3, 1, 1)]]


def test_a_two_row_header_names_columns_by_its_lower_row(tmp_path):
    table = lay_out(tmp_path, """
header:
  - [{text: 版本, rows: 2}, {text: 编制, cols: 2}, {text: 记录, rows: 2}]
  - [作者, 日期]
rows:
  - [V1.0, 张三, 2025-01-07, 首次发布]
""")
    assert table.header_rows == 2
    assert table.column_names == ["版本", "作者", "日期", "记录"]


def test_a_row_that_does_not_fill_the_table_is_refused(tmp_path):
    assert refusal(tmp_path, """
header:
  - [甲, 乙, 丙]
rows:
  - [1, 2]
""") == [(21, "this row fills 2 column(s) but the table's first row fills 3")]


def test_a_cell_spanning_past_the_last_row_is_refused(tmp_path):
    assert refusal(tmp_path, """
header:
  - [甲, 乙]
rows:
  - [{text: 1, rows: 3}, 2]
  - [3]
""") == [(21, "the cell spans 3 rows but only 2 row(s) follow from here")]


def test_stated_totals_and_subtotals_are_compared_with_the_rows(tmp_path):
    table = lay_out(tmp_path, """
header:
  - [岗位, 人数]
rows:
  - [甲, 1]
  - [乙, 2]
  - cells: [小计, 3]
    subtotal: [人数]
  - [丙, 4]
  - cells: [小计, 5]
    subtotal: [人数]
  - cells: [合计, 7]
    total: [人数]
""")
    assert [(f.label, f.scope, f.stated, f.computed) for f in table.totals] == [
        ("小计", "subtotal", Decimal(3), Decimal(3)),
        ("小计", "subtotal", Decimal(5), Decimal(4)),
        ("合计", "total", Decimal(7), Decimal(7))]


def test_a_computed_total_shows_the_sum(tmp_path):
    table = lay_out(tmp_path, """
header:
  - [岗位, 人数]
rows:
  - [甲, 1]
  - [乙, 2.5]
  - cells: [合计, {sum: true}]
    total: [人数]
""")
    assert table.rows[-1][1].text == "3.5"
    assert table.totals[0].stated is None


def test_a_total_of_an_unknown_column_is_refused(tmp_path):
    [(line, message)] = refusal(tmp_path, """
header:
  - [岗位, 人数]
rows:
  - cells: [合计, 1]
    total: [人员]
""")
    assert (line, message) == (21, "total column '人员' is not a column of this table")


def test_numbered_rows_get_their_number_in_the_first_column(tmp_path):
    table = lay_out(tmp_path, """
number_rows: "1."
header:
  - [序号, 内容]
rows:
  - [入职培训]
  - [岗位培训]
""")
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["序号", "内容"], ["1.", "入职培训"], ["2.", "岗位培训"]]


def test_cells_hold_paragraphs_bullets_and_numbered_items(tmp_path):
    table = lay_out(tmp_path, """
header:
  - [角色, 职责]
rows:
  - [质量部, {text: 负责, bullets: [甲, 乙], numbered: [丙]}]
  - [运维部, {paragraphs: [一, 二]}]
""")
    assert [(line.kind, line.text) for line in table.rows[1][1].lines] == [
        ("text", "负责"), ("bullet", "甲"), ("bullet", "乙"), ("number", "丙")]
    assert table.rows[2][1].text == "一\n二"


def test_explicit_widths_must_match_the_columns(tmp_path):
    assert refusal(tmp_path, """
widths: [1, 2, 3]
header:
  - [甲, 乙]
""") == [(18, "'widths' lists 3 column(s) but the table has 2")]


def test_natural_widths_follow_the_longest_line(tmp_path):
    table = lay_out(tmp_path, """
header:
  - [序号, 内容]
rows:
  - [1, 运维服务能力管理计划 V1.0]
""")
    assert table.widths is None
    assert natural_widths(table) == [4, 25]
