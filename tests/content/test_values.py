"""Versions, dates and KPI targets are parsed from the author's text, strictly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from docgen.content.values import Target, Version, parse_date, parse_target, parse_version


@pytest.mark.parametrize("written, expected", [
    ("V1.0", Version(1, 0)), ("v1.10", Version(1, 10)), ("1.2", Version(1, 2)),
    ("V12.3", Version(12, 3)),
])
def test_versions_are_read_as_major_and_minor(written, expected):
    assert parse_version(written) == expected


def test_version_1_10_comes_after_1_9():
    assert parse_version("V1.9") < parse_version("V1.10")
    assert str(parse_version("1.10")) == "V1.10"


def test_next_versions():
    assert Version(1, 0).next_minor() == Version(1, 1)
    assert Version(1, 3).next_major() == Version(2, 0)


@pytest.mark.parametrize("written", ["V1", "1", "V1.0.1", "version 1", "", "NO"])
def test_other_texts_are_not_versions(written):
    with pytest.raises(ValueError, match="is not a version"):
        parse_version(written)


@pytest.mark.parametrize("written", ["2025-01-07", "2025.1.7", "2025.01.07", "2025. 1. 7",
                                     "2025/01/07", "2025年1月7日"])
def test_dates_in_the_ways_chinese_documents_write_them(written):
    assert parse_date(written) == dt.date(2025, 1, 7)


@pytest.mark.parametrize("written, message", [
    ("2025-02-30", "'2025-02-30' is not a date that exists (2025-02 has no day 30)"),
    ("2025-13-01", "'2025-13-01' is not a date that exists (there is no month 13)"),
    ("2025-02-29", "'2025-02-29' is not a date that exists (2025-02 has no day 29)"),
    ("7 January", "'7 January' is not a date"),
])
def test_dates_that_do_not_exist_are_refused(written, message):
    with pytest.raises(ValueError) as raised:
        parse_date(written)
    assert str(raised.value) == message


def test_a_leap_day_is_a_date():
    assert parse_date("2024-02-29") == dt.date(2024, 2, 29)


@pytest.mark.parametrize("written, comparator, value, unit, shown", [
    ("≥95%", "≥", "95", "%", "≥95%"),
    (">=95 %", "≥", "95", "%", "≥95%"),
    ("≥ 95 分", "≥", "95", "分", "≥95分"),
    ("≤1次", "≤", "1", "次", "≤1次"),
    ("100%", None, "100", "%", "100%"),
    ("≥1", "≥", "1", "", "≥1"),
    ("≥99.9%", "≥", "99.9", "%", "≥99.9%"),
    ("＞20条", ">", "20", "条", ">20条"),
])
def test_targets_have_a_comparator_a_number_and_a_unit(written, comparator, value, unit, shown):
    target = parse_target(written)
    assert target == Target(comparator, Decimal(value), unit)
    assert str(target) == shown


def test_a_target_shows_its_quantity_and_number_for_prose():
    target = parse_target("≥95%")
    assert (target.quantity, target.number) == ("95%", "95")


@pytest.mark.parametrize("written", ["high", "不低于九十五", "%95", ""])
def test_texts_without_a_number_are_not_targets(written):
    with pytest.raises(ValueError, match="is not a KPI target"):
        parse_target(written)
