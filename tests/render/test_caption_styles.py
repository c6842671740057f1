"""Table captions are numbered per chapter (表2-1), through the document (表3) or not at all
(a title only), above or below the table; a table given its own number (`number: 5`)
shows it, is cited by it, and the tables after it count on from it."""

from __future__ import annotations

import pytest

from docgen.content.loader import load_content
from docgen.content.resolve import resolve_content
from docgen.errors import ContentError
from docgen.messages import render
from docgen.project import Project
from docgen.wordml.reader import ReadParagraph, ReadTable, read_docx
from tests.support.building import build
from tests.support.trees import ORG_YAML, demo_project, document_yaml

SECTIONS = """\
- title: 职责
  body:
    - table: {id: a, caption: 职责表, header: [[部门]], rows: [[质量部]]}
    - table: {id: b, caption: 岗位表, header: [[岗位]], rows: [[经理]]}
- title: 计划
  body:
    - table: {id: c, caption: 招聘计划表, header: [[人数]], rows: [["2"]]}
    - "见{{ table.a.number }}、{{ table.b.number }}和{{ table.c.number }}。"
"""
CAPTIONS = ["职责表", "岗位表", "招聘计划表"]


def _read(tmp_path, style: str, sections: str = SECTIONS):
    demo_project(tmp_path, org=ORG_YAML + style,
                 documents={"DEMO-ITSS-0001.yaml": document_yaml(sections)})
    build(Project(tmp_path / "content", tmp_path / "templates" / "docx", tmp_path / "output"))
    [docx] = (tmp_path / "output" / "demo").glob("*.docx")
    return read_docx(docx.read_bytes())


def _captions_and_tables(read) -> list[str]:
    """Return the body from the first heading on: 'table' for a table, a caption's text."""
    body = read.blocks[next(i for i, b in enumerate(read.blocks)
                            if isinstance(b, ReadParagraph) and b.heading_level):]
    return ["table" if isinstance(block, ReadTable) else block.text for block in body
            if isinstance(block, ReadTable) or block.style == "caption"]


@pytest.mark.parametrize(("numbering", "numbers"), [
    ("chapter", ["表1-1", "表1-2", "表2-1"]), ("document", ["表1", "表2", "表3"])])
@pytest.mark.parametrize("position", ["above", "below"])
def test_captions_are_numbered_as_the_house_style_says_above_or_below(
        tmp_path, numbering, numbers, position):
    read = _read(tmp_path, f"style:\n  captions: {{numbering: {numbering}, position: {position}}}\n")
    captions = [f"{number} {caption}" for number, caption in zip(numbers, CAPTIONS, strict=True)]
    pairs = [[caption, "table"] if position == "above" else ["table", caption]
             for caption in captions]
    assert _captions_and_tables(read) == [item for pair in pairs for item in pair]
    assert f"见{numbers[0]}、{numbers[1]}和{numbers[2]}。" in [p.text for p in read.paragraphs]


def test_unnumbered_captions_are_a_title_only_and_cannot_be_cited_by_number(tmp_path):
    sections = SECTIONS.replace(
        '"见{{ table.a.number }}、{{ table.b.number }}和{{ table.c.number }}。"',
        '"见{{ table.c.caption }}。"')
    read = _read(tmp_path, "style:\n  captions: {numbering: none}\n", sections)
    assert _captions_and_tables(read) == [CAPTIONS[0], "table", CAPTIONS[1], "table",
                                          CAPTIONS[2], "table"]
    assert "见招聘计划表。" in [p.text for p in read.paragraphs]
    demo_project(tmp_path / "cited", org=ORG_YAML + "style:\n  captions: {numbering: none}\n",
                 documents={"DEMO-ITSS-0001.yaml": document_yaml(SECTIONS)}, templates=False)
    with pytest.raises(ContentError) as caught:
        resolve_content(load_content(tmp_path / "cited" / "content"))
    # The paragraph stops at its first citation that cannot be printed.
    assert [render(problem.what)[0] for problem in caught.value.problems] == [
        "{{ table.a.number }} cites the number of table 'a', but the house style does not "
        "number tables"]


@pytest.mark.parametrize(("numbering", "numbers"), [
    ("chapter", ["表1-1", "表1-5", "表2-1"]), ("document", ["表1", "表5", "表6"])])
def test_a_table_given_its_own_number_shows_it_and_the_next_count_on_from_it(
        tmp_path, numbering, numbers):
    sections = SECTIONS.replace("caption: 岗位表,", "caption: 岗位表, number: 5,")
    read = _read(tmp_path, f"style:\n  captions: {{numbering: {numbering}}}\n", sections)
    assert [text for text in _captions_and_tables(read) if text != "table"] == [
        f"{number} {caption}" for number, caption in zip(numbers, CAPTIONS, strict=True)]
    assert f"见{numbers[0]}、{numbers[1]}和{numbers[2]}。" in [p.text for p in read.paragraphs]


def test_a_number_for_a_table_of_a_style_that_numbers_none_is_refused_at_its_line(tmp_path):
    sections = SECTIONS.replace("caption: 岗位表,", "caption: 岗位表, number: 5,").replace(
        '"见{{ table.a.number }}、{{ table.b.number }}和{{ table.c.number }}。"', "正文")
    demo_project(tmp_path, org=ORG_YAML + "style:\n  captions: {numbering: none}\n",
                 documents={"DEMO-ITSS-0001.yaml": document_yaml(sections)}, templates=False)
    with pytest.raises(ContentError) as caught:
        resolve_content(load_content(tmp_path / "content"))
    [problem] = caught.value.problems
    assert (problem.location.line, render(problem.what)[0]) == (
        18, "the table is given the number 5, but the house style does not number tables")
