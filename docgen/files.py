"""Read the files docgen is given, opening only regular files.

A named pipe (FIFO) where a content file, a template or the configuration is expected
would block a read forever, and a device could be endless; so each file is opened
without blocking, checked to be a regular file, and only then read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISDIR, "a folder"))


class NotARegularFile(OSError):
    """A file was expected, and something else is there; `kind` says what."""

    def __init__(self, path: Path, kind: str):
        super().__init__(errno.EINVAL, f"it is {kind}, not a file", str(path))
        self.kind = kind


def file_kind(mode: int) -> str:
    """Return what a file of `mode` is, in words: 'a named pipe (FIFO)', 'a folder', ..."""
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


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
