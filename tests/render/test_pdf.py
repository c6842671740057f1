"""PDFs through LibreOffice: every heading, a table of contents with the right page
numbers (in the PDF and in the .docx), Chinese fonts, a controlled document's layout,
and LibreOffice stopped whatever happens.

These tests need LibreOffice and poppler-utils. Without them they are skipped with the
reason, except on CI (CI is set), where a missing LibreOffice is a failure (see the
fixtures in conftest.py).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest

from docgen.build import write_pdfs
from docgen.cli import main
from docgen.pipeline import load_document_set
from docgen.project import Project
from docgen.render.libreoffice import PIPE_PREFIX, LibreOfficeSession
from docgen.style import DEFAULT_STYLE
from docgen.wordml.reader import read_docx
from tests.support.building import build
from tests.support.processes import RUN_VARIABLE, leftover_libreoffice
from tests.support.trees import REPO, TEMPLATES, demo_project

NUMBERS = ["YNTD-ITSS-0303", "YNTD-ITSS-0417", "YNTD-ITSS-0600"]
_TOC_LINE = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)*\.)\s*(?P<title>.+?)\s*\.{3,}\s*"
                       r"(?P<page>\d+)\s*$", re.MULTILINE)


@pytest.fixture(scope="session")
def yntd_documents():
    project = Project(REPO / "content", TEMPLATES, REPO / "output")
    return {document.number: document for document in load_document_set(project).documents}


def pdf_pages(pdf: Path) -> list[str]:
    """Return the text of each page of `pdf`, laid out as on the page."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def shown(heading) -> str:
    """Return a heading as its document shows it: number and title."""
    return DEFAULT_STYLE.heading_line(heading.numbers, heading.title)


def heading_pages(pages: list[str], document, first_body_page: int) -> dict[str, int]:
    """Return, for each heading, the first page after the front matter that shows it."""
    found = {}
    for heading in document.headings:
        wanted = squeeze(shown(heading))
        found[shown(heading)] = next(
            (index + 1 for index, page in enumerate(pages)
             if index + 1 >= first_body_page
             and any(squeeze(line) == wanted for line in page.splitlines())), 0)
    return found


def toc_entries(pages: list[str]) -> list[tuple[str, int]]:
    """Return (heading, page) for each line of the PDF's table of contents: the lines
    that end in a dotted leader and a page number."""
    return [(f"{m['number']} {m['title']}", int(m["page"]))
            for page in pages for m in _TOC_LINE.finditer(page)]


@pytest.mark.parametrize("number", NUMBERS)
def test_the_pdf_shows_every_heading(number, yntd_pdfs, yntd_documents):
    text = squeeze("".join(pdf_pages(yntd_pdfs[number][1])))
    for heading in yntd_documents[number].headings:
        assert squeeze(shown(heading)) in text


@pytest.mark.parametrize("number", NUMBERS)
def test_each_toc_entry_gives_the_page_its_heading_is_on(number, yntd_pdfs, yntd_documents):
    pages = pdf_pages(yntd_pdfs[number][1])
    entries = toc_entries(pages)
    document = yntd_documents[number]
    assert [squeeze(entry) for entry, _page in entries] == \
           [squeeze(shown(heading)) for heading in document.headings]
    first_body_page = min(page for _entry, page in entries)
    actual = heading_pages(pages, document, first_body_page)
    assert [page for _entry, page in entries] == [actual[shown(h)] for h in document.headings]
    assert first_body_page >= 4  # cover, revision history and TOC come first


@pytest.mark.parametrize("number", NUMBERS)
def test_the_docx_toc_carries_the_same_page_numbers(number, yntd_pdfs):
    docx, pdf = yntd_pdfs[number]
    in_docx = [(squeeze(p.text.rsplit("\t", 1)[0]), int(p.text.rsplit("\t", 1)[1]))
               for p in read_docx(docx).paragraphs if p.style.startswith("toc ")]
    in_pdf = [(squeeze(entry), page) for entry, page in toc_entries(pdf_pages(pdf))]
    assert in_docx == in_pdf
    assert all(page > 0 for _entry, page in in_docx)


def test_pages_read_from_the_layout_match_those_read_from_the_contents(
        yntd_documents, libreoffice, tmp_path):
    # LibreOffice reads the pages off the updated table of contents; when that does not
    # list the headings as docgen wrote them, it asks the layout for each heading.
    shutil.copytree(REPO / "content", tmp_path / "content")
    build(Project(tmp_path / "content", TEMPLATES, tmp_path / "output"))
    document = yntd_documents["YNTD-ITSS-0303"]
    [docx] = (tmp_path / "output" / "yntd").glob("YNTD-ITSS-0303 *.docx")
    headings = [(heading.bookmark, shown(heading)) for heading in document.headings]
    unlisted = [(bookmark, "不在目录中的标题 " + text) for bookmark, text in headings]
    with LibreOfficeSession(libreoffice) as office:
        from_contents = office.convert(docx, tmp_path / "a.pdf", headings)
        from_layout = office.convert(docx, tmp_path / "b.pdf", unlisted)
    assert from_contents.pages and from_contents.pages.items() <= from_layout.pages.items()
    assert from_contents.page_count == from_layout.page_count


def test_the_docx_with_page_numbers_is_still_deterministic(yntd_pdfs, libreoffice, tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    result = build(Project(tmp_path / "content", TEMPLATES, tmp_path / "output"),
                   ["YNTD-ITSS-0600"], pdf=True)
    write_pdfs(result)
    assert result.written[0].read_bytes() == yntd_pdfs["YNTD-ITSS-0600"][0].read_bytes()


@pytest.mark.parametrize("number", NUMBERS)
def test_chinese_is_set_in_cjk_serif_and_sans_faces(number, yntd_pdfs):
    fonts = subprocess.run(["pdffonts", str(yntd_pdfs[number][1])], capture_output=True,
                           text=True, check=True).stdout
    assert "NotoSerifCJK" in fonts  # 宋体: body text
    assert "NotoSansCJK" in fonts  # 黑体: headings


def test_the_pages_are_laid_out_as_a_controlled_document(yntd_pdfs, yntd_documents):
    pages = pdf_pages(yntd_pdfs["YNTD-ITSS-0303"][1])
    cover, revisions, contents = pages[0], pages[1], pages[2]
    total = len(pages)
    # The cover stands alone, without page header or footer.
    assert "运维服务能力管理计划" in cover and "版本：V1.0" in cover and "编制人" in cover
    assert "第 1 页" not in cover and "YNTD-ITSS-0303 V1.0" not in cover
    assert "文件编制和变更履历" not in cover
    # Header (company, number, version) and footer (page X / Y) from the second page on.
    for index, page in enumerate(pages[1:], start=2):
        lines = [line for line in page.splitlines() if line.strip()]
        assert "云南腾电科技有限公司" in lines[0] and "YNTD-ITSS-0303 V1.0" in lines[0]
        assert squeeze(lines[-1]) == f"第{index}页/共{total}页"
    # The revision history and the table of contents each have their own page.
    assert "文件编制和变更履历" in revisions and "目录" not in revisions
    assert "目录" in contents and "文件编制和变更履历" not in contents
    assert "1. 目的" not in revisions


def test_a_table_spanning_pages_repeats_its_header_row(yntd_pdfs):
    pages = pdf_pages(yntd_pdfs["YNTD-ITSS-0303"][1])
    rows = ["新员工入职培训", "阿里数据中台业务讨论会", "客户服务技能提升"]  # rows 1, 24, 31
    holding = sorted({index for index, page in enumerate(pages)
                      for row in rows if row in squeeze(page)})
    assert len(holding) >= 2  # the training table does span pages
    for index in holding:
        assert "培训类别" in squeeze(pages[index]) and "计划课时" in squeeze(pages[index])


def test_no_libreoffice_is_left_running(yntd_pdfs):
    assert leftover_libreoffice() == []


# --- when LibreOffice is missing, hangs or fails ---------------------------------------


def fake_program(folder: Path, name: str, body: str) -> Path:
    """Write an executable shell script; `-c ...` (docgen's uno probe) always succeeds."""
    path = folder / name
    path.write_text(f'#!/bin/sh\nif [ "$1" = "-c" ]; then exit 0; fi\n{body}\n')
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_missing_libreoffice_is_explained_and_the_docx_is_still_written(runner, tmp_path,
                                                                        in_folder):
    root = in_folder(demo_project(tmp_path))
    result = runner.invoke(main, ["build", "--pdf"],
                           env={"DOCGEN_SOFFICE": str(tmp_path / "no-such-soffice")})
    assert result.exit_code == 2
    assert result.stdout == "wrote output/demo/DEMO-ITSS-0001 示例管理计划 V1.0.docx\n"
    assert result.stderr.splitlines() == [
        f"docgen: error: DOCGEN_SOFFICE names {tmp_path / 'no-such-soffice'}, which does not "
        "exist; LibreOffice is needed for PDFs",
        "    hint: install it: sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk "
        "python3-uno (on Debian or Ubuntu)",
        "docgen: the .docx files are written; the PDFs are not."]
    assert [p.name for p in (root / "output" / "demo").iterdir()] == [
        "DEMO-ITSS-0001 示例管理计划 V1.0.docx"]


def test_a_libreoffice_that_hangs_is_stopped_after_the_timeout(runner, tmp_path, in_folder,
                                                              libreoffice):
    root = in_folder(demo_project(tmp_path))
    worker = fake_program(tmp_path, "hanging-python",
                          'echo \'{"ok": true, "ready": true}\'\nexec sleep 600')
    result = runner.invoke(main, ["build", "--pdf"], env={
        "DOCGEN_UNO_PYTHON": str(worker), "DOCGEN_LIBREOFFICE_TIMEOUT": "2"})
    assert result.exit_code == 2
    assert "docgen: error: LibreOffice did not finish 0.docx within 2 s; it was stopped" \
        in result.stderr
    assert "Traceback" not in result.output
    assert leftover_libreoffice() == []
    assert not list((root / "output" / "demo").glob("*.pdf"))


def test_a_libreoffice_that_crashes_is_reported(runner, tmp_path, in_folder, libreoffice):
    in_folder(demo_project(tmp_path))
    worker = fake_program(tmp_path, "crashing-python",
                          'echo \'{"ok": true, "ready": true}\'\nread line\nexit 1')
    result = runner.invoke(main, ["build", "--pdf"], env={"DOCGEN_UNO_PYTHON": str(worker)})
    assert result.exit_code == 2
    assert "docgen: error: LibreOffice stopped unexpectedly while working on 0.docx" \
        in result.stderr
    assert leftover_libreoffice() == []


@pytest.mark.parametrize("ours", [True, False], ids=["this run's", "another docgen's"])
def test_only_this_test_runs_own_libreoffice_counts_as_left_behind(ours):
    # Another docgen building PDFs on the same machine must not fail these tests; one
    # that this run started must.
    environment = dict(os.environ)
    if not ours:
        environment[RUN_VARIABLE] = "another-run"
    process = subprocess.Popen(["sh", "-c", "sleep 60", f"{PIPE_PREFIX}4242_fake"],
                               env=environment)
    try:
        # Until it has started the shell, the child shows pytest's own command line.
        command = Path(f"/proc/{process.pid}/cmdline")
        deadline = time.monotonic() + 10
        while f"{PIPE_PREFIX}4242_fake".encode() not in command.read_bytes():
            assert time.monotonic() < deadline
            time.sleep(0.01)
        left = leftover_libreoffice()
        assert any(f"{PIPE_PREFIX}4242_fake" in command for command in left) is ours
    finally:
        process.kill()
        process.wait()


def test_a_libreoffice_that_never_starts_is_reported(runner, tmp_path, in_folder, libreoffice):
    in_folder(demo_project(tmp_path))
    office = fake_program(tmp_path, "soffice", "exit 3")
    result = runner.invoke(main, ["pdf"], env={
        "DOCGEN_SOFFICE": str(office), "DOCGEN_UNO_PYTHON": str(libreoffice.python),
        "DOCGEN_LIBREOFFICE_START_TIMEOUT": "2"})
    assert result.exit_code == 2
    # Reported as soon as it exits, not when the worker gives up connecting.
    assert "docgen: error: LibreOffice did not start: it exited with exit code 3" \
        in result.stderr
    assert leftover_libreoffice() == []


def test_docgen_pdf_writes_a_pdf_beside_each_docx(runner, tmp_path, in_folder, libreoffice):
    root = in_folder(demo_project(tmp_path))
    result = runner.invoke(main, ["pdf"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "wrote output/demo/DEMO-ITSS-0001 示例管理计划 V1.0.docx",
        "wrote output/demo/DEMO-ITSS-0001 示例管理计划 V1.0.pdf"]
    assert (root / "output" / "demo" / "DEMO-ITSS-0001 示例管理计划 V1.0.pdf").read_bytes() \
        .startswith(b"%PDF")


# --- what a build says about the PDFs it makes, keeps and removes ------------------------

DEMO_DOCX = "output/demo/DEMO-ITSS-0001 示例管理计划 V1.0.docx"
DEMO_PDF = "output/demo/DEMO-ITSS-0001 示例管理计划 V1.0.pdf"


def edit_demo(root: Path) -> None:
    document = root / "content" / "demo" / "DEMO-ITSS-0001.yaml"
    document.write_text(document.read_text(encoding="utf-8").replace(
        "为了规范运维服务。", "为了规范运维服务，提升服务质量。"), encoding="utf-8")


def test_a_pdf_made_again_after_an_edit_is_only_said_to_be_written(runner, tmp_path, in_folder,
                                                                  libreoffice):
    root = in_folder(demo_project(tmp_path))
    assert runner.invoke(main, ["build", "--pdf"]).exit_code == 0
    edit_demo(root)
    result = runner.invoke(main, ["build", "--pdf"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"wrote {DEMO_DOCX}", f"wrote {DEMO_PDF}"]
    assert "提升服务质量" in pdf_text(root / DEMO_PDF)


def test_a_pdf_left_behind_by_an_edit_is_removed_with_a_line_that_says_why_and_how_to_remake_it(
        runner, tmp_path, in_folder, libreoffice):
    root = in_folder(demo_project(tmp_path))
    assert runner.invoke(main, ["build", "--pdf"]).exit_code == 0
    edit_demo(root)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"wrote {DEMO_DOCX}",
        f"removed {DEMO_PDF} (it showed the content before this build; 'docgen build --pdf' "
        "makes it again from the content as it is now)"]
    assert not (root / DEMO_PDF).exists()


def test_an_unchanged_build_keeps_the_pdf_and_says_nothing_of_it(runner, tmp_path, in_folder,
                                                                 libreoffice):
    root = in_folder(demo_project(tmp_path))
    assert runner.invoke(main, ["build", "--pdf"]).exit_code == 0
    pdf = (root / DEMO_PDF).read_bytes()
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"unchanged {DEMO_DOCX}"]
    assert (root / DEMO_PDF).read_bytes() == pdf


def test_a_docx_that_gets_its_page_numbers_is_said_to_be_written_not_unchanged(
        runner, tmp_path, in_folder, libreoffice):
    root = in_folder(demo_project(tmp_path))
    assert runner.invoke(main, ["build"]).exit_code == 0
    before = (root / DEMO_DOCX).read_bytes()
    result = runner.invoke(main, ["build", "--pdf"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"wrote {DEMO_DOCX}", f"wrote {DEMO_PDF}"]
    assert (root / DEMO_DOCX).read_bytes() != before  # its table of contents has pages now
    again = runner.invoke(main, ["build", "--pdf"])
    assert again.stdout.splitlines() == [f"unchanged {DEMO_DOCX}", f"unchanged {DEMO_PDF}"]


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
