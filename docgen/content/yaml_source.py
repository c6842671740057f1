"""Read YAML content files into plain data, remembering where every value came from.

Every scalar becomes a string (or None for an empty value): YAML's implicit typing
would turn the version 1.10 into the float 1.1 and the word NO into False, so the
schema, not the parser, decides what a value means. Aliases, custom tags, duplicate
keys, control characters and wrong encodings are refused here, each with its line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import AliasEvent, MappingNode, MarkedYAMLError, Node, ScalarNode, SequenceNode, YAMLError

from docgen.errors import ContentError, Location, Problem

# libyaml's parser, where PyYAML was built with it (every wheel is): 20 times faster. The
# base loader resolves no implicit types (docgen keeps every value as text), and keeps
# tags the author wrote, which are refused below.
Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

PathKey = tuple[str | int, ...]

# The tags of plain text, lists and mappings; any other tag was written by the author
# (!!python/object, !!binary, ...) and is refused.
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_NULL_WORDS = {"", "~", "null", "Null", "NULL"}
# Characters that XML 1.0 cannot carry; Word pastes \x0b (manual line break) and
# \x0c (page break) into plain text, which would corrupt the .docx.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CONTROL_NAMES = {
    "\x00": "NUL",
    "\x0b": "vertical tab (a manual line break pasted from Word)",
    "\x0c": "form feed (a page break pasted from Word)",
}


@dataclass
class SourceMap:
    """Positions of the values (and mapping keys) of one YAML file, by data path."""

    file: Path
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: PathKey, *, key: bool = False) -> Location:
        """Return the location of the value at `path`, or of its nearest located ancestor."""
        path = tuple(path)
        if key and path in self.keys:
            return Location(self.file, *self.keys[path])
        while path:
            if path in self.values:
                return Location(self.file, *self.values[path])
            path = path[:-1]
        return Location(self.file, *self.values.get((), (1, 1)))


@dataclass
class YamlFile:
    """A parsed content file: its data, where each value sits, and its decoded text."""

    data: Any
    source: SourceMap
    text: str


def read_yaml_file(path: Path) -> YamlFile:
    """Return the parsed YAML file at `path`; raise ContentError naming every problem."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ContentError([Problem(Location(path), f"cannot read the file: {error.strerror}",
                                    "check that the file exists and is readable")]) from None
    return parse_yaml(decode_utf8(raw, path), path)


def decode_utf8(raw: bytes, path: Path) -> str:
    """Return `raw` decoded as UTF-8 (a BOM is allowed); explain any other encoding."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(raw):
        raise ContentError([Problem(Location(path, 1, 1), "the file is saved as UTF-16, not UTF-8",
                                    "save it again choosing the encoding 'UTF-8'")])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        gbk = _looks_like_gb18030(raw)
        # The column an editor shows: characters, not bytes, before the bad byte.
        before = raw[raw.rfind(b"\n", 0, error.start) + 1:error.start]
        column = len(before.decode("gb18030" if gbk else "utf-8", errors="replace")) + 1
        where = Location(path, line, column)
        if gbk:
            raise ContentError([Problem(
                where,
                "the file is not UTF-8: it looks like GBK/GB18030, the encoding Chinese "
                "Windows editors save in",
                f"convert it to UTF-8: in Notepad use 'Save As' with encoding 'UTF-8', "
                f"or run: iconv -f GB18030 -t UTF-8 '{path.name}' -o '{path.name}.utf8' "
                f"and replace the file with the result")]) from None
        raise ContentError([Problem(
            where, f"invalid UTF-8 byte 0x{raw[error.start]:02X}",
            "save the file as UTF-8; if text was pasted from another program, retype "
            "the characters on this line")]) from None


def _looks_like_utf16(raw: bytes) -> bool:
    """Return True for text saved as UTF-16 without a BOM: ASCII bytes alternate with NULs."""
    sample = raw[:400]
    return len(sample) >= 4 and sample.count(b"\x00") * 3 >= len(sample)


def _looks_like_gb18030(raw: bytes) -> bool:
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def parse_yaml(text: str, path: Path) -> YamlFile:
    """Return `text` parsed as one YAML document of plain data with its source map."""
    problems = _illegal_characters(text, path)
    if problems:
        raise ContentError(problems)
    try:
        root = yaml.compose(text, Loader=Loader)
    except MarkedYAMLError as error:
        raise ContentError([_syntax_problem(error, path, text)]) from None
    except YAMLError as error:
        raise ContentError([Problem(Location(path), f"YAML error: {error}",
                                    "check the YAML syntax of the file")]) from None
    if root is None:
        raise ContentError([Problem(Location(path, 1, 1), "the file is empty",
                                    "write the document's content as a YAML mapping")])
    converter = _Converter(path)
    data = converter.convert(root, ())
    if converter.problems:
        raise ContentError(_alias_problems(text, path) + [
            problem for problem in converter.problems if problem.message != _ALIAS_MESSAGE])
    return YamlFile(data=data, source=converter.source, text=text)


def _illegal_characters(text: str, path: Path) -> list[Problem]:
    problems = []
    # split on "\n" only: splitlines() would also break at the very \x0b and \x0c we report
    for line_number, line in enumerate(text.split("\n"), start=1):
        for match in _XML_ILLEGAL.finditer(line):
            problems.append(Problem(
                Location(path, line_number, match.start() + 1),
                f"illegal control character {_describe(match.group())}",
                "delete it; if the text was pasted from Word, retype the line break "
                "as a new list item or paragraph"))
    return problems


def _describe(char: str) -> str:
    name = _CONTROL_NAMES.get(char) or unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def _syntax_problem(error: MarkedYAMLError, path: Path, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    problem = (error.problem or str(error)).strip()
    lines = text.split("\n")
    at = lines[mark.line][mark.column:mark.column + 1] if mark and mark.line < len(lines) else ""
    if "'\\t'" in problem or "tab character" in problem or \
            (at == "\t" and "cannot start any token" in problem):
        return Problem(where, "a tab character is used for indentation; YAML needs spaces",
                       "replace the tab with spaces (set your editor to insert spaces for Tab)")
    if "mapping values are not allowed" in problem:
        return Problem(where, "YAML syntax error: a ': ' inside a value that is not quoted",
                       "put the whole value in quotes, or check the indentation of this line")
    if "expected a single document" in problem or "but found another document" in problem:
        return Problem(where, "the file holds more than one YAML document ('---')",
                       "keep one document per file")
    context = ""
    if error.context:
        started = error.context_mark
        context = f" ({error.context.strip()}" + (
            f" that starts at line {started.line + 1}, column {started.column + 1})"
            if started and (started.line, started.column) != (mark.line, mark.column) else ")")
    return Problem(where, f"YAML syntax error: {problem}{context}",
                   "check the indentation, quotes and brackets on this line and the lines above")


_ALIAS_MESSAGE = "YAML anchors and aliases (&name / *name) are not supported"
_ALIAS_HINT = "write the value out where it is needed"


def _alias_problems(text: str, path: Path) -> list[Problem]:
    """Return a problem at each alias (*name) of `text`: where the author must write the
    value out. Only called once an alias was met, so ordinary files are parsed once."""
    problems = []
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, AliasEvent):
            mark = event.start_mark
            problems.append(Problem(Location(path, mark.line + 1, mark.column + 1),
                                    _ALIAS_MESSAGE, _ALIAS_HINT))
    return problems


class _Converter:
    """Turns a composed node graph into dicts, lists, strings and None."""

    def __init__(self, path: Path):
        self.source = SourceMap(path)
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def _where(self, node: Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _fail(self, node: Node, message: str, hint: str) -> None:
        self.problems.append(Problem(Location(self.source.file, *self._where(node)), message, hint))

    def convert(self, node: Node, path: PathKey) -> Any:
        # An alias is the same node object met twice; refusing it here also stops
        # "billion laughs" documents before anything is expanded.
        if id(node) in self._seen:
            self._fail(node, _ALIAS_MESSAGE, _ALIAS_HINT)
            return None
        self._seen.add(id(node))
        self.source.values[path] = self._where(node)
        if node.tag not in _STANDARD_TAGS:
            shown = str(node.tag).replace("tag:yaml.org,2002:", "!!")
            self._fail(node, f"YAML tag '{shown}' is not allowed",
                       "remove the tag; content is plain text, lists and mappings")
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.convert(item, path + (index,)) for index, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        if not node.style and node.value in _NULL_WORDS:
            return None
        illegal = _XML_ILLEGAL.search(node.value)
        if illegal:  # written as an escape such as "\x0b" inside double quotes
            self._fail(node, f"illegal control character {_describe(illegal.group())} in this "
                             f"value", "remove the escape sequence from the quoted text")
            return None
        # A carriage return (written as "\r" in quotes) is a line break, as in the file.
        return node.value.replace("\r\n", "\n").replace("\r", "\n")

    def _mapping(self, node: MappingNode, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self._fail(key_node, "a mapping key must be plain text",
                           "write the key as a simple word followed by ': '")
                continue
            key = key_node.value
            if key in first_seen:
                self._fail(key_node, f"duplicate key '{key}' (first given on line "
                                     f"{first_seen[key]})",
                           "remove one of the two, or merge their values")
                continue
            first_seen[key] = key_node.start_mark.line + 1
            self.source.keys[path + (key,)] = self._where(key_node)
            result[key] = self.convert(value_node, path + (key,))
            if result[key] is None and isinstance(value_node, ScalarNode):
                # An empty value has no text of its own; point at its key instead of the
                # line after it, where the parser's mark lands.
                self.source.values[path + (key,)] = self._where(key_node)
        return result
