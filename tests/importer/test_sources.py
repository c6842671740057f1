"""docgen import opens a .docx as it is, converts an old .doc through LibreOffice, and
refuses every other file with words that say what the file is and what to do: by its
content, whatever its name; and refuses a Word file that still has tracked changes or
comments, or holds a scan instead of text."""

from __future__ import annotations

import io
import os
import random
import struct
import subprocess
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from docgen.catalogue import import_files as said
from docgen.errors import UsageError
from docgen.files import MAX_ENTRIES
from docgen.importer import sources
from docgen.importer.model import WordFile
from docgen.importer.sources import find_soffice, read_source, refuse_unfit
from tests.importer.support import docx_bytes, paragraph, table

# --- files made for the tests -----------------------------------------------------------

FREE, END, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def compound_file(streams: dict[str, bytes]) -> bytes:
    """Return a minimal OLE compound file (CFB version 3) holding `streams`, each stored
    in regular sectors (padded to the 4096 bytes below which CFB uses its mini stream)."""
    sector = 512
    chains: list[tuple[str, int, int]] = []  # name, first sector, size
    fat = [FAT_SECTOR, END]  # sector 0: the FAT; sector 1: the directory
    data = b""
    for name, content in streams.items():
        content = content.ljust(4096, b"\0")
        count = -(-len(content) // sector)
        first = len(fat)
        fat += [first + step + 1 for step in range(count - 1)] + [END]
        chains.append((name, first, len(content)))
        data += content.ljust(count * sector, b"\0")
    assert len(fat) <= 128 and len(streams) <= 3
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
              + struct.pack("<109I", 0, *[FREE] * 108))
    fat_sector = struct.pack(f"<{128}I", *(fat + [FREE] * (128 - len(fat))))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", NO_STREAM, right, child) + bytes(16 + 4 + 16)
                + struct.pack("<IQ", start, size))

    # Siblings in the order CFB compares names: shorter first, then by upper case.
    ordered = sorted(range(len(chains)), key=lambda i: (len(chains[i][0]), chains[i][0].upper()))
    directory = entry("Root Entry", 5, ordered[0] + 1 if chains else NO_STREAM, NO_STREAM,
                      END, 0)
    for position, index in enumerate(ordered):
        name, first, size = chains[index]
        right = ordered[position + 1] + 1 if position + 1 < len(ordered) else NO_STREAM
        directory += entry(name, 2, NO_STREAM, right, first, size)
    directory = directory.ljust(sector, b"\0")
    directory = b"".join(
        chunk if chunk.strip(b"\0") else entry("", 0, NO_STREAM, NO_STREAM, 0, 0)
        for chunk in (directory[offset:offset + 128] for offset in range(0, sector, 128)))
    return header + fat_sector + directory + data


def zipped(parts: dict[str, bytes | str]) -> bytes:
    """Return a zip archive of `parts`."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return stream.getvalue()


def a_docx(*lines: str) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    return docx_bytes(document)


def an_xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "指标名称"
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def refusal(path: Path) -> UsageError:
    with pytest.raises(UsageError) as raised:
        read_source(path)
    return raised.value


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- a Word document ---------------------------------------------------------------------


def test_a_docx_is_read_as_it_is(tmp_path):
    data = a_docx("运维服务能力管理计划")
    assert read_source(write(tmp_path, "计划.docx", data)) == data


def test_a_docx_named_doc_is_still_a_docx(tmp_path):
    data = a_docx("管理制度")
    assert read_source(write(tmp_path, "制度.doc", data)) == data


# --- files that cannot be read -----------------------------------------------------------


def test_a_missing_file_is_named_with_the_systems_words(tmp_path):
    error = refusal(tmp_path / "没有.docx")
    assert error.what.code == said.CANNOT_READ.code
    assert "没有.docx" in error.message and "No such file" in error.message


def test_a_folder_is_not_a_file(tmp_path):
    (tmp_path / "文件夹.docx").mkdir()
    error = refusal(tmp_path / "文件夹.docx")
    assert error.what.code == said.NOT_A_FILE.code
    assert "it is a folder, not a file" in error.message


def test_an_empty_file_is_refused(tmp_path):
    error = refusal(write(tmp_path, "空.docx", b""))
    assert error.what.code == said.EMPTY.code
    assert error.message.endswith("空.docx is empty (0 bytes)")


def test_random_bytes_are_no_word_document(tmp_path):
    noise = bytes(random.Random(7).randrange(256) for _ in range(3000))
    error = refusal(write(tmp_path, "乱码.docx", b"\x00\x01" + noise))
    assert error.what.code == said.UNKNOWN.code
    assert "Save As" in error.hint


def test_a_damaged_zip_says_what_zipfile_found(tmp_path):
    data = a_docx("正文")
    error = refusal(write(tmp_path, "坏.docx", data[:len(data) // 2]))
    assert error.what.code == said.DAMAGED.code


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    parts = {f"word/media/{index}.txt": "" for index in range(MAX_ENTRIES + 1)}
    error = refusal(write(tmp_path, "炸弹.docx", zipped({"word/document.xml": "<w/>", **parts})))
    assert error.what.code == said.TOO_LARGE.code
    assert f"{MAX_ENTRIES + 2} parts" in error.message


# --- other kinds of files, told by content ------------------------------------------------


def test_an_excel_workbook_is_named_as_one(tmp_path):
    error = refusal(write(tmp_path, "指标.docx", an_xlsx()))
    assert error.what.code == said.OTHER_OFFICE.code
    assert "an Excel workbook (.xlsx), not a Word document" in error.message


@pytest.mark.parametrize("parts, kind", [
    ({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"}, "PowerPoint"),
    ({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<o/>"},
     "OpenDocument text (.odt)"),
], ids=["pptx", "odt"])
def test_other_office_packages_are_named(tmp_path, parts, kind):
    error = refusal(write(tmp_path, "文件.docx", zipped(parts)))
    assert error.what.code == said.OTHER_OFFICE.code
    assert kind in error.message and "Word Document (.docx)" in error.hint


def test_a_zip_of_something_else_is_no_word_document(tmp_path):
    error = refusal(write(tmp_path, "归档.docx", zipped({"readme.txt": "hello"})))
    assert error.what.code == said.ZIP_NOT_WORD.code


@pytest.mark.parametrize("data, code", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", said.PDF.code),
    (b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}", said.RTF.code),
    (b"<!DOCTYPE html>\n<html><body><p>\xe7\x9b\xae\xe7\x9a\x84</p></body></html>", said.HTML.code),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related", said.HTML.code),
    ("1 目的\n为规范运维服务……\n2 适用范围\n".encode("gb18030"), said.TEXT.code),
    ("\ufeff运维服务能力管理计划\r\n".encode(), said.TEXT.code),
], ids=["pdf", "rtf", "html", "mht", "gbk-text", "utf8-text"])
def test_files_that_are_not_word_documents_are_told_by_content(tmp_path, data, code):
    # Each saved as .doc: people rename such files, and the name proves nothing.
    error = refusal(write(tmp_path, "文件.doc", data))
    assert error.what.code == code
    assert "not a Word document" in error.message


# --- OLE compound files -------------------------------------------------------------------


def test_a_password_protected_docx_is_refused_with_how_to_clear_the_password(tmp_path):
    data = compound_file({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\x01"})
    error = refusal(write(tmp_path, "加密.docx", data))
    assert error.what.code == said.ENCRYPTED.code
    assert "password" in error.message and "文档加密" in error.hint


def test_a_password_protected_doc_is_refused_by_its_encrypted_flag(tmp_path):
    fib = struct.pack("<HHHHHH", 0xA5EC, 0xC1, 0, 0x0804, 0, 0x0100)
    error = refusal(write(tmp_path, "加密.doc", compound_file({"WordDocument": fib})))
    assert error.what.code == said.ENCRYPTED.code


def test_an_old_excel_workbook_is_named_as_one(tmp_path):
    error = refusal(write(tmp_path, "表.doc", compound_file({"Workbook": b"\x09\x08"})))
    assert error.what.code == said.OTHER_OFFICE.code
    assert ".xls" in error.message


def test_a_doc_without_libreoffice_says_how_to_convert_it(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCGEN_SOFFICE", str(tmp_path / "nothing" / "soffice"))
    assert find_soffice() is None
    fib = struct.pack("<HHHHHH", 0xA5EC, 0xC1, 0, 0x0804, 0, 0)
    error = refusal(write(tmp_path, "旧.doc", compound_file({"WordDocument": fib})))
    assert error.what.code == said.NO_LIBREOFFICE.code
    assert "old Word 97-2003 document (.doc)" in error.message
    assert "Save As" in error.hint and "install LibreOffice" in error.hint


def test_a_wps_file_without_libreoffice_is_named_as_one(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCGEN_SOFFICE", str(tmp_path / "nothing"))
    error = refusal(write(tmp_path, "文件.wps", compound_file({"WordDocument": bytes(12)})))
    assert "a WPS document (.wps)" in error.message


@pytest.fixture(scope="module")
def soffice() -> Path:
    found = find_soffice()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the LibreOffice tests, but soffice is not installed")
        pytest.skip("LibreOffice is not installed")
    return found


@pytest.mark.libreoffice
def test_an_old_doc_is_converted_by_libreoffice(soffice, tmp_path):
    original = write(tmp_path, "original.docx", a_docx("信息安全管理制度", "第一条 目的"))
    profile = tmp_path / "profile"
    subprocess.run([str(soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path / "old"), str(original)],
                   check=True, capture_output=True, timeout=180)
    old = tmp_path / "old" / "original.doc"
    assert old.read_bytes().startswith(sources.OLE_SIGNATURE)
    converted = read_source(old)
    texts = [p.text for p in docx.Document(io.BytesIO(converted)).paragraphs]
    assert texts[:2] == ["信息安全管理制度", "第一条 目的"]


def test_a_libreoffice_that_writes_nothing_is_reported(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded'\n")
    fake.chmod(0o755)
    monkeypatch.setenv("DOCGEN_SOFFICE", str(fake))
    error = refusal(write(tmp_path, "旧.doc", compound_file({"WordDocument": bytes(12)})))
    assert error.what.code == said.CONVERSION_FAILED.code
    assert "source file could not be loaded" in error.message


def test_a_libreoffice_that_hangs_is_stopped(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 60\n")
    fake.chmod(0o755)
    monkeypatch.setenv("DOCGEN_SOFFICE", str(fake))
    monkeypatch.setattr(sources, "CONVERT_SECONDS", 1)
    error = refusal(write(tmp_path, "旧.doc", compound_file({"WordDocument": bytes(12)})))
    assert error.what.code == said.CONVERSION_TIMED_OUT.code


# --- Word files not fit to import as they are -------------------------------------------


def word(*blocks, **facts) -> WordFile:
    return WordFile(Path("计划.docx"), list(blocks), **facts)


def refused_because(word_file: WordFile) -> UsageError:
    with pytest.raises(UsageError) as raised:
        refuse_unfit(word_file)
    return raised.value


def test_tracked_changes_are_refused_with_how_to_accept_them():
    error = refused_because(word(paragraph("1 目的"), tracked_changes=3))
    assert error.message == "计划.docx still has 3 tracked changes"
    assert "接受所有修订" in error.hint


def test_comments_are_refused_with_how_to_delete_them():
    error = refused_because(word(paragraph("1 目的"), comments=1))
    assert error.message == "计划.docx has 1 comment"
    assert "删除所有批注" in error.hint


def test_a_scan_is_refused_as_pictures_without_text():
    error = refused_because(word(paragraph("", images=1), paragraph("第1页"), images=12))
    assert error.what.code == said.IMAGE_ONLY.code
    assert "OCR" in error.hint


def test_a_file_without_text_is_refused():
    assert refused_because(word(paragraph(""), table(0, [["", ""]]))).what.code == \
        said.NO_TEXT.code


def test_a_file_with_text_in_tables_and_pictures_is_fit():
    refuse_unfit(word(paragraph("", images=2),
                      table(0, [["编制人：吴杰", "编制时间：2025.01.07"]]), images=2))
