"""The committed corpus of legacy Word files (tests/fixtures/legacy) is what its
expected.json says: every file is there and small, reads back (python-docx,
docgen.wordml.reader) to the heading lines, merged cells, revision rows, dates and text
lines recorded for it, and is made the way its producer makes files (typed numbers and
no heading styles by hand, automatic numbering and a TOC field in docgen's own). The
bad files are bad in the way they are said to be.

The files are not made again here: that needs LibreOffice and pandoc (`make corpus`).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter

import docx
import pytest
from lxml import etree

from docgen.wordml.reader import ReadDocument, read_docx
from scripts.legacy_corpus.expected import text_lines
from tests.support.trees import REPO

CORPUS = REPO / "tests" / "fixtures" / "legacy"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
FILES = EXPECTED["files"]
BAD = {entry["problem"]: entry for entry in EXPECTED["bad"]}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
NUMBERS = {"YNTD-ITSS-0303", "YNTD-ITSS-0417", "YNTD-ITSS-0600", "XLSJ-ZD-001"}


def by_producer(producer: str) -> list[dict]:
    return [entry for entry in FILES if entry["producer"] == producer]


def files(entries: list[dict]):
    return pytest.mark.parametrize("entry", entries, ids=[entry["file"] for entry in entries])


def read(entry: dict) -> ReadDocument:
    return read_docx(CORPUS / entry["file"])


def read_unwrapped(entry: dict) -> ReadDocument:
    """Read the file with its block-level content controls (w:sdt) replaced by what they
    hold, as Word shows them (a TOC inside one)."""
    data = (CORPUS / entry["file"]).read_bytes()
    archive = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(archive.read("word/document.xml"))
    for control in list(root.iter(f"{W}sdt")):
        parent, content = control.getparent(), control.find(f"{W}sdtContent")
        for child in reversed(list(content) if content is not None else []):
            control.addnext(child)
        parent.remove(control)
    copy = io.BytesIO()
    with zipfile.ZipFile(copy, "w") as target:
        for name in archive.namelist():
            target.writestr(name, etree.tostring(root) if name == "word/document.xml"
                            else archive.read(name))
    return read_docx(copy.getvalue())


def table_rows(document: ReadDocument) -> list[list[str]]:
    return [[cell.text for cell in row] for table in document.tables for row in table.rows]


# --- the set -------------------------------------------------------------------------


def test_every_document_is_made_by_at_least_four_producers():
    producers = Counter(entry["number"] for entry in FILES)
    assert set(producers) == NUMBERS
    assert all(count >= 4 for count in producers.values())
    assert {entry["producer"] for entry in FILES} >= {
        "hand", "libreoffice", "pandoc", "word-style", "word-resaved"}
    assert len(FILES) >= 16


def test_every_listed_file_is_there_and_small():
    for entry in FILES + EXPECTED["bad"]:
        path = CORPUS / entry["file"]
        assert path.is_file(), entry["file"]
        assert path.stat().st_size < 200_000, entry["file"]


def test_nothing_in_the_folder_is_left_unlisted():
    listed = {entry["file"] for entry in FILES + EXPECTED["bad"]}
    on_disk = {path.relative_to(CORPUS).as_posix() for path in CORPUS.rglob("*")
               if path.is_file() and path.name not in ("expected.json", "README.md")}
    assert on_disk == listed


def test_the_readme_describes_every_file():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for entry in FILES + EXPECTED["bad"]:
        assert entry["file"].split("/")[-1] in readme, entry["file"]
    for producer in {entry["producer"] for entry in FILES}:
        assert f"{producer}/" in readme


def test_the_files_are_named_by_producer_and_number():
    for entry in FILES:
        assert entry["file"] == f"{entry['producer']}/{entry['number']}.docx"


# --- what every good file reads back to ----------------------------------------------


@files(FILES)
def test_the_heading_lines_read_back_in_order(entry):
    displays = [paragraph.display for paragraph in read(entry).paragraphs]
    position = 0
    for heading in entry["headings"]:
        assert heading in displays[position:], f"{heading!r} missing after paragraph {position}"
        position = displays.index(heading, position) + 1
    assert len(entry["headings"]) == len(entry["heading_levels"])


@files(FILES)
def test_the_merged_cells_read_back(entry):
    merged = [{"table": index, "row": cell.row, "column": cell.column, "rows": cell.rows,
               "cols": cell.cols, "text": cell.text}
              for index, table in enumerate(read(entry).tables)
              for row in table.rows for cell in row if cell.rows > 1 or cell.cols > 1]
    assert merged == entry["merged_cells"]


@files(FILES)
def test_each_revision_row_is_one_row_of_a_table(entry):
    rows = table_rows(read(entry))
    assert entry["revisions"]
    for revision in entry["revisions"]:
        values = [value for value in revision.values() if value]
        assert any(all(value in row for value in values) for row in rows), revision


@files(FILES)
def test_the_text_lines_read_back(entry):
    assert text_lines(read_unwrapped(entry)) == entry["lines"]


@files(FILES)
def test_the_cover_facts_and_dates_are_printed(entry):
    text = "\n".join(entry["lines"] + entry["page_headers"])
    assert entry["title"] in entry["lines"]
    for fact in (entry["number"], entry["company"], entry["version"], *entry["dates"]):
        assert fact in text, fact


@files(FILES)
def test_the_page_headers_read_back(entry):
    assert [header for header in read(entry).headers if header.strip()] == entry["page_headers"]


# --- how each producer made its files ------------------------------------------------


@files(by_producer("hand"))
def test_hand_files_have_no_heading_styles_only_typed_numbers(entry):
    document = docx.Document(str(CORPUS / entry["file"]))
    styles = {paragraph.style.name for paragraph in document.paragraphs}
    assert not any(name.lower().startswith(("heading", "toc", "list")) for name in styles)
    assert not list(document.element.body.iter(f"{W}numPr")), "no automatic numbering"
    by_text = {paragraph.text: paragraph for paragraph in document.paragraphs}
    for line in entry["headings"]:
        runs = [run for run in by_text[line].runs if run.text]
        assert all(run.bold for run in runs), line
        fonts = {run._element.rPr.rFonts.get(f"{W}eastAsia") for run in runs}
        assert fonts == {"黑体"}, line
        assert max(run.font.size.pt for run in runs) >= 12


@files(by_producer("hand"))
def test_hand_files_are_untidy_the_way_typed_files_are(entry):
    document = docx.Document(str(CORPUS / entry["file"]))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts.count("") >= 10, "empty paragraphs for spacing"
    assert any(re.match(r"^(\d+、|（\d+）|[●■])", text) for text in texts), "typed list labels"
    assert any(run.font.name == "Times New Roman" for paragraph in document.paragraphs
               for run in paragraph.runs)
    if entry["number"] != "XLSJ-ZD-001":
        assert any("\t\t" in text and "：" in text for text in texts), "cover tabs"


def test_the_hand_typed_plan_has_a_stale_toc_a_manual_break_and_a_wrong_restart():
    entry = next(e for e in by_producer("hand") if e["number"] == "YNTD-ITSS-0303")
    document = docx.Document(str(CORPUS / entry["file"]))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert entry["toc_differences"] == [{"toc": "4.1.1. 人员招聘计划",
                                         "heading": "4.1.1. 人才招聘计划"}]
    assert any(re.fullmatch(r"4\.1\.1\. 人员招聘计划\t\d+", text) for text in texts)
    assert "4.1.1. 人员招聘计划" not in entry["headings"]
    assert any("\n" in text for text in texts), "a manual line break (w:br)"
    after = texts[texts.index("4.4.5. 问题管理") + 1:]
    assert after[0].startswith("5、")
    assert entry["revisions"][0]["date"] == "2025. 1. 7"


def test_the_hand_typed_policy_has_a_ruled_cover_grid_and_a_four_column_revision_table():
    entry = next(e for e in by_producer("hand") if e["number"] == "XLSJ-ZD-001")
    tables = read(entry).tables
    cover = [[cell.text for cell in row] for row in tables[0].rows]
    assert cover[0] == ["文件编号", "XLSJ-ZD-001", "版 本 号", "V1.1"]
    assert [cell.text for cell in tables[1].rows[0]] == ["日期", "版本", "变更说明", "批准人"]
    assert entry["headings"][:2] == ["第一章 总则", "第一条 目的"]
    assert "第十一条 施行" in entry["headings"]


@files(by_producer("word-style") + by_producer("word-resaved"))
def test_docgen_files_number_headings_automatically_and_have_a_toc_field(entry):
    document = read(entry)
    assert all(heading.label for heading in document.headings)
    assert [heading.display for heading in document.headings] == entry["headings"]
    with zipfile.ZipFile(CORPUS / entry["file"]) as archive:
        assert re.search(rb"instrText[^>]*> ?TOC [^<]*\\o", archive.read("word/document.xml"))


@files(by_producer("libreoffice") + by_producer("pandoc"))
def test_converted_files_have_heading_styles_with_typed_numbers(entry):
    document = read(entry)
    assert [heading.text for heading in document.headings] == entry["headings"]
    assert all(not heading.label for heading in document.headings)


def test_only_pandoc_loses_merged_cells():
    for entry in FILES:
        if entry["producer"] != "pandoc":
            assert entry["spans_dropped"] == [], entry["file"]
    markdown = next(e for e in by_producer("pandoc") if e["number"] == "YNTD-ITSS-0600")
    assert markdown["merged_cells"] == []
    assert {span["text"] for span in markdown["spans_dropped"]} == {
        "版本", "编制/更改", "发布", "实施", "更改记录"}
    from_html = next(e for e in by_producer("pandoc") if e["number"] == "YNTD-ITSS-0303")
    assert {span["text"] for span in from_html["spans_dropped"]} == {"版本", "更改记录"}
    assert {"技术岗", "运维部", "人数总计"} <= {cell["text"] for cell in from_html["merged_cells"]}


def test_the_capability_plan_keeps_its_real_merged_tables_where_producers_can_merge():
    for entry in FILES:
        if entry["number"] == "YNTD-ITSS-0303":
            spans = {(cell["text"].split("\n")[0], cell["rows"], cell["cols"])
                     for cell in entry["merged_cells"]}
            assert {("技术岗", 2, 1), ("人数总计", 1, 3), ("合计", 1, 2)} <= spans, entry["file"]


def test_both_houses_date_formats_are_in_the_corpus():
    dates = {date for entry in FILES for date in entry["dates"]}
    assert {"2025.01.07", "2025年11月20日", "2025. 1. 7", "2025.1.7", "2025年1月7日"} <= dates


# --- the bad and special files ---------------------------------------------------------


def test_every_kind_of_bad_file_is_there():
    assert set(BAD) == {"encrypted", "tracked_changes", "comments", "image_only", "not_word",
                        "truncated", "plain_text", "binary_doc"}


def test_the_encrypted_file_is_a_password_protected_package():
    data = (CORPUS / BAD["encrypted"]["file"]).read_bytes()
    assert data.startswith(OLE_MAGIC)
    assert "EncryptedPackage".encode("utf-16-le") in data
    assert not zipfile.is_zipfile(io.BytesIO(data))


def test_the_tracked_changes_are_in_the_body():
    with zipfile.ZipFile(CORPUS / BAD["tracked_changes"]["file"]) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    assert len(list(body.iter(f"{W}ins"))) == BAD["tracked_changes"]["insertions"] == 2
    assert len(list(body.iter(f"{W}del"))) == BAD["tracked_changes"]["deletions"] == 1


def test_the_comment_is_in_a_comments_part():
    with zipfile.ZipFile(CORPUS / BAD["comments"]["file"]) as archive:
        comments = etree.fromstring(archive.read("word/comments.xml"))
        body = archive.read("word/document.xml")
    assert len(comments.findall(f"{W}comment")) == BAD["comments"]["comments"] == 1
    assert b"commentReference" in body


def test_the_scanned_page_is_one_picture_and_no_text():
    path = CORPUS / BAD["image_only"]["file"]
    assert text_lines(read_docx(path)) == []
    document = docx.Document(str(path))
    assert len(document.inline_shapes) == 1
    with zipfile.ZipFile(path) as archive:
        pictures = [name for name in archive.namelist() if name.startswith("word/media/")]
    assert len(pictures) == 1 and pictures[0].endswith(".png")


def test_the_file_that_is_not_word_is_a_workbook():
    with zipfile.ZipFile(CORPUS / BAD["not_word"]["file"]) as archive:
        names = archive.namelist()
    assert "word/document.xml" not in names
    assert "xl/workbook.xml" in names


def test_the_truncated_file_is_a_broken_zip():
    data = (CORPUS / BAD["truncated"]["file"]).read_bytes()
    assert data.startswith(b"PK")
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(io.BytesIO(data))


def test_the_plain_text_file_is_text():
    data = (CORPUS / BAD["plain_text"]["file"]).read_bytes()
    assert not zipfile.is_zipfile(io.BytesIO(data))
    assert "过程框架管理制度" in data.decode("utf-8")


def test_the_legacy_doc_is_a_word_97_binary():
    data = (CORPUS / BAD["binary_doc"]["file"]).read_bytes()
    assert data.startswith(OLE_MAGIC)
    assert "WordDocument".encode("utf-16-le") in data


def test_no_file_names_a_path_of_the_machine_that_made_it():
    for path in CORPUS.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if zipfile.is_zipfile(io.BytesIO(data)):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                data = b"".join(archive.read(name) for name in archive.namelist())
        for marker in (b"/tmp/", b"/home/", b"file:///"):
            assert marker not in data, (path.name, marker)
