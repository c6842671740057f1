"""A Word paragraph's text as docgen prose: what a rebuild must print as the original did.

- Bold words become **…** (docgen.wordml.emphasis); two asterisks the original printed
  are written \\*\\*, so that they print as asterisks again.
- Text that docgen would read as a template ({{, {%, {#) is wrapped in
  {% raw %}…{% endraw %}, so that it prints as written.
- Leading and trailing spaces go (Chinese documents indent with two full-width spaces;
  docgen's paragraph style indents), and so do empty paragraphs.
- A manual line break (Shift+Enter) only wraps a sentence by hand when the line before
  it stops inside the sentence: after a comma (，、), or without punctuation after a
  long line (20 characters or more) that the next line simply continues. Such lines
  are joined: without a space between Chinese characters, with one where a Latin
  letter or digit meets the break. Every other break separates paragraphs: after a
  sentence or a clause (。；！？：), before a number or a bullet (items, which
  split_items makes paragraphs of their own), before "名称：" (lines of a form), and
  between short lines.
- In a table cell every line is kept as its own paragraph: short lines in narrow
  columns are broken on purpose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from docgen.importer.labels import read_label
from docgen.importer.model import WordParagraph

_CLAUSE_END = "。；;！？!?：:"
_MID_SENTENCE = "，,、"
_LONG_LINE = 20
_FIELD = re.compile(r"^[^\s：:，。]{1,8}[：:]")
_SPACES = " \t\u3000\u00a0"
_TEMPLATE_MARKS = ("{{", "{%", "{#")
_RAW, _END_RAW = "{% raw %}", "{% endraw %}"

Chars = list[tuple[str, bool]]


def paragraph_texts(paragraph: WordParagraph, start: int = 0, *,
                    every_line: bool = False) -> list[str]:
    """Return the prose the paragraph's text from `start` makes, one string per
    paragraph (see the module's rules for line breaks); [] if it is empty."""
    chars = _characters(paragraph)[start:]
    lines = _split(chars, every_line=every_line)
    return [written for line in lines if (written := prose(line))]


def plain_text(paragraph: WordParagraph, start: int = 0, *, every_line: bool = False) -> str:
    """Return the paragraph's text from `start` without bold, its lines (as prose splits
    or joins them) on lines of their own, spaces trimmed: for titles and captions."""
    lines = _split(_characters(paragraph)[start:], every_line=every_line)
    return "\n".join("".join(char for char, _bold in line).strip(_SPACES) for line in lines
                     if "".join(char for char, _bold in line).strip(_SPACES))


def escape_template(text: str) -> str:
    """Return `text` so that docgen prints it as it is, template marks and all."""
    if any(mark in text for mark in _TEMPLATE_MARKS):
        return f"{_RAW}{text}{_END_RAW}"
    return text


def prose(chars: Sequence[tuple[str, bool]]) -> str:
    """Return characters (each with whether it is bold) as prose: trimmed, bold runs in
    **…**, literal ** escaped, template marks escaped."""
    chars = _trim(list(chars))
    parts: list[str] = []
    index = 0
    while index < len(chars):
        bold = chars[index][1]
        end = index
        while end < len(chars) and chars[end][1] == bold:
            end += 1
        text = "".join(char for char, _bold in chars[index:end]).replace("**", r"\*\*")
        if bold and text.strip(_SPACES):
            inner = text.strip(_SPACES)
            lead = text[:len(text) - len(text.lstrip(_SPACES))]
            trail = text[len(text.rstrip(_SPACES)):]
            text = f"{lead}**{inner}**{trail}"
        parts.append(text)
        index = end
    return escape_template("".join(parts))


def _characters(paragraph: WordParagraph) -> Chars:
    bold = [False] * len(paragraph.text)
    for start, end in paragraph.bold_ranges:
        for position in range(max(0, start), min(end, len(bold))):
            bold[position] = True
    return list(zip(paragraph.text, bold, strict=True))


def _trim(chars: Chars) -> Chars:
    start, end = 0, len(chars)
    while start < end and chars[start][0] in _SPACES + "\n":
        start += 1
    while end > start and chars[end - 1][0] in _SPACES + "\n":
        end -= 1
    return chars[start:end]


def _split(chars: Chars, *, every_line: bool) -> list[Chars]:
    """Return the lines the manual breaks in `chars` separate, joined where a break only
    wrapped a sentence."""
    lines: list[Chars] = [[]]
    for char, bold in chars:
        if char == "\n":
            lines.append([])
        else:
            lines[-1].append((char, bold))
    lines = [_trim(line) for line in lines]
    if every_line:
        return [line for line in lines if line]
    joined: list[Chars] = []
    for line in lines:
        if not line:
            joined.append([])  # an empty line parts the paragraphs around it
            continue
        previous = joined[-1] if joined else []
        if not previous or not _continues(previous, line):
            joined.append(line)
        else:
            if _is_latin(previous[-1][0]) or _is_latin(line[0][0]):
                previous.append((" ", False))
            previous.extend(line)
    return [line for line in joined if line]


def _continues(previous: Chars, line: Chars) -> bool:
    """Whether `line` continues the sentence `previous` broke off by hand."""
    last = previous[-1][0]
    start = "".join(char for char, _bold in line[:12])
    if last in _CLAUSE_END or read_label(start) is not None or _FIELD.match(start):
        return False
    return last in _MID_SENTENCE or len(previous) >= _LONG_LINE


def with_label(paragraph: WordParagraph) -> WordParagraph:
    """Return the paragraph with the label Word's numbering shows typed before its text,
    for a number docgen has no list for (一、, 第一项): it prints as the original did."""
    label = paragraph.label.strip()
    if not label:
        return paragraph
    label += "" if label[-1] > "\u2e80" else " "
    shift = len(label)
    ranges = [(0, shift)] if paragraph.bold else []  # a bold paragraph's number is bold
    ranges += [(start + shift, end + shift) for start, end in paragraph.bold_ranges]
    return replace(paragraph, text=label + paragraph.text.lstrip(_SPACES), label="",
                   bold_ranges=ranges)


def split_items(paragraph: WordParagraph, *, every_line: bool = False) -> list[WordParagraph]:
    """Return the paragraph split where a manual line break starts an item ("1、…",
    "（2）…", "• …"), or at every break, each part a paragraph of its own."""
    text = paragraph.text
    cuts = [index + 1 for index, char in enumerate(text) if char == "\n"
            and (every_line or read_label(text[index + 1:index + 13]) is not None)
            and text[:index].strip()]
    if not cuts:
        return [paragraph]
    parts = []
    for start, end in zip([0, *cuts], [*cuts, len(text) + 1], strict=True):
        piece = text[start:end - 1] if end <= len(text) else text[start:]
        ranges = [(max(a, start) - start, min(b, start + len(piece)) - start)
                  for a, b in paragraph.bold_ranges if b > start and a < start + len(piece)]
        parts.append(replace(paragraph, text=piece, bold_ranges=ranges,
                             label=paragraph.label if not start else "",
                             bold=paragraph.bold))
    return parts


def _is_latin(char: str) -> bool:
    return unicodedata.east_asian_width(char) not in "WF"
