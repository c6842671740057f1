"""Project folders: defaults, docgen.toml, and options that override both."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import ContentError
from docgen.project import load_project


def test_defaults(tmp_path):
    project = load_project(tmp_path)
    assert (project.content, project.templates, project.output) == (
        tmp_path / "content", tmp_path / "templates" / "docx", tmp_path / "output")


def test_the_config_file_moves_folders_and_options_win(tmp_path):
    (tmp_path / "docgen.toml").write_text('[paths]\ncontent = "docs/yaml"\noutput = "build"\n')
    project = load_project(tmp_path, output=Path("/elsewhere"))
    assert project.content == tmp_path / "docs" / "yaml"
    assert project.output == Path("/elsewhere")


def test_an_unknown_setting_is_refused(tmp_path):
    (tmp_path / "docgen.toml").write_text('[paths]\ncontents = "x"\n')
    with pytest.raises(ContentError) as raised:
        load_project(tmp_path)
    assert raised.value.problems[0].hint == "allowed: content, templates, output"
