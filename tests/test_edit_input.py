"""Commands that edit content (bump, release, withdraw) never write what docgen itself
refuses to read: text typed into an option is checked, the edited file is loaded before
it replaces the old one, and odd but readable files (CR-only line ends, a content file
that is a symbolic link) are edited as safely as ordinary ones."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from docgen.cli import main
from tests.support.running import run_docgen
from tests.support.trees import DOCUMENT_YAML, demo_project, snapshot

DOC = "content/demo/DEMO-ITSS-0001.yaml"
BUMP = ["bump", "DEMO-ITSS-0001", "--minor", "--author", "张三", "--reviewer", "李四",
        "--approver", "王五", "--date", "2025-03-01"]
WITHDRAW = ["withdraw", "DEMO-ITSS-0001", "--date", "2025-03-01"]
TYPE_AGAIN = ("    hint: type the text again without it; a line break or page break pasted from "
              "Word is such a character")


@pytest.fixture
def project(tmp_path: Path, in_folder) -> Path:
    return in_folder(demo_project(tmp_path))


@pytest.mark.parametrize("args, shown", [
    pytest.param([*BUMP, "--change", "修订\x0b目标"],
                 "--change holds the character U+000B (vertical tab (a manual line break "
                 "pasted from Word))", id="bump --change with a vertical tab"),
    pytest.param([*BUMP, "--change", "修订\ufffe目标"], "--change holds the character U+FFFE",
                 id="bump --change with U+FFFE"),
    pytest.param([*WITHDRAW, "--reason", "由新版\x0c代替"],
                 "--reason holds the character U+000C (form feed (a page break pasted from "
                 "Word))", id="withdraw --reason with a form feed"),
])
def test_an_edit_refuses_text_a_content_file_cannot_hold(args, shown, runner, project):
    before = snapshot(project / "content")
    result = runner.invoke(main, args)
    assert result.stderr.splitlines() == [
        f"docgen: error: {shown}, which a content file cannot hold", TYPE_AGAIN]
    assert result.exit_code == 2
    assert snapshot(project / "content") == before
    assert runner.invoke(main, ["build"]).exit_code == 0


def test_an_option_typed_in_a_terminal_that_is_not_utf8_is_refused(project):
    before = snapshot(project / "content")
    # What a GBK terminal passes for "修订": bytes that are not UTF-8.
    ran = run_docgen(project, *BUMP, "--change", "修订".encode("gbk"))  # type: ignore[arg-type]
    assert ran.stderr.splitlines() == [
        "docgen: error: --change is not UTF-8 text (it holds the byte 0xD0): the terminal's "
        "encoding is not UTF-8",
        "    hint: switch the terminal to UTF-8 (e.g. export LANG=C.UTF-8; on Windows, chcp "
        "65001) and type the text again"]
    assert ran.code == 2
    assert snapshot(project / "content") == before


def test_an_edit_that_would_not_load_is_not_written(runner, project, monkeypatch):
    # A flaw in docgen's quoting, simulated: the value is written as it was typed.
    monkeypatch.setattr("docgen.control.yaml_edit.scalar", lambda value, flow=False: value)
    before = snapshot(project / "content")
    result = runner.invoke(main, [*BUMP, "--change", "修订: 目标"])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"docgen: error: {Path(DOC).resolve()}: docgen's edit would make the file "
        f"unreadable (")
    assert "nothing was written" in result.stderr
    assert snapshot(project / "content") == before


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"], ids=["CR", "CRLF", "LF"])
def test_bump_and_withdraw_keep_the_line_ends_of_the_file(newline, runner, project):
    path = project / DOC
    path.write_bytes(DOCUMENT_YAML.replace("\n", newline).encode())
    assert runner.invoke(main, [*BUMP, "--change", "修订目的"]).exit_code == 0
    assert runner.invoke(main, [*WITHDRAW, "--reason", "由新版代替"]).exit_code == 0
    text = path.read_bytes().decode()
    assert text.replace(newline, "\n") == DOCUMENT_YAML.replace(
        "revisions:\n", "status: withdrawn\nwithdrawn_on: 2025-03-01\n"
                        "withdrawn_reason: 由新版代替\nrevisions:\n").replace(
        "    change: 首次发布\n", "    change: 首次发布\n"
        "  - version: V1.1\n    author: 张三\n    date: 2025-03-01\n    reviewer: 李四\n"
        "    review_date: 2025-03-01\n    approver: 王五\n    approve_date: 2025-03-01\n"
        "    change: 修订目的\n")
    assert newline == "\n" or "\n" not in text.replace(newline, "")
    assert runner.invoke(main, ["check"]).exit_code == 0


def test_a_content_file_that_is_a_link_is_edited_where_it_points(runner, project, tmp_path):
    shared = tmp_path / "shared" / "DEMO-ITSS-0001.yaml"
    shared.parent.mkdir()
    shared.write_text(DOCUMENT_YAML, encoding="utf-8")
    (project / DOC).unlink()
    os.symlink(shared, project / DOC)
    assert runner.invoke(main, [*BUMP, "--change", "修订目的"]).exit_code == 0
    assert runner.invoke(main, ["release", "DEMO-ITSS-0001", "--force"]).exit_code == 0
    assert (project / DOC).is_symlink()
    assert "version: V1.1" in shared.read_text(encoding="utf-8")
    assert [p.name for p in shared.parent.iterdir()] == ["DEMO-ITSS-0001.yaml"]
