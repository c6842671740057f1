"""Fixtures of the PDF tests: the LibreOffice to use, and the YNTD documents built with
PDFs once for the session (shared by every module that needs them).

Without LibreOffice or poppler-utils the tests that need them are skipped with the
reason, except on CI (CI is set), where a missing LibreOffice is a failure.
"""

from __future__ import annotations

import os
import shutil

import pytest

from docgen.build import write_pdfs
from docgen.errors import LibreOfficeError
from docgen.project import Project
from docgen.render.libreoffice import find_libreoffice
from tests.support.building import build
from tests.support.trees import REPO, TEMPLATES


@pytest.fixture(scope="session")
def libreoffice():
    if shutil.which("pdftotext") is None:
        reason = "poppler-utils (pdftotext, pdffonts) is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PDF tests, but {reason}")
        pytest.skip(reason)
    try:
        return find_libreoffice()
    except LibreOfficeError as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PDF tests, but: {error.message}")
        pytest.skip(f"{error.message} ({error.hint})")


@pytest.fixture(scope="session")
def yntd_pdfs(libreoffice, tmp_path_factory):
    """The YNTD documents built with PDFs once for the session: number -> (docx, pdf)."""
    root = tmp_path_factory.mktemp("pdf")
    shutil.copytree(REPO / "content", root / "content")
    result = build(Project(root / "content", TEMPLATES, root / "output"), pdf=True)
    write_pdfs(result)
    return {job.document.number: (job.docx, job.pdf) for job in result.pdf_jobs}
