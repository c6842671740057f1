"""Which paragraphs of a Word body are headings, at which level, under which title.

A paragraph is a heading when its style or outline level says so (heading 2, 标题 2, a
house style with an outline level), whatever its number. A paragraph of body text
with a number before it ("4.1.1 人才招聘计划", "一、总体目标", "第一章 总则") is one only
when the evidence agrees: its text is short and ends without 。；， and it stands out
(bold, larger, 黑体, centred) or its number continues the outline where a heading of
its kind was due; a number path such as 4.1.1 is outline evidence by itself. An article
(第三条) is always a heading: 管理制度 number their paragraphs so, and the text after
the number is the article's body unless it is a title.

The level comes from the kind of number, never from the look alone: 4.1.1 is deeper
than 4.1; a kind first seen under another is deeper than it (一、 then （一） then 1.
then （1）, as GB/T 9704 has it); 第一章 holds 第一节 holds 第一条. Headings by style are
ranked by their outline level, and typed ones fall in under them.

Numbers that skip or repeat (4.1 then 4.3) are noted with the number the original
printed, so that what the checks would have found is not lost: docgen numbers headings
itself, and a section has no key for a number of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from docgen.catalogue import import_body as said
from docgen.importer.labels import Label, label_of, read_label
from docgen.importer.model import WordBlock, WordParagraph
from docgen.messages import Message
from docgen.wordml.number_formats import format_number

# Fonts that set a line apart from the body's 宋体 / 仿宋: headings in 黑体, GB/T 9704's
# second level in 楷体, titles in 小标宋.
_DISPLAY_FONTS = ("黑体", "simhei", "雅黑", "yahei", "方正黑", "小标宋", "华文黑", "思源黑",
                  "source han sans", "noto sans cjk", "楷体", "kaiti", "华文楷", "等线")
_SENTENCE_END = "。；;，,！？!?…、"
_TITLE_LENGTH = 40
_RANKS = {"chapter": ("statute", 0), "part": ("statute", 1), "article": ("statute", 2),
          "chinese": ("chinese", 0), "paren_chinese": ("chinese", 1)}
_SPACES = " \t\u3000\u00a0"

Kind = tuple[str | int, ...]
# 第七条规定的…, 第七条所述…: a sentence that cites an article, not an article.
_CITING = re.compile(r"^(?:规定|所|的|中|之|至|或|和|及|与|第|款|项|、|，|,)")
_NAMED_ARTICLE = re.compile(r"^(?:【([^】]{1,12})】|([^\s：:，。；、]{1,4})[：:])")


@dataclass(frozen=True)
class Baseline:
    """How the body's running text looks: its usual size and East Asian font."""

    size: float | None
    font: str


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
class _Candidate:
    position: int
    paragraph: WordParagraph
    label: Label | None
    shown: str
    rest: str
    kind: Kind
    typed: bool
    strong: bool
    title_like: bool


def baseline(paragraphs: Sequence[WordParagraph]) -> Baseline:
    """Return the look of most of the running text (paragraphs of 20 characters or more)."""
    looks: Counter[tuple[float | None, str]] = Counter()
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        if len(text) >= 20 and not paragraph.outline_level and not paragraph.toc_entry:
            looks[(paragraph.size, paragraph.east_asian_font)] += len(text)
    if not looks:
        return Baseline(None, "")
    (size, font), _count = looks.most_common(1)[0]
    return Baseline(size, font)


def stands_out(paragraph: WordParagraph, body: Baseline) -> bool:
    """Whether a paragraph looks set apart from the running text: bold, larger, centred,
    or in a display font the body is not in."""
    if paragraph.bold or paragraph.alignment in ("center", "distribute"):
        return True
    if paragraph.size and body.size and paragraph.size > body.size + 0.4:
        return True
    font = paragraph.east_asian_font.lower()
    return bool(font) and font != body.font.lower() and \
        any(name in font for name in _DISPLAY_FONTS)


def title_like(text: str) -> bool:
    """Whether `text` reads as a title: short, and no sentence ends in it."""
    text = text.rstrip("：:")
    return 0 < len(text) <= _TITLE_LENGTH and text[-1] not in _SENTENCE_END and \
        "。" not in text and "；" not in text


def find_headings(blocks: Sequence[WordBlock]) -> dict[int, Heading]:
    """Return the headings among `blocks` (a Word body), by their place in it."""
    paragraphs = [(position, block) for position, block in enumerate(blocks)
                  if isinstance(block, WordParagraph) and block.text.strip()
                  and not block.toc_entry]
    body = baseline([paragraph for _position, paragraph in paragraphs])
    candidates = [candidate for position, paragraph in paragraphs
                  if (candidate := _candidate(position, paragraph, body)) is not None]
    proven = {_source(candidate) for candidate in candidates if candidate.strong}
    outline = _Outline()
    headings: dict[int, Heading] = {}
    for candidate in candidates:
        if not candidate.strong and not (candidate.title_like and _source(candidate) in proven
                                         and outline.continues(candidate)):
            continue
        headings[candidate.position] = outline.add(candidate)
    return headings


def _candidate(position: int, paragraph: WordParagraph, body: Baseline) -> _Candidate | None:
    text = paragraph.text.strip(_SPACES)
    if paragraph.label and paragraph.numbering_format != "bullet":
        label, shown, rest, typed = label_of(paragraph.label), paragraph.label, text, False
        typed_too = read_label(text)
        if label and typed_too and typed_too.numbers == label.numbers:
            rest = text[typed_too.end:].strip(_SPACES)  # the number typed after Word's own
    else:
        label = read_label(text)
        if label is not None and label.kind == "bullet":
            label = None
        shown = label.written if label else ""
        rest = text[label.end:].strip(_SPACES) if label else text
        typed = label is not None
    if not rest:
        return None
    kind: Kind = _kind_of(label, paragraph.outline_level)
    looks_like_title = title_like(rest) and (not rest.endswith(("：", ":"))
                                            or stands_out(paragraph, body))
    if paragraph.outline_level:
        strong = True
    elif label is None:
        return None
    elif label.kind == "article":
        if not _spaced(text, label) and _CITING.match(rest):
            return None  # 第七条规定的…: a sentence citing an article
        strong = _spaced(text, label) or paragraph.bold
        looks_like_title = True
    elif label.kind in ("chapter", "part") or label.kind == "decimal" and label.depth > 1:
        strong = looks_like_title  # 第一章, 4.1.1: numbers only outlines have
    elif label.kind in ("letter", "circled"):
        return None  # list items, never headings
    else:
        strong = looks_like_title and stands_out(paragraph, body)
    return _Candidate(position, paragraph, label, shown.strip(), rest, kind, typed, strong,
                      looks_like_title)


def _kind_of(label: Label | None, outline_level: int) -> Kind:
    if label is None:
        return ("outline", outline_level)
    if label.kind == "decimal":  # 1 / 1. / 1、 are kinds of their own; 4.1 and 4.1. one
        return ("decimal", label.depth, label.form if label.depth == 1 else "")
    return (label.kind,)


def _source(candidate: _Candidate) -> tuple[Kind, str]:
    """Return the kind of a candidate and where its number comes from: Word's list (so
    that a list of Word's own is not taken for the headings' list) or the typing."""
    return candidate.kind, candidate.paragraph.numbering_list if not candidate.typed \
        else "typed"


def _spaced(text: str, label: Label) -> bool:
    """Whether something (a space, a colon) separates the label from the text after it."""
    after = len(label.written)
    return after < len(text) and text[after] in _SPACES + ":："


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


class _Outline:
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

    def _due(self, candidate: _Candidate, depth: int) -> tuple[int, ...] | None:
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

    def continues(self, candidate: _Candidate) -> bool:
        """Whether the candidate's number is the one due where it would stand."""
        depth = self._depth(candidate.kind, 0)
        return candidate.label is not None and \
            self._due(candidate, depth) == candidate.label.numbers

    def add(self, candidate: _Candidate) -> Heading:
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
