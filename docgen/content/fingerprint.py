"""A fingerprint of a document's content, to tell whether a released version changed.

It hashes the parsed data, not the file's bytes: comments, quoting, indentation and
key order are presentation, and changing them does not change the document. The
document-control fields (status, withdrawn_on, withdrawn_reason) are left out, so that
withdrawing a released document does not count as changing it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

CONTROL_FIELDS = ("status", "withdrawn_on", "withdrawn_reason")


def content_fingerprint(data: dict[str, Any]) -> str:
    """Return 'sha256:<hex>' of the document data, independent of its formatting."""
    content = {key: value for key, value in data.items() if key not in CONTROL_FIELDS}
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
