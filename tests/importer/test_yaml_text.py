"""An imported document is written as YAML in docgen's house layout, with each guess as a
`# import: guessed …` comment above its value, the line of every value known, and every
string read back by docgen's own loader exactly as it was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from docgen.catalogue import import_files as said
from docgen.content.yaml_source import XML_ILLEGAL, parse_yaml
from docgen.i18n import CHINESE, ENGLISH
from docgen.importer.model import Guess
from docgen.importer.yaml_text import document_yaml, text_of


def read_back(text: str):
    return parse_yaml(text, Path("imported.yaml")).data


def as_text(value):
    """Return `value` as docgen's loader reads it: leaves as text, None as None."""
    if isinstance(value, dict):
        return {text_of(key): as_text(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [as_text(item) for item in value]
    return None if value is None else text_of(value)


DOCUMENT = {
    "sections": [{"title": "目的", "body": ["为规范运维服务能力管理，制定本计划。"]}],
    "revisions": [
        {"version": "V1.0", "author": "吴杰", "date": dt.date(2025, 1, 7), "approver": "陆涛",
         "approve_date": dt.date(2025, 1, 7), "change": "首次发布"},
        {"version": "V1.1", "author": "吴杰", "date": dt.date(2025, 3, 5),
         "reviewer": "赵建中", "review_date": dt.date(2025, 3, 6), "approver": "陆涛",
         "approve_date": dt.date(2025, 3, 8), "change": "修订KPI目标值，增加服务台的考核指标"},
    ],
    "kind": "计划",
    "title": "运维服务能力管理计划",
    "number": "YNTD-ITSS-0303",
    "department": "质量部",
    "kpis": {"satisfaction": {"name": "客户满意度", "target": "≥95分", "period": "年度"}},
    "activities": {"review": {"name": "管理评审", "responsible": ["质量部"],
                              "cooperating": ["运维部", "人力部"], "number": 3}},
}


def test_keys_follow_the_house_order_and_rows_stand_one_a_line_when_short():
    text, _lines = document_yaml(DOCUMENT, [], ENGLISH)
    assert text.splitlines() == [
        "number: YNTD-ITSS-0303",
        "title: 运维服务能力管理计划",
        "kind: 计划",
        "department: 质量部",
        "",
        "revisions:",
        "  - {version: V1.0, author: 吴杰, date: 2025-01-07, approver: 陆涛, "
        "approve_date: 2025-01-07, change: 首次发布}",
        "  - version: V1.1",
        "    author: 吴杰",
        "    date: 2025-03-05",
        "    reviewer: 赵建中",
        "    review_date: 2025-03-06",
        "    approver: 陆涛",
        "    approve_date: 2025-03-08",
        "    change: 修订KPI目标值，增加服务台的考核指标",
        "",
        "kpis:",
        "  satisfaction:",
        "    name: 客户满意度",
        "    target: ≥95分",
        "    period: 年度",
        "",
        "activities:",
        "  review:",
        "    name: 管理评审",
        "    responsible: [质量部]",
        "    cooperating: [运维部, 人力部]",
        "    number: 3",
        "",
        "sections:",
        "  - title: 目的",
        "    body:",
        "      - 为规范运维服务能力管理，制定本计划。",
    ]
    assert read_back(text) == as_text(DOCUMENT)


def test_every_value_written_has_its_line():
    text, lines = document_yaml(DOCUMENT, [], ENGLISH)
    shown = text.splitlines()
    assert shown[lines[("number",)] - 1] == "number: YNTD-ITSS-0303"
    assert shown[lines[("revisions", 1, "review_date")] - 1] == "    review_date: 2025-03-06"
    assert lines[("revisions", 0, "change")] == lines[("revisions", 0)] == 7
    assert shown[lines[("sections", 0, "body", 0)] - 1].endswith("制定本计划。")
    assert shown[lines[("sections", 0)] - 1] == "  - title: 目的"
    assert shown[lines[("kpis",)] - 1] == "kpis:"
    assert shown[lines[("activities", "review", "cooperating", 1)] - 1].endswith("人力部]")


def test_a_guess_is_a_comment_above_its_value_in_the_language_asked_for():
    guesses = [Guess(("revisions", 0, "author"), said.GUESS_FROM_COVER(value="吴杰")),
               Guess(("number",), said.GUESS_NUMBER_HEADER())]
    text, lines = document_yaml(DOCUMENT, guesses, ENGLISH)
    shown = text.splitlines()
    author = lines[("revisions", 0, "author")]
    assert shown[author - 1] == "    author: 吴杰"
    assert shown[author - 2] == "    # import: guessed: took '吴杰' for this row from the cover"
    assert shown[lines[("number",)] - 2] == \
        "# import: guessed: took the document number from the page header"
    # The row with a guess in it is no longer one line, so the comment sits on its value.
    assert shown[lines[("revisions", 0)] - 1] == "  - version: V1.0"
    chinese, _ = document_yaml(DOCUMENT, guesses, CHINESE)
    assert "# import: guessed: 取自页眉的文件编号" in chinese.splitlines()
    assert read_back(text) == read_back(chinese) == as_text(DOCUMENT)


def test_a_guess_about_a_value_left_out_sits_above_the_nearest_value_written():
    guesses = [Guess(("revisions", 1, "reviewer_date"), said.GUESS_ONE_DATE(date="2025-03-06")),
               Guess(("company",), said.GUESS_COMPANY_HEADER(company="云南腾电科技有限公司"))]
    text, lines = document_yaml(DOCUMENT, guesses, ENGLISH, header=["imported from 计划.docx"])
    shown = text.splitlines()
    assert shown[:4] == ["# imported from 计划.docx", "",
                         "# import: guessed: took the company "
                         "'云南腾电科技有限公司' from the page header",
                         ""]
    row = lines[("revisions", 1)]
    assert shown[row - 2].startswith("  # import: guessed: the revision table gives one date")
    assert shown[row - 1] == "  - version: V1.1"


def test_a_first_value_of_a_list_item_keeps_its_comment_above_the_dash():
    data = {"sections": [{"title": "目的", "body": ["x"]}]}
    guesses = [Guess(("sections", 0, "title"), said.GUESS_TITLE())]
    text, lines = document_yaml(data, guesses, ENGLISH)
    assert text.splitlines()[:3] == [
        "sections:",
        "  # import: guessed: guessed the title from the cover's most prominent line",
        "  - title: 目的"]
    assert lines[("sections", 0, "title")] == lines[("sections", 0)] == 3


# Strings YAML would read otherwise than as written, each of which must come back as it is.
AWKWARD = ["", " ", "1.10", "NO", "no", "yes", "on", "true", "null", "~", "2025-01-07",
           "0x1F", "1e3", ".inf", "{{ kpi.rate.target }}", "{a: b}", "[1, 2]", "*alias",
           "&anchor", "!tag", "- item", "-", "# heading", "a #comment", "key: value",
           "ends with:", ":start", "'single'", '"double"', "a\nb", "line\n", "\ttab", "tab\t",
           " leading", "trailing ", "全角：冒号", "\u3000全角空格", "，逗号, comma", "?", "? x",
           "%percent", "@at", "`tick", "|", ">", "<<", "=", "a, b", "x]", "{", "}", "\\", "\x85",
           "\u2028", "\ufeffBOM", "≥95%", "100%", "（1）", "①", "•", "NULL", "Off"]

_CHARACTERS = st.characters(codec="utf-8").filter(
    lambda char: not XML_ILLEGAL.match(char) and char != "\r")
strings = st.one_of(st.sampled_from(AWKWARD), st.text(_CHARACTERS, max_size=40),
                    st.text(st.sampled_from("ab :#-{}[],'\"\n\t&*!|>?%@`\u3000：，"), max_size=8))
keys = st.one_of(st.sampled_from(AWKWARD), st.text(_CHARACTERS, max_size=12))
leaves = st.one_of(strings, st.none())
values = st.recursive(leaves, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(keys, inner, max_size=5)), max_leaves=25)


@given(st.dictionaries(keys, values, min_size=1, max_size=6))
def test_any_nested_data_reads_back_exactly(data):
    text, lines = document_yaml(data, [], ENGLISH)
    assert read_back(text) == data
    assert set(lines) >= {(key,) for key in data}


@given(st.lists(strings, min_size=1, max_size=8), st.lists(strings, max_size=4))
def test_rows_and_lists_on_one_line_read_back_exactly(row, short):
    data = {"revisions": [dict(zip(["version", "author", "change", "x", "y", "z", "w", "v"], row,
                                   strict=False))],
            "responsible": short}
    text, _lines = document_yaml(data, [], ENGLISH)
    assert read_back(text) == data


def test_awkward_strings_read_back_exactly_everywhere():
    data = {"title": AWKWARD, "rows": [[value, value] for value in AWKWARD],
            "kpis": {value or "empty": {"name": value} for value in AWKWARD},
            "revisions": [{"change": value} for value in AWKWARD]}
    text, _lines = document_yaml(data, [], ENGLISH)
    assert read_back(text) == data
