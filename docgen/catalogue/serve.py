"""What docgen serve says: the dashboard's own words (headings, labels, buttons), what
it prints when it starts, and why it refuses an action.

The templates name the words of UI by their key: {{ t("findings") }}.
"""

from docgen.messages import define

STARTED = define("serve.started", "docgen serve: the dashboard is at {url}",
                 hint="press Ctrl-C to stop it")
STOPPED = define("serve.stopped", "docgen serve: stopped")
EXPOSED = define(
    "serve.exposed",
    "warning: docgen serve listens on {host}: anyone who can reach this machine can read "
    "the documents{actions}",
    hint="use --host 127.0.0.1 to keep it to this machine")
EXPOSED_ACTIONS = define("serve.exposed.actions", ", and bump, release or withdraw them")
PORT_BUSY = define("serve.port-busy", "cannot listen on {host}:{port}: {reason}",
                   hint="choose another port with --port, or leave it out to take a free one")

# Why an action is refused.
READ_ONLY = define("serve.read-only", "the dashboard was started with --read-only",
                   hint="start docgen serve without --read-only to bump, release or withdraw")
BAD_TOKEN = define("serve.bad-token", "the form is out of date or did not come from this "
                   "dashboard", hint="reload the page and send the form again")
STALE_VERSION = define(
    "serve.stale-version",
    "{number} is at {version} now, not at {shown} as the page showed: someone changed it "
    "meanwhile", hint="reload the page, check the document, and try again")
NOT_LOADED = define("serve.not-loaded", "the content does not load, so nothing can be changed",
                    hint="fix the problems shown at the top of the page first")
BAD_LEVEL = define("serve.bad-level", "choose a minor revision or a major one",
                   hint="minor: V1.0 -> V1.1; major: V1.3 -> V2.0")
NOT_FOUND = define("serve.not-found", "there is nothing at this address")

# The interface's words, by key.
UI = {key: define(f"serve.ui.{key}", text) for key, text in {
    "dashboard": "docgen dashboard",
    "set": "Document set",
    "kpis": "KPIs",
    "organization": "Organization",
    "all": "all",
    "state": "State",
    "rule": "Rule",
    "filter": "Filter",
    "number": "Number",
    "title": "Title",
    "version": "Version",
    "date": "Date",
    "errors": "Errors",
    "warnings": "Warnings",
    "findings": "Findings",
    "no-findings": "No findings.",
    "org-findings": "Findings about the organization",
    "content-error": "The content does not load; the pages show the last content that did.",
    "never-loaded": "The content has not loaded yet.",
    "text": "Text as it prints",
    "download-docx": "Download .docx",
    "download-pdf": "Download PDF",
    "history": "Revision history and releases",
    "revisions": "Revisions",
    "releases": "Releases",
    "author": "Author",
    "reviewer": "Reviewer",
    "approver": "Approver",
    "review-date": "Review date",
    "approve-date": "Approval date",
    "change": "Change",
    "released-on": "Released on",
    "forced": "Forced",
    "yes": "yes",
    "actions": "Actions",
    "bump": "Bump the version",
    "minor": "minor (V1.0 → V1.1)",
    "major": "major (V1.3 → V2.0)",
    "release": "Release the current version",
    "force": "release despite errors (the record says so)",
    "withdraw": "Withdraw the document",
    "reason": "Reason",
    "build-pdfs": "Build the documents and their PDFs",
    "write-register": "Write the register",
    "kpi": "KPI",
    "disagree": "disagree",
    "no-kpis": "No document states a KPI.",
    "updated": "The content changed: this page is updated.",
    "changed-while-editing": "The content changed; reload the page to see it.",
    "read-only": "Read-only: actions are turned off.",
    "not-found": "Not found",
    "back": "Back to the document set",
    "hint": "hint",
    "documents-count": "documents",
}.items()}
