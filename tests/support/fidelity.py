"""Measure how completely a generated document reproduces a seed document's text.

The seeds are text extracted from the original Word files. A seed line is *covered*
when, after normalization, it occurs in the generated document:

- a line without tabs must be a substring of the document's text (all paragraphs and
  table rows concatenated in order, with the numbers Word displays for numbered
  headings and list items);
- a line with tabs is a table row (or the continuation of a cell broken over two
  lines): every one of its cells must occur within one row of a generated table.

Normalization removes what text extraction introduced and nothing the author wrote:
whitespace; NFKC width variants (：→:, （→(); the Markdown and HTML the extractor
wrapped around some lines; LaTeX it made of formulas ($\\times 100\\%$ → ×100%);
bullet glyphs (Word draws them, the extractor typed them as -, ➤ or •); and the
spelling of dates (2025. 1. 7, 2025.01.07 → 2025-01-07), because the originals write
the same date three different ways. The seed's own table of contents is skipped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_LATEX = [
    (re.compile(r"\$\s*\\times\s*100\s*\\%\s*\$"), "×100%"),
    (re.compile(r"\\geqslant|\\geq"), "≥"),
    (re.compile(r"\\leqslant|\\leq"), "≤"),
    (re.compile(r"\\times"), "×"),
    (re.compile(r"\\%"), "%"),
]
_HTML_TAG = re.compile(r"<[^>]+>")
_MARKDOWN = re.compile(r"^#+\s*|\*\*")
_BULLET_GLYPHS = "➤•●▪■◆Ø"
_LEADING_BULLET = re.compile(r"^[-–·]\s*")
_DATE = re.compile(r"(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})日?")
_WHITESPACE = re.compile(r"\s+")
_TOC_ENTRY = re.compile(r"(\t|\.{3,}\s*|…+\s*)\d+\s*$")


def normalize(text: str) -> str:
    """Return `text` without the differences that text extraction introduces."""
    for pattern, replacement in _LATEX:
        text = pattern.sub(replacement, text)
    text = _HTML_TAG.sub(" ", text)
    text = _MARKDOWN.sub("", text.strip())
    text = unicodedata.normalize("NFKC", text)
    text = _DATE.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", text)
    for glyph in _BULLET_GLYPHS:
        text = text.replace(glyph, " ")
    text = _WHITESPACE.sub("", text)
    while True:
        stripped = _LEADING_BULLET.sub("", text)
        if stripped == text:
            return text
        text = stripped


# Coverage figures of the session, printed at the end of the test run.
RESULTS: dict[str, Coverage] = {}


@dataclass
class Units:
    """The text of a generated document: paragraphs and table rows, in order."""

    paragraphs: list[str]
    rows: list[list[str]]


@dataclass
class Coverage:
    """How many seed lines a document covers, and which it does not."""

    covered: int
    total: int
    missing: list[str]

    @property
    def ratio(self) -> float:
        return self.covered / self.total if self.total else 1.0


def seed_lines(seed: str) -> list[str]:
    """Return the seed's body lines: everything but blank lines and its table of contents."""
    lines = seed.splitlines()
    result = []
    in_toc = False
    for line in lines:
        bare = normalize(line)
        if bare in ("目录", "目 录"):
            in_toc = True
            continue
        if in_toc:
            if not line.strip() or _TOC_ENTRY.search(line):
                continue
            in_toc = False
        if bare:
            result.append(line)
    return result


def coverage(seed: str, units: Units) -> Coverage:
    """Return how completely `units` reproduce the body lines of `seed`."""
    running_text = "".join(normalize(text) for text in units.paragraphs)
    rows = [[normalize(cell) for cell in row] for row in units.rows]
    row_texts = ["".join(row) for row in rows]
    running_text += "".join(row_texts)
    missing = []
    lines = seed_lines(seed)
    for line in lines:
        if "\t" in line:
            cells = [normalize(cell) for cell in line.split("\t")]
            cells = [cell for cell in cells if cell]
            found = any(all(cell in row_text for cell in cells) for row_text in row_texts)
        else:
            found = normalize(line) in running_text
        if not found:
            missing.append(line)
    return Coverage(len(lines) - len(missing), len(lines), missing)


def list_label(list_format: str, number: int) -> str:
    """Return the label Word displays for item `number` of a list in `list_format`."""
    if list_format == "①":
        return chr(0x2460 + number - 1) if number <= 20 else f"({number})"
    return list_format.replace("1", str(number))


def resolved_units(document) -> Units:
    """Return the body of a resolved document as units, labels included.

    Covers only what the content renders; the cover and revision table come from the
    Word template and are measured on the built .docx.
    """
    from docgen.content.model import Heading, ListBlock, Paragraph, TableBlock
    from docgen.render.docx import caption_text

    paragraphs: list[str] = []
    rows: list[list[str]] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            paragraphs.append(document.style.heading_line(block.numbers, block.title))
        elif isinstance(block, Paragraph):
            paragraphs.append(block.text)
        elif isinstance(block, ListBlock):
            number = 0
            for item in block.items:
                number = item.restart_at or number + 1
                label = list_label(block.format, number) if block.ordered else "•"
                paragraphs.append(f"{label} {item.text}")
        elif isinstance(block, TableBlock):
            caption = caption_text(block, document.style)
            if caption:
                paragraphs.append(caption)
            for row in block.rows:
                cells = []
                for cell in row:
                    number = 0
                    texts = []
                    for line in cell.lines:
                        if line.kind == "number":
                            number += 1
                            texts.append(f"{number}.{line.text}")
                        else:
                            texts.append(line.text)
                    cells.append("".join(texts))
                rows.append(cells)
    return Units(paragraphs, rows)


def docx_units(document) -> Units:
    """Return the text of a document read back from .docx, with displayed numbers."""
    from docgen.wordml.reader import ReadParagraph

    paragraphs = [block.display for block in document.blocks
                  if isinstance(block, ReadParagraph)]
    rows = [["".join(paragraph.display for paragraph in cell.paragraphs) for cell in row]
            for table in document.tables for row in table.rows]
    return Units(paragraphs, rows)
