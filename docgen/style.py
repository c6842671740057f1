"""The house style: how one organization prints numbers, dates, lists and state words.

The resolved document set carries numbers as tuples ((4, 1, 1), (4, 1) for 表4-1) and
dates as dates. They become text only here, when a renderer, the table of contents, the
register, prose citations or a report shows them, so a new way of numbering headings,
captions or writing dates is one edit to `HouseStyle`. The defaults are the house style
docgen has always written: 4.1.1., 表4-1, 2025.01.07.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import escape

from docgen.wordml.list_numbering import label_text
from docgen.wordml.number_formats import format_number

# A heading's label per level, as Word's w:lvlText writes it (%1 is the level-1 number).
DEFAULT_HEADING_LEVELS = ("%1.", "%1.%2.", "%1.%2.%3.", "%1.%2.%3.%4.")
DEFAULT_STATE_WORDS = (("draft", "草稿"), ("released", "现行"), ("withdrawn", "作废"))
# A cover's 受控状态: a released version is controlled (受控), an unreleased one a draft.
DEFAULT_COVER_STATE_WORDS = (("draft", "草稿"), ("released", "受控"), ("withdrawn", "作废"))
# (header, relative width) of the tables docgen draws from facts.
DEFAULT_KPI_COLUMNS = (("指标名称", 3.0), ("计算方式", 4.0), ("目标值", 1.5), ("考核周期", 1.5))
DEFAULT_ACTIVITY_COLUMNS = (("编号", 1.2), ("工作项目", 2.5), ("措施及要求", 7.0),
                            ("责任部门", 1.8), ("配合部门", 1.8), ("负责人", 1.8),
                            ("计划实施日期", 2.0))
# The fields a KPI table may show: field -> (default header word, default relative width).
KPI_FIELDS: dict[str, tuple[str, float]] = {
    "number": ("序号", 0.8), "category": ("指标域", 1.5), "name": ("指标名称", 3.0),
    "formula": ("计算方式", 4.0), "target": ("目标值", 1.5), "period": ("考核周期", 1.5),
    "owner": ("负责人", 1.5),
}
_DIRECTIVE = re.compile(r"%(-?)([A-Za-z%])")


@dataclass(frozen=True)
class HouseStyle:
    """How an organization prints what its documents number and date."""

    heading_levels: tuple[str, ...] = DEFAULT_HEADING_LEVELS
    """Heading labels per level, in Word's w:lvlText notation: "%1.%2." gives 4.1."""
    heading_formats: tuple[str, ...] = ("decimal",) * len(DEFAULT_HEADING_LEVELS)
    """The w:numFmt of each level's number: decimal, chineseCounting (一), ..."""
    heading_scheme: str | None = None
    """The heading scheme the style declares ("1.", "1", gbt9704, chapters), which docgen
    writes into each document's numbering; None: the template's own heading list stands."""
    heading_suffixes: tuple[str, ...] = ("space",) * len(DEFAULT_HEADING_LEVELS)
    """What follows each level's label (w:suff): space, or nothing (一、目的)."""
    articles_run_on: bool = False
    """Whether level-2 headings count on through the chapters (第一章 第一条 … 第二章 第七条),
    as a list of their own."""
    list_format: str = "1."
    """How numbered lists are labelled when a list does not say: 1. 1、 (1) （1） 1) ① a."""
    bullet: str = "•"
    """The bullet of bulleted lists when a list does not say: • ➤ ■ -; • is the template's."""
    captions_numbered: bool = True
    """Whether table captions carry a number (表4-1), or are a title only."""
    captions_below: bool = False
    """Whether a table's caption is written below the table rather than above it."""
    caption_format: str = "表{chapter}-{number}"
    """A table's number from its chapter and its place: 表4-1."""
    captions_restart: bool = True
    """Whether tables count from 1 in each chapter (表4-1), or on through the document."""
    date_format: str = "%Y.%m.%d"
    """Dates, strftime-like; %-m and %-d drop the leading zero: 2025.01.07."""
    list_separator: str = "、"
    """Between the items of a list printed in prose or a cell: 运维部、质量部."""
    state_words: tuple[tuple[str, str], ...] = DEFAULT_STATE_WORDS
    """A document's state as the register writes it: draft 草稿, released 现行, ..."""
    cover_state_words: tuple[tuple[str, str], ...] = DEFAULT_COVER_STATE_WORDS
    """A document's state as its cover writes it (受控状态): draft 草稿, released 受控, ..."""
    kpi_columns: tuple[tuple[str, float], ...] = DEFAULT_KPI_COLUMNS
    """The header and relative width of each column of a KPI table."""
    activity_columns: tuple[tuple[str, float], ...] = DEFAULT_ACTIVITY_COLUMNS
    """The header and relative width of each column of an activity table."""
    kpi_fields: tuple[tuple[str, str], ...] | None = None
    """The KPI fields a KPI table shows when it names none, each with its header word ("" for
    the field's own); None: the columns of kpi_columns."""

    def heading_number(self, numbers: tuple[int, ...]) -> str:
        """Return the label of the heading at `numbers`: (4, 1, 1) -> 4.1.1."""
        depth = min(len(numbers), len(self.heading_levels))
        formats = list(self.heading_formats) + ["decimal"] * len(numbers)
        return label_text(self.heading_levels[depth - 1], list(numbers), formats)

    def heading_labels(self, sequence: Iterable[tuple[int, ...]]) -> list[str]:
        """Return the label of each heading of a document, given the numbers of all of them in
        document order: articles that run on through the chapters count on (第七条)."""
        if not self.articles_run_on:
            return [self.heading_number(numbers) for numbers in sequence]
        labels, articles = [], 0
        for numbers in sequence:
            articles += len(numbers) == 2
            shown = numbers[:1] + (articles,) + numbers[2:] if len(numbers) > 1 else numbers
            labels.append(self.heading_number(shown))
        return labels

    def heading_separator(self, level: int) -> str:
        """Return what stands between a heading's label and its title at `level` (1-based):
        a space, or nothing where the label ends in its own mark (一、目的)."""
        suffixes = self.heading_suffixes
        return "" if suffixes[min(level, len(suffixes)) - 1] == "nothing" else " "

    def heading_lists(self) -> tuple[tuple[tuple[str, str, str], ...], ...]:
        """Return the Word lists that number the heading levels, each a tuple of levels
        (numFmt, lvlText, suffix) bound to the next heading styles in order: one list, or
        the chapters' and the run-on articles' (whose lvlText counts from %1 again)."""
        levels = tuple(zip(self.heading_formats, self.heading_levels, self.heading_suffixes,
                           strict=True))
        if not self.articles_run_on:
            return (levels,)
        articles = tuple((number_format, _shift_levels(text), suffix)
                         for number_format, text, suffix in levels[1:])
        return levels[:1], articles

    def heading_line(self, numbers: tuple[int, ...], title: str) -> str:
        """Return a heading as a table of contents lists it: 4.1.1. 人员招聘计划."""
        return f"{self.heading_number(numbers)}{self.heading_separator(len(numbers))}{title}"

    def caption_number(self, number: tuple[int, int]) -> str:
        """Return a table's number from (chapter, place in chapter): (4, 1) -> 表4-1."""
        chapter, place = number
        return self.caption_format.format(chapter=chapter, number=place)

    def date(self, value: dt.date, pattern: str | None = None) -> str:
        """Return `value` written in `pattern`, or in the house's date format."""
        return format_date(value, pattern or self.date_format)

    def house_date(self, value: dt.date) -> HouseDate:
        """Return `value` as a date that prints in the house's format."""
        return HouseDate(value.year, value.month, value.day, self.date_format)

    def join(self, items: Iterable[Any]) -> str:
        """Return `items` joined by the house's list separator: 运维部、质量部."""
        return self.list_separator.join(str(item) for item in items)

    def listing(self, items: Iterable[str]) -> Listing:
        """Return `items` as a list that prints joined by the house's separator."""
        return Listing(items, self.list_separator)

    def state_word(self, state: str) -> str:
        """Return the register's word for a document state: draft -> 草稿."""
        return dict(self.state_words)[state]

    def cover_state_word(self, state: str) -> str:
        """Return the cover's word for a document state (受控状态): released -> 受控."""
        return dict(self.cover_state_words)[state]

    def excel_date_format(self) -> str:
        """Return the house's date format as an Excel number format: yyyy.mm.dd."""
        parts = []
        position = 0
        for match in _DIRECTIVE.finditer(self.date_format):
            parts.append(_excel_literal(self.date_format[position:match.start()]))
            parts.append(_EXCEL_CODES.get(match.group(1) + match.group(2), ""))
            position = match.end()
        parts.append(_excel_literal(self.date_format[position:]))
        return "".join(parts)


DEFAULT_STYLE = HouseStyle()


class HouseDate(dt.date):
    """A date that prints in a house format, so a template's {{ r.date }} shows 2025.01.07.

    It is still a date: templates may compare it, take its .year, or format it otherwise
    with the `date` filter.
    """

    pattern: str

    def __new__(cls, year: int, month: int, day: int,
                pattern: str = DEFAULT_STYLE.date_format) -> HouseDate:
        value = super().__new__(cls, year, month, day)
        value.pattern = pattern
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return HouseDate, (self.year, self.month, self.day, self.pattern)

    def __str__(self) -> str:
        return format_date(self, self.pattern)

    def __html__(self) -> str:
        return str(escape(str(self)))


class Listing(tuple):
    """Items (departments, processes) that print joined by the house's list separator."""

    separator: str

    def __new__(cls, items: Iterable[str] = (), separator: str = "、") -> Listing:
        listing = super().__new__(cls, items)
        listing.separator = separator
        return listing

    def __reduce__(self) -> tuple[Any, ...]:
        return Listing, (tuple(self), self.separator)

    def __str__(self) -> str:
        return self.separator.join(self)


def format_date(value: dt.date, pattern: str) -> str:
    """Return `value` in the strftime-like `pattern`; %-m and %-d drop the leading zero
    on every platform, %Y %m %d are strftime's, any other directive goes to strftime."""
    def directive(match: re.Match[str]) -> str:
        flag, code = match.groups()
        if code == "%":
            return "%"
        if code in "Ymd":
            number = {"Y": value.year, "m": value.month, "d": value.day}[code]
            return str(number) if flag or code == "Y" else f"{number:02d}"
        return value.strftime(f"%{code}")
    return _DIRECTIVE.sub(directive, pattern)


def template_filters(style: HouseStyle) -> dict[str, Any]:
    """Return the filters a Word template may use: date and number, in `style`."""

    def date(value: dt.date | str, pattern: str | None = None) -> str:
        """{{ r.date | date }} in the house format, {{ r.date | date('%Y年%-m月%-d日') }};
        a date left out stays empty."""
        if value == "":
            return ""
        if pattern is None and isinstance(value, HouseDate):
            return str(value)
        return style.date(value, pattern)

    def number(value: int | tuple[int, ...], number_format: str | None = None) -> str:
        """{{ n | number('chineseCounting') }} gives 十二; a tuple of heading numbers gives
        the house's heading label, (4, 1) -> 4.1."""
        if isinstance(value, tuple):
            return style.heading_number(value)
        return format_number(int(value), number_format or "decimal")

    return {"date": date, "number": number}


def _shift_levels(text: str) -> str:
    """Return a w:lvlText one level up: "第%2条" -> "第%1条" (a list of the level's own)."""
    return re.sub(r"%([2-9])", lambda match: f"%{int(match.group(1)) - 1}", text)


_EXCEL_CODES = {"Y": "yyyy", "y": "yy", "m": "mm", "-m": "m", "d": "dd", "-d": "d", "%": "%"}


def _excel_literal(text: str) -> str:
    # Excel reads letters in a number format as codes; quoting keeps them as written.
    return f'"{text}"' if text and not re.fullmatch(r"[ .\-/:,]*", text) else text
