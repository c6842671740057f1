"""The facts stage of `docgen import`: the KPIs and activities an imported body states, as
facts (kpis:, activities:), and its KPI and activity tables as kpi_table and
activity_table blocks where those draw the same tables again.

    tables   a table of KPIs (指标名称 … 目标值)          -> kpis + kpi_table
             a plan's table of work items (工作项目 …)     -> activities + activity_table
    prose    招聘计划完成率不低于95%, …控制在2小时以内       -> kpis; the text stays

A table whose rebuild would not show every cell as it was stays a table; its facts are
declared all the same, and a guess says why it stayed. A KPI stated in a table and again
in prose is one fact, the table's. Ids are made from the name where it is ASCII (MTTR ->
mttr), from the kind of a recurring activity (internal_audit), else kpi_1, kpi_2, … and
activity_1, … in document order.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docgen.catalogue import import_facts as said
from docgen.checks import lexicon
from docgen.checks.context import normalize
from docgen.checks.crossref import COLLECTIVE_DEPARTMENTS
from docgen.content.values import parse_target
from docgen.importer.activity_tables import read_activity_table
from docgen.importer.fact_tables import TableFacts
from docgen.importer.kpi_statements import ProseText, StatedKpi, kpis_in_prose
from docgen.importer.kpi_tables import read_kpi_table
from docgen.importer.model import DataPath, Guess, ImportedFacts, Origin

_SLUG_SEPARATORS = re.compile(r"[^a-z0-9]+")
_MESSAGES = {
    "kpi": (said.KPI_TABLE_READ, said.KPI_TABLE_KEPT, said.KPI_TABLE_UNREAD),
    "activity": (said.ACTIVITY_TABLE_READ, said.ACTIVITY_TABLE_KEPT, said.ACTIVITY_TABLE_UNREAD),
}


@dataclass
class _Table:
    """A table that declares facts, where it stands, and the ids its rows were given."""

    path: DataPath
    order: int
    facts: TableFacts
    ids: list[str]


def find_facts(sections: list[dict[str, Any]], origins: dict[DataPath, Origin]
               ) -> ImportedFacts:
    """Return the KPIs and activities `sections` (an imported body in content format)
    state, the sections with their KPI and activity tables drawn from those facts, what
    was guessed, and the origins of the returned data (`origins` re-keyed where a table
    became a block of facts, and one for each fact)."""
    sections = copy.deepcopy(sections)
    tables: list[_Table] = []
    texts: list[tuple[int, ProseText]] = []
    for order, (path, block) in enumerate(body_blocks(sections)):
        table = block.get("table") if isinstance(block, dict) else None
        if isinstance(table, dict):
            found = read_kpi_table(table) or read_activity_table(table)
            if found is not None:
                tables.append(_Table(path, order, found, []))
        else:
            texts += [(order, text) for text in block_prose(path, block)]
    declared = {normalize(str(fact["name"])): lexicon.unit_kind(parse_target(fact["target"]).unit)
                for table in tables if table.facts.kind == "kpi"
                for _row, fact in table.facts.rows}
    stated = kpis_in_prose([text for _order, text in texts], declared)
    order_of = {id(text): order for order, text in texts}
    result = ImportedFacts(sections)
    _declare(result, tables, [(order_of[id(kpi.text)], kpi) for kpi in stated], origins)
    for table in tables:
        _show(result, table)
    result.origins = {**_rekeyed(origins, [t for t in tables if t.facts.reason is None]),
                      **result.origins}
    return result


def _declare(result: ImportedFacts, tables: list[_Table],
             stated: list[tuple[int, StatedKpi]], origins: dict[DataPath, Origin]) -> None:
    """Give every fact of the tables and the prose its id, in document order, and add it
    to `result` with its origin (and, for prose, the guess)."""
    entries: list[tuple[int, int, Any]] = [(t.order, row, (t, fact)) for t in tables
                                           for row, fact in t.facts.rows]
    entries += [(order, 0, kpi) for order, kpi in stated]
    ids = {"kpi": _Ids("kpi"), "activity": _Ids("activity")}
    for _order, row, entry in sorted(entries, key=lambda item: item[:2]):
        if isinstance(entry, StatedKpi):
            _declare_stated(result, entry, ids["kpi"].new(str(entry.fact["name"])), origins)
        else:
            table, fact = entry
            key = ids[table.facts.kind].new(str(fact["name"]), fact.get("kind"), fact)
            table.ids.append(key)
            _declare_row(result, table, row, key, fact, origins)


def _declare_stated(result: ImportedFacts, stated: StatedKpi, key: str,
                    origins: dict[DataPath, Origin]) -> None:
    """Add a KPI stated in prose, where its sentence stands, and the guess."""
    result.kpis[key] = stated.fact
    origin = origins.get(stated.text.path)
    if origin is None and stated.text.kind == "item":
        origin = origins.get(stated.text.path[:-2])  # the list's
    _originate(result, ("kpis", key), origin)
    result.guesses.append(Guess(("kpis", key), said.KPI_FROM_PROSE(
        name=stated.fact["name"], target=stated.fact["target"], words=stated.sentence)))


def _declare_row(result: ImportedFacts, table: _Table, row: int, key: str,
                 fact: dict[str, Any], origins: dict[DataPath, Origin]) -> None:
    """Add the fact of a table's row, whom and what it names, and where the row stands."""
    declared = result.kpis if table.facts.kind == "kpi" else result.activities
    if key in declared:
        return  # the same row in an earlier table
    declared[key] = fact
    if fact.get("owner"):
        result.owners.add(str(fact["owner"]))
    place: DataPath = ("kpis" if table.facts.kind == "kpi" else "activities", key)
    if table.facts.kind == "activity":
        result.departments.update(name for field in ("responsible", "cooperating")
                                  for name in fact.get(field, [])
                                  if name not in COLLECTIVE_DEPARTMENTS)
        if fact.get("kind"):
            result.guesses.append(Guess(place + ("kind",), said.ACTIVITY_KIND(
                name=fact["name"], kind=fact["kind"])))
    _originate(result, place, _row_origin(table, row, origins))


def _show(result: ImportedFacts, table: _Table) -> None:
    """Put the block drawn from the table's facts in its place, or say why the table
    stays as it was written."""
    read, kept, unread = _MESSAGES[table.facts.kind]
    ids = list(dict.fromkeys(table.ids))
    if table.facts.reason is None:
        _replace(result.sections, table.path, table.facts.block_of(table.ids))
        result.guesses.append(Guess(table.path, read(ids=ids)))
    elif ids:
        result.guesses.append(Guess(table.path, kept(reason=table.facts.reason, ids=ids)))
    else:
        result.guesses.append(Guess(table.path, unread(reason=table.facts.reason)))


def _row_origin(table: _Table, row: int, origins: dict[DataPath, Origin]) -> Origin | None:
    """Return where a table's body row came from: as the body stage said, else the
    table's origin narrowed to the row."""
    said_of_row = origins.get(table.path + ("table", "rows", row))
    if said_of_row is not None:
        return said_of_row
    block = origins.get(table.path)
    if block is None:
        return None
    return Origin(paragraph=block.paragraph, table=block.table,
                  row=table.facts.grid.laid.header_rows + row, section=block.section,
                  words=table.facts.grid.words(row))


def _originate(result: ImportedFacts, place: DataPath, origin: Origin | None) -> None:
    if origin is not None:
        result.origins.setdefault(place, origin)


def _rekeyed(origins: dict[DataPath, Origin], drawn: list[_Table]) -> dict[DataPath, Origin]:
    """Return `origins` with the paths inside each table drawn from facts moved: its
    caption to the block's, its rows to their facts; its other parts are gone."""
    moved: dict[DataPath, Origin] = {}
    tables = {table.path: table for table in drawn}
    for path in sorted(origins, key=len):
        table = next((tables[path[:cut]] for cut in range(len(path) - 1, 0, -1)
                      if path[:cut] in tables), None)
        if table is None:
            moved[path] = origins[path]
            continue
        inside = path[len(table.path):]
        if inside[:1] != ("table",):
            continue
        if inside[1:2] == ("caption",):
            moved.setdefault(table.path + ("caption",), origins[path])
        elif inside[1:2] == ("rows",) and len(inside) > 2:
            rows = [row for row, _fact in table.facts.rows]
            if inside[2] in rows:
                place = "kpis" if table.facts.kind == "kpi" else "activities"
                moved.setdefault((place, table.ids[rows.index(inside[2])]), origins[path])
    return moved


class _Ids:
    """Hands out the ids of one kind of fact: a slug of an ASCII name, a preferred id,
    else <prefix>_1, <prefix>_2, … in the order asked; a fact asked for again (a KPI row
    repeated in another table) keeps its id, so that it is declared once."""

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.taken: set[str] = set()
        self.count = 0
        self.given: dict[str, str] = {}

    def new(self, name: str, preferred: object = None, fact: object = None) -> str:
        """Return the id of the fact called `name` (`fact`, if given, in full)."""
        again = repr(fact) if fact is not None else None
        if again in self.given:
            return self.given[again]
        wanted = _slug(name, self.prefix) or (str(preferred) if preferred else None)
        if wanted:
            key, suffix = wanted, 1
            while key in self.taken:
                suffix += 1
                key = f"{wanted}_{suffix}"
        else:
            key = ""
            while not key or key in self.taken:
                self.count += 1
                key = f"{self.prefix}_{self.count}"
        self.taken.add(key)
        if again is not None:
            self.given[again] = key
        return key


def _slug(name: str, prefix: str) -> str | None:
    """Return a short id made of an ASCII name (First Call Resolution ->
    first_call_resolution), or None where the name is not ASCII."""
    text = unicodedata.normalize("NFKC", name).strip()
    if not text or not text.isascii():
        return None
    slug = _SLUG_SEPARATORS.sub("_", text.lower()).strip("_")[:32].rstrip("_")
    if not slug:
        return None
    return slug if slug[0].isalpha() else f"{prefix}_{slug}"


def body_blocks(sections: list[dict[str, Any]], path: DataPath = ()
            ) -> Iterator[tuple[DataPath, Any]]:
    """Yield every body block with its path, in document order."""
    for index, section in enumerate(sections):
        here = path + ("sections", index)
        for position, block in enumerate(section.get("body") or []):
            yield here + ("body", position), block
        yield from body_blocks(section.get("sections") or [], here)


def prose_of(sections: list[dict[str, Any]]) -> Iterator[ProseText]:
    """Yield every paragraph and list item of `sections`, where it stands, in order."""
    for path, block in body_blocks(sections):
        yield from block_prose(path, block)


def block_prose(path: DataPath, block: Any) -> list[ProseText]:
    """Return the prose of a block: a paragraph, or the items of a list."""
    if isinstance(block, str):
        return [ProseText(path, block)]
    if not isinstance(block, dict):
        return []
    if isinstance(block.get("p"), str):
        return [ProseText(path, block["p"])]
    texts = []
    for key in ("bullets", "numbered"):
        for index, item in enumerate(block.get(key) or []):
            text = item.get("text") if isinstance(item, dict) else item
            if isinstance(text, str):
                texts.append(ProseText(path + (key, index), text, "item"))
    return texts


def _replace(sections: list[dict[str, Any]], path: DataPath, block: dict[str, Any]) -> None:
    """Put `block` at `path` (… "body", n) inside `sections`."""
    holder: Any = sections
    for key in path[1:-1]:
        holder = holder[key]
    holder[path[-1]] = block
