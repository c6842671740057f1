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
from docgen.wordml.reader import read_docx
from tests.support.revision_tables import (
    REVISION_HEADERS,
    body_rows,
    header_words,
    revision_table,
)
from tests.support.trees import REPO, demo_project, document_yaml

VALIDATOR = REPO / "tests" / "support" / "ooxml" / "validate_docx.py"

# What each layout shows of the demo document's revision row.
ROWS = {
    "controlled-document": ["V1.0", "张三", "2025.01.07", "李四", "2025.01.08", "王五", "2025.01.09",
                            "首次发布"],
    "controlled-document-4col": ["2025.01.09", "V1.0", "首次发布", "王五"],
    "controlled-document-6col": ["V1.0", "2025.01.07", "张三", "李四", "王五", "首次发布"],
}


@pytest.mark.parametrize("template", sorted(ROWS))
def test_each_layout_shows_the_revision_rows_in_its_columns(runner, tmp_path, in_folder,
                                                            template):
    in_folder(demo_project(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document_yaml(extra=f"template: {template}\n")}))
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    [built] = (tmp_path / "output" / "demo").glob("*.docx")
    table = revision_table(read_docx(built).tables)
    assert header_words(table) == REVISION_HEADERS[template]
    assert body_rows(table) == [ROWS[template]]
    checked = subprocess.run([sys.executable, str(VALIDATOR), str(built)],
                             capture_output=True, text=True, timeout=600)
    assert checked.returncode == 0, checked.stdout + checked.stderr
