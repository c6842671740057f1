"""Errors are messages as data, as findings are: a code of the catalogue and its values.

Every bad-content case of test_bad_input raises a ContentError whose problems carry
catalogue codes and render, through report.py, to exactly the lines that case expects,
also after travelling pickled from a worker. And no module but the catalogue writes a
sentence for a person itself: a scan of the source finds none passed to an error, a
problem or click.echo, and no comparison with a message's text.
"""

from __future__ import annotations

import ast
import importlib
import pickle
import re
from pathlib import Path

import pytest

from docgen.build import build
from docgen.console import Console
from docgen.errors import (
    ContentError,
    LibreOfficeError,
    Location,
    OutputError,
    Problem,
    TemplateError,
    UsageError,
)
from docgen.files import NotARegularFile
from docgen.messages import CATALOGUE, MessageType, render_text
from docgen.project import load_project
from docgen.report import error_lines
from tests.support.trees import REPO, demo_project
from tests.test_bad_input import (
    CONTENT_CASES,
    DOC,
    ENCODING_CASES,
    TYPING_CASES,
    YAML_CASES,
    assert_lines,
    write,
)


def _on(path: str, cases: list) -> list:
    """Return `cases` whose first value is a file's text (or bytes) as cases of files."""
    return [pytest.param({path: case.values[0]}, *case.values[1:], id=case.id, marks=case.marks)
            for case in cases]


CASES = [*YAML_CASES, *_on(DOC, ENCODING_CASES), *_on(DOC, TYPING_CASES), *CONTENT_CASES]


@pytest.fixture
def project(tmp_path: Path, in_folder) -> Path:
    """The demo project, built once; the working folder is its root."""
    root = in_folder(demo_project(tmp_path))
    build(load_project(root))
    return root


def refusal(root: Path, files: dict[str, str | bytes]) -> ContentError:
    """Return the ContentError a build of the project at `root` raises with `files`."""
    write(root, files)
    with pytest.raises(ContentError) as raised:
        build(load_project(root))
    return raised.value


def assert_renders(error: ContentError, expected: list) -> None:
    """The problems carry catalogue codes and read as `expected`, pickled or not."""
    assert all(problem.what.code in CATALOGUE for problem in error.problems)
    assert_lines("\n".join(error_lines(error)), expected)
    assert error_lines(pickle.loads(pickle.dumps(error))) == error_lines(error)


@pytest.mark.parametrize("files, expected", CASES)
def test_every_content_error_renders_from_its_own_code(files, expected, project):
    assert_renders(refusal(project, files), expected)


@pytest.mark.parametrize("make", [
    lambda: Problem(Location(Path("a.yaml")), "a sentence"),
    lambda: UsageError("a sentence"),
    lambda: TemplateError(Path("t.docx"), "a sentence"),
    lambda: OutputError(Path("out"), "a sentence"),
    lambda: LibreOfficeError("a sentence"),
], ids=["problem", "usage", "template", "output", "libreoffice"])
def test_an_error_takes_a_message_never_a_sentence(make):
    with pytest.raises(TypeError):
        make()


def test_a_file_that_is_no_file_says_so_as_a_message_also_pickled(tmp_path):
    error = NotARegularFile(tmp_path, "folder")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.what, copy.kind, copy.filename) == (error.what, "folder", str(tmp_path))
    assert copy.strerror == render_text(error.what) == "it is a folder, not a file"


# --- no sentences outside the catalogue ----------------------------------------------

PACKAGE = REPO / "docgen"
# What takes a sentence for a person: the errors and problems, and click.echo.
SAYERS = {"Problem", "UsageError", "TemplateError", "OutputError", "LibreOfficeError",
          "ChecksFailed", "InvalidValue", "Absent", "echo"}
# What holds a message's text: comparing it is branching on a sentence.
TEXTS = {"message", "hint", "msg"}


def _modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py")
                  if PACKAGE / "catalogue" not in path.parents)


def _name(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def _is_sentence(node: ast.expr) -> bool:
    """Return whether `node` builds text with words in it (not a message of the catalogue)."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and re.search("[A-Za-z]", node.value) is not None
    if isinstance(node, ast.BinOp):
        return _is_sentence(node.left) or _is_sentence(node.right)
    if isinstance(node, ast.IfExp):
        return _is_sentence(node.body) or _is_sentence(node.orelse)
    return False


def sentences(path: Path) -> list[str]:
    """Return `line: call` for each sentence the module at `path` hands to a sayer."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        name = function.id if isinstance(function, ast.Name) else \
            function.attr if isinstance(function, ast.Attribute) else ""
        if name == "echo" and not (isinstance(function, ast.Attribute)
                                   and isinstance(function.value, ast.Name)
                                   and function.value.id == "click"):
            continue
        arguments = [*node.args, *(keyword.value for keyword in node.keywords)]
        if name in SAYERS and any(_is_sentence(argument) for argument in arguments):
            found.append(f"{node.lineno}: {ast.unparse(node)[:80]}")
    return found


def text_comparisons(path: Path) -> list[str]:
    """Return `line: comparison` for each comparison of the module that reads a message's
    text (x.message == ..., "..." in x.hint)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare) and any(
                isinstance(side, ast.Attribute) and side.attr in TEXTS
                for side in [node.left, *node.comparators]):
            found.append(f"{node.lineno}: {ast.unparse(node)[:80]}")
    return found


def test_no_module_but_the_catalogue_hands_a_sentence_to_an_error_or_to_click():
    found = {_name(path): sentences(path) for path in _modules()}
    assert {name: lines for name, lines in found.items() if lines} == {}


def test_nothing_branches_on_the_text_of_a_message():
    found = {_name(path): text_comparisons(path) for path in _modules()}
    assert {name: lines for name, lines in found.items() if lines} == {}


def test_the_scan_sees_a_sentence_and_lets_a_message_pass(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text('raise UsageError(f"no document {number}")\n'
                      'raise UsageError("known: " + known)\n'
                      'click.echo("wrote it" if done else "skipped")\n'
                      'raise UsageError(NO_SUCH_DOCUMENT(numbers=numbers, known=known))\n'
                      'click.echo(render_text(WROTE(path=path)))\n'
                      'click.echo(line, err=True)\n'
                      'if problem.message != ALIAS: pass\n')
    assert [line.split(":")[0] for line in sentences(module)] == ["1", "2", "3"]
    assert [line.split(":")[0] for line in text_comparisons(module)] == ["7"]


# --- every code used is defined ------------------------------------------------------


def catalogue_references(path: Path) -> list[tuple[str, str]]:
    """Return (catalogue module, name) for each entry the module at `path` takes from the
    catalogue: imported by name, or read from an imported catalogue module (said.X)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: dict[str, str] = {}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("docgen.catalogue"):
            for alias in node.names:
                if node.module == "docgen.catalogue":
                    modules[alias.asname or alias.name] = f"docgen.catalogue.{alias.name}"
                else:
                    found.append((node.module, alias.name))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id in modules:
            found.append((modules[node.value.id], node.attr))
    return found


def test_every_catalogue_entry_a_module_names_is_defined():
    references = [reference for path in _modules() for reference in catalogue_references(path)]
    assert len(references) > 100
    missing = [f"{module}.{name}" for module, name in references
               if not hasattr(importlib.import_module(module), name)]
    assert missing == []
    codes = [entry.code for module, name in references
             for entry in _entries(getattr(importlib.import_module(module), name))]
    assert set(codes) <= set(CATALOGUE)


def _entries(value: object) -> list:
    """Return the makers `value` holds: itself, or the values of a dict of them."""
    if isinstance(value, MessageType):
        return [value]
    if isinstance(value, dict):
        return [item for item in value.values() if isinstance(item, MessageType)]
    return []


# --- what a build says, counted ------------------------------------------------------


@pytest.mark.parametrize("written, unchanged, line", [
    (4, 1, "wrote 4 files, 1 unchanged, in out"),
    (1, 4, "wrote 1 file, 4 unchanged, in out"),
    (0, 5, "wrote 0 files, 5 unchanged, in out"),
])
def test_a_terminal_summary_counts_files_with_real_plurals(written, unchanged, line, capsys,
                                                          tmp_path, in_folder):
    in_folder(tmp_path)
    files = [tmp_path / "out" / f"{index}.docx" for index in range(written + unchanged)]
    Console(interactive=True).files(files[:written], files[written:], [])
    assert capsys.readouterr().out.splitlines() == [line]


@pytest.mark.parametrize("paged, line", [
    (0, "wrote 4 PDFs"),
    (1, "wrote 4 PDFs, and page numbers in 1 table of contents"),
    (3, "wrote 4 PDFs, and page numbers in 3 tables of contents"),
])
def test_a_terminal_summary_counts_pdfs_with_real_plurals(paged, line, capsys, tmp_path):
    Console(interactive=True).pdfs([tmp_path / f"{index}.pdf" for index in range(4)], paged)
    assert capsys.readouterr().out.splitlines() == [line]
