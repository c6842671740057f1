"""KPI rules: one KPI, one target, one period and one formula everywhere it is stated."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from docgen.catalogue.checks import (
    BORROWED_FORMULA,
    BORROWED_FORMULA_ELSEWHERE,
    COUNT_AS_PERCENTAGE,
    FORMULA_MISMATCH,
    FORMULA_MISMATCH_ELSEWHERE,
    PERIOD_MISMATCH,
    PERIOD_MISMATCH_ELSEWHERE,
    RATE_AS_COUNT,
    RATE_INVERTED,
    STATED_TWICE,
    TARGET_MISMATCH,
    TARGET_MISMATCH_ELSEWHERE,
)
from docgen.checks import lexicon
from docgen.checks.context import CheckContext, normalize
from docgen.checks.findings import Defect, Severity
from docgen.checks.registry import rule
from docgen.content.model import ResolvedDocument
from docgen.content.schema import Kpi
from docgen.content.values import Target
from docgen.messages import Message, MessageType, Param


@dataclass(frozen=True)
class Declaration:
    """A KPI as one document declares it."""

    document: ResolvedDocument
    key: str
    kpi: Kpi

    @property
    def name(self) -> str:
        return normalize(self.kpi.name)

    def where(self, field: str | None = None):
        return self.kpi.location(field) if field else self.kpi.location()

    def cited(self, seen_from: ResolvedDocument, here: MessageType, elsewhere: MessageType, /,
              **params: Param) -> Message:
        """Return the message that cites this declaration by key and line, as `here` says
        it in its own document and `elsewhere` (with its number) seen from another."""
        params.update(key=self.key, line=self.kpi.location().line)
        if self.document is seen_from:
            return here(**params)
        return elsewhere(document=self.document.number, **params)


def declarations(context: CheckContext) -> list[Declaration]:
    """Return every KPI declaration of the organization, in document order."""
    return [Declaration(document, key, kpi) for document in context.documents
            for key, kpi in document.model.kpis.items()]


def _by_name(context: CheckContext) -> dict[str, list[Declaration]]:
    groups: dict[str, list[Declaration]] = {}
    for declaration in declarations(context):
        groups.setdefault(declaration.name, []).append(declaration)
    return groups


def normalize_formula(formula: str) -> str:
    """Return a formula for comparison: a ratio as 'part/whole' in whatever form it was
    written (a/b×100%, a÷b, a占b的比例), anything else with ×, * and spacing folded."""
    parts = lexicon.ratio(formula)
    if parts is not None:
        return "/".join(parts)
    text = normalize(formula).replace("*", "×").replace("x100", "×100").replace("X100", "×100")
    return text.replace("（", "(").replace("）", ")")


def _same_target(first: Target, second: Target) -> bool:
    if first.value != second.value:
        return False
    if first.unit and second.unit and first.unit != second.unit:
        return False
    comparators = {first.comparator or "=", second.comparator or "="}
    # "100%" and "≥100%" ask for the same thing: nothing exceeds 100%.
    if "%" in (first.unit, second.unit) and first.value == 100:
        comparators -= {"≥"}
        comparators.add("=")
    return len(comparators) == 1


def _differs(declaration: Declaration, reference: Declaration) -> dict[str, tuple[str, str]]:
    """Return the fields in which two declarations of one KPI disagree."""
    differences = {}
    if not _same_target(declaration.kpi.target, reference.kpi.target):
        differences["target"] = (str(declaration.kpi.target), str(reference.kpi.target))
    if declaration.kpi.period and reference.kpi.period and \
            declaration.kpi.period != reference.kpi.period:
        differences["period"] = (declaration.kpi.period, reference.kpi.period)
    if declaration.kpi.formula and reference.kpi.formula and \
            normalize_formula(declaration.kpi.formula) != normalize_formula(reference.kpi.formula):
        differences["formula"] = (declaration.kpi.formula, reference.kpi.formula)
    return differences


def _mismatches(context: CheckContext, field: str, here: MessageType, elsewhere: MessageType
                ) -> Iterator[Defect]:
    for group in _by_name(context).values():
        reference = group[0]
        for declaration in group[1:]:
            difference = _differs(declaration, reference).get(field)
            if difference:
                yield Defect(declaration.document.number, declaration.where(field),
                             reference.cited(declaration.document, here, elsewhere,
                                             kpi=declaration.kpi.name, here=difference[0],
                                             there=difference[1]))


@rule("KPI-TARGET-MISMATCH", family="kpis", severity=Severity.ERROR,
      summary="a KPI has the same target (comparator, value, unit) everywhere it is stated")
def target_mismatch(context: CheckContext) -> Iterator[Defect]:
    yield from _mismatches(context, "target", TARGET_MISMATCH, TARGET_MISMATCH_ELSEWHERE)


@rule("KPI-PERIOD-MISMATCH", family="kpis", severity=Severity.ERROR,
      summary="a KPI has the same assessment period everywhere it is stated")
def period_mismatch(context: CheckContext) -> Iterator[Defect]:
    yield from _mismatches(context, "period", PERIOD_MISMATCH, PERIOD_MISMATCH_ELSEWHERE)


@rule("KPI-FORMULA-MISMATCH", family="kpis", severity=Severity.ERROR,
      summary="a KPI has the same formula everywhere it is stated")
def formula_mismatch(context: CheckContext) -> Iterator[Defect]:
    yield from _mismatches(context, "formula", FORMULA_MISMATCH,
                           FORMULA_MISMATCH_ELSEWHERE)


@rule("KPI-DUPLICATE", family="kpis", severity=Severity.WARNING,
      summary="a document states each KPI once (and cites it wherever it is needed)")
def duplicates(context: CheckContext) -> Iterator[Defect]:
    for group in _by_name(context).values():
        seen: dict[str, Declaration] = {}
        for declaration in group:
            first = seen.get(declaration.document.number)
            if first is None:
                seen[declaration.document.number] = declaration
            elif not _differs(declaration, first):
                yield Defect(declaration.document.number, declaration.where(),
                             STATED_TWICE(kpi=declaration.kpi.name, key=first.key,
                                          line=first.kpi.location().line))


def unit_mismatch(name: str, unit: str) -> MessageType | None:
    """Return the sentence for a target whose unit does not fit the KPI named `name` (a
    percentage for a count, a count for a rate), or None if it fits."""
    name = normalize(name)
    kind = lexicon.unit_kind(unit)
    if kind == "percent" and lexicon.COUNT_NAME.search(name) and not lexicon.RATE_NAME.search(name):
        return COUNT_AS_PERCENTAGE
    if kind == "count" and lexicon.RATE_NAME.search(name):
        return RATE_AS_COUNT
    return None


@rule("KPI-COUNT-PERCENT", family="kpis", severity=Severity.ERROR,
      summary="a count (次数, 数量) has a count target and a rate (…率) a percentage")
def count_with_percentage(context: CheckContext) -> Iterator[Defect]:
    for declaration in declarations(context):
        says = unit_mismatch(declaration.kpi.name, declaration.kpi.target.unit)
        if says is not None:
            yield Defect(declaration.document.number, declaration.where("target"),
                         says(kpi=declaration.kpi.name, target=str(declaration.kpi.target)))


def _fit(name: str, formula: str) -> float:
    """Return how much of a KPI's name its formula's quantities mention (0 to 1)."""
    stem = re.sub(r"率$", "", normalize(name))
    return sum(char in formula for char in stem) / len(stem) if stem else 0.0


@rule("KPI-FORMULA-BORROWED", family="kpis", severity=Severity.ERROR,
      summary="a KPI's formula is not the formula of another KPI")
def borrowed_formula(context: CheckContext) -> Iterator[Defect]:
    sharing: dict[str, list[Declaration]] = {}
    for declaration in declarations(context):
        if declaration.kpi.formula and "/" in declaration.kpi.formula:
            sharing.setdefault(normalize_formula(declaration.kpi.formula), []).append(declaration)
    for formula, group in sharing.items():
        if len({declaration.name for declaration in group}) < 2:
            continue
        # The formula belongs to the KPI whose name its quantities spell out best: for
        # 已解决事件数/事件总数 that is 事件解决率, not 事件及时响应率.
        owner = max(group, key=lambda d: _fit(d.kpi.name, formula))
        for declaration in group:
            if declaration.name != owner.name:
                yield Defect(declaration.document.number, declaration.where("formula"),
                             owner.cited(declaration.document, BORROWED_FORMULA,
                                         BORROWED_FORMULA_ELSEWHERE, kpi=declaration.kpi.name,
                                         formula=declaration.kpi.formula.strip(),
                                         owner=owner.kpi.name))


@rule("KPI-RATE-INVERTED", family="kpis", severity=Severity.ERROR,
      summary="a rate divides the part by the whole, not the whole by the part")
def inverted_rate(context: CheckContext) -> Iterator[Defect]:
    for declaration in declarations(context):
        parts = lexicon.ratio(declaration.kpi.formula or "")
        if parts is None:
            continue
        numerator, denominator = parts
        if lexicon.inverted(numerator, denominator):
            yield Defect(declaration.document.number, declaration.where("formula"),
                         RATE_INVERTED(kpi=declaration.kpi.name, numerator=numerator,
                                       denominator=denominator))
