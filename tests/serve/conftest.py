"""Fixtures of the dashboard's tests: a copy of the bundled content, the app over it, and
the form token a page hands out."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from docgen.project import Project
from docgen.serve.app import create_app
from tests.support.trees import REPO, TEMPLATES


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A copy of the bundled YNTD content; the output folder does not exist yet."""
    shutil.copytree(REPO / "content" / "yntd", tmp_path / "content" / "yntd")
    return Project(tmp_path / "content", TEMPLATES, tmp_path / "output")


@pytest.fixture
def client(project: Project) -> TestClient:
    """The dashboard of `project` (PDFs off: LibreOffice is the PDF tests' business)."""
    return TestClient(create_app(project, pdf=False), follow_redirects=True)


def token(page: str) -> str:
    """Return the CSRF token a page's forms carry."""
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def text_of(page: str) -> str:
    """Return a page's text without its tags, entities unescaped, spaces folded."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
