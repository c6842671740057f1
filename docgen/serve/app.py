"""The dashboard's routes: pages drawn from the current snapshot, files, and actions.

Pages are read-only views of `ServeState.snapshot`. Every POST carries the server's
CSRF token, in the form and in a same-site cookie, and is refused without it, or when
the server is read-only. A successful action redirects to the page with a notice (so
a reload does not repeat it); a refused one shows the page again with the reasons the
CLI would print, and the form as it was filled in.
"""

from __future__ import annotations

import datetime as dt
import functools
import secrets
from collections import OrderedDict
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from docgen.catalogue.serve import BAD_TOKEN, NOT_FOUND, NOT_LOADED, READ_ONLY, UI
from docgen.errors import DocgenError, UsageError
from docgen.i18n import ENGLISH
from docgen.messages import render, render_text
from docgen.project import Project
from docgen.report import message_lines
from docgen.serve import actions, views
from docgen.serve.files import served_file
from docgen.serve.state import ServeState, problem_lines

HERE = Path(__file__).parent
CSRF_COOKIE = "docgen_csrf"
KEPT_NOTICES = 50
DOCUMENT_ACTIONS = {"bump": actions.bump, "release": actions.release,
                    "withdraw": actions.withdraw}
SET_ACTIONS = {"pdfs": actions.build_pdfs, "register": actions.write_register}


def words(key: str, language: str = ENGLISH, **params: Any) -> str:
    """Return the interface's word or sentence `key` from the catalogue, in `language`."""
    return render_text(UI[key](**params), language)


def _url(value: str) -> str:
    return quote(value, safe="/")


class Dashboard:
    """The routes over one project's state, with the server's CSRF token and notices."""

    def __init__(self, state: ServeState, *, read_only: bool, pdf: bool):
        self.state = state
        self.language = state.language
        self.read_only = read_only
        self.pdf = pdf
        self.token = secrets.token_urlsafe(32)
        self.notices: OrderedDict[str, list[str]] = OrderedDict()
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        self.templates.env.globals["t"] = functools.partial(words, language=self.language)
        self.templates.env.filters["url"] = _url

    @property
    def project(self) -> Project:
        return self.state.project

    def page(self, request: Request, name: str, context: dict[str, Any],
             status: int = 200) -> Response:
        """Return the page `name` drawn with `context` and what every page shows."""
        snapshot = context.setdefault("snapshot", self.state.snapshot)
        notice = self.notices.get(request.query_params.get("notice", ""), [])
        context.update(token=self.token, read_only=self.read_only, version=snapshot.version,
                       notice=context.get("notice", notice), refused=context.get("refused"))
        response = self.templates.TemplateResponse(request, name, context, status_code=status)
        response.set_cookie(CSRF_COOKIE, self.token, httponly=True, samesite="strict")
        return response

    # --- pages ---------------------------------------------------------------------

    def set_page(self, request: Request, refused: list[str] | None = None) -> Response:
        snapshot = self.state.snapshot
        chosen = {key: request.query_params.get(key, "")
                  for key in ("organization", "state", "rule")}
        organizations = [(org.key, org.organization.name) for org in
                         (snapshot.document_set.organizations if snapshot.document_set else [])]
        return self.page(request, "set.html", {
            "snapshot": snapshot, "groups": views.set_groups(snapshot, **chosen),
            "chosen": chosen, "organizations": organizations,
            "states": views.state_choices(snapshot),
            "rules": sorted({finding.rule for finding in snapshot.findings}),
            "org_findings": views.finding_views(self.project, snapshot.findings_of(""),
                                                self.language),
            "refused": refused}, status=409 if refused else 200)

    def document_page(self, request: Request, refused: list[str] | None = None,
                      form: dict[str, str] | None = None) -> Response:
        number = request.path_params["number"]
        snapshot = self.state.snapshot
        document = self._document(number)
        text, text_error = [], []
        try:
            text = views.text_blocks(self.state.text(document))
        except Exception as error:  # noqa: BLE001 - a template problem must not hide the rest
            text_error = problem_lines(error)
        people = document.organization.people
        signers = {role: [person.name for person in people if role in person.signs]
                   for role in ("author", "reviewer", "approver")}
        return self.page(request, "document.html", {
            "snapshot": snapshot, "document": document, "text": text, "text_error": text_error,
            "findings": views.finding_views(self.project, snapshot.findings_of(number),
                                            self.language),
            "signers": signers, "pdf": self.pdf, "today": dt.date.today().isoformat(),
            "refused": refused, "form": form or {}}, status=409 if refused else 200)

    def history_page(self, request: Request) -> Response:
        document = self._document(request.path_params["number"])
        return self.page(request, "history.html", {
            "document": document, "revisions": views.revisions(document),
            "releases": [(str(record.version), document.style.date(record.released_on),
                          record.forced) for record in reversed(document.releases)]})

    def kpis_page(self, request: Request) -> Response:
        return self.page(request, "kpis.html", {"tables": views.kpi_tables(self.state.snapshot)})

    def _document(self, number: str):
        try:
            return self.state.document(number)
        except UsageError as error:
            raise HTTPException(404, "\n".join(message_lines(error.what,
                                                            language=self.language))) from None

    # --- files ---------------------------------------------------------------------

    def file(self, request: Request) -> Response:
        path = served_file(self.project, request.path_params["root"],
                           request.path_params["path"])
        if path is None:
            raise HTTPException(404)
        media = "text/plain; charset=utf-8" if path.suffix in (".yaml", ".yml") else None
        return FileResponse(path, media_type=media,
                            filename=None if media else path.name,
                            content_disposition_type="inline" if media else "attachment")

    async def download(self, request: Request) -> Response:
        number, kind = request.path_params["number"], request.path_params["kind"]
        if kind not in ("docx", "pdf") or (kind == "pdf" and not self.pdf):
            raise HTTPException(404)
        self._document(number)
        try:
            path = await run_in_threadpool(self.state.run_action,
                                           lambda: actions.document_file(self.project, number,
                                                                         f".{kind}"),
                                           reload=False)
        except DocgenError as error:
            return self.page(request, "refused.html",
                             {"refused": problem_lines(error, self.language)}, 409)
        return FileResponse(path, filename=path.name)

    def version(self, request: Request) -> Response:
        return JSONResponse({"version": self.state.snapshot.version},
                            headers={"Cache-Control": "no-store"})

    # --- actions -------------------------------------------------------------------

    async def act(self, request: Request) -> Response:
        form = {key: value for key, value in (await request.form()).items()
                if isinstance(value, str)}
        number = request.path_params.get("number")
        name = request.path_params["action"]
        table = DOCUMENT_ACTIONS if number else SET_ACTIONS
        if name not in table:
            raise HTTPException(404)
        if number:
            self._document(number)
        refusal = self._refusal(request, form)
        if refusal is None:
            action = table[name]
            try:
                lines = await run_in_threadpool(
                    self.state.run_action,
                    (lambda: action(self.project, number, form, language=self.language))
                    if number else (lambda: action(self.project, language=self.language)))
            except Exception as error:  # noqa: BLE001 - a refusal or a bug, shown either way
                refusal = problem_lines(error, self.language)
            else:
                return self._redirect(request, lines, number)
        if number:
            return self.document_page(request, refused=refusal, form=form)
        return self.set_page(request, refused=refusal)

    def _refusal(self, request: Request, form: dict[str, str]) -> list[str] | None:
        if self.read_only:
            return message_lines(READ_ONLY(), language=self.language)
        cookie = request.cookies.get(CSRF_COOKIE, "")
        sent = form.get("csrf", "")
        if not (secrets.compare_digest(sent, self.token)
                and secrets.compare_digest(cookie, self.token)):
            return message_lines(BAD_TOKEN(), language=self.language)
        if self.state.snapshot.error:
            return message_lines(NOT_LOADED(), language=self.language)
        return None

    def _redirect(self, request: Request, lines: list[str], number: str | None) -> Response:
        key = secrets.token_urlsafe(8)
        self.notices[key] = lines
        while len(self.notices) > KEPT_NOTICES:
            self.notices.popitem(last=False)
        target = f"/documents/{_url(number)}" if number else "/"
        return RedirectResponse(f"{target}?notice={key}", status_code=303)

    async def not_found(self, request: Request, error: Exception) -> Response:
        detail = getattr(error, "detail", "")
        lines = detail.splitlines() if detail and detail != "Not Found" else \
            [render(NOT_FOUND(), self.language)[0]]
        return self.page(request, "not_found.html", {"lines": lines}, status=404)


def create_app(project: Project, *, read_only: bool = False, pdf: bool | None = None,
               allowed_hosts: list[str] | None = None, state: ServeState | None = None,
               language: str = ENGLISH) -> Starlette:
    """Return the dashboard of `project` as an ASGI application, its content loaded.

    `pdf` says whether PDFs can be made (default: whether LibreOffice is found);
    `allowed_hosts`, when given, are the only Host headers answered (a page fetched
    through another name, as a DNS-rebinding site would, gets 400).
    """
    if state is None:
        state = ServeState(project, language)
        state.reload()
    if pdf is None:
        pdf = _libreoffice_found()
    dashboard = Dashboard(state, read_only=read_only, pdf=pdf)
    routes = [
        Route("/", dashboard.set_page),
        Route("/kpis", dashboard.kpis_page),
        Route("/documents/{number}", dashboard.document_page),
        Route("/documents/{number}/history", dashboard.history_page),
        Route("/documents/{number}/download/{kind}", dashboard.download),
        Route("/documents/{number}/{action}", dashboard.act, methods=["POST"]),
        Route("/actions/{action}", dashboard.act, methods=["POST"]),
        Route("/files/{root}/{path:path}", dashboard.file),
        Route("/api/version", dashboard.version),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)] \
        if allowed_hosts else []
    app = Starlette(routes=routes, middleware=middleware,
                    exception_handlers={404: dashboard.not_found})
    app.state.dashboard = dashboard
    return app


def _libreoffice_found() -> bool:
    from docgen.errors import LibreOfficeError
    from docgen.render.libreoffice import find_libreoffice

    try:
        find_libreoffice()
    except LibreOfficeError:
        return False
    return True
