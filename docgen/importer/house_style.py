"""The house style a Word body is written in, in org.yaml's `style:` terms.

Each setting is read from what the original shows, and given only where it shows some:
`headings` from the numbers its headings carry (1. / 1 / 一、 / 第一章; a decimal scheme
level by level, 1. for chapters and 1.1 below as "1. / 1.1"), `numbered_lists`
and `bullets` from the labels its lists use most, `captions` from how its tables are
captioned and on which side, `dates` from the dates its body and tables write, as the
example 7 January 2025 (docgen.style_options.EXAMPLE_DAY) would be written. A setting
read from little, or from a document that is not consistent, is guessed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from docgen.catalogue import import_body as said
from docgen.catalogue import style as style_said
from docgen.importer.captions import Caption
from docgen.importer.lists import Item
from docgen.importer.model import DataPath
from docgen.importer.outline import Heading
from docgen.messages import Message
from docgen.style_options import (
    BULLETS,
    HEADING_DEPTH,
    NUMBERED_LIST_FORMATS,
    date_pattern,
    decimal_heading_form,
)

_DATE = re.compile(
    r"(?<!\d)(20\d\d|19\d\d)(?:(年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"|([./\-])( ?)(\d{1,2})\5 ?(\d{1,2}))(?!\d)")


def house_style(headings: Iterable[Heading], items: Iterable[Item],
                captions: Iterable[Caption], texts: Iterable[str]
                ) -> tuple[dict[str, object], list[tuple[DataPath, Message]]]:
    """Return the style settings the body shows, and the guesses among them."""
    style: dict[str, object] = {}
    guesses: list[tuple[DataPath, Message]] = []
    for key, found in (("headings", _headings(headings)),
                       ("numbered_lists", _most([i.form for i in items if i.ordered],
                                                NUMBERED_LIST_FORMATS)),
                       ("bullets", _most([i.form for i in items if not i.ordered], BULLETS)),
                       ("captions", _captions(list(captions))),
                       ("dates", _dates(texts))):
        if found is None:
            continue
        value, note = found
        style[key] = value
        if note is not None:
            guesses.append((("style", key), note))
    return style, guesses


def _most(forms: list[str], allowed: Iterable[str]) -> tuple[str, Message | None] | None:
    counts = Counter(form for form in forms if form in allowed)
    if not counts:
        return None
    (form, count), = counts.most_common(1)
    if count < sum(counts.values()):
        return form, said.STYLE_MIXED(chosen=form)
    return form, said.STYLE_SCANT(chosen=form) if count == 1 else None


def _headings(headings: Iterable[Heading]) -> tuple[str, Message | None] | None:
    """Return the heading scheme the top two levels' numbers show; a decimal one with each
    level's final dot as that level's numbers show it ("1. / 1.1 / 1.1.1" when they differ,
    "1." or "1" when all agree), a guess when the numbers of one level differ."""
    families: Counter[str] = Counter()
    decimal: dict[int, Counter[bool]] = defaultdict(Counter)
    examples: dict[tuple[int, bool], str] = {}
    for heading in headings:
        scheme = _scheme_of(heading) if heading.shown else ""
        if not scheme:
            continue
        family = "decimal" if scheme in ("1", "1.") else scheme
        if family == "decimal" and int(heading.kind[1]) <= HEADING_DEPTH:
            dotted = scheme == "1."
            decimal[int(heading.kind[1])][dotted] += 1
            examples.setdefault((int(heading.kind[1]), dotted), heading.shown)
        if heading.level <= 2:
            families[family] += 1
    if not families:
        return None
    (family, count), = families.most_common(1)
    if family != "decimal":
        return _most(list(families.elements()), families)
    dots = _level_dots(decimal)
    chosen = decimal_heading_form(dots)
    mixed = sorted(depth for depth, counts in decimal.items() if len(counts) > 1)
    if mixed:
        depth = mixed[0]
        return chosen, style_said.HEADING_LEVEL_MIXED(
            chosen=chosen, level=depth, examples=[examples[depth, True], examples[depth, False]])
    if count < sum(families.values()):
        return chosen, said.STYLE_MIXED(chosen=chosen)
    return chosen, said.STYLE_SCANT(chosen=chosen) if count == 1 else None


def _level_dots(decimal: dict[int, Counter[bool]]) -> list[bool]:
    """Return whether each decimal level's numbers end in a dot, from the top to the deepest
    shown, as most of them do; a level not shown ends as the one above it (the top as the
    first shown)."""
    deepest = max(decimal)
    dots: list[bool] = []
    for depth in range(1, deepest + 1):
        counts = decimal.get(depth)
        if counts:
            dots.append(counts.most_common(1)[0][0])
        else:
            dots.append(dots[-1] if dots else
                        decimal[min(decimal)].most_common(1)[0][0])
    return dots


def _scheme_of(heading: Heading) -> str:
    """Return the scheme a heading's number belongs to ("" for none)."""
    kind = str(heading.kind[0])
    if kind in ("chapter", "article"):
        return "chapters"
    if kind in ("chinese", "paren_chinese"):
        return "gbt9704"
    if kind == "decimal" and heading.shown[-1].isdigit():
        return "1"
    if kind == "decimal" and heading.shown.endswith((".", "．")):
        return "1."
    return ""


def _captions(captions: list[Caption]) -> tuple[dict[str, str], Message | None] | None:
    if not captions:
        return None
    numbered = [caption for caption in captions if caption.number is not None]
    if not numbered:
        numbering = "none"
    else:
        chapters = sum(1 for caption in numbered if caption.chapter is not None)
        numbering = "chapter" if chapters * 2 >= len(numbered) else "document"
    below = sum(1 for caption in captions if caption.below)
    position = "below" if below * 2 > len(captions) else "above"
    mixed = (numbered and 0 < len(numbered) < len(captions)) or 0 < below < len(captions)
    note = said.CAPTIONS_MIXED(numbering=numbering, position=position) if mixed \
        or all(caption.guessed for caption in captions) else None
    return {"numbering": numbering, "position": position}, note


def _dates(texts: Iterable[str]) -> tuple[str, Message | None] | None:
    """Return how the body writes dates, as 7 January 2025 would be: 2025.01.07 …"""
    forms: Counter[tuple[str, str]] = Counter()
    padding: Counter[bool] = Counter()
    for text in texts:
        for match in _DATE.finditer(text):
            if match.group(2):
                separator, month, day = "年", match.group(3), match.group(4)
            else:
                separator, month, day = match.group(5) + match.group(6), match.group(7), \
                    match.group(8)
            if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
                continue
            forms[(separator, "")] += 1
            for part in (month, day):
                if int(part) < 10:
                    padding[len(part) == 2] += 1
    if not forms:
        return None
    ((separator, _), count), = forms.most_common(1)
    padded = padding[True] > padding[False] if padding else separator in (".", "-")
    month, day = ("01", "07") if padded else ("1", "7")
    example = f"2025年{month}月{day}日" if separator == "年" else \
        f"2025{separator}{month}{separator}{day}"
    if date_pattern(example) is None:
        return None
    weak = count < sum(forms.values()) or not padding or \
        (padding[True] and padding[False]) or sum(forms.values()) < 2
    return example, said.DATES_GUESSED(example=example) if weak else None


def date_style(texts: Iterable[str]) -> tuple[str, Message | None] | None:
    """Return how `texts` (a cover's, a revision table's) write dates, as the example of
    7 January 2025 that `dates:` takes, and a note when that is a guess; None if they
    write none."""
    return _dates(texts)
