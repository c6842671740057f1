"""Validate loaded YAML against the schema and report every error at its line.

Pydantic says what is wrong by a path through the data; the source map says where
that path was written. This module joins the two into `file:line:col: message` problems
with a hint, collects all of them, and raises once.
"""

from __future__ import annotations

import difflib
import functools
import types
import typing
from typing import Any, TypeVar

from pydantic import ValidationError

from docgen.content.schema import BLOCK_KEYS, ContentModel
from docgen.content.yaml_source import PathKey, SourceMap, YamlFile
from docgen.errors import ContentError, Problem

ModelT = TypeVar("ModelT", bound=ContentModel)

_PATTERN_MEANINGS = {
    "number": ("is not a document number", "write it as PREFIX-SERIES-NNNN, e.g. YNTD-ITSS-0303"),
    "prefix": ("is not a document-number prefix", "use capital letters and digits, e.g. YNTD"),
}


def validate(model_class: type[ModelT], parsed: YamlFile) -> ModelT:
    """Return `parsed` validated as `model_class`; raise ContentError listing every error."""
    try:
        model = model_class.model_validate(parsed.data)
    except ValidationError as error:
        raise ContentError([_problem(item, parsed, model_class)
                            for item in error.errors(include_url=False)]) from None
    attach_sources(model, (), parsed.source)
    return model


def attach_sources(value: Any, path: PathKey, source: SourceMap) -> None:
    """Tell every model inside `value` where in `source` it was written."""
    if isinstance(value, ContentModel):
        object.__setattr__(value, "__pydantic_private__", {"_path": path, "_source": source})
        fields = value.__dict__
        for name in _model_fields(type(value)):
            field = fields[name]
            if field:
                attach_sources(field, path + (name,), source)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, list | dict | ContentModel):
                attach_sources(item, path + (index,), source)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, list | dict | ContentModel):
                attach_sources(item, path + (key,), source)


@functools.cache
def _model_fields(model_class: type[ContentModel]) -> tuple[str, ...]:
    """Return the fields of `model_class` that can hold models: the others (text, lists
    of text), most of the content, need no walking."""
    return tuple(name for name, field in model_class.model_fields.items()
                 if _can_hold_models(field.annotation))


def _can_hold_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, ContentModel):
        return True
    return any(_can_hold_models(argument) for argument in typing.get_args(annotation))


def model_at(root: type, loc: tuple[Any, ...]) -> type[ContentModel] | None:
    """Return the schema model that pydantic's `loc` (without its last part) points into.

    Walks the annotations: fields of models, items of lists, values of dicts, and the
    member of a tagged union that the tag in `loc` names.
    """
    current: Any = root
    for part in loc:
        current = _unwrap(current, part)
        if isinstance(current, type) and issubclass(current, ContentModel):
            field = current.model_fields.get(part) if isinstance(part, str) else None
            if field is not None:
                current = field.annotation
            continue
        origin = typing.get_origin(current)
        if origin is list:
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
    current = _unwrap(current, None)
    return current if isinstance(current, type) and issubclass(current, ContentModel) else None


def _unwrap(annotation: Any, part: Any) -> Any:
    """Strip Annotated and Optional; choose the union member that the tag `part` names."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            tagged = [a for a in members if _unwrap(a, None).__name__ == part] \
                if isinstance(part, str) else []
            annotation = tagged[0] if tagged else members[0]
        else:
            return annotation


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[PathKey, Any, Any]:
    """Return the data path that `loc` names, the value there and its parent.

    Pydantic's loc also holds union tags and markers such as '[key]' that are not part
    of the data; they are skipped.
    """
    path: list[str | int] = []
    parent, current = None, data
    for part in loc:
        in_mapping = isinstance(current, dict) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_mapping or in_list:
            parent, current = current, current[part]
            path.append(part)
        elif isinstance(current, dict) and isinstance(part, str) and part == loc[-1]:
            # The last element names a key that is absent (missing) from the mapping.
            parent, current = current, None
    return tuple(path), current, parent


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list ('- ' lines)"
    return f"the text '{value}'"


def _problem(error: dict[str, Any], parsed: YamlFile, root: type) -> Problem:
    source = parsed.source
    loc = tuple(error["loc"])
    path, value, parent = _data_path(parsed.data, loc)
    kind = error["type"]
    field = next((part for part in reversed(loc) if isinstance(part, str)
                  and not part[:1].isupper() and part != "[key]"), "")

    if kind == "missing":
        return Problem(source.locate(path), f"missing required key '{loc[-1]}'",
                       f"add '{loc[-1]}: ...' to this mapping")
    if kind == "extra_forbidden":
        key = str(loc[-1])
        model = model_at(root, loc[:-1])
        known = list(model.model_fields) if model else []
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = (f"did you mean '{close[0]}'?" if close
                else "allowed keys here: " + ", ".join(known) if known else "remove it")
        return Problem(source.locate(path, key=True), f"unknown key '{key}'", hint)
    if loc and loc[-1] == "[key]":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        key_path = path if path and path[-1] == error["input"] else path + (error["input"],)
        return Problem(source.locate(key_path, key=True), message, "rename the key")

    where = source.locate(path)
    if kind in ("string_type", "str_type"):
        if value is None:
            return Problem(where, f"'{field}' is empty", f"give '{field}' a value")
        return Problem(where, f"'{field}' must be text, found {_describe(value)}",
                       "write the value on the same line after ': '")
    if kind == "list_type":
        return Problem(where, f"'{field}' must be a list, found {_describe(value)}",
                       "write each item on its own line starting with '- '")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if not path:
            return Problem(where, f"the file must be a mapping of keys, found {_describe(value)}",
                           "start the file with 'key: value' lines such as 'number: ...'")
        return Problem(where, f"'{field}' must be a mapping (key: value lines), "
                              f"found {_describe(value)}",
                       "indent its keys under it, one 'key: value' per line")
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return Problem(where, f"'{value}' is not allowed for '{field}'",
                       f"use one of: {expected}")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return Problem(where, f"'{field}' must be a whole number, found {_describe(value)}",
                       "write digits only, e.g. 2")
    if kind in ("float_parsing", "float_type"):
        return Problem(where, f"'{field}' must be a number, found {_describe(value)}",
                       "write a number such as 1.5")
    if kind in ("bool_parsing", "bool_type"):
        return Problem(where, f"'{field}' must be true or false, found {_describe(value)}",
                       "write true or false")
    if kind == "value_error":
        cause = error["ctx"]["error"]
        return Problem(where, str(cause), getattr(cause, "hint", ""))
    if kind == "string_pattern_mismatch":
        meaning, hint = _PATTERN_MEANINGS.get(field, ("does not have the expected form",
                                                      "check the value"))
        return Problem(where, f"'{value}' {meaning}", hint)
    if kind == "too_short":
        return Problem(where, f"'{field}' needs at least "
                              f"{error['ctx']['min_length']} item(s)", "add the missing items")
    if kind in ("greater_than_equal", "greater_than"):
        return Problem(where, f"'{field}' is too small: {error['msg'].lower()}", "")
    if kind == "block_kind":
        keys = list(value) if isinstance(value, dict) else []
        close = [match for key in keys
                 for match in difflib.get_close_matches(key, BLOCK_KEYS, n=1, cutoff=0.6)]
        return Problem(where, f"{error['msg']}; found: {', '.join(keys) or _describe(value)}",
                       f"did you mean '{close[0]}'?" if close
                       else "check the spelling of the block's key")
    return Problem(where, f"'{field}': {error['msg']}", "")


