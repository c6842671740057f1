"""Find and read a revision table (文件编制和变更履历, 修订记录, 变更记录) whatever its layout:
columns are mapped by the words of their headers, one or two header rows deep (编制/更改
over 作者 and 日期), in any order; rows become revisions in content format, oldest first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from docgen.content.values import InvalidValue, parse_version
from docgen.importer.cover import signer_name
from docgen.importer.front_values import compact, find_date, normal_version, tidy
from docgen.importer.model import Origin, WordCell, WordTable

# Header words for each field of a revision row, the more specific first.
_COLUMN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("version", ("版本号", "版本", "版次", "文件版本", "修订版本", "版号")),
    ("author", ("作者", "编制人", "编制者", "编制", "修订人", "修改人", "更改人", "变更人",
                "拟制人", "拟制", "起草人", "编写人", "编写", "执笔人", "修订者", "制定人",
                "申请人")),
    ("reviewer", ("审核人", "审核", "校对人", "校对", "审查人", "审查")),
    ("approver", ("批准人", "批准", "审批人", "审批", "签发人", "签发", "核准人", "核准")),
    ("change", ("更改记录", "修订内容", "变更说明", "修改内容", "变更内容", "修订说明",
                "更改内容", "更改说明", "修改说明", "变更描述", "修订描述", "修订摘要",
                "变更摘要", "更改摘要", "修改记录", "修订记录", "变更记录", "内容", "说明",
                "摘要", "描述", "原因", "记录")),
)
_DATE_WORDS = ("日期", "时间")
# Words that say whose date a date column holds, in its own header or the group above it.
_DATE_OWNERS = (("review_date", ("审核", "校对", "审查")),
                ("approve_date", ("批准", "审批", "实施", "生效", "签发", "核准")),
                ("date", ("编制", "更改", "修订", "变更", "修改", "起草", "作者", "编写")),
                ("approve_date", ("发布",)))
_SIGNER_DATES = {"author": "date", "reviewer": "review_date", "approver": "approve_date"}


@dataclass
class RevisionTable:
    """A revision table read: its rows in content format, oldest first, and where each
    came from."""

    table: WordTable
    columns: list[str]
    """The field of each grid column ("" where none)."""
    rows: list[dict[str, object]] = field(default_factory=list)
    origins: list[Origin] = field(default_factory=list)
    guessed_versions: list[tuple[int, str]] = field(default_factory=list)
    """(row, as written) for each version normalised only by a guess."""
    newest_first: bool = False
    one_date: bool = False
    """Whether the table gives one date a row, the approval's (日期 next to 批准人)."""


def header_fields(table: WordTable) -> tuple[list[str], int]:
    """Return the field of each column of `table` by its headers, and how many rows the
    headers take.

    Where a converter dropped the row spans of a two-row header (版本 and 更改记录 over
    both rows), the second row's words start too far left; of the ways to line them up
    again, the one whose fields the data rows fit best is taken."""
    depth = max((cell.rows for cell in table.rows[0]), default=1) if table.rows else 1
    if depth == 1 and len(table.rows) > 2 and _all_headers(table.rows[1]):
        depth = 2
    depth = min(depth, 3, len(table.rows))
    layouts = [_columns(table, depth, shift) for shift in _shifts(table, depth)]
    best = max(layouts, key=lambda columns: _fit(columns, table.rows[depth:]))
    return best, depth


def _shifts(table: WordTable, depth: int) -> range:
    """Return how far right the last header row's words may have to move: as far as it
    has empty cells at its end, when no header cell spans rows."""
    if depth < 2 or any(cell.rows > 1 for row in table.rows[:depth] for cell in row):
        return range(1)
    empty_end = 0
    for cell in reversed(table.rows[depth - 1]):
        if cell.text.strip():
            break
        empty_end += cell.cols
    return range(min(empty_end, 2) + 1)


def _columns(table: WordTable, depth: int, shift: int) -> list[str]:
    """Return the field of each column with the last header row moved `shift` columns right."""
    paths: list[list[str]] = [[] for _ in range(table.column_count)]
    for number, row in enumerate(table.rows[:depth]):
        moved = shift if number == depth - 1 else 0
        for cell in row:
            start = cell.column + moved
            for column in range(start, min(start + cell.cols, table.column_count)):
                text = compact(cell.text)
                if text and (not paths[column] or paths[column][-1] != text):
                    paths[column].append(text)
    columns = [_field(path[-1]) if path else "" for path in paths]
    _resolve_dates(columns, paths)
    return columns


def _fit(columns: list[str], rows: list[list[WordCell]]) -> int:
    """Return how well the data rows' values fit the columns' fields: a version under
    版本, a date under 日期, a name under a signer; less for each value that does not."""
    score = 0
    for row in rows:
        for cell in row:
            text = cell.text.strip()
            name = columns[cell.column] if cell.column < len(columns) else ""
            if not text or not name:
                continue
            version = normal_version(text)
            date = find_date(text)
            if name == "version":
                fits = version is not None
            elif name in ("date", "review_date", "approve_date"):
                fits = date is not None
            elif name in _SIGNER_DATES:
                fits = bool(signer_name(text)) and date is None and version is None
            else:
                fits = date is None and version is None
            score += 1 if fits else -1
    return score


def _all_headers(row: list[WordCell]) -> bool:
    texts = [compact(cell.text) for cell in row if cell.text.strip()]
    return bool(texts) and all(_field(text) and not find_date(text) and not normal_version(text)
                               for text in texts)


def _field(header: str) -> str:
    """Return the field a column's header names; "date" for any date column."""
    if header.endswith(_DATE_WORDS):
        return "date"
    for name, words in _COLUMN_WORDS:
        if header in words:
            return name
    for name, words in _COLUMN_WORDS:
        if any(word in header for word in words):
            return name
    return ""


def _owner(text: str) -> str:
    return next((name for name, words in _DATE_OWNERS if any(word in text for word in words)), "")


def _resolve_dates(columns: list[str], paths: list[list[str]]) -> None:
    """Settle whose date each date column holds: its own header's word (审核日期), the
    signer under the same group header (发布: 审核 | 日期), the group's word (实施), the
    signer in the column before it, or else the row's own date (the approval's where the
    table names no author but an approver)."""
    owners = []
    dates = [index for index, name in enumerate(columns) if name == "date"]
    for index in dates:
        path = paths[index]
        group = path[:-1]
        mates = [columns[other] for other in range(len(columns))
                 if other != index and paths[other][:-1] == group and group
                 and columns[other] in _SIGNER_DATES]
        previous = columns[index - 1] if index else ""
        owner = (_owner(path[-1]) or (_SIGNER_DATES[mates[0]] if mates else "")
                 or (_owner(group[-1]) if group else "")
                 or (_SIGNER_DATES[previous] if previous in _SIGNER_DATES and len(dates) > 1
                     else ""))
        owners.append(owner)
    taken = {owner for owner in owners if owner}
    for index, owner in zip(dates, owners, strict=True):
        if not owner:
            owner = "approve_date" if ("author" not in columns and "approver" in columns
                                       and "approve_date" not in taken) else "date"
            owner = owner if owner not in taken else ""
            taken.add(owner)
        columns[index] = owner
    seen: set[str] = set()
    for index, name in enumerate(columns):
        if name in seen:
            columns[index] = ""
        seen.add(name)


def is_revision_table(table: WordTable, heading: str = "") -> bool:
    """Return whether `table` is a revision table: a version column and a change or a
    date column (or a heading above it that says so)."""
    if not table.rows or table.column_count < 2:
        return False
    columns, _depth = header_fields(table)
    found = set(columns) - {""}
    dated = bool(found & {"date", "approve_date"})
    if "version" in found:
        return bool(found & {"change"}) or dated or (bool(heading) and len(found) >= 2)
    # Under a heading such as 修订记录, a table of dated changes without versions.
    return bool(heading) and dated and "change" in found


def read_revisions(table: WordTable) -> RevisionTable:
    """Return the revision rows of `table`, oldest first; empty rows left out."""
    columns, depth = header_fields(table)
    result = RevisionTable(table, columns)
    result.one_date = "approve_date" in columns and "date" not in columns
    values: dict[int, dict[int, str]] = {}
    for row in table.rows[depth:]:
        for cell in row:
            for row_index in range(cell.row, cell.row + cell.rows):
                values.setdefault(row_index, {})[cell.column] = cell.text
    read: list[tuple[dict[str, object], Origin, str | None]] = []
    for row_index in sorted(values):
        texts = values[row_index]
        if any("{%" in text or "{{" in text for text in texts.values()):
            continue
        revision, written = _revision(columns, texts)
        if "version" not in revision and "change" not in revision:
            continue
        words = tidy(" ".join(texts[column] for column in sorted(texts)))[:30]
        read.append((revision, Origin(table=table.index, row=row_index, words=words), written))
    if _newest_first([revision for revision, _origin, _written in read]):
        read.reverse()
        result.newest_first = True
    for index, (revision, origin, written) in enumerate(read):
        result.rows.append(revision)
        result.origins.append(origin)
        if written is not None:
            result.guessed_versions.append((index, written))
    return result


def _revision(columns: list[str], texts: dict[int, str]) -> tuple[dict[str, object], str | None]:
    """Return a row as a revision, and its version as written when that was only guessed."""
    revision: dict[str, object] = {}
    guessed = None
    for column, text in sorted(texts.items()):
        name = columns[column] if column < len(columns) else ""
        if not name or not text.strip() or name in revision:
            continue
        if name == "version":
            version = normal_version(text)
            if version:
                revision[name] = version[0]
                guessed = text.strip() if version[1] else None
        elif name in _SIGNER_DATES:
            person = signer_name(text)
            if person:
                revision[name] = person
        elif name == "change":
            revision[name] = tidy(text.replace("\n", "；"))
        else:
            date = find_date(text)
            if date:
                revision[name] = date
    return revision, guessed


def _newest_first(rows: list[dict[str, object]]) -> bool:
    """Return whether `rows` run from the newest version to the oldest (by version, or by
    date where versions do not tell)."""
    if len(rows) < 2:
        return False
    try:
        versions = [parse_version(row["version"]) for row in rows]
    except (KeyError, InvalidValue):
        versions = []
    if versions:
        return all(a >= b for a, b in zip(versions, versions[1:], strict=False)) \
            and versions[0] > versions[-1]
    dates = [_first_date(row) for row in rows]
    if all(dates):
        return all(a >= b for a, b in zip(dates, dates[1:], strict=False)) and dates[0] > dates[-1]
    return False


def _first_date(row: dict[str, object]) -> dt.date | None:
    return next((row[name] for name in ("date", "approve_date", "review_date")
                 if isinstance(row.get(name), dt.date)), None)
