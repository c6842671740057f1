"""Output files are named from the document and written atomically."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from docgen.errors import OutputError
from docgen.output import document_file_name, output_path, write_atomically


@pytest.mark.parametrize("number, title, version, expected", [
    ("YNTD-ITSS-0303", "运维服务能力管理计划", "V1.0",
     "YNTD-ITSS-0303 运维服务能力管理计划 V1.0.docx"),
    ("X-1", "a/b\\c:d*e?f\"g<h>i|j", "V2.0", "X-1 a b c d e f g h i j V2.0.docx"),
    ("X-1", "  多余   空格 ", "V1.1", "X-1 多余 空格 V1.1.docx"),
    ("X-1", "..", "V1.0", "X-1 V1.0.docx"),
])
def test_file_names_are_number_title_and_version(number, title, version, expected):
    assert document_file_name(number, title, version) == expected


def test_a_path_outside_the_output_folder_is_refused(tmp_path):
    with pytest.raises(OutputError):
        output_path(tmp_path / "out", "..", "escape.docx")
    assert output_path(tmp_path / "out", "yntd", "a.docx") == (tmp_path / "out" / "yntd" /
                                                              "a.docx").resolve()


def test_a_write_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OutputError) as raised:
        write_atomically(target, b"new")
    assert raised.value.message == "the disk is full"
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_a_read_only_folder_is_reported(tmp_path, monkeypatch):
    # Simulated: tests may run as root, who can write into a read-only folder.
    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(OutputError) as raised:
        write_atomically(tmp_path / "a.docx", b"x")
    assert raised.value.message == "permission denied"
    assert raised.value.hint.startswith("make the output folder writable")


def test_new_files_get_the_usual_permissions(tmp_path):
    write_atomically(tmp_path / "a.docx", b"x")
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "a.docx").stat().st_mode & 0o777 == 0o666 & ~mask


def test_the_parent_folder_is_created(tmp_path: Path):
    write_atomically(tmp_path / "out" / "yntd" / "a.docx", b"x")
    assert (tmp_path / "out" / "yntd" / "a.docx").read_bytes() == b"x"
