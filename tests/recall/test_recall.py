"""A fast, deterministic sample of the recall harness: two wordings of every defect class
in every clean set are found by their rule at their place, and the clean sets give no
finding at all. `make recall` runs every wording (bench/recall.py)."""

from __future__ import annotations

import pytest

from tests.recall import harness
from tests.recall.clean import CLEAN_SETS


@pytest.fixture(scope="module")
def report() -> harness.Report:
    return harness.run(variants=2)


def test_the_clean_sets_give_no_finding(report):
    assert report.false_alarms == {name: [] for name in CLEAN_SETS}


def test_every_defect_class_is_found_at_its_place(report):
    for row in report.table():
        assert row["injections"], row
        assert row["recall"] >= 0.95, (row, [
            (o.clean_set, o.variant, o.injected, o.findings[:3])
            for o in report.outcomes if o.defect == row["class"] and not o.found])


def test_an_injection_is_found_only_by_its_rule_at_its_line(report):
    outcome = next(o for o in report.outcomes if o.defect == "rate-inverted")
    assert outcome.found and outcome.expected.rule == "KPI-RATE-INVERTED"
    assert any(f":{outcome.expected.line}: KPI-RATE-INVERTED" in finding
               for finding in outcome.findings)
