"""Name output files, write them atomically, and make zip packages reproducible.

Every file docgen writes goes to a temporary file in the same folder and is then
renamed over the target: a build that fails or is interrupted leaves either the old
file or the new one, never a half-written one.
"""

from __future__ import annotations

import errno
import io
import os
import re
import secrets
import zipfile
from pathlib import Path

from docgen.catalogue import output as said
from docgen.errors import OutputError

FIXED_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
_FIRST = "[Content_Types].xml"


def reproducible_zip(data: bytes) -> bytes:
    """Return the zip archive `data` rewritten with fixed timestamps and sorted entries."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return zip_entries({info.filename: source.read(info) for info in source.infolist()})


def zip_entries(entries: dict[str, bytes]) -> bytes:
    """Return a zip archive of `entries` (name: bytes), the same bytes for the same entries:
    fixed timestamps, sorted names, [Content_Types].xml first as Office expects."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(entries, key=lambda entry: (entry != _FIRST, entry)):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, entries[name])
    return buffer.getvalue()


_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM\d|LPT\d)(\..*)?$", re.IGNORECASE)
MAX_TITLE_LENGTH = 80
# File systems limit a name to 255 bytes (ext4, XFS, Btrfs; in UTF-8, a Chinese character
# takes three). A document's name must fit with the longest suffix docgen gives it, and
# so must the temporary file it is first written to: "." + name + "." + 8 random
# characters + ".tmp"; plus one byte for the "_" a reserved Windows name gets.
MAX_NAME_BYTES = 255
_LONGEST_SUFFIX = ".docx"
_EXTRA_BYTES = len(".") + len(".") + 8 + len(".tmp") + len("_") + len(_LONGEST_SUFFIX)


def _title_budget(safe_number: str, version: str) -> int:
    """Return how many bytes of title a file name of this number and version can hold."""
    return MAX_NAME_BYTES - _EXTRA_BYTES - len(f"{safe_number}  {version}".encode())


def file_name_fits(number: str, version: str) -> bool:
    """Return whether a document numbered `number`, at `version`, has a file name that
    fits the file system at all (with its title left out, if need be)."""
    return _title_budget(_UNSAFE.sub("_", number).strip(". "), version) >= 0


def document_file_name(number: str, title: str, version: str, suffix: str = ".docx") -> str:
    """Return the file name of a document: 'YNTD-ITSS-0303 运维服务能力管理计划 V1.0.docx'.

    The title is cut to MAX_TITLE_LENGTH characters, and further, at a character, to
    what fits in a name of MAX_NAME_BYTES bytes with the temporary file's additions.
    """
    safe_number = _UNSAFE.sub("_", number).strip(". ")
    safe_title = " ".join(_UNSAFE.sub(" ", title).split()).strip(". ")[:MAX_TITLE_LENGTH]
    budget = max(_title_budget(safe_number, version), 0)
    safe_title = safe_title.encode()[:budget].decode(errors="ignore").strip(". ")
    name = " ".join(part for part in (safe_number, safe_title, version) if part) + suffix
    if _WINDOWS_RESERVED.match(name) or name.startswith("."):
        name = "_" + name
    return name


def output_path(folder: Path, subfolder: str, name: str) -> Path:
    """Return folder/subfolder/name, refusing anything that would land outside `folder`."""
    root = folder.resolve()
    target = (root / subfolder / name).resolve()
    if root not in target.parents:
        raise OutputError(target, said.OUTSIDE())
    return target


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename."""
    write_all_atomically([(path, data)])


def write_all_atomically(files: list[tuple[Path, bytes]]) -> None:
    """Write every file, or none: each goes to a temporary file first, and only when all
    are written are they renamed over their targets."""
    pending: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            pending.append((_write_temporary(path, data), path))
    except BaseException:
        for temporary, _path in pending:
            temporary.unlink(missing_ok=True)
        raise
    done: list[Path] = []
    try:
        for temporary, path in pending:
            os.replace(temporary, path)
            done.append(path)
    except BaseException as error:
        for temporary, _path in pending[len(done):]:
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            failed = pending[len(done)][1]
            raise _output_error(failed, error, written=[path.name for path in done]) from None
        raise


def _write_temporary(path: Path, data: bytes) -> Path:
    """Write `data` to a new temporary file beside `path`; return the temporary's path."""
    if path.is_dir():
        raise OutputError(path, said.FOLDER_IN_THE_WAY(state=said.STATE_UNCHANGED()))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next((parent for parent in [path.parent, *path.parent.parents]
                        if parent.exists() and not parent.is_dir()), path.parent)
        raise OutputError(blocker, said.FILE_IN_THE_WAY()) from None
    except OSError as error:
        raise _output_error(path, error) from None
    try:
        handle, temporary = _create_temporary(path)
    except OSError as error:
        raise _output_error(path, error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _output_error(path, error) from None
        raise
    return temporary


def _create_temporary(path: Path) -> tuple[int, Path]:
    """Create a new file with a random name beside `path`; return its descriptor and path.

    Created with the mode any new file gets (0666 less the process's umask), which the
    system applies: nothing here reads or changes the umask, which other threads share.
    """
    for _attempt in range(100):
        temporary = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY | _BINARY,
                           0o666), temporary
        except FileExistsError:
            continue  # another writer drew the same name: draw again
    raise OutputError(path, said.NO_TEMPORARY_NAME(state=said.STATE_UNCHANGED()))


_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise translate line ends


def _output_error(path: Path, error: OSError, written: list[str] | None = None) -> OutputError:
    state = said.STATE_REPLACED(files=written) if written else said.STATE_UNCHANGED()
    if error.errno == errno.ENOSPC:
        return OutputError(path, said.DISK_FULL(state=state))
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(path, said.PERMISSION_DENIED(state=state))
    if error.errno in (errno.EISDIR, errno.ENOTEMPTY):
        return OutputError(path, said.FOLDER_IN_THE_WAY(state=state))
    # The system's words: docgen has none of its own for the rest.
    return OutputError(path, said.CANNOT_WRITE(reason=error.strerror or str(error), state=state))
