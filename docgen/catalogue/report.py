"""What the reports around the findings say: counts, summaries, headings and table heads.

Counted nouns ("1 error", "3 errors") are entries of their own, with a plural form;
the lines that hold several counts take them as messages.
"""

from docgen.messages import define

ERRORS = define("report.errors", "{count} error", plural="{count} errors", count="count")
WARNINGS = define("report.warnings", "{count} warning", plural="{count} warnings",
                  count="count")
DOCUMENTS = define("report.documents", "{count} document", plural="{count} documents",
                   count="count")

FINDING = {
    "error": define("report.finding.error", "{place}: error {rule} {text}"),
    "warning": define("report.finding.warning", "{place}: warning {rule} {text}"),
}
HINT = define("report.hint", "hint: {hint}")
DOCUMENT_FINDINGS = define("report.document-findings", "{document}: {errors}, {warnings}")
CHECK_SUMMARY = define("report.check-summary", "docgen check: {errors}, {warnings} in {documents}")
BUILD_FINDINGS = define("report.build-findings",
                        "check: {errors}, {warnings}; run 'docgen check' to list them")
CONTENT_PROBLEMS = define(
    "report.content-problems", "docgen: {count} problem in the content; nothing was written.",
    plural="docgen: {count} problems in the content; nothing was written.", count="count")

# docgen list: the heads of the table's columns, and a document's findings.
COLUMNS = {
    "number": define("report.column.number", "NUMBER"),
    "title": define("report.column.title", "TITLE"),
    "version": define("report.column.version", "VERSION"),
    "state": define("report.column.state", "STATE"),
    "changed": define("report.column.changed", "CHANGED"),
    "findings": define("report.column.findings", "FINDINGS"),
}
FINDINGS_CELL = define("report.findings-cell", "{errors}, {warnings}")
# A document's state, as the STATE column shows it.
STATES = {
    "draft": define("report.state.draft", "draft"),
    "released": define("report.state.released", "released"),
    "withdrawn": define("report.state.withdrawn", "withdrawn"),
}

# Lists and values inside sentences: "none" stands for an empty list ({known:, } shows
# it when given NONE() instead of []); a value the user wrote, quoted, as a list's item.
NONE = define("report.none", "none")
QUOTED = define("report.quoted", "{value!q}")

# How errors are framed: the place (or docgen) and the sentence of the error itself.
ERROR_AT = define("report.error-at", "{place}: error: {text}")
CANNOT_WRITE = define("report.cannot-write", "{place}: error: cannot write: {text}")
ERROR = define("report.error", "docgen: error: {text}")
TEMPLATE_UNUSABLE = define("report.template-unusable",
                           "docgen: the template cannot be used; nothing was written.")
PDFS_NOT_WRITTEN = define("report.pdfs-not-written",
                          "docgen: the .docx files are written; the PDFs are not.")
