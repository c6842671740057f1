"""Edit content files in place, changing only what the edit is about.

A round-trip YAML dump may still re-wrap long lines, re-indent or re-quote. docgen
instead uses the parser only to find where things are, then inserts or replaces text
at those places: every other byte of the file (comments, blank lines, quoting, key
order, line endings, a BOM) stays exactly as the author left it.
"""

from __future__ import annotations

import bisect
import difflib
import re
from pathlib import Path

import yaml
from yaml import MappingNode, Node, ScalarNode, SequenceNode, YAMLError
from yaml.resolver import Resolver

from docgen.catalogue import control as said
from docgen.content.yaml_source import Loader
from docgen.errors import UsageError

_BOM = "\ufeff"
_PLAIN_UNSAFE_START = set("-?:,[]{}#&*!|>'\"%@` ")
_NULL_WORDS = {"", "~", "null", "Null", "NULL"}
# Tags docgen reads back as the text written; YAML resolves "=" and "<<" to others.
_TEXT_TAGS = {f"tag:yaml.org,2002:{name}"
              for name in ("str", "int", "float", "bool", "null", "timestamp")}
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\"\\\\]")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def scalar(value: str, *, flow: bool = False) -> str:
    """Return `value` as a YAML scalar that docgen reads back as exactly this text."""
    plain = (value not in _NULL_WORDS and value == value.strip()
             and value[0] not in _PLAIN_UNSAFE_START
             and ": " not in value and " #" not in value and not value.endswith(":")
             and not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]", value)
             and not (flow and re.search(r"[,\[\]{}]", value))
             and Resolver().resolve(ScalarNode, value, (True, False)) in _TEXT_TAGS)
    return value if plain else _double_quoted(value)


def _double_quoted(value: str) -> str:
    """Return `value` in YAML double quotes, escaping what YAML would read otherwise."""
    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _ESCAPES.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100
                                      else f"\\u{ord(char):04x}")

    return '"' + _NEEDS_ESCAPE.sub(escape, value) + '"'


def unified_diff(before: str, after: str, name: str) -> str:
    """Return the unified diff of an edit, marking a last line without a line end."""
    def lines(text: str) -> list[str]:
        result = text.splitlines(keepends=True)
        if result and not result[-1].endswith("\n"):
            result[-1] += "\n\\ No newline at end of file\n"
        return result

    return "".join(difflib.unified_diff(lines(before), lines(after), fromfile=f"a/{name}",
                                        tofile=f"b/{name}"))


# What libyaml counts as a line break, and so what its marks' line numbers count.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_BREAK_CHARS = "\r\n\x85\u2028\u2029"


class YamlText:
    """A content file's text, with its BOM and line ending remembered for writing back.

    Places are found by the parser's character offsets (marks' `index`), never by
    counting lines: a file saved with CR-only (old Mac) or mixed line ends is edited as
    safely as one with LF.
    """

    def __init__(self, raw: str, path: Path):
        self.path = path
        self.bom = raw.startswith(_BOM)
        self.text = raw[1:] if self.bom else raw
        first = _BREAK.search(self.text)
        self.newline = first.group() if first and first.group() in ("\r\n", "\r") else "\n"

    def encoded(self) -> bytes:
        """Return the edited file as bytes, with its original BOM."""
        return ((_BOM if self.bom else "") + self.text).encode("utf-8")

    def _root(self) -> MappingNode:
        try:
            root = yaml.compose(self.text, Loader=Loader)
        except YAMLError as error:  # the loader reports syntax errors before any edit
            raise UsageError(said.EDIT_YAML_ERRORS(path=str(self.path), detail=str(error))) \
                from None
        if not isinstance(root, MappingNode):
            raise UsageError(said.EDIT_NOT_MAPPING(path=str(self.path)))
        return root

    def has(self, key: str) -> bool:
        """Return True if the file has the top-level key `key`."""
        return self._top_level(key) is not None

    def _top_level(self, key: str) -> tuple[ScalarNode, Node] | None:
        return next(((k, v) for k, v in self._root().value if k.value == key), None)

    def _line_starts(self) -> list[int]:
        """Return the offset at which each line starts, as libyaml counts lines."""
        return [0] + [match.end() for match in _BREAK.finditer(self.text)]

    def _line_start_at(self, offset: int) -> int:
        """Return the offset of the start of the line that holds `offset`."""
        starts = self._line_starts()
        return starts[bisect.bisect_right(starts, offset) - 1]

    def _insert_at_line_start(self, offset: int, lines: list[str]) -> None:
        """Insert `lines` at `offset`, the start of a line or the end of the text."""
        if offset == len(self.text) and self.text and self.text[-1] not in _BREAK_CHARS:
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
            raise UsageError(said.EDIT_NO_LIST(path=str(self.path), key=key))
        _key, sequence = found
        if not isinstance(sequence, SequenceNode) or sequence.flow_style or not sequence.value:
            raise UsageError(said.EDIT_NOT_BLOCK_LIST(path=str(self.path), key=key))
        last = sequence.value[-1]
        if not isinstance(last, MappingNode):
            raise UsageError(said.EDIT_ITEMS_NOT_MAPPINGS(path=str(self.path), key=key))
        order = [k.value for k, _v in last.value if k.value in item]
        order += [name for name in item if name not in order]
        dash = self._dash_column(last)
        if last.flow_style:
            fields = ", ".join(f"{name}: {scalar(item[name], flow=True)}" for name in order)
            lines = [" " * dash + "- {" + fields + "}"]
        else:
            indent = max(last.start_mark.column, dash + 2)
            lines = [" " * dash + "-" + " " * (indent - dash - 1)
                     + f"{order[0]}: {scalar(item[order[0]])}"]
            lines += [" " * indent + f"{name}: {scalar(item[name])}" for name in order[1:]]
        self._insert_at_line_start(self._content_end_offset(last), lines)

    def _dash_column(self, item: Node) -> int:
        """Return the column of the '-' that opens list item `item` (which may stand alone
        on the line above the item's first key)."""
        offset = item.start_mark.index - 1
        while offset >= 0 and self.text[offset] in " \t" + _BREAK_CHARS:
            offset -= 1
        return offset - self._line_start_at(offset)

    def _content_end_offset(self, node: Node) -> int:
        """Return the start of the line after the last line of text of `node`, before any
        blank lines or comments that follow it (a block scalar kept with |+ keeps its
        blank lines)."""
        offset = _content_end(node).index
        last_scalar = _last_scalar(node)
        header = _BREAK.split(self.text[last_scalar.start_mark.index:], maxsplit=1)[0] \
            if last_scalar is not None else ""
        if not (last_scalar is not None and last_scalar.style in ("|", ">")
                and "+" in header.split("#", 1)[0]):
            while offset > 0 and self.text[offset - 1] in " \t" + _BREAK_CHARS:
                offset -= 1
        if offset == 0 or self.text[offset - 1] in _BREAK_CHARS:
            return offset
        following = _BREAK.search(self.text, offset)
        return following.end() if following else len(self.text)

    def set_values(self, values: dict[str, str], *, before: str) -> None:
        """Set top-level scalar keys: replace the value of those present, and insert the
        others (in the order given) just before the top-level key `before`."""
        for name, value in values.items():
            found = self._top_level(name)
            if found is not None:
                key, node = found
                if not isinstance(node, ScalarNode) or _BREAK.search(node.value):
                    raise UsageError(said.EDIT_NOT_SINGLE_LINE(path=str(self.path), key=name))
                if node.value == "" and not node.style:
                    # "name:" with no value: the parser marks the next line; write the value
                    # right after the colon instead.
                    start = end = self.text.index(":", key.end_mark.index) + 1
                    value_text = " " + scalar(value)
                else:
                    start, end = node.start_mark.index, node.end_mark.index
                    value_text = scalar(value)
                self.text = self.text[:start] + value_text + self.text[end:]
        missing = [name for name in values if self._top_level(name) is None]
        if missing:
            anchor = self._top_level(before)
            if anchor is None:
                raise UsageError(said.EDIT_NO_ANCHOR(path=str(self.path), key=before))
            # Insert above the comment lines that introduce the key, not between them.
            starts = self._line_starts()
            line = anchor[0].start_mark.line
            while line > 0 and self.text[starts[line - 1]:starts[line]].lstrip().startswith("#"):
                line -= 1
            self._insert_at_line_start(starts[line],
                                       [f"{name}: {scalar(values[name])}" for name in missing])


def _last_scalar(node: Node) -> ScalarNode | None:
    if isinstance(node, MappingNode) and node.value:
        return _last_scalar(node.value[-1][1])
    if isinstance(node, SequenceNode) and node.value:
        return _last_scalar(node.value[-1])
    return node if isinstance(node, ScalarNode) else None


def _content_end(node: Node):
    """Return the mark where the text of `node` ends, before any comment or blank line."""
    if isinstance(node, MappingNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1][1])
    if isinstance(node, SequenceNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1])
    return node.end_mark

