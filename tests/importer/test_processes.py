"""The process stage: the process groups a framework's prose enumerates become
`processes:` groups (the prose stays as written), the tables that detail a group get
`details:`, and a capability plan's sections that plan for a process get `process:`;
the checks then find in an imported set what they find in the hand-transcribed one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from docgen.catalogue import import_processes as said
from docgen.checks import run_checks
from docgen.i18n import ENGLISH
from docgen.importer.assemble import import_document
from docgen.importer.model import Origin
from docgen.importer.processes import find_processes
from docgen.pipeline import load_document_set
from docgen.project import Project
from tests.importer.making import Bold, T, body_of, heading, p
from tests.support.trees import REPO, TEMPLATES

CORPUS = REPO / "tests" / "fixtures" / "legacy"
PRODUCERS = ("word-style", "hand", "pandoc", "libreoffice")
RULES = ("STRUCT-ENUMERATION-TABLE", "XREF-PROCESS-COVERAGE")


def _bundled(number: str) -> dict:
    return yaml.safe_load((REPO / "content" / "yntd" / f"{number}.yaml").read_text("utf-8"))


def _walk(sections: list, titles: tuple[str, ...] = ()):
    """Yield each section with the titles above it."""
    for section in sections:
        yield section, titles
        yield from _walk(section.get("sections") or [], (*titles, section["title"]))


def _tables(sections: list) -> dict[str, list[dict]]:
    """Return the tables of each section, by the section's title."""
    return {section["title"]: [block["table"] for block in section.get("body") or []
                               if isinstance(block, dict) and "table" in block]
            for section, _ in _walk(sections)}


# --- the corpus --------------------------------------------------------------------------


@pytest.mark.parametrize("producer", PRODUCERS)
def test_the_framework_declares_the_groups_of_the_hand_transcription(producer):
    imported = import_document(CORPUS / producer / "YNTD-ITSS-0600.docx")
    assert imported.data["processes"] == _bundled("YNTD-ITSS-0600")["processes"]
    scope = next(section for section in imported.data["sections"]
                 if section["title"] == "范围" and section.get("body"))
    assert scope["body"][1:4] == [
        "核心过程：服务级别管理、服务台管理、事件管理、问题管理、配置管理、变更管理、发布管理；",
        "支撑过程：容量管理、可用性与连续性管理、信息安全管理、采购管理；",
        "管理过程：过程规划、过程监控、过程评审、过程改进。"]
    tables = _tables(imported.data["sections"])
    assert [table.get("details") for table in tables["核心过程管理要求"]] == ["core"]
    assert [table.get("details") for table in tables["支撑过程管理要求"]] == ["support"]
    assert [table.get("details") for table in tables["术语与定义"]] == [None]
    codes = {guess.path: guess.what.code for guess in imported.guesses
             if guess.what.code.startswith("import.processes.")}
    assert codes[("processes", 0)] == "import.processes.group"
    assert codes[("processes", 2, "kind")] == "import.processes.management-group"
    assert imported.origins[("processes", 0)].words.startswith("核心过程")


@pytest.mark.parametrize("producer", PRODUCERS)
def test_the_capability_plan_plans_for_the_processes_its_process_sections_name(producer):
    imported = import_document(CORPUS / producer / "YNTD-ITSS-0303.docx")
    assert imported.data["role"] == "capability_plan"
    assert "processes" not in imported.data
    tagged = {section["title"]: section["process"] for section, _ in
              _walk(imported.data["sections"]) if "process" in section}
    assert tagged == {title: title for title in (
        "服务级别管理", "服务报告管理", "事件管理", "问题管理", "变更管理", "发布管理", "配置管理",
        "服务可用性和连续性管理", "容量管理", "信息安全管理")}
    first = next(path for path in imported.origins if path[-1:] == ("process",))
    assert any(guess.path == first and guess.what == said.SECTION_PLANS_PROCESS(
        process=tagged[imported.origins[first].words]) for guess in imported.guesses)


def _process_findings(document_set) -> set[tuple]:
    return {(finding.rule, finding.document, finding.message.code,
             tuple(sorted(finding.message.params.items())))
            for finding in run_checks(document_set) if finding.rule in RULES}


def test_an_imported_set_has_the_process_findings_of_the_hand_transcribed_one(tmp_path):
    from docgen.importer.into_project import import_into_project

    project = Project(tmp_path / "content", TEMPLATES, tmp_path / "output")
    import_into_project(project, sorted((CORPUS / "word-style").glob("*.docx")),
                        language=ENGLISH)
    imported = _process_findings(load_document_set(project))
    bundled = _process_findings(load_document_set(REPO / "content"))
    assert {(rule, params) for rule, _, _, params in bundled} >= {
        ("STRUCT-ENUMERATION-TABLE", (("group", "核心过程"), ("name", "服务台管理"),
                                      ("number", "6.2."), ("title", "核心过程管理要求"))),
        ("XREF-PROCESS-COVERAGE", (("framework", "YNTD-ITSS-0600"), ("group", "支撑过程"),
                                   ("process", "采购管理")))}
    assert imported >= bundled
    # What the transcriber settled by reading: the plan's 服务台 (under 资源) plans for
    # 服务台管理, and its 服务可用性和连续性管理 is the framework's 可用性与连续性管理. The
    # import keeps the plan's own words, so the checks ask about both.
    assert {params for *_, params in imported - bundled} == {
        (("framework", "YNTD-ITSS-0600"), ("group", "核心过程"), ("process", "服务台管理")),
        (("framework", "YNTD-ITSS-0600"), ("group", "支撑过程"), ("process", "可用性与连续性管理"))}


# --- other companies' wording --------------------------------------------------------------


def test_another_company_names_its_flows_with_other_words_and_separators():
    body = body_of(
        heading("1 范围"),
        "本公司的运维服务流程分为三类。",
        "（1）核心流程包括：事件管理，问题管理，变更管理及发布管理。",
        "（2）本公司的支持流程有容量管理/可用性与连续性管理/信息安全管理/供应商管理等。",
        p("（3）", Bold("管理流程"), "为："),
        "● 流程策划；",
        "● 流程监视；",
        "● 流程改进。",
        heading("2 核心流程要求"),
        T([["序号", "流程名称", "要求"], ["1", "事件管理", "及时处理"], ["2", "问题管理", "根因分析"],
           ["3", "变更管理", "评审后实施"]]),
        heading("3 支持流程要求"),
        T([["流程类别", "流程名称"], ["支持", "容量管理"], ["支持", "信息安全管理"],
           ["支持", "供应商管理"]]))
    data = {"role": "process_framework", "sections": body.sections}
    found = find_processes(data, body.origins)
    assert found.groups == [
        {"id": "core", "name": "核心流程", "processes": ["事件管理", "问题管理", "变更管理", "发布管理"]},
        {"id": "support", "name": "支持流程",
         "processes": ["容量管理", "可用性与连续性管理", "信息安全管理", "供应商管理"]},
        {"id": "management", "name": "管理流程", "kind": "management",
         "processes": ["流程策划", "流程监视", "流程改进"]}]
    tables = _tables(data["sections"])
    # The checks read a table's first column that does not number the rows: 流程名称 after
    # 序号 is read, 流程名称 after 流程类别 is not, so that table details no group.
    assert tables["核心流程要求"][0]["details"] == "core"
    assert "details" not in tables["支持流程要求"][0]
    assert data["sections"][0]["body"][1]["numbered"][0] == "核心流程包括：事件管理，问题管理，变更管理及发布管理。"


def test_a_group_without_a_known_word_is_numbered_and_a_second_core_group_too():
    sections = [{"title": "范围", "body": [
        "服务管理过程：服务级别管理、服务报告管理",
        {"bullets": ["关键过程包括事件管理和问题管理；", "核心过程：变更管理、发布管理、配置管理。"]},
        "其中，运维流程主要包括：监控管理、巡检管理、备份管理。"]}]
    found = find_processes({"sections": sections}, {})
    assert [(group["id"], group["name"], group["processes"]) for group in found.groups] == [
        ("group_1", "服务管理过程", ["服务级别管理", "服务报告管理"]),
        ("core", "关键过程", ["事件管理", "问题管理"]),
        ("group_2", "核心过程", ["变更管理", "发布管理", "配置管理"]),
        ("group_3", "运维流程", ["监控管理", "巡检管理", "备份管理"])]
    assert all("kind" not in group for group in found.groups)


@pytest.mark.parametrize("text", [
    "变更流程：提交申请、评审、实施、关闭。",                      # a process's own steps
    "“3类过程集合”：核心过程、支撑过程、管理过程，形成完整的过程管理链路；",
    "本制度适用于所有运维服务项目的全过程，具体包括：",
    "核心过程为客户提供的服务质量负责，包括事件管理、问题管理。",  # a sentence, not names
    "核心过程：事件管理。",                                     # one name is no group
    "运维部：作为核心过程的主要执行部门，负责事件管理、问题管理等核心过程的日常运行；",
])
def test_prose_that_enumerates_no_group_declares_none(text):
    assert find_processes({"sections": [{"title": "范围", "body": [text]}]}, {}).groups == []


def test_a_colon_without_a_list_after_it_declares_nothing():
    sections = [{"title": "范围", "body": ["核心过程包括：", "事件管理、问题管理由运维部负责。"]}]
    assert find_processes({"sections": sections}, {}).groups == []


def test_a_group_named_twice_is_declared_once():
    sections = [{"title": "范围", "body": ["支撑过程：容量管理、采购管理；"]},
                {"title": "支撑过程", "body": ["支撑过程包括容量管理、采购管理。"]}]
    assert len(find_processes({"sections": sections}, {}).groups) == 1


def test_a_table_details_a_group_only_under_its_name_and_when_it_lists_mostly_its_processes():
    def table(*names: str) -> dict:
        return {"table": {"header": [["过程", "目标"]], "rows": [[name, "……"] for name in names]}}

    sections = [
        {"title": "范围", "body": ["核心过程：事件管理、问题管理、变更管理、发布管理。"]},
        {"title": "核心过程一览", "body": [table("事件管理", "问题管理", "服务报告管理")]},
        {"title": "职责", "body": [table("事件管理", "问题管理", "变更管理")]},
        {"title": "核心过程要求", "body": [table("事件管理", "人员管理", "培训管理", "考核管理")]},
        {"title": "核心流程的接口", "body": [
            {"table": {"header": [["过程", "说明"]],
                       "rows": [[{"text": "事件管理", "rows": 2}, "记录"], ["升级"],
                                ["变更管理", "评审"], {"cells": ["合计", "3"], "total": ["说明"]}]}}]},
    ]
    found = find_processes({"sections": sections}, {("sections", 1): Origin(paragraph=7)})
    assert [block["table"].get("details") for section in sections[1:]
            for block in section["body"]] == ["core", None, None, "core"]
    assert found.guesses[-2].what == said.TABLE_DETAILS_GROUP(
        matched=2, count=4, name="核心过程", id="core")
    assert found.origins[("sections", 1, "body", 0, "table", "details")] == Origin(paragraph=7)


def test_only_a_capability_plans_process_sections_plan_for_a_process():
    sections = [
        {"title": "人员", "sections": [{"title": "人员管理"}, {"title": "绩效管理"}]},
        {"title": "服务过程", "sections": [
            {"title": "过程管理"}, {"title": "事件管理"}, {"title": "问题管理流程"},
            {"title": "年度目标"}]},
        {"title": "资源", "sections": [{"title": "供应商管理"}, {"title": "备件库"}]},
        {"title": "范围", "body": ["支撑流程：供应商管理、知识管理。"]},
    ]
    plan = {"role": "capability_plan", "sections": sections}
    find_processes(plan, {})
    tagged = {section["title"]: section["process"] for section, _ in _walk(sections)
              if "process" in section}
    assert tagged == {"事件管理": "事件管理", "问题管理流程": "问题管理", "供应商管理": "供应商管理"}

    framework = {"role": "process_framework", "sections": [
        {"title": "过程", "sections": [{"title": "事件管理"}]}]}
    find_processes(framework, {})
    assert "process" not in framework["sections"][0]["sections"][0]


def test_an_imported_framework_writes_its_groups_as_yaml(tmp_path: Path):
    from docgen.importer.into_project import import_into_project

    project = Project(tmp_path / "content", TEMPLATES, tmp_path / "output")
    import_into_project(project, [CORPUS / "hand" / "YNTD-ITSS-0600.docx"], language=ENGLISH)
    [written] = (tmp_path / "content").rglob("YNTD-ITSS-0600.yaml")
    text = written.read_text("utf-8")
    assert "# import: guessed: read “核心过程：服务级别管理" in text
    assert yaml.safe_load(text)["processes"] == _bundled("YNTD-ITSS-0600")["processes"]
