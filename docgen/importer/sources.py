"""Open the files `docgen import` is given: a .docx as it is, an old .doc or .wps through
LibreOffice, and anything else refused with words that say what it is and what to do.

What a file is, is told from its content, not its name: people rename an RTF or a web page
to .doc, and a .docx saved with a password is no zip at all but an OLE compound file
holding an "EncryptedPackage" stream.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path

import olefile

from docgen.catalogue import import_files as said
from docgen.catalogue import templates
from docgen.errors import UsageError
from docgen.files import (
    MAX_ENTRIES,
    MAX_UNPACKED_BYTES,
    NotARegularFile,
    ZipTooLarge,
    check_unpacked_size,
    read_regular_file,
)
from docgen.importer.model import WordFile

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# How long LibreOffice may take to convert one old file to .docx.
CONVERT_SECONDS = 120
# A body with fewer characters than this and a picture is a scan with a typed caption.
_SCAN_TEXT = 20
# The part of a zip archive that says what kind of Office file it is.
_ZIP_KINDS = (("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx"))
_OPENDOCUMENT = {b"application/vnd.oasis.opendocument.text": "odt",
                 b"application/vnd.oasis.opendocument.spreadsheet": "ods",
                 b"application/vnd.oasis.opendocument.presentation": "odp"}


def read_source(path: Path) -> bytes:
    """Return the .docx bytes of the file at `path`, converting an old .doc or .wps with
    LibreOffice; raise UsageError saying what the file is and how to make it a .docx."""
    data = _read(path)
    if not data:
        raise UsageError(said.EMPTY(file=str(path)))
    if data.startswith(b"PK"):
        return _checked_docx(data, path)
    if data.startswith(OLE_SIGNATURE):
        return _from_compound_file(data, path)
    kind = _sniff_text(data)
    if kind == "word-xml":
        return _checked_docx(convert_with_libreoffice(data, path, "word-xml"), path)
    refusals = {"pdf": said.PDF, "rtf": said.RTF, "html": said.HTML, "text": said.TEXT}
    raise UsageError(refusals.get(kind, said.UNKNOWN)(file=str(path)))


def _read(path: Path) -> bytes:
    try:
        return read_regular_file(path)
    except NotARegularFile as error:
        raise UsageError(said.NOT_A_FILE(file=str(path), reason=error.what)) from None
    except OSError as error:
        # The system's words for what is wrong: no such file, permission denied.
        raise UsageError(said.CANNOT_READ(file=str(path),
                                          reason=error.strerror or str(error))) from None


def _checked_docx(data: bytes, path: Path) -> bytes:
    """Return `data` if it is a Word document's zip package of a size docgen reads."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_unpacked_size(archive)
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
    except ZipTooLarge as error:
        found = (templates.PARTS(count=error.entries) if error.entries > MAX_ENTRIES
                 else templates.AT_LEAST_MEGABYTES(megabytes=error.size // (1024 * 1024)))
        raise UsageError(said.TOO_LARGE(file=str(path), found=found,
                                        megabytes=MAX_UNPACKED_BYTES // (1024 * 1024),
                                        parts=MAX_ENTRIES)) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as error:
        # zipfile's or zlib's words for the damage.
        raise UsageError(said.DAMAGED(file=str(path), detail=str(error))) from None
    if "word/document.xml" in names:
        return data
    kind = next((kind for part, kind in _ZIP_KINDS if part in names), _OPENDOCUMENT.get(mimetype))
    if kind:
        raise UsageError(said.OTHER_OFFICE(file=str(path), kind=said.OFFICE_KINDS[kind]()))
    raise UsageError(said.ZIP_NOT_WORD(file=str(path)))


def _from_compound_file(data: bytes, path: Path) -> bytes:
    """Return the .docx made of an OLE compound file: an old .doc or .wps converted;
    refuse an encrypted file or another Office kind."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as compound:
            streams = {"/".join(entry) for entry in compound.listdir(streams=True,
                                                                     storages=False)}
            word = compound.openstream("WordDocument").read(12) \
                if "WordDocument" in streams else b""
    except (OSError, ValueError, IndexError) as error:
        # olefile's words for a damaged compound file.
        raise UsageError(said.DAMAGED(file=str(path), detail=str(error))) from None
    if "EncryptedPackage" in streams or _doc_is_encrypted(word):
        raise UsageError(said.ENCRYPTED(file=str(path)))
    if word or path.suffix.lower() == ".wps":
        kind = "wps" if path.suffix.lower() == ".wps" else "doc"
        return _checked_docx(convert_with_libreoffice(data, path, kind), path)
    if "Workbook" in streams or "Book" in streams:
        raise UsageError(said.OTHER_OFFICE(file=str(path), kind=said.OFFICE_KINDS["xls"]()))
    if "PowerPoint Document" in streams:
        raise UsageError(said.OTHER_OFFICE(file=str(path), kind=said.OFFICE_KINDS["ppt"]()))
    raise UsageError(said.UNKNOWN(file=str(path)))


def _doc_is_encrypted(fib: bytes) -> bool:
    """Return whether a .doc's File Information Block has its fEncrypted flag set
    (bit 8 of the flags at offset 10, [MS-DOC] 2.5.2)."""
    return len(fib) >= 12 and bool(int.from_bytes(fib[10:12], "little") & 0x0100)


def _sniff_text(data: bytes) -> str:
    """Return what a file that is neither zip nor OLE holds: pdf, rtf, html, word-xml, text,
    or "" when it cannot be told."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    lowered = head.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if b"<w:worddocument" in lowered or b'progid="word.document"' in lowered:
        return "word-xml"
    if lowered.startswith((b"<!doctype html", b"<html", b"mime-version:")) \
            or b"<html" in lowered[:512]:
        return "html"
    utf16 = ("utf-16",) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ()
    for encoding in ("utf-8", "gb18030", *utf16):
        try:
            text = data[:65536].decode(encoding)
        except UnicodeDecodeError:
            continue
        if not any(ord(char) < 32 and char not in "\t\r\n\f" for char in text):
            return "text"
    return ""


def find_soffice() -> Path | None:
    """Return LibreOffice's soffice program, as docgen's PDF output finds it (DOCGEN_SOFFICE,
    else on PATH or in its usual places), or None where there is none.

    Converting to .docx needs soffice alone, not the Python bridge PDFs need.
    """
    from docgen.render.libreoffice import installed_soffice

    chosen = os.environ.get("DOCGEN_SOFFICE")
    found = Path(chosen) if chosen else installed_soffice()
    return found if found is not None and found.is_file() and os.access(found, os.X_OK) \
        else None


def convert_with_libreoffice(data: bytes, path: Path, kind: str) -> bytes:
    """Return the .docx LibreOffice makes of `data` (the file at `path`, of `kind`: a key
    of OLD_KINDS); raise UsageError when LibreOffice is missing, fails or takes too long."""
    soffice = find_soffice()
    if soffice is None:
        raise UsageError(said.NO_LIBREOFFICE(file=str(path), kind=said.OLD_KINDS[kind]()))
    with tempfile.TemporaryDirectory(prefix="docgen_import_") as folder:
        work = Path(folder)
        suffix = {"doc": ".doc", "wps": ".wps", "word-xml": ".xml"}[kind]
        source = work / f"source{suffix}"
        source.write_bytes(data)
        # A private profile: a LibreOffice the user has open is neither used nor disturbed.
        command = [str(soffice), "--headless", "--invisible", "--nologo", "--norestore",
                   "--nolockcheck", f"-env:UserInstallation={(work / 'profile').as_uri()}",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "out"),
                   str(source)]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        try:
            output, _ = process.communicate(timeout=CONVERT_SECONDS)
        except subprocess.TimeoutExpired:
            _stop(process)
            raise UsageError(said.CONVERSION_TIMED_OUT(file=str(path),
                                                       seconds=CONVERT_SECONDS)) from None
        converted = work / "out" / "source.docx"
        if not converted.is_file():
            lines = [line for line in output.decode(errors="replace").splitlines()
                     if line.strip() and "javaldx" not in line]
            raise UsageError(said.CONVERSION_FAILED(
                file=str(path), detail=lines[-1] if lines else said.NOTHING_WRITTEN()))
        return converted.read_bytes()


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Kill `process` and everything it started, and wait for it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


def refuse_unfit(word: WordFile) -> None:
    """Raise UsageError if `word` is not fit to import as it is: changes still tracked,
    comments, or no text but pictures (a scan)."""
    file = str(word.path)
    if word.tracked_changes:
        raise UsageError(said.TRACKED_CHANGES(file=file, count=word.tracked_changes))
    if word.comments:
        raise UsageError(said.COMMENTS(file=file, count=word.comments))
    texts = [block.text for block in word.paragraphs]
    texts += [cell.text for table in word.tables for row in table.rows for cell in row]
    characters = sum(len("".join(text.split())) for text in texts)
    pictures = word.images + sum(block.images for block in word.paragraphs) + sum(
        paragraph.images for table in word.tables for row in table.rows for cell in row
        for paragraph in cell.paragraphs)
    if pictures and characters < _SCAN_TEXT:
        raise UsageError(said.IMAGE_ONLY(file=file))
    if not characters:
        raise UsageError(said.NO_TEXT(file=file))
