"""Run the registered rules over a document set and collect their findings."""

from __future__ import annotations

from collections.abc import Iterable

# Importing the families registers their rules.
from docgen.checks import (  # noqa: F401
    arithmetic,
    control,
    crossref,
    kpi_prose,
    kpis,
    metadata,
    structure,
    toc,
)
from docgen.checks.context import CheckContext
from docgen.checks.findings import Finding
from docgen.checks.registry import RULES, Rule
from docgen.content.model import DocumentSet
from docgen.messages import render_text


def run_checks(document_set: DocumentSet, rules: Iterable[Rule] | None = None) -> list[Finding]:
    """Return every finding of `rules` (all registered rules by default), in file order."""
    selected = list(rules) if rules is not None else list(RULES.values())
    findings: set[Finding] = set()
    for organization in document_set.organizations:
        context = CheckContext(organization, document_set.documents)
        for rule in selected:
            for defect in rule.check(context):
                findings.add(Finding(rule.id, rule.severity, defect.document, defect.location,
                                     defect.message))
    # Findings of one rule at one place come in the order of their sentences, as they
    # always have: reports stay the same from run to run.
    return sorted(findings, key=lambda f: (str(f.location.file), f.location.line,
                                           f.location.column, f.rule, render_text(f.message)))
