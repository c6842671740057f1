"""The dashboard's actions: bump, release, withdraw, build (with PDFs), write the register.

Each calls the library as the command of the same name does, under the same content
edit lock, and so refuses what the command refuses; each returns the lines the
command prints when it succeeds. A form also says which version of the document the
page showed: acting on a version someone changed meanwhile is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from docgen.catalogue.cli import (
    ALREADY_RELEASED,
    BUMPED,
    RECORDED,
    RELEASED,
    RELEASED_FORCED,
    WITHDRAWN_DONE,
)
from docgen.catalogue.output import WROTE
from docgen.catalogue.serve import BAD_LEVEL, STALE_VERSION
from docgen.errors import UsageError
from docgen.i18n import ENGLISH
from docgen.messages import render_text
from docgen.project import Project
from docgen.report import display_path

Form = Mapping[str, str]


def form_date(form: Form, name: str, default: dt.date) -> dt.date:
    """Return the date the form gives as `name` (`default` when left empty)."""
    from docgen.content.values import InvalidValue, parse_date

    value = form.get(name, "").strip()
    if not value:
        return default
    try:
        return parse_date(value)
    except InvalidValue as error:
        raise UsageError(error.message) from None


def refuse_stale(project: Project, number: str, form: Form) -> None:
    """Refuse to act when document `number` is not at the version the page showed."""
    from docgen.pipeline import load_document_set, select_documents

    [document] = select_documents(load_document_set(project), [number])
    shown = form.get("version", "")
    if shown and shown != str(document.version):
        raise UsageError(STALE_VERSION(number=number, version=str(document.version),
                                       shown=shown))


def bump(project: Project, number: str, form: Form, *, language: str = ENGLISH
         ) -> list[str]:
    """Add the revision row the form asks for, as `docgen bump` does."""
    from docgen.control.bump import BumpRequest, apply_bump, plan_bump
    from docgen.control.locking import editing

    level = form.get("level", "")
    if level not in ("minor", "major"):
        raise UsageError(BAD_LEVEL())
    written = form_date(form, "date", dt.date.today())
    reviewed = form_date(form, "review_date", written)
    request = BumpRequest(number, level, form.get("change", ""),  # type: ignore[arg-type]
                          form.get("author", ""), form.get("reviewer", ""),
                          form.get("approver", ""), written, reviewed,
                          form_date(form, "approve_date", reviewed))
    with editing(project.content):
        refuse_stale(project, number, form)
        plan = plan_bump(project, request)
        apply_bump(plan)
    return [render_text(BUMPED(number=number, previous=str(plan.previous),
                               version=str(plan.version), path=display_path(plan.path)), language)]


def release(project: Project, number: str, form: Form, *, language: str = ENGLISH
         ) -> list[str]:
    """Release the document's current version, as `docgen release` does."""
    from docgen.control.locking import editing
    from docgen.control.release import release as release_document

    with editing(project.content):
        refuse_stale(project, number, form)
        result = release_document(project, number, on=form_date(form, "date", dt.date.today()),
                                  force=form.get("force") == "on")
    version = str(result.document.version)
    if result.already_released:
        return [render_text(ALREADY_RELEASED(number=number, version=version,
                                             path=display_path(result.released_file)), language)]
    done = RELEASED_FORCED if result.forced else RELEASED
    return [render_text(done(number=number, version=version), language),
            render_text(WROTE(path=display_path(result.released_file)), language),
            render_text(RECORDED(path=display_path(result.record_file)), language)]


def withdraw(project: Project, number: str, form: Form, *, language: str = ENGLISH
         ) -> list[str]:
    """Withdraw the document, as `docgen withdraw` does."""
    from docgen.control.locking import editing
    from docgen.control.release import withdraw as withdraw_document

    with editing(project.content):
        refuse_stale(project, number, form)
        path = withdraw_document(project, number, reason=form.get("reason", ""),
                                 on=form_date(form, "date", dt.date.today()))
    return [render_text(WITHDRAWN_DONE(number=number, path=display_path(path)), language)]


def build_pdfs(project: Project, *, language: str = ENGLISH) -> list[str]:
    """Build every document and its PDF, as `docgen build --pdf` does."""
    from docgen.build import build, write_pdfs

    result = build(project, pdf=True)
    made = write_pdfs(result)
    return [render_text(WROTE(path=display_path(path)), language)
            for path in result.written + made]


def write_register(project: Project, *, language: str = ENGLISH) -> list[str]:
    """Write the register of every organization, as `docgen register` does."""
    from docgen.render.register import write_registers

    return [render_text(WROTE(path=display_path(path)), language)
            for path in write_registers(project)]


def document_file(project: Project, number: str, suffix: str) -> Path:
    """Return the current .docx (or .pdf) of document `number`, built first if it is not
    current: only what changed is rendered, as `docgen build NUMBER` does."""
    from docgen.build import build, write_pdfs

    result = build(project, [number], pdf=suffix == ".pdf")
    if suffix == ".pdf":
        write_pdfs(result)
    docx = next(path for path in result.written + result.unchanged if path.suffix == ".docx")
    return docx.with_suffix(suffix)
