"""A fingerprint of a document's content, to tell whether a released version changed.

It hashes what the document says, as the schema reads it, not the file's bytes:
comments, quoting, indentation, key order and the spelling of equivalent values
(2025.1.7 or 2025-01-07, a bare string or p: for a paragraph) are presentation, and
changing them does not change the document. The document-control fields (status,
withdrawn_on, withdrawn_reason) are left out, so that withdrawing a released document
does not count as changing it.
"""

from __future__ import annotations

import hashlib
import json

from docgen.content.schema import Document

CONTROL_FIELDS = {"status", "withdrawn_on", "withdrawn_reason"}


def content_fingerprint(document: Document) -> str:
    """Return 'sha256:<hex>' of what `document` says, independent of how it is written."""
    content = document.model_dump(mode="json", exclude=CONTROL_FIELDS)
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
