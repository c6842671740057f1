"""What prose may cite: views of documents, KPIs, activities, sections and tables.

Prose interpolation ({{ kpi.sla.target }}, {{ section.people.number }}) sees these views,
never the schema. A view shows facts as prose prints them: section and table numbers
in the house style, departments as lists that print joined by its separator. A fact
the content leaves out is Absent: citing it is an error, never an empty string.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docgen.content import schema
from docgen.content.prose import Absent
from docgen.content.values import Target
from docgen.style import Listing


@dataclass(frozen=True)
class DocumentView:
    """What prose may say about a document: {{ docs['YNTD-ITSS-0417'].title }}."""

    number: str
    title: str
    version: str
    kind: str

    def __str__(self) -> str:
        return f"《{self.title}》({self.number})"


@dataclass(frozen=True)
class KpiView:
    """What prose may say about a KPI: {{ kpi.<id>.target }} and the rest."""

    name: str
    formula: str | Absent
    target: Target
    period: str | Absent
    owner: str | Absent


@dataclass(frozen=True)
class ActivityView:
    """What prose may say about a planned activity: {{ activity.<id>.owner }}."""

    name: str
    responsible: Listing | Absent
    cooperating: Listing | Absent
    owner: str | Absent
    when: str | Absent
    frequency: str | Absent


@dataclass(frozen=True)
class SectionView:
    """What prose may say about a section: {{ section.<id>.number }}, .title."""

    number: str
    title: str

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


@dataclass(frozen=True)
class TableView:
    """What prose may say about a table: {{ table.<id>.sum['计划人数'] }}, .number."""

    number: str | Absent
    caption: str
    sum: dict[str, str]

    def __str__(self) -> str:
        return str(self.number)


def document_view(document: schema.Document) -> DocumentView:
    """Return what prose may say about `document`."""
    return DocumentView(document.number, document.title, str(document.current.version),
                        document.kind)


def _stated(value: Any, key: str, fact: str, of: str, field: str) -> Any:
    """Return `value`, or Absent when the content leaves it out."""
    if value:
        return value
    return Absent(key, f"the {fact} of {of}, which states none",
                  f"add '{field}:' to it, or leave the citation out")


def kpi_view(key: str, kpi: schema.Kpi) -> KpiView:
    """Return what prose may say about KPI `key`; a field it leaves out is Absent."""
    of = f"KPI '{key}' ({kpi.name})"
    return KpiView(kpi.name, _stated(kpi.formula, key, "formula", of, "formula"), kpi.target,
                   _stated(kpi.period, key, "assessment period", of, "period"),
                   _stated(kpi.owner, key, "owner", of, "owner"))


def activity_view(key: str, activity: schema.Activity,
                  listing: Callable[[list[str]], Listing]) -> ActivityView:
    """Return what prose may say about activity `key`, its departments as `listing` lists
    them; a field it leaves out is Absent."""
    of = f"activity '{key}' ({activity.name})"
    return ActivityView(
        activity.name,
        _stated(listing(activity.responsible), key, "responsible departments", of,
                "responsible"),
        _stated(listing(activity.cooperating), key, "cooperating departments", of,
                "cooperating"),
        _stated(activity.owner, key, "owner", of, "owner"),
        _stated(activity.when, key, "planned date", of, "when"),
        _stated(activity.frequency, key, "frequency", of, "frequency"))
