"""A fingerprint of a document's content, to tell whether a released version changed.

It hashes what the document says, as the schema reads it, not the file's bytes:
comments, quoting, indentation, key order and the spelling of equivalent values
(2025.1.7 or 2025-01-07, a bare string or p: for a paragraph) are presentation, and
changing them does not change the document. The document-control fields (status,
withdrawn_on, withdrawn_reason) are left out, so that withdrawing a released document
does not count as changing it.

Nor does the schema's growth change it. A field the schema gains later counts only
where a document gives it a value other than its default: a release recorded before
the field existed stays valid. The fields of the first release-record format (listed
in RECORDED_FIELDS, defaults and all) are hashed as they always were, so that the
records written since then keep matching.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel

from docgen.content.schema import Document

CONTROL_FIELDS = {"status", "withdrawn_on", "withdrawn_reason"}

# The fields of each schema model when fingerprints were first recorded. They are always
# hashed, default or not; any other field only when a document sets it. Never edit an
# entry: a field added to the schema is simply not listed here.
RECORDED_FIELDS: dict[str, frozenset[str]] = {name: frozenset(fields.split()) for name, fields in {
    "Activity": "name kind measures responsible cooperating owner when frequency number",
    "ActivityTable": "activity_table caption",
    "BulletList": "bullets",
    "Cell": "text paragraphs bullets numbered rows cols sum",
    "Document": "number title cover_title kind role department template status withdrawn_on "
                "withdrawn_reason revisions kpis activities processes sections",
    "Kpi": "name formula target period owner",
    "KpiTable": "kpi_table caption",
    "ListItem": "text number",
    "NumberedList": "numbered format",
    "Paragraph": "p",
    "ProcessGroup": "id name processes kind",
    "Revision": "version author date reviewer review_date approver approve_date change",
    "Row": "cells total subtotal",
    "Section": "title id process body sections",
    "Table": "id caption header rows number_rows widths details",
    "TableBlock": "table",
}.items()}


def content_fingerprint(document: Document) -> str:
    """Return 'sha256:<hex>' of what `document` says, independent of how it is written."""
    content = document.model_dump(mode="json", exclude=CONTROL_FIELDS)
    _leave_out_unset_new_fields(document, content)
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _leave_out_unset_new_fields(model: BaseModel, dumped: dict[str, Any]) -> None:
    """Remove from `dumped` (the dump of `model`) every field that is not a recorded one
    and holds its default; look inside the fields that stay."""
    recorded = _recorded_fields(type(model))
    for name, field in type(model).model_fields.items():
        if name not in dumped:
            continue
        value = getattr(model, name)
        if name not in recorded and value == field.get_default(call_default_factory=True):
            del dumped[name]
        else:
            _look_inside(value, dumped[name])


def _look_inside(value: Any, dumped: Any) -> None:
    if isinstance(value, BaseModel) and isinstance(dumped, dict):
        _leave_out_unset_new_fields(value, dumped)
    elif isinstance(value, list) and isinstance(dumped, list):
        for item, dumped_item in zip(value, dumped, strict=False):
            _look_inside(item, dumped_item)
    elif isinstance(value, dict) and isinstance(dumped, dict):
        for key, item in value.items():
            if key in dumped:
                _look_inside(item, dumped[key])


def _recorded_fields(model_class: type) -> frozenset[str]:
    """Return the recorded fields of `model_class`, or of the schema model it extends."""
    for ancestor in model_class.__mro__:
        if ancestor.__name__ in RECORDED_FIELDS:
            return RECORDED_FIELDS[ancestor.__name__]
    return frozenset()
