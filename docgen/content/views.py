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

from docgen.catalogue.content_resolve import ACTIVITY_FACTS, KPI_FACTS
from docgen.content import schema
from docgen.content.prose import Absent
from docgen.content.values import Target
from docgen.messages import MessageType
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
    separator: str = " "
    """What stands between number and title: a space, or nothing after 一、 and （一）."""

    def __str__(self) -> str:
        return f"{self.number}{self.separator}{self.title}"


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


def _stated(value: Any, key: str, name: str, fact: MessageType) -> Any:
    """Return `value`, or Absent when the content leaves it out: citing it says `fact`
    of the KPI or activity `key` called `name`."""
    if value:
        return value
    return Absent(key, fact, {"key": key, "name": name})


def kpi_view(key: str, kpi: schema.Kpi) -> KpiView:
    """Return what prose may say about KPI `key`; a field it leaves out is Absent."""
    return KpiView(kpi.name, _stated(kpi.formula, key, kpi.name, KPI_FACTS["formula"]),
                   kpi.target, _stated(kpi.period, key, kpi.name, KPI_FACTS["period"]),
                   _stated(kpi.owner, key, kpi.name, KPI_FACTS["owner"]))


def activity_view(key: str, activity: schema.Activity,
                  listing: Callable[[list[str]], Listing]) -> ActivityView:
    """Return what prose may say about activity `key`, its departments as `listing` lists
    them; a field it leaves out is Absent."""
    name = activity.name
    return ActivityView(
        name,
        _stated(listing(activity.responsible), key, name, ACTIVITY_FACTS["responsible"]),
        _stated(listing(activity.cooperating), key, name, ACTIVITY_FACTS["cooperating"]),
        _stated(activity.owner, key, name, ACTIVITY_FACTS["owner"]),
        _stated(activity.when, key, name, ACTIVITY_FACTS["when"]),
        _stated(activity.frequency, key, name, ACTIVITY_FACTS["frequency"]))
