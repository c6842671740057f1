"""Find the process groups a document names, the tables that detail them, and the sections
of a capability plan that plan for a process.

A process framework names its processes in groups, in prose or list items:
"核心过程：服务级别管理、服务台管理、事件管理；", "支撑流程包括容量管理、信息安全管理和采购管理。",
or "管理过程为：" followed by a list of the names. Each becomes a `processes:` group; the
prose stays as written (the checks read the group, not the prose). A table under a
section that names the group ("核心过程管理要求"), whose first column lists mostly that
group's processes, gets `details: <id>`, so that STRUCT-ENUMERATION-TABLE compares the
two. In a capability plan, a section titled as a process ("事件管理" under "过程", or any
title the document itself enumerates as a process) gets `process: <name>`, so that
XREF-PROCESS-COVERAGE can tell what it plans for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from docgen.catalogue import import_processes as said
from docgen.checks.context import normalize
from docgen.importer.model import DataPath, Guess, Origin
from docgen.importer.process_names import (
    GroupStatement,
    group_identity,
    list_item_names,
    looks_like_process,
    read_statement,
)

# Header words of a column that only numbers the rows; the checks skip it the same way.
_NUMBER_COLUMNS = {"序号", "编号", "序"}
# A title that speaks of a framework's processes: 过程, 服务过程, 运维流程, 核心过程.
_ABOUT_PROCESSES = re.compile(r"过程|流程")
# A section title that names a process of its own: 事件管理, 服务台管理, 事件管理流程.
_PROCESS_TITLE = re.compile(r"^(?P<name>.{2,12}?管理)(?:过程|流程)?$")


@dataclass
class FoundProcesses:
    """The process groups a document declares, and what was guessed and where from."""

    groups: list[dict[str, object]] = field(default_factory=list)
    guesses: list[Guess] = field(default_factory=list)
    origins: dict[DataPath, Origin] = field(default_factory=dict)


@dataclass
class _Block:
    """A body block, where it is, and the titles of the sections it stands under."""

    value: object
    path: DataPath
    titles: tuple[str, ...]


def find_processes(data: dict, origins: dict[DataPath, Origin]) -> FoundProcesses:
    """Return the process groups `data`'s prose enumerates; mark in `data` the tables that
    detail a group (`details:`) and, in a capability plan, the sections that plan for a
    process (`process:`). `origins` says where the document's blocks came from."""
    found = FoundProcesses()
    sections = data.get("sections")
    if not isinstance(sections, list):
        return found
    blocks = list(_blocks(sections, ("sections",), ()))
    for statement, path in _statements(blocks):
        _add_group(found, statement, path, origins)
    for block in blocks:
        if isinstance(block.value, dict) and isinstance(block.value.get("table"), dict):
            _mark_detailed_table(found, block, origins)
    if data.get("role") == "capability_plan":
        names = {normalize(str(name)): str(name) for group in found.groups
                 for name in group["processes"]}  # type: ignore[union-attr]
        _mark_planning_sections(found, sections, ("sections",), "", names, origins)
    return found


# --- groups ------------------------------------------------------------------------------


def _statements(blocks: list[_Block]) -> Iterator[tuple[GroupStatement, DataPath]]:
    """Yield each statement that enumerates a group, with where it is: a paragraph or list
    item naming the processes, or one ending in a colon that the next list completes."""
    for position, block in enumerate(blocks):
        for text, path in _texts(block):
            statement = read_statement(text)
            if statement is None:
                continue
            if not statement.processes:
                following = blocks[position + 1] if position + 1 < len(blocks) else None
                if following is None or following.path[:-1] != block.path[:-1]:
                    continue
                statement.processes = list_item_names(following.value)
            if len(statement.processes) >= 2 and (
                    statement.known_group
                    or sum(map(looks_like_process, statement.processes)) * 2 > len(
                        statement.processes)):
                yield statement, path


def _texts(block: _Block) -> Iterator[tuple[str, DataPath]]:
    """Yield the prose of a paragraph, or of each item of a list, with its path."""
    value = block.value
    if isinstance(value, str):
        yield value, block.path
    elif isinstance(value, dict) and isinstance(value.get("p"), str):
        yield value["p"], block.path
    elif isinstance(value, dict):
        for key in ("bullets", "numbered"):
            for index, item in enumerate(value.get(key) or []):
                text = item.get("text") if isinstance(item, dict) else item
                if isinstance(text, str):
                    yield text, (*block.path, key, index)


def _add_group(found: FoundProcesses, statement: GroupStatement, path: DataPath,
               origins: dict[DataPath, Origin]) -> None:
    if any(group["name"] == statement.name for group in found.groups):
        return  # named again further on (in the scope, then in its own section): one group
    taken = {str(group["id"]) for group in found.groups}
    group_id, kind = group_identity(statement.name, taken)
    group: dict[str, object] = {"id": group_id, "name": statement.name,
                                "processes": statement.processes}
    if kind != "service":
        group["kind"] = kind
    index = len(found.groups)
    found.groups.append(group)
    where = ("processes", index)
    found.guesses.append(Guess(where, said.GROUP_FOUND(
        words=statement.words, name=statement.name, id=group_id,
        count=len(statement.processes), processes=statement.processes)))
    if kind == "management":
        found.guesses.append(Guess((*where, "kind"), said.GROUP_OF_MANAGEMENT(
            name=statement.name)))
    origin = _nearest_origin(origins, path)
    if origin is not None:
        found.origins[where] = origin
        for position in range(len(statement.processes)):
            found.origins[(*where, "processes", position)] = origin


# --- tables that detail a group ----------------------------------------------------------


def _mark_detailed_table(found: FoundProcesses, block: _Block,
                         origins: dict[DataPath, Origin]) -> None:
    table = block.value["table"]  # type: ignore[index]
    if "details" in table:
        return
    names = _first_column(table)
    if len(names) < 2:
        return
    where = " ".join((*block.titles[-1:], str(table.get("caption") or "")))
    best: tuple[int, dict[str, object]] | None = None
    for group in found.groups:
        members = {normalize(str(name)) for name in group["processes"]}  # type: ignore[union-attr]
        matched = sum(normalize(name) in members for name in names)
        if matched >= 2 and matched * 2 > len(names) and _names_group(where, group) and (
                best is None or matched > best[0]):
            best = (matched, group)
    if best is None:
        return
    matched, group = best
    table["details"] = group["id"]
    path = (*block.path, "table", "details")
    found.guesses.append(Guess(path, said.TABLE_DETAILS_GROUP(
        matched=matched, count=len(group["processes"]),  # type: ignore[arg-type]
        name=group["name"], id=group["id"])))
    origin = _nearest_origin(origins, block.path)
    if origin is not None:
        found.origins[path] = origin


def _names_group(text: str, group: dict[str, object]) -> bool:
    """Whether a title or caption names `group`: 核心过程管理要求 names 核心过程, and so
    does 核心流程一览 (the group's own word with either ending)."""
    name = str(group["name"])
    qualifier = re.sub(r"(过程|流程)$", "", name)
    return name in text or bool(qualifier) and re.search(
        re.escape(qualifier) + r"(过程|流程)", text) is not None


def _first_column(table: dict) -> list[str]:
    """Return the texts of the body rows' cells in the column the checks read as a
    table's names (its first column that does not number the rows); [] when that column
    cannot be told, or a total row's cells."""
    header = table.get("header") or []
    if not header:
        return []
    first_row = _cells(header[0])
    if any(isinstance(cell, dict) and cell.get("cols", 1) != 1 for cell in first_row):
        return []
    column = next((index for index, cell in enumerate(first_row)
                   if normalize(_cell_text(cell)) not in _NUMBER_COLUMNS), 0)
    if table.get("number_rows"):
        column -= 1  # the body rows leave out the number column: docgen writes it
    if column < 0:
        return []
    names: list[str] = []
    covered: dict[int, int] = {}  # column -> rows still covered by a cell merged downwards
    for row in table.get("rows") or []:
        if isinstance(row, dict) and (row.get("total") or row.get("subtotal")):
            continue
        position = 0
        for cell in _cells(row):
            while covered.get(position, 0) > 0:
                position += 1
            span = cell.get("cols", 1) if isinstance(cell, dict) else 1
            down = cell.get("rows", 1) if isinstance(cell, dict) else 1
            if position == column and _cell_text(cell).strip():
                names.append(_cell_text(cell).strip())
            for spanned in range(position, position + span):
                covered[spanned] = covered.get(spanned, 0) + down
            position += span
        covered = {key: rows - 1 for key, rows in covered.items() if rows > 1}
    return names


def _cells(row: object) -> list[object]:
    if isinstance(row, dict):
        row = row.get("cells") or []
    return list(row) if isinstance(row, list) else []


def _cell_text(cell: object) -> str:
    if isinstance(cell, dict):
        return str(cell.get("text") or "")
    return str(cell) if cell is not None else ""


# --- a capability plan's sections --------------------------------------------------------


def _mark_planning_sections(found: FoundProcesses, sections: list, path: DataPath,
                            parent: str, enumerated: dict[str, str],
                            origins: dict[DataPath, Origin]) -> None:
    for index, section in enumerate(sections):
        if not isinstance(section, dict):
            continue
        here = (*path, index)
        title = str(section.get("title") or "").strip()
        process = enumerated.get(normalize(title))
        if process is None and _ABOUT_PROCESSES.search(parent):
            match = _PROCESS_TITLE.match(title)
            # 过程管理 or 流程管理 is about all processes, not one of them.
            if match and not _ABOUT_PROCESSES.match(title):
                process = match.group("name")
        if process is not None and "process" not in section:
            section["process"] = process
            found.guesses.append(Guess((*here, "process"),
                                       said.SECTION_PLANS_PROCESS(process=process)))
            origin = _nearest_origin(origins, here)
            if origin is not None:
                found.origins[(*here, "process")] = origin
        children = section.get("sections")
        if isinstance(children, list):
            _mark_planning_sections(found, children, (*here, "sections"), title,
                                    enumerated, origins)


# --- walking the data --------------------------------------------------------------------


def _blocks(sections: list, path: DataPath, titles: tuple[str, ...]) -> Iterator[_Block]:
    """Yield every body block of `sections` and their subsections, in document order."""
    for index, section in enumerate(sections):
        if not isinstance(section, dict):
            continue
        here = (*path, index)
        inner = (*titles, str(section.get("title") or ""))
        for position, block in enumerate(section.get("body") or []):
            yield _Block(block, (*here, "body", position), inner)
        children = section.get("sections")
        if isinstance(children, list):
            yield from _blocks(children, (*here, "sections"), inner)


def _nearest_origin(origins: dict[DataPath, Origin], path: DataPath) -> Origin | None:
    """Return the origin of `path`, or of the nearest value that holds it."""
    for length in range(len(path), 0, -1):
        origin = origins.get(path[:length])
        if origin is not None:
            return origin
    return None
