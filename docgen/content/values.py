"""Value types of the content schema: versions, dates, KPI targets, identifiers.

Every YAML scalar reaches the schema as the text the author wrote; these types parse
that text strictly and say exactly what is wrong when it does not fit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import total_ordering
from typing import Annotated

from pydantic import BeforeValidator, PlainSerializer, PlainValidator

from docgen.catalogue import content as said
from docgen.messages import Message, render

_VERSION = re.compile(r"^[Vv]?(\d{1,3})\.(\d{1,3})$")
_DATE = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_COMPARATORS = {
    "≥": "≥", ">=": "≥", "≧": "≥", "⩾": "≥",
    "≤": "≤", "<=": "≤", "≦": "≤", "⩽": "≤",
    ">": ">", "＞": ">", "<": "<", "＜": "<", "=": "=", "＝": "=",
}
_TARGET = re.compile(
    r"^\s*(?P<cmp>>=|<=|[≥≤≧≦⩾⩽><＞＜=＝])?\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>[^\d\s].*)?\s*$")


class InvalidValue(ValueError):
    """A value that does not fit its type: the message that says so, and what to write
    instead."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(render(message)[0])

    @property
    def hint(self) -> str:
        """What to write instead."""
        return render(self.message)[1]


@total_ordering
@dataclass(frozen=True)
class Version:
    """A document version such as V1.0 or V1.10; compared numerically, never as a float."""

    major: int
    minor: int

    def __str__(self) -> str:
        return f"V{self.major}.{self.minor}"

    def __lt__(self, other: Version) -> bool:
        return (self.major, self.minor) < (other.major, other.minor)

    def next_minor(self) -> Version:
        """Return the version after this one in a revision (V1.0 -> V1.1)."""
        return Version(self.major, self.minor + 1)

    def next_major(self) -> Version:
        """Return the version after this one in a rewrite (V1.3 -> V2.0)."""
        return Version(self.major + 1, 0)


def parse_version(value: object) -> Version:
    """Return the Version written as `value` (V1.0, v1.10, 1.2); refuse anything else."""
    if isinstance(value, Version):
        return value
    match = _VERSION.match(str(value).strip()) if isinstance(value, str) else None
    if not match:
        raise InvalidValue(said.NOT_A_VERSION(value=str(value)))
    return Version(int(match.group(1)), int(match.group(2)))


def parse_date(value: object) -> dt.date:
    """Return the calendar date written as `value` (2025-01-07, 2025.1.7, 2025年1月7日)."""
    if isinstance(value, dt.date):
        return value
    match = _DATE.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise InvalidValue(said.NOT_A_DATE(value=str(value)))
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InvalidValue(said.NO_SUCH_DAY(value=value, year=year, month=month, day=day)
                           if 1 <= month <= 12
                           else said.NO_SUCH_MONTH(value=value, month=month)) from None


def parse_identifier(value: object) -> str:
    """Return `value` if it can name a fact in prose ({{ kpi.<id> }}); refuse otherwise."""
    if isinstance(value, str) and _IDENTIFIER.match(value):
        return value
    raise InvalidValue(said.NOT_AN_ID(value=str(value)))


@dataclass(frozen=True)
class Target:
    """A KPI target: comparator, number and unit, as in ≥95%, ≤1次, ≥95分, 100%."""

    comparator: str | None
    value: Decimal
    unit: str

    def __str__(self) -> str:
        return f"{self.comparator or ''}{self.quantity}"

    @property
    def quantity(self) -> str:
        """The number with its unit and without the comparator: 95%, 1次."""
        return f"{_plain_number(self.value)}{self.unit}"

    @property
    def number(self) -> str:
        """The number alone, as written: 95, 0.5."""
        return _plain_number(self.value)


def _plain_number(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_target(value: object) -> Target:
    """Return the Target written as `value`; refuse text that states no number."""
    if isinstance(value, Target):
        return value
    match = _TARGET.match(value) if isinstance(value, str) else None
    if not match:
        raise InvalidValue(said.NOT_A_TARGET(value=str(value)))
    try:
        number = Decimal(match.group("value"))
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise InvalidValue(said.NO_NUMBER(value=value)) from None
    comparator = _COMPARATORS.get(match.group("cmp") or "", None)
    return Target(comparator, number, (match.group("unit") or "").strip())


def parse_flag(value: object) -> bool:
    """Return the truth value written as true or false; refuse yes, no, on, off, 1, 0."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise InvalidValue(said.NOT_TRUE_OR_FALSE(value=str(value)))


VersionField = Annotated[Version, PlainValidator(parse_version), PlainSerializer(str)]
DateField = Annotated[dt.date, BeforeValidator(parse_date)]
Identifier = Annotated[str, BeforeValidator(parse_identifier)]
TargetField = Annotated[Target, PlainValidator(parse_target), PlainSerializer(str)]
Flag = Annotated[bool, PlainValidator(parse_flag)]
