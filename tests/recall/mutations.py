"""The defect classes: each injects one kind of defect into a clean set's data, in one of
several wordings and places, and returns the finding it must cause (rule and node).

    def inject(data: SetData, rng: Random, variant: int) -> Expected
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from random import Random
from typing import Any

from tests.recall import wordings as w
from tests.recall.setdata import Expected, SetData

Injection = Callable[[SetData, Random, int], Expected]

__all__ = ["DEFECT_CLASSES", "Expected", "Injection", "SetData"]


@dataclass(frozen=True)
class DefectClass:
    """A kind of defect, the rule that must report it, and how to inject it."""

    rule: str
    inject: Injection
    variants: int = 8


def _pick(rng: Random, items: list[Any]) -> Any:
    return items[rng.randrange(len(items))]


def _target_parts(target: str) -> tuple[str, float, str]:
    match = re.match(r"\s*([≥≤><]=?|>=|<=)?\s*(\d+(?:\.\d+)?)\s*(\S*)", target)
    assert match, target
    return match.group(1) or "", float(match.group(2)), match.group(3)


def _show(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _other_value(value: float, unit: str) -> float:
    if unit in ("%", "分"):
        return value - 5 if value > 50 else value + 5
    return value + 1


def _written_target(comparator: str, value: float, unit: str, variant: int) -> str:
    """Return a target as prose writes it, in the variant's form."""
    number = _show(value)
    if unit == "%":
        quantities = [f"{number}%", f"{number}％", f"{number} %",
                      f"百分之{w.CHINESE.get(int(value), number)}"]
    else:
        quantities = [f"{number}{unit}", f"{number} {unit}",
                      f"{w.CHINESE.get(int(value), number)}{unit}"]
    quantity = quantities[variant % len(quantities)]
    if comparator in ("≥", ">="):
        forms = [f"不低于{quantity}", f"≥{quantity}", f"{quantity}以上", f"达到{quantity}",
                 f">={quantity}", f"至少{quantity}", f"不少于{quantity}", f"{quantity}及以上"]
    elif comparator in ("≤", "<="):
        forms = [f"不超过{quantity}", f"≤{quantity}", f"{quantity}以内", f"不高于{quantity}"]
    else:
        forms = [f"达到{quantity}", quantity, f"为{quantity}"]
    return forms[variant % len(forms)]


def _kpis_with(data: SetData, field: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [item for item in data.kpis() if item[2].get(field)]


# --- declared KPIs -----------------------------------------------------------------------


def rate_inverted(data: SetData, rng: Random, variant: int) -> Expected:
    name, part, whole = w.RATIOS[(variant + rng.randrange(3)) % len(w.RATIOS)]
    formula = w.FORMULA_FORMS[variant % len(w.FORMULA_FORMS)].format(a=whole, b=part)
    number = _pick(rng, data.numbers())
    path = data.add_kpi(number, "injected", {"name": name, "formula": formula,
                                             "target": "≥95%", "period": "年度"})
    return Expected("KPI-RATE-INVERTED", number, (*path, "formula"))


def count_with_percent(data: SetData, rng: Random, variant: int) -> Expected:
    number = _pick(rng, data.numbers())
    path = data.add_kpi(number, "injected", {
        "name": w.COUNT_KPIS[variant % len(w.COUNT_KPIS)],
        "target": w.PERCENT_TARGETS[variant % len(w.PERCENT_TARGETS)], "period": "年度"})
    return Expected("KPI-COUNT-PERCENT", number, (*path, "target"))


def rate_with_count(data: SetData, rng: Random, variant: int) -> Expected:
    number = _pick(rng, data.numbers())
    name = w.RATIOS[variant % len(w.RATIOS)][0]
    path = data.add_kpi(number, "injected", {
        "name": name, "target": w.COUNT_TARGETS[variant % len(w.COUNT_TARGETS)],
        "period": "季度"})
    return Expected("KPI-COUNT-PERCENT", number, (*path, "target"))


def _restated(data: SetData, rng: Random, field: str) -> tuple[str, dict[str, Any], str]:
    """Copy a declared KPI (one with `field`) into another document; return it."""
    source_number, _key, kpi = _pick(rng, _kpis_with(data, field))
    # Declared after the original, so that it is the restatement the rule reports.
    number = _pick(rng, [n for n in data.numbers() if n >= source_number])
    copy = dict(kpi)
    data.add_kpi(number, "restated", copy)
    return number, copy, source_number


def target_mismatch(data: SetData, rng: Random, variant: int) -> Expected:
    number, copy, _source = _restated(data, rng, "target")
    comparator, value, unit = _target_parts(copy["target"])
    forms = [f"{comparator}{_show(_other_value(value, unit))}{unit}",
             f"{comparator} {_show(_other_value(value, unit))} {unit}",
             f">={_show(_other_value(value, unit))}{unit}" if comparator else
             f"{_show(_other_value(value, unit))}{unit}"]
    copy["target"] = forms[variant % len(forms)].strip()
    return Expected("KPI-TARGET-MISMATCH", number, ("kpis", "restated", "target"))


def period_mismatch(data: SetData, rng: Random, variant: int) -> Expected:
    number, copy, _source = _restated(data, rng, "period")
    choices = [p for p in w.PERIOD_VALUES if p != copy["period"]]
    copy["period"] = choices[variant % len(choices)]
    return Expected("KPI-PERIOD-MISMATCH", number, ("kpis", "restated", "period"))


def formula_mismatch(data: SetData, rng: Random, variant: int) -> Expected:
    number, copy, _source = _restated(data, rng, "formula")
    ratios = [r for r in w.RATIOS if r[1] not in copy["formula"]]
    _name, part, whole = ratios[variant % len(ratios)]
    copy["formula"] = w.FORMULA_FORMS[variant % len(w.FORMULA_FORMS)].format(a=part, b=whole)
    return Expected("KPI-FORMULA-MISMATCH", number, ("kpis", "restated", "formula"))


# --- KPIs in prose -----------------------------------------------------------------------


def _period_phrase(period: str | None, variant: int) -> str:
    phrases = w.PERIOD_PHRASES.get(period or "", ["每年"])
    return phrases[variant % len(phrases)]


def prose_target(data: SetData, rng: Random, variant: int) -> Expected:
    number, _key, kpi = _pick(rng, _kpis_with(data, "target"))
    comparator, value, unit = _target_parts(kpi["target"])
    target = _written_target(comparator or "≥", _other_value(value, unit), unit, variant)
    sentence = w.TARGET_SENTENCES[variant % len(w.TARGET_SENTENCES)]
    text = sentence.format(name=kpi["name"], target=target,
                           period=_period_phrase(kpi.get("period"), variant))
    path = data.add_block(number, rng, text)
    return Expected("KPI-PROSE-MISMATCH", number, path)


def prose_period(data: SetData, rng: Random, variant: int) -> Expected:
    number, _key, kpi = _pick(rng, _kpis_with(data, "period"))
    others = [p for p in w.PERIOD_VALUES if p != kpi["period"]]
    period = others[variant % len(others)]
    text = w.PERIOD_SENTENCES[variant % len(w.PERIOD_SENTENCES)].format(
        name=kpi["name"], period=_period_phrase(period, variant).removeprefix("每")
        if "每{period}" in w.PERIOD_SENTENCES[variant % len(w.PERIOD_SENTENCES)]
        else _period_phrase(period, variant))
    path = data.add_block(number, rng, text)
    return Expected("KPI-PROSE-MISMATCH", number, path)


def prose_formula(data: SetData, rng: Random, variant: int) -> Expected:
    candidates = [item for item in _kpis_with(data, "formula") if "/" in item[2]["formula"]]
    number, _key, kpi = _pick(rng, candidates)
    _name, part, whole = w.RATIOS[(variant * 5 + 3) % len(w.RATIOS)]
    formula = w.FORMULA_FORMS[variant % len(w.FORMULA_FORMS)].format(a=part, b=whole)
    text = w.FORMULA_SENTENCES[variant % len(w.FORMULA_SENTENCES)].format(
        name=kpi["name"], formula=formula)
    path = data.add_block(number, rng, text)
    return Expected("KPI-PROSE-MISMATCH", number, path)


def prose_against_prose(data: SetData, rng: Random, variant: int) -> Expected:
    name = w.PROSE_ONLY_KPIS[variant % len(w.PROSE_ONLY_KPIS)]
    first, last = data.numbers()[0], data.numbers()[-1]
    sentences = w.TARGET_SENTENCES
    # In a set of one document, the second statement follows the first in its section:
    # the rule reports the later of two statements.
    section = rng.randrange(len(data.sections(first))) if first == last else None
    data.add_block(first, rng, sentences[variant % len(sentences)].format(
        name=name, target=_written_target("≥", 95, "%", variant), period="每季度"), section)
    text = sentences[(variant + 3) % len(sentences)].format(
        name=name, target=_written_target("≥", 90, "%", variant + 1), period="每季度")
    path = data.add_block(last, rng, text, section)
    return Expected("KPI-PROSE-MISMATCH", last, path)


def _classes() -> dict[str, DefectClass]:
    from tests.recall import mutations_more as more

    return {
        "rate-inverted": DefectClass("KPI-RATE-INVERTED", rate_inverted, 12),
        "count-kpi-percent-target": DefectClass("KPI-COUNT-PERCENT", count_with_percent),
        "rate-kpi-count-target": DefectClass("KPI-COUNT-PERCENT", rate_with_count),
        "target-mismatch": DefectClass("KPI-TARGET-MISMATCH", target_mismatch),
        "period-mismatch": DefectClass("KPI-PERIOD-MISMATCH", period_mismatch),
        "formula-mismatch": DefectClass("KPI-FORMULA-MISMATCH", formula_mismatch),
        "prose-target": DefectClass("KPI-PROSE-MISMATCH", prose_target),
        "prose-period": DefectClass("KPI-PROSE-MISMATCH", prose_period),
        "prose-formula": DefectClass("KPI-PROSE-MISMATCH", prose_formula),
        "prose-against-prose": DefectClass("KPI-PROSE-MISMATCH", prose_against_prose),
        "caption-duplicate": DefectClass("STRUCT-CAPTION-DUPLICATE", more.caption_duplicate),
        "reference-wrong-table": DefectClass("STRUCT-REFERENCE", more.reference_wrong_table),
        "reference-wrong-section": DefectClass("STRUCT-REFERENCE", more.reference_wrong_section),
        "reference-ambiguous": DefectClass("STRUCT-REFERENCE", more.reference_ambiguous),
        "reference-missing": DefectClass("STRUCT-REFERENCE", more.reference_missing),
        "document-kind": DefectClass("XREF-DOCUMENT-KIND", more.document_kind),
        "activity-schedule": DefectClass("XREF-ACTIVITY-SCHEDULE", more.activity_schedule),
        "unknown-department": DefectClass("XREF-DEPARTMENT", more.department),
        "prose-sum": DefectClass("ARITH-PROSE-SUM", more.prose_sum),
        "total": DefectClass("ARITH-TOTAL", more.total),
    }


DEFECT_CLASSES = _classes()
