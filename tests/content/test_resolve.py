"""Resolution: numbers, facts in prose, tables on a grid, totals, and what is refused."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from docgen.content.loader import load_content
from docgen.content.model import Heading, ListBlock, Paragraph, TableBlock
from docgen.content.resolve import resolve_content
from docgen.errors import ContentError
from docgen.render.docx import caption_text
from tests.support.trees import demo_project, document_yaml


def resolve(tmp_path: Path, sections: str, extra: str = ""):
    demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": document_yaml(sections, extra=extra)},
                 templates=False)
    return resolve_content(load_content(tmp_path / "content")).documents[0]


def refusal(tmp_path: Path, sections: str, extra: str = "") -> list[tuple[int, str, str]]:
    with pytest.raises(ContentError) as raised:
        resolve(tmp_path, sections, extra)
    return [(p.location.line, p.message, p.hint) for p in raised.value.problems]


def test_headings_are_numbered_by_their_place(tmp_path):
    document = resolve(tmp_path, """\
        - title: 目的
        - title: 实施
          sections:
            - title: 人员
              sections:
                - title: 招聘
                  sections:
                    - title: 外部招聘
            - title: 资源
    """)
    assert [(h.level, document.style.heading_line(h.numbers, h.title))
            for h in document.headings] == [
        (1, "1. 目的"), (2 - 1, "2. 实施"), (2, "2.1. 人员"), (3, "2.1.1. 招聘"),
        (4, "2.1.1.1. 外部招聘"), (2, "2.2. 资源")]
    assert len({h.bookmark for h in document.headings}) == 6


def test_a_fifth_heading_level_is_refused(tmp_path):
    [(line, message, _hint)] = refusal(tmp_path, """\
        - title: 一
          sections:
            - title: 二
              sections:
                - title: 三
                  sections:
                    - title: 四
                      sections:
                        - title: 五
    """)
    assert line == 23
    assert message == ("sections nest 5 levels deep here; headings are numbered to 4 levels "
                       "(4.1.1.1.)")


def test_prose_interpolates_kpis_activities_sections_and_documents(tmp_path):
    document = resolve(tmp_path, """\
        - title: 人员
          id: people
          body:
            - "考核指标为{{ kpi.recruitment.name }}，目标值{{ kpi.recruitment.target }}，\\
              不低于{{ kpi.recruitment.target.quantity }}，{{ kpi.recruitment.period }}考核。"
            - "内审由{{ activity.audit.responsible | join_and }}组织，见{{ section.people }}。"
            - "本文件为{{ doc.title }}（{{ doc.number }} {{ doc.version }}），{{ org.name }}。"
    """, extra="""\
        kpis:
          recruitment:
            name: 招聘计划完成率
            target: ≥95%
            period: 年度
        activities:
          audit:
            name: 内审
            responsible: [质量部, 运维部]
    """)
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert texts == ["考核指标为招聘计划完成率，目标值≥95%，不低于95%，年度考核。",
                     "内审由质量部和运维部组织，见1. 人员。",
                     "本文件为示例管理计划（DEMO-ITSS-0001 V1.0），示例科技有限公司。"]


def test_departments_stay_a_list_that_prose_prints_joined(tmp_path):
    document = resolve(tmp_path, """\
        - title: 人员
          body:
            - "{{ activity.audit.responsible }}；{{ activity.audit.responsible[1] }}；\\
              {{ activity.audit.responsible | join_cn }}"
    """, extra="""\
        activities:
          audit: {name: 内审, responsible: [质量部, 运维部]}
    """)
    [paragraph] = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert paragraph == "质量部、运维部；运维部；质量部、运维部"


def test_an_unknown_fact_is_an_error_at_its_line(tmp_path):
    [(line, message, hint)] = refusal(tmp_path, """\
        - title: 目的
          body:
            - "目标值为{{ kpi.recruitmnt.target }}"
    """)
    assert line == 17
    assert message == ("{{ kpi.recruitmnt.target }} names a KPI that does not exist: no KPI "
                       "with id 'recruitmnt' in this document")
    assert hint == "known kpis: none"


@pytest.mark.parametrize("expression, message", [
    ("{{ ''.__class__.__mro__ }}", "{{ ''.__class__.__mro__ }} may only cite facts: text or a "
                                   "number of its own is not allowed in prose"),
    ("{{ kpi.__class__ }}", "expression refused by the sandbox"),
    ("{{ config }}", "{{ config }} names nothing docgen knows"),
    ("{% include '/etc/passwd' %}", "{% include %} is not allowed in prose"),
    ("{% import 'x' as y %}", "{% import %} is not allowed in prose"),
    ("{{ 'x' * 1000000000 }}", "{{ 'x' * 1000000000 }} may only cite facts: arithmetic"),
    ("{{ kpi.clear() }}", "{{ kpi.clear() }} may only cite facts: a call of a method"),
    ("{{ 9 ** 999999 }}", "{{ 9 ** 999999 }} may only cite facts: arithmetic"),
])
def test_prose_cannot_reach_outside_its_facts(tmp_path, expression, message):
    [(_line, found, _hint)] = refusal(tmp_path, f"""\
        - title: 目的
          body:
            - "{expression}"
    """)
    assert found.startswith(message)


def test_a_jinja_syntax_error_is_explained(tmp_path):
    [(line, message, _hint)] = refusal(tmp_path, """\
        - title: 目的
          body:
            - "目标值为{{ kpi.x.target"
    """)
    assert line == 17
    assert message.startswith("error in {{ ... }}:")


def test_a_kpi_table_lists_the_declared_kpis(tmp_path):
    document = resolve(tmp_path, """\
        - title: KPI指标
          body:
            - kpi_table: [recruitment]
    """, extra="""\
        kpis:
          recruitment: {name: 招聘计划完成率, formula: 实际/计划×100%, target: ≥95%, period: 年度}
    """)
    [table] = document.tables
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["指标名称", "计算方式", "目标值", "考核周期"],
        ["招聘计划完成率", "实际/计划×100%", "≥95%", "年度"]]


def test_a_kpi_table_naming_an_unknown_kpi_is_refused(tmp_path):
    [(line, message, hint)] = refusal(tmp_path, """\
        - title: KPI指标
          body:
            - kpi_table: [recruitment]
    """)
    assert (line, message, hint) == (17, "no KPI with id 'recruitment' in this document",
                                      "known kpis: none")


def test_an_activity_table_numbers_rows_unless_the_original_printed_a_number(tmp_path):
    document = resolve(tmp_path, """\
        - title: 计划
          body:
            - activity_table: [a, b, c]
    """, extra="""\
        activities:
          a: {name: 内审, measures: [制订计划, 实施审核], responsible: [质量部], owner: 管理者代表}
          b: {name: 管评, measures: 召开会议, responsible: [质量部]}
          c: {name: 修订, responsible: [质量部], number: 8}
    """)
    [table] = document.tables
    assert [row[0].text for row in table.rows[1:]] == ["1", "2", "8"]
    assert [(line.kind, line.text) for line in table.rows[1][2].lines] == [
        ("number", "制订计划"), ("number", "实施审核")]
    assert [(line.kind, line.text) for line in table.rows[2][2].lines] == [("text", "召开会议")]


def test_lists_carry_the_number_an_imported_document_printed(tmp_path):
    document = resolve(tmp_path, """\
        - title: 目的
          body:
            - numbered:
                - 甲
                - 乙
                - {text: 丁, number: 4}
              format: "(1)"
    """)
    [block] = [b for b in document.blocks if isinstance(b, ListBlock)]
    assert (block.format, [(i.text, i.restart_at) for i in block.items]) == (
        "(1)", [("甲", None), ("乙", None), ("丁", 4)])


def test_captions_are_numbered_per_chapter(tmp_path):
    table = "{table: {caption: %s, header: [[甲]], rows: [[乙]]}}"
    document = resolve(tmp_path, f"""\
        - title: 一
          body:
            - {table % "表甲"}
        - title: 二
          sections:
            - title: 二一
              body:
                - {table % "表乙"}
                - {table % "表丙"}
    """)
    assert [caption_text(t, document.style) for t in document.tables] == ["表1-1 表甲", "表2-1 表乙", "表2-2 表丙"]


def test_duplicate_ids_are_refused(tmp_path):
    assert [message for _l, message, _h in refusal(tmp_path, """\
        - title: 甲
          id: same
        - title: 乙
          id: same
          body:
            - table: {id: t, header: [[a]]}
            - table: {id: t, header: [[a]]}
    """)] == ["section id 'same' is used twice", "table id 't' is used twice"]


def test_prose_can_restate_a_table_sum(tmp_path):
    document = resolve(tmp_path, """\
        - title: 招聘
          body:
            - "计划招聘{{ table.plan.sum['人数'] }}人。"
            - table:
                id: plan
                header: [[岗位, 人数]]
                rows:
                  - [工程师, 2]
                  - [专员, 1]
                  - cells: [合计, 3]
                    total: [人数]
    """)
    paragraph = next(b for b in document.blocks if isinstance(b, Paragraph))
    assert paragraph.text == "计划招聘3人。"
    [fact] = document.tables[0].totals
    assert (fact.label, fact.column, fact.stated, fact.computed) == (
        "合计", "人数", Decimal(3), Decimal(3))


def test_unknown_signers_are_refused(tmp_path):
    demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": document_yaml().replace(
        "approver: 王五", "approver: 王大")}, templates=False)
    with pytest.raises(ContentError) as raised:
        resolve_content(load_content(tmp_path / "content"))
    [problem] = raised.value.problems
    assert (problem.location.line, problem.message) == (
        11, "'王大' is not a person of 示例科技有限公司")


def test_the_real_content_resolves(yntd_set):
    assert [d.number for d in yntd_set.documents] == ["XLSJ-ZD-001", "YNTD-ITSS-0303",
                                                      "YNTD-ITSS-0417", "YNTD-ITSS-0600"]
    kinds = {type(block) for block in yntd_set.documents[1].blocks}
    assert kinds == {Heading, Paragraph, ListBlock, TableBlock}


def test_a_caption_that_carries_its_own_number_is_not_numbered_again(tmp_path):
    document = resolve(tmp_path, """\
        - title: 一
          body:
            - {table: {caption: 表1-1 招聘计划表, header: [[甲]], rows: [[乙]]}}
            - {table: {caption: 储备计划表, header: [[甲]], rows: [[乙]]}}
    """)
    assert [caption_text(t, document.style) for t in document.tables] == ["表1-1 招聘计划表", "表1-1 储备计划表"]


# --- a citation never renders empty ----------------------------------------------------


def cited(document, index: int = 0) -> str:
    return [block.text for block in document.blocks if isinstance(block, Paragraph)][index]


def test_a_table_whose_caption_carries_its_number_is_cited_by_that_number(tmp_path):
    document = resolve(tmp_path, """\
        - title: 一
          body:
            - "如{{ table.team.number }}所示，共{{ table.team.sum['人数'] }}人（{{ table.team }}）。"
            - {table: {id: team, caption: 表3-3 人员配置表, header: [[岗位, 人数]], rows: [[甲, "2"]]}}
    """)
    assert cited(document) == "如表3-3所示，共2人（表3-3）。"


def test_a_literal_number_written_with_spaces_is_cited_without_them(tmp_path):
    document = resolve(tmp_path, """\
        - title: 一
          body:
            - "见{{ table.team.number }}。"
            - {table: {id: team, caption: "表 3 - 3 人员配置表", header: [[甲]], rows: [[乙]]}}
    """)
    assert cited(document) == "见表3-3。"


def test_citing_the_number_of_a_table_without_caption_is_an_error_at_the_citation(tmp_path):
    problems = refusal(tmp_path, """\
        - title: 一
          body:
            - "详细安排如{{ table.team.number }}所示。"
            - {table: {id: team, header: [[甲]], rows: [[乙]]}}
    """)
    assert problems == [(
        17, "{{ table.team.number }} cites the number of table 'team', which has no caption "
            "and so no number",
        "give the table a caption (the renderer numbers it, 表N-M), or refer to the table by "
        "its title instead of its number")]


def test_the_error_points_at_the_citation_itself(tmp_path):
    demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": document_yaml("""\
        - title: 一
          body:
            - p: "详细安排如{{ table.team }}所示。"
            - {table: {id: team, header: [[甲]], rows: [[乙]]}}
    """)}, templates=False)
    with pytest.raises(ContentError) as raised:
        resolve_content(load_content(tmp_path / "content"))
    [problem] = raised.value.problems
    line = (tmp_path / "content" / "demo" / "DEMO-ITSS-0001.yaml").read_text().split("\n")[
        problem.location.line - 1]
    assert line[problem.location.column - 1:].startswith("{{ table.team }}所示")


@pytest.mark.parametrize("citation, fact, field", [
    ("{{ kpi.rate.formula }}", "the formula of KPI 'rate' (招聘计划完成率)", "formula"),
    ("{{ kpi.rate.period }}", "the assessment period of KPI 'rate' (招聘计划完成率)", "period"),
    ("{{ kpi.rate.owner | join_cn }}", "the owner of KPI 'rate' (招聘计划完成率)", "owner"),
    ("{{ activity.audit.when }}", "the planned date of activity 'audit' (内审)", "when"),
    ("{{ activity.audit.cooperating | join_and }}",
     "the cooperating departments of activity 'audit' (内审)", "cooperating"),
])
def test_citing_a_fact_the_content_leaves_out_is_an_error(tmp_path, citation, fact, field):
    problems = refusal(tmp_path, f"""\
        - title: 一
          body:
            - "依据：{citation}。"
    """, extra="""\
        kpis:
          rate: {name: 招聘计划完成率, target: ≥95%}
        activities:
          audit: {name: 内审, kind: internal_audit}
    """)
    [(_line, message, hint)] = problems
    assert message == f"{citation} cites {fact}, which states none"
    assert hint == f"add '{field}:' to it, or leave the citation out"


def test_a_fact_left_out_is_false_in_a_condition(tmp_path):
    document = resolve(tmp_path, """\
        - title: 一
          body:
            - "{% if kpi.rate.formula %}有公式{% else %}无公式{% endif %}"
    """, extra="""\
        kpis:
          rate: {name: 招聘计划完成率, target: ≥95%}
    """)
    assert cited(document) == "无公式"
