"""The house style turns numbers and dates into text; everything else keeps them as values."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from docgen.content.prose import join_and, join_cn
from docgen.style import DEFAULT_STYLE, HouseDate, HouseStyle, format_date, template_filters

DAY = dt.date(2025, 1, 7)


@pytest.mark.parametrize(("numbers", "shown"), [
    ((4,), "4."), ((4, 1), "4.1."), ((4, 1, 1), "4.1.1."), ((4, 1, 1, 2), "4.1.1.2."),
    ((10, 11), "10.11.")])
def test_default_heading_numbers_end_in_a_dot(numbers, shown):
    assert DEFAULT_STYLE.heading_number(numbers) == shown


def test_heading_numbers_follow_word_level_patterns_and_formats():
    chapters = HouseStyle(heading_levels=("第%1章", "%1.%2"),
                          heading_formats=("chineseCounting", "decimal"))
    assert chapters.heading_number((11,)) == "第十一章"
    assert chapters.heading_line((3,), "职责") == "第三章 职责"


def test_captions_are_numbered_by_chapter_or_through_the_document():
    assert DEFAULT_STYLE.caption_number((4, 1)) == "表4-1"
    assert HouseStyle(caption_format="表{number}").caption_number((4, 3)) == "表3"


@pytest.mark.parametrize(("pattern", "shown"), [
    ("%Y.%m.%d", "2025.01.07"), ("%Y年%-m月%-d日", "2025年1月7日"), ("%Y-%m-%d", "2025-01-07"),
    ("%-m/%-d/%Y", "1/7/2025"), ("100%% %Y", "100% 2025")])
def test_dates_are_written_in_a_strftime_like_pattern(pattern, shown):
    assert format_date(DAY, pattern) == shown


@pytest.mark.parametrize(("pattern", "excel"), [
    ("%Y.%m.%d", "yyyy.mm.dd"), ("%Y年%-m月%-d日", 'yyyy"年"m"月"d"日"'), ("%Y-%m-%d", "yyyy-mm-dd")])
def test_the_date_format_has_an_excel_number_format(pattern, excel):
    assert HouseStyle(date_format=pattern).excel_date_format() == excel


def test_a_house_date_is_a_date_that_prints_in_the_house_format():
    day = HouseStyle(date_format="%Y年%-m月%-d日").house_date(DAY)
    assert day == DAY and day.year == 2025 and day < dt.date(2025, 2, 1)
    assert (str(day), day.__html__()) == ("2025年1月7日", "2025年1月7日")
    assert str(pickle.loads(pickle.dumps(day))) == "2025年1月7日"
    assert str(HouseDate(2025, 1, 7)) == "2025.01.07"


def test_a_listing_prints_joined_and_stays_a_list():
    departments = DEFAULT_STYLE.listing(["服务台", "质量部"])
    assert (str(departments), list(departments)) == ("服务台、质量部", ["服务台", "质量部"])
    assert (join_cn(departments), join_and(departments)) == ("服务台、质量部", "服务台和质量部")
    assert pickle.loads(pickle.dumps(departments)).separator == "、"
    assert str(HouseStyle(list_separator="，").listing(["甲", "乙"])) == "甲，乙"


def test_a_single_fact_is_never_split_into_items():
    assert join_and("服务台、质量部") == "服务台、质量部"
    assert join_cn("质量部") == "质量部"


def test_state_words_come_from_the_style():
    assert [DEFAULT_STYLE.state_word(state) for state in ("draft", "released", "withdrawn")] \
        == ["草稿", "现行", "作废"]


def test_template_filters_format_dates_and_numbers():
    filters = template_filters(HouseStyle(date_format="%Y年%-m月%-d日"))
    assert filters["date"](DAY) == "2025年1月7日"
    assert filters["date"](DAY, "%Y.%m") == "2025.01"
    assert filters["date"](DEFAULT_STYLE.house_date(DAY)) == "2025.01.07"
    assert filters["number"](12, "chineseCounting") == "十二"
    assert filters["number"](3) == "3"
    assert filters["number"]((4, 1)) == "4.1."
