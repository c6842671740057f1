"""Find a table of contents: Word's own (toc styles, a TOC field), or one typed by hand
under a 目录 heading, each line ending in a page number after dot leaders or a tab, or
one without page numbers (a list of links, as converters make of an HTML page's TOC)
whose lines come again as the body's headings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docgen.importer.front_values import compact
from docgen.importer.labels import read_label
from docgen.importer.model import WordParagraph, WordTable

# What stands between an entry's text and its page number: a tab, dot leaders, spaces.
_LEADER = r"(?:\t|[.．…·‥_\-\s\u3000]{2,}|…)"
_PAGE_NUMBER = re.compile(_LEADER + r"[.．…·‥_\s\u3000\t]*(?:\d{1,4}|[IVXLivxl]{1,6})?\s*$")
_TYPED_ENTRY = re.compile(r"^\S.*?" + _LEADER
                          + r"[.．…·‥_\s\u3000\t]*(\d{1,4}|[IVXLivxl]{1,6})\s*$")
_TOC_HEADINGS = ("目录", "目次", "CONTENTS", "Contents", "TableofContents")
_CHINESE_NUMERAL = "一二三四五六七八九十百零〇"
# An entry of a TOC without page numbers is a title: short, no sentence in it.
_ENTRY_LENGTH = 60


@dataclass
class TableOfContents:
    """A table of contents: its entries and the blocks it takes, its heading included."""

    first: int
    last: int
    entries: list[tuple[int, str]] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    """The place of each entry among the blocks, for pointing at it in the Word file."""


def entry_text(paragraph: WordParagraph) -> str:
    """Return a TOC entry's text without its page number or leader (or the bullet a list
    of links puts before it)."""
    numbered = paragraph.label and paragraph.numbering_format != "bullet"
    text = f"{paragraph.label} {paragraph.text}" if numbered else paragraph.text
    return _PAGE_NUMBER.sub("", text).strip()


def entry_level(paragraph: WordParagraph, text: str) -> int:
    """Return an entry's level: its toc style's (toc 2), else its number's depth."""
    style = re.fullmatch(r"(?i)toc\s*(\d)|目录\s*(\d)", paragraph.style.strip())
    if style:
        return int(style.group(1) or style.group(2))
    numbered = re.match(r"(\d+(?:[.．]\d+)*)", text)
    if numbered:
        return len(re.split(r"[.．]", numbered.group(1)))
    if re.match(rf"第[{_CHINESE_NUMERAL}\d]+[条节]", text) or re.match(
            rf"[（(][{_CHINESE_NUMERAL}]+[)）]", text):
        return 2
    return 1


def is_toc_heading(text: str) -> bool:
    return compact(text) in _TOC_HEADINGS


def find_toc(blocks: list[WordParagraph | WordTable]) -> TableOfContents | None:
    """Return the document's table of contents, or None when it has none."""
    first_entry = next((index for index, block in enumerate(blocks)
                        if isinstance(block, WordParagraph) and _is_styled_entry(block)), None)
    if first_entry is not None:
        found = TableOfContents(first_entry, first_entry)
        for index in range(first_entry, len(blocks)):
            block = blocks[index]
            if not isinstance(block, WordParagraph):
                break
            if _is_styled_entry(block):
                found.last = index
            elif block.text.strip():
                break
        heading = _heading_before(blocks, first_entry)
        found.first = heading if heading is not None else first_entry
        found.entries, found.positions = _entries(blocks, first_entry, found.last)
        return found
    for index, block in enumerate(blocks):
        if isinstance(block, WordParagraph) and is_toc_heading(block.text):
            last = index
            for later in range(index + 1, len(blocks)):
                following = blocks[later]
                if not isinstance(following, WordParagraph):
                    break
                if _TYPED_ENTRY.match(following.text):
                    last = later
                elif following.text.strip():
                    break
            if last > index:
                return TableOfContents(index, last, *_entries(blocks, index + 1, last))
            unpaged = _unpaged_toc(blocks, index)
            if unpaged is not None:
                return unpaged
    return None


def _unpaged_toc(blocks: list[WordParagraph | WordTable], heading: int) -> TableOfContents | None:
    """Return the TOC without page numbers under the 目录 heading at `heading`, or None.

    Its entries are the short lines up to the first that comes again (the body's first
    heading, the same title as an entry above it); most of them must come again later,
    as the body's headings do, so that a list under a heading of that name is no TOC."""
    entries: list[int] = []
    titles: list[str] = []
    for index in range(heading + 1, len(blocks)):
        block = blocks[index]
        if not isinstance(block, WordParagraph):
            return None
        text = block.text.strip()
        if not text:
            continue
        title = _title_of(text)
        if title in titles:
            break
        if len(text) > _ENTRY_LENGTH or text.endswith(("。", "；", ";")) or not title:
            return None
        entries.append(index)
        titles.append(title)
    else:
        return None
    later = {_title_of(block.text) for block in blocks[entries[-1] + 1:]
             if isinstance(block, WordParagraph) and block.text.strip()}
    if len(entries) < 2 or sum(title in later for title in titles) * 2 < len(titles):
        return None
    return TableOfContents(heading, entries[-1], *_entries(blocks, entries[0], entries[-1]))


def _title_of(text: str) -> str:
    """Return a line's words without the number typed before it and without spaces."""
    label = read_label(text.strip())
    return compact(text.strip()[label.end:] if label else text)


def _is_styled_entry(paragraph: WordParagraph) -> bool:
    return paragraph.toc_entry or re.fullmatch(r"(?i)toc\s*\d", paragraph.style.strip()) is not None


def _heading_before(blocks: list[WordParagraph | WordTable], index: int) -> int | None:
    for before in range(index - 1, max(index - 4, -1), -1):
        block = blocks[before]
        if not isinstance(block, WordParagraph):
            return None
        if is_toc_heading(block.text):
            return before
        if block.text.strip():
            return None
    return None


def _entries(blocks: list[WordParagraph | WordTable], first: int, last: int
             ) -> tuple[list[tuple[int, str]], list[int]]:
    """Return the entries among blocks[first:last + 1] and where each stands; the TOC's
    own title, where a TOC field holds it (Table of Contents), is none."""
    entries, positions = [], []
    for position in range(first, last + 1):
        block = blocks[position]
        if isinstance(block, WordParagraph) and block.text.strip() and \
                not is_toc_heading(block.text):
            text = entry_text(block)
            if text:
                entries.append((entry_level(block, text), text))
                positions.append(position)
    return entries, positions
