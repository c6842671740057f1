"""Templates as office suites save them: restyled in Word, WPS or LibreOffice, a template
keeps working as it looks, and a template docgen cannot use as it looks is refused.

Word-saved templates are made here with python-docx, writing what Word writes; the
LibreOffice-saved one is the bundled template converted by LibreOffice, as a user who
restyles it there would save it. Every document built is checked against the schema.
"""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from lxml import etree

from docgen.cli import main
from tests.support.ooxml import violations
from tests.support.trees import demo_project, document_yaml

TEMPLATE = "templates/docx/controlled-document.docx"
OUTPUT = "output/demo/DEMO-ITSS-0001 示例管理计划 V1.0.docx"
REFUSED = "docgen: the template cannot be used; nothing was written."


def body_paragraph(document: docx.document.Document):
    return next(p for p in document.paragraphs if p.text == "{{ body }}")


def edit_template(root: Path, edit: Callable[[docx.document.Document], None]) -> None:
    """Open the project's template with python-docx, edit it, and save it as Word would."""
    path = root / TEMPLATE
    document = docx.Document(str(path))
    edit(document)
    document.save(str(path))


def no_break_property(document) -> None:
    properties = body_paragraph(document)._p.pPr
    properties.remove(properties.find(qn("w:pageBreakBefore")))


def ctrl_enter_before_the_tag(document) -> None:
    """Word's Ctrl+Enter typed before {{ body }}: a page-break run in its paragraph."""
    no_break_property(document)
    paragraph = body_paragraph(document)
    run = paragraph.runs[0]._r
    breaking = copy.deepcopy(run)
    for child in list(breaking):
        if child.tag != qn("w:rPr"):
            breaking.remove(child)
    run.addprevious(breaking)
    paragraph.runs[0].add_break(WD_BREAK.PAGE)


def style_breaks_the_page(document) -> None:
    """A paragraph style 'Body Start' with 'page break before', given to {{ body }}."""
    no_break_property(document)
    style = document.styles.add_style("Body Start", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.paragraph_format.page_break_before = True
    body_paragraph(document).style = style


def section_ends_at_the_tag(document) -> None:
    """A section break after {{ body }}: its paragraph holds the section's properties."""
    section = document.element.body.find(qn("w:sectPr"))
    body_paragraph(document)._p.get_or_add_pPr().append(copy.deepcopy(section))


def saved_by_libreoffice(root: Path, work: Path) -> None:
    """The template opened and saved again by LibreOffice, as a .docx."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    profile = (work / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "saved"),
                    str(root / TEMPLATE)], check=True, capture_output=True, timeout=300)
    shutil.copy(work / "saved" / "controlled-document.docx", root / TEMPLATE)


def first_heading_starts_a_page(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    heading = next(p for p in root.iter(qn("w:p"))
                   if p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None
                   and p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "Heading1")
    return heading.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None


def body_texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


@pytest.fixture
def project(tmp_path: Path, in_folder) -> Path:
    return in_folder(demo_project(tmp_path / "project"))


@pytest.mark.parametrize("make", [
    pytest.param(lambda root, work: None, id="the bundled template"),
    pytest.param(lambda root, work: edit_template(root, ctrl_enter_before_the_tag),
                 id="Ctrl+Enter typed before the tag"),
    pytest.param(lambda root, work: edit_template(root, style_breaks_the_page),
                 id="a style with page break before"),
    pytest.param(lambda root, work: edit_template(root, section_ends_at_the_tag),
                 id="a section ends with the tag's paragraph"),
    pytest.param(saved_by_libreoffice, id="saved by LibreOffice"),
])
def test_the_body_starts_on_a_new_page_however_the_template_says_so(make, project, runner,
                                                                   tmp_path):
    make(project, tmp_path)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    output = project / OUTPUT
    assert first_heading_starts_a_page(output)
    assert "1. 目的" not in body_texts(output)  # numbered by the list, not typed
    assert not [text for text in body_texts(output) if "docgen-body" in text]
    assert violations(output) == ""


def test_a_section_that_ends_with_the_tag_still_ends_after_the_body(project, runner):
    edit_template(project, section_ends_at_the_tag)
    assert runner.invoke(main, ["build"]).exit_code == 0
    document = docx.Document(str(project / OUTPUT))
    assert len(document.sections) == 2
    last_of_first = document.sections[0]._sectPr.getparent().getparent()
    assert last_of_first.getprevious().tag == qn("w:p")
    assert body_texts(project / OUTPUT)[-2:] == ["为了规范运维服务。", ""]


def second_tag_after(document) -> None:
    paragraph = body_paragraph(document)._p
    paragraph.addnext(copy.deepcopy(paragraph))


def tag_in_a_table_cell(document) -> None:
    paragraph = body_paragraph(document)
    table = document.add_table(rows=1, cols=1)
    paragraph._p.addprevious(table._tbl)
    table.cell(0, 0).paragraphs[0]._p.addnext(copy.deepcopy(paragraph._p))
    paragraph._p.getparent().remove(paragraph._p)


def tag_in_the_header_too(document) -> None:
    document.sections[0].header.add_paragraph("{{ body }}")


@pytest.mark.parametrize("edit, message, hint", [
    pytest.param(second_tag_after,
                 "the template has 2 {{ body }} tags; a document has one body",
                 "keep one {{ body }}, alone in the paragraph where the numbered body should "
                 "start, and delete the others", id="two body paragraphs"),
    pytest.param(tag_in_the_header_too,
                 "the template has 2 {{ body }} tags; a document has one body",
                 "keep one {{ body }}, alone in the paragraph where the numbered body should "
                 "start, and delete the others", id="a second tag in the page header"),
    pytest.param(tag_in_a_table_cell,
                 "the {{ body }} tag is in a table cell, where the body's headings and tables "
                 "cannot go",
                 "put {{ body }} alone in its own paragraph, in the main text (not in a table, "
                 "text box, header or footer)", id="the tag in a table cell"),
])
def test_a_body_tag_that_cannot_hold_the_body_is_refused(edit, message, hint, project, runner):
    edit_template(project, edit)
    result = runner.invoke(main, ["build"])
    assert result.stderr.splitlines() == [f"{TEMPLATE}: error: {message}", f"    hint: {hint}",
                                          REFUSED]
    assert result.exit_code == 2
    assert not (project / "output").exists()


def with_numbering_cleanup(root: Path) -> None:
    """Word's numIdMacAtCleanup at the end of numbering.xml, as Word saves it."""
    path = root / TEMPLATE
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    numbering = etree.fromstring(parts["word/numbering.xml"])
    highest = max(int(num.get(qn("w:numId"))) for num in numbering.iter(qn("w:num")))
    etree.SubElement(numbering, qn("w:numIdMacAtCleanup")).set(qn("w:val"), str(highest))
    parts["word/numbering.xml"] = etree.tostring(numbering, xml_declaration=True,
                                                 encoding="UTF-8", standalone=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def test_lists_are_numbered_in_schema_order_in_a_template_word_saved(project, runner):
    with_numbering_cleanup(project)
    (project / "content/demo/DEMO-ITSS-0001.yaml").write_text(document_yaml("""\
        - title: 目的
          body:
            - numbered: [制订计划, 组织实施]
            - bullets: [甲, 乙]
        """), encoding="utf-8")
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert violations(project / OUTPUT) == ""
