"""Read YAML content files into plain data, remembering where every value came from.

Every scalar becomes a string (or None for an empty value): YAML's implicit typing
would turn the version 1.10 into the float 1.1 and the word NO into False, so the
schema, not the parser, decides what a value means. Aliases, custom tags, duplicate
keys, control characters and wrong encodings are refused here, each with its line.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml import (
    AliasEvent,
    MappingEndEvent,
    MappingNode,
    MappingStartEvent,
    MarkedYAMLError,
    Node,
    ScalarNode,
    SequenceEndEvent,
    SequenceNode,
    SequenceStartEvent,
    YAMLError,
)

from docgen.catalogue import reading as said
from docgen.errors import ContentError, Location, Problem
from docgen.files import NotARegularFile, read_regular_file
from docgen.messages import Message, MessageType
from docgen.workers import Workers, map_tasks

# libyaml's parser, where PyYAML was built with it (every wheel is): 20 times faster. The
# base loader resolves no implicit types (docgen keeps every value as text), and keeps
# tags the author wrote, which are refused below.
_BaseLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_DEFAULT_TAGS = {ScalarNode: "tag:yaml.org,2002:str", SequenceNode: "tag:yaml.org,2002:seq",
                 MappingNode: "tag:yaml.org,2002:map"}


class Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The base loader without its resolver, which has nothing to resolve for it anyway:
    an untagged node is text, a list or a mapping (a third of the loading time)."""

    def resolve(self, kind: type[Node], value: object, implicit: object) -> str:
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

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
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class SourceMap:
    """Positions of the values (and mapping keys) of one YAML file, by data path.

    They are found when first asked for, by parsing the text again: only errors and
    findings need them, and recording every position of every file as it is first
    read would cost a fifth of the loading time and a third of its memory.
    """

    def __init__(self, file: Path, text: str):
        self.file = file
        self.text = text
        self._values: dict[PathKey, tuple[int, int]] | None = None
        self._keys: dict[PathKey, tuple[int, int]] = {}

    @property
    def values(self) -> dict[PathKey, tuple[int, int]]:
        """Where each value starts: (line, column), by path."""
        if self._values is None:
            self._find_positions()
        return self._values  # type: ignore[return-value]

    @property
    def keys(self) -> dict[PathKey, tuple[int, int]]:
        """Where each mapping key starts: (line, column), by the path of its value."""
        if self._values is None:
            self._find_positions()
        return self._keys

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

    def locate_text(self, path: PathKey, needle: str) -> Location:
        """Return where `needle` is written inside the value at `path`: its own line and
        column, or the value's start when the file does not hold it as written (escaped
        in quotes, folded over lines)."""
        start = self.locate(path)
        lines = self.text.split("\n")
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line) + 1)

        def offset(line: int, column: int) -> int:
            return offsets[min(line, len(lines)) - 1] + column - 1

        begin = offset(start.line or 1, start.column or 1)
        # The value ends where the next value or key outside it starts.
        path = tuple(path)
        following = [offset(*position)
                     for positions in (self.values, self.keys)
                     for other, position in positions.items()
                     if other[:len(path)] != path and offset(*position) > begin]
        end = min(following, default=len(self.text))
        found = self.text.find(needle, begin, end)
        if found < 0:
            return start
        line = next(index for index, first in enumerate(offsets) if first > found)
        return Location(self.file, line, found - offsets[line - 1] + 1)

    def _find_positions(self) -> None:
        converter = _Converter(self.file, self.text, positions=True)
        # The text parsed once; should it not parse now, every location is line 1.
        with contextlib.suppress(YAMLError):
            converter.convert(yaml.compose(self.text, Loader=Loader), ())
        self._values, self._keys = converter.values, converter.keys


@dataclass
class YamlFile:
    """A parsed content file: its data, where each value sits, and its decoded text."""

    data: Any
    source: SourceMap
    text: str


def read_yaml_file(path: Path) -> YamlFile:
    """Return the parsed YAML file at `path`; raise ContentError naming every problem."""
    try:
        raw = read_regular_file(path)
    except NotARegularFile as error:
        raise ContentError([Problem(Location(path), said.CANNOT_READ_NOT_A_FILE(
            reason=error.what))]) from None
    except OSError as error:
        # The system's words for what is wrong: no such file, permission denied.
        raise ContentError([Problem(Location(path), said.CANNOT_READ(
            reason=error.strerror))]) from None
    return parse_yaml(decode_utf8(raw, path), path)


def read_yaml_files(paths: Sequence[Path], workers: Workers | None = None
                    ) -> list[YamlFile | ContentError]:
    """Return each file at `paths` parsed, or the ContentError it raised; large sets are
    parsed on `workers` (None: in this thread)."""
    return map_tasks(workers, _read_one, list(paths), per_worker=_FILES_PER_WORKER)


# Fewer files than this per process, and starting the processes costs more than it saves.
_FILES_PER_WORKER = 16


def _read_one(paths: list[Path], index: int) -> YamlFile | ContentError:
    return _read_or_fail(paths[index])


def _read_or_fail(path: Path) -> YamlFile | ContentError:
    try:
        return read_yaml_file(path)
    except ContentError as error:
        return error


def decode_utf8(raw: bytes, path: Path) -> str:
    """Return `raw` decoded as UTF-8 (a BOM is allowed); explain any other encoding."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(raw):
        raise ContentError([Problem(Location(path, 1, 1), said.UTF16())])
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
            raise ContentError([Problem(where, said.GB18030(name=path.name))]) from None
        raise ContentError([Problem(where, said.NOT_UTF8(byte=raw[error.start]))]) from None


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
        _refuse_deep_nesting(text, path)
        root = yaml.compose(text, Loader=Loader)
    except MarkedYAMLError as error:
        raise ContentError([_syntax_problem(error, path, text)]) from None
    except YAMLError as error:
        raise ContentError([Problem(Location(path), said.YAML_ERROR(detail=str(error)))]) \
            from None
    if root is None:
        raise ContentError([Problem(Location(path, 1, 1), said.EMPTY())])
    converter = _Converter(path, text)
    data = converter.convert(root, ())
    if converter.problems:
        raise ContentError(_alias_problems(text, path) + [
            problem for problem in converter.problems if problem.what.code != said.ALIAS.code])
    return YamlFile(data=data, source=SourceMap(path, text), text=text)


# Content needs a dozen levels (sections, lists, tables, cells). libyaml's composer and
# docgen's own walkers recurse once or twice per level: a file nested thousands of levels
# deep would exhaust Python's recursion limit, and hundreds of thousands the C stack.
MAX_DEPTH = 100
_OPENING = (MappingStartEvent, SequenceStartEvent)
_CLOSING = (MappingEndEvent, SequenceEndEvent)


def _refuse_deep_nesting(text: str, path: Path) -> None:
    """Raise ContentError at the first list or mapping nested deeper than MAX_DEPTH.

    libyaml's parser yields events without recursing, so the depth is known before
    anything recursive (the composer) sees the file.
    """
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, _OPENING):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise ContentError([Problem(Location(path, mark.line + 1, mark.column + 1),
                                            said.TOO_DEEP(most=MAX_DEPTH))])
        elif isinstance(event, _CLOSING):
            depth -= 1


def _illegal_characters(text: str, path: Path) -> list[Problem]:
    if not XML_ILLEGAL.search(text):
        return []
    problems = []
    # split on "\n" only: splitlines() would also break at the very \x0b and \x0c we report
    for line_number, line in enumerate(text.split("\n"), start=1):
        for match in XML_ILLEGAL.finditer(line):
            problems.append(Problem(
                Location(path, line_number, match.start() + 1),
                said.ILLEGAL_CHARACTER(character=describe_character(match.group()))))
    return problems


def describe_character(char: str) -> Message:
    """Return a character as a message: U+XXXX with its name, U+000B (vertical tab ...)."""
    known = said.CONTROL_NAMES.get(char)
    # Unicode's name of the character, where docgen has no words of its own for it.
    name = known() if known else unicodedata.name(char, "")
    return said.CHARACTER_NAMED(code=ord(char), name=name) if name \
        else said.CHARACTER(code=ord(char))


def _unquoted_braces(written: str, entry: MessageType = said.UNQUOTED_BRACES) -> Message:
    """Return the message (an `entry`) for text starting with {{ that is not quoted."""
    shown = written.strip()
    quoted = '"' + shown.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return entry(text=shown, quoted=quoted)


# Unquoted text that starts with {{ after a key, a list dash, or inside [ ] or { }.
_UNQUOTED_BRACES = re.compile(r"(?:^|:\s|-\s|[\[,{]\s*)\s*(\{\{.*)")


# PyYAML's words (and libyaml's: its `problem` can differ) for the syntax errors docgen
# explains in sentences of its own: words in the problem, the character the error's mark
# points at ("" for any), and docgen's entry. Any other error is shown in PyYAML's words.
_PYYAML_PROBLEMS: tuple[tuple[str, str, MessageType], ...] = (
    ("'\\t'", "", said.TAB_INDENT),
    ("tab character", "", said.TAB_INDENT),
    # libyaml does not name the character that cannot start a token.
    ("cannot start any token", "\t", said.TAB_INDENT),
    ("mapping values are not allowed", "", said.COLON_IN_VALUE),
    ("expected a single document", "", said.MORE_THAN_ONE_DOCUMENT),
    ("but found another document", "", said.MORE_THAN_ONE_DOCUMENT),
)


def _syntax_problem(error: MarkedYAMLError, path: Path, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    problem = (error.problem or str(error)).strip()
    lines = text.split("\n")
    at = lines[mark.line][mark.column:mark.column + 1] if mark and mark.line < len(lines) else ""
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    braces = _UNQUOTED_BRACES.search(line)
    if braces:
        return Problem(Location(path, mark.line + 1, braces.start(1) + 1),
                       _unquoted_braces(braces.group(1).rstrip(), said.SYNTAX_UNQUOTED_BRACES))
    for words, character, entry in _PYYAML_PROBLEMS:
        if words in problem and (not character or at == character):
            return Problem(where, entry())
    if not error.context:
        return Problem(where, said.SYNTAX(detail=problem))
    started = error.context_mark
    if started and (started.line, started.column) != (mark.line, mark.column):
        return Problem(where, said.SYNTAX_WHILE_FROM(detail=problem, context=error.context.strip(),
                                                     line=started.line + 1,
                                                     column=started.column + 1))
    return Problem(where, said.SYNTAX_WHILE(detail=problem, context=error.context.strip()))


def _alias_problems(text: str, path: Path) -> list[Problem]:
    """Return a problem at each alias (*name) of `text`: where the author must write the
    value out. Only called once an alias was met, so ordinary files are parsed once."""
    problems = []
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, AliasEvent):
            mark = event.start_mark
            problems.append(Problem(Location(path, mark.line + 1, mark.column + 1),
                                    said.ALIAS()))
    return problems


class _Converter:
    """Turns a composed node graph into dicts, lists, strings and None."""

    def __init__(self, path: Path, text: str, *, positions: bool = False):
        self.file = path
        self.text = text
        self.problems: list[Problem] = []
        # Where values and keys start, by path: recorded only when asked for.
        self.positions = positions
        self.values: dict[PathKey, tuple[int, int]] = {}
        self.keys: dict[PathKey, tuple[int, int]] = {}
        self._seen: set[int] = set()

    def _where(self, node: Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _fail(self, node: Node, message: Message) -> None:
        self.problems.append(Problem(Location(self.file, *self._where(node)), message))

    def convert(self, node: Node, path: PathKey) -> Any:
        # An alias is the same node object met twice; refusing it here also stops
        # "billion laughs" documents before anything is expanded.
        if id(node) in self._seen:
            self._fail(node, said.ALIAS())
            return None
        self._seen.add(id(node))
        if self.positions:
            self.values[path] = self._where(node)
        if node.tag not in _STANDARD_TAGS:
            shown = str(node.tag).replace("tag:yaml.org,2002:", "!!")
            self._fail(node, said.TAG(tag=shown))
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        return [self.convert(item, path + (index,)) for index, item in enumerate(node.value)]

    def _scalar(self, node: ScalarNode) -> str | None:
        value = node.value
        if not node.style:
            return None if value in _NULL_WORDS else value
        if node.style != '"':
            return value
        # Only a double-quoted value can hold escapes, such as "\x0b" or "\r".
        illegal = XML_ILLEGAL.search(value)
        if illegal:
            self._fail(node, said.ILLEGAL_ESCAPE(character=describe_character(illegal.group())))
            return None
        # A carriage return (written as "\r" in quotes) is a line break, as in the file.
        return value.replace("\r\n", "\n").replace("\r", "\n")

    def _mapping(self, node: MappingNode, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                written = self.text[node.start_mark.index:node.end_mark.index]
                if written.startswith("{{"):
                    # {{ kpi.x.name }} unquoted: YAML reads a mapping inside a mapping.
                    self._fail(node, _unquoted_braces(written))
                else:
                    self._fail(key_node, said.KEY_NOT_TEXT())
                continue
            key = key_node.value
            if key in first_seen:
                self._fail(key_node, said.DUPLICATE_KEY(key=key, line=first_seen[key]))
                continue
            first_seen[key] = key_node.start_mark.line + 1
            result[key] = self.convert(value_node, path + (key,))
            if self.positions:
                self.keys[path + (key,)] = self._where(key_node)
                if result[key] is None and isinstance(value_node, ScalarNode):
                    # An empty value has no text of its own; point at its key instead of
                    # the line after it, where the parser's mark lands.
                    self.values[path + (key,)] = self._where(key_node)
        return result
