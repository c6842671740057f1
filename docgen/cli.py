"""The docgen command line: parse options, call the library, turn errors into exits.

Exit codes: 0 success; 1 the checks found errors; 2 the input could not be used (bad
content, template, option or output folder); 3 an internal error (a bug in docgen).
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from docgen import __version__
from docgen.build import build as build_documents
from docgen.errors import ContentError, DocgenError, OutputError, TemplateError, UsageError
from docgen.project import Project, load_project

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def _display(path: Path) -> str:
    """Return `path` relative to the working folder when it lies inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def report_error(error: DocgenError) -> None:
    """Print a docgen error the way a person can act on it."""
    echo = functools.partial(click.echo, err=True)
    if isinstance(error, ContentError):
        for problem in error.problems:
            where = problem.location
            place = _display(where.file) + (f":{where.line}" if where.line else "") + \
                (f":{where.column}" if where.line and where.column else "")
            echo(f"{place}: error: {problem.message}")
            if problem.hint:
                echo(f"    hint: {problem.hint}")
        count = len(error.problems)
        echo(f"docgen: {count} problem{'s' if count != 1 else ''} in the content; "
             f"nothing was written.")
    elif isinstance(error, TemplateError):
        echo(f"{_display(error.template)}: error: {error.message}")
        if error.hint:
            echo(f"    hint: {error.hint}")
        echo("docgen: the template cannot be used; nothing was written.")
    elif isinstance(error, OutputError):
        echo(f"{_display(error.path)}: error: cannot write: {error.message}")
        if error.hint:
            echo(f"    hint: {error.hint}")
    elif isinstance(error, UsageError):
        echo(f"docgen: error: {error.message}")
        if error.hint:
            echo(f"    hint: {error.hint}")
    else:
        echo(f"docgen: error: {error}")


def handle_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Run `command`, turning docgen errors into messages and exit codes, never tracebacks."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DocgenError as error:
            report_error(error)
            sys.exit(EXIT_BAD_INPUT)
        except KeyboardInterrupt:
            click.echo("docgen: interrupted; files already written are complete, "
                       "the others were not touched.", err=True)
            sys.exit(130)
        except Exception as error:  # noqa: BLE001 - the last line of defence against tracebacks
            click.echo(f"docgen: internal error: {type(error).__name__}: {error}", err=True)
            click.echo("    hint: this is a bug in docgen; set DOCGEN_DEBUG=1 to see the "
                       "traceback and report it", err=True)
            if os.environ.get("DOCGEN_DEBUG"):
                traceback.print_exc()
            sys.exit(EXIT_INTERNAL)

    return wrapper


def project_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --content, --templates and --output to a command."""
    options = [
        click.option("--content", type=click.Path(path_type=Path, file_okay=False),
                     help="Content folder (default: ./content)."),
        click.option("--templates", type=click.Path(path_type=Path, file_okay=False),
                     help="Word templates folder (default: ./templates/docx)."),
        click.option("--output", type=click.Path(path_type=Path, file_okay=False),
                     help="Output folder (default: ./output)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _project(content: Path | None, templates: Path | None, output: Path | None) -> Project:
    return load_project(Path.cwd(), content=content, templates=templates, output=output)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="docgen")
def main() -> None:
    """docgen: controlled documents for ITSS certification, kept as YAML.

    Builds numbered Word documents from content/, checks the whole set the way an
    auditor would, and keeps versions and the document register in step.
    """


@main.command()
@click.argument("numbers", nargs=-1)
@project_options
@handle_errors
def build(numbers: tuple[str, ...], content: Path | None, templates: Path | None,
          output: Path | None) -> None:
    """Build documents into the output folder (all of them, or the NUMBERS given)."""
    result = build_documents(_project(content, templates, output), numbers)
    for path in result.written:
        click.echo(f"wrote {_display(path)}")
