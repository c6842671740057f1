"""Read the sentences that name a group of processes, and the names in them.

"核心过程：服务级别管理、服务台管理、事件管理；", "支撑流程包括容量管理、信息安全管理和采购管理。",
"其中，管理过程为过程规划、过程监控、过程评审及过程改进等。": a name ending in 过程 or 流程,
a colon or 包括/为/有/分为, then the names separated by 、，；/ and a last 和/及/与. A name
that holds 与 itself (可用性与连续性管理) stays whole: a conjunction splits only where the
parts read as names alike (事件管理和问题管理, 过程评审及过程改进).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The group's name, the words that join it to its processes, and the processes: a lead-in
# clause may come first (其中，核心过程包括……).
_STATEMENT = re.compile(
    r"^(?:[^。；;：:]{0,20}[，,])?"
    r"(?P<name>[^\s，,。；;：:、（）()]{0,14}?(?:过程|流程))"
    r"(?:(?:主要|具体)?(?:包括|包含|划分为|分为|为|有|是)\s*[：:]?|\s*[：:])"
    r"\s*(?P<rest>.*)$")
# A number or bullet typed before the text: 1、 （2） ① ● ■ ➤ -.
_TYPED_LABEL = re.compile(r"^\s*(?:[（(]?\d{1,2}[）).、．]|[①-⑳]|[●■◆▪•➤►\-–—])\s*")
_BOLD = re.compile(r"\*\*")
_QUOTES = "“”‘’\"'「」『』《》【】"
_PARENTHESES = re.compile(r"[（(][^（()）]*[）)]")
_SEPARATORS = re.compile(r"[、，,；;／/]")
_CONJUNCTIONS = re.compile(r"以及|及|和|与")
# What closes a list: its punctuation, and 等 (等, 等过程, 等4个过程).
_CLOSING = re.compile(
    r"(?:等(?:[0-9一二三四五六七八九十]+[个项类])?(?:过程|流程)?)?[。；;，,.!！\s]*$")
_INVALID_IN_NAME = re.compile(r"[的\s：:。！？!?\d]")
# What a process's name usually ends with, or (for a framework's own processes) starts with.
_PROCESS_ENDINGS = ("管理", "过程", "流程", "控制", "审计")
_PROCESS_STARTS = ("过程", "流程")

# The words that say which group it is: 核心过程 (core), 支撑流程 (support), 管理过程.
_GROUP_WORDS = (("core", ("核心", "关键")), ("support", ("支撑", "支持", "辅助", "保障")))
_MANAGEMENT = re.compile(r"^(?:过程|流程)?管理$")


@dataclass
class GroupStatement:
    """A sentence naming a group of processes: the group's name, its processes ([] when
    the text ends in a colon and a list follows), and its first words."""

    name: str
    processes: list[str]
    words: str
    known_group: bool
    """Whether the name says which group it is (核心, 支撑, 管理): such a group's processes
    need not be named like processes (过程规划, 监控)."""


def read_statement(text: str) -> GroupStatement | None:
    """Return the group that `text` enumerates, or None if it enumerates none. The names
    may follow on lines of their own (manual line breaks, or a list typed on under a
    numbered item: "管理过程为：\n● 过程规划；\n● 过程监控。")."""
    head, *lines = _BOLD.sub("", text).split("\n")
    if lines and head.rstrip().endswith(("：", ":")):
        statement = read_statement(head)
        if statement is not None and not statement.processes:
            statement.processes = _names_of_items(lines)
        return statement
    clean = _TYPED_LABEL.sub("", "".join([head, *lines])).strip()
    match = _STATEMENT.match(clean)
    if match is None:
        return None
    name = match.group("name").strip(_QUOTES).split("的")[-1]
    name = re.sub(r"^(?:其中|具体|另外)", "", name)
    if not name:
        return None
    rest = match.group("rest")
    words = clean if len(clean) <= 24 else clean[:24] + "…"
    known = _group_word(name) is not None
    if not _CLOSING.sub("", rest):
        return GroupStatement(name, [], words, known) if clean.endswith(("：", ":")) else None
    names = process_names(rest)
    return GroupStatement(name, names, words, known) if names else None


def process_names(text: str) -> list[str]:
    """Return the names a list of processes in prose gives, in order; [] if any part of
    it does not read as a name (a clause, a sentence)."""
    text = _CLOSING.sub("", _PARENTHESES.sub("", text))
    pieces = [piece.strip().strip(_QUOTES).strip() for piece in _SEPARATORS.split(text)]
    names: list[str] = []
    for position, piece in enumerate(pieces):
        others = pieces[:position] + pieces[position + 1:]
        names.extend(_split_conjunction(piece, others))
    return names if names and all(map(_is_name, names)) else []


def list_item_names(block: object) -> list[str]:
    """Return the names a bulleted or numbered list gives, one an item; [] if an item
    is not a name alone."""
    if not isinstance(block, dict):
        return []
    items = block.get("bullets") or block.get("numbered") or []
    texts = [item.get("text") if isinstance(item, dict) else item for item in items]
    return _names_of_items(texts) if all(isinstance(text, str) for text in texts) else []


def _names_of_items(texts: list[str]) -> list[str]:
    """Return the name each text gives, one a text; [] if one is not a name alone."""
    names = []
    for text in texts:
        text = _TYPED_LABEL.sub("", _BOLD.sub("", text))
        name = _CLOSING.sub("", _PARENTHESES.sub("", text)).strip().strip(_QUOTES)
        if not _is_name(name):
            return []
        names.append(name)
    return names


def looks_like_process(name: str) -> bool:
    """Whether `name` is named as processes are: 事件管理, 过程规划, 变更控制."""
    return name.endswith(_PROCESS_ENDINGS) or name.startswith(_PROCESS_STARTS)


def group_identity(name: str, taken: set[str]) -> tuple[str, str]:
    """Return the id and kind a group named `name` gets: core, support or management by
    its word, else the first of group_1, group_2, … that `taken` does not hold."""
    word = _group_word(name)
    kind = "management" if word == "management" else "service"
    if word is not None and word not in taken:
        return word, kind
    number = 1
    while f"group_{number}" in taken:
        number += 1
    return f"group_{number}", kind


def _group_word(name: str) -> str | None:
    qualifier = re.sub(r"类?(?:过程|流程)$", "", name)
    if _MANAGEMENT.match(qualifier):
        return "management"
    for group, words in _GROUP_WORDS:
        if any(word in qualifier for word in words):
            return group
    return None


def _split_conjunction(piece: str, others: list[str]) -> list[str]:
    """Return `piece` split at 和/及/与 where its parts read as names alike (事件管理和问题
    管理, 过程评审及过程改进), else `piece` whole (可用性与连续性管理)."""
    parts = [part.strip().strip(_QUOTES) for part in _CONJUNCTIONS.split(piece)]
    if len(parts) < 2 or not all(len(part) >= 2 for part in parts):
        return [piece]
    last = parts[-1]
    endings = {last[-2:]} | {other[-2:] for other in others if len(other) >= 2}
    if all(part[-2:] in endings or part[:2] == last[:2] for part in parts[:-1]):
        return parts
    return [piece]


def _is_name(name: str) -> bool:
    return 2 <= len(name) <= 15 and not _INVALID_IN_NAME.search(name)
