"""The rule engine: registered rules, findings, and silence on a document set that is right."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from docgen.catalogue.checks import STATED_TWICE as STATED_TWICE_HERE
from docgen.checks import RULES, Severity, run_checks
from docgen.checks.findings import Finding
from docgen.checks.registry import rule
from docgen.errors import Location
from docgen.messages import CATALOGUE, MessageType
from docgen.report import findings_json
from tests.checks.support import ORG, check_tree, document

FAMILIES = {"metadata", "structure", "arithmetic", "kpis", "crossref"}


def test_every_rule_has_a_stable_id_a_family_a_severity_and_a_summary():
    assert len(RULES) >= 25
    for rule_id, registered in RULES.items():
        assert re.fullmatch(r"(META|STRUCT|ARITH|KPI|XREF|CONTROL)(-[A-Z]+)+", rule_id)
        assert registered.id == rule_id
        assert registered.family in FAMILIES | {"control"}
        assert registered.severity in (Severity.ERROR, Severity.WARNING)
        assert registered.summary


def test_each_family_has_rules():
    assert {registered.family for registered in RULES.values()} >= FAMILIES


def test_registering_an_id_twice_is_refused():
    existing = next(iter(RULES))
    try:
        rule(existing, family="kpis", severity=Severity.ERROR, summary="again")(lambda c: [])
    except ValueError as error:
        assert existing in str(error)
    else:
        raise AssertionError("a duplicate rule id was accepted")


STATED_TWICE = Finding("KPI-DUPLICATE", Severity.WARNING, "DEMO-ITSS-0001",
                       Location(Path("content/demo/DEMO-ITSS-0001.yaml"), 3, 5),
                       STATED_TWICE_HERE(kpi="SLA达成率", key="sla", line=2))


def test_a_finding_serializes_with_the_documented_keys():
    assert findings_json([STATED_TWICE]) == [{
        "rule": "KPI-DUPLICATE", "severity": "warning", "document": "DEMO-ITSS-0001",
        "file": "content/demo/DEMO-ITSS-0001.yaml", "line": 3, "column": 5,
        "message": "SLA达成率 is stated twice in this document (also kpis.sla, line 2)",
        "hint": "keep one declaration and cite it where it is needed: {{ kpi.sla.target }}",
        "code": "kpi.stated-twice", "params": {"kpi": "SLA达成率", "key": "sla", "line": 2}}]


def test_a_finding_is_cached_as_its_code_and_values_and_read_back_whole():
    cached = json.loads(json.dumps(STATED_TWICE.as_json()))
    assert cached["message"] == {"code": "kpi.stated-twice",
                                 "params": {"kpi": "SLA达成率", "key": "sla", "line": 2}}
    assert Finding.from_json(cached) == STATED_TWICE


@pytest.mark.parametrize("message", [
    "SLA达成率 is stated twice in this document (also kpis.sla, line 2)",  # as docgen 0.x did
    {"code": "kpi.no-such-message", "params": {}},
    {"code": "kpi.stated-twice", "params": {"kpi": "SLA达成率"}},
], ids=["finished text", "unknown code", "missing values"])
def test_a_cached_finding_this_catalogue_cannot_say_is_refused(message):
    cached = dict(STATED_TWICE.as_json(), message=message)
    with pytest.raises((TypeError, ValueError)):
        Finding.from_json(cached)


def test_every_message_the_rules_use_is_in_the_catalogue():
    """The rules name their messages by the makers of docgen.catalogue's check modules."""
    import docgen.catalogue.checks as checks_catalogue
    from docgen.catalogue import checks_crossref, checks_structure
    from docgen.checks import arithmetic, control, crossref, kpis, metadata, structure

    used = {maker.code for module in (arithmetic, control, crossref, kpis, metadata, structure)
            for maker in _makers(vars(module))}
    used |= {maker.code for module in (crossref, structure) for maker in
             _makers(vars(vars(module)["says"]))}
    defined = {maker.code for module in (checks_catalogue, checks_crossref, checks_structure)
               for maker in _makers(vars(module))}
    assert used and used <= set(CATALOGUE)
    assert defined == used


def _makers(namespace: dict) -> list[MessageType]:
    """Return the message makers in `namespace`, and those in its dicts of them."""
    found = []
    for value in namespace.values():
        values = [value]
        while values:
            value = values.pop()
            if isinstance(value, MessageType):
                found.append(value)
            elif isinstance(value, dict):
                values.extend(value.values())
    return found


FRAMEWORK = document(
    "DEMO-ITSS-0600", title="过程框架管理制度", kind="制度", role="process_framework",
    facts="""\
        processes:
          - id: core
            name: 核心过程
            processes: [事件管理, 变更管理]
          - id: management
            name: 管理过程
            kind: management
            processes: [过程评审]
        kpis:
          self_assessment: {name: 过程框架自评估次数, target: ≥1次, period: 年度, owner: 质量部}
    """,
    sections="""\
        - title: 范围
          body:
            - 本制度适用于公司运维服务。核心过程：{{ processes.core | join_cn }}。
        - title: 核心过程管理要求
          body:
            - table:
                details: core
                header: [[过程名称, 输出成果]]
                rows:
                  - [事件管理, 《事件处理报告》]
                  - [变更管理, 《变更申请表》]
        - title: 过程评审
          body:
            - 每季度组织一次过程评审会议，评审结果见《过程评审报告》。
        - title: KPI指标
          body:
            - kpi_table: [self_assessment]
    """)

CAPABILITY_PLAN = document(
    "DEMO-ITSS-0303", title="运维服务能力管理计划", role="capability_plan",
    facts="""\
        kpis:
          incident_resolution:
            name: 事件解决率
            formula: 已解决事件数/事件总数×100%
            target: ≥90%
            period: 月度
          self_assessment: {name: 过程框架自评估次数, target: ≥1次, period: 年度}
        activities:
          internal_audit:
            name: 内审
            kind: internal_audit
            responsible: [质量部]
            frequency: 每年至少一次
    """,
    sections="""\
        - title: 人员
          sections:
            - title: 人员招聘计划
              id: recruitment
              body:
                - 2025年计划招聘3人，其中运维部2人、质量部1人。
                - table:
                    id: plan
                    header: [[部门, 人数]]
                    rows:
                      - [运维部, 2]
                      - [质量部, 1]
                      - cells: [合计, 3]
                        total: [人数]
            - title: 人员储备计划
              body:
                - 招聘费用详见本章节第1小节“人员招聘计划”。
        - title: 过程
          sections:
            - title: 事件管理
              process: 事件管理
              body:
                - 每{{ kpi.incident_resolution.period }}对{{ kpi.incident_resolution.name }}进行考核，要求不低于{{ kpi.incident_resolution.target.quantity }}。
            - title: 变更管理
              process: 变更管理
              body:
                - numbered: [规范变更记录, 加强回退计划审查]
        - title: 质量
          body:
            - 内审由{{ activity.internal_audit.responsible }}组织，依据《信息安全管理制度》和《过程框架管理制度》。
            - 本计划自批准之日起施行。
    """)

QUALITY_PLAN = document(
    "DEMO-ITSS-0417", title="运维服务质量管理计划", role="quality_plan",
    facts="""\
        kpis:
          incident_resolution:
            name: 事件解决率
            formula: 已解决事件数 / 事件总数 * 100 %
            target: ≥90%
        activities:
          internal_audit:
            name: 内审
            kind: internal_audit
            responsible: [质量部]
            cooperating: [各有关部门]
            owner: 管理者代表
            when: 2025年10月
    """,
    sections="""\
        - title: 质量活动
          body:
            - activity_table: [internal_audit]
            - 事件解决率目标为{{ kpi.incident_resolution.target }}。
    """)


CLEAN_ORG = ORG + """\
  - {title: 事件处理报告, kind: record}
  - {title: 变更申请表, kind: record}
  - {title: 过程评审报告, kind: record}
"""


def test_a_document_set_without_defects_has_no_findings(tmp_path):
    findings = check_tree(tmp_path, org=CLEAN_ORG, documents={
        "DEMO-ITSS-0600.yaml": FRAMEWORK, "DEMO-ITSS-0303.yaml": CAPABILITY_PLAN,
        "DEMO-ITSS-0417.yaml": QUALITY_PLAN})
    assert findings == []


def test_the_same_set_with_one_defect_has_exactly_one_finding(tmp_path):
    broken = QUALITY_PLAN.replace("target: ≥90%", "target: ≥95%")
    findings = check_tree(tmp_path, org=CLEAN_ORG, documents={
        "DEMO-ITSS-0600.yaml": FRAMEWORK, "DEMO-ITSS-0303.yaml": CAPABILITY_PLAN,
        "DEMO-ITSS-0417.yaml": broken})
    assert [(f.rule, f.document) for f in findings] == [("KPI-TARGET-MISMATCH",
                                                         "DEMO-ITSS-0417")]


def test_run_checks_can_run_a_chosen_rule_only(tmp_path):
    check_tree(tmp_path, documents={"DEMO-ITSS-0001.yaml": document()})
    from docgen.content.loader import load_content
    from docgen.content.resolve import resolve_content

    document_set = resolve_content(load_content(tmp_path / "content"))
    assert run_checks(document_set, [RULES["META-SELF-APPROVAL"]]) == []
