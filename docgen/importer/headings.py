"""Which paragraphs of a Word body are headings, under which title.

A paragraph is a heading when its style or outline level says so (heading 2, 标题 2, a
house style with an outline level), whatever its number. A paragraph of body text
with a number before it ("4.1.1 人才招聘计划", "一、总体目标", "第一章 总则") is one only
when the evidence agrees: its text is short and ends without 。；， and it stands out
(bold, larger, 黑体, centred) or its number continues the outline where a heading of
its kind was due; a number path such as 4.1.1, or 第一章, is outline evidence by
itself. An article (第三条) is always a heading: 管理制度 number their paragraphs so,
and the text after the number is the article's body unless it is a title. Numbers in
Word's own list of items (a numbering that is not the headings') are never headings.

Their levels and the numbers due are docgen.importer.outline's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from docgen.importer.labels import Label, label_of, read_label
from docgen.importer.model import WordBlock, WordParagraph
from docgen.importer.outline import Candidate, Heading, Kind, Outline, title_like

# Fonts that set a line apart from the body's 宋体 / 仿宋: headings in 黑体, GB/T 9704's
# second level in 楷体, titles in 小标宋.
_DISPLAY_FONTS = ("黑体", "simhei", "雅黑", "yahei", "方正黑", "小标宋", "华文黑", "思源黑",
                  "source han sans", "noto sans cjk", "楷体", "kaiti", "华文楷", "等线")
_SPACES = " \t\u3000\u00a0"
# 第七条规定的…, 第七条所述…: a sentence that cites an article, not an article.
_CITING = re.compile(r"^(?:规定|所|的|中|之|至|或|和|及|与|第|款|项|、|，|,)")


@dataclass(frozen=True)
class Baseline:
    """How the body's running text looks: its usual size and East Asian font."""

    size: float | None
    font: str


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


def find_headings(blocks: Sequence[WordBlock]) -> dict[int, Heading]:
    """Return the headings among `blocks` (a Word body), by their place in it."""
    paragraphs = [(position, block) for position, block in enumerate(blocks)
                  if isinstance(block, WordParagraph) and block.text.strip()
                  and not block.toc_entry]
    body = baseline([paragraph for _position, paragraph in paragraphs])
    candidates = [candidate for position, paragraph in paragraphs
                  if (candidate := _candidate(position, paragraph, body)) is not None]
    proven = {_source(candidate) for candidate in candidates if candidate.strong}
    outline = Outline()
    headings: dict[int, Heading] = {}
    for candidate in candidates:
        if not candidate.strong and not (candidate.title_like and _source(candidate) in proven
                                         and outline.continues(candidate)):
            continue
        headings[candidate.position] = outline.add(candidate)
    return headings


def _candidate(position: int, paragraph: WordParagraph, body: Baseline) -> Candidate | None:
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
    return Candidate(position, paragraph, label, shown.strip(), rest, kind, typed, strong,
                      looks_like_title)


def _kind_of(label: Label | None, outline_level: int) -> Kind:
    if label is None:
        return ("outline", outline_level)
    if label.kind == "decimal":  # 1 / 1. / 1、 are kinds of their own; 4.1 and 4.1. one
        return ("decimal", label.depth, label.form if label.depth == 1 else "")
    return (label.kind,)


def _source(candidate: Candidate) -> tuple[Kind, str]:
    """Return the kind of a candidate and where its number comes from: Word's list (so
    that a list of Word's own is not taken for the headings' list) or the typing."""
    return candidate.kind, candidate.paragraph.numbering_list if not candidate.typed \
        else "typed"


def _spaced(text: str, label: Label) -> bool:
    """Whether something (a space, a colon) separates the label from the text after it."""
    after = len(label.written)
    return after < len(text) and text[after] in _SPACES + ":："


