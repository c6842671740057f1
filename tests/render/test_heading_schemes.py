"""A heading scheme is real Word numbering: written into the document's numbering part and
bound to the heading styles, so Word (as docgen's reader counts), the table of contents
and LibreOffice's PDF all show it; 第一条 counts on through the chapters."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from docgen.build import write_pdfs
from docgen.project import Project
from docgen.wordml.heading_labels import HeadingNumbering
from docgen.wordml.reader import read_docx
from tests.support.building import build
from tests.support.trees import ORG_YAML, TEMPLATES, demo_project, document_yaml, write_tree

VALIDATOR = Path(__file__).parents[1] / "support" / "ooxml" / "validate_docx.py"
SECTIONS = """\
- title: 总则
  sections:
    - title: 目的
      body: [为了规范。]
    - title: 范围
      id: scope
      body: ["适用范围见{{ section.scope.number }}，即{{ section.scope }}。"]
- title: 职责
  sections:
    - title: 质量部
      sections:
        - title: 审核
          sections:
            - title: 细则
              body: [正文]
    - title: 运维部
      body: [正文]
- title: 附则
  sections:
    - title: 解释
      id: last
      body: ["本制度由{{ section.last.number }}解释。"]
"""
TITLES = ["总则", "目的", "范围", "职责", "质量部", "审核", "细则", "运维部", "附则", "解释"]
# What each scheme labels the headings above, as Word and LibreOffice show them.
LABELS = {
    "1.": ["1.", "1.1.", "1.2.", "2.", "2.1.", "2.1.1.", "2.1.1.1.", "2.2.", "3.", "3.1."],
    "1": ["1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.1.1.1", "2.2", "3", "3.1"],
    # Decimal schemes whose levels differ in the final dot, written as their levels look;
    # the last form given counts for the levels below it.
    "1. / 1.1": ["1.", "1.1", "1.2", "2.", "2.1", "2.1.1", "2.1.1.1", "2.2", "3.", "3.1"],
    "1 / 1.1. / 1.1.1": ["1", "1.1.", "1.2.", "2", "2.1.", "2.1.1", "2.1.1.1", "2.2.", "3",
                         "3.1."],
    "gbt9704": ["一、", "（一）", "（二）", "二、", "（一）", "1.", "（1）", "（二）", "三、", "（一）"],
    # The articles count on through the chapters: 第三条 is the first of 第二章.
    "chapters": ["第一章", "第一条", "第二条", "第二章", "第三条", "（一）", "1.", "第四条", "第三章",
                 "第五条"],
}
SEPARATOR = {"1.": " ", "1": " ", "1. / 1.1": " ", "1 / 1.1. / 1.1.1": " ", "gbt9704": "", "chapters": None}


def _separator(scheme: str, label: str) -> str:
    if SEPARATOR[scheme] is not None:
        return SEPARATOR[scheme]
    return " " if label.startswith("第") else ""


def _project(root: Path, scheme: str) -> Path:
    return demo_project(root, org=ORG_YAML + f'style:\n  headings: "{scheme}"\n',
                        documents={"DEMO-ITSS-0001.yaml": document_yaml(SECTIONS)})


def _built(root: Path) -> Path:
    build(Project(root / "content", root / "templates" / "docx", root / "output"))
    [docx] = (root / "output" / "demo").glob("*.docx")
    return docx


@pytest.mark.parametrize("scheme", list(LABELS))
def test_a_heading_scheme_numbers_the_headings_with_word_numbering(tmp_path, scheme):
    docx = _built(_project(tmp_path, scheme))
    read = read_docx(docx.read_bytes())
    labels = LABELS[scheme]
    # The reader counts the document's numbering part as Word does: no label is typed.
    assert [(p.label, p.text) for p in read.headings] == list(zip(labels, TITLES, strict=True))
    assert all(p.text == title for p, title in zip(read.headings, TITLES, strict=True))
    assert [p.text for p in read.paragraphs if p.style.startswith("toc ")] == [
        f"{label}{_separator(scheme, label)}{title}\t"
        for label, title in zip(labels, TITLES, strict=True)]
    texts = [p.text for p in read.paragraphs]
    scope, last = labels[2], labels[9]
    assert f"适用范围见{scope}，即{scope}{_separator(scheme, scope)}范围。" in texts
    assert f"本制度由{last}解释。" in texts
    checked = subprocess.run([sys.executable, str(VALIDATOR), "-q", str(docx)], capture_output=True,
                             text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_scheme_is_bound_to_the_heading_styles_so_a_user_can_change_it_in_word(tmp_path):
    numbering = HeadingNumbering.of_package(_built(_project(tmp_path, "chapters")).read_bytes())
    # Heading 1 is the chapters' list, Heading 2..4 the articles' list of its own.
    chapters = numbering.definitions.definition(numbering._numbering_of("Heading1")[0])
    articles = numbering.definitions.definition(numbering._numbering_of("Heading2")[0])
    assert chapters is not articles
    assert (chapters.levels[0].text, chapters.levels[0].number_format,
            chapters.levels[0].style) == ("第%1章", "chineseCounting", "Heading1")
    assert [(articles.levels[i].text, articles.levels[i].style) for i in range(3)] == [
        ("第%1条", "Heading2"), ("（%2）", "Heading3"), ("%3.", "Heading4")]


def test_a_scheme_with_and_without_final_dots_is_one_list_whose_levels_end_as_written(
        tmp_path):
    numbering = HeadingNumbering.of_package(_built(_project(tmp_path, "1. / 1.1")).read_bytes())
    definition = numbering.definitions.definition(numbering._numbering_of("Heading1")[0])
    assert numbering._numbering_of("Heading4")[0] == numbering._numbering_of("Heading1")[0]
    assert [(definition.levels[i].text, definition.levels[i].style) for i in range(4)] == [
        ("%1.", "Heading1"), ("%1.%2", "Heading2"), ("%1.%2.%3", "Heading3"),
        ("%1.%2.%3.%4", "Heading4")]


def test_without_a_scheme_the_templates_own_heading_list_numbers_the_headings(tmp_path):
    demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": document_yaml(SECTIONS)})
    read = read_docx(_built(tmp_path).read_bytes())
    assert [p.label for p in read.headings] == LABELS["1."]


def test_libreoffice_shows_each_scheme_in_the_headings_and_the_table_of_contents(
        libreoffice, tmp_path):
    files = {}
    for index, scheme in enumerate(LABELS):
        prefix = f"S{index}"
        files[f"content/s{index}/org.yaml"] = (ORG_YAML.replace("DEMO", prefix)
                                               + f'style:\n  headings: "{scheme}"\n')
        files[f"content/s{index}/{prefix}-ITSS-0001.yaml"] = document_yaml(SECTIONS).replace(
            "DEMO-", f"{prefix}-")
    write_tree(tmp_path, files)
    result = build(Project(tmp_path / "content", TEMPLATES, tmp_path / "output"), pdf=True)
    write_pdfs(result)
    for index, scheme in enumerate(LABELS):
        [pdf] = (tmp_path / "output" / f"s{index}").glob("*.pdf")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        contents, body = text.split("目录", 1)[1].split("\f", 1)
        lines = [" ".join(line.split()) for line in body.splitlines() if line.strip()]
        contents_lines = ["".join(line.split()).split("...")[0] for line in contents.splitlines()
                          if "..." in line]
        for label, title in zip(LABELS[scheme], TITLES, strict=True):
            assert f"{label}{_separator(scheme, label)}{title}".replace("  ", " ") in lines \
                or f"{label} {title}" in lines, (scheme, label, title)
        assert contents_lines == [label + title for label, title in
                                  zip(LABELS[scheme], TITLES, strict=True)], scheme
