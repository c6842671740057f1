"""Blocks rebuilt from their printed fields, for rendering in another process.

A worker process receives a document as the nested tuples of what is printed of its
blocks (docgen.render.docx.printed_fields): they pickle in a fraction of the time the
blocks take, and they are what the render key is computed from anyway. Here the
tuples become blocks again, without the schema objects they came from, which
rendering never reads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from docgen.content.model import (
    Block,
    CellLine,
    Heading,
    ListBlock,
    ListEntry,
    Paragraph,
    PlacedCell,
    TableBlock,
    TotalFact,
)

# Fields printed_fields leaves out: where something came from.
_NOT_PRINTED = frozenset({"source", "origin", "location"})
# By class name: the class, its printed fields in order, and its other fields as None.
_SHAPES: dict[str, tuple[type, list[str], dict[str, None]]] = {
    cls.__name__: (cls,
                   [field.name for field in dataclasses.fields(cls)
                    if field.name not in _NOT_PRINTED],
                   {field.name: None for field in dataclasses.fields(cls)
                    if field.name in _NOT_PRINTED})
    for cls in (Heading, Paragraph, ListBlock, ListEntry, TableBlock, PlacedCell, CellLine,
                TotalFact)}


def blocks_from_printed(printed: tuple[Any, ...]) -> list[Block]:
    """Return the blocks whose printed fields are `printed`."""
    return [_rebuilt(item) for item in printed]


def _rebuilt(printed: tuple[Any, ...]) -> Any:
    """Return the dataclass instance printed as (class name, field, ...)."""
    cls, names, left_out = _SHAPES[printed[0]]
    # Filled in directly, as unpickling does: these classes have no __post_init__, and
    # calling __init__ with keywords would double the time of a rebuild.
    instance = cls.__new__(cls)
    values = instance.__dict__
    values.update(zip(names, printed[1:], strict=True))
    for name, convert in _NESTED.get(cls, {}).items():
        if values[name] is not None:
            values[name] = convert(values[name])
    values.update(left_out)
    return instance


def _rebuilt_list(items: tuple[Any, ...]) -> list[Any]:
    return [_rebuilt(item) for item in items]


# How each field that is not a plain value comes back: lists were printed as tuples,
# sets as sorted tuples, nested dataclasses as tuples headed by their class name.
_NESTED: dict[type, dict[str, Callable[[Any], Any]]] = {
    ListBlock: {"items": _rebuilt_list},
    PlacedCell: {"lines": _rebuilt_list},
    TableBlock: {"widths": list, "rows": lambda rows: [_rebuilt_list(row) for row in rows],
                 "total_rows": set, "column_names": list, "totals": _rebuilt_list},
}
