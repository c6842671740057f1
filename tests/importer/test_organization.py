"""org.yaml for imported documents: a new one, commented, that docgen reads; or the
existing one extended with new people, their roles and new departments, every other byte
of it (comments, order, quoting) left as the user wrote it; and another company or
prefix reported instead of written over."""

from __future__ import annotations

import difflib
from pathlib import Path

from docgen.catalogue import import_files as said
from docgen.content.yaml_source import parse_yaml
from docgen.importer.organization import (
    derive_org_key,
    organization_conflicts,
    organization_yaml,
)
from tests.support.trees import REPO

XLSK = (REPO / "content" / "xlsk" / "org.yaml").read_text(encoding="utf-8")
YNTD = (REPO / "content" / "yntd" / "org.yaml").read_text(encoding="utf-8")


def data(text: str) -> dict:
    return parse_yaml(text, Path("org.yaml")).data


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """Return the lines the edit removed and those it added."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return ([line[2:] for line in diff if line.startswith("- ")],
            [line[2:] for line in diff if line.startswith("+ ")])


def test_a_new_org_yaml_is_commented_and_reads_back():
    text = organization_yaml(None, "滇池数据科技有限公司", "DCSJ",
                             {"孙丽": {"author"}, "周强": {"approver", "reviewer"}},
                             ["信息中心运维组", "信息中心运维组", "安全部"],
                             {"headings": "chapters", "numbered_lists": "（1）",
                              "captions": {"numbering": "none", "position": "above"}}, "policy")
    assert text.startswith("# 滇池数据科技有限公司: the organization behind these controlled")
    assert data(text) == {
        "name": "滇池数据科技有限公司", "prefix": "DCSJ", "template": "policy",
        "style": {"headings": "chapters", "numbered_lists": "（1）",
                  "captions": {"numbering": "none", "position": "above"}},
        "departments": [{"name": "信息中心运维组"}, {"name": "安全部"}],
        "people": [{"name": "孙丽", "signs": ["author"]},
                   {"name": "周强", "signs": ["reviewer", "approver"]}]}
    assert "# Everyone who signs controlled documents, and in which role they may sign: " \
           "author (编制)," in text


def test_a_new_org_yaml_without_people_or_departments_still_has_the_keys():
    text = organization_yaml(None, "Acme IT Services Ltd", "ACME", {}, [], {}, "")
    assert data(text) == {"name": "Acme IT Services Ltd", "prefix": "ACME",
                          "departments": [], "people": []}


def test_the_existing_file_gains_new_people_roles_and_departments_and_keeps_the_rest():
    text = organization_yaml(XLSK, "昆明星岚数据服务有限公司", "XLSJ",
                             {"王五": {"author"}, "杨帆": {"reviewer", "approver"},
                              "周敏": {"author"}}, ["信息中心", "综合管理部"], {"headings": "1"},
                             "")
    assert changed_lines(XLSK, text) == (
        ["    signs: [reviewer]"],
        ["  - name: 信息中心", "    signs: [reviewer, approver]", "  - name: 王五",
         "    signs: [author]"])
    read = data(text)
    assert read["people"][1] == {"name": "杨帆", "signs": ["reviewer", "approver"]}
    assert read["departments"][-1] == {"name": "信息中心"}
    assert read["style"] == data(XLSK)["style"]  # the user's house style is theirs


def test_a_person_without_signs_and_one_in_a_block_list_gain_their_roles():
    before = ("name: 曲靖云帆网络有限公司  # 注册名称\n"
              "prefix: QJYF\n"
              "departments:\n"
              "  - {name: 运维部}\n"
              "people:\n"
              "  - name: 何平\n"
              "    department: 运维部\n"
              "  - name: 杨柳\n"
              "    signs:\n"
              "      - reviewer\n"
              "  - {name: 蒋涛, signs: [approver]}\n"
              "\n"
              "# 以下为外部文件\n"
              "known_documents: []\n")
    text = organization_yaml(before, "曲靖云帆网络有限公司", "QJYF",
                             {"何平": {"author"}, "杨柳": {"approver", "reviewer"},
                              "蒋涛": {"approver"}, "新人": {"author"}}, ["质量部"], {}, "")
    read = data(text)
    assert read["people"] == [
        {"name": "何平", "department": "运维部", "signs": ["author"]},
        {"name": "杨柳", "signs": ["reviewer", "approver"]},
        {"name": "蒋涛", "signs": ["approver"]},
        {"name": "新人", "signs": ["author"]}]
    assert read["departments"] == [{"name": "运维部"}, {"name": "质量部"}]
    assert "  - {name: 质量部}" in text.splitlines()  # in the style of the list's last item
    assert "  - {name: 新人, signs: [author]}" in text.splitlines()
    assert "# 以下为外部文件" in text and "# 注册名称" in text


def test_empty_lists_become_lists_of_what_was_found():
    before = "name: 甲公司\nprefix: JGS\ndepartments: []\npeople:\n"
    text = organization_yaml(before, "甲公司", "JGS", {"张三": {"author"}}, ["综合部"], {}, "")
    assert data(text) == {"name": "甲公司", "prefix": "JGS", "departments": [{"name": "综合部"}],
                          "people": [{"name": "张三", "signs": ["author"]}]}


def test_another_company_or_prefix_is_reported_not_written_over():
    assert organization_conflicts(YNTD, "云南腾电科技有限公司", "YNTD") == []
    assert organization_conflicts(YNTD, "云南腾电科技有限公司", "yntd") == []
    found = organization_conflicts(YNTD, "昆明星岚数据服务有限公司", "XLSJ")
    assert [message.code for message in found] == [said.ORG_COMPANY_DIFFERS.code,
                                                   said.ORG_PREFIX_DIFFERS.code]
    assert found[0].params == {"existing": "云南腾电科技有限公司",
                               "found": "昆明星岚数据服务有限公司"}
    text = organization_yaml(YNTD, "昆明星岚数据服务有限公司", "XLSJ", {}, [], {}, "")
    assert text == YNTD


def test_the_org_key_is_the_prefix_in_lower_case():
    assert derive_org_key("云南腾电科技有限公司", "YNTD") == "yntd"
    assert derive_org_key("Acme", " QJ/YF ") == "qj-yf"
    assert derive_org_key("某公司", "") == "org"
