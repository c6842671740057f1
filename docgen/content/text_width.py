"""How wide text is on the page or in a terminal: CJK characters take two columns."""

from __future__ import annotations

import functools
import unicodedata


def display_width(text: str) -> int:
    """Return how many half-width columns `text` takes: CJK characters count twice."""
    return len(text) if text.isascii() else sum(map(_char_width, text))


@functools.cache
def _char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1
