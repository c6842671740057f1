"""KPIs stated in prose: a sentence that gives a KPI's target, period or formula agrees
with the KPI's declaration, and with every other sentence that states the same KPI.

    人员培训的考核指标为培训计划完成率，目标值为不低于90%，计算方式为实际完成培训场次/
    计划培训场次×100%，考核频次为每年一次。

The names are those the set declares (kpis:) and rates (…率) the prose names and gives a
target; targets, periods and formulas are read in any wording (docgen.checks.lexicon).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from docgen.catalogue import checks_kpi_prose as says
from docgen.checks import lexicon
from docgen.checks.context import CheckContext, Fragment, normalize
from docgen.checks.findings import Defect, Severity
from docgen.checks.kpis import Declaration, declarations, normalize_formula
from docgen.checks.registry import rule
from docgen.messages import Message

# Where a sentence ends; the importer splits prose the same way.
SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_FIELD_LABEL = re.compile(
    r"^(?:目标值?|考核周期|考核频次|考核频率|计算方式|计算公式|周期|频次)[:：为]")
_CLAUSE = re.compile(r"[，,：:、]")
_FORMULA_MARK = re.compile(r"/|÷|除以|之比|的比值|占.+的?(?:比例|比重|百分比)")
_FORMULA_LEAD = re.compile(r"^.*?(?:计算方式|计算公式|计算方法|公式)(?:为|是|：|:)?|^.*?[=＝]|^即")
_AROUND = re.compile(r"^[^/÷]*率(?:按照?|为|是)?|(?:进行)?计算$")
_BY = re.compile(r"^.*?按照?(?!时)(.+?)(?:进行)?计算$")
_RATE_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,24}?率")
# Where a rate's name starts in a run of text: after these words ("要求数据备份成功率").
_NAME_START = re.compile(r".*(?:要求|确保|保证|关注|对|为|即|其中|指标|考核|规划|重点|^年|^月|的)")
# A declared name followed by these is part of another noun: 客户满意度调查.
_CONTINUES = ("调查", "测评", "评价", "管理", "工作", "问卷", "分析", "报告", "提升")
# A sentence that gives a threshold for an action, not a target: 当可用率低于99%时.
_CONDITION = re.compile(r"当.+时|如果|若|一旦")
_TARGET_MARK = re.compile(r"目标|要求|应|须|需|不低于|不少于|不得|至少|达到|以上|考核|控制")


@dataclass
class Statement:
    """What one sentence says of one KPI."""

    fragment: Fragment
    name: str
    target: lexicon.Quantity | None
    period: str | None
    formula: str | None

    @property
    def key(self) -> str:
        return normalize(self.name)


def _sentences(text: str) -> list[str]:
    """Return the sentences of `text`; '考核指标：X；目标值：Y；考核周期：Z' is one."""
    sentences: list[str] = []
    for piece in SENTENCE_END.split(text):
        if sentences and _FIELD_LABEL.match(piece):
            sentences[-1] += "，" + piece
        else:
            sentences.append(piece)
    return sentences


@dataclass(frozen=True)
class _Names:
    """The declared names: where one may end (`tails`, its last two characters), and
    the lengths of the names that end so, longest first."""

    known: frozenset[str]
    lengths: dict[str, list[int]]
    tails: re.Pattern[str]

    @classmethod
    def of(cls, names: list[str]) -> _Names:
        lengths: dict[str, set[int]] = {}
        for name in names:
            lengths.setdefault(name[-2:], set()).add(len(name))
        return cls(frozenset(names),
                   {tail: sorted(found, reverse=True) for tail, found in lengths.items()},
                   re.compile("|".join(re.escape(tail) for tail in lengths) or "(?!)"))


def _mentions(sentence: str, names: _Names) -> list[tuple[int, int, str]]:
    """Return (start, end, name) of every KPI named in `sentence`, in order."""
    found: list[tuple[int, int, str]] = []
    for tail in names.tails.finditer(sentence):
        end = tail.end()
        if sentence.startswith(_CONTINUES, end):
            continue
        for length in names.lengths[tail.group(0)]:
            if sentence[end - length:end] in names.known:
                found.append((end - length, end, sentence[end - length:end]))
                break
    if _TARGET_MARK.search(sentence) and not _CONDITION.search(sentence):
        for match in _RATE_RUN.finditer(sentence):
            if any(s < match.end() and match.start() < e for s, e, _n in found):
                continue
            run = match.group(0)
            cut = _NAME_START.match(run)
            name = run[cut.end():] if cut else run
            if len(name) >= 4 and not lexicon.GENERIC_NAME.match(name):
                found.append((match.end() - len(name), match.end(), name))
    # Overlaps keep the longest name: 服务报告按时提交率 rather than 按时提交率.
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    kept: list[tuple[int, int, str]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def _formula(scope: str) -> tuple[str | None, str]:
    """Return (the formula a scope states, the scope without it)."""
    kept, formula = [], None
    for clause in _CLAUSE.split(scope):
        if formula is None and _FORMULA_MARK.search(clause):
            by = _BY.match(clause)
            text = by.group(1) if by else _FORMULA_LEAD.sub("", clause)
            # 具体合格率参与考核人数/人员总数×100%计算: the words around the ratio go.
            text = _AROUND.sub("", text)
            if lexicon.ratio(text) is not None:
                formula = text
                continue
        if not _FORMULA_MARK.search(clause):
            kept.append(clause)
    return formula, "，".join(kept)


def _target(scope: str, kind: str) -> lexicon.Quantity | None:
    for match in lexicon.TARGET.finditer(scope):
        quantity = lexicon.quantity(match)
        before = scope[max(0, match.start() - 1):match.start()]
        if quantity is not None and quantity.kind == kind and before not in ("每", "第"):
            return quantity
    return None


def statements(context: CheckContext, kinds: dict[str, str]) -> Iterator[Statement]:
    """Yield what every sentence of the set says of the KPIs it names; `kinds` gives the
    unit kind of each declared name's target."""
    names = _Names.of(list(kinds))
    for fragment in context.all_texts():
        if fragment.kind not in ("paragraph", "item"):
            continue
        for sentence in _sentences(normalize(fragment.text)):
            mentions = _mentions(sentence, names)
            for index, (start, end, name) in enumerate(mentions):
                before = sentence[mentions[index - 1][1] if index else 0:start]
                scope = sentence[end:mentions[index + 1][0] if index + 1 < len(mentions)
                                 else len(sentence)]
                formula, rest = _formula(scope)
                periods = list(lexicon.PERIOD.finditer(rest)) or \
                    list(lexicon.PERIOD.finditer(before))[-1:]
                period = lexicon.period_of(periods[0].group(0)) if periods else None
                kind = kinds.get(name, "percent")
                target = _target(rest, kind)
                if target or period or formula:
                    yield Statement(fragment, name, target, period, formula)


def _declared_place(declaration: Declaration, fragment: Fragment) -> Message:
    line = declaration.kpi.location().line
    if declaration.document is fragment.document:
        return says.DECLARED(key=declaration.key, line=line)
    return says.DECLARED_ELSEWHERE(document=declaration.document.number, key=declaration.key,
                                   line=line)


def _prose_place(statement: Statement, fragment: Fragment) -> Message:
    line = statement.fragment.location.line
    if statement.fragment.document is fragment.document:
        return says.STATED(line=line)
    return says.STATED_ELSEWHERE(document=statement.fragment.document.number, line=line)


@rule("KPI-PROSE-MISMATCH", family="kpis", severity=Severity.ERROR,
      summary="a KPI's target, period and formula stated in prose agree with its declaration "
              "and with the rest of the prose")
def prose_mismatch(context: CheckContext) -> Iterator[Defect]:
    declared: dict[str, list[Declaration]] = {}
    for declaration in declarations(context):
        declared.setdefault(declaration.name, []).append(declaration)
    kinds = {name: lexicon.unit_kind(group[0].kpi.target.unit) for name, group in declared.items()}
    # One declaration for each value a field is declared with: a KPI of a large set is
    # declared in many documents, mostly alike.
    values: dict[tuple[str, str], list[Declaration]] = {}
    for name, group in declared.items():
        for field in ("target", "period", "formula"):
            distinct: dict[str, Declaration] = {}
            for declaration in group:
                value = getattr(declaration.kpi, field)
                if value:
                    distinct.setdefault(str(value), declaration)
            values[name, field] = list(distinct.values())
    first_said: dict[tuple[str, str], Statement] = {}
    for statement in statements(context, kinds):
        group = declared.get(statement.key, [])
        for field, here in (("target", statement.target), ("period", statement.period),
                            ("formula", statement.formula)):
            if here is None:
                continue
            if group:
                stated = values[statement.key, field]
                if stated and not any(_agrees(field, here, d) for d in stated):
                    there = stated[0]
                    yield _defect(statement, field, "declared", here, _shown(field, there),
                                  _declared_place(there, statement.fragment))
                continue
            reference = first_said.setdefault((statement.key, field), statement)
            if reference is not statement and \
                    not _agrees_with_prose(field, here, getattr(reference, field)):
                yield _defect(statement, field, "stated", here, getattr(reference, field),
                              _prose_place(reference, statement.fragment))


def _agrees(field: str, here: object, declaration: Declaration) -> bool:
    kpi = declaration.kpi
    if field == "target":
        assert isinstance(here, lexicon.Quantity)
        return here.agrees(kpi.target.comparator, kpi.target.value, kpi.target.unit)
    if field == "period":
        return here == kpi.period
    return normalize_formula(str(here)) == normalize_formula(kpi.formula or "")


def _agrees_with_prose(field: str, here: object, there: object) -> bool:
    if field == "target":
        assert isinstance(here, lexicon.Quantity) and isinstance(there, lexicon.Quantity)
        return here.agrees(there.comparator, there.value, there.unit)
    if field == "formula":
        return normalize_formula(str(here)) == normalize_formula(str(there))
    return here == there


def _shown(field: str, declaration: Declaration) -> str:
    return str(getattr(declaration.kpi, field))


def _defect(statement: Statement, field: str, other: str, here: object, there: object,
            place: Message) -> Defect:
    return Defect(statement.fragment.document.number, statement.fragment.location,
                  says.MISMATCH[field][other](kpi=statement.name, here=str(here), there=str(there),
                                       place=place))
