"""Read the files docgen is given: only regular files, and zip archives of a bounded size.

A named pipe (FIFO) where a content file, a template or the configuration is expected
would block a read forever, and a device could be endless; so each file is opened
without blocking, checked to be a regular file, and only then read.
"""

from __future__ import annotations

import errno
import os
import stat
import zipfile
from pathlib import Path

from docgen.catalogue.reading import FILE_KINDS, NOT_A_FILE
from docgen.messages import Message, render_text

_KINDS = ((stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "character-device"),
          (stat.S_ISBLK, "block-device"), (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "folder"))


class NotARegularFile(OSError):
    """A file was expected, and something else is there; `kind` says what (a key of
    FILE_KINDS), and `what` says so as a message."""

    def __init__(self, path: Path, kind: str):
        self.kind = kind
        self.what: Message = NOT_A_FILE(kind=FILE_KINDS[kind]())
        # An OSError caught as any other still says what is wrong in its strerror.
        super().__init__(errno.EINVAL, render_text(self.what), str(path))

    def __reduce__(self) -> tuple[object, ...]:
        return type(self), (Path(self.filename), self.kind)


def file_kind(mode: int) -> str:
    """Return what a file of `mode` is, as a key of FILE_KINDS: 'fifo', 'folder', ..."""
    return next((kind for test, kind in _KINDS if test(mode)), "other")


def read_regular_file(path: Path) -> bytes:
    """Return the bytes of the regular file at `path` (a link to one is followed).

    Raise NotARegularFile for a pipe, device, socket or folder, without waiting on it,
    and OSError when the file cannot be read.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(path, file_kind(mode))
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return stream.read()
    finally:
        os.close(descriptor)


def is_regular_file(path: Path) -> bool:
    """Return whether `path` is a regular file (or a link to one), without opening it."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


# A Word template is a few megabytes unpacked; images included, rarely tens. Anything
# that unpacks to more is refused before it is inflated into memory.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ENTRIES = 10_000
_CHUNK = 1024 * 1024


class ZipTooLarge(ValueError):
    """A zip archive would unpack to more than docgen reads from one."""

    def __init__(self, size: int, entries: int):
        self.size = size
        self.entries = entries
        super().__init__(f"{entries} entries, {size} bytes unpacked")


def check_unpacked_size(archive: zipfile.ZipFile, limit: int = MAX_UNPACKED_BYTES) -> None:
    """Raise ZipTooLarge if `archive` unpacks to more than `limit` bytes or has more than
    MAX_ENTRIES entries; each entry's checksum is checked too (zipfile.BadZipFile).

    The sizes the archive's directory declares are checked first, before anything is
    inflated; then every entry is inflated a chunk at a time and counted, so that an
    archive whose directory understates the sizes is caught as well.
    """
    entries = archive.infolist()
    declared = sum(info.file_size for info in entries)
    if declared > limit or len(entries) > MAX_ENTRIES:
        raise ZipTooLarge(declared, len(entries))
    total = 0
    for info in entries:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise ZipTooLarge(total, len(entries))
