"""docgen removes only what it wrote, and only from an output folder of its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from docgen.cli import main
from docgen.errors import UsageError
from docgen.project import load_project
from tests.support.trees import demo_project, snapshot

DOCX = "DEMO-ITSS-0001 示例管理计划 V1.0.docx"


def test_a_file_docgen_did_not_write_is_never_removed(runner, tmp_path, in_folder):
    root = in_folder(demo_project(tmp_path))
    assert runner.invoke(main, ["build"]).exit_code == 0
    # A person saves a scan of the original beside the output; its name looks like an
    # older version of the document.
    scan = root / "output" / "demo" / "DEMO-ITSS-0001 原件扫描 V0.9.docx"
    scan.write_bytes(b"the scanned original")
    document = root / "content" / "demo" / "DEMO-ITSS-0001.yaml"
    document.write_text(document.read_text(encoding="utf-8").replace(
        "为了规范运维服务。", "为了规范运维服务，提升质量。"), encoding="utf-8")
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert scan.read_bytes() == b"the scanned original"
    assert "removed" not in result.stdout


@pytest.mark.parametrize("output", ["content", "content/demo", "."])
def test_an_output_folder_that_is_not_docgens_own_is_refused(runner, tmp_path, in_folder,
                                                             output):
    root = in_folder(demo_project(tmp_path))
    scan = root / "content" / "demo" / f"{DOCX.replace('V1.0', 'V0.9')}"
    scan.write_bytes(b"the scanned original")
    before = snapshot(root)
    result = runner.invoke(main, ["build", "--output", output])
    assert result.exit_code == 2
    assert result.stderr.startswith("docgen: error: the output folder ")
    assert "Traceback" not in result.output
    assert snapshot(root) == before


def test_the_root_of_the_file_system_as_output_is_refused(tmp_path):
    # Asked of the project alone: a build that got past the refusal would write into /.
    demo_project(tmp_path)
    with pytest.raises(UsageError) as refused:
        load_project(tmp_path, output=Path("/"))
    assert refused.value.message == "the output folder '/' is /, not a folder of its own"


def test_a_home_folder_as_output_is_refused(runner, tmp_path, in_folder, monkeypatch):
    root = in_folder(demo_project(tmp_path))
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    result = runner.invoke(main, ["build", "--output", str(home)])
    assert result.exit_code == 2
    assert f"is {home.resolve()}, not a folder of its own" in result.stderr
    assert list(home.iterdir()) == []
    assert not (root / "output").exists()


def test_an_output_folder_that_links_elsewhere_is_refused(runner, tmp_path, in_folder):
    root = in_folder(demo_project(tmp_path))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, root / "output")
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    assert "is a link to" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_the_output_folder_may_be_anywhere_else(runner, tmp_path, in_folder):
    root = in_folder(demo_project(tmp_path))
    result = runner.invoke(main, ["build", "--output", str(tmp_path / "build-here")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "build-here" / "demo" / DOCX).is_file()
    assert root.is_dir()

