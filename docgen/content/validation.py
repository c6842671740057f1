"""Validate loaded YAML against the schema and report every error at its line.

Pydantic says what is wrong by an error type and a path through the data; the source
map says where that path was written. This module joins the two into problems, each
with the catalogue message of its type (docgen.catalogue.content), collects all of
them, and raises once. Pydantic's own words are shown only for a type docgen does not
know.
"""

from __future__ import annotations

import difflib
import functools
import types
import typing
from typing import Any, TypeVar

from pydantic import ValidationError

from docgen.catalogue import content as said
from docgen.catalogue.report import QUOTED
from docgen.content.schema import BLOCK_KEYS, ContentModel
from docgen.content.values import InvalidValue
from docgen.content.yaml_source import PathKey, SourceMap, YamlFile
from docgen.errors import ContentError, Problem
from docgen.messages import Message, MessageType

ModelT = TypeVar("ModelT", bound=ContentModel)

# What a value of the wrong form is not, by the field that holds it.
_PATTERNS = {"number": said.NOT_A_NUMBER, "prefix": said.NOT_A_PREFIX}
# The errors that say a value has the wrong type, and what it must be.
_TYPES: dict[str, MessageType] = {
    "list_type": said.NOT_LIST,
    "int_parsing": said.NOT_WHOLE_NUMBER, "int_type": said.NOT_WHOLE_NUMBER,
    "int_from_float": said.NOT_WHOLE_NUMBER,
    "float_parsing": said.NOT_NUMBER, "float_type": said.NOT_NUMBER,
    "bool_parsing": said.NOT_FLAG, "bool_type": said.NOT_FLAG,
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
    """Return the schema model that pydantic's `loc` (without its last part) points into."""
    current = _unwrap(annotation_at(root, loc), None)
    return current if isinstance(current, type) and issubclass(current, ContentModel) else None


def annotation_at(root: type, loc: tuple[Any, ...]) -> Any:
    """Return the annotation of what pydantic's `loc` points at.

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
    return current


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


def _found(value: Any) -> Message:
    """Return what was found where something else was expected."""
    if value is None:
        return said.FOUND["nothing"]()
    if isinstance(value, dict):
        return said.FOUND["mapping"]()
    if isinstance(value, list):
        return said.FOUND["list"]()
    return said.FOUND_TEXT(value=str(value))


def _choices(root: type, loc: tuple[Any, ...]) -> list[str] | None:
    """Return the values a Literal field at `loc` allows (None if it is not one)."""
    annotation = _unwrap(annotation_at(root, loc), None)
    if typing.get_origin(annotation) is typing.Literal:
        return [str(choice) for choice in typing.get_args(annotation)]
    return None


def _problem(error: dict[str, Any], parsed: YamlFile, root: type) -> Problem:
    source = parsed.source
    loc = tuple(error["loc"])
    path, value, parent = _data_path(parsed.data, loc)
    kind = error["type"]
    field = next((part for part in reversed(loc) if isinstance(part, str)
                  and not part[:1].isupper() and part != "[key]"), "")

    if kind == "missing":
        return Problem(source.locate(path), said.MISSING_KEY(key=str(loc[-1])))
    if kind == "extra_forbidden":
        key = str(loc[-1])
        model = model_at(root, loc[:-1])
        known = list(model.model_fields) if model else []
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        message = (said.UNKNOWN_KEY_CLOSE(key=key, close=close[0]) if close
                   else said.UNKNOWN_KEY_KNOWN(key=key, known=known) if known
                   else said.UNKNOWN_KEY(key=key))
        return Problem(source.locate(path, key=True), message)
    if loc and loc[-1] == "[key]":
        cause = error.get("ctx", {}).get("error")
        key_path = path if path and path[-1] == error["input"] else path + (error["input"],)
        return Problem(source.locate(key_path, key=True), said.BAD_KEY(error=_said(cause, error)))

    where = source.locate(path)
    return Problem(where, _message(kind, error, field, value, path, root, loc))


def _said(cause: Any, error: dict[str, Any]) -> Message | str:
    """Return what a validator's error says: its message, or (not docgen's) its words."""
    if isinstance(cause, InvalidValue):
        return cause.message
    return str(cause if cause is not None else error["msg"])


def _message(kind: str, error: dict[str, Any], field: str, value: Any, path: PathKey,
             root: type, loc: tuple[Any, ...]) -> Message:
    """Return the message for pydantic's error of type `kind` about `value` in `field`."""
    if kind in ("string_type", "str_type"):
        if value is None:
            return said.EMPTY(field=field)
        return said.NOT_TEXT(field=field, found=_found(value))
    if kind in _TYPES:
        return _TYPES[kind](field=field, found=_found(value))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if not path:
            return said.FILE_NOT_MAPPING(found=_found(value))
        return said.NOT_MAPPING(field=field, found=_found(value))
    if kind == "literal_error":
        choices = _choices(root, loc)
        if choices:
            quoted = [QUOTED(value=choice) for choice in choices]
            if len(quoted) == 1:
                return said.NOT_ALLOWED_ONE(value=str(value), field=field, last=quoted[0])
            return said.NOT_ALLOWED(value=str(value), field=field, choices=quoted[:-1],
                                    last=quoted[-1])
        return said.NOT_ALLOWED_EXPECTED(value=str(value), field=field,
                                         expected=str(error.get("ctx", {}).get("expected", "")))
    if kind == "value_error":
        cause = error["ctx"]["error"]
        if isinstance(cause, InvalidValue):
            return cause.message
        return said.REFUSED(detail=str(cause))
    if kind == "string_pattern_mismatch":
        return _PATTERNS.get(field, said.BAD_FORM)(value=str(value))
    if kind == "too_short":
        return said.TOO_FEW(field=field, least=error["ctx"]["min_length"])
    if kind == "greater_than_equal":
        return said.TOO_SMALL(field=field, limit=str(error["ctx"]["ge"]))
    if kind == "greater_than":
        return said.NOT_ABOVE(field=field, limit=str(error["ctx"]["gt"]))
    if kind == "block_kind":
        return _block_kind(value)
    return said.INVALID(field=field, detail=error["msg"])


def _block_kind(value: Any) -> Message:
    """Return the message for a body item that is no block: its keys, or what it is."""
    keys = [str(key) for key in value] if isinstance(value, dict) else []
    kinds = list(BLOCK_KEYS)
    close = [match for key in keys
             for match in difflib.get_close_matches(key, BLOCK_KEYS, n=1, cutoff=0.6)]
    if close:
        return said.BLOCK_KIND_CLOSE(kinds=kinds, keys=keys, close=close[0])
    if keys:
        return said.BLOCK_KIND_KEYS(kinds=kinds, keys=keys)
    return said.BLOCK_KIND(kinds=kinds, found=_found(value))
