"""docgen register: the controlled-document register (受控文件清单) as .docx and .xlsx.

Most tests work on a copy of the bundled YNTD content in which YNTD-ITSS-0417 has
been released (with --force: the bundled documents keep their real defects) and
YNTD-ITSS-0600 withdrawn, both through the CLI. Every row read back from the Word
file and the workbook is compared with a row built here from the resolved content.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from docgen.cli import main
from docgen.content.model import ResolvedDocument
from docgen.pipeline import load_document_set
from docgen.project import Project
from docgen.wordml.reader import read_docx
from tests.support.trees import DOCUMENT_YAML, ORG_YAML, REPO, TEMPLATES, demo_project

DOCX = "output/yntd/YNTD 受控文件清单.docx"
XLSX = "output/yntd/YNTD 受控文件清单.xlsx"
CURRENT_HEADER = ["序号", "文件编号", "文件名称", "版本", "编制部门", "编制人", "审核人", "批准人",
                  "发布日期", "状态"]
WITHDRAWN_HEADER = ["序号", "文件编号", "文件名称", "版本", "发布日期", "作废日期", "作废原因"]


@pytest.fixture
def yntd(tmp_path, runner, in_folder) -> Path:
    """A copy of the bundled content: YNTD-ITSS-0417 released, YNTD-ITSS-0600 withdrawn."""
    shutil.copytree(REPO / "content" / "yntd", tmp_path / "content" / "yntd")
    shutil.copytree(TEMPLATES, tmp_path / "templates" / "docx")
    in_folder(tmp_path)
    for command in (["release", "YNTD-ITSS-0417", "--force", "--date", "2025-02-01"],
                    ["withdraw", "YNTD-ITSS-0600", "--reason", "并入过程管理手册",
                     "--date", "2025-03-01"]):
        result = runner.invoke(main, command)
        assert result.exit_code == 0, result.output
    return tmp_path


def write_register(runner, prefix: str = "YNTD", org: str = "yntd") -> None:
    result = runner.invoke(main, ["register"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"wrote output/{org}/{prefix} 受控文件清单.docx\n"
                             f"wrote output/{org}/{prefix} 受控文件清单.xlsx\n")


def dotted(date) -> str:
    return f"{date.year:04d}.{date.month:02d}.{date.day:02d}"


def expected_rows(root: Path) -> tuple[list[list[object]], list[list[object]]]:
    """The register's rows as the content states them: (in force, withdrawn)."""
    project = Project(root / "content", root / "templates" / "docx", root / "output")
    current: list[list[object]] = []
    withdrawn: list[list[object]] = []
    for document in load_document_set(project).documents:
        revision = document.model.revisions[-1]
        if document.model.status == "withdrawn":
            withdrawn.append([len(withdrawn) + 1, document.model.number, document.model.title,
                              str(revision.version), dotted(revision.approve_date),
                              dotted(document.model.withdrawn_on),
                              document.model.withdrawn_reason])
        else:
            current.append([len(current) + 1, document.model.number, document.model.title,
                            str(revision.version), department(document), revision.author,
                            revision.reviewer, revision.approver, dotted(revision.approve_date),
                            "现行" if released(document) else "草稿"])
    return current, withdrawn


def department(document: ResolvedDocument) -> str:
    """The document's 编制部门, else the department of the author of its current version."""
    if document.model.department:
        return document.model.department
    author = document.model.revisions[-1].author
    return next(p.department for p in document.organization.people if p.name == author) or ""


def released(document: ResolvedDocument) -> bool:
    """Whether a release record names the current version."""
    version = document.model.revisions[-1].version
    return any(record.version == version for record in document.releases)


def docx_tables(path: Path) -> list[list[list[str]]]:
    return [[[cell.text for cell in row] for row in table.rows]
            for table in read_docx(path).tables]


def xlsx_sheets(path: Path) -> dict[str, list[list[object]]]:
    """Return each sheet's rows as Excel shows them: a date cell in its number format."""
    workbook = openpyxl.load_workbook(path)
    return {sheet.title: [[shown(cell) for cell in row] for row in sheet.iter_rows()]
            for sheet in workbook.worksheets}


def shown(cell) -> object:
    """Return a cell's value; a date as its house number format (yyyy.mm.dd) shows it."""
    if cell.is_date:
        assert cell.number_format == "yyyy.mm.dd"
        return dotted(cell.value)
    return cell.value


def as_text(rows: list[list[object]]) -> list[list[str]]:
    return [[str(value) for value in row] for row in rows]


def test_the_word_register_lists_every_document_as_its_content_states_it(runner, yntd):
    write_register(runner)
    current, withdrawn = expected_rows(yntd)
    in_force, out_of_force = docx_tables(yntd / DOCX)
    assert in_force == [CURRENT_HEADER, *as_text(current)]
    assert out_of_force == [WITHDRAWN_HEADER, *as_text(withdrawn)]
    assert in_force[1:] == [
        ["1", "YNTD-ITSS-0303", "运维服务能力管理计划", "V1.0", "质量部", "吴杰", "赵建中", "陆涛",
         "2025.01.07", "草稿"],
        ["2", "YNTD-ITSS-0417", "运维服务质量管理计划", "V1.0", "质量部", "吴杰", "赵建中", "陆涛",
         "2025.01.07", "现行"]]
    assert out_of_force[1:] == [
        ["1", "YNTD-ITSS-0600", "过程框架管理制度", "V1.0", "2025.01.07", "2025.03.01",
         "并入过程管理手册"]]


def test_the_word_register_has_a_title_and_is_dated_by_its_latest_approval_or_withdrawal(
        runner, yntd):
    write_register(runner)
    read = read_docx(yntd / DOCX)
    paragraphs = [p.text for p in read.paragraphs]
    assert paragraphs[:2] == ["云南腾电科技有限公司", "受控文件清单"]
    assert paragraphs[2] == "截至 2025.03.01：现行 1 份，草稿 1 份，作废 1 份"
    assert "作废文件清单" in paragraphs[3:]
    assert read.properties["title"] == "云南腾电科技有限公司 受控文件清单"


def test_the_register_counts_as_in_force_only_the_documents_whose_state_is_in_force(
        runner, yntd):
    write_register(runner)
    read = read_docx(yntd / DOCX)
    in_force = [row for row in docx_tables(yntd / DOCX)[0][1:] if row[-1] == "现行"]
    assert len(in_force) == 1
    note = next(p.text for p in read.paragraphs if p.text.startswith("截至"))
    assert re.search(r"现行 (\d+) 份", note).group(1) == str(len(in_force))


def test_the_excel_register_has_the_same_rows_on_two_sheets(runner, yntd):
    write_register(runner)
    current, withdrawn = expected_rows(yntd)
    sheets = xlsx_sheets(yntd / XLSX)
    assert list(sheets) == ["受控文件清单", "作废文件清单"]
    assert sheets["受控文件清单"] == [CURRENT_HEADER, *current]
    assert sheets["作废文件清单"] == [WITHDRAWN_HEADER, *withdrawn]
    assert sheets["受控文件清单"][2] == [2, "YNTD-ITSS-0417", "运维服务质量管理计划", "V1.0", "质量部",
                                   "吴杰", "赵建中", "陆涛", "2025.01.07", "现行"]
    assert sheets["作废文件清单"][1] == [1, "YNTD-ITSS-0600", "过程框架管理制度", "V1.0",
                                   "2025.01.07", "2025.03.01", "并入过程管理手册"]


def test_the_excel_register_holds_dates_as_dates(runner, yntd):
    write_register(runner)
    workbook = openpyxl.load_workbook(yntd / XLSX)
    issued = [row[8] for row in workbook["受控文件清单"].iter_rows(min_row=2)]
    withdrawn = [row[4:6] for row in workbook["作废文件清单"].iter_rows(min_row=2)]
    assert [cell.value for cell in issued] == [dt.datetime(2025, 1, 7)] * 2
    assert [[cell.value for cell in row] for row in withdrawn] == [
        [dt.datetime(2025, 1, 7), dt.datetime(2025, 3, 1)]]
    assert {cell.number_format for cell in issued + [c for row in withdrawn for c in row]} == {
        "yyyy.mm.dd"}


def test_two_runs_write_byte_identical_files(runner, yntd):
    write_register(runner)
    first = ((yntd / DOCX).read_bytes(), (yntd / XLSX).read_bytes())
    time.sleep(2.1)  # zip entries store times to two seconds: a clock leak would show
    write_register(runner)
    assert ((yntd / DOCX).read_bytes(), (yntd / XLSX).read_bytes()) == first


def test_after_a_bump_the_register_shows_the_new_version_and_its_approval_date(runner, yntd):
    result = runner.invoke(main, ["bump", "YNTD-ITSS-0417", "--minor", "--change", "修订满意度目标",
                                  "--author", "吴杰", "--reviewer", "赵建中", "--approver", "陆涛",
                                  "--date", "2025-06-01", "--review-date", "2025-06-02",
                                  "--approve-date", "2025-06-03"])
    assert result.exit_code == 0, result.output
    write_register(runner)
    current, withdrawn = expected_rows(yntd)
    assert docx_tables(yntd / DOCX) == [[CURRENT_HEADER, *as_text(current)],
                                        [WITHDRAWN_HEADER, *as_text(withdrawn)]]
    assert xlsx_sheets(yntd / XLSX)["受控文件清单"] == [CURRENT_HEADER, *current]
    assert current[1] == [2, "YNTD-ITSS-0417", "运维服务质量管理计划", "V1.1", "质量部", "吴杰",
                          "赵建中", "陆涛", "2025.06.03", "草稿"]
    note = next(p.text for p in read_docx(yntd / DOCX).paragraphs if p.text.startswith("截至"))
    assert note == "截至 2025.06.03：现行 0 份，草稿 2 份，作废 1 份"


def test_a_document_without_a_department_is_listed_under_its_authors(runner, tmp_path,
                                                                     in_folder):
    org = ORG_YAML.replace("department: 质量部", "department: 运维部")
    own = DOCUMENT_YAML
    authors = (DOCUMENT_YAML.replace("DEMO-ITSS-0001", "DEMO-ITSS-0002")
               .replace("示例管理计划", "第二份计划").replace("department: 质量部\n", ""))
    in_folder(demo_project(tmp_path, org=org, documents={"DEMO-ITSS-0001.yaml": own,
                                                         "DEMO-ITSS-0002.yaml": authors}))
    write_register(runner, prefix="DEMO", org="demo")
    sheets = xlsx_sheets(tmp_path / "output/demo/DEMO 受控文件清单.xlsx")
    assert [row[4] for row in sheets["受控文件清单"]] == ["编制部门", "质量部", "运维部"]
    assert sheets["作废文件清单"] == [WITHDRAWN_HEADER]
    tables = docx_tables(tmp_path / "output/demo/DEMO 受控文件清单.docx")
    assert [row[4] for row in tables[0]] == ["编制部门", "质量部", "运维部"]
    assert tables[1] == [WITHDRAWN_HEADER]


@pytest.mark.parametrize("text", [
    '=HYPERLINK("http://evil.example/","点击")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "@SUM(A1:A2)",
])
def test_content_that_looks_like_a_formula_is_text_in_the_workbook(runner, tmp_path, in_folder,
                                                                   text):
    quoted = text.replace("\\", "\\\\").replace('"', '\\"')
    titled = DOCUMENT_YAML.replace("title: 示例管理计划", f'title: "{quoted}"')
    withdrawn = (DOCUMENT_YAML.replace("DEMO-ITSS-0001", "DEMO-ITSS-0002")
                 .replace("status: current\n", "")
                 + f'status: withdrawn\nwithdrawn_on: 2025-06-01\nwithdrawn_reason: "{quoted}"\n')
    in_folder(demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": titled,
                                                "DEMO-ITSS-0002.yaml": withdrawn}))
    write_register(runner, prefix="DEMO", org="demo")
    workbook = openpyxl.load_workbook(tmp_path / "output/demo/DEMO 受控文件清单.xlsx")
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows()
             for cell in row if cell.value == text]
    assert len(cells) == 2  # the title, and the reason for the withdrawal
    assert all(cell.data_type == "s" for cell in cells)
    with zipfile.ZipFile(tmp_path / "output/demo/DEMO 受控文件清单.xlsx") as archive:
        sheets = [archive.read(name) for name in archive.namelist()
                  if name.startswith("xl/worksheets/")]
    assert not any(b"<f>" in sheet or b"<f " in sheet for sheet in sheets)
