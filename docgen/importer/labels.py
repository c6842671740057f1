"""The numbers and bullets people type (or Word shows) before a paragraph, read as data.

"4.1.1. 人才招聘计划", "一、总体目标", "（二）职责", "第三条 …", "1、…", "(1) …", "①…",
"a. …", "• …", "➤…": each is a Label of a kind (decimal, chinese, article, …) with its
numbers, its form (how a list of that kind is written in docgen's terms: "1、", "（1）",
"①"; for a bullet, the glyph) and where the text after it starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docgen.checks.lexicon import chinese_number

_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_SPACE = "[ \t\u3000\u00a0]"
_CHINESE = "[零〇一二两三四五六七八九十百]+"
_STATUTE = re.compile(rf"^第{_SPACE}*(\d+|{_CHINESE}){_SPACE}*(章|节|条)")
# 4.1.1 / 4.1.1. / 4．1 — a number path; its first number is small, so 2025.1.7 is a date,
# and a measure after it makes it a quantity: 1.5倍, 2.5万元.
_PATH = re.compile(r"^(\d{1,2}(?:[.．]\d{1,3})+)([.．、]?)"
                   r"(?![\d%％倍万亿元米个次吨台套岁年月日秒GMTKk])")
_DECIMAL = re.compile(r"^(\d{1,3})(?:([.．、])(?!\d)|([)）]))")
_BARE_DECIMAL = re.compile(rf"^(\d{{1,2}})(?={_SPACE}+[^\d\s])")
_PAREN_DECIMAL = re.compile(rf"^([(（]){_SPACE}*(\d{{1,3}}){_SPACE}*[)）]")
_CHINESE_ITEM = re.compile(rf"^({_CHINESE}){_SPACE}*[、.．]")
_PAREN_CHINESE = re.compile(rf"^[(（]{_SPACE}*({_CHINESE}){_SPACE}*[)）]")
_CIRCLED = re.compile(r"^([\u2460-\u2473])")
_LETTER = re.compile(r"^([a-z])(?:[.．](?![a-z])|[)）])")
_BULLET = re.compile(r"^([•●·∙◦○◆◇■□▪▫➤➢►▶Ø√✔★☆※→]|[-–－](?=\s|[^\x00-\x7f])|—(?!—))")
_AFTER = re.compile(rf"{_SPACE}*[:：]?{_SPACE}*")

STATUTE_KINDS = {"章": "chapter", "节": "part", "条": "article"}
# The list forms docgen can print (docgen.style_options.NUMBERED_LIST_FORMATS), by the
# punctuation the label was typed with.
_DECIMAL_FORMS = {".": "1.", "．": "1.", "、": "1、", ")": "1)", "）": "1)"}


@dataclass(frozen=True)
class Label:
    """A number or bullet before a paragraph's text."""

    kind: str
    """decimal, chinese, paren_chinese, paren_decimal, circled, letter, chapter, part,
    article, or bullet."""
    numbers: tuple[int, ...]
    """Its numbers: (4, 1, 1) for 4.1.1.; (3,) for （三）; () for a bullet."""
    written: str
    """The label as written, without the space after it: 4.1.1., （三）, •."""
    form: str
    """How a list of such labels is written in docgen: 1. 1、 (1) （1） 1) ① a.; the glyph
    of a bullet; for other kinds the label of the first: 一、 （一） 第一条 1 1.1."""
    end: int
    """Where the text after the label (and the spaces after it) starts."""

    @property
    def value(self) -> int:
        return self.numbers[-1] if self.numbers else 0

    @property
    def depth(self) -> int:
        return len(self.numbers)

    @property
    def dotted(self) -> bool:
        """Whether a number path ends with a dot (4.1. rather than 4.1)."""
        return self.written.endswith((".", "．"))


def read_label(text: str) -> Label | None:
    """Return the label `text` starts with (after leading spaces), or None."""
    start = len(text) - len(text.lstrip(" \t\u3000\u00a0"))
    probe = text[start:].translate(_WIDE_DIGITS)
    label = _match(probe)
    if label is None:
        return None
    after = _AFTER.match(probe, label.end)
    end = after.end() if after else label.end
    return Label(label.kind, label.numbers, label.written, label.form, start + end)


def label_of(shown: str) -> Label | None:
    """Return what an automatic number Word shows ("4.1.1.", "（一）", "•") is, or None."""
    label = read_label(shown.strip() + " x")
    if label is None or label.end < len(shown.strip()):
        return None
    return label


def _match(text: str) -> Label | None:
    statute = _STATUTE.match(text)
    if statute:
        value = _number(statute.group(1))
        return Label(STATUTE_KINDS[statute.group(2)], (value,), statute.group(0),
                     statute.group(0), statute.end()) if value else None
    path = _PATH.match(text)
    if path:
        numbers = tuple(int(part) for part in re.split("[.．]", path.group(1)))
        written = path.group(0)
        form = ".".join("1" * len(numbers)) + ("." if path.group(2) in (".", "．") else "")
        return Label("decimal", numbers, written, form, path.end())
    for pattern, kind in ((_PAREN_DECIMAL, "paren_decimal"), (_PAREN_CHINESE, "paren_chinese")):
        match = pattern.match(text)
        if match:
            value = _number(match.group(match.lastindex or 1))
            if not value:
                return None
            wide = match.group(0).startswith("（")
            form = ("（1）" if wide else "(1)") if kind == "paren_decimal" else "（一）"
            return Label(kind, (value,), match.group(0), form, match.end())
    decimal = _DECIMAL.match(text)
    if decimal:
        punctuation = decimal.group(2) or decimal.group(3)
        return Label("decimal", (int(decimal.group(1)),), decimal.group(0),
                     _DECIMAL_FORMS[punctuation], decimal.end())
    bare = _BARE_DECIMAL.match(text)
    if bare:
        return Label("decimal", (int(bare.group(1)),), bare.group(0), "1", bare.end())
    chinese = _CHINESE_ITEM.match(text)
    if chinese:
        value = _number(chinese.group(1))
        return Label("chinese", (value,), chinese.group(0), "一、", chinese.end()) \
            if value else None
    circled = _CIRCLED.match(text)
    if circled:
        return Label("circled", (ord(circled.group(1)) - 0x2460 + 1,), circled.group(0), "①",
                     circled.end())
    letter = _LETTER.match(text)
    if letter:
        return Label("letter", (ord(letter.group(1)) - ord("a") + 1,), letter.group(0), "a.",
                     letter.end())
    bullet = _BULLET.match(text)
    if bullet:
        return Label("bullet", (), bullet.group(0), bullet.group(0), bullet.end())
    return None


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    return chinese_number(text) or 0
