"""KPIs stated in prose: a paragraph or list item that gives a KPI's name and target
(招聘计划完成率不低于95%, 故障恢复时间控制在2小时以内, 考核指标为…，目标值为…) declares
that KPI, and the text stays as written so that the checks compare the two.

The sentences are read by docgen.checks.kpi_prose, the reading `docgen check` itself
uses, so the import declares what the checks will compare. That reading knows rates
(…率) by their form and other KPIs by name; the names of other KPIs stated against a
figure (客户满意度不低于95分, 平均响应时间≤30分钟) are found here first and handed to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from docgen.checks import lexicon
from docgen.checks.context import normalize
from docgen.checks.kpi_prose import SENTENCE_END, statements
from docgen.importer.kpi_tables import kpi_target
from docgen.importer.model import DataPath

# Comparators stated before a figure, as words (不低于, 控制在) or signs (≥, <=).
_COMPARATORS = "|".join(re.escape(word) for word, _sign in lexicon.COMPARATOR_BEFORE
                        if (len(word) > 1 and word != "等于") or word in ("≥", "≤"))
# What may stand between a name and its figure: 应≥98%, 目标设定为不低于98%.
_BETWEEN = "(?:的?目标值?(?:设定|设置|确定)?为|要求|应当|必须|需要|应|须|需|要|均|将)?"
_NAME = r"[\u4e00-\u9fffA-Za-z0-9]"
_METRIC_END = ("率|度|时间|时长|时限|次数|数量|条数|个数|人数|件数|得分|分数|评分|比例|占比|指数|"
               "天数")
_STATED = re.compile(rf"(?P<run>{_NAME}{{2,40}}?){_BETWEEN}(?:{_COMPARATORS})[≥≤]?(?:百分之)?"
                     rf"(?:\d|{lexicon.CHINESE_NUMERAL})")
_NAMED = re.compile(r"(?:考核指标|关键指标|指标)(?:为|是|:)(?P<name>[\u4e00-\u9fffA-Za-z]{2,24})")
# Two KPIs named together before one figure: 事件及时响应率和事件解决率…不低于90%.
_JOINED = re.compile(rf"(?P<run>{_NAME}{{2,40}}?(?:{_METRIC_END}))(?:和|与|及|以及|、)"
                     rf"(?P<name>{_NAME}{{2,24}}?(?:{_METRIC_END}))")
# Where a name starts in a run of words: after these (要求…, 服务台的…, 2025年…, 每季度…).
_LEAD = re.compile("^.*(?:要求|确保|保证|其中|为|是|的|对|使|将|把|让|且|并|\\d+年|" +
                   "|".join(re.escape(word) for word, _period in lexicon.PERIOD_WORDS) + ")")
_METRIC = re.compile(f"(?:{_METRIC_END})$")
# A sentence that gives a threshold for an action, not a target: 当可用率低于99%时.
_CONDITION = re.compile(r"当.+时|如果|若|一旦")
# A sentence that states a target gives a comparison or a figure with its unit (a year
# such as 2025年 is neither).
_FIGURE = re.compile(r"[≥≤>＞<＜]|不低于|不少于|不得低于|不得少于|不超过|达到|以上|以内"
                     r"|\d+(?:\.\d+)?\s*(?:%|％|分|次|条|项|小时|分钟|天|个|人)")
_LEADING_WORDS = re.compile(r"^具体")


@dataclass
class ProseText:
    """A paragraph or list item of the imported body, and where it stands."""

    path: DataPath
    text: str
    kind: Literal["paragraph", "item"] = "paragraph"


@dataclass
class StatedKpi:
    """A KPI the prose states with a name and a target: the fact, and its sentence."""

    text: ProseText
    sentence: str
    fact: dict[str, Any] = field(default_factory=dict)


class _Texts:
    """The imported texts, as kpi_prose reads a document set's (all_texts)."""

    def __init__(self, texts: list[ProseText]):
        self.texts = texts

    def all_texts(self) -> Iterator[ProseText]:
        return iter(self.texts)


def kpis_in_prose(texts: list[ProseText], declared: dict[str, str]) -> list[StatedKpi]:
    """Return, in text order, each KPI the texts state with a name and a target, except
    those `declared` holds already (normalized name -> the unit kind of its target)."""
    kinds = {**_named_kpis(texts), **declared}
    found: dict[str, StatedKpi] = {}
    for statement in statements(_Texts(texts), kinds):  # type: ignore[arg-type]
        if statement.key in declared:
            continue
        stated = found.get(statement.key)
        if stated is None:
            target = kpi_target(str(statement.target)) if statement.target else None
            if target is None:
                continue
            stated = found[statement.key] = StatedKpi(
                statement.fragment, _sentence_of(statement.fragment.text, statement.name),
                {"name": statement.name, "target": target})
        elif stated.text is not statement.fragment:
            continue  # another paragraph states it again: the checks compare the two
        if statement.formula and "formula" not in stated.fact:
            stated.fact["formula"] = _LEADING_WORDS.sub("", statement.formula)
        if statement.period and "period" not in stated.fact:
            stated.fact["period"] = statement.period
    return [_ordered(stated) for stated in found.values()]


def _named_kpis(texts: list[ProseText]) -> dict[str, str]:
    """Return the names the texts state against a figure, each with the unit kind of
    that figure, for kpi_prose to know besides the rates it knows by their form."""
    names: dict[str, str] = {}
    for text in texts:
        for sentence in SENTENCE_END.split(normalize(text.text)):
            if _CONDITION.search(sentence):
                continue
            for name, end in _candidates(sentence):
                kind = _kind_after(sentence[end:])
                if len(name) >= 3 and kind is not None and not lexicon.PERIOD.fullmatch(name):
                    names.setdefault(name, kind)
    return names


def _candidates(sentence: str) -> Iterator[tuple[str, int]]:
    """Yield each name a sentence may state a KPI by, and where the name ends."""
    for match in _NAMED.finditer(sentence):
        yield match.group("name"), match.end()
    for pattern in (_STATED, _JOINED):
        for match in pattern.finditer(sentence):
            for group in ("run", "name"):
                if group in match.groupdict():
                    name = _without_lead(match.group(group))
                    if _METRIC.search(name) and not lexicon.GENERIC_NAME.match(name):
                        yield name, match.end(group)


def _without_lead(run: str) -> str:
    """Return a run of words from where a name starts in it (要求客户满意度 -> 客户满意度)."""
    cut = _LEAD.match(run)
    return run[cut.end():] if cut else run


def _kind_after(words: str) -> str | None:
    """Return the unit kind of the first figure in `words` that states a target."""
    for match in lexicon.TARGET.finditer(words):
        quantity = lexicon.quantity(match)
        if quantity is not None:
            return quantity.kind
    return None


def _sentence_of(text: str, name: str) -> str:
    """Return the sentence of `text`, as written, that states a target for `name` (else
    the first that names it; else the text)."""
    naming = [sentence.strip() for sentence in SENTENCE_END.split(text)
              if name in normalize(sentence)]
    stating = [sentence for sentence in naming if _FIGURE.search(sentence)]
    return (stating or naming or [text.strip()])[0]


def _ordered(stated: StatedKpi) -> StatedKpi:
    """Return `stated` with its fact's keys in the order docgen's files write them."""
    order = ("name", "formula", "target", "period")
    stated.fact = {key: stated.fact[key] for key in order if key in stated.fact}
    return stated
