"""Inline emphasis in body text: **粗体** prints bold.

Double asterisks around text mark it bold; a single * is never special, so formulas such
as 实际招聘人数/计划招聘人数*100% print as written. \\*\\* writes two literal asterisks,
and a ** without a partner stays as it is.
"""

from __future__ import annotations

import re

_ESCAPED = r"\*\*"
_MARKS = re.compile(r"\\\*\\\*|\*\*((?:\\\*\\\*|[^*]|\*(?!\*))+?)\*\*")


def segments(text: str) -> list[tuple[str, bool]]:
    """Return `text` as (text, bold) pieces, markers removed and escapes resolved."""
    if "**" not in text and _ESCAPED not in text:
        return [(text, False)]
    pieces: list[tuple[str, bool]] = []
    plain_start = 0
    for match in _MARKS.finditer(text):
        if match.group(1) is None:  # an escaped pair stays with the plain text around it
            continue
        before = text[plain_start:match.start()]
        if before:
            pieces.append((before.replace(_ESCAPED, "**"), False))
        pieces.append((match.group(1).replace(_ESCAPED, "**"), True))
        plain_start = match.end()
    rest = text[plain_start:]
    if rest or not pieces:
        pieces.append((rest.replace(_ESCAPED, "**"), False))
    return pieces


def plain(text: str) -> str:
    """Return `text` as it prints, without its emphasis markers."""
    return "".join(piece for piece, _ in segments(text))
