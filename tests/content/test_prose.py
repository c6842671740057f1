"""Prose interpolation: the fast path for simple citations agrees with full Jinja."""

from __future__ import annotations

from decimal import Decimal

import pytest
from jinja2 import UndefinedError
from jinja2.exceptions import SecurityError

from docgen.content.prose import _simple, prose_environment
from docgen.content.resolve import KpiView, TableView
from docgen.content.values import Target

CONTEXT = {
    "kpi": {"sla": KpiView("SLA达成率", "达成数/总数×100%", Target("≥", Decimal(95), "%"), "年度",
                           "运维部")},
    "table": {"plan": TableView("表1-1", "招聘计划", {"人数": "6"})},
    "processes": {"core": ["事件管理", "问题管理"]},
    "docs": {"YNTD-ITSS-0417": {"title": "运维服务质量管理计划"}},
    "items": ["甲", "乙"],
}
EXPRESSIONS = [
    "目标值为{{ kpi.sla.target }}，即{{ kpi.sla.target.quantity }}。",
    "{{kpi.sla.name}}{{ kpi . sla . period }}",
    "共{{ table.plan.sum['人数'] }}人，{{ table.plan }}",
    '《{{ docs["YNTD-ITSS-0417"].title }}》',
    "{{ processes.core | join_cn }}和{{ processes.core|join_and }}",
    "{{ items[1] }}{{ items }}",
    "{{ kpi.sla }}",
]


@pytest.mark.parametrize("text", EXPRESSIONS)
def test_simple_citations_give_what_jinja_gives(text):
    environment = prose_environment()
    assert _simple(text, CONTEXT, environment) == \
        environment.from_string(text).render(CONTEXT)


@pytest.mark.parametrize("text, error", [
    ("{{ kpi.nope.target }}", UndefinedError),
    ("{{ nothing }}", UndefinedError),
    ("{{ kpi.sla.__class__ }}", SecurityError),
    ("{{ items[5] }}", UndefinedError),
])
def test_simple_citations_fail_as_jinja_fails(text, error):
    environment = prose_environment()
    with pytest.raises(error):
        environment.from_string(text).render(CONTEXT)
    with pytest.raises(error):
        _simple(text, CONTEXT, environment)


@pytest.mark.parametrize("text", ["{{ kpi.sla.target ~ '!' }}", "{% if 1 %}x{% endif %}",
                                  "{{ processes.core | upper }}", "{{ 1 + 1 }}", "{# c #}"])
def test_anything_else_takes_the_full_path(text):
    assert _simple(text, CONTEXT, prose_environment()) is None


