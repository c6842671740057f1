"""Whatever streams and encodings docgen is started with, it does its work, ends with
the right exit code and never prints a traceback: a closed standard output (cron), a
closed standard error, a full disk behind standard output, an encoding that cannot
show Chinese, and a build manifest nested too deep to read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.trees import REPO, TEMPLATES

DOCGEN = [sys.executable, "-m", "docgen"]


@pytest.fixture
def yntd(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "content")
    return tmp_path


def docgen(root: Path, *args: str, redirect: str = "", env: dict[str, str] | None = None
           ) -> subprocess.CompletedProcess[str]:
    """Run docgen through a shell, with `redirect` applied to its streams."""
    command = " ".join([*DOCGEN, *args, "--templates", str(TEMPLATES)]) + " " + redirect
    return subprocess.run(["sh", "-c", command], cwd=root, capture_output=True, text=True,
                          timeout=300, env=dict(os.environ, **(env or {})))


def built(root: Path) -> list[str]:
    return sorted(path.name for path in (root / "output" / "yntd").glob("*.docx"))


def test_a_quiet_build_with_standard_output_closed_builds_everything(yntd):
    result = docgen(yntd, "build", "-q", redirect=">&-")
    assert (result.returncode, result.stderr) == (0, "")
    assert len(built(yntd)) == 3


def test_a_build_with_standard_error_closed_ends_well(yntd):
    result = docgen(yntd, "build", redirect="2>&-")
    assert result.returncode == 0
    assert len(built(yntd)) == 3


@pytest.mark.parametrize("command", [["list"], ["check"], ["check", "--format", "json"]])
def test_with_standard_output_closed_the_exit_code_still_tells(yntd, command):
    result = docgen(yntd, *command, redirect=">&-")
    assert result.returncode == (1 if command[0] == "check" else 0)
    assert "Traceback" not in result.stderr and result.stderr == ""


@pytest.mark.parametrize("command", [["list"], ["check"], ["check", "--format", "json"]])
def test_output_to_a_full_disk_is_an_error_that_says_so(yntd, command):
    result = docgen(yntd, *command, redirect="> /dev/full")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "docgen: error: cannot write the output: No space left on device"]


def test_an_encoding_that_cannot_show_chinese_escapes_it(yntd):
    result = docgen(yntd, "build", env={"PYTHONIOENCODING": "latin-1"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert len(built(yntd)) == 3
    assert "\\u8fd0\\u7ef4" in result.stdout  # 运维, escaped


def test_a_manifest_nested_too_deep_to_read_costs_a_rebuild(yntd):
    (yntd / "output").mkdir()
    (yntd / "output" / ".docgen-manifest.json").write_text("[" * 100_000 + "]" * 100_000)
    result = docgen(yntd, "build")
    assert result.returncode == 0, result.stderr
    assert len(built(yntd)) == 3
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
