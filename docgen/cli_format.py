"""click's help, laid out for Chinese as well: wide characters take two columns, lines
break between any two of them, and headings end with a full-width colon.

click measures text by its length and breaks lines only at spaces: a Chinese help text
would run on in one line and its columns would not line up. Text of ASCII characters
alone is left to click, so English help stays exactly as click lays it out.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Sequence

import click

from docgen.content.text_width import display_width

# Punctuation that may not begin a line: it hangs at the end of the line before.
_CLOSING = set("，。、；：！？）》”’")


def _tokens(text: str) -> list[str]:
    """Return `text` cut where a line may break: each wide character, each run of spaces,
    and each word of narrow characters is a token of its own."""
    tokens: list[str] = []
    for char in text:
        if tokens and (_narrow(char) and _narrow(tokens[-1][-1])
                       or char.isspace() and tokens[-1].isspace()):
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


def _narrow(char: str) -> bool:
    """Return whether `char` belongs in a word of narrow characters."""
    return not char.isspace() and display_width(char) == 1 and char not in _CLOSING


def wrap_wide(text: str, width: int) -> list[str]:
    """Return the lines of one paragraph of `text`, each at most `width` columns wide
    (but for closing punctuation, which hangs)."""
    lines: list[str] = []
    line = ""
    for token in _tokens(" ".join(text.split())):
        if not line and token.isspace():
            continue
        if line and display_width(line + token) > width and token not in _CLOSING:
            lines.append(line.rstrip())
            line = "" if token.isspace() else token
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


class WideHelpFormatter(click.HelpFormatter):
    """A help formatter that measures and wraps wide characters."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            label = gettext.gettext("Usage:")
            prefix = label if label.endswith("：") else f"{label} "
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if heading.isascii():
            super().write_heading(heading)
        else:
            self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text: str) -> None:
        if text.isascii():
            super().write_text(text)
            return
        indent = " " * self.current_indent
        paragraphs = [wrap_wide(paragraph, self.width - self.current_indent)
                      for paragraph in text.split("\n\n")]
        self.write("\n\n".join("\n".join(indent + line for line in lines)
                               for lines in paragraphs) + "\n")

    def write_dl(self, rows: Sequence[tuple[str, str]] | Iterable[tuple[str, str]],
                 col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if all(first.isascii() and second.isascii() for first, second in rows):
            super().write_dl(rows, col_max, col_spacing)
            return
        first_column = min(max(display_width(first) for first, _ in rows), col_max) \
            + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(indent + first)
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_column - col_spacing:
                self.write(" " * (first_column - display_width(first)))
            else:
                self.write("\n" + " " * (first_column + self.current_indent))
            lines = wrap_wide(second, max(self.width - first_column - 2, 10)) or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(" " * (first_column + self.current_indent) + line + "\n")


class WideContext(click.Context):
    """A click context whose help is laid out by WideHelpFormatter."""

    formatter_class = WideHelpFormatter
