"""Arithmetic rules: totals rows and prose figures that must add up."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from decimal import Decimal

from docgen.checks.context import CheckContext, blocks_with_sections
from docgen.checks.findings import Defect, Severity
from docgen.checks.registry import rule
from docgen.content.model import TableBlock
from docgen.content.tables import parse_figure

_UNIT = r"万元|元|人|名|次|条|个|项|台|套|门|课时"
_FIGURE = re.compile(rf"(\d+(?:\.\d+)?)\s*({_UNIT})")
_WHOLE_AFTER_PARTS = re.compile(rf"(?:总计|合计|共计|总共)\s*(\d+(?:\.\d+)?)\s*({_UNIT})")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_INTRODUCERS = ("其中", "具体为", "分别为", "包括", "即")
# Words after which a list names examples rather than all the parts.
_NOT_EXHAUSTIVE = ("特别是", "例如", "如", "比如", "等")
_PLACEHOLDERS = {"", "-", "—", "–", "/", "无"}


def _show(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")


@rule("ARITH-TOTAL", family="arithmetic", severity=Severity.ERROR,
      summary="a stated total or subtotal (合计, 小计, 总计) equals the sum of its rows")
def stated_totals(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        for table in document.tables:
            for fact in table.totals:
                if fact.stated is not None and fact.stated != fact.computed:
                    yield Defect(document.number, fact.location,
                                 f"the {fact.label} row states {_show(fact.stated)} for "
                                 f"{fact.column}, but the rows above add up to "
                                 f"{_show(fact.computed)}",
                                 "correct the figures, or write {sum: true} to show the "
                                 "computed sum")


@rule("ARITH-NON-NUMERIC", family="arithmetic", severity=Severity.WARNING,
      summary="the cells a total adds up are numbers")
def non_numeric(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        for table in document.tables:
            columns = {fact.column for fact in table.totals}
            for column_name in sorted(columns):
                column = table.column_names.index(column_name)
                for index, row in enumerate(table.rows):
                    if index < table.header_rows or index in table.total_rows:
                        continue
                    for cell in row:
                        if cell.column == column and cell.text.strip() not in _PLACEHOLDERS \
                                and parse_figure(cell.text) is None:
                            yield Defect(document.number, cell.location,
                                         f"“{cell.text}” is counted in the total of "
                                         f"{column_name}, but it is not a number",
                                         "write the figure alone in the cell (units belong "
                                         "in the column header)")


def _figures(text: str) -> list[tuple[Decimal, str, int, int]]:
    return [(Decimal(m.group(1)), m.group(2), m.start(), m.end()) for m in _FIGURE.finditer(text)]


def _prose_sums(sentence: str) -> Iterator[tuple[Decimal, list[Decimal], str]]:
    """Yield (whole, parts, unit) for every whole-and-parts statement of `sentence`."""
    total_match = _WHOLE_AFTER_PARTS.search(sentence)
    if total_match:  # "甲8000元，乙2000元，总计10000元"
        unit = total_match.group(2)
        parts = [value for value, figure_unit, _s, end in _figures(sentence[:total_match.start()])
                 if figure_unit == unit]
        if len(parts) >= 2:
            yield Decimal(total_match.group(1)), parts, unit
        return
    figures = _figures(sentence)
    if not figures:
        return
    whole, unit, _start, end = figures[0]
    for group in sentence[end:].split("；"):
        if any(word in group for word in _NOT_EXHAUSTIVE):
            continue
        parts = [(value, start) for value, figure_unit, start, _e in _figures(group)
                 if figure_unit == unit]
        if len(parts) < 2:
            continue
        introduced = group.lstrip("，, ").startswith(_INTRODUCERS)
        starts = [start for _value, start in parts]
        enumerated = all("、" in group[a:b] for a, b in itertools.pairwise(starts))
        if introduced or enumerated:
            yield whole, [value for value, _start in parts], unit


@rule("ARITH-PROSE-SUM", family="arithmetic", severity=Severity.ERROR,
      summary="prose that states a whole and its parts (共14人，其中6人、8人) adds up")
def prose_sums(context: CheckContext) -> Iterator[Defect]:
    for fragment in context.all_texts():
        if fragment.kind == "heading":
            continue
        for sentence in _SENTENCE_END.split(fragment.text):
            for whole, parts, unit in _prose_sums(sentence):
                if sum(parts, Decimal(0)) != whole:
                    listed = " + ".join(_show(part) for part in parts)
                    yield Defect(fragment.document.number, fragment.location,
                                 f"“{sentence.strip()}” gives {_show(whole)}{unit} in all, but "
                                 f"its parts add up to {listed} = "
                                 f"{_show(sum(parts, Decimal(0)))}{unit}",
                                 "correct the figures; where a table holds them, cite its sum: "
                                 "{{ table.<id>.sum['column'] }}")


@rule("ARITH-PROSE-TOTAL", family="arithmetic", severity=Severity.ERROR,
      summary="prose that restates a table's total (合计10人) gives the table's figure")
def prose_totals(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        tables_by_section: dict[str, list[TableBlock]] = {}
        for section, block in blocks_with_sections(document):
            if isinstance(block, TableBlock) and block.totals and section is not None:
                tables_by_section.setdefault(section.number, []).append(block)
        for fragment in context.texts[document.number]:
            if fragment.kind not in ("paragraph", "item") or fragment.section is None:
                continue
            for table in tables_by_section.get(fragment.section.number, []):
                for fact in table.totals:
                    pattern = re.compile(re.escape(fact.label) + r"\s*(\d+(?:\.\d+)?)")
                    for match in pattern.finditer(fragment.text):
                        if Decimal(match.group(1)) != fact.computed:
                            yield Defect(document.number, fragment.location,
                                         f"the text says {fact.label}{match.group(1)}, but the "
                                         f"table's {fact.label} for {fact.column} is "
                                         f"{_show(fact.computed)}",
                                         "cite the table's figure instead of retyping it: "
                                         "{{ table.<id>.sum['column'] }}")
