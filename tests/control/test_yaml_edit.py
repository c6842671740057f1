"""Editing content files in place: only the edit changes, every other byte stays.

Each case states the whole file before and after the edit, so that a test fails on any
byte that moved: indentation, key order, comments, blank lines, line ends, a BOM.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.content.yaml_source import parse_yaml
from docgen.control.yaml_edit import YamlText, scalar
from docgen.errors import UsageError

FILE = Path("doc.yaml")
ROW = {"version": "V1.1", "author": "赵六", "change": "修订"}


def appended(text: str, item: dict[str, str] = ROW, key: str = "revisions") -> str:
    """Return `text` with `item` appended to its top-level list `key`."""
    editable = YamlText(text, FILE)
    editable.append_item(key, item)
    return editable.encoded().decode("utf-8")


def with_values(text: str, values: dict[str, str], before: str = "revisions") -> str:
    """Return `text` with the top-level `values` set."""
    editable = YamlText(text, FILE)
    editable.set_values(values, before=before)
    return editable.encoded().decode("utf-8")


def read_back(text: str):
    """Return what docgen reads from `text`."""
    return parse_yaml(text.removeprefix("\ufeff"), FILE).data


# --- append_item: block mappings ------------------------------------------------------


def test_an_item_is_appended_to_a_list_indented_by_two_with_the_same_indentation():
    before = ("title: 示例\n"
              "revisions:\n"
              "  - version: V1.0\n"
              "    author: 张三\n"
              "    change: 首次发布\n"
              "sections: []\n")
    assert appended(before) == ("title: 示例\n"
                                "revisions:\n"
                                "  - version: V1.0\n"
                                "    author: 张三\n"
                                "    change: 首次发布\n"
                                "  - version: V1.1\n"
                                "    author: 赵六\n"
                                "    change: 修订\n"
                                "sections: []\n")


def test_an_item_is_appended_to_a_list_whose_dashes_are_at_column_zero():
    before = ("revisions:\n"
              "- version: V1.0\n"
              "  author: 张三\n"
              "  change: 首次发布\n"
              "sections: []\n")
    assert appended(before) == ("revisions:\n"
                                "- version: V1.0\n"
                                "  author: 张三\n"
                                "  change: 首次发布\n"
                                "- version: V1.1\n"
                                "  author: 赵六\n"
                                "  change: 修订\n"
                                "sections: []\n")


def test_the_spacing_after_the_dash_of_the_last_item_is_kept():
    before = ("revisions:\n"
              "  -   version: V1.0\n"
              "      change: 首次发布\n")
    assert appended(before, {"version": "V1.1", "change": "修订"}) == (
        "revisions:\n"
        "  -   version: V1.0\n"
        "      change: 首次发布\n"
        "  -   version: V1.1\n"
        "      change: 修订\n")


def test_the_new_item_follows_the_key_order_of_the_last_item_and_new_keys_go_last():
    before = ("revisions:\n"
              "  - change: 首次发布\n"
              "    version: V1.0\n"
              "    reviewer: 李四\n")
    item = {"version": "V1.1", "author": "赵六", "change": "修订", "date": "2025-03-01"}
    assert appended(before, item) == ("revisions:\n"
                                      "  - change: 首次发布\n"
                                      "    version: V1.0\n"
                                      "    reviewer: 李四\n"
                                      "  - change: 修订\n"
                                      "    version: V1.1\n"
                                      "    author: 赵六\n"
                                      "    date: 2025-03-01\n")


def test_the_new_item_follows_the_last_item_not_the_first():
    before = ("revisions:\n"
              "  - version: V1.0\n"
              "    change: 首次发布\n"
              "  - change: 第二版\n"
              "    version: V1.1\n")
    assert appended(before, {"version": "V1.2", "change": "修订"}) == (
        "revisions:\n"
        "  - version: V1.0\n"
        "    change: 首次发布\n"
        "  - change: 第二版\n"
        "    version: V1.1\n"
        "  - change: 修订\n"
        "    version: V1.2\n")


def test_an_item_appended_twice_gives_two_items_in_order():
    before = ("revisions:\n"
              "  - version: V1.0\n"
              "    change: 首次发布\n")
    editable = YamlText(before, FILE)
    editable.append_item("revisions", {"version": "V1.1", "change": "一"})
    editable.append_item("revisions", {"version": "V1.2", "change": "二"})
    assert editable.text == ("revisions:\n"
                             "  - version: V1.0\n"
                             "    change: 首次发布\n"
                             "  - version: V1.1\n"
                             "    change: 一\n"
                             "  - version: V1.2\n"
                             "    change: 二\n")


def test_only_the_top_level_list_of_that_name_grows():
    before = ("sections:\n"
              "  - title: 目的\n"
              "    revisions:\n"
              "      - version: V9.9\n"
              "revisions:\n"
              "  - version: V1.0\n"
              "    change: 首次发布\n")
    assert appended(before, {"version": "V1.1", "change": "修订"}) == (
        before + "  - version: V1.1\n"
                 "    change: 修订\n")


# --- append_item: where the new item goes --------------------------------------------


def test_after_a_last_value_in_a_block_scalar_the_new_item_follows_the_scalar_text():
    before = ("revisions:\n"
              "  - version: V1.0\n"
              "    change: |\n"
              "      第一行\n"
              "      第二行\n"
              "# 以上为履历\n"
              "sections: []\n")
    after = appended(before, {"version": "V1.1", "change": "修订"})
    assert after == ("revisions:\n"
                     "  - version: V1.0\n"
                     "    change: |\n"
                     "      第一行\n"
                     "      第二行\n"
                     "  - version: V1.1\n"
                     "    change: 修订\n"
                     "# 以上为履历\n"
                     "sections: []\n")
    assert read_back(after)["revisions"] == [{"version": "V1.0", "change": "第一行\n第二行\n"},
                                             {"version": "V1.1", "change": "修订"}]


def test_a_kept_block_scalar_keeps_its_trailing_blank_lines_as_its_own_text():
    before = ("revisions:\n"
              "  - version: V1.0\n"
              "    change: |+\n"
              "      第一行\n"
              "\n"
              "sections: []\n")
    after = appended(before, {"version": "V1.1", "change": "修订"})
    assert after == ("revisions:\n"
                     "  - version: V1.0\n"
                     "    change: |+\n"
                     "      第一行\n"
                     "\n"
                     "  - version: V1.1\n"
                     "    change: 修订\n"
                     "sections: []\n")
    assert read_back(after)["revisions"][0]["change"] == "第一行\n\n"


def test_after_a_clipped_block_scalar_the_new_item_goes_before_the_blank_lines_that_follow():
    before = ("revisions:\n"
              "  - version: V1.0\n"
              "    change: |\n"
              "      第一行\n"
              "\n"
              "# 以上为履历\n"
              "sections: []\n")
    assert appended(before, {"version": "V1.1", "change": "修订"}) == (
        "revisions:\n"
        "  - version: V1.0\n"
        "    change: |\n"
        "      第一行\n"
        "  - version: V1.1\n"
        "    change: 修订\n"
        "\n"
        "# 以上为履历\n"
        "sections: []\n")


def test_the_new_item_goes_right_after_the_last_items_text_before_trailing_comments_and_blanks():
    before = ("revisions:\n"
              "  - version: V1.0\n"
              "    change: 首次发布\n"
              "  # 下一版在此之后\n"
              "\n"
              "# 正文\n"
              "\n"
              "sections: []\n")
    assert appended(before, {"version": "V1.1", "change": "修订"}) == (
        "revisions:\n"
        "  - version: V1.0\n"
        "    change: 首次发布\n"
        "  - version: V1.1\n"
        "    change: 修订\n"
        "  # 下一版在此之后\n"
        "\n"
        "# 正文\n"
        "\n"
        "sections: []\n")


def test_a_comment_on_the_last_line_of_the_last_item_stays_on_that_line():
    before = ("revisions:\n"
              "  - version: V1.0\n"
              "    change: 首次发布   # 原稿如此\n"
              "sections: []\n")
    assert appended(before, {"version": "V1.1", "change": "修订"}) == (
        "revisions:\n"
        "  - version: V1.0\n"
        "    change: 首次发布   # 原稿如此\n"
        "  - version: V1.1\n"
        "    change: 修订\n"
        "sections: []\n")


def test_a_last_item_with_a_nested_list_gets_the_new_item_after_its_last_entry():
    before = ("revisions:\n"
              "  - version: V1.0\n"
              "    change:\n"
              "      - 甲\n"
              "      - 乙\n"
              "# 注\n")
    assert appended(before, {"version": "V1.1", "change": "修订"}) == (
        "revisions:\n"
        "  - version: V1.0\n"
        "    change:\n"
        "      - 甲\n"
        "      - 乙\n"
        "  - version: V1.1\n"
        "    change: 修订\n"
        "# 注\n")


def test_a_file_without_a_final_newline_gets_one_before_the_new_item():
    before = ("revisions:\n"
              "  - version: V1.0\n"
              "    change: 首次发布")
    assert appended(before, {"version": "V1.1", "change": "修订"}) == (
        "revisions:\n"
        "  - version: V1.0\n"
        "    change: 首次发布\n"
        "  - version: V1.1\n"
        "    change: 修订\n")


def test_trailing_blank_lines_at_the_end_of_the_file_stay_at_the_end():
    before = ("revisions:\n"
              "  - version: V1.0\n"
              "    change: 首次发布\n"
              "\n"
              "\n")
    assert appended(before, {"version": "V1.1", "change": "修订"}) == (
        "revisions:\n"
        "  - version: V1.0\n"
        "    change: 首次发布\n"
        "  - version: V1.1\n"
        "    change: 修订\n"
        "\n"
        "\n")


def test_an_item_whose_dash_stands_alone_on_its_line_gets_a_new_item_the_file_can_still_read():
    before = ("revisions:\n"
              "  -\n"
              "    version: V1.0\n"
              "    change: 首次发布\n"
              "sections: []\n")
    after = appended(before, {"version": "V1.1", "change": "修订"})
    assert after.startswith(before.removesuffix("sections: []\n"))
    assert after.endswith("\nsections: []\n")
    assert read_back(after) == {"revisions": [{"version": "V1.0", "change": "首次发布"},
                                              {"version": "V1.1", "change": "修订"}],
                                "sections": []}


# --- append_item: flow mappings, line ends, BOM ---------------------------------------


def test_a_flow_mapping_item_gets_a_flow_mapping_item_at_the_same_column():
    before = ("revisions:\n"
              "  - {version: V1.0, author: 张三, change: 首次发布}\n"
              "sections: []\n")
    assert appended(before) == ("revisions:\n"
                                "  - {version: V1.0, author: 张三, change: 首次发布}\n"
                                "  - {version: V1.1, author: 赵六, change: 修订}\n"
                                "sections: []\n")


def test_a_flow_mapping_spread_over_lines_gets_the_new_item_after_its_closing_brace():
    before = ("revisions:\n"
              "  - {version: V1.0, author: 张三,\n"
              "     change: 首次发布}  # 首版\n"
              "# 正文\n"
              "sections: []\n")
    assert appended(before) == ("revisions:\n"
                                "  - {version: V1.0, author: 张三,\n"
                                "     change: 首次发布}  # 首版\n"
                                "  - {version: V1.1, author: 赵六, change: 修订}\n"
                                "# 正文\n"
                                "sections: []\n")


def test_in_a_flow_mapping_item_commas_and_brackets_are_quoted():
    before = "revisions:\n  - {version: V1.0, change: 首次发布}\n"
    item = {"version": "V1.1", "change": "修订表1, 表2 [附录]"}
    after = appended(before, item)
    assert after == ("revisions:\n"
                     "  - {version: V1.0, change: 首次发布}\n"
                     '  - {version: V1.1, change: "修订表1, 表2 [附录]"}\n')
    assert read_back(after)["revisions"][1] == item


def test_a_crlf_file_gets_its_new_lines_with_crlf():
    before = ("title: 示例\r\n"
              "revisions:\r\n"
              "  - version: V1.0\r\n"
              "    change: 首次发布\r\n"
              "sections: []\r\n")
    assert appended(before, {"version": "V1.1", "change": "修订"}) == (
        "title: 示例\r\n"
        "revisions:\r\n"
        "  - version: V1.0\r\n"
        "    change: 首次发布\r\n"
        "  - version: V1.1\r\n"
        "    change: 修订\r\n"
        "sections: []\r\n")


def test_a_crlf_file_without_a_final_line_end_gets_a_crlf_before_the_new_item():
    before = ("revisions:\r\n"
              "  - {version: V1.0, change: 首次发布}")
    assert appended(before, {"version": "V1.1", "change": "修订"}) == (
        "revisions:\r\n"
        "  - {version: V1.0, change: 首次发布}\r\n"
        "  - {version: V1.1, change: 修订}\r\n")


def test_a_bom_is_kept_and_nothing_is_inserted_before_it():
    before = ("\ufeffrevisions:\n"
              "  - version: V1.0\n"
              "    change: 首次发布\n")
    editable = YamlText(before, FILE)
    editable.append_item("revisions", {"version": "V1.1", "change": "修订"})
    assert editable.encoded() == ("\ufeffrevisions:\n"
                                  "  - version: V1.0\n"
                                  "    change: 首次发布\n"
                                  "  - version: V1.1\n"
                                  "    change: 修订\n").encode()
    assert editable.encoded().startswith(b"\xef\xbb\xbfrevisions:")


def test_a_file_without_a_bom_gets_none():
    editable = YamlText("revisions:\n  - {version: V1.0}\n", FILE)
    editable.append_item("revisions", {"version": "V1.1"})
    assert editable.encoded() == b"revisions:\n  - {version: V1.0}\n  - {version: V1.1}\n"


def test_values_that_need_quotes_are_quoted_and_read_back_as_given():
    before = "revisions:\n  - version: V1.0\n    change: 首次发布\n"
    item = {"version": "V1.1", "change": "修订: 目标 #2", "note": "null", "author": "- 张三"}
    after = appended(before, item)
    assert after == ("revisions:\n"
                     "  - version: V1.0\n"
                     "    change: 首次发布\n"
                     "  - version: V1.1\n"
                     '    change: "修订: 目标 #2"\n'
                     '    note: "null"\n'
                     '    author: "- 张三"\n')
    assert read_back(after)["revisions"][1] == item


# --- append_item: refusals -------------------------------------------------------------


NOT_A_BLOCK_LIST = ("doc.yaml: 'revisions' must be a list written with '- ' lines to be edited "
                    "by docgen",
                    "write each item of 'revisions' on its own line starting with '- '")

REFUSED_APPENDS = {
    "no such key": ("title: 示例\nsections: []\n",
                    ("doc.yaml: there is no 'revisions:' list to add to",
                     "add 'revisions:' to the file first")),
    "the key only nested": ("sections:\n  - revisions:\n      - {version: V1.0}\n",
                            ("doc.yaml: there is no 'revisions:' list to add to",
                             "add 'revisions:' to the file first")),
    "a flow list": ("revisions: [{version: V1.0, change: 首次发布}]\n", NOT_A_BLOCK_LIST),
    "an empty flow list": ("revisions: []\n", NOT_A_BLOCK_LIST),
    "an empty value": ("revisions:\nsections: []\n", NOT_A_BLOCK_LIST),
    "a mapping": ("revisions:\n  version: V1.0\n", NOT_A_BLOCK_LIST),
    "items that are text": ("revisions:\n  - V1.0\n  - V1.1\n",
                            ("doc.yaml: the items of 'revisions' must be mappings",
                             "fix the file first")),
    "a last item that is a list": ("revisions:\n  - {version: V1.0}\n  - [V1.1]\n",
                                   ("doc.yaml: the items of 'revisions' must be mappings",
                                    "fix the file first")),
    "a file that is a list": ("- version: V1.0\n",
                              ("doc.yaml: the file is not a mapping", "fix the file first")),
}


@pytest.mark.parametrize("case", REFUSED_APPENDS, ids=list(REFUSED_APPENDS))
def test_append_item_refuses_what_it_cannot_edit_and_leaves_the_text_alone(case):
    text, (message, hint) = REFUSED_APPENDS[case]
    editable = YamlText(text, FILE)
    with pytest.raises(UsageError) as refused:
        editable.append_item("revisions", {"version": "V1.1", "change": "修订"})
    assert (refused.value.message, refused.value.hint) == (message, hint)
    assert editable.text == text


def test_a_file_with_yaml_errors_is_refused_before_any_edit():
    text = "revisions:\n  - {version: V1.0\n"
    editable = YamlText(text, FILE)
    with pytest.raises(UsageError) as refused:
        editable.append_item("revisions", {"version": "V1.1"})
    assert refused.value.message.startswith("doc.yaml: cannot edit a file with YAML errors: ")
    assert refused.value.hint == "run docgen check and fix the file first"
    assert editable.text == text


def test_has_finds_top_level_keys_only():
    editable = YamlText("title: 示例\nsections:\n  - status: x\n", FILE)
    assert editable.has("title")
    assert editable.has("sections")
    assert not editable.has("status")


# --- set_values ------------------------------------------------------------------------


def test_set_values_replaces_an_existing_value_and_keeps_its_trailing_comment():
    before = ("title: 示例\n"
              "status: current   # current 或 withdrawn\n"
              "revisions:\n"
              "  - {version: V1.0}\n")
    assert with_values(before, {"status": "withdrawn"}) == (
        "title: 示例\n"
        "status: withdrawn   # current 或 withdrawn\n"
        "revisions:\n"
        "  - {version: V1.0}\n")


def test_set_values_replaces_a_quoted_value_with_the_new_text():
    before = "status: 'current'\nrevisions:\n  - {version: V1.0}\n"
    assert with_values(before, {"status": "withdrawn"}) == (
        "status: withdrawn\nrevisions:\n  - {version: V1.0}\n")


def test_set_values_fills_an_empty_value_right_after_its_colon():
    before = ("status:\n"
              "revisions:\n"
              "  - {version: V1.0}\n")
    assert with_values(before, {"status": "withdrawn"}) == ("status: withdrawn\n"
                                                            "revisions:\n"
                                                            "  - {version: V1.0}\n")


def test_set_values_fills_an_empty_value_that_has_a_comment_before_the_comment():
    before = ("status:   # 作废时填写\n"
              "revisions:\n"
              "  - {version: V1.0}\n")
    assert with_values(before, {"status": "withdrawn"}) == ("status: withdrawn   # 作废时填写\n"
                                                            "revisions:\n"
                                                            "  - {version: V1.0}\n")


def test_set_values_inserts_missing_keys_in_the_order_given_just_before_the_named_key():
    before = ("title: 示例\n"
              "kind: 计划\n"
              "\n"
              "revisions:\n"
              "  - {version: V1.0}\n")
    values = {"status": "withdrawn", "withdrawn_on": "2025-06-01",
              "withdrawn_reason": "并入: YNTD-ITSS-0303 #4"}
    after = with_values(before, values)
    assert after == ("title: 示例\n"
                     "kind: 计划\n"
                     "\n"
                     "status: withdrawn\n"
                     "withdrawn_on: 2025-06-01\n"
                     'withdrawn_reason: "并入: YNTD-ITSS-0303 #4"\n'
                     "revisions:\n"
                     "  - {version: V1.0}\n")
    assert {key: read_back(after)[key] for key in values} == values


def test_set_values_replaces_present_keys_and_inserts_only_the_missing_ones():
    before = ("status: current\n"
              "revisions:\n"
              "  - {version: V1.0}\n")
    assert with_values(before, {"status": "withdrawn", "withdrawn_on": "2025-06-01"}) == (
        "status: withdrawn\n"
        "withdrawn_on: 2025-06-01\n"
        "revisions:\n"
        "  - {version: V1.0}\n")


def test_set_values_keeps_crlf_and_the_bom():
    before = ("\ufefftitle: 示例\r\n"
              "status: current\r\n"
              "revisions:\r\n"
              "  - {version: V1.0}\r\n")
    editable = YamlText(before, FILE)
    editable.set_values({"status": "withdrawn", "withdrawn_on": "2025-06-01"},
                        before="revisions")
    assert editable.encoded() == ("\ufefftitle: 示例\r\n"
                                  "status: withdrawn\r\n"
                                  "withdrawn_on: 2025-06-01\r\n"
                                  "revisions:\r\n"
                                  "  - {version: V1.0}\r\n").encode()


def test_set_values_inserts_missing_keys_above_the_comment_that_introduces_the_named_key():
    before = ("title: 示例\n"
              "\n"
              "# 文件编制和变更履历\n"
              "revisions:\n"
              "  - {version: V1.0}\n")
    assert with_values(before, {"status": "withdrawn"}) == ("title: 示例\n"
                                                            "\n"
                                                            "status: withdrawn\n"
                                                            "# 文件编制和变更履历\n"
                                                            "revisions:\n"
                                                            "  - {version: V1.0}\n")


REFUSED_VALUES = {
    "no anchor key": ("title: 示例\n",
                      ("doc.yaml: there is no top-level 'revisions:'", "fix the file first")),
    "a list value": ("status: [current]\nrevisions: []\n",
                     ("doc.yaml: 'status' must be a single-line value", "fix the file first")),
    "a multi-line value": ("status: |\n  current\n  draft\nrevisions: []\n",
                           ("doc.yaml: 'status' must be a single-line value",
                            "fix the file first")),
}


@pytest.mark.parametrize("case", REFUSED_VALUES, ids=list(REFUSED_VALUES))
def test_set_values_refuses_what_it_cannot_edit_and_leaves_the_text_alone(case):
    text, (message, hint) = REFUSED_VALUES[case]
    editable = YamlText(text, FILE)
    with pytest.raises(UsageError) as refused:
        editable.set_values({"status": "withdrawn"}, before="revisions")
    assert (refused.value.message, refused.value.hint) == (message, hint)
    assert editable.text == text


# --- scalar ----------------------------------------------------------------------------


def read_scalar(written: str, *, flow: bool = False) -> str:
    """Return the value docgen reads for `written` in a block mapping or a flow mapping."""
    if flow:
        return parse_yaml(f"k: {{v: {written}, w: x}}\n", FILE).data["k"]["v"]
    return parse_yaml(f"k: {written}\n", FILE).data["k"]


PLAIN = ["修订KPI目标", "首次发布", "2025-01-07", "2025.1.7", "V1.0", "V1.10", "1.10", "NO", "true",
         "≥95%", "a:b", "http://example.com/a", "it's", 'say "hi"', "a#b", "...", "a\\b",
         "第1章、第2章", "变更成功次数/变更的次数*100%"]


@pytest.mark.parametrize("value", PLAIN)
def test_ordinary_text_dates_and_versions_are_written_plain_and_read_back_as_given(value):
    assert scalar(value) == value
    assert scalar(value, flow=True) == value
    assert read_scalar(scalar(value)) == value
    assert read_scalar(scalar(value, flow=True), flow=True) == value


QUOTED = ["", "null", "Null", "NULL", "~", "修订: KPI", "目标 #2", "-", "-x", "- 列表", "[附录]",
          "*星号", "&锚", "!标签", "%百分", "@人", "'单引号'", '"双引号"', "`反引号`", "结尾冒号:",
          "第一行\n第二行", "制表\t符", " 前空格", "后空格 ", "?问", "{括号}", "|竖线", ">大于",
          "#井号", ",逗号", "---", "--- x", "全角空格\u3000", "行\u2028分隔"]


@pytest.mark.parametrize("value", QUOTED)
def test_text_yaml_would_misread_is_quoted_and_read_back_as_given(value):
    written = scalar(value)
    assert written != value
    assert written.startswith('"') and written.endswith('"')
    assert read_scalar(written) == value
    assert read_scalar(scalar(value, flow=True), flow=True) == value


@pytest.mark.parametrize("value", ["a,b", "表1, 表2", "a[b]", "附录]", "a{b}", "a}b"])
def test_commas_and_brackets_are_plain_in_block_context_but_quoted_in_flow_context(value):
    assert scalar(value) == value
    assert read_scalar(scalar(value)) == value
    flow = scalar(value, flow=True)
    assert flow.startswith('"') and flow.endswith('"')
    assert read_scalar(flow, flow=True) == value


def test_quotes_and_backslashes_inside_quoted_text_are_escaped():
    assert scalar('说明: "甲" \\ 乙') == '"说明: \\"甲\\" \\\\ 乙"'
    assert read_scalar(scalar('说明: "甲" \\ 乙')) == '说明: "甲" \\ 乙'


@pytest.mark.parametrize("value", ["=", "<<"])
def test_text_that_yaml_resolves_to_special_tags_is_quoted_and_read_back_as_given(value):
    assert read_scalar(scalar(value)) == value


@pytest.mark.parametrize("value", ["a\x85b", "a\x7fb"])
def test_text_with_yaml_line_breaks_or_special_characters_reads_back_as_given(value):
    assert read_scalar(scalar(value)) == value
