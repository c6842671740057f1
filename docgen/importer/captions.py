"""Table captions in a Word body: the paragraph just above or below a table that names it.

"表3-1 人员配置表", "表1 …", "表 4.2：…" name their table with a number; a short line in
the caption style (题注, Caption) names it without one, and so, it is guessed, does a
short centred or bold line ending in 表 just above a table. Which side captions stand on
is the document's habit: the side most numbered captions take is tried first, so that
the caption under one table is not taken for the title of the next.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from docgen.importer.model import WordBlock, WordParagraph, WordTable
from docgen.importer.outline import title_like
from docgen.importer.prose import plain_text

_NUMBERED = re.compile(
    r"^(?:附\s*)?表\s*(\d{1,3})(?:\s*[-－—–.．]\s*(\d{1,3}))?(?![\d%])\s*[:：.、．]?\s*")
_CAPTION_STYLES = ("caption", "题注", "表格标题", "表题")
_TITLE_ENDINGS = ("表", "一览", "清单", "明细")


@dataclass
class Caption:
    """A table's caption: the paragraph it stands in, its title, the number written."""

    position: int
    """The paragraph's place in the blocks."""
    title: str
    chapter: int | None
    """The chapter of a number written 表3-1; None for 表1 or no number."""
    number: int | None
    below: bool
    guessed: bool
    """Whether it was only guessed to be a caption (a line ending in 表, no number)."""

    @property
    def written(self) -> str:
        """The number as the original printed it: 表3-1, 表1, or ""."""
        if self.number is None:
            return ""
        return f"表{self.chapter}-{self.number}" if self.chapter is not None \
            else f"表{self.number}"


def find_captions(blocks: Sequence[WordBlock], headings: set[int]) -> dict[int, Caption]:
    """Return the captions of the tables among `blocks`, by the table's place."""
    sides: dict[int, dict[bool, Caption]] = {}
    for position, block in enumerate(blocks):
        if not isinstance(block, WordTable):
            continue
        found = {}
        for below in (False, True):
            neighbour = _neighbour(blocks, position, below)
            if neighbour is None or neighbour in headings:
                continue
            caption = read_caption(blocks[neighbour], neighbour, below)  # type: ignore[arg-type]
            if caption is not None:
                found[below] = caption
        sides[position] = found
    habit = Counter(below for found in sides.values() for below, caption in found.items()
                    if caption.number is not None and len(found) == 1)
    below_first = habit[True] > habit[False]
    captions: dict[int, Caption] = {}
    taken: set[int] = set()
    for side in (below_first, not below_first):  # the habit's side first, for every table
        for position, found in sides.items():
            caption = found.get(side)
            if position in captions or caption is None or caption.position in taken or \
                    (caption.guessed and caption.below):
                continue
            captions[position] = caption
            taken.add(caption.position)
    return captions


def read_caption(paragraph: WordParagraph, position: int, below: bool) -> Caption | None:
    """Return the paragraph as a caption, if it reads as one."""
    text = plain_text(paragraph)
    numbered = _NUMBERED.match(text)
    if numbered and title_like(text[numbered.end():] or "表"):
        chapter, number = numbered.group(1), numbered.group(2)
        return Caption(position, text[numbered.end():].strip(),
                       int(chapter) if number else None, int(number or chapter), below, False)
    if not title_like(text) or "\n" in text:
        return None
    style = paragraph.style.lower()
    if any(name in style for name in _CAPTION_STYLES):
        return Caption(position, text, None, None, below, False)
    if text.endswith(_TITLE_ENDINGS) and len(text) <= 30 and \
            (paragraph.alignment == "center" or paragraph.bold):
        return Caption(position, text, None, None, below, True)
    return None


def _neighbour(blocks: Sequence[WordBlock], position: int, below: bool) -> int | None:
    """Return the place of the nearest paragraph with text above (or below) a table,
    across one empty paragraph at most; None if a table comes first."""
    step = 1 if below else -1
    index = position + step
    skipped = 0
    while 0 <= index < len(blocks):
        block = blocks[index]
        if not isinstance(block, WordParagraph):
            return None
        if block.text.strip():
            return index
        skipped += 1
        if skipped > 1:
            return None
        index += step
    return None
