"""The same content gives byte-identical .docx files, in any process, on any run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from docgen.project import Project
from tests.support.building import build
from tests.support.trees import REPO


def test_two_builds_in_separate_processes_give_identical_bytes(tmp_path: Path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    first = build(Project(tmp_path / "content", REPO / "templates" / "docx", tmp_path / "one"))
    # A second interpreter with another hash seed: set and dict ordering cannot leak in.
    environment = dict(os.environ, PYTHONHASHSEED="12345")
    subprocess.run([sys.executable, "-m", "docgen", "build", "--content", str(tmp_path / "content"),
                    "--templates", str(REPO / "templates" / "docx"),
                    "--output", str(tmp_path / "two")], check=True, env=environment,
                   capture_output=True)
    assert len(first.written) == 4  # both bundled organizations
    for path in first.written:
        again = tmp_path / "two" / path.parent.name / path.name
        assert again.read_bytes() == path.read_bytes(), path.name


def test_rebuilding_in_place_leaves_the_bytes_unchanged(yntd_project, yntd_built):
    before = {number: path.read_bytes() for number, path in yntd_built.items()}
    build(yntd_project)
    assert {number: path.read_bytes() for number, path in yntd_built.items()} == before
