"""One house style prints every number and date: a document built in another style
follows it on the cover, in the revision table, the headings, the table of contents,
the captions and the prose that cites sections and tables."""

from __future__ import annotations

import dataclasses
import importlib.util
import zipfile
from pathlib import Path

import pytest

from docgen.content.loader import load_content
from docgen.content.resolve import resolve_content
from docgen.render.docx import render_docx
from docgen.style import DEFAULT_STYLE, HouseStyle
from docgen.wordml.document import WordTemplate
from docgen.wordml.heading_labels import HeadingNumbering
from docgen.wordml.reader import read_docx
from tests.support.trees import REPO, TEMPLATES, demo_project, document_yaml

# Dates 2025年1月9日, captions 表1 表2 … through the document, headings 1 / 2.1 without
# a trailing dot: three edits, all to the style.
OTHER_STYLE = HouseStyle(date_format="%Y年%-m月%-d日", caption_format="表{number}",
                         captions_restart=False,
                         heading_levels=("%1", "%1.%2", "%1.%2.%3", "%1.%2.%3.%4"))
SECTIONS = """\
    - title: 目的
      body:
        - "人员安排见{{ section.staff.number }}和{{ table.plan.number }}，即{{ section.staff }}。"
        - table: {caption: 职责表, header: [[部门, 职责]], rows: [[质量部, 审核]]}
    - title: 实施
      sections:
        - title: 人员
          id: staff
          body:
            - table: {id: plan, caption: 招聘计划表, header: [[岗位, 人数]], rows: [[工程师, 2]]}
"""


def _generator():
    spec = importlib.util.spec_from_file_location("make_template",
                                                  REPO / "scripts" / "make_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def built(tmp_path: Path, style: HouseStyle):
    """Return the demo document resolved and rendered in `style`, read back."""
    demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": document_yaml(SECTIONS)},
                 templates=False)
    # org.yaml does not declare a house style yet: set it as the loader would.
    content = [dataclasses.replace(org, style=style)
               for org in load_content(tmp_path / "content")]
    [document] = resolve_content(content).documents
    template = tmp_path / "controlled-document.docx"
    template.write_bytes(_generator().template_bytes("controlled-document", style))
    return read_docx(render_docx(document, WordTemplate(template)))


def test_a_document_in_another_house_style_follows_it_everywhere(tmp_path):
    read = built(tmp_path, OTHER_STYLE)
    texts = [p.display for p in read.paragraphs]
    assert [(p.label, p.text) for p in read.headings] == [
        ("1", "目的"), ("2", "实施"), ("2.1", "人员")]
    assert [p.text for p in read.paragraphs if p.style.startswith("toc ")] == [
        "1 目的\t", "2 实施\t", "2.1 人员\t"]
    assert "人员安排见2.1和表2，即2.1 人员。" in texts
    assert [p.text for p in read.paragraphs if p.style == "caption"] == ["表1 职责表",
                                                                          "表2 招聘计划表"]
    signoff, revisions = ([[cell.text for cell in row] for row in table.rows]
                          for table in read.tables[:2])
    assert signoff == [["编制人：张三", "编制时间：2025年1月7日"], ["审核人：李四", "审核时间：2025年1月8日"],
                       ["批准人：王五", "审批时间：2025年1月9日"]]
    assert revisions[2] == ["V1.0", "张三", "2025年1月7日", "李四", "2025年1月8日", "王五",
                            "2025年1月9日", "首次发布"]


def test_the_default_house_style_is_the_one_docgen_has_always_written(tmp_path):
    read = built(tmp_path, DEFAULT_STYLE)
    texts = [p.display for p in read.paragraphs]
    assert [p.display for p in read.headings] == ["1. 目的", "2. 实施", "2.1. 人员"]
    assert "人员安排见2.1.和表2-1，即2.1. 人员。" in texts
    assert [p.text for p in read.paragraphs if p.style == "caption"] == ["表1-1 职责表",
                                                                          "表2-1 招聘计划表"]
    assert [cell.text for cell in read.tables[1].rows[2]] == [
        "V1.0", "张三", "2025.01.07", "李四", "2025.01.08", "王五", "2025.01.09", "首次发布"]


@pytest.mark.parametrize("style", [DEFAULT_STYLE, OTHER_STYLE])
def test_the_template_numbers_headings_as_the_house_style_does(style):
    template = (TEMPLATES / "controlled-document.docx").read_bytes() if style is DEFAULT_STYLE \
        else _generator().template_bytes("controlled-document", style)
    numbering = HeadingNumbering.of_package(template)
    sequence = [(1,), (1, 1), (1, 1, 1), (1, 1, 1, 1), (1, 1, 1, 2), (1, 2), (2,), (2, 1),
                (2, 1, 1), *[(n,) for n in range(3, 11)], (10, 1), (10, 2)]
    labels = numbering.labels([len(numbers) for numbers in sequence])
    assert labels == [style.heading_number(numbers) for numbers in sequence]


def test_templates_may_format_dates_and_numbers_with_filters(tmp_path):
    with zipfile.ZipFile(TEMPLATES / "controlled-document.docx") as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        "版本：{{ doc.version }}".encode(),
        "版本：{{ doc.version }}，{{ doc.effective_date | date('%Y年%-m月%-d日') }}，"
        "{{ doc.effective_date }}，第{{ revisions | length | number('chineseCounting') }}版，"
        "{{ doc.effective_date.year }}".encode())
    template = tmp_path / "filters.docx"
    with zipfile.ZipFile(template, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    demo_project(tmp_path, templates=False)
    [document] = resolve_content(load_content(tmp_path / "content")).documents
    read = read_docx(render_docx(document, WordTemplate(template)))
    assert "版本：V1.0，2025年1月9日，2025.01.09，第一版，2025" in [p.text for p in read.paragraphs]
