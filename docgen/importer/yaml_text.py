"""Write an imported document's data as YAML a person reads and edits: docgen's house
layout (keys in the order the bundled content files use, block style, short rows and
lists on one line), each guess as a `# import: guessed …` comment above the value it is
about, and the line of every value, so that a finding on a line leads back to the Word file.

Every string is written so that docgen's loader (which reads every scalar as text) reads
back exactly that string: quoted where YAML would read it otherwise, escaped where it
holds line breaks or tabs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

from docgen.catalogue import import_files as said
from docgen.control.yaml_edit import scalar
from docgen.importer.model import DataPath, Guess
from docgen.messages import Message, render_text

# The order of a document's keys in the bundled content files; others follow as given.
DOCUMENT_KEYS = ("number", "title", "cover_title", "kind", "role", "department", "template",
                 "style", "status", "withdrawn_on", "withdrawn_reason", "revisions", "kpis",
                 "activities", "processes", "sections")
# A row or list longer than this is written one value a line.
LINE_WIDTH = 120
# A list of items each this short or shorter is written on one line when it fits.
SHORT = 30
_INDENT = 2
# YAML reads a key written in one line only up to this length; a longer one is written
# after "? ".
_LONGEST_KEY = 1000
_NUMBER_LIKE = re.compile(r"[0-9.]+")


def document_yaml(data: dict, guesses: list[Guess], language: str, header: Sequence[str] = ()
                  ) -> tuple[str, dict[DataPath, int]]:
    """Return `data` as YAML text with each guess as a comment above its value, and the
    line (from 1) of every value written, by its data path."""
    # A guess about a value left out is written above the nearest value written.
    placed = [Guess(_nearest(data, tuple(guess.path)), guess.what) for guess in guesses]
    writer = _Writer(placed, language)
    for line in header:
        writer.comment(line, 0)
    if header:
        writer.lines.append("")
    ordered = {key: data[key] for key in DOCUMENT_KEYS if key in data}
    ordered.update((key, value) for key, value in data.items() if key not in ordered)
    writer.guess_comments((), 0)
    if writer.lines and writer.lines[-1]:
        writer.lines.append("")
    writer.top_level(ordered)
    return "\n".join(writer.lines) + "\n", writer.places


def _nearest(data: object, path: DataPath) -> DataPath:
    """Return the longest start of `path` that leads to a value in `data`."""
    for length, step in enumerate(path):
        if (isinstance(data, Mapping) and step in data) or (
                isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data)):
            data = data[step]
        else:
            return path[:length]
    return path


def text_of(value: object) -> str:
    """Return a leaf value as the text docgen reads it as: a date as 2025-01-07, a truth
    value as true or false, a number as written."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class _Writer:
    def __init__(self, guesses: list[Guess], language: str):
        self.language = language
        self.lines: list[str] = []
        self.places: dict[DataPath, int] = {}
        self.guesses: dict[DataPath, list[Message]] = {}
        for guess in guesses:
            self.guesses.setdefault(tuple(guess.path), []).append(guess.what)

    # --- comments -------------------------------------------------------------------

    def comment(self, text: str, indent: int) -> None:
        for line in text.splitlines() or [""]:
            self.lines.append(" " * indent + ("# " + line).rstrip())

    def guess_comments(self, path: DataPath, indent: int) -> None:
        """Write the guesses about the value at `path`."""
        for message in self.guesses.pop(path, []):
            what = render_text(message, self.language)
            self.comment(render_text(said.YAML_GUESS(what=what), self.language)
                         .replace("\n", " "), indent)

    def has_guess_inside(self, path: DataPath) -> bool:
        return any(guessed[:len(path)] == path and len(guessed) > len(path)
                   for guessed in self.guesses)

    # --- values ---------------------------------------------------------------------

    def top_level(self, data: Mapping) -> None:
        for position, (key, value) in enumerate(data.items()):
            # A blank line sets off each list or mapping, as the bundled files do.
            if position and (_is_collection(value) or _is_collection(
                    list(data.values())[position - 1])) and self.lines and self.lines[-1]:
                self.lines.append("")
            self.entry(key, value, (key,), 0)

    def entry(self, key: object, value: object, path: DataPath, indent: int) -> None:
        """Write `key: value` at `indent`."""
        self.guess_comments(path, indent)
        written = _key(text_of(key))
        prefix = " " * indent + written + (":" if not written.startswith("? ") else "")
        if written.startswith("? "):
            self.lines.append(" " * indent + written)
            prefix = " " * indent + ":"
        flow = self.flow(value, path, len(prefix) + 1, item=False)
        if flow is not None:
            self.lines.append(f"{prefix} {flow}".rstrip() if flow else prefix)
            self.place(value, path)
        else:
            self.lines.append(prefix)
            self.places[path] = len(self.lines)
            if isinstance(value, Mapping):
                self.mapping(value, path, indent + _INDENT)
            else:
                self.sequence(list(value), path, indent + _INDENT)

    def mapping(self, data: Mapping, path: DataPath, indent: int) -> None:
        for key, value in data.items():
            self.entry(key, value, path + (key,), indent)

    def sequence(self, items: list, path: DataPath, indent: int) -> None:
        for index, item in enumerate(items):
            item_path = path + (index,)
            self.guess_comments(item_path, indent)
            flow = self.flow(item, item_path, indent + 2, item=True)
            if flow is not None:
                self.lines.append(" " * indent + f"- {flow}".rstrip())
                self.place(item, item_path)
                continue
            # The item's own lines, indented past the dash; its first line then takes the
            # dash, and comments above that line move above the dash.
            start = len(self.lines)
            self.places[item_path] = start + 1
            if isinstance(item, Mapping):
                self.mapping(item, item_path, indent + 2)
            else:
                self.sequence(list(item), item_path, indent + 2)
            self.dash(start, indent)

    def dash(self, start: int, indent: int) -> None:
        """Put the list item's dash on the first line of the item written from `start`."""
        first = start
        while self.lines[first].lstrip().startswith("#"):
            self.lines[first] = " " * indent + self.lines[first].lstrip()
            first += 1
        self.lines[first] = " " * indent + "- " + self.lines[first][indent + 2:]
        for path, line in self.places.items():
            if line == start + 1:
                self.places[path] = first + 1

    def place(self, value: object, path: DataPath) -> None:
        """Record the current line for `path` and every value inside it."""
        self.places[path] = len(self.lines)
        if isinstance(value, Mapping):
            for key, item in value.items():
                self.place(item, path + (key,))
        elif _is_collection(value):
            for index, item in enumerate(value):
                self.place(item, path + (index,))

    def flow(self, value: object, path: DataPath, column: int, *, item: bool) -> str | None:
        """Return `value` as it stands on one line (a scalar, [], {}, a short list of short
        scalars, or, as a list `item`, a short row of scalars); None when it takes lines of
        its own."""
        if not _is_collection(value):
            if value is None:
                return ""
            written = scalar(text_of(value))
            # A style setting is quoted as the docs write it ("1.", "（1）"), so that other
            # YAML tools read text too; docgen reads every value as text anyway.
            if path[:1] == ("style",) and written == text_of(value) \
                    and _NUMBER_LIKE.fullmatch(written):
                return f'"{written}"'
            return written
        if not value:
            return "{}" if isinstance(value, Mapping) else "[]"
        if self.has_guess_inside(path):
            return None
        if isinstance(value, Mapping):
            pairs = list(value.items())
            if not item or any(_is_collection(one) or one is None for _key_, one in pairs):
                return None
            text = "{" + ", ".join(f"{_key(text_of(key), flow=True)}: "
                                   f"{scalar(text_of(item), flow=True)}"
                                   for key, item in pairs) + "}"
        else:
            items = list(value)
            if any(_is_collection(one) or one is None or _width(text_of(one)) > SHORT
                   for one in items):
                return None
            text = "[" + ", ".join(scalar(text_of(one), flow=True) for one in items) + "]"
        return text if column + _width(text) <= LINE_WIDTH and "? " not in text else None


def _is_collection(value: object) -> bool:
    return isinstance(value, Mapping) or (isinstance(value, Iterable)
                                          and not isinstance(value, str | bytes))


def _key(text: str, *, flow: bool = False) -> str:
    written = scalar(text, flow=flow)
    if text == "" or written in ("~", "null", "Null", "NULL"):
        written = '""'
    return written if len(written) <= _LONGEST_KEY else "? " + written


def _width(text: str) -> int:
    """Return how many columns `text` takes, a Chinese character counting two."""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)
