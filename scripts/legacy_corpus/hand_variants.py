"""How each person typed each document: the untidiness of the hand-typed files.

Each bundled document is typed by someone else, so each gets its own labels on the
cover, its own way of writing dates, its own slips in the heading numbers, a TOC (or
none) that has gone stale, paragraphs run together with manual line breaks, a list
typed on from the one before.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from .source import Heading


def dotted(value: datetime.date) -> str:
    """Return the date as 2025.1.7."""
    return f"{value.year}.{value.month}.{value.day}"


def spaced(value: datetime.date) -> str:
    """Return the date as 2025. 1. 7, as the original revision table of 0303 has it."""
    return f"{value.year}. {value.month}. {value.day}"


def chinese(value: datetime.date) -> str:
    """Return the date as 2025年1月7日."""
    return f"{value.year}年{value.month}月{value.day}日"


def padded(value: datetime.date) -> str:
    """Return the date as 2025.01.07."""
    return value.strftime("%Y.%m.%d")


@dataclass(frozen=True)
class HandVariant:
    """How one person typed one document."""

    signers: tuple[str, str, str] = ("编  制", "审  核", "批  准")
    date_labels: tuple[str, str, str] = ("日期", "日期", "日期")
    cover_date: Callable[[datetime.date], str] = padded
    revision_date: Callable[[datetime.date], str] = padded
    toc: str = ""
    """How the stale TOC is typed: "leader" (tab with a dot leader), "dots" (typed ……),
    or "" for none."""
    toc_renamed: dict[str, str] = field(default_factory=dict)
    """Heading lines whose TOC entry says something else (the TOC went stale)."""
    toc_extra: tuple[str, ...] = ()
    """TOC entries that are no heading of the body (a cover line once styled as one)."""
    joined: tuple[str, ...] = ()
    """Headings whose first paragraphs were typed as one, with manual line breaks."""
    continued_list: str = ""
    """The heading whose numbered list goes on from the previous list's numbers instead
    of starting at 1 (typed numbers copied from elsewhere)."""
    heading_line: Callable[[Heading], str] = lambda heading: heading.line


def _no_space_after(numbers: set[str]) -> Callable[[Heading], str]:
    """Return a way of typing headings that leaves out the space after these numbers."""
    return lambda h: f"{h.number}{h.title}" if h.number in numbers else h.line


def _without_final_dot(levels: set[int]) -> Callable[[Heading], str]:
    """Return a way of typing headings that drops the final dot at these levels."""
    return lambda h: (f"{h.number.rstrip('.')} {h.title}" if h.level in levels else h.line)


VARIANTS = {
    "YNTD-ITSS-0303": HandVariant(
        cover_date=padded, revision_date=spaced, toc="leader",
        toc_renamed={"4.1.1. 人才招聘计划": "4.1.1. 人员招聘计划"},
        toc_extra=("文件编制和变更履历",),
        joined=("4.1.1. 人才招聘计划",), continued_list="4.4.5. 问题管理",
        heading_line=_no_space_after({"4.4.10."})),
    "YNTD-ITSS-0417": HandVariant(
        signers=("拟  制", "审  核", "审  批"), cover_date=dotted,
        heading_line=_without_final_dot({2})),
    "YNTD-ITSS-0600": HandVariant(
        signers=("编制人", "审核人", "批准人"), date_labels=("编制时间", "审核时间", "审批时间"),
        cover_date=chinese, toc="dots", joined=("5.3. 过程执行部门",),
        heading_line=_without_final_dot({3})),
    "XLSJ-ZD-001": HandVariant(cover_date=chinese, revision_date=chinese, toc="dots"),
}
