"""Hostile input: content cannot make docgen run code, read files, exhaust memory, or
write outside the output folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from docgen.cli import main
from tests.support.trees import DOCUMENT_YAML, demo_project, document_yaml

DOC = "content/demo/DEMO-ITSS-0001.yaml"


def build(runner, project: Path, text: str):
    (project / DOC).write_text(text, encoding="utf-8")
    return runner.invoke(main, ["build"])


CALL = "may only cite facts: a call of a method or function is not allowed in prose"
ARITHMETIC = "may only cite facts: arithmetic or joining of values is not allowed in prose"


@pytest.mark.parametrize("expression, message", [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", CALL),
    ("{{ cycler.__init__.__globals__.os.system('touch pwned') }}", CALL),
    ("{{ range(10) | list }}", "the filter 'list' (allowed: join_and, join_cn) is not allowed"),
    ("{{ config }}", "{{ config }} names nothing docgen knows"),
    ("{{ self.__init__.__globals__ }}", "expression refused by the sandbox"),
    ("{% include '/etc/passwd' %}", "{% include %} is not allowed in prose"),
    ("{% import 'os' as os %}", "{% import %} is not allowed in prose"),
    ("{% extends 'x' %}", "{% extends %} is not allowed in prose"),
    ("{{ 'x' * 1000000000 }}", ARITHMETIC),
    ("{{ 10 ** 100000 }}", ARITHMETIC),
    ("{{ kpi.update({}) }}", CALL),
])
def test_prose_cannot_reach_outside_its_facts(expression, message, runner, tmp_path,
                                              in_folder):
    project = in_folder(demo_project(tmp_path))
    result = build(runner, project, document_yaml(f'''\
        - title: 目的
          body:
            - "{expression}"
    '''))
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    # At the text (column 9), or at the citation inside it (column 10) where it names one.
    assert re.match(rf"{re.escape(DOC)}:17:(9|10): error: ", first) and message in first
    assert "Traceback" not in result.output
    assert not (project / "output").exists()
    assert not (project / "pwned").exists()


def test_a_yaml_tag_cannot_run_a_command(runner, tmp_path, in_folder):
    project = in_folder(demo_project(tmp_path))
    result = build(runner, project, DOCUMENT_YAML.replace(
        "title: 示例管理计划", "title: !!python/object/apply:os.system [touch pwned]"))
    assert result.exit_code == 2
    assert not (project / "pwned").exists()


def test_an_alias_bomb_is_refused_before_it_expands(runner, tmp_path, in_folder):
    project = in_folder(demo_project(tmp_path))
    lines = ["lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    result = build(runner, project, "\n".join(lines) + "\n" + DOCUMENT_YAML)
    assert result.exit_code == 2
    assert "YAML anchors and aliases (&name / *name) are not supported" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("title, file_name", [
    ("../../../etc/passwd", "DEMO-ITSS-0001 etc passwd V1.0.docx"),
    ("/root/.ssh/authorized_keys", "DEMO-ITSS-0001 root .ssh authorized_keys V1.0.docx"),
    ("..", "DEMO-ITSS-0001 V1.0.docx"),
    ("CON", "DEMO-ITSS-0001 CON V1.0.docx"),
    ('a<b>c:d"e|f?g*h', "DEMO-ITSS-0001 a b c d e f g h V1.0.docx"),
])
def test_a_title_cannot_place_output_outside_the_output_folder(title, file_name, runner,
                                                               tmp_path, in_folder):
    project = in_folder(demo_project(tmp_path))
    result = build(runner, project, DOCUMENT_YAML.replace("title: 示例管理计划",
                                                          f"title: '{title}'"))
    assert result.exit_code == 0, result.output
    assert [path.name for path in (project / "output" / "demo").iterdir()] == [file_name]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "content", "output", "templates"]


@pytest.mark.parametrize("number", ["../DEMO-ITSS-0001", "/etc/passwd", "DEMO/../../x", "NUL"])
def test_a_document_number_cannot_be_a_path(number, runner, tmp_path, in_folder):
    project = in_folder(demo_project(tmp_path))
    result = build(runner, project, DOCUMENT_YAML.replace("number: DEMO-ITSS-0001",
                                                          f"number: '{number}'"))
    assert result.exit_code == 2
    assert f"'{number}' is not a document number" in result.stderr
    assert not (project / "output").exists()


def test_an_output_folder_that_links_outside_is_refused(runner, tmp_path, in_folder):
    project = in_folder(demo_project(tmp_path / "project"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / "output").mkdir()
    os.symlink(elsewhere, project / "output" / "demo")
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    assert "this output path would fall outside the output folder" in result.stderr
    assert list(elsewhere.iterdir()) == []
