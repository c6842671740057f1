"""The choices a house style offers in YAML, and the HouseStyle each choice makes.

org.yaml (and a document, key by key) says how its documents look in a few words a
quality manager can read: `headings: chapters`, `numbered_lists: "1、"`, `bullets: "■"`,
`captions: {numbering: none}`, `dates: 2025年1月7日`. This module holds what each word
means, as the fields of docgen.style.HouseStyle it sets; the content schema takes its
choices from here, so a new scheme is one entry.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from docgen.style import DEFAULT_HEADING_LEVELS, DEFAULT_STYLE, HouseStyle


@dataclass(frozen=True)
class HeadingScheme:
    """How a heading scheme labels the four heading levels, in Word's terms."""

    levels: tuple[str, ...]
    """The w:lvlText of each level: "%1.%2." gives 4.1."""
    formats: tuple[str, ...]
    """The w:numFmt of each level's number."""
    suffixes: tuple[str, ...] = ("space",) * 4
    """What follows each label: space, or nothing (一、 needs no space)."""
    articles_run_on: bool = False
    """Level 2 counts on through the chapters, as a list of its own."""
    example: str = ""
    """What the four levels look like, for the reference."""


DECIMAL = ("decimal",) * 4
HEADING_SCHEMES: dict[str, HeadingScheme] = {
    "1.": HeadingScheme(DEFAULT_HEADING_LEVELS, DECIMAL, example="1. / 1.1. / 1.1.1. / 1.1.1.1."),
    "1": HeadingScheme(("%1", "%1.%2", "%1.%2.%3", "%1.%2.%3.%4"), DECIMAL,
                       example="1 / 1.1 / 1.1.1 / 1.1.1.1"),
    # GB/T 9704-2012 §7.3.3: 一、 （一） 1. （1）.
    "gbt9704": HeadingScheme(("%1、", "（%2）", "%3.", "（%4）"),
                             ("chineseCounting", "chineseCounting", "decimal", "decimal"),
                             ("nothing",) * 4, example="一、 / （一） / 1. / （1）"),
    # 管理制度: 第一章 总则, 第一条 … 第六条, 第二章 …, 第七条; 款 and 项 below the articles.
    "chapters": HeadingScheme(("第%1章", "第%2条", "（%3）", "%4."),
                              ("chineseCounting", "chineseCounting", "chineseCounting",
                               "decimal"),
                              ("space", "space", "nothing", "nothing"), articles_run_on=True,
                              example="第一章 / 第一条 (numbered on through the chapters) / "
                                      "（一） / 1."),
}
# A decimal scheme written as the example of its levels, each with its final dot or without
# (many houses print 1. for chapters and 1.1 below): "1. / 1.1 / 1.1.1 / 1.1.1.1".
DECIMAL_FORM_SEPARATOR = " / "
HEADING_DEPTH = 4
NUMBERED_LIST_FORMATS = ("1.", "1、", "(1)", "（1）", "1)", "①", "a.")
BULLETS = ("•", "➤", "■", "-")
CAPTION_NUMBERING = {"chapter": "表{chapter}-{number}", "document": "表{number}", "none": ""}
CAPTION_POSITIONS = ("above", "below")
# The day every date example shows: 7 January 2025, whose month and day cannot be mistaken
# for each other.
EXAMPLE_DAY = (2025, 1, 7)
_EXAMPLE_PARTS = {"2025": "%Y", "01": "%m", "1": "%-m", "07": "%d", "7": "%-d"}


def heading_scheme(value: str) -> HeadingScheme | None:
    """Return the heading scheme `value` names ("1.", gbt9704) or writes as the example of
    its levels ("1. / 1.1 / 1.1.1", the last form repeated below), or None for neither."""
    if value in HEADING_SCHEMES:
        return HEADING_SCHEMES[value]
    forms = [form.strip() for form in value.split("/")]
    if not 1 <= len(forms) <= HEADING_DEPTH:
        return None
    dots = [form.endswith(".") for form in forms]
    if any(form != _decimal_label(depth, dot)
           for depth, (form, dot) in enumerate(zip(forms, dots, strict=True), 1)):
        return None
    return _decimal_scheme(dots)


def decimal_heading_form(dots: Sequence[bool]) -> str:
    """Return the `headings:` value of a decimal scheme whose levels end in a dot or not, from
    the top: "1." or "1" when they all agree, else the example of each level given:
    [True, False, False] -> "1. / 1.1 / 1.1.1"."""
    if len(set(dots)) == 1:
        return "1." if dots[0] else "1"
    return DECIMAL_FORM_SEPARATOR.join(_decimal_label(depth, dot)
                                       for depth, dot in enumerate(dots, 1))


def _decimal_scheme(dots: Sequence[bool]) -> HeadingScheme:
    """Return the decimal scheme whose levels end in a dot as `dots` says, the last repeated."""
    dots = list(dots) + [dots[-1]] * (HEADING_DEPTH - len(dots))
    levels = tuple(".".join(f"%{number}" for number in range(1, depth + 1)) + "." * dot
                   for depth, dot in enumerate(dots, 1))
    example = DECIMAL_FORM_SEPARATOR.join(_decimal_label(depth, dot)
                                          for depth, dot in enumerate(dots, 1))
    return HeadingScheme(levels, DECIMAL, example=example)


def _decimal_label(depth: int, dot: bool) -> str:
    return ".".join(["1"] * depth) + "." * dot


def date_pattern(example: str) -> str | None:
    """Return the date pattern that writes 7 January 2025 as `example` does, or None:
    "2025年1月7日" -> "%Y年%-m月%-d日", "2025.01.07" -> "%Y.%m.%d"."""
    pieces = re.split(r"(\d+)", example.strip())
    codes = [_EXAMPLE_PARTS.get(piece) for piece in pieces[1::2]]
    if None in codes or sorted(code[-1] for code in codes) != sorted("Ymd"):
        return None
    pattern = [_EXAMPLE_PARTS[piece] if index % 2 else piece.replace("%", "%%")
               for index, piece in enumerate(pieces)]
    return "".join(pattern)


def kpi_field(column: str | Mapping[str, str]) -> tuple[str, str]:
    """Return a KPI table's column as (field, header word, or "" for the field's own):
    "period" -> ("period", ""), {"formula": "计算公式"} -> ("formula", "计算公式")."""
    if isinstance(column, str):
        return column, ""
    ((field, header),) = column.items()
    return field, header or ""


def house_style(settings: Any, base: HouseStyle = DEFAULT_STYLE) -> HouseStyle:
    """Return `base` with the settings a `style:` mapping gives (a mapping, or the schema's
    model of one; keys left out, or None, keep base's): headings, numbered_lists, bullets,
    captions (numbering, position), dates (already a pattern), kpi_columns."""
    if settings is not None and not isinstance(settings, Mapping):
        settings = settings.model_dump()
    if not settings:
        return base
    changes: dict[str, Any] = {}
    scheme_name = settings.get("headings")
    if scheme_name is not None:
        scheme = heading_scheme(scheme_name)
        if scheme is None:  # the schema lets none other through
            raise KeyError(scheme_name)
        changes.update(heading_scheme=scheme_name, heading_levels=scheme.levels,
                       heading_formats=scheme.formats, heading_suffixes=scheme.suffixes,
                       articles_run_on=scheme.articles_run_on)
    if settings.get("numbered_lists") is not None:
        changes["list_format"] = settings["numbered_lists"]
    if settings.get("bullets") is not None:
        changes["bullet"] = settings["bullets"]
    captions = settings.get("captions") or {}
    if captions.get("numbering") is not None:
        numbering = captions["numbering"]
        changes.update(captions_numbered=numbering != "none",
                       captions_restart=numbering == "chapter",
                       caption_format=CAPTION_NUMBERING[numbering] or base.caption_format)
    if captions.get("position") is not None:
        changes["captions_below"] = captions["position"] == "below"
    if settings.get("dates") is not None:
        changes["date_format"] = settings["dates"]
    if settings.get("kpi_columns") is not None:
        changes["kpi_fields"] = tuple(kpi_field(column) for column in settings["kpi_columns"])
    return dataclasses.replace(base, **changes)
