"""`landscape: true` on a section or a table puts it on landscape pages: section breaks
that keep the template's headers and footers and count the pages on."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile

import pytest
from lxml import etree

from docgen.build import write_pdfs
from docgen.project import Project
from docgen.wordml.reader import read_docx
from tests.support.building import build
from tests.support.trees import REPO, demo_project, document_yaml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WIDE = "[" + ", ".join(f"第{n}列标题文字" for n in range(1, 13)) + "]"
SECTIONS = f"""\
- title: 目的
  body:
    - 为了规范运维服务。
- title: 人员
  landscape: true
  body:
    - 下表列出人员计划。
    - table: {{header: [{WIDE}], rows: [{WIDE}]}}
  sections:
    - title: 储备
      body: [储备计划。]
- title: 资源
  body:
    - 资源计划。
    - table: {{landscape: true, caption: 资源清单, header: [{WIDE}]}}
    - 清单之后的说明。
"""


def _build(root, sections: str, *, pdf: bool = False):
    demo_project(root, documents={"DEMO-ITSS-0001.yaml": document_yaml(sections)})
    result = build(Project(root / "content", root / "templates" / "docx", root / "output"),
                   pdf=pdf)
    if pdf:
        write_pdfs(result)
    [docx] = (root / "output" / "demo").glob("*.docx")
    return docx


def _sections(docx) -> list[etree._Element]:
    with zipfile.ZipFile(io.BytesIO(docx.read_bytes())) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return list(root.iter(f"{W}sectPr"))


def _orientation(section) -> str:
    size = section.find(f"{W}pgSz")
    wide = int(size.get(f"{W}w")) > int(size.get(f"{W}h"))
    assert (size.get(f"{W}orient") == "landscape") == wide
    return "landscape" if wide else "portrait"


@pytest.fixture(scope="module")
def landscape_docx(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("landscape"), SECTIONS)


def test_landscape_parts_are_sections_of_their_own_with_the_template_headers(landscape_docx):
    sections = _sections(landscape_docx)
    # cover to 目的; 人员 and 储备; 资源 up to its table; the table; the rest.
    assert [_orientation(section) for section in sections] == [
        "portrait", "landscape", "portrait", "landscape", "portrait"]
    references = [[(node.tag, node.get(f"{W}type")) for node in section
                   if node.tag in (f"{W}headerReference", f"{W}footerReference")]
                  for section in sections]
    assert all(refs == references[-1] and refs for refs in references)
    # The cover's first page keeps its own setup; later parts count the pages on.
    starts = [section.find(f"{W}pgNumType") for section in sections]
    assert starts[0].get(f"{W}start") == "1"
    assert all(start is None or start.get(f"{W}start") is None for start in starts[1:])
    assert [section.find(f"{W}titlePg") is not None for section in sections] == [
        True, False, False, False, False]


def test_tables_on_landscape_pages_are_as_wide_as_the_page(landscape_docx):
    sections = _sections(landscape_docx)
    widths = {}
    for section in sections:
        size, margins = section.find(f"{W}pgSz"), section.find(f"{W}pgMar")
        widths[_orientation(section)] = (int(size.get(f"{W}w")) - int(margins.get(f"{W}left"))
                                         - int(margins.get(f"{W}right")))
    tables = read_docx(landscape_docx.read_bytes()).tables  # the frame's, then the body's
    assert [sum(table.column_widths) for table in tables[-2:]] == [widths["landscape"]] * 2
    assert widths["landscape"] > widths["portrait"]


def test_the_landscape_document_is_valid_word(landscape_docx):
    result = subprocess.run(
        [sys.executable, str(REPO / "tests" / "support" / "ooxml" / "validate_docx.py"),
         str(landscape_docx)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_document_ending_in_landscape_ends_on_landscape_pages(tmp_path):
    docx = _build(tmp_path, "- title: 目的\n  body: [甲]\n- title: 附表\n  landscape: true\n"
                            "  body: [乙]\n")
    assert [_orientation(section) for section in _sections(docx)] == ["portrait", "landscape"]


def test_without_landscape_the_body_stays_one_section(tmp_path):
    assert len(_sections(_build(tmp_path, "- title: 目的\n  body: [甲]\n"))) == 1


def _pages(pdf) -> list[tuple[float, float, str]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True,
                          text=True, check=True).stdout
    sizes = [(float(width), float(height)) for width, height in
             re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [(width, height, page) for (width, height), page in
            zip(sizes, text.split("\f"), strict=False)]


def test_landscape_pages_print_wide_with_the_header_and_the_page_count(
        libreoffice, tmp_path):
    docx = _build(tmp_path, SECTIONS, pdf=True)
    pages = _pages(docx.with_suffix(".pdf"))
    landscape = [page for page in pages if page[0] > page[1]]
    assert len(landscape) >= 2 and len(landscape) < len(pages)
    for _width, _height, text in landscape:
        assert "示例科技有限公司" in text and "DEMO-ITSS-0001" in text
    numbers = [int(found) for _w, _h, text in pages[1:]
               for found in re.findall(r"第\s*(\d+)\s*页", text)]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))
