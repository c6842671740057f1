"""The domain's words, read in any of their forms (docgen.checks.lexicon)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from docgen.checks import lexicon


@pytest.mark.parametrize(("text", "value"), [
    ("五", 5), ("十", 10), ("十二", 12), ("二十", 20), ("九十五", 95), ("一百零五", 105),
    ("两千", 2000), ("两万三千", 23000), ("〇", 0)])
def test_chinese_numerals_of_any_size(text, value):
    assert lexicon.chinese_number(text) == value


@pytest.mark.parametrize(("text", "expected"), [
    ("不低于95%", "≥95%"), ("≥ 95 ％", "≥95%"), ("95%以上", "≥95%"), (">=95%", "≥95%"),
    ("百分之九十五以上", "≥95%"), ("达到95%", "≥95%"), ("至少两次", "≥2次"), ("不超过1次", "≤1次"),
    ("3项以内", "≤3项"), ("95分", "95分")])
def test_targets_in_any_wording(text, expected):
    match = lexicon.TARGET.search(lexicon.unicodedata.normalize("NFKC", text))
    assert str(lexicon.quantity(match)) == expected


def test_an_unstated_comparator_agrees_and_100_percent_needs_none():
    quantity = lexicon.Quantity(None, Decimal(95), "%")
    assert quantity.agrees("≥", Decimal(95), "%")
    assert not quantity.agrees("≥", Decimal(90), "%")
    assert lexicon.Quantity("=", Decimal(100), "%").agrees("≥", Decimal(100), "%")
    assert not lexicon.Quantity(None, Decimal(95), "分").agrees("≥", Decimal(95), "%")


@pytest.mark.parametrize(("word", "period"), [
    ("每月", "月度"), ("按季度", "季度"), ("每半年", "半年"), ("一年中", "年度"), ("年度", "年度"),
    ("全年", "年度")])
def test_periods_in_words(word, period):
    assert lexicon.period_of(lexicon.PERIOD.search(word).group(0)) == period


@pytest.mark.parametrize(("formula", "parts"), [
    ("实际招聘人数/计划招聘人数*100%", ("实际招聘人数", "计划招聘人数")),
    ("（合格数÷抽检数）×100%", ("合格数", "抽检数")),
    ("已解决事件数占发生事件总数的比例", ("已解决事件数", "发生事件总数")),
    ("满意客户数与调查客户数之比×100%", ("满意客户数", "调查客户数")),
    ("按时提交的报告份数/应提交报告份数 x 100 %", ("按时提交的报告份数", "应提交报告份数")),
    ("次数，运维项目过程量化指标评估次数", None)])
def test_ratios_in_any_form(formula, parts):
    assert lexicon.ratio(formula) == parts


@pytest.mark.parametrize(("part", "whole"), [
    ("验收通过项目数量", "申请验收项目数量"), ("已解决事件数", "发生事件总数"),
    ("按时提交报告数", "应提交报告数"), ("抽检合格样本数", "抽检样本数"), ("满意客户数", "调查客户数"),
    ("实际完成数", "计划完成数"), ("成功变更次数", "变更总次数")])
def test_the_part_and_the_whole_of_a_ratio(part, whole):
    assert lexicon.inverted(whole, part)
    assert not lexicon.inverted(part, whole)


@pytest.mark.parametrize(("unit", "kind"), [
    ("%", "percent"), ("％", "percent"), ("分", "score"), ("次", "count"), ("项", "count"),
    ("小时", "time"), ("", "")])
def test_what_a_unit_measures(unit, kind):
    assert lexicon.unit_kind(unit) == kind
