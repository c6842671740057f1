"""Shared fixtures: inline project trees, the CLI runner, and one build of the real content."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from docgen.pipeline import load_document_set
from docgen.project import Project
from tests.support.building import build
from tests.support.processes import leftover_libreoffice
from tests.support.trees import REPO, demo_project

SEEDS = REPO / "tests" / "fixtures" / "seeds"

# Property tests: a thousand examples each on CI, a quick run on a developer's machine.
settings.register_profile("ci", max_examples=1000)
settings.register_profile("dev", max_examples=60)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests speak English whatever the machine's locale; a test in Chinese asks for it."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A project folder with the demo organization and one small document."""
    return demo_project(tmp_path)


@pytest.fixture
def in_folder(monkeypatch: pytest.MonkeyPatch):
    """Run a block with the working folder set to a given path."""

    def enter(path: Path) -> Path:
        monkeypatch.chdir(path)
        return path

    return enter


@pytest.fixture(scope="session")
def yntd_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A copy of the bundled YNTD content with its own output folder."""
    root = tmp_path_factory.mktemp("yntd")
    shutil.copytree(REPO / "content", root / "content")
    return Project(root / "content", REPO / "templates" / "docx", root / "output")


@pytest.fixture(scope="session")
def yntd_built(yntd_project: Project) -> dict[str, Path]:
    """The YNTD documents built once for the session: number -> .docx path."""
    result = build(yntd_project)
    return {path.name.split(" ")[0]: path for path in result.written}


@pytest.fixture(scope="session")
def yntd_set(yntd_project: Project):
    """The resolved YNTD document set."""
    return load_document_set(yntd_project)


@pytest.fixture(scope="session", autouse=True)
def no_libreoffice_left_behind():
    """After the whole run, no LibreOffice that docgen started may still be running."""
    yield
    left = leftover_libreoffice()
    if left:
        pytest.fail(f"LibreOffice processes were left running: {left}")


def pytest_report_header(config: pytest.Config) -> str:
    return f"docgen tests; CI={os.environ.get('CI', '')!r}"


def pytest_terminal_summary(terminalreporter) -> None:
    from tests.support.fidelity import RESULTS

    if RESULTS:
        terminalreporter.section("fidelity to the seed documents")
        for number, result in sorted(RESULTS.items()):
            terminalreporter.line(f"{number}: {result.covered}/{result.total} seed lines "
                                  f"({result.ratio:.1%})")
