"""Lay out the rows of a kpi_table: the columns it names, its merged 指标域 cells.

Without `columns:` a KPI table shows the house style's columns (指标名称 / 计算方式 /
目标值 / 考核周期); with them, each column is one field of the KPI, under its default
header word or the one written beside it (`formula: 计算公式`).
"""

from __future__ import annotations

from docgen.catalogue import content_resolve as said
from docgen.content import schema
from docgen.content.model import Where
from docgen.content.tables import RowSpec, text_cell
from docgen.errors import Problem

# Field -> (default header word, default relative width).
KPI_FIELDS: dict[str, tuple[str, float]] = {
    "number": ("序号", 0.8), "category": ("指标域", 1.5), "name": ("指标名称", 3.0),
    "formula": ("计算方式", 4.0), "target": ("目标值", 1.5), "period": ("考核周期", 1.5),
    "owner": ("负责人", 1.5),
}
_STYLE_FIELDS = ("name", "formula", "target", "period")


def kpi_columns(block: schema.KpiTable, style_columns: tuple[tuple[str, float], ...],
                problems: list[Problem]) -> list[tuple[str, str, float]]:
    """Return (field, header word, width) per column of the table, in order."""
    if block.columns is None:
        return [(field, header, width)
                for field, (header, width) in zip(_STYLE_FIELDS, style_columns, strict=False)]
    columns = []
    for index, column in enumerate(block.columns):
        if isinstance(column, dict):
            if len(column) != 1:
                problems.append(Problem(block.location("columns", index), said.KPI_COLUMN_FORM()))
                continue
            ((field, header),) = column.items()
        else:
            field, header = column, None
        if field not in KPI_FIELDS:
            problems.append(Problem(block.location("columns", index),
                                    said.NO_KPI_COLUMN(name=field, known=list(KPI_FIELDS))))
            continue
        default_header, width = KPI_FIELDS[field]
        columns.append((field, header or default_header, width))
    return columns


def kpi_rows(block: schema.KpiTable, kpis: list[tuple[Where, schema.Kpi]],
             fields: list[str]) -> list[RowSpec]:
    """Return one row per KPI; consecutive KPIs of one category share one 指标域 cell."""
    rows = []
    spans = _category_spans([kpi.category for _where, kpi in kpis])
    for position, (where, kpi) in enumerate(kpis, start=1):
        cells = []
        for field in fields:
            if field == "category":
                span = spans[position - 1]
                if span == 0:
                    continue  # covered by the merged cell above
                cell = text_cell(kpi.category or "", where)
                cell.rows = span
            elif field == "number":
                cell = text_cell(str(position), where)
                cell.number = position
            elif field == "target":
                cell = text_cell(str(kpi.target), where)
            else:
                cell = text_cell(getattr(kpi, field) or "", where)
            cells.append(cell)
        rows.append(RowSpec(cells, where, [], []))
    return rows


def _category_spans(categories: list[str | None]) -> list[int]:
    """Return per row how many rows its 指标域 cell spans; 0 where the cell above covers it."""
    spans = [1] * len(categories)
    start = 0
    for index in range(1, len(categories) + 1):
        if index < len(categories) and categories[index] is not None \
                and categories[index] == categories[start]:
            spans[index] = 0
            continue
        spans[start] = index - start
        start = index
    return spans

