"""Arithmetic rules: totals rows and prose figures that must add up."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from decimal import Decimal

from docgen.catalogue.checks import (
    COLUMN_TOTAL,
    NOT_A_NUMBER,
    PROSE_SUM,
    PROSE_TOTAL,
    TOTAL_MISMATCH,
)
from docgen.checks import lexicon
from docgen.checks.context import CheckContext, blocks_with_sections, normalize
from docgen.checks.findings import Defect, Severity
from docgen.checks.registry import rule
from docgen.content.model import TableBlock
from docgen.content.tables import FIGURE_UNITS, parse_figure

# The units a table cell may state, and the counters prose counts with (件, 份, 场 …);
# longest first, so that 人次 is not read as 人.
_UNIT = "|".join(sorted(set(FIGURE_UNITS) | set(lexicon.COUNTERS), key=len, reverse=True))
_FIGURE = re.compile(rf"(\d+(?:\.\d+)?)\s*({_UNIT})")
# A whole after its parts: "甲6人、乙7人，共13人", "…，总计10000元".
_WHOLE_AFTER_PARTS = re.compile(
    rf"(?:总计|合计|共计|总共|(?<=[，,；;])共)\s*(\d+(?:\.\d+)?)\s*({_UNIT})")
_NUMBER = re.compile(r"\d+")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_INTRODUCERS = ("其中", "具体为", "分别为", "包括", "即")
# Lists of examples rather than of all the parts: "特别是…", "甲、乙等".
_NOT_EXHAUSTIVE = re.compile(r"特别是|例如|比如|诸如|如下|如[：:]|等(?=[，,。；;、]|$)")
_BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)")
_CLAUSE_BREAK = re.compile(r"[，,：:；;]")
_PLACEHOLDERS = {"", "-", "—", "–", "/", "无"}
_COLUMN_UNITS = (("人数", "人"), ("课时", "课时"), ("费用", "元"), ("预算", "元"), ("金额", "元"),
                 ("次数", "次"), ("条数", "条"))


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
                                 TOTAL_MISMATCH(label=fact.label, stated=_show(fact.stated),
                                                column=fact.column,
                                                computed=_show(fact.computed)))


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
                                         NOT_A_NUMBER(text=cell.text, column=column_name))


def _figures(text: str) -> list[tuple[Decimal, str, int, int]]:
    return [(Decimal(m.group(1)), m.group(2), m.start(), m.end()) for m in _FIGURE.finditer(text)]


def _prose_sums(sentence: str) -> Iterator[tuple[Decimal, list[Decimal], str]]:
    """Yield (whole, parts, unit) for every whole-and-parts statement of `sentence`."""
    # A bracket breaks one part down further ("6人（含实习生2人）"): it is not a part.
    sentence = _BRACKETED.sub("", sentence)
    if _NOT_EXHAUSTIVE.search(sentence):
        return
    total_match = _WHOLE_AFTER_PARTS.search(sentence)
    if total_match:  # "甲8000元，乙2000元，总计10000元"
        unit = total_match.group(2)
        parts = [value for value, figure_unit, _s, _e in _figures(sentence[:total_match.start()])
                 if figure_unit == unit]
        if len(parts) >= 2:
            yield Decimal(total_match.group(1)), parts, unit
            return
    figures = _figures(sentence)
    if not figures:
        return
    whole, unit, _start, end = figures[0]
    for index, group in enumerate(sentence[end:].split("；")):
        parts = [(value, start) for value, figure_unit, start, _e in _figures(group)
                 if figure_unit == unit]
        if len(parts) < 2:
            continue
        # "合计15人：运维部9人，服务台5人": a colon introduces the parts.
        introduced = group.lstrip("，, ").startswith(_INTRODUCERS) or \
            group.lstrip().startswith(("：", ":"))
        # The first parts must stand apart from the whole ("6人，甲4人、乙2人"); in "甲3人、
        # 乙1人、丙1人" the first figure is one item of a list, not a whole. Later clauses
        # are set apart by the "；" itself.
        if index == 0 and not introduced and not _CLAUSE_BREAK.search(group[:parts[0][1]]):
            continue
        starts = [start for _value, start in parts]
        enumerated = all("、" in group[a:b] for a, b in itertools.pairwise(starts))
        if introduced or enumerated:
            yield whole, [value for value, _start in parts], unit


@rule("ARITH-PROSE-SUM", family="arithmetic", severity=Severity.ERROR,
      summary="prose that states a whole and its parts (共14人，其中6人、8人) adds up")
def prose_sums(context: CheckContext) -> Iterator[Defect]:
    for fragment in context.all_texts():
        # A whole and two parts take three figures: most text has fewer and is skipped.
        if fragment.kind == "heading" or len(_NUMBER.findall(fragment.text)) < 3:
            continue
        for sentence in _SENTENCE_END.split(fragment.text):
            for whole, parts, unit in _prose_sums(sentence):
                if sum(parts, Decimal(0)) != whole:
                    yield Defect(fragment.document.number, fragment.location,
                                 PROSE_SUM(sentence=sentence.strip(), whole=_show(whole),
                                           unit=unit, parts=[_show(part) for part in parts],
                                           sum=_show(sum(parts, Decimal(0)))))


def _column_unit(column: str) -> str | None:
    return next((unit for ending, unit in _COLUMN_UNITS if column.endswith(ending)), None)


@rule("ARITH-PROSE-TOTAL", family="arithmetic", severity=Severity.ERROR,
      summary="prose that restates a table's total (合计10人) gives the table's figure")
def prose_totals(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        facts_by_section: dict[tuple[int, ...], list] = {}
        for section, block in blocks_with_sections(document):
            if isinstance(block, TableBlock) and section is not None:
                facts_by_section.setdefault(section.numbers, []).extend(block.totals)
        for fragment in context.texts[document.number]:
            if fragment.kind not in ("paragraph", "item") or fragment.section is None:
                continue
            facts = facts_by_section.get(fragment.section.numbers, [])
            # A total row without a label (its first cell empty) gives prose nothing to
            # name it by: '' would match every number of the section.
            for label in sorted({fact.label for fact in facts if normalize(fact.label)}):
                pattern = re.compile(re.escape(label) + rf"\s*(\d+(?:\.\d+)?)\s*({_UNIT})?")
                for match in pattern.finditer(fragment.text):
                    stated, unit = Decimal(match.group(1)), match.group(2)
                    # Compare with the totals of that label whose column counts in that unit.
                    candidates = [fact for fact in facts if fact.label == label and
                                  (unit is None or _column_unit(fact.column) in (None, unit))]
                    if candidates and all(fact.computed != stated for fact in candidates):
                        totals = [COLUMN_TOTAL(column=fact.column, figure=_show(fact.computed))
                                  for fact in candidates]
                        yield Defect(document.number, fragment.location,
                                     PROSE_TOTAL(label=label, stated=match.group(1),
                                                 unit=unit or "", totals=totals))
