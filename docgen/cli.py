"""The docgen command line: parse options, call the library, turn errors into exits.

Exit codes: 0 success; 1 the checks found errors; 2 the input could not be used (bad
content, template, option or output folder); 3 an internal error (a bug in docgen).

Everything a command says is in the language chosen at its start (docgen.cli_i18n:
--lang, docgen.toml, the locale); exit codes, rule ids and JSON keys are the same in
every language.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
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
from docgen.build import write_pdfs
from docgen.catalogue.cli import (
    ALREADY_RELEASED,
    BUMP_DRY_RUN,
    BUMPED,
    INTERNAL_ERROR,
    MINOR_OR_MAJOR,
    OUTPUT_UNWRITTEN,
    RECORDED,
    RELEASED,
    RELEASED_FORCED,
    WITHDRAWN_DONE,
)
from docgen.catalogue.output import WROTE
from docgen.checks import count
from docgen.cli_i18n import (
    VERSION_OPTION_HELP,
    TranslatedArgument,
    TranslatedGroup,
    TranslatedOption,
    language_choice,
    language_of,
)
from docgen.console import Console
from docgen.errors import INTERRUPTED, ChecksFailed, DocgenError, UsageError
from docgen.messages import Message, render_text
from docgen.pipeline import load_document_set
from docgen.pool import worker_pool
from docgen.project import Project, load_project
from docgen.report import (
    build_summary,
    display_path,
    document_table,
    error_lines,
    findings_json,
    findings_report,
    message_lines,
)
from docgen.scaffold import DEFAULT_PRESET, PRESETS

# Commands import the stages they need when they run (the content model, python-docx,
# openpyxl): docgen --help, and a build answered from the cache, start at once.

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE


# Every option and argument shows its help and metavar in the chosen language.
option = functools.partial(click.option, cls=TranslatedOption)
argument = functools.partial(click.argument, cls=TranslatedArgument)


def _echo_lines(lines: list[str], *, err: bool = False) -> None:
    for line in lines:
        click.echo(line, err=err)


def _say(message: Message) -> None:
    click.echo(render_text(message, language_of()))


def handle_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Run `command`, turning docgen errors into messages and exit codes, never tracebacks."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        language = language_of()
        try:
            return command(*args, **kwargs)
        except ChecksFailed as failed:
            _echo_lines(findings_report(failed.findings, failed.titles, strict=True,
                                        language=language), err=True)
            _echo_lines(message_lines(failed.what, language=language), err=True)
            sys.exit(EXIT_FINDINGS)
        except DocgenError as error:
            _echo_lines(error_lines(error, language), err=True)
            sys.exit(EXIT_BAD_INPUT)
        except click.ClickException:
            raise  # click's own usage errors: it prints them and exits 2
        except KeyboardInterrupt:
            click.echo(render_text(INTERRUPTED, language), err=True)
            sys.exit(130)
        except BrokenPipeError:
            # The reader went away (docgen list | head); the work itself is done. End
            # as a Unix tool killed by SIGPIPE would, without a word.
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing may write there again
            sys.exit(EXIT_BROKEN_PIPE)
        except OSError as error:
            if error.errno not in _STREAM_ERRORS:
                _internal_error(error)
            # Writing what docgen prints failed (docgen list > /dev/full): the library
            # turns its own files' errors into messages, so this is the output itself.
            with contextlib.suppress(OSError, ValueError):
                click.echo(render_text(OUTPUT_UNWRITTEN(reason=error.strerror or str(error)),
                                       language), err=True)
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing may write there again
            sys.exit(EXIT_BAD_INPUT)
        except Exception as error:  # noqa: BLE001 - the last line of defence against tracebacks
            _internal_error(error)

    return wrapper


# What writing to a standard stream fails with: a full disk, a broken device.
_STREAM_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EBADF}


def _internal_error(error: BaseException) -> None:
    """Report a bug in docgen, its traceback only when asked for; exit with code 3."""
    _echo_lines(message_lines(INTERNAL_ERROR(kind=type(error).__name__, error=str(error)),
                              language=language_of()), err=True)
    if os.environ.get("DOCGEN_DEBUG"):
        traceback.print_exception(error)
    sys.exit(EXIT_INTERNAL)


def project_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --content, --templates and --output (and --lang) to a command."""
    folder = click.Path(path_type=Path, file_okay=False)
    options = [
        option("--content", type=folder, metavar="FOLDER",
               help="Content folder (default: ./content)."),
        option("--templates", type=folder, metavar="FOLDER",
               help="Word templates folder (default: ./templates/docx)."),
        option("--output", type=folder, metavar="FOLDER",
               help="Output folder (default: ./output)."),
        language_choice,
    ]
    for add in reversed(options):
        command = add(command)
    return command


def _project(content: Path | None, templates: Path | None, output: Path | None) -> Project:
    return load_project(Path.cwd(), content=content, templates=templates, output=output)


class _VersionMessage(str):
    """click's "%(prog)s, version %(version)s", looked up in the language of the command
    when it is shown, not when the option is defined (before any language is chosen)."""

    def __mod__(self, values: object) -> str:
        import gettext

        return gettext.gettext(str(self)) % values


_LATER_VERSION_MESSAGE = _VersionMessage("%(prog)s, version %(version)s")


@click.group(cls=TranslatedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="docgen", cls=TranslatedOption,
                      help=VERSION_OPTION_HELP, message=_LATER_VERSION_MESSAGE)
@language_choice
def main() -> None:
    """docgen: controlled documents for ITSS certification, kept as YAML.

    Builds numbered Word documents from content/, checks the whole set the way an
    auditor would, and keeps versions and the document register in step.
    """


def output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --jobs and --quiet to a command that renders documents."""
    command = option("--quiet", "-q", is_flag=True,
                     help="Print errors only: no progress, no file names, no summary "
                          "of the checks.")(command)
    return option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
                  help="Processes that render documents (default: one per core).")(command)


@main.command()
@argument("numbers", nargs=-1)
@option("--strict", is_flag=True,
              help="Write nothing if the checks find errors (warnings count as errors).")
@option("--pdf", is_flag=True,
              help="Also write PDFs through LibreOffice, and page numbers into the TOC.")
@output_options
@project_options
@handle_errors
def build(numbers: tuple[str, ...], strict: bool, pdf: bool, jobs: int | None, quiet: bool,
          content: Path | None, templates: Path | None, output: Path | None) -> None:
    """Build documents into the output folder (all of them, or the NUMBERS given).

    The checks run first; their findings are summarized in one line, and the documents
    are written anyway unless --strict is given. Documents whose output is current are
    not rendered again.
    """
    _build(_project(content, templates, output), numbers, strict=strict, pdf=pdf, jobs=jobs,
           quiet=quiet)


def _build(project: Project, numbers: tuple[str, ...], *, strict: bool, pdf: bool,
           jobs: int | None, quiet: bool) -> None:
    console = Console(quiet=quiet, language=language_of())
    try:
        with worker_pool(jobs) as workers:
            result = build_documents(project, numbers, strict=strict, pdf=pdf,
                                     workers=workers, progress=console.progress)
        # A .docx that gets its page numbers from a PDF is written again below.
        paged = {job.docx for job in result.pdf_jobs} - set(result.written)
        console.files(result.written, [path for path in result.unchanged if path not in paged],
                      result.removed)
        if result.findings and not quiet:
            click.echo(build_summary(result.findings, console.language), err=True)
        if pdf:
            console.pdfs(write_pdfs(result, console.progress), paged=len(paged))
    finally:
        console.close()


@main.command()
@argument("numbers", nargs=-1)
@output_options
@project_options
@handle_errors
def pdf(numbers: tuple[str, ...], jobs: int | None, quiet: bool, content: Path | None,
        templates: Path | None, output: Path | None) -> None:
    """Write PDFs of the documents (all, or the NUMBERS given): the same as build --pdf.

    One LibreOffice runs for the whole batch. Its page numbers are written into the
    table of contents of the .docx files as well.
    """
    _build(_project(content, templates, output), numbers, strict=False, pdf=True, jobs=jobs,
           quiet=quiet)


@main.command()
@argument("numbers", nargs=-1, metavar="[NUMBER|FILE.docx|FOLDER]...")
@option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report as lines for people or as a JSON array.")
@option("--strict", is_flag=True, help="Count warnings as errors.")
@project_options
@handle_errors
def check(numbers: tuple[str, ...], output_format: str, strict: bool, content: Path | None,
          templates: Path | None, output: Path | None) -> None:
    """Check the document set the way an auditor would.

    Reports every finding as file:line:col: severity RULE-ID message, with a hint.
    Word files (.docx, .doc, .wps) and folders of them are read as they are, in memory,
    with the set's documents of the same organization; their findings say where in the
    Word file they are. Without an org.yaml of their prefix, the rules that compare with
    org.yaml's owners and known documents are left out. Nothing is written.
    Exit status: 0 no errors, 1 errors found, 2 the content could not be read.
    """
    from docgen.cli_import import word_arguments

    word_files, document_numbers = word_arguments(numbers)
    project = _project(content, templates, output)
    if word_files:
        from docgen.importer.word_check import check_word_files

        result = check_word_files(word_files, project.content if content or
                                  project.content.is_dir() else None,
                                  document_numbers, language_of())
    else:
        with worker_pool() as workers:
            result = check_documents(project, numbers, workers=workers)
    if output_format == "json":
        click.echo(json.dumps(findings_json(result.findings, language_of()),
                              ensure_ascii=False, indent=2))
    else:
        _echo_lines(findings_report(result.findings, result.titles, strict=strict,
                                    language=language_of()))
    errors, _warnings = count(result.findings, strict=strict)
    sys.exit(EXIT_FINDINGS if errors else EXIT_OK)


class DateParam(click.ParamType):
    """A date option: 2025-01-07, 2025.1.7 or 2025年1月7日."""

    name = "date"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> dt.date:
        from docgen.content.values import InvalidValue, parse_date

        try:
            return parse_date(value)
        except InvalidValue as error:
            self.fail(render_text(error.message, language_of(ctx)), param, ctx)


DATE = DateParam()


@main.command()
@argument("number")
@option("--minor", is_flag=True, help="A revision: V1.0 -> V1.1.")
@option("--major", is_flag=True, help="A rewrite: V1.3 -> V2.0.")
@option("--change", required=True, metavar="TEXT",
        help="What changed (更改记录), e.g. 修订KPI目标.")
@option("--author", required=True, metavar="NAME",
        help="Who made the change (编制/更改).")
@option("--reviewer", required=True, metavar="NAME",
        help="Who reviewed it (审核).")
@option("--approver", required=True, metavar="NAME",
        help="Who approved it (批准).")
@option("--date", type=DATE, metavar="DATE", help="Date of the change (default: today).")
@option("--review-date", type=DATE, metavar="DATE", help="Date of the review (default: --date).")
@option("--approve-date", type=DATE, metavar="DATE",
        help="Date of the approval (default: --review-date).")
@option("--dry-run", is_flag=True, help="Show the change to the content file; write nothing.")
@project_options
@handle_errors
def bump(number: str, minor: bool, major: bool, change: str, author: str, reviewer: str,
         approver: str, date: dt.date | None, review_date: dt.date | None,
         approve_date: dt.date | None, dry_run: bool, content: Path | None,
         templates: Path | None, output: Path | None) -> None:
    """Add a revision row to document NUMBER: its new version follows everywhere.

    The content file gets one new row in its revision history, and nothing else
    changes; cover, signoff, page header, file name and register take the version from it.
    """
    if minor == major:
        raise UsageError(MINOR_OR_MAJOR())
    level = "minor" if minor else "major"
    written = date or dt.date.today()
    reviewed = review_date or written
    from docgen.control.bump import BumpRequest, apply_bump, plan_bump
    from docgen.control.locking import editing

    request = BumpRequest(number, level, change, author, reviewer, approver, written, reviewed,
                          approve_date or reviewed)
    project = _project(content, templates, output)
    with editing(project.content):
        plan = plan_bump(project, request)
        if not dry_run:
            apply_bump(plan)
    if dry_run:
        click.echo(plan.diff, nl=False)
        _say(BUMP_DRY_RUN(number=number, previous=str(plan.previous), version=str(plan.version)))
        return
    _say(BUMPED(number=number, previous=str(plan.previous), version=str(plan.version),
                path=display_path(plan.path)))


@main.command()
@argument("number")
@option("--force", is_flag=True,
              help="Release despite errors found by the checks (the record says so).")
@option("--date", type=DATE, metavar="DATE", help="Date of the release (default: today).")
@option("--pdf", is_flag=True, help="Also write the released PDF (needs LibreOffice).")
@project_options
@handle_errors
def release(number: str, force: bool, date: dt.date | None, pdf: bool, content: Path | None,
            templates: Path | None, output: Path | None) -> None:
    """Freeze the current version of document NUMBER.

    Records a fingerprint of its content in content/<org>/releases/NUMBER.yaml and
    writes the released .docx to output/<org>/released/. From then on, docgen check
    reports any change to that version's content.
    """
    from docgen.control.locking import editing
    from docgen.control.release import release as release_document

    project = _project(content, templates, output)
    with editing(project.content):
        result = release_document(project, number, on=date or dt.date.today(), force=force,
                                  pdf=pdf)
    version = str(result.document.version)
    if result.already_released:
        _say(ALREADY_RELEASED(number=number, version=version,
                              path=display_path(result.released_file)))
        return
    _say((RELEASED_FORCED if result.forced else RELEASED)(number=number, version=version))
    _say(WROTE(path=display_path(result.released_file)))
    if pdf:
        _say(WROTE(path=display_path(result.released_file.with_suffix(".pdf"))))
    _say(RECORDED(path=display_path(result.record_file)))


@main.command()
@argument("number")
@option("--reason", required=True, metavar="TEXT",
        help="Why it is withdrawn (作废原因).")
@option("--date", type=DATE, metavar="DATE", help="Date of the withdrawal (default: today).")
@project_options
@handle_errors
def withdraw(number: str, reason: str, date: dt.date | None, content: Path | None,
             templates: Path | None, output: Path | None) -> None:
    """Withdraw document NUMBER (作废): it is no longer built and moves to the 作废文件清单."""
    from docgen.control.locking import editing
    from docgen.control.release import withdraw as withdraw_document

    project = _project(content, templates, output)
    with editing(project.content):
        path = withdraw_document(project, number, on=date or dt.date.today(), reason=reason)
    _say(WITHDRAWN_DONE(number=number, path=display_path(path)))


@main.command(name="import")
@argument("files", nargs=-1, required=True, metavar="FILE.docx...")
@option("--org", metavar="KEY",
        help="The organization's folder under the content folder (default: the one with "
             "the files' prefix, else one named after the prefix).")
@option("--force", is_flag=True, help="Replace content files that exist already.")
@project_options
@handle_errors
def import_files(files: tuple[str, ...], org: str | None, force: bool, content: Path | None,
                 templates: Path | None, output: Path | None) -> None:
    """Import existing Word files (.docx, .doc, .wps) as content.

    Writes content/ORG/NUMBER.yaml for each file and creates or extends org.yaml, then
    lists what it guessed (marked `# import: guessed` in the files) for you to review.
    Writes nothing if a file cannot be read.
    """
    from docgen.cli_import import import_summary, word_arguments
    from docgen.control.locking import editing
    from docgen.importer.into_project import import_into_project

    word_files, others = word_arguments(files)
    paths = word_files + [Path(name) for name in others]
    project = _project(content, templates, output)
    with editing(project.content):  # the folder is made only when the import writes
        result = import_into_project(project, paths, org=org, force=force,
                                     language=language_of())
    _echo_lines(import_summary(result, language_of()))
    if any(written.problems for written in result.documents):
        sys.exit(EXIT_FINDINGS)


@main.command()
@argument("org")
@option("--style", "preset", type=click.Choice(list(PRESETS)), default=DEFAULT_PRESET,
        metavar="STYLE", help="The house style to start from: itss, gbt9704, policy or plain "
                              "(default: itss). Each gives a Word template, style settings "
                              "and a first document.")
@option("--name", metavar="COMPANY",
        help="The company's registered name, for covers and headers (default: ORG).")
@option("--prefix", metavar="PREFIX",
        help="The document-number prefix, e.g. ACME (default: ORG in capitals).")
@project_options
@handle_errors
def new(org: str, preset: str, name: str | None, prefix: str | None, content: Path | None,
        templates: Path | None, output: Path | None) -> None:
    """Start organization ORG in the content folder: org.yaml and a first document.

    The files are a working set in the chosen house style: they build and pass the
    checks as they are. Replace the name and the placeholder people, then build.
    """
    from docgen.catalogue.scaffold import NEXT_BUILD, NEXT_EDIT, NO_TEMPLATE
    from docgen.control.locking import editing
    from docgen.scaffold import PLACEHOLDER_PEOPLE
    from docgen.scaffold.new import new_organization

    project = _project(content, templates, output)
    with editing(project.content):
        made = new_organization(project, org, preset, name=name, prefix=prefix)
    for path in made.files:
        _say(WROTE(path=display_path(path)))
    if not made.template_found:
        _echo_lines(message_lines(NO_TEMPLATE(template=made.template,
                                              folder=display_path(project.templates)),
                                  language=language_of()))
    _say(NEXT_EDIT(org_file=display_path(made.org_file), people=list(PLACEHOLDER_PEOPLE),
                   document=display_path(made.document)))
    _say(NEXT_BUILD(output=display_path(project.output)))


@main.command()
@project_options
@handle_errors
def register(content: Path | None, templates: Path | None, output: Path | None) -> None:
    """Write the controlled-document register (受控文件清单) as .docx and .xlsx."""
    from docgen.render.register import write_registers

    for path in write_registers(_project(content, templates, output)):
        _say(WROTE(path=display_path(path)))


@main.command(name="list")
@project_options
@handle_errors
def list_documents(content: Path | None, templates: Path | None, output: Path | None) -> None:
    """Show the document set at a glance: version, state, last change, findings."""
    from docgen.checks import run_checks

    with worker_pool() as workers:
        document_set = load_document_set(_project(content, templates, output),
                                         workers=workers)
    _echo_lines(document_table(document_set.documents, run_checks(document_set),
                               language_of()))


@main.command()
@option("--port", type=click.IntRange(0, 65535), metavar="N",
        help="Port to listen on (default: 8765, or a free one if it is taken).")
@option("--host", default="127.0.0.1", show_default=True, metavar="ADDR",
        help="Address to listen on; anything but loopback lets others read the set.")
@option("--open", "open_browser", is_flag=True, help="Open the dashboard in a browser.")
@option("--read-only", is_flag=True, help="Show the set; turn off bump, release, withdraw "
                                          "and the other actions.")
@project_options
@handle_errors
def serve(port: int | None, host: str, open_browser: bool, read_only: bool,
          content: Path | None, templates: Path | None, output: Path | None) -> None:
    """Serve the dashboard: the set, each document's findings and text, in a browser.

    The pages follow edits of the content and the templates as they are saved. Ctrl-C
    stops it.
    """
    from docgen.serve.server import serve as serve_dashboard

    serve_dashboard(_project(content, templates, output), host=host, port=port,
                    open_browser=open_browser, read_only=read_only, language=language_of(),
                    say=lambda message: _echo_lines(message_lines(message,
                                                                  language=language_of())),
                    warn=lambda message: _echo_lines(message_lines(message,
                                                                   language=language_of()),
                                                     err=True))
