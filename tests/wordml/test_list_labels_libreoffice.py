"""List labels read back from files saved by LibreOffice agree with what LibreOffice shows.

Each test writes a small .docx, has LibreOffice open it and save it again as .docx
(LibreOffice rewrites numbering.xml its own way: LibreOffice 7.4 writes chineseCounting
as chineseCountingThousand, and continues a restarted list in a further w:num of the
same definition, which only counting per definition gets right), then reads the labels of that LibreOffice-saved file twice: with
docgen's reader, and as LibreOffice itself prints them in a plain-text export.
"""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from docgen.errors import LibreOfficeError
from docgen.render.libreoffice import find_libreoffice
from docgen.wordml.reader import read_docx
from tests.support.wordml_files import W_NS, docx_bytes, paragraph


@pytest.fixture(scope="session")
def soffice() -> Path:
    try:
        return find_libreoffice().soffice
    except LibreOfficeError as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the LibreOffice tests, but: {error.message}")
        pytest.skip(f"{error.message} ({error.hint})")


def convert(soffice: Path, source: Path, target_filter: str, extension: str) -> Path:
    """Return the file LibreOffice writes converting `source` with `target_filter`."""
    profile = source.parent / "profile"
    subprocess.run([str(soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", target_filter, "--outdir", str(source.parent / extension),
                    str(source)], check=True, capture_output=True, timeout=180)
    converted = source.parent / extension / f"{source.stem}.{extension}"
    assert converted.exists(), f"LibreOffice wrote no {extension} for {source.name}"
    return converted


def level(ilvl: int, number_format: str, text: str, style: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>'
            + (f'<w:pStyle w:val="{style}"/>' if style else "")
            + f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{420 * (ilvl + 1)}" w:hanging="420"/></w:pPr></w:lvl>')


def single_level_list(abstract_id: int, number_format: str, text: str) -> str:
    return (f'<w:abstractNum w:abstractNumId="{abstract_id}">'
            '<w:multiLevelType w:val="hybridMultilevel"/>'
            + "".join(level(ilvl, number_format, text.replace("%1", f"%{ilvl + 1}"))
                      for ilvl in range(9)) + "</w:abstractNum>")


def source_document() -> bytes:
    """A document for LibreOffice to re-save: Chinese chapters with "%1.%2" sections bound
    to the heading styles, a "1." list restarted by a startOverride, and lists in ①,
    （一） and 甲 running past ten."""
    headings = (level(0, "chineseCounting", "第%1章", "Heading1")
                + level(1, "decimal", "%1.%2", "Heading2")
                + "".join(level(ilvl, "decimal", f"%{ilvl + 1}.") for ilvl in range(2, 9)))
    numbering = (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">'
        f'<w:multiLevelType w:val="multilevel"/>{headings}</w:abstractNum>'
        + single_level_list(1, "decimal", "%1.")
        + single_level_list(2, "decimalEnclosedCircle", "%1")
        + single_level_list(3, "chineseCounting", "（%1）")
        + single_level_list(4, "ideographTraditional", "%1、")
        + "".join(f'<w:num w:numId="{num}"><w:abstractNumId w:val="{abstract}"/></w:num>'
                  for num, abstract in ((1, 0), (2, 1), (4, 2), (5, 3), (6, 4)))
        + '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>')
    styles = (
        f'<w:styles xmlns:w="{W_NS}">'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "</w:style>"
        + "".join(f'<w:style w:type="paragraph" w:styleId="Heading{n}">'
                  f'<w:name w:val="heading {n}"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr>'
                  f'<w:ilvl w:val="{n - 1}"/><w:numId w:val="1"/></w:numPr>'
                  f'<w:outlineLvl w:val="{n - 1}"/></w:pPr></w:style>' for n in (1, 2))
        + "</w:styles>")
    body = []
    for chapter in range(1, 13):
        body.append(paragraph(f"章节{chapter:02d}", "Heading1"))
        body += [paragraph(f"小节{chapter:02d}{section}", "Heading2") for section in (1, 2)]
    body += [paragraph(f"步骤{item}", "Normal", "2", 0) for item in "甲乙丙"]
    body += [paragraph("正文", "Normal")]
    body += [paragraph(f"重来{item}", "Normal", "3", 0) for item in "甲乙"]
    body += [paragraph(f"圈号{item:02d}", "Normal", "4", 0) for item in range(1, 13)]
    body += [paragraph(f"括号{item:02d}", "Normal", "5", 0) for item in range(1, 13)]
    body += [paragraph(f"天干{item:02d}", "Normal", "6", 0) for item in range(1, 11)]
    return docx_bytes(body="".join(body), styles=styles, numbering=numbering)


def shown_by_libreoffice(text_export: Path, texts: list[str]) -> dict[str, str]:
    """Return the label LibreOffice printed before each of `texts` in its text export."""
    lines = [line.strip() for line in text_export.read_text(encoding="utf-8-sig").splitlines()]
    shown = {}
    for text in texts:
        [line] = [line for line in lines if line.endswith(text)]
        shown[text] = line[:-len(text)].strip()
    return shown


def test_labels_of_a_libreoffice_saved_file_are_those_libreoffice_shows(soffice, tmp_path):
    source = tmp_path / "lists.docx"
    source.write_bytes(source_document())
    saved = convert(soffice, source, "docx:MS Word 2007 XML", "docx")
    with zipfile.ZipFile(saved) as package:
        assert b"LibreOffice" in package.read("docProps/app.xml"), "not saved by LibreOffice"
    text_export = convert(soffice, saved, "txt:Text (encoded):UTF8", "txt")

    read = {p.text: p.label for p in read_docx(saved).paragraphs if p.text}
    expected = shown_by_libreoffice(text_export, list(read))
    assert read == expected
    # What LibreOffice shows is what Word shows for the source: Chinese past ten, each
    # number of "%1.%2" in its own level's format, a restart that then counts on.
    assert [read[name] for name in ("章节11", "小节112", "步骤丙", "重来甲", "重来乙", "圈号12",
                                    "括号11", "天干10")
            ] == ["第十一章", "十一.2", "3.", "1.", "2.", "⑫", "（十一）", "癸、"]
