"""The outline a Word body's headings make, as it is read: the level of each heading,
the number due where it stands, and its title.

The level comes from the kind of number, never from the look alone: 4.1.1 is deeper
than 4.1; a kind first seen under another is deeper than it (一、 then （一） then 1.
then （1）, as GB/T 9704 has it); 第一章 holds 第一节 holds 第一条. Headings by style are
ranked by their outline level, and typed ones fall in under them.

Numbers that skip or repeat (4.1 then 4.3) are noted with the number the original
printed, so that what the checks would have found is not lost: docgen numbers headings
itself, and a section has no key for a number of its own. Articles (第一条) count on
through the chapters, or afresh in each, as a 制度 chooses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docgen.catalogue import import_body as said
from docgen.importer.labels import Label
from docgen.importer.model import WordParagraph
from docgen.messages import Message
from docgen.wordml.number_formats import format_number

Kind = tuple[str | int, ...]
"""What kind of number a heading carries: ("decimal", 2, ""), ("chinese",), ("article",),
or ("outline", 2) for a heading by style without a number."""

_SENTENCE_END = "。；;，,！？!?…、"
_TITLE_LENGTH = 40
_SPACES = " \t\u3000\u00a0"
_RANKS = {"chapter": ("statute", 0), "part": ("statute", 1), "article": ("statute", 2),
          "chinese": ("chinese", 0), "paren_chinese": ("chinese", 1)}
_NAMED_ARTICLE = re.compile(r"^(?:【([^】]{1,12})】|([^\s：:，。；、]{1,4})[：:])")


@dataclass
class Heading:
    """A paragraph read as a heading."""

    position: int
    """Its place in the blocks given."""
    level: int
    """1 for the top level; deeper than 4 is kept as a bold paragraph by the body."""
    title: str
    shown: str
    """The number the original shows before it: 4.1.1, 第三条, （一）; "" for none."""
    kind: Kind
    numbers: tuple[int, ...] = ()
    body: str = ""
    """An article's text after its number, when that is a sentence rather than a title."""
    notes: list[Message] = field(default_factory=list)
    """What was only guessed about it, to be recorded at its title."""


@dataclass
class Candidate:
    """A paragraph that may be a heading, and the evidence for it."""

    position: int
    paragraph: WordParagraph
    label: Label | None
    shown: str
    """Its number as the original shows it (Word's label, or the typed one)."""
    rest: str
    """Its text after the number."""
    kind: Kind
    typed: bool
    """Whether the number is typed rather than Word's."""
    strong: bool
    """Whether the evidence makes it a heading wherever it stands."""
    title_like: bool


def title_like(text: str) -> bool:
    """Whether `text` reads as a title: short, and no sentence ends in it."""
    text = text.rstrip("：:")
    return 0 < len(text) <= _TITLE_LENGTH and text[-1] not in _SENTENCE_END and \
        "。" not in text and "；" not in text


def _rank(kind: Kind) -> tuple[str, int]:
    if kind[0] in ("decimal", "outline"):
        return str(kind[0]), int(kind[1])
    return _RANKS.get(str(kind[0]), (str(kind[0]), 0))


@dataclass
class _Entry:
    kind: Kind
    style_level: int
    numbers: tuple[int, ...]
    shown: str


class Outline:
    """The headings open at the current place, outermost first, as the body is read."""

    def __init__(self) -> None:
        self.open: list[_Entry] = []
        self.last_article = 0
        self.article_parent: _Entry | None = None
        self.first_of_kind: set[Kind] = set()

    def _depth(self, kind: Kind, style_level: int) -> int:
        """Return how many open headings a heading of `kind` stays under."""
        depth = len(self.open)
        if style_level:
            while depth and (not self.open[depth - 1].style_level
                             or self.open[depth - 1].style_level >= style_level):
                depth -= 1
            return depth
        same = [index for index, entry in enumerate(self.open) if entry.kind == kind]
        if same:
            return same[-1]
        if kind[0] == "decimal":  # 4.1.1 goes under the open 4.1 (or 4), whatever is between
            under = [index for index, entry in enumerate(self.open)
                     if entry.kind[0] == "decimal" and int(entry.kind[1]) < int(kind[1])]
            if under:
                return under[-1] + 1
        family, rank = _rank(kind)
        # Shallower kinds of the family close; one of the same rank but another form
        # (1. under 1) stands under it.
        while depth and not self.open[depth - 1].style_level and \
                _rank(self.open[depth - 1].kind)[0] == family and \
                _rank(self.open[depth - 1].kind)[1] > rank:
            depth -= 1
        return depth

    def _due(self, candidate: Candidate, depth: int) -> tuple[int, ...] | None:
        """Return the numbers a heading of this kind was due to carry here."""
        label = candidate.label
        if label is None or not label.numbers:
            return None
        if label.kind == "article":
            parent = self.open[depth - 1] if depth else None
            if label.value == 1 and parent is not self.article_parent:
                return (1,)  # articles counted afresh in each chapter, as some 制度 do
            return (self.last_article + 1,)
        sibling = self.open[depth] if depth < len(self.open) else None
        parent = self.open[depth - 1] if depth else None
        if sibling is not None and sibling.kind == candidate.kind and sibling.numbers:
            return (*sibling.numbers[:-1], sibling.numbers[-1] + 1)
        if label.kind == "decimal" and label.depth > 1:
            if parent is not None and parent.kind[:2] == ("decimal", label.depth - 1):
                return (*parent.numbers, 1)
            return (*label.numbers[:-1], 1)
        return (1,)

    def continues(self, candidate: Candidate) -> bool:
        """Whether the candidate's number is the one due where it would stand."""
        depth = self._depth(candidate.kind, 0)
        return candidate.label is not None and \
            self._due(candidate, depth) == candidate.label.numbers

    def add(self, candidate: Candidate) -> Heading:
        """Open the candidate as a heading; return it."""
        style_level = candidate.paragraph.outline_level
        depth = self._depth(candidate.kind, style_level)
        due = self._due(candidate, depth)
        label = candidate.label
        heading = Heading(candidate.position, depth + 1, _one_line(candidate.rest.rstrip("：:")),
                          candidate.shown, candidate.kind, label.numbers if label else ())
        if label is not None and due is not None and due != label.numbers:
            heading.notes.append(said.HEADING_NUMBER_BREAK(
                written=candidate.shown, due=relabel(label, due)))
        if label is not None and label.kind == "article":
            self.last_article = label.value
            self.article_parent = self.open[depth - 1] if depth else None
            if not title_like(candidate.rest):
                heading.title, heading.body = article_title(candidate.rest)
                if not heading.title:
                    heading.notes.append(said.ARTICLE_WITHOUT_TITLE(written=candidate.shown))
        if candidate.typed and candidate.kind not in self.first_of_kind:
            self.first_of_kind.add(candidate.kind)
            heading.notes.append(said.TYPED_HEADINGS(written=candidate.shown,
                                                     level=depth + 1))
        del self.open[depth:]
        self.open.append(_Entry(candidate.kind, style_level, heading.numbers, candidate.shown))
        return heading


def _one_line(title: str) -> str:
    """Return a title broken by hand on one line: Chinese joined, Latin with a space."""
    lines = [line.strip(_SPACES) for line in title.split("\n") if line.strip(_SPACES)]
    joined = lines[0] if lines else ""
    for line in lines[1:]:
        wide = joined[-1] > "\u2e80" and line[0] > "\u2e80"
        joined += ("" if wide else " ") + line
    return joined


def article_title(text: str) -> tuple[str, str]:
    """Return an article's title and body: "【目的】为…" and "目的：为…" name their
    subject first; a sentence alone has no title."""
    named = _NAMED_ARTICLE.match(text)
    if named:
        return (named.group(1) or named.group(2)).strip(), text[named.end():].strip(_SPACES)
    return "", text


def relabel(label: Label, numbers: tuple[int, ...]) -> str:
    """Return `label` as it would be written with `numbers`: 4.3 → 4.2, 第五条 → 第四条."""
    if label.kind == "decimal" and label.depth > 1:
        ending = label.written[len(label.written.rstrip(".．、")):]
        return ".".join(str(number) for number in numbers) + ending
    written = label.written
    digits = "".join(char for char in written if char.isdigit())
    if digits:
        return written.replace(digits, str(numbers[-1]), 1)
    old = format_number(label.value, "chineseCounting")
    return written.replace(old, format_number(numbers[-1], "chineseCounting"), 1)
