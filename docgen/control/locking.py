"""One docgen at a time edits a content tree: bump, release and withdraw take a lock.

Each of them reads a file, works out the edit and writes the file back; two at once
could each write over the other's edit. The lock lives in the system's temporary
folder, keyed by the content folder, so the content tree itself stays clean.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from docgen.catalogue import control as said
from docgen.errors import UsageError

WAIT_SECONDS = 60


def lock_path(content: Path) -> Path:
    """Return the lock file that guards edits of the content tree at `content`."""
    key = hashlib.sha256(str(content.resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"docgen-edit-{key}.lock"


@contextmanager
def editing(content: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the content tree's edit lock for the duration of the block."""
    try:
        with FileLock(str(lock_path(content)), timeout=wait):
            yield
    except Timeout:
        raise UsageError(said.LOCKED(content=str(content), seconds=wait)) from None
