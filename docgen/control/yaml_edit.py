"""Edit content files in place, changing only what the edit is about.

A round-trip YAML dump may still re-wrap long lines, re-indent or re-quote. docgen
instead uses the parser only to find where things are, then inserts or replaces text
at those places: every other byte of the file (comments, blank lines, quoting, key
order, line endings, a BOM) stays exactly as the author left it.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from docgen.errors import UsageError

_BOM = "\ufeff"
_PLAIN_UNSAFE_START = set("-?:,[]{}#&*!|>'\"%@` ")
_NULL_WORDS = {"", "~", "null", "Null", "NULL"}


def scalar(value: str, *, flow: bool = False) -> str:
    """Return `value` as a YAML scalar that docgen reads back as exactly this text."""
    plain = (value not in _NULL_WORDS and value == value.strip()
             and value[0] not in _PLAIN_UNSAFE_START
             and ": " not in value and " #" not in value and not value.endswith(":")
             and not re.search(r"[\x00-\x1f\x7f\u2028\u2029]", value)
             and not (flow and re.search(r"[,\[\]{}]", value)))
    return value if plain else json.dumps(value, ensure_ascii=False)


class YamlText:
    """A content file's text, with its BOM and line ending remembered for writing back."""

    def __init__(self, raw: str, path: Path):
        self.path = path
        self.bom = raw.startswith(_BOM)
        self.text = raw[1:] if self.bom else raw
        self.newline = "\r\n" if "\r\n" in self.text else "\n"

    def encoded(self) -> bytes:
        """Return the edited file as bytes, with its original BOM."""
        return ((_BOM if self.bom else "") + self.text).encode("utf-8")

    def _root(self) -> MappingNode:
        try:
            root = YAML(typ="rt").compose(io.StringIO(self.text))
        except YAMLError as error:  # the loader reports syntax errors before any edit
            raise UsageError(f"{self.path}: cannot edit a file with YAML errors: {error}",
                             "run docgen check and fix the file first") from None
        if not isinstance(root, MappingNode):
            raise UsageError(f"{self.path}: the file is not a mapping", "fix the file first")
        return root

    def has(self, key: str) -> bool:
        """Return True if the file has the top-level key `key`."""
        return self._top_level(key) is not None

    def _top_level(self, key: str) -> tuple[ScalarNode, Node] | None:
        return next(((k, v) for k, v in self._root().value if k.value == key), None)

    def _line_start(self, line: int) -> int:
        """Return the offset at which 0-based `line` starts (len(text) past the end)."""
        offset = 0
        for _ in range(line):
            found = self.text.find("\n", offset)
            if found < 0:
                return len(self.text)
            offset = found + 1
        return offset

    def _insert_lines(self, line: int, lines: list[str]) -> None:
        offset = self._line_start(line)
        if offset == len(self.text) and self.text and not self.text.endswith("\n"):
            self.text += self.newline
            offset = len(self.text)
        block = "".join(text + self.newline for text in lines)
        self.text = self.text[:offset] + block + self.text[offset:]

    def append_item(self, key: str, item: dict[str, str]) -> None:
        """Add `item` (a mapping of scalars) at the end of the top-level list `key`.

        The new item is written in the style of the last one: same indentation, same
        key order, block or flow mapping.
        """
        found = self._top_level(key)
        if found is None:
            raise UsageError(f"{self.path}: there is no '{key}:' list to add to",
                             f"add '{key}:' to the file first")
        _key, sequence = found
        if not isinstance(sequence, SequenceNode) or sequence.flow_style or not sequence.value:
            raise UsageError(f"{self.path}: '{key}' must be a list written with '- ' lines "
                             f"to be edited by docgen", f"write each item of '{key}' on its "
                             f"own line starting with '- '")
        last = sequence.value[-1]
        if not isinstance(last, MappingNode):
            raise UsageError(f"{self.path}: the items of '{key}' must be mappings",
                             "fix the file first")
        order = [k.value for k, _v in last.value if k.value in item]
        order += [name for name in item if name not in order]
        line_text = self.text[self._line_start(last.start_mark.line):].split("\n", 1)[0]
        dash = line_text.rfind("-", 0, last.start_mark.column)
        if last.flow_style:
            fields = ", ".join(f"{name}: {scalar(item[name], flow=True)}" for name in order)
            lines = [" " * dash + "- {" + fields + "}"]
        else:
            indent = last.start_mark.column
            lines = [" " * dash + "-" + " " * (indent - dash - 1)
                     + f"{order[0]}: {scalar(item[order[0]])}"]
            lines += [" " * indent + f"{name}: {scalar(item[name])}" for name in order[1:]]
        end = _content_end(last)
        self._insert_lines(end.line + (1 if end.column else 0), lines)

    def set_values(self, values: dict[str, str], *, before: str) -> None:
        """Set top-level scalar keys: replace the value of those present, and insert the
        others (in the order given) just before the top-level key `before`."""
        for name, value in values.items():
            found = self._top_level(name)
            if found is not None:
                key, node = found
                if not isinstance(node, ScalarNode) or node.value.count("\n"):
                    raise UsageError(f"{self.path}: '{name}' must be a single-line value",
                                     "fix the file first")
                if node.value == "" and node.style is None:
                    # "name:" with no value: the parser marks the next line; write the value
                    # right after the colon instead.
                    key_end = self._line_start(key.end_mark.line) + key.end_mark.column
                    start = end = self.text.index(":", key_end) + 1
                    value_text = " " + scalar(value)
                else:
                    start = self._line_start(node.start_mark.line) + node.start_mark.column
                    end = self._line_start(node.end_mark.line) + node.end_mark.column
                    value_text = scalar(value)
                self.text = self.text[:start] + value_text + self.text[end:]
        missing = [name for name in values if self._top_level(name) is None]
        if missing:
            anchor = self._top_level(before)
            if anchor is None:
                raise UsageError(f"{self.path}: there is no top-level '{before}:'",
                                 "fix the file first")
            self._insert_lines(anchor[0].start_mark.line,
                               [f"{name}: {scalar(values[name])}" for name in missing])


def _content_end(node: Node):
    """Return the mark where the text of `node` ends, before any comment or blank line."""
    if isinstance(node, MappingNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1][1])
    if isinstance(node, SequenceNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1])
    return node.end_mark

