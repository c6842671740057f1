"""The bad-input catalogue, continued: the project's configuration file, docgen.toml.

It is checked as content is: each problem with its line and column, what is wrong and
what to do, exit code 2, no traceback, nothing written.
"""

from __future__ import annotations

import os

import pytest

from docgen.cli import main
from tests.support.running import run_docgen
from tests.support.trees import demo_project, snapshot

CONFIG = "docgen.toml"
SUMMARY = "docgen: 1 problem in the content; nothing was written."
TABLE_HINT = '    hint: e.g. [paths] then content = "content" on the next line'


@pytest.mark.parametrize("text, expected", [
    pytest.param("paths = 3\n",
                 [f"{CONFIG}:1:9: error: 'paths' must be a table of folders, found the number 3",
                  TABLE_HINT], id="paths = 3"),
    pytest.param("paths = [1]\n",
                 [f"{CONFIG}:1:9: error: 'paths' must be a table of folders, found a list",
                  TABLE_HINT], id="paths = [1]"),
    pytest.param('paths = "out"\n',
                 [f"{CONFIG}:1:9: error: 'paths' must be a table of folders, found the text "
                  f"'out'", TABLE_HINT], id='paths = "out"'),
    pytest.param('[paths]\ncontent = "content"\noutput = 3\n',
                 [f"{CONFIG}:3:10: error: 'output' must be a folder, in quotes, found the "
                  f"number 3", '    hint: e.g. output = "output"'], id="output = 3"),
    pytest.param('[paths]\ntemplates = ""\n',
                 [f"{CONFIG}:2:13: error: 'templates' must be a folder, in quotes, found the "
                  f"empty text ''", '    hint: e.g. templates = "templates/docx"'],
                 id='templates = ""'),
    pytest.param('[paths]\noutptu = "build"\n',
                 [f"{CONFIG}:2:1: error: unknown setting 'outptu' in [paths]",
                  "    hint: allowed: content, templates, output"], id="a misspelt setting"),
    pytest.param('[path]\noutput = "build"\n',
                 [f"{CONFIG}:1:2: error: unknown key 'path'",
                  "    hint: docgen.toml holds the table [paths] and the setting language"], id="a misspelt table"),
    pytest.param("[paths\n",
                 [f"{CONFIG}:1:7: error: TOML syntax error: Expected ']' at the end of a table "
                  f"declaration",
                  "    hint: fix the TOML syntax, or delete the file to use the default folders"],
                 id="a syntax error"),
])
def test_a_configuration_that_cannot_be_used_is_refused_at_its_line(text, expected, runner,
                                                                    tmp_path, in_folder):
    root = in_folder(demo_project(tmp_path))
    (root / CONFIG).write_text(text, encoding="utf-8")
    for command in ("build", "check"):
        result = runner.invoke(main, [command])
        assert result.stderr.splitlines() == [*expected, SUMMARY]
        assert result.exit_code == 2
        assert "Traceback" not in result.output
    assert snapshot(root / "output") == {}


def test_a_configuration_that_is_a_pipe_is_named_at_once(tmp_path):
    root = demo_project(tmp_path)
    os.mkfifo(root / CONFIG)
    ran = run_docgen(root, "check", timeout=30)
    assert ran.stderr.splitlines() == [
        f"{CONFIG}: error: cannot read the file: it is a named pipe (FIFO), not a file",
        "    hint: docgen reads only regular files: put the configuration file itself in its "
        "place, or remove it", SUMMARY]
    assert ran.code == 2
