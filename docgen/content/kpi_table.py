"""Lay out the rows of a kpi_table: the columns it names, its merged 指标域 cells.

Without `columns:` a KPI table shows the house style's columns (指标名称 / 计算方式 /
目标值 / 考核周期); with them, each column is one field of the KPI, under its default
header word or the one written beside it (`formula: 计算公式`).
"""

from __future__ import annotations

from docgen.content import schema
from docgen.content.model import Where
from docgen.content.tables import RowSpec, text_cell
from docgen.style import KPI_FIELDS, HouseStyle
from docgen.style_options import kpi_field

_STYLE_FIELDS = ("name", "formula", "target", "period")


def kpi_columns(block: schema.KpiTable, style: HouseStyle) -> list[tuple[str, str, float]]:
    """Return (field, header word, width) per column of the table, in order: the columns it
    names, else the house style's KPI fields, else its kpi_columns."""
    written = [kpi_field(column) for column in block.columns] if block.columns is not None \
        else style.kpi_fields
    if written is None:
        return [(field, header, width)
                for field, (header, width) in zip(_STYLE_FIELDS, style.kpi_columns,
                                                  strict=False)]
    columns = []
    for field, header in written:  # the schema has checked that each names a field
        default_header, width = KPI_FIELDS[field]
        columns.append((field, header or default_header, width))
    return columns


def kpi_rows(kpis: list[tuple[Where, schema.Kpi]],
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

