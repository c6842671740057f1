"""The built YNTD documents say everything their original Word files said.

The seeds are the text of the original documents. Every body line of each seed must
occur in the .docx that docgen builds from the YAML content, read back from the file
with the numbers Word displays (see tests/support/fidelity.py for what is normalized).
"""

from __future__ import annotations

import pytest

from docgen.wordml.reader import read_docx
from tests.conftest import SEEDS
from tests.support.fidelity import RESULTS, Units, coverage, docx_units

NUMBERS = ["YNTD-ITSS-0303", "YNTD-ITSS-0417", "YNTD-ITSS-0600"]


@pytest.mark.parametrize("number", NUMBERS)
def test_every_seed_line_is_in_the_built_document(number, yntd_built):
    seed = (SEEDS / f"{number}.txt").read_text(encoding="utf-8")
    result = coverage(seed, docx_units(read_docx(yntd_built[number])))
    RESULTS[number] = result
    assert result.missing == []
    assert result.ratio == 1.0
    assert result.total > 50  # the seed was read, not skipped


def test_a_missing_paragraph_lowers_the_coverage():
    seed = "1. 目的\n\n为了规范运维服务。\n\n2. 范围\n\n公司运维服务的全过程。\n"
    complete = Units(["1. 目的", "为了规范运维服务。", "2. 范围", "公司运维服务的全过程。"], [])
    incomplete = Units(["1. 目的", "为了规范运维服务。", "2. 范围"], [])
    assert coverage(seed, complete).ratio == 1.0
    assert coverage(seed, incomplete).missing == ["公司运维服务的全过程。"]


def test_a_wrong_list_number_is_not_covered():
    seed = "1. 加强\n2. 优化\n4. 考核\n"
    renumbered = Units(["1. 加强", "2. 优化", "3. 考核"], [])
    assert coverage(seed, renumbered).missing == ["4. 考核"]


def test_a_table_row_must_appear_within_one_generated_row():
    seed = "操作岗\t运维部\t项目经理\t1\n"
    split_across_rows = Units([], [["操作岗", "运维部", "ERP工程师", "2"],
                                   ["技术岗", "研发部", "项目经理", "1"]])
    assert coverage(seed, split_across_rows).ratio == 0.0


def test_the_seed_table_of_contents_is_not_counted():
    seed = "目录\n\n1. 目的\t5\n2. 原则\t5\n\n1. 目的\n正文。\n"
    assert coverage(seed, Units(["1. 目的", "正文。"], [])).total == 2
