"""Turn errors and findings into the lines a person reads (or the JSON a tool reads).

This is the CLI boundary: the library raises structured errors and returns findings
whose messages are codes and values; only here are they made into sentences, from the
catalogue (docgen.catalogue), in the language the command line chose (`language`:
docgen.i18n). Rule ids, file places, JSON keys and codes stay as they are in every
language: tools read them.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.catalogue.report import (
    BUILD_FINDINGS,
    CANNOT_WRITE,
    CHECK_SUMMARY,
    COLUMNS,
    CONTENT_PROBLEMS,
    DOCUMENT_FINDINGS,
    DOCUMENTS,
    ERROR,
    ERROR_AT,
    ERRORS,
    FINDING,
    FINDINGS_CELL,
    HINT,
    PDFS_NOT_WRITTEN,
    STATES,
    TEMPLATE_UNUSABLE,
    WARNINGS,
)
from docgen.checks import Finding, count
from docgen.content.text_width import display_width
from docgen.errors import (
    ContentError,
    DocgenError,
    LibreOfficeError,
    Location,
    OutputError,
    TemplateError,
    UsageError,
    WordLocation,
)
from docgen.i18n import ENGLISH
from docgen.messages import Message, render, render_text

if TYPE_CHECKING:
    from docgen.content.model import ResolvedDocument


def display_path(path: Path) -> str:
    """Return `path` relative to the working folder when it lies inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def place(location: Location, language: str = ENGLISH) -> str:
    """Return file:line:col, leaving out what is unknown; a place in a Word file as the
    file and where in it a person finds it: plan.docx [table 3, row 2 ('技术岗')]."""
    text = display_path(location.file)
    if isinstance(location, WordLocation):
        return text + (f" [{render_text(location.where, language)}]" if location.where else "")
    if location.line:
        text += f":{location.line}"
        if location.column:
            text += f":{location.column}"
    return text


def explained(message: str, hint: str = "", language: str = ENGLISH) -> list[str]:
    """Return `message` as a line, followed by its hint (what to do) when there is one."""
    return [message, "    " + render_text(HINT(hint=hint), language)] if hint else [message]


def message_lines(message: Message, framed: Message | None = None,
                  language: str = ENGLISH) -> list[str]:
    """Return the sentence of `message` as a line (set in `framed`, which shows it as its
    text, when given), followed by its hint, in `language`."""
    text, hint = render(message, language)
    return explained(render_text(framed, language) if framed is not None else text, hint,
                     language)


def error_lines(error: DocgenError, language: str = ENGLISH) -> list[str]:
    """Return the lines that explain `error`, each with what to do, in `language`."""
    say = functools.partial(message_lines, language=language)
    if isinstance(error, ContentError):
        lines = [line for problem in error.problems
                 for line in say(problem.what, ERROR_AT(place=place(problem.location, language),
                                                                  text=problem.what))]
        return lines + [render_text(CONTENT_PROBLEMS(count=len(error.problems)), language)]
    if isinstance(error, TemplateError):
        return say(error.what, ERROR_AT(place=display_path(error.template),
                                                  text=error.what)) \
            + [render_text(TEMPLATE_UNUSABLE(), language)]
    if isinstance(error, OutputError):
        return say(error.what, CANNOT_WRITE(place=display_path(error.path),
                                                      text=error.what))
    if isinstance(error, LibreOfficeError):
        return say(error.what, ERROR(text=error.what)) \
            + [render_text(PDFS_NOT_WRITTEN(), language)]
    if isinstance(error, UsageError):
        return say(error.what, ERROR(text=error.what))
    return [render_text(ERROR(text=str(error)), language)]


def finding_lines(finding: Finding, language: str = ENGLISH) -> list[str]:
    """Return a finding as `file:line:col: severity RULE-ID message` and its hint."""
    return message_lines(finding.message,
                         FINDING[finding.severity](place=place(finding.location, language),
                                                   rule=finding.rule, text=finding.message),
                         language)


def _counts(findings: list[Finding], *, strict: bool = False) -> dict[str, Message]:
    """Return the counted errors and warnings of `findings`, as messages to place."""
    errors, warnings = count(findings, strict=strict)
    return {"errors": ERRORS(count=errors), "warnings": WARNINGS(count=warnings)}


def findings_report(findings: list[Finding], titles: dict[str, str], *,
                    strict: bool, language: str = ENGLISH) -> list[str]:
    """Return the findings grouped by document (headed by `titles`), then a summary line."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.document, []).append(finding)
    lines: list[str] = []
    for document in sorted(groups):
        group = groups[document]
        heading = titles.get(document, document or "org.yaml")
        lines.append(render_text(DOCUMENT_FINDINGS(document=heading,
                                                   **_counts(group, strict=strict)), language))
        for finding in group:
            lines.extend(finding_lines(finding, language))
        lines.append("")
    lines.append(summary(findings, strict=strict, documents=len(titles), language=language))
    return lines


def summary(findings: list[Finding], *, strict: bool, documents: int,
            language: str = ENGLISH) -> str:
    """Return the one-line summary of a check."""
    return render_text(CHECK_SUMMARY(documents=DOCUMENTS(count=documents),
                                     **_counts(findings, strict=strict)), language)


def build_summary(findings: list[Finding], language: str = ENGLISH) -> str:
    """Return the line a build prints when the checks found something."""
    errors, warnings = count(findings)
    return render_text(BUILD_FINDINGS(errors=ERRORS(count=errors),
                                      warnings=WARNINGS(count=warnings)), language)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def document_table(documents: list[ResolvedDocument], findings: list[Finding],
                   language: str = ENGLISH) -> list[str]:
    """Return the document set at a glance: number, title, version, state, change, findings."""
    header = [render_text(head(), language) for head in COLUMNS.values()]
    rows = []
    for document in documents:
        mine = [finding for finding in findings if finding.document == document.number]
        rows.append([document.number, document.title, str(document.version),
                     render_text(STATES[document.state](), language)
                     if document.state in STATES else document.state,
                     document.current.date.isoformat(),
                     render_text(FINDINGS_CELL(**_counts(mine)), language) if mine else "-"])
    widths = [max(display_width(row[column]) for row in [header, *rows])
              for column in range(len(header))]
    return ["  ".join(_pad(cell, width) for cell, width in zip(row, widths, strict=True))
            .rstrip() for row in [header, *rows]]


def findings_json(findings: list[Finding], language: str = ENGLISH) -> list[dict[str, object]]:
    """Return the findings as the JSON array `docgen check --format json` prints: each
    with its message and hint as sentences in `language`, and as the code and values they
    came from (the same in every language)."""
    return [_finding_json(finding, language) for finding in findings]


def _finding_json(finding: Finding, language: str) -> dict[str, object]:
    text, hint = render(finding.message, language)
    data = finding.message.as_json()
    location = finding.location
    if isinstance(location, WordLocation):  # a Word file has no lines: say where instead
        return {"rule": finding.rule, "severity": str(finding.severity),
                "document": finding.document, "file": display_path(location.file),
                "where": render_text(location.where, language) if location.where else "",
                "message": text, "hint": hint, "code": data["code"], "params": data["params"]}
    return {"rule": finding.rule, "severity": str(finding.severity),
            "document": finding.document, "file": display_path(location.file),
            "line": location.line, "column": location.column,
            "message": text, "hint": hint, "code": data["code"], "params": data["params"]}
