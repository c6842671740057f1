"""Turn errors and findings into the lines a person reads (or the JSON a tool reads).

This is the CLI boundary: the library raises structured errors and returns findings;
only here are they formatted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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
)

if TYPE_CHECKING:
    from docgen.content.model import ResolvedDocument


def display_path(path: Path) -> str:
    """Return `path` relative to the working folder when it lies inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def place(location: Location) -> str:
    """Return file:line:col, leaving out what is unknown."""
    text = display_path(location.file)
    if location.line:
        text += f":{location.line}"
        if location.column:
            text += f":{location.column}"
    return text


def _plural(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def explained(message: str, hint: str = "") -> list[str]:
    """Return `message` as a line, followed by its hint (what to do) when there is one."""
    return [message, f"    hint: {hint}"] if hint else [message]


def error_lines(error: DocgenError) -> list[str]:
    """Return the lines that explain `error`, each with what to do."""
    if isinstance(error, ContentError):
        lines = [line for problem in error.problems
                 for line in explained(f"{place(problem.location)}: error: {problem.message}",
                                       problem.hint)]
        return lines + [f"docgen: {_plural(len(error.problems), 'problem')} in the content; "
                        "nothing was written."]
    if isinstance(error, TemplateError):
        return explained(f"{display_path(error.template)}: error: {error.message}",
                         error.hint) + ["docgen: the template cannot be used; nothing was written."]
    if isinstance(error, OutputError):
        return explained(f"{display_path(error.path)}: error: cannot write: {error.message}",
                         error.hint)
    if isinstance(error, LibreOfficeError):
        return explained(f"docgen: error: {error.message}", error.hint) + \
            ["docgen: the .docx files are written; the PDFs are not."]
    if isinstance(error, UsageError):
        return explained(f"docgen: error: {error.message}", error.hint)
    return [f"docgen: error: {error}"]


def finding_lines(finding: Finding) -> list[str]:
    """Return a finding as `file:line:col: severity RULE-ID message` and its hint."""
    return explained(f"{place(finding.location)}: {finding.severity} {finding.rule} "
                     f"{finding.message}", finding.hint)


def findings_report(findings: list[Finding], titles: dict[str, str], *,
                    strict: bool) -> list[str]:
    """Return the findings grouped by document (headed by `titles`), then a summary line."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.document, []).append(finding)
    lines: list[str] = []
    for document in sorted(groups):
        group = groups[document]
        errors, warnings = count(group, strict=strict)
        heading = titles.get(document, document or "org.yaml")
        lines.append(f"{heading}: {_plural(errors, 'error')}, {_plural(warnings, 'warning')}")
        for finding in group:
            lines.extend(finding_lines(finding))
        lines.append("")
    lines.append(summary(findings, strict=strict, documents=len(titles)))
    return lines


def summary(findings: list[Finding], *, strict: bool, documents: int) -> str:
    """Return the one-line summary of a check."""
    errors, warnings = count(findings, strict=strict)
    return (f"docgen check: {_plural(errors, 'error')}, {_plural(warnings, 'warning')} "
            f"in {_plural(documents, 'document')}")


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def document_table(documents: list[ResolvedDocument], findings: list[Finding]) -> list[str]:
    """Return the document set at a glance: number, title, version, state, change, findings."""
    header = ["NUMBER", "TITLE", "VERSION", "STATE", "CHANGED", "FINDINGS"]
    rows = []
    for document in documents:
        mine = [finding for finding in findings if finding.document == document.number]
        errors, warnings = count(mine)
        rows.append([document.number, document.title, str(document.version), document.state,
                     document.current.date.isoformat(),
                     f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
                     if mine else "-"])
    widths = [max(display_width(row[column]) for row in [header, *rows])
              for column in range(len(header))]
    return ["  ".join(_pad(cell, width) for cell, width in zip(row, widths, strict=True))
            .rstrip() for row in [header, *rows]]


def findings_json(findings: list[Finding]) -> list[dict[str, object]]:
    """Return the findings as the JSON array `docgen check --format json` prints."""
    return [dict(finding.as_json(), file=display_path(finding.location.file))
            for finding in findings]
