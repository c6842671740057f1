"""Table numbers: a number used by two tables (STRUCT-CAPTION-DUPLICATE), and references
by number (如表3-3所示, 详见表3-3) checked against the tables' numbers and subjects.

A reference is checked against the subject its sentence gives: '研发经费投入计划如表3-3
所示' points at the wrong table when 表3-3 is the 人员配置表 and 表3-4 the 研发经费投入计划表.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from docgen.catalogue import checks_captions as says
from docgen.checks.context import CheckContext, Fragment, normalize
from docgen.checks.findings import Defect, Severity
from docgen.checks.registry import rule
from docgen.content.model import ResolvedDocument, Where, Within, place
from docgen.errors import Location

# A caption is short and is not a sentence: 表1-1所列人员均需持证上岗。 cites a table.
CAPTION_REST = r"[^，。；：,;:]{0,30}"
LITERAL_CAPTION = re.compile(rf"^\s*表\s*(\d+)\s*[-－.．]\s*(\d+)\s*(?P<rest>{CAPTION_REST})$")
TABLE_REFERENCE = re.compile(r"表\s*(?P<chapter>\d+)\s*[-－.．]\s*(?P<place>\d+)(?![\d.．])")
_CLAUSE = re.compile(r"[，,。；;：:（）()]")
# Words that say where to look, or that any table could be the subject of.
_REFERENCE_WORDS = re.compile(
    r"如下|如|所示|所列|详见|参见|参照|具体|见|列出了?|列明|列示|给出|中|及|和|下表|上表|"
    r"\d+年|年度|计划|安排|情况|内容|相关|有关|详细|明细|清单|一览|汇总|各项|表|由|负责|落实")


@dataclass(frozen=True)
class Captioned:
    """A table with a number: its chapter, place, subject (caption), and where."""

    chapter: int
    number: int
    subject: str
    where: Where
    how: str  # "rendered" (numbered by the renderer) or "written" (number typed in)

    @property
    def location(self) -> Location:
        return place(self.where)

    @property
    def label(self) -> str:
        return f"表{self.chapter}-{self.number}"


def captioned_tables(context: CheckContext, document: ResolvedDocument) -> list[Captioned]:
    """Return every table number the document prints: those the renderer gives captions,
    those captions were imported with, and those written into paragraphs that stand as
    captions (in no particular order: placing them costs a parse of the file)."""
    found = []
    for block in document.tables:
        if block.caption_number is None:
            continue
        where = Within(block.source, ("caption",))
        if block.written_number is None:
            found.append(Captioned(*block.caption_number, block.caption or "", where, "rendered"))
        elif re.fullmatch(CAPTION_REST, block.caption or ""):
            found.append(Captioned(*block.caption_number, block.caption or "", where, "written"))
    for fragment in context.texts[document.number]:
        if fragment.kind == "paragraph":
            match = LITERAL_CAPTION.match(fragment.text)
            if match:
                found.append(Captioned(int(match.group(1)), int(match.group(2)),
                                       match.group("rest"), fragment.where, "written"))
    return found


def _in_file_order(tables: list[Captioned]) -> list[Captioned]:
    return sorted(tables, key=lambda table: (table.location.line, table.location.column))


def duplicates(tables: list[Captioned]) -> dict[tuple[int, int], list[Captioned]]:
    """Return the tables of each number that two or more tables print, in file order."""
    by_number: dict[tuple[int, int], list[Captioned]] = {}
    for table in tables:
        by_number.setdefault((table.chapter, table.number), []).append(table)
    return {number: _in_file_order(group) for number, group in by_number.items()
            if len(group) > 1}


@rule("STRUCT-CAPTION-DUPLICATE", family="structure", severity=Severity.ERROR,
      summary="no two tables of a document print the same number (表3-2)")
def caption_duplicates(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        tables = captioned_tables(context, document)
        for group in duplicates(tables).values():
            first = group[0]
            for table in group[1:]:
                yield Defect(document.number, table.location,
                             says.CAPTION_DUPLICATE(number=table.label, caption=table.subject,
                                                    other=first.subject,
                                                    line=first.location.line))


def _bigrams(text: str) -> set[str]:
    text = _REFERENCE_WORDS.sub(" ", normalize(text))
    return {text[i:i + 2] for i in range(len(text) - 1) if " " not in text[i:i + 2]}


def fit(subject: set[str], caption: str) -> float:
    """Return how much of a sentence's subject a caption or title speaks of (0 to 1)."""
    return len(subject & _bigrams(caption)) / len(subject) if subject else 0.0


def subject_of(text: str, match: re.Match[str]) -> set[str]:
    """Return the words of the subject a sentence gives the table it cites."""
    start = max((m.end() for m in _CLAUSE.finditer(text, 0, match.start())), default=0)
    following = _CLAUSE.search(text, match.end())
    end = following.start() if following else len(text)
    words = _bigrams(text[start:match.start()] + " " + text[match.end():end])
    if not words and start > 0:  # 2025年研发经费投入计划如下，详见表3-3。
        before = max((m.end() for m in _CLAUSE.finditer(text, 0, start - 1)), default=0)
        words = _bigrams(text[before:start - 1])
    return words


def table_references(document: ResolvedDocument, fragment: Fragment,
                     tables: list[Captioned]) -> Iterator[Defect]:
    """Yield a defect for each table the fragment cites by a number that no table has,
    that two tables have, or that belongs to a table of another subject."""
    by_number: dict[tuple[int, int], list[Captioned]] = {}
    for table in tables:
        by_number.setdefault((table.chapter, table.number), []).append(table)
    for match in TABLE_REFERENCE.finditer(fragment.text):
        cited = by_number.get((int(match.group("chapter")), int(match.group("place"))), [])
        label = f"表{match.group('chapter')}-{match.group('place')}"
        if not cited:
            yield Defect(document.number, fragment.location,
                         says.NO_SUCH_TABLE(table=re.sub(r"\s+", "", match.group(0))))
        elif len(cited) > 1:
            cited = _in_file_order(cited)
            yield Defect(document.number, fragment.location,
                         says.AMBIGUOUS_TABLE(table=label, first=cited[0].subject,
                                              first_line=cited[0].location.line,
                                              second=cited[1].subject,
                                              second_line=cited[1].location.line))
        else:
            subject = subject_of(fragment.text, match)
            if not subject or fit(subject, cited[0].subject) >= 0.34:
                continue
            better = max(tables, key=lambda table: fit(subject, table.subject))
            # A subject of one word ('培训') must match another caption wholly.
            enough = 0.5 if len(subject) > 1 else 1.0
            if better is not cited[0] and fit(subject, better.subject) >= enough:
                yield Defect(document.number, fragment.location,
                             says.WRONG_TABLE(table=label, caption=cited[0].subject,
                                              said=said_around(fragment.text, match),
                                              meant=better.label, meant_caption=better.subject))


def said_around(text: str, match: re.Match[str]) -> str:
    """Return the clause of `text` that holds the reference `match`."""
    start = max((m.end() for m in _CLAUSE.finditer(text, 0, match.start())), default=0)
    following = _CLAUSE.search(text, match.end())
    return text[start:following.start() if following else len(text)].strip()
