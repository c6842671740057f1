"""Hostile input that attacks the machine rather than the meaning: content nested
deeper than any parser's stack, archives that inflate a thousandfold, files that are
pipes or devices, titles longer than a file name may be.

Each case runs docgen as its own process, with a time limit, so that a crash, a hang or
a runaway allocation shows as a failure of the case and not of the test run.
"""

from __future__ import annotations

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

