"""The docgen command line: parse options, call the library, turn errors into exits.

Exit codes: 0 success; 1 the checks found errors; 2 the input could not be used (bad
content, template, option or output folder); 3 an internal error (a bug in docgen).
"""

from __future__ import annotations

import functools
import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from docgen import __version__
from docgen.build import build as build_documents
from docgen.build import check as check_documents
from docgen.checks import count
from docgen.errors import ChecksFailed, DocgenError
from docgen.project import Project, load_project
from docgen.report import display_path, error_lines, findings_json, findings_report

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def _echo_lines(lines: list[str], *, err: bool = False) -> None:
    for line in lines:
        click.echo(line, err=err)


def handle_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Run `command`, turning docgen errors into messages and exit codes, never tracebacks."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ChecksFailed as failed:
            _echo_lines(findings_report(failed.findings, failed.documents, strict=True),
                        err=True)
            click.echo("docgen: --strict: the checks found errors; nothing was written.",
                       err=True)
            sys.exit(EXIT_FINDINGS)
        except DocgenError as error:
            _echo_lines(error_lines(error), err=True)
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
@click.option("--strict", is_flag=True,
              help="Write nothing if the checks find errors (warnings count as errors).")
@project_options
@handle_errors
def build(numbers: tuple[str, ...], strict: bool, content: Path | None,
          templates: Path | None, output: Path | None) -> None:
    """Build documents into the output folder (all of them, or the NUMBERS given).

    The checks run first; their findings are summarized in one line, and the documents
    are written anyway unless --strict is given.
    """
    result = build_documents(_project(content, templates, output), numbers, strict=strict)
    for path in result.written:
        click.echo(f"wrote {display_path(path)}")
    errors, warnings = count(result.findings)
    if errors or warnings:
        click.echo(f"check: {errors} error(s), {warnings} warning(s); run 'docgen check' to "
                   f"list them", err=True)


@main.command()
@click.argument("numbers", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report as lines for people or as a JSON array.")
@click.option("--strict", is_flag=True, help="Count warnings as errors.")
@project_options
@handle_errors
def check(numbers: tuple[str, ...], output_format: str, strict: bool, content: Path | None,
          templates: Path | None, output: Path | None) -> None:
    """Check the document set the way an auditor would.

    Reports every finding as file:line:col: severity RULE-ID message, with a hint.
    Exit status: 0 no errors, 1 errors found, 2 the content could not be read.
    """
    result = check_documents(_project(content, templates, output), numbers)
    if output_format == "json":
        click.echo(json.dumps(findings_json(result.findings), ensure_ascii=False, indent=2))
    else:
        _echo_lines(findings_report(result.findings, result.documents, strict=strict))
    errors, _warnings = count(result.findings, strict=strict)
    sys.exit(EXIT_FINDINGS if errors else EXIT_OK)
