"""The rule registry: a rule is one function, registered with its id, family and severity.

    @rule("KPI-TARGET-MISMATCH", family="kpis", severity=Severity.ERROR,
          summary="the same KPI has different targets in two places")
    def target_mismatch(context: CheckContext) -> Iterator[Defect]:
        ...

Rule ids are stable: they appear in reports, in JSON, and in the README.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.checks.findings import Defect, Severity

if TYPE_CHECKING:
    from docgen.checks.context import CheckContext

RuleFunction = Callable[["CheckContext"], Iterable[Defect]]


@dataclass(frozen=True)
class Rule:
    """A registered rule."""

    id: str
    family: str
    severity: Severity
    summary: str
    check: RuleFunction


RULES: dict[str, Rule] = {}


def rule(rule_id: str, *, family: str, severity: Severity, summary: str
         ) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as the rule `rule_id`."""

    def register(function: RuleFunction) -> RuleFunction:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} is registered twice")
        RULES[rule_id] = Rule(rule_id, family, severity, summary, function)
        return function

    return register
