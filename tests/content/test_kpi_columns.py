"""A kpi_table shows the columns it names, under their own header words; consecutive KPIs
of one category (指标域) share one merged cell, and 序号 counts the rows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from docgen.wordml.reader import ReadTable, read_docx
from tests.support.running import run_docgen
from tests.support.trees import ORG_YAML, demo_project, document_yaml

KPIS = """\
kpis:
  availability:
    category: 服务质量
    name: 服务可用率
    formula: 可用时间/总时间×100%
    target: "≥99%"
    period: 月度
    owner: 运维部
  satisfaction:
    category: 服务质量
    name: 客户满意度
    target: "≥95分"
    period: 季度
  training:
    category: 人员管理
    name: 培训完成率
    formula: 完成人数/计划人数×100%
    target: "≥90%"
    period: 年度
    owner: 质量部
"""

SECTIONS = """\
- title: 运维服务管理指标体系
  body:
    - kpi_table: [availability, satisfaction, training]
      caption: 运维服务管理指标体系
      columns:
        - number
        - category
        - name
        - formula: 计算公式
        - target: 考核要求
        - period
        - owner
"""


def _built_table(tmp_path: Path, sections: str = SECTIONS) -> ReadTable:
    demo_project(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document_yaml(sections, extra=KPIS)})
    result = run_docgen(tmp_path, "build", "-q")
    assert result.code == 0, result.stderr
    [docx] = (tmp_path / "output" / "demo").glob("*.docx")
    validated = subprocess.run(
        [sys.executable, "tests/support/ooxml/validate_docx.py", str(docx)],
        capture_output=True, text=True, check=False)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    return next(table for table in read_docx(docx.read_bytes()).tables
                if table.rows[0][0].text == "序号")


def test_the_columns_named_are_shown_in_order_under_their_header_words(tmp_path):
    table = _built_table(tmp_path)
    assert [cell.text for cell in table.rows[0]] == [
        "序号", "指标域", "指标名称", "计算公式", "考核要求", "考核周期", "负责人"]
    assert table.column_count == 7


def test_consecutive_kpis_of_one_category_share_one_merged_cell(tmp_path):
    table = _built_table(tmp_path)
    first, second, third = table.rows[1:4]
    assert [(c.text, c.rows, c.cols) for c in first[:2]] == [("1", 1, 1), ("服务质量", 2, 1)]
    assert [c.text for c in second] == ["2", "客户满意度", "", "≥95分", "季度", ""]
    assert [c.column for c in second] == [0, 2, 3, 4, 5, 6]
    assert [(c.text, c.rows) for c in third[:3]] == [("3", 1), ("人员管理", 1), ("培训完成率", 1)]


def test_without_columns_the_table_is_the_house_styles(tmp_path):
    table = _built_table(tmp_path, SECTIONS + """\
    - kpi_table: [availability]
""")
    [docx] = (tmp_path / "output" / "demo").glob("*.docx")
    plain = read_docx(docx.read_bytes()).tables[-1]
    assert [cell.text for cell in plain.rows[0]] == ["指标名称", "计算方式", "目标值", "考核周期"]
    assert [cell.text for cell in plain.rows[1]] == [
        "服务可用率", "可用时间/总时间×100%", "≥99%", "月度"]
    assert table.column_count == 7


def test_an_unknown_column_is_reported_at_its_line(tmp_path):
    demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": document_yaml(
        SECTIONS.replace("        - owner\n", "        - colour\n"), extra=KPIS)})
    result = run_docgen(tmp_path, "build")
    assert result.code == 2
    assert ("content/demo/DEMO-ITSS-0001.yaml:46:13: error: 'colour' is not a column of a "
            "KPI table") in result.stderr, result.stderr


def test_a_column_with_two_fields_is_reported_at_its_line(tmp_path):
    demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": document_yaml(
        SECTIONS.replace("- formula: 计算公式", "- {formula: 计算公式, target: 要求}"), extra=KPIS)})
    result = run_docgen(tmp_path, "build")
    assert result.code == 2
    assert ("content/demo/DEMO-ITSS-0001.yaml:43:13: error: a column of a KPI table is a field "
            "or one field with its header word") in result.stderr, result.stderr


STYLE_COLUMNS = """\
style:
  kpi_columns: [number, category, name, {formula: 计算公式}, target]
"""


def test_an_organization_sets_the_columns_of_its_kpi_tables_in_its_house_style(tmp_path):
    demo_project(tmp_path, org=ORG_YAML + STYLE_COLUMNS, documents={
        "DEMO-ITSS-0001.yaml": document_yaml(SECTIONS + """\
    - kpi_table: [training]
""", extra=KPIS)})
    result = run_docgen(tmp_path, "build", "-q")
    assert result.code == 0, result.stderr
    [docx] = (tmp_path / "output" / "demo").glob("*.docx")
    *_, own, styled = read_docx(docx.read_bytes()).tables
    assert [cell.text for cell in own.rows[0]][-1] == "负责人"  # its own columns win
    assert [cell.text for cell in styled.rows[0]] == ["序号", "指标域", "指标名称", "计算公式",
                                                      "目标值"]
    assert [cell.text for cell in styled.rows[1]] == [
        "1", "人员管理", "培训完成率", "完成人数/计划人数×100%", "≥90%"]


def test_an_unknown_column_of_the_house_style_is_reported_at_its_line(tmp_path):
    demo_project(tmp_path, org=ORG_YAML + STYLE_COLUMNS.replace("target]", "goal]"))
    result = run_docgen(tmp_path, "build")
    assert result.code == 2
    assert "content/demo/org.yaml:17:58: error:" in result.stderr, result.stderr
    assert "'goal' is not a column of a KPI table" in result.stderr
