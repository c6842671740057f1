"""Interrupted and concurrent runs: every file is the old one or the new one, never a
damaged one; no edit is lost.

These tests run docgen as separate processes, kill them midway, and run two at once.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.support.trees import REPO, TEMPLATES

COPIES = 12
ORIGINAL = "为了分解部门工作目标"
EDITED = "为了分解部门年度工作目标"


def docgen(root: Path, *args: str) -> subprocess.Popen[bytes]:
    """Start docgen in `root` without waiting for it."""
    return subprocess.Popen([sys.executable, "-m", "docgen", *args], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finished(process: subprocess.Popen[bytes], timeout: float = 300) -> int:
    """Wait for `process`, reading its output; return its exit code."""
    process.communicate(timeout=timeout)
    return process.returncode


def make_project(root: Path) -> Path:
    """A project with the YNTD documents and a dozen copies of the capability plan."""
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(TEMPLATES, root / "templates" / "docx")
    plan = (root / "content" / "yntd" / "YNTD-ITSS-0303.yaml").read_text(encoding="utf-8")
    for index in range(COPIES):
        number = f"YNTD-ITSS-{1000 + index}"
        (root / "content" / "yntd" / f"{number}.yaml").write_text(
            plan.replace("YNTD-ITSS-0303", number), encoding="utf-8")
    return root


def outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def edit_all(root: Path) -> None:
    for path in (root / "content" / "yntd").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(ORIGINAL, EDITED), encoding="utf-8")


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> tuple[Path, dict[str, bytes], dict[str, bytes], float]:
    """A project whose output is the old build, with content edited since, the bytes
    of the old and of the new build, and how long a build of the edit takes here."""
    root = make_project(tmp_path_factory.mktemp("interrupt"))
    assert finished(docgen(root, "build")) == 0
    old = outputs(root / "output" / "yntd")
    reference = tmp_path_factory.mktemp("reference")
    shutil.copytree(root / "content", reference / "content")
    shutil.copytree(TEMPLATES, reference / "templates" / "docx")
    edit_all(reference)
    started = time.monotonic()
    assert finished(docgen(reference, "build")) == 0
    duration = time.monotonic() - started
    new = outputs(reference / "output" / "yntd")
    edit_all(root)
    assert set(old) == set(new) and sum(old[name] != new[name] for name in old) > COPIES
    return root, old, new, duration


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL],
                         ids=["SIGINT", "SIGTERM", "SIGKILL"])
@pytest.mark.parametrize("fraction", [0.3, 0.5, 0.7, 0.9])
def test_a_build_killed_midway_leaves_each_file_old_or_new(versions, sig, fraction):
    # The signal lands at a fraction of a build's measured time, so it keeps landing
    # midway however fast builds get.
    root, old, new, duration = versions
    folder = root / "output" / "yntd"
    shutil.rmtree(folder)
    folder.mkdir()
    for name, data in old.items():
        (folder / name).write_bytes(data)
    process = docgen(root, "build")
    time.sleep(fraction * duration)
    process.send_signal(sig)
    _stdout, stderr = process.communicate(timeout=120)
    # A killed process cannot clean up: its temporary files (.name.tmp) may stay.
    after = {name: data for name, data in outputs(folder).items() if not name.startswith(".")}
    assert set(after) == set(old), "a document went missing or a stray file appeared"
    for name, data in after.items():
        assert data in (old[name], new[name]), f"{name} is neither the old nor the new file"
        with zipfile.ZipFile(folder / name) as archive:
            assert archive.testzip() is None
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".")]
    if sig == signal.SIGKILL:
        return
    assert leftovers == [], "temporary files were left behind"
    if process.returncode == -sig and after == new:
        return  # the build had finished; Python restores default handlers as it exits
    assert process.returncode in (0, 130), stderr.decode()
    if process.returncode == 130:
        assert b"docgen: interrupted" in stderr and b"Traceback" not in stderr


def test_two_builds_into_the_same_folder_at_once_do_not_corrupt_each_other(versions,
                                                                          tmp_path):
    _root, _old, new, _duration = versions
    root = make_project(tmp_path)
    edit_all(root)
    first, second = docgen(root, "build"), docgen(root, "build")
    assert finished(first) == 0 and finished(second) == 0
    assert outputs(root / "output" / "yntd") == new


def test_two_bumps_at_once_lose_neither_edit(tmp_path):
    root = make_project(tmp_path)
    common = ["--author", "吴杰", "--reviewer", "赵建中", "--approver", "陆涛",
              "--date", "2026-01-05"]
    first = docgen(root, "bump", "YNTD-ITSS-0303", "--minor", "--change", "甲", *common)
    second = docgen(root, "bump", "YNTD-ITSS-0303", "--minor", "--change", "乙", *common)
    assert finished(first) == 0 and finished(second) == 0
    text = (root / "content" / "yntd" / "YNTD-ITSS-0303.yaml").read_text(encoding="utf-8")
    assert text.count("version: V1.1") == 1 and text.count("version: V1.2") == 1
    assert "change: 甲" in text and "change: 乙" in text


def test_an_interrupted_bump_leaves_the_content_file_whole(tmp_path):
    root = make_project(tmp_path)
    path = root / "content" / "yntd" / "YNTD-ITSS-0303.yaml"
    before = path.read_bytes()
    for delay in (0.3, 0.6, 0.9, 1.2):
        process = docgen(root, "bump", "YNTD-ITSS-0303", "--minor", "--change", "修订",
                         "--author", "吴杰", "--reviewer", "赵建中", "--approver", "陆涛",
                         "--date", "2026-01-05")
        time.sleep(delay)
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=60)
        after = path.read_bytes()
        assert after == before or after.startswith(before[:before.index(b"kpis:") - 2])
        assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []
        path.write_bytes(before)
    assert os.path.exists(path)
