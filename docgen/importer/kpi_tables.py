"""KPI tables: an imported table with a column of KPI names and a column of targets
declares one KPI per row, and becomes a kpi_table block that draws it again.

The columns are told by their header words, in any order and in the words companies
use (指标名称 or 考核指标, 目标值 or 考核要求, …). A table becomes a kpi_table only where
the rebuild shows every cell as it was; otherwise it stays as written, and its KPIs are
still declared from the rows whose target docgen can read.
"""

from __future__ import annotations

import re
from typing import Any, get_args

from docgen.catalogue import import_facts as said
from docgen.checks import lexicon
from docgen.content import schema
from docgen.content.kpi_table import kpi_columns, kpi_rows
from docgen.content.tables import RowSpec, lay_out, text_cell
from docgen.content.values import InvalidValue, parse_target
from docgen.importer.fact_tables import (
    ImportedGrid,
    TableFacts,
    carried_keys,
    field_matcher,
    first_difference,
    grid_of,
    loose,
)
from docgen.messages import Message
from docgen.style import KPI_FIELDS, HouseStyle

HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号", "No", "No."),
    "category": ("指标域", "类别", "分类", "指标类别", "指标分类", "指标类型", "指标维度", "维度",
                 "考核维度", "领域", "类型"),
    "name": ("指标名称", "指标", "考核指标", "KPI名称", "KPI", "KPI指标", "指标项", "指标项目",
             "考核项目", "考核指标名称", "绩效指标", "关键指标", "指标内容"),
    "formula": ("计算公式", "计算方式", "计算方法", "统计方法", "统计方式", "计算规则", "公式",
                "计算口径", "统计口径"),
    "target": ("目标值", "目标", "考核要求", "指标值", "考核标准", "目标要求", "考核目标",
               "指标要求", "标准值", "达标值", "指标目标值"),
    "period": ("考核周期", "周期", "考核频次", "统计周期", "考核频率", "统计频次", "频次", "频率",
               "评估周期", "测量周期"),
    "owner": ("负责人", "责任部门", "责任人", "负责部门", "归口部门", "责任单位", "主责部门"),
}
field_of = field_matcher(HEADER_WORDS)
PERIODS: tuple[str, ...] = get_args(schema.Period)
# A unit docgen can compare: %, a counter or a time unit, per something (次/年); not
# words that are a comparator (95%以上) or a remark.
_UNIT = re.compile(r"%|‰|[\u4e00-\u9fff]{1,4}(?:/[\u4e00-\u9fff]{1,3})?|[A-Za-z]{1,5}|")
_NOT_A_UNIT = re.compile(r"以上|以下|以内|之内|左右|及")
_HEADING_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+|\d+)\s*[、.．]\s*")
_DIGIT = re.compile(r"\d")


def kpi_target(text: str) -> str | None:
    """Return the target a cell states as docgen writes targets (≥95%, ≤30分钟, 100%), or
    None where it states none docgen can read (每季度不少于1次, 及时响应)."""
    try:
        target = parse_target(loose(text))
    except InvalidValue:
        return None
    if not _UNIT.fullmatch(target.unit) or _NOT_A_UNIT.search(target.unit):
        return None
    return str(target)


def kpi_period(text: str) -> str | None:
    """Return the period (月度, 季度, …) a cell states, alone or as a period word (每月)."""
    text = loose(text)
    if text in PERIODS:
        return text
    return lexicon.period_of(text) if lexicon.PERIOD.fullmatch(text) else None


def read_kpi_table(table: dict[str, Any]) -> TableFacts | None:
    """Return the KPIs an imported table (a block's `table:` value) declares and the
    kpi_table that draws it again, or None where it is no KPI table."""
    grid = grid_of(table)
    if grid is None:
        return None
    fields = grid.fields(field_of)
    if "name" not in fields or "target" not in fields:
        return None
    reasons: list[Message] = []
    columns: dict[str, int] = {}
    for index, name in enumerate(fields):
        if name is None:
            reasons.append(said.REASON_COLUMN(column=grid.header[index]))
        elif name in columns:
            reasons.append(said.REASON_SAME_FIELD(first=grid.header[columns[name]],
                                                  second=grid.header[index], field=name))
        else:
            columns[name] = index
    rows, figures = _kpi_rows(grid, columns, reasons)
    if not rows and not figures:
        return None
    block = carried_keys(table, grid.laid.column_count)
    block["columns"] = [name if grid.header[index] == KPI_FIELDS[name][0]
                        else {name: grid.header[index]}
                        for index, name in enumerate(fields) if name is not None]
    if not reasons:
        reasons += [said.REASON_KEY(key=key) for key in grid.left_out_keys()]
    if not reasons and grid.laid.header_rows != 1:
        reasons.append(said.REASON_HEADER_ROWS(count=grid.laid.header_rows))
    if not reasons:
        difference = first_difference(grid, _drawn(block, [fact for _row, fact in rows]),
                                      [columns["target"]])
        reasons += [difference] if difference else []
    return TableFacts("kpi", grid, rows, block, reasons[0] if reasons else None)


def _kpi_rows(grid: ImportedGrid, columns: dict[str, int], reasons: list[Message]
              ) -> tuple[list[tuple[int, dict[str, Any]]], bool]:
    """Return the KPI of each row that states one, and whether any target cell holds a
    figure; append to `reasons` each row that keeps the table as written."""
    rows: list[tuple[int, dict[str, Any]]] = []
    figures = False
    heading = None
    for index in range(len(grid.body)):
        row = grid.row_number(index)
        if grid.is_total(index):
            reasons.append(said.REASON_TOTAL(row=row, words=grid.words(index)))
            continue
        if grid.spans_all(index):
            heading = _HEADING_NUMBER.sub("", grid.text(index, 0)) or None
            reasons.append(said.REASON_SPANNING(row=row, words=grid.words(index)))
            continue
        values = {name: grid.text(index, column) for name, column in columns.items()}
        figures = figures or bool(_DIGIT.search(values["target"]))
        target = kpi_target(values["target"])
        if target is None:
            if values["target"] or values["name"]:
                reasons.append(said.REASON_TARGET(row=row, value=values["target"]))
            continue
        if not values["name"]:
            reasons.append(said.REASON_EMPTY(row=row, column=grid.header[columns["name"]]))
            continue
        fact: dict[str, Any] = {"name": values["name"]}
        if values.get("formula"):
            fact["formula"] = values["formula"]
        fact["target"] = target
        if values.get("period"):
            period = kpi_period(values["period"])
            if period is None:
                reasons.append(said.REASON_PERIOD(row=row, value=values["period"]))
            else:
                fact["period"] = period
        if values.get("owner"):
            fact["owner"] = values["owner"]
        category = values["category"] if "category" in columns else heading
        if category:
            fact["category"] = category
        rows.append((index, fact))
    return rows, figures


def _drawn(block: dict[str, Any], facts: list[dict[str, Any]]):
    """Return the table a kpi_table block of these facts draws, laid out as a build would."""
    kpi_block = schema.KpiTable.model_validate({"kpi_table": ["kpi"] * max(len(facts), 1),
                                                **block})
    columns = kpi_columns(kpi_block, HouseStyle())
    header = [RowSpec([text_cell(name, kpi_block) for _field, name, _width in columns],
                      kpi_block, [], [])]
    kpis = [(kpi_block, schema.Kpi.model_validate(fact)) for fact in facts]
    body = kpi_rows(kpis, [name for name, _header, _width in columns])
    return lay_out(header=header, body=body, source=kpi_block, table_id=None, caption=None,
                   caption_number=None, number_rows=None, widths=None, kind="kpi",
                   problems=[])
