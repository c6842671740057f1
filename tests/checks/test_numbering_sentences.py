"""Every way a number can break a sequence, said whole for every thing that is numbered.

A number repeats the one before it, goes backwards, skips one number or several, or
a sequence starts past 1; lists, table rows, activities and table numbers each have
their own sentence for each case.
"""

from __future__ import annotations

import pytest

from tests.checks.support import check_tree, document

CASES = {
    "repeats": ([1, 1], "repeats the number 1"),
    "goes backwards": ([1, 2, 1], "is numbered 1 after 2"),
    "skips one": ([1, 3], "is numbered 3 after 1: 2 is skipped"),
    "skips several": ([1, 4], "is numbered 4 after 1: 2 to 3 are skipped"),
    "starts at 2": ([2, 3], "starts at 2: 1 is skipped"),
    "starts past 2": ([3, 4], "starts at 3: 1 to 2 are skipped"),
}


def _list(numbers: list[int]) -> tuple[str, str]:
    items = "".join(f"\n                - {{text: 第{n}项, number: {n}}}" for n in numbers)
    return "", f"""\
        - title: 目的
          body:
            - numbered:{items}
    """


def _table(numbers: list[int]) -> tuple[str, str]:
    rows = "".join(f"\n                  - [{n}, 第{n}项]" for n in numbers)
    return "", f"""\
        - title: 目的
          body:
            - table:
                header: [[序号, 事项]]
                rows:{rows}
    """


def _activities(numbers: list[int]) -> tuple[str, str]:
    activities = "".join(f"\n          a{index}: {{name: 活动{index}, number: {n}}}"
                         for index, n in enumerate(numbers))
    keys = ", ".join(f"a{index}" for index in range(len(numbers)))
    return f"activities:{activities}\n", f"""\
        - title: 计划
          body:
            - activity_table: [{keys}]
    """


def _captions(numbers: list[int]) -> tuple[str, str]:
    body = "".join(f"\n            - 表1-{n} 第{n}表\n            - table: "
                   f"{{header: [[岗位]], rows: [[工程师]]}}" for n in numbers)
    return "", f"""\
        - title: 人员
          body:{body}
    """


THINGS = {
    "list item": (_list, "STRUCT-LIST-NUMBERING", "in §1. 目的, a list item {what}"),
    "table row": (_table, "STRUCT-LIST-NUMBERING", "in §1. 目的, a table row {what}"),
    "activity": (_activities, "STRUCT-LIST-NUMBERING", "in §1. 计划, an activity {what}"),
    "table number": (_captions, "STRUCT-CAPTION-NUMBERING", "table number 表1-… {what}"),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("thing", THINGS)
def test_a_number_out_of_sequence_is_reported_in_a_whole_sentence(tmp_path, thing, case):
    numbers, what = CASES[case]
    make, rule, sentence = THINGS[thing]
    facts, sections = make(numbers)
    findings = check_tree(tmp_path, documents={
        "DEMO-ITSS-0001.yaml": document(facts=facts, sections=sections)})
    if thing == "table number" and case in ("repeats", "goes backwards"):
        # Two tables with one number: the duplicate is reported, naming both tables.
        assert [f.text for f in findings if f.rule == rule] == []
        assert [f.text for f in findings if f.rule == "STRUCT-CAPTION-DUPLICATE"] == [
            "表1-1 “第1表” has the number of another table: 表1-1 “第1表”, line 17"]
        return
    assert [f.text for f in findings if f.rule == rule] == [sentence.format(what=what)]
