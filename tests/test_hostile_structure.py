"""Hostile input that attacks the machine rather than the meaning: content nested
deeper than any parser's stack, archives that inflate a thousandfold, files that are
pipes or devices, titles longer than a file name may be.

Each case runs docgen as its own process, with a time limit, so that a crash, a hang or
a runaway allocation shows as a failure of the case and not of the test run.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from tests.support.running import run_docgen
from tests.support.trees import DOCUMENT_YAML, demo_project, snapshot

DOC = "content/demo/DEMO-ITSS-0001.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The demo project, built once."""
    root = demo_project(tmp_path)
    assert run_docgen(root, "build").code == 0
    return root


# --- nesting --------------------------------------------------------------------------


@pytest.mark.parametrize("levels", [3_000, 200_000])
@pytest.mark.parametrize("command", ["build", "check"])
def test_content_nested_thousands_deep_is_refused_at_its_line(levels, command, project):
    (project / DOC).write_text(DOCUMENT_YAML + "extra: " + "[" * levels + "]" * levels + "\n",
                               encoding="utf-8")
    before = snapshot(project / "output")
    ran = run_docgen(project, command, timeout=60)
    assert ran.stderr.splitlines() == [
        f"{DOC}:18:107: error: lists and mappings are nested more than 100 levels deep here",
        "    hint: content needs only a few levels (sections, lists, tables); look for runs "
        "of '[' or '{' or ever deeper indentation on this line",
        "docgen: 1 problem in the content; nothing was written."]
    assert ran.code == 2
    assert snapshot(project / "output") == before
    # 1 (the file) + 99 levels is allowed: the unknown key gets its ordinary message.
    (project / DOC).write_text(DOCUMENT_YAML + "extra: " + "[" * 99 + "]" * 99 + "\n",
                               encoding="utf-8")
    ran = run_docgen(project, command)
    assert ran.stderr.splitlines()[0] == f"{DOC}:18:1: error: unknown key 'extra'"
    assert ran.code == 2


def test_indentation_nested_deeper_than_the_limit_is_refused(project):
    keys = "".join(" " * (2 * level) + f"k{level}:\n" for level in range(1, 500))
    (project / DOC).write_text(DOCUMENT_YAML + "extra:\n" + keys + " " * 1000 + "v\n",
                               encoding="utf-8")
    ran = run_docgen(project, "check")
    assert ran.code == 2, ran.stderr
    assert ran.stderr.startswith(f"{DOC}:118:201: error: lists and mappings are nested more "
                                 f"than 100 levels deep here")



# --- regular files only ---------------------------------------------------------------

PIPE_HINT = "    hint: docgen reads only regular files: put the YAML file itself in its place"


def fifo_in_place_of(root: Path, relative: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    os.mkfifo(path)


@pytest.mark.parametrize("relative, expected", [
    pytest.param("content/demo/releases/DEMO-ITSS-0001.yaml",
                 ["content/demo/releases/DEMO-ITSS-0001.yaml: error: cannot read the file: it "
                  "is a named pipe (FIFO), not a file", PIPE_HINT,
                  "docgen: 1 problem in the content; nothing was written."],
                 id="a release record"),
    pytest.param(DOC,
                 [f"{DOC}: error: cannot read the file: it is a named pipe (FIFO), not a file",
                  PIPE_HINT, "docgen: 1 problem in the content; nothing was written."],
                 id="a document"),
    pytest.param("content/demo/org.yaml",
                 ["content/demo/org.yaml: error: cannot read the file: it is a named pipe "
                  "(FIFO), not a file", PIPE_HINT,
                  "docgen: 1 problem in the content; nothing was written."],
                 id="org.yaml"),
    pytest.param("templates/docx/controlled-document.docx",
                 ["templates/docx/controlled-document.docx: error: cannot read the template: "
                  "it is a named pipe (FIFO), not a file",
                  "    hint: docgen reads only regular files: put the .docx file itself in its "
                  "place", "docgen: the template cannot be used; nothing was written."],
                 id="the template"),
])
def test_a_pipe_where_a_file_is_expected_is_named_at_once(relative, expected, project):
    fifo_in_place_of(project, relative)
    before = snapshot(project / "output")
    ran = run_docgen(project, "build", timeout=30)
    assert ran.stderr.splitlines() == expected
    assert ran.code == 2
    assert snapshot(project / "output") == before


def test_a_folder_where_a_document_is_expected_is_named(project):
    (project / DOC).unlink()
    (project / DOC).mkdir()
    ran = run_docgen(project, "check", timeout=30)
    assert ran.stderr.splitlines() == [
        f"{DOC}: error: cannot read the file: it is a folder, not a file", PIPE_HINT,
        "docgen: 1 problem in the content; nothing was written."]
    assert ran.code == 2


def test_a_device_is_refused_before_it_is_read(project):
    os.symlink("/dev/zero", project / "content/demo/DEMO-ITSS-0002.yaml")  # endless to read
    ran = run_docgen(project, "check", timeout=30, address_space_mb=2048)
    # The link points outside the working folder, so its path is shown whole.
    assert ran.stderr.splitlines()[0].endswith(
        "content/demo/DEMO-ITSS-0002.yaml: error: cannot read the file: it is a character "
        "device, not a file")
    assert ran.code == 2


def test_a_pipe_in_place_of_the_build_manifest_costs_a_full_build(project):
    manifest = project / "output" / ".docgen-manifest.json"
    fifo_in_place_of(project, "output/.docgen-manifest.json")
    ran = run_docgen(project, "build", timeout=30)
    assert ran.code == 0, ran.stderr
    assert manifest.is_file()


def test_documents_in_a_folder_without_an_organization_are_an_error(project):
    other = project / "content" / "other"
    other.mkdir()
    (other / "DEMO-ITSS-0009.yaml").write_text(DOCUMENT_YAML.replace("0001", "0009"),
                                                encoding="utf-8")
    before = snapshot(project / "output")
    ran = run_docgen(project, "build")
    assert ran.stderr.splitlines() == [
        "content/other: error: the folder holds documents (DEMO-ITSS-0009.yaml) but no "
        "org.yaml, so they belong to no organization",
        "    hint: add the organization's org.yaml to the folder (see docs/content-format.md), "
        "or move the documents into an organization's folder",
        "docgen: 1 problem in the content; nothing was written."]
    assert ran.code == 2
    assert snapshot(project / "output") == before


# --- zip archives ---------------------------------------------------------------------


def inflating_template(root: Path, megabytes: int) -> None:
    """Add to the project's template a part of zeros that inflates to `megabytes` MB."""
    path = root / "templates/docx/controlled-document.docx"
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive, \
            archive.open("word/media/image1.bin", "w") as stream:
        zeros = bytes(1024 * 1024)
        for _ in range(megabytes):
            stream.write(zeros)


def test_a_template_that_inflates_a_thousandfold_is_refused_before_it_is_inflated(project):
    inflating_template(project, 600)
    assert (project / "templates/docx/controlled-document.docx").stat().st_size < 2_000_000
    before = snapshot(project / "output")
    ran = run_docgen(project, "build", timeout=120)
    assert ran.stderr.splitlines() == [
        "templates/docx/controlled-document.docx: error: the template unpacks to at least "
        "600 MB; docgen reads Word files of at most 100 MB and 10000 parts",
        "    hint: save it again from Word or WPS, leaving out large images and embedded files",
        "docgen: the template cannot be used; nothing was written."]
    assert ran.code == 2
    assert ran.peak_mb < 300, f"{ran.peak_mb:.0f} MB"
    assert snapshot(project / "output") == before


# --- file names -----------------------------------------------------------------------


@pytest.mark.parametrize("title", ["运" * 80, "运" * 74, "运维" * 30 + "a" * 70],
                         ids=["80 CJK characters", "74 CJK characters", "60 CJK and 70 Latin"])
def test_a_long_title_is_cut_to_a_file_name_the_file_system_takes(title, project):
    (project / DOC).write_text(DOCUMENT_YAML.replace("title: 示例管理计划", f"title: {title}"),
                               encoding="utf-8")
    ran = run_docgen(project, "build")
    assert ran.code == 0, ran.stderr
    [written] = [path for path in (project / "output" / "demo").iterdir()
                 if path.name.startswith("DEMO-ITSS-0001 运")]
    assert len(written.name.encode()) + len(".") + len(".12345678.tmp") <= 255
    assert written.name.endswith(" V1.0.docx") and title.startswith(written.name[15:-10])


def test_a_document_number_too_long_for_any_file_name_is_refused_at_its_line(project):
    number = "DEMO-" + "A" * 240
    (project / DOC).write_text(DOCUMENT_YAML.replace("DEMO-ITSS-0001", number),
                               encoding="utf-8")
    ran = run_docgen(project, "check")
    assert ran.stderr.splitlines() == [
        f"{DOC}:1:9: error: the document number '{number}' with its version V1.0 is too long "
        f"for a file name (at most 255 bytes)",
        "    hint: shorten the document number",
        "docgen: 1 problem in the content; nothing was written."]
    assert ran.code == 2
