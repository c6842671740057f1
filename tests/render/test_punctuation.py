"""Every CJK punctuation mark of a document is on its PDF's pages.

A full-width mark that falls at the end of a line used to vanish from the PDF: in a
justified paragraph LibreOffice let it hang past the right margin and then did not
draw it at all ("根据工作需要，组织员工…" came out as "根据工作需要组织员工…").
These tests count the marks mark by mark, in the .docx and in the PDF's text layer.

Like the other PDF tests they need LibreOffice and poppler-utils, and are skipped with
the reason without them (except on CI, where that is a failure; see conftest.py).
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from docgen.build import write_pdfs
from docgen.project import Project
from docgen.wordml.reader import ReadTable, read_docx
from tests.support.building import build
from tests.support.trees import REPO, demo_project, document_yaml

MARKS = "，。；：、！？（）《》“”"
NUMBERS = sorted(path.stem for path in (REPO / "content" / "yntd").glob("*.yaml")
                 if path.stem != "org")


def marks_in(text: str) -> Counter[str]:
    return Counter(char for char in text if char in MARKS)


def docx_marks(docx: Path, page_count: int) -> Counter[str]:
    """Return the CJK punctuation marks the pages of `docx` show, mark by mark.

    That is every mark of the body as read back from the .docx (cover, signoff table,
    revision table, table of contents, headings, paragraphs, list items, table cells,
    with the labels numbering draws), plus the marks of the page header and footer
    once for each page that shows them: every page but the cover (the template's
    first-page header and footer are empty). The table of contents is the one docgen
    wrote, entry by entry; LibreOffice's update rewrites only its page numbers.
    """
    document = read_docx(docx)
    texts = []
    for block in document.blocks:
        if isinstance(block, ReadTable):
            texts += [paragraph.display for row in block.rows for cell in row
                      for paragraph in cell.paragraphs]
        else:
            texts.append(block.display)
    frame = marks_in("".join(document.headers + document.footers))
    return marks_in("".join(texts)) + Counter(
        {mark: count * (page_count - 1) for mark, count in frame.items()})


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def assert_every_mark_is_drawn(docx: Path, pdf: Path) -> None:
    """The PDF's text layer holds each mark exactly as often as the .docx's pages do."""
    text = pdf_text(pdf)
    expected = docx_marks(docx, page_count=text.count("\f"))
    found = marks_in(text)
    report = {mark: (expected[mark], found[mark]) for mark in MARKS
              if expected[mark] != found[mark]}
    assert not report, f"mark: (in the .docx, in the PDF): {report}"
    assert sum(expected.values()) > 0


@pytest.mark.parametrize("number", NUMBERS)
def test_every_punctuation_mark_of_a_bundled_document_is_drawn(number, yntd_pdfs):
    docx, pdf = yntd_pdfs[number]
    assert_every_mark_is_drawn(docx, pdf)


# --- a document dense with punctuation -------------------------------------------------

_WORDS = ["运维服务", "质量管理体系", "事件响应", "服务级别协议", "变更管理流程", "配置管理数据库",
          "持续改进", "客户满意度调查", "备件库存", "知识库", "应急预案", "服务台", "外包供应商",
          "信息安全", "容量管理", "可用性", "培训计划", "内部审核", "管理评审", "绩效考核"]
_STOPS = "，、；：，。！？，、"
_PAIRS = ["“”", "《》", "（）"]


def dense_paragraph(seed: int, length: int = 320) -> str:
    """Return about `length` characters of Chinese prose with a mark every few
    characters; the clause lengths and marks vary with `seed`, so that across many
    paragraphs every kind of mark falls at the end of some line."""
    text = ""
    step = 0
    while len(text) < length:
        step += 1
        word = _WORDS[(seed * 7 + step * 3) % len(_WORDS)]
        words = word + _WORDS[(seed + step * 5) % len(_WORDS)][: (seed + step) % 4]
        if (seed + step) % 5 == 0:
            opening, closing = _PAIRS[(seed + step) % len(_PAIRS)]
            words = opening + words + closing
        text += words + _STOPS[(seed * 3 + step) % len(_STOPS)]
    return text[:-1] + "。"


def dense_document(paragraphs: int = 40) -> str:
    """Return the YAML of a document of long paragraphs, list items and table cells
    that are dense with CJK punctuation."""
    def quoted(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML scalar

    body = "".join(f"      - {quoted(dense_paragraph(seed))}\n" for seed in range(paragraphs))
    items = "".join(f"          - {quoted(dense_paragraph(seed, 150))}\n"
                    for seed in range(paragraphs, paragraphs + 8))
    rows = "".join(f"          - [{quoted(dense_paragraph(seed, 12))}, "
                   f"{quoted(dense_paragraph(seed, 90))}]\n"
                   for seed in range(paragraphs + 8, paragraphs + 14))
    return document_yaml(
        "- title: 标点\n"
        "  body:\n" + body
        + "      - numbered:\n" + items
        + "      - table:\n"
          "          header:\n"
          "            - [事项, 说明]\n"
          "          rows:\n" + rows.replace("          - [", "            - ["))


@pytest.fixture(scope="module")
def dense_pdf(libreoffice, tmp_path_factory):
    root = demo_project(tmp_path_factory.mktemp("punctuation"),
                        documents={"DEMO-ITSS-0001.yaml": dense_document()})
    result = build(Project(root / "content", root / "templates" / "docx", root / "output"),
                   pdf=True)
    write_pdfs(result)
    [job] = result.pdf_jobs
    return job.docx, job.pdf


def test_the_dense_document_has_every_kind_of_mark(dense_pdf):
    docx, _pdf = dense_pdf
    counts = docx_marks(docx, page_count=1)
    assert set(counts) == set(MARKS)
    assert sum(counts.values()) > 1500


def test_every_punctuation_mark_of_a_dense_document_is_drawn(dense_pdf):
    assert_every_mark_is_drawn(*dense_pdf)

