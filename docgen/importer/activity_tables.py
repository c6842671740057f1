"""Activity tables: an imported plan's table of work items (工作项目, 措施及要求, 责任部门,
配合部门, 负责人, 计划实施日期) declares one activity per row, and becomes an
activity_table block where that draws the table again cell for cell.

docgen draws every activity table with the same seven columns (编号 / 工作项目 / 措施及要求
/ 责任部门 / 配合部门 / 负责人 / 计划实施日期), so a table in other words, another order or
with other columns stays as written; its activities are declared all the same.
"""

from __future__ import annotations

import re
from typing import Any

from docgen.catalogue import import_facts as said
from docgen.content import schema
from docgen.content.model import CellLine
from docgen.content.tables import CellSpec, RowSpec, lay_out, text_cell
from docgen.importer.fact_tables import (
    ImportedGrid,
    TableFacts,
    carried_keys,
    field_matcher,
    first_difference,
    grid_of,
)
from docgen.messages import Message
from docgen.style import DEFAULT_ACTIVITY_COLUMNS, HouseStyle

HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "number": ("编号", "序号", "No", "No."),
    "name": ("工作项目", "工作内容", "活动", "任务", "活动名称", "活动内容", "工作任务", "任务名称",
             "工作名称", "工作事项", "事项", "重点工作", "项目"),
    "measures": ("措施及要求", "具体措施", "工作要求", "措施与要求", "措施和要求", "措施",
                 "工作措施", "主要措施", "实施措施", "具体要求", "实施要求", "主要内容", "具体内容",
                 "要求"),
    "responsible": ("责任部门", "负责部门", "主责部门", "牵头部门", "实施部门", "执行部门",
                    "主办部门"),
    "cooperating": ("配合部门", "协助部门", "协作部门", "参与部门", "协办部门", "配合单位"),
    "owner": ("负责人", "责任人", "主要负责人"),
    "when": ("计划实施日期", "计划时间", "完成时间", "时间节点", "实施时间", "计划完成时间",
             "实施日期", "计划日期", "完成日期", "时间安排", "进度安排", "时间", "日期"),
}
field_of = field_matcher(HEADER_WORDS)
DRAWN_COLUMNS = [word for word, _width in DEFAULT_ACTIVITY_COLUMNS]
# Besides its name, a plan's row says at least two of these.
_DETAILS = {"measures", "responsible", "cooperating", "owner", "when"}
# The recurring activities the checks compare between documents, by the end of a name.
_KINDS = (
    (re.compile(r"(?:内审|内部审核|内部审计)(?:工作|活动|实施)?$"), "internal_audit"),
    (re.compile(r"管理评审(?:工作|会议|活动|实施)?$"), "management_review"),
    (re.compile(r"满意度(?:调查|测评|调研|评价)(?:工作|活动)?$"), "satisfaction_survey"),
    (re.compile(r"质量分析(?:工作|会议|活动)?$"), "quality_analysis"),
)
_SEPARATORS = re.compile(r"[、，,/／;；\s]+")
_TYPED_NUMBER = re.compile(r"^(\d+)\s*[.．、)）]\s*")


def activity_kind(name: str) -> str:
    """Return which recurring activity a name says (internal_audit, …), else other."""
    squeezed = re.sub(r"\s+", "", name)
    return next((kind for pattern, kind in _KINDS if pattern.search(squeezed)), "other")


def departments_in(text: str) -> list[str]:
    """Return the departments a cell lists: 运维部、质量部 -> [运维部, 质量部]."""
    return [part for part in _SEPARATORS.split(text) if part]


def read_activity_table(table: dict[str, Any]) -> TableFacts | None:
    """Return the activities an imported table (a block's `table:` value) plans and the
    activity_table that draws it again, or None where it plans none."""
    grid = grid_of(table)
    if grid is None:
        return None
    fields = grid.fields(field_of)
    if "name" not in fields or len(_DETAILS & set(fields)) < 2:
        return None
    columns: dict[str, int] = {}
    for index, name in enumerate(fields):
        if name is not None:
            columns.setdefault(name, index)
    reasons: list[Message] = []
    rows = _activity_rows(grid, columns, reasons)
    if not rows:
        return None
    block = carried_keys(table, grid.laid.column_count)
    block.pop("widths", None)  # an activity table's widths are docgen's own
    if grid.header != DRAWN_COLUMNS:
        reasons.insert(0, said.REASON_ACTIVITY_COLUMNS(expected=DRAWN_COLUMNS,
                                                       found=grid.header))
    if not reasons:
        reasons += [said.REASON_KEY(key=key) for key in grid.left_out_keys()]
    if not reasons and grid.laid.header_rows != 1:
        reasons.append(said.REASON_HEADER_ROWS(count=grid.laid.header_rows))
    if not reasons:
        difference = first_difference(grid, _drawn([fact for _row, fact in rows]))
        reasons += [difference] if difference else []
    return TableFacts("activity", grid, rows, block, reasons[0] if reasons else None)


def _activity_rows(grid: ImportedGrid, columns: dict[str, int], reasons: list[Message]
                   ) -> list[tuple[int, dict[str, Any]]]:
    """Return the activity of each row that names one; append to `reasons` each row that
    keeps the table as written."""
    rows: list[tuple[int, dict[str, Any]]] = []
    for index in range(len(grid.body)):
        row = grid.row_number(index)
        if grid.is_total(index):
            reasons.append(said.REASON_TOTAL(row=row, words=grid.words(index)))
            continue
        if grid.spans_all(index):
            reasons.append(said.REASON_SPANNING(row=row, words=grid.words(index)))
            continue
        values = {name: grid.text(index, column) for name, column in columns.items()}
        if not values["name"]:
            if grid.words(index):
                reasons.append(said.REASON_EMPTY(row=row, column=grid.header[columns["name"]]))
            continue
        fact: dict[str, Any] = {"name": values["name"]}
        kind = activity_kind(values["name"])
        if kind != "other":
            fact["kind"] = kind
        written = values.get("number", "")
        if written.isdigit() and int(written) != len(rows) + 1:
            fact["number"] = int(written)
        if "measures" in columns:
            measures = _measures(grid.lines(index, columns["measures"]))
            if measures:
                fact["measures"] = measures
        for name in ("responsible", "cooperating"):
            if values.get(name):
                fact[name] = departments_in(values[name])
        for name in ("owner", "when"):
            if values.get(name):
                fact[name] = values[name]
        rows.append((index, fact))
    return rows


def _measures(lines: list[tuple[str, str]]) -> list[str]:
    """Return the measures a cell lists: its list items, its paragraphs, or its typed-
    numbered paragraphs without the numbers the rebuild writes again."""
    texts = [text for _kind, text in lines if text]
    kinds = {kind for kind, text in lines if text}
    typed = [_TYPED_NUMBER.match(text) for text in texts]
    if kinds == {"text"} and len(texts) > 1 and all(typed) and \
            [int(match.group(1)) for match in typed if match] == list(range(1, len(texts) + 1)):
        return [_TYPED_NUMBER.sub("", text, count=1) for text in texts]
    return texts


def _drawn(facts: list[dict[str, Any]]):
    """Return the table an activity_table of these facts draws, laid out as a build
    would (docgen.content.resolve draws it so)."""
    block = schema.ActivityTable.model_validate({"activity_table": ["activity"]})
    style = HouseStyle()
    header = [RowSpec([text_cell(word, block) for word in DRAWN_COLUMNS], block, [], [])]
    rows = []
    for position, fact in enumerate(facts, start=1):
        activity = schema.Activity.model_validate(fact)
        kind = "number" if len(activity.measures) > 1 else "text"
        number = activity.number if activity.number is not None else position
        rows.append(RowSpec([
            text_cell(str(number), block),
            text_cell(activity.name, block),
            CellSpec([CellLine(kind, text) for text in activity.measures]
                     or [CellLine("text", "")], block),
            text_cell(style.join(activity.responsible), block),
            text_cell(style.join(activity.cooperating), block),
            text_cell(activity.owner or "", block),
            text_cell(activity.when or "", block),
        ], block, [], []))
    return lay_out(header=header, body=rows, source=block, table_id=None, caption=None,
                   caption_number=None, number_rows=None, widths=None, kind="activity",
                   problems=[])
