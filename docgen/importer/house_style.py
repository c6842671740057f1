"""The house style a Word body is written in, in org.yaml's `style:` terms.

Each setting is read from what the original shows, and given only where it shows some:
`headings` from the numbers its headings carry (1. / 1 / 一、 / 第一章), `numbered_lists`
and `bullets` from the labels its lists use most, `captions` from how its tables are
captioned and on which side, `dates` from the dates its body and tables write, as the
example 7 January 2025 (docgen.style_options.EXAMPLE_DAY) would be written. A setting
read from little, or from a document that is not consistent, is guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from docgen.catalogue import import_body as said
from docgen.importer.captions import Caption
from docgen.importer.lists import Item
from docgen.importer.model import DataPath
from docgen.importer.outline import Heading
from docgen.messages import Message
from docgen.style_options import BULLETS, NUMBERED_LIST_FORMATS, date_pattern

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
    """Return the heading scheme the top two levels' numbers show; mixed also when a
    deeper level's numbers end otherwise (6.4.1 under 6.4.), as docgen prints them all
    in the one scheme."""
    votes: Counter[str] = Counter()
    deeper: set[str] = set()
    for heading in headings:
        if not heading.shown:
            continue
        scheme = _scheme_of(heading)
        if scheme and heading.level > 2:
            deeper.add(scheme)
        elif scheme:
            votes[scheme] += 1
    found = _most(list(votes.elements()), votes)
    if found is not None and found[1] is None and deeper - {found[0]} and \
            found[0] in ("1", "1."):
        return found[0], said.STYLE_MIXED(chosen=found[0])
    return found


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
