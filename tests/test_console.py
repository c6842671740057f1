"""What a build says while it works: a progress bar on a terminal, one line per file in
a log or a pipe, nothing with --quiet; and a reader that goes away ends it quietly.
"""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

from bench.synthetic import number, title
from bench.synthetic import write as write_synthetic
from docgen.cli import main
from docgen.console import FEW, Console
from tests.support.trees import REPO, TEMPLATES, outputs_in

COUNT = 6  # more than a few documents: on a terminal, a bar
NAMES = [f"{number(index)} {title(index)} V1.0.docx" for index in range(1, COUNT + 1)]
BAR_CHARACTERS = ("[", "]", "#", "\r", "\x1b")


def synthetic_project(root: Path) -> Path:
    """A project of COUNT synthetic documents in `root`, using the bundled templates."""
    write_synthetic(root, COUNT)
    return root


def build_arguments(root: Path, *more: str) -> list[str]:
    return ["build", "--content", str(root / "content"), "--templates", str(TEMPLATES),
            "--output", str(root / "output"), *more]


def docgen_command(root: Path, *more: str) -> list[str]:
    return [sys.executable, "-m", "docgen", *build_arguments(root, *more)]


# --- in a log or a pipe -------------------------------------------------------------


def test_a_build_not_on_a_terminal_prints_one_line_per_file_and_no_bar(runner, tmp_path,
                                                                       in_folder):
    root = in_folder(synthetic_project(tmp_path))
    result = runner.invoke(main, build_arguments(root, "--jobs", "2"))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"wrote output/syn/{name}" for name in NAMES]
    assert not any(character in result.stdout for character in BAR_CHARACTERS)
    assert "rendering" not in result.output
    assert result.stderr == ""


def test_a_rebuild_not_on_a_terminal_says_each_file_is_unchanged(runner, tmp_path, in_folder):
    root = in_folder(synthetic_project(tmp_path))
    assert runner.invoke(main, build_arguments(root)).exit_code == 0
    result = runner.invoke(main, build_arguments(root))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"unchanged output/syn/{name}" for name in NAMES]


def test_quiet_prints_nothing_and_still_writes_every_file(runner, tmp_path, in_folder):
    root = in_folder(synthetic_project(tmp_path))
    result = runner.invoke(main, build_arguments(root, "--quiet"))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == ""
    assert outputs_in(root / "output") == [f"syn/{name}" for name in NAMES]
    again = runner.invoke(main, build_arguments(root, "-q"))
    assert again.exit_code == 0, again.output
    assert again.output == ""


# --- on a terminal ------------------------------------------------------------------


def test_on_a_terminal_many_documents_get_a_bar_and_a_one_line_summary(tmp_path, capsys,
                                                                      monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "output" / "syn"
    paths = [folder / name for name in NAMES]
    console = Console(interactive=True)
    for done in range(1, COUNT + 1):
        console.progress("rendering", done, COUNT)
    console.files(paths[:4], paths[4:], [])
    console.close()
    lines = capsys.readouterr().out.splitlines()
    # Captured output is no terminal, so click draws only the bar's label here; the bar
    # itself is drawn in the test on a pseudo-terminal below.
    assert lines == ["rendering", "wrote 4 files, 2 unchanged, in output/syn"]


def test_on_a_terminal_a_few_documents_get_a_line_each(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    paths = [tmp_path / "output" / "syn" / name for name in NAMES[:FEW]]
    console = Console(interactive=True)
    for done in range(1, FEW + 1):
        console.progress("rendering", done, FEW)
    console.files(paths[:2], paths[2:], [])
    assert capsys.readouterr().out.splitlines() == [
        f"wrote output/syn/{NAMES[0]}", f"wrote output/syn/{NAMES[1]}",
        f"unchanged output/syn/{NAMES[2]}"]


def test_quiet_on_a_terminal_prints_nothing(tmp_path, capsys):
    paths = [tmp_path / name for name in NAMES]
    console = Console(quiet=True, interactive=True)
    for done in range(1, COUNT + 1):
        console.progress("rendering", done, COUNT, paths[done - 1])
    console.files(paths, [], paths[:1])
    console.pdfs(paths)
    console.close()
    assert capsys.readouterr().out == ""


def read_terminal(master: int, process: subprocess.Popen[bytes]) -> bytes:
    """Return everything `process` writes to the pseudo-terminal `master` until it ends."""
    received = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            process.kill()
            raise AssertionError("docgen wrote nothing to its terminal for a minute")
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the other end is closed
            return received
        if not chunk:
            return received
        received += chunk


def test_a_build_on_a_real_terminal_draws_a_bar_then_sums_up(tmp_path):
    root = synthetic_project(tmp_path)
    master, slave = pty.openpty()
    environment = dict(os.environ, COLUMNS="100", TERM="xterm")
    process = subprocess.Popen(docgen_command(root), cwd=root, stdin=slave, stdout=slave,
                               stderr=subprocess.PIPE, env=environment)
    os.close(slave)
    try:
        shown = read_terminal(master, process).decode()
    finally:
        os.close(master)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert f"rendering  [{'#' * 10}" in shown
    assert f"{COUNT}/{COUNT}" in shown
    assert shown.rstrip().splitlines()[-1] == f"wrote {COUNT} files, 0 unchanged, in output/syn"
    assert "wrote output/" not in shown
    assert outputs_in(root / "output") == [f"syn/{name}" for name in NAMES]


# --- a reader that goes away --------------------------------------------------------


def test_a_build_whose_output_pipe_is_closed_ends_with_141_and_no_traceback(tmp_path):
    root = synthetic_project(tmp_path)
    process = subprocess.Popen(docgen_command(root), cwd=root, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout is not None
    process.stdout.close()  # the reader goes away before docgen says anything
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 141
    assert stderr == b""
    # The work was done before there was anything to say.
    assert outputs_in(root / "output") == [f"syn/{name}" for name in NAMES]


def test_quiet_leaves_out_the_summary_of_the_checks(runner, tmp_path, in_folder):
    root = in_folder(tmp_path)
    shutil.copytree(REPO / "content" / "yntd", root / "content" / "yntd")  # the YNTD set has findings
    result = runner.invoke(main, ["build", "-q", "--templates", str(TEMPLATES)])
    assert result.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == ("", "")
    assert len(outputs_in(root / "output")) == 3
    noisy = runner.invoke(main, ["build", "--templates", str(TEMPLATES)])
    assert "check: 14 errors, 4 warnings" in noisy.stderr


def test_quiet_still_shows_the_errors_that_stop_a_strict_build(runner, tmp_path, in_folder):
    root = in_folder(tmp_path)
    shutil.copytree(REPO / "content" / "yntd", root / "content" / "yntd")
    result = runner.invoke(main, ["build", "-q", "--strict", "--templates", str(TEMPLATES)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "error KPI-FORMULA-BORROWED" in result.stderr
    assert not (root / "output").exists()
