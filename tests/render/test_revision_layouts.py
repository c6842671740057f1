"""Revision-table layouts: each bundled template shows the revision rows in its own columns.

controlled-document has the two-row, 8-column 文件编制和变更履历; controlled-document-4col a
修订记录 of 日期/版本/变更说明/批准人; controlled-document-6col one of 版本/日期/修订人/审核人/
批准人/修订内容. A document chooses one with `template:`.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from docgen.cli import main
from docgen.wordml.reader import ReadTable, read_docx
from tests.support.trees import REPO, demo_project, document_yaml

VALIDATOR = REPO / "tests" / "support" / "ooxml" / "validate_docx.py"

LAYOUTS = {
    "controlled-document": (
        ["版本", "编制/更改", "发布", "实施", "更改记录", "作者", "日期", "审核", "日期", "批准",
         "日期"],
        ["V1.0", "张三", "2025.01.07", "李四", "2025.01.08", "王五", "2025.01.09", "首次发布"]),
    "controlled-document-4col": (
        ["日期", "版本", "变更说明", "批准人"],
        ["2025.01.09", "V1.0", "首次发布", "王五"]),
    "controlled-document-6col": (
        ["版本", "日期", "修订人", "审核人", "批准人", "修订内容"],
        ["V1.0", "2025.01.07", "张三", "李四", "王五", "首次发布"]),
}


def revision_table(tables: list[ReadTable]) -> ReadTable:
    """Return the table whose header row names a version (版本)."""
    return next(t for t in tables if t.header_rows and "版本" in
                [c.text for row in t.rows[:t.header_rows] for c in row])


@pytest.mark.parametrize("template", sorted(LAYOUTS))
def test_each_layout_shows_the_revision_rows_in_its_columns(runner, tmp_path, in_folder,
                                                            template):
    in_folder(demo_project(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document_yaml(extra=f"template: {template}\n")}))
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    [built] = (tmp_path / "output" / "demo").glob("*.docx")
    table = revision_table(read_docx(built).tables)
    header, body = table.rows[:table.header_rows], table.rows[table.header_rows:]
    words, row = LAYOUTS[template]
    assert [c.text for line in header for c in line] == words
    assert [[c.text for c in line] for line in body] == [row]
    checked = subprocess.run([sys.executable, str(VALIDATOR), str(built)],
                             capture_output=True, text=True, timeout=600)
    assert checked.returncode == 0, checked.stdout + checked.stderr
