"""List labels come from the house style, or from the list itself: numbering definitions,
never typed text, read back as Word counts them."""

from __future__ import annotations

import pytest

from docgen.project import Project
from docgen.wordml.reader import read_docx
from tests.support.building import build
from tests.support.trees import ORG_YAML, demo_project, document_yaml

SECTIONS = """\
- title: 要求
  body:
    - numbered: [甲, 乙]
    - bullets: [丙, 丁]
    - {numbered: [戊, 己], format: "1."}
    - {bullets: [庚], format: "-"}
    - table: {header: [[甲, 乙]], rows: [[{bullets: [申, 酉]}, {numbered: [戌, 亥]}]]}
"""


def _read(tmp_path, style: str):
    demo_project(tmp_path, org=ORG_YAML + style,
                 documents={"DEMO-ITSS-0001.yaml": document_yaml(SECTIONS)})
    build(Project(tmp_path / "content", tmp_path / "templates" / "docx", tmp_path / "output"))
    [docx] = (tmp_path / "output" / "demo").glob("*.docx")
    return read_docx(docx.read_bytes())


def _labels(read) -> list[tuple[str, str]]:
    heading_texts = {p.text for p in read.headings}
    return [(p.label, p.text) for p in read.paragraphs if p.label and p.text not in heading_texts]


@pytest.mark.parametrize(("numbered", "first", "second"), [
    ("1.", "1.", "2."), ("1、", "1、", "2、"), ("(1)", "(1)", "(2)"), ("（1）", "（1）", "（2）"),
    ("1)", "1)", "2)"), ("①", "①", "②"), ("a.", "a.", "b.")])
@pytest.mark.parametrize("bullet", ["•", "➤", "■", "-"])
def test_the_house_style_labels_every_list_a_list_does_not_label_itself(
        tmp_path, numbered, first, second, bullet):
    read = _read(tmp_path, f'style:\n  numbered_lists: "{numbered}"\n  bullets: "{bullet}"\n')
    assert _labels(read) == [(first, "甲"), (second, "乙"), (bullet, "丙"), (bullet, "丁"),
                             ("1.", "戊"), ("2.", "己"), ("-", "庚")]
    # Lists inside table cells follow the house style too.
    cells = read.tables[-1].rows[1]
    assert [(line.label, line.text) for cell in cells for line in cell.paragraphs] == [
        (bullet, "申"), (bullet, "酉"), (first, "戌"), (second, "亥")]


def test_without_a_style_lists_are_labelled_as_docgen_always_has(tmp_path):
    read = _read(tmp_path, "")
    assert _labels(read)[:4] == [("1.", "甲"), ("2.", "乙"), ("•", "丙"), ("•", "丁")]
