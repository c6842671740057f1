"""**粗体** in prose, list items, table cells and captions prints as a bold run; a single *,
as in the formulas of the bundled plans, prints as written."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile

import pytest
from lxml import etree

from docgen.project import Project
from docgen.wordml.body import runs
from docgen.wordml.emphasis import plain, segments
from docgen.wordml.reader import read_docx
from tests.support.building import build
from tests.support.trees import REPO, TEMPLATES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EMPHASIZED = {
    "招聘费用预计10000元。": "招聘费用预计**10000元**。",
    "战略对齐与价值导向：": "战略对齐与**价值导向**：",  # a plain scalar may not start with *
    "- 会议电视运维工程师": "- 会议电视**运维工程师**",
    "caption: 2025年培训计划表": "caption: 2025年**培训计划表**",
}


@pytest.mark.parametrize(("text", "expected"), [
    ("实际招聘人数/计划招聘人数*100%", [("实际招聘人数/计划招聘人数*100%", False)]),
    ("预计**10000元**。", [("预计", False), ("10000元", True), ("。", False)]),
    ("**a*b**", [("a*b", True)]),
    ("x**2 y", [("x**2 y", False)]),
    (r"\*\*不加粗\*\*", [("**不加粗**", False)]),
    ("****", [("****", False)]),
])
def test_double_asterisks_mark_bold_and_a_single_asterisk_is_text(text, expected):
    assert segments(text) == expected
    assert plain(text) == "".join(piece for piece, _ in expected)


def test_a_bold_run_carries_w_b_first_in_its_properties():
    assert runs("甲**乙**", emphasis=True) == (
        "<w:r><w:t>甲</w:t></w:r><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>乙</w:t></w:r>")
    assert runs("甲**乙**") == "<w:r><w:t>甲**乙**</w:t></w:r>"  # headings: as written


@pytest.fixture(scope="module")
def emphasized_plan(tmp_path_factory):
    """The bundled plan YNTD-ITSS-0303 with emphasis in a paragraph, a list item, a table
    cell and a caption, built: its .docx path."""
    root = tmp_path_factory.mktemp("emphasis")
    shutil.copytree(REPO / "content", root / "content")
    source = root / "content" / "yntd" / "YNTD-ITSS-0303.yaml"
    text = source.read_text(encoding="utf-8")
    for before, after in EMPHASIZED.items():
        assert before in text
        text = text.replace(before, after, 1)
    source.write_text(text, encoding="utf-8")
    build(Project(root / "content", TEMPLATES, root / "output"), ["YNTD-ITSS-0303"])
    [docx] = (root / "output" / "yntd").glob("YNTD-ITSS-0303*.docx")
    return docx


def _bold_texts(docx) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(docx.read_bytes())) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return ["".join(run.itertext()) for run in root.iter(f"{W}r")
            if run.find(f"{W}rPr/{W}b") is not None
            and run.getparent().find(f"{W}pPr/{W}pStyle") is not None]


def test_emphasis_prints_bold_in_paragraphs_lists_cells_and_captions(emphasized_plan):
    read = read_docx(emphasized_plan.read_bytes())
    texts = [paragraph.text for paragraph in read.paragraphs]
    assert "招聘费用预计10000元。" in texts
    assert any(text.startswith("战略对齐与价值导向：") for text in texts)
    assert any(text.endswith(" 2025年培训计划表") for text in texts)
    cells = [cell.text for table in read.tables for row in table.rows for cell in row]
    assert "会议电视运维工程师" in cells
    assert not any("**" in text for text in texts + cells)
    bold = _bold_texts(emphasized_plan)
    for expected in ["10000元", "价值导向", "运维工程师", "培训计划表"]:
        assert expected in bold


def test_formulas_with_a_single_asterisk_print_unchanged(emphasized_plan):
    read = read_docx(emphasized_plan.read_bytes())
    cells = [cell.text for table in read.tables for row in table.rows for cell in row]
    texts = cells + [paragraph.text for paragraph in read.paragraphs]
    assert any("实际招聘人数/计划招聘人数*100%" in text for text in texts)


def test_the_emphasized_plan_is_valid_word(emphasized_plan):
    result = subprocess.run(
        [sys.executable, str(REPO / "tests" / "support" / "ooxml" / "validate_docx.py"),
         str(emphasized_plan)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
