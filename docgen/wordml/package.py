"""Write .docx packages byte for byte reproducibly.

Two saves of the same document differ only in the zip entries' timestamps and order.
Rewriting the archive with a fixed timestamp and a fixed order makes the same content
give the same bytes, so output can be compared by hash and cached.
"""

from __future__ import annotations

import io
import zipfile

FIXED_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
_FIRST = "[Content_Types].xml"


def reproducible_zip(data: bytes) -> bytes:
    """Return the zip archive `data` rewritten with fixed timestamps and sorted entries."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(entries, key=lambda entry: (entry != _FIRST, entry)):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, entries[name])
    return buffer.getvalue()
