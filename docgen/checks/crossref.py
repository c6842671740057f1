"""Cross-document rules: citations, process coverage, activity owners and schedules,
departments, and documents that call themselves something they are not."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from docgen.catalogue import checks_crossref as says
from docgen.checks import lexicon
from docgen.checks.context import CheckContext, normalize
from docgen.checks.findings import Defect, Severity
from docgen.checks.registry import rule
from docgen.content.model import ResolvedDocument, Where, Within, place
from docgen.content.schema import Activity, Section
from docgen.messages import Message, MessageType, Param

_CITED = re.compile(r"《([^《》]{2,60})》")
# A title in 《》 names a document when it ends like one; 《信息通信一体化调度运行支撑平台
# SG-I6000》 names a system and is not checked.
_DOCUMENT_ENDINGS = ("制度", "程序", "规范", "计划", "规划", "报告", "协议", "手册", "目录", "清单",
                     "表", "指南", "方案", "标准", "要求", "模型", "代码", "记录", "文档", "数据库",
                     "办法", "细则", "规定", "说明书", "大纲", "策略", "流程")
ACTIVITY_NAMES = {"internal_audit": "内审", "management_review": "管理评审",
                  "satisfaction_survey": "客户满意度调查", "quality_analysis": "质量分析"}
COLLECTIVE_DEPARTMENTS = {"各有关部门", "各部门", "相关部门", "有关部门", "各相关部门", "所有部门",
                          "所有运维相关部门", "其他部门"}
# Words that name a department when 部 follows them ("客户部"), but not "部署" or "部分".
_DEPARTMENT_PREFIXES = ("客户", "财务", "销售", "市场", "行政", "技术", "工程", "项目", "采购",
                        "综合", "人事", "商务", "法务", "信息", "安全", "网络", "系统", "产品",
                        "测试", "实施", "售后", "客服", "质检", "品质", "生产", "办公", "运营",
                        "运维", "质量", "人力", "研发", "开发", "服务", "审计", "风控", "后勤")
DEPARTMENT_IN_PROSE = re.compile(
    "(" + "|".join(_DEPARTMENT_PREFIXES) + ")部(?![署分门件位落队])")
_SELF_REFERENCE = re.compile(
    r"(?<!数据)(?<![因由如对为借于基根成版资文样日剧课账原书脚副标每几多整"
    r"零〇一二两三四五六七八九十百千万0-9０-９])([本此])"
    r"(服务目录|目录|制度|手册|计划|程序|规范|指南|协议|办法|规定|方案)")
_KIND_OF_WORD = {"服务目录": "目录", "目录": "目录", "制度": "制度", "办法": "制度", "规定": "制度",
                 "手册": "手册", "计划": "计划", "程序": "程序", "规范": "规范", "指南": "指南",
                 "协议": "协议", "方案": "方案"}


@rule("XREF-UNKNOWN-DOCUMENT", family="crossref", severity=Severity.ERROR,
      summary="documents cited in 《》 or by number are in the set or known in org.yaml")
def unknown_documents(context: CheckContext) -> Iterator[Defect]:
    organization = context.organization.organization
    titles = {normalize(t) for d in context.documents for t in (d.title, d.cover_title)}
    titles |= {normalize(known.title) for known in organization.known_documents}
    withdrawn = {normalize(t): d for d in context.withdrawn for t in (d.title, d.cover_title)}
    numbers = {d.number for d in context.documents + context.withdrawn} | {
        known.number for known in organization.known_documents if known.number}
    # Not \b: Chinese characters count as word characters, and Chinese prose puts no
    # space around a document number.
    number_pattern = re.compile(
        rf"(?<![A-Za-z0-9]){re.escape(organization.prefix)}-[A-Z0-9]+-\d+(?![A-Za-z0-9])")
    for fragment in context.all_texts():
        if "《" not in fragment.text and organization.prefix not in fragment.text:
            continue
        for match in _CITED.finditer(fragment.text):
            title = normalize(match.group(1))
            if title in withdrawn and title not in titles:
                withdrawn_on = withdrawn[title].model.withdrawn_on
                yield Defect(fragment.document.number, fragment.location,
                             says.CITES_WITHDRAWN_ON(title=match.group(1),
                                                     withdrawn_on=withdrawn_on)
                             if withdrawn_on else says.CITES_WITHDRAWN(title=match.group(1)))
                continue
            if title in titles or not title.endswith(_DOCUMENT_ENDINGS):
                continue
            close = difflib.get_close_matches(title, sorted(titles), n=1, cutoff=0.75)
            yield Defect(fragment.document.number, fragment.location,
                         says.CITES_UNKNOWN_TITLE_LIKE(title=match.group(1), close=close[0])
                         if close else says.CITES_UNKNOWN_TITLE(title=match.group(1)))
        for match in number_pattern.finditer(fragment.text):
            if match.group(0) not in numbers:
                yield Defect(fragment.document.number, fragment.location,
                             says.CITES_UNKNOWN_NUMBER(number=match.group(0)))


def _planned_processes(sections: list[Section]) -> set[str]:
    found = set()
    for section in sections:
        if section.process:
            found.add(normalize(section.process))
        found |= _planned_processes(section.sections)
    return found


@rule("XREF-PROCESS-COVERAGE", family="crossref", severity=Severity.ERROR,
      summary="the capability plan plans for every service process the process framework names")
def process_coverage(context: CheckContext) -> Iterator[Defect]:
    frameworks = [d for d in context.documents if d.model.processes]
    plans = [d for d in context.documents if d.model.role == "capability_plan"]
    for plan in plans:
        planned = _planned_processes(plan.model.sections)
        for framework in frameworks:
            for group in framework.model.processes:
                if group.kind != "service":
                    continue
                for name in group.processes:
                    if normalize(name) not in planned:
                        yield Defect(plan.number, plan.model.location("sections"),
                                     says.PROCESS_NOT_PLANNED(framework=framework.number,
                                                              process=name, group=group.name))


@dataclass(frozen=True)
class _Statement:
    document: ResolvedDocument
    key: str
    activity: Activity

    def cited(self, seen_from: ResolvedDocument, here: MessageType, elsewhere: MessageType, /,
              **params: Param) -> Message:
        """Return the message that cites this statement by key and line, as `here` says
        it in its own document and `elsewhere` (with its number) seen from another."""
        params.update(key=self.key, line=self.activity.location().line)
        if self.document is seen_from:
            return here(**params)
        return elsewhere(document=self.document.number, **params)


def _statements(context: CheckContext) -> dict[str, list[_Statement]]:
    groups: dict[str, list[_Statement]] = {}
    for document in context.documents:
        for key, activity in document.model.activities.items():
            if activity.kind != "other":
                groups.setdefault(activity.kind, []).append(_Statement(document, key, activity))
    return groups


# The sentences for owners that disagree, by the field that says who owns the activity.
_OWNER_MISMATCHES = {
    "owner": (says.OWNER_MISMATCH, says.OWNER_MISMATCH_ELSEWHERE),
    "responsible": (says.RESPONSIBLE_MISMATCH, says.RESPONSIBLE_MISMATCH_ELSEWHERE),
}


@rule("XREF-ACTIVITY-OWNER", family="crossref", severity=Severity.ERROR,
      summary="an activity (内审, 管理评审, 满意度调查) has the same owner in every document")
def activity_owners(context: CheckContext) -> Iterator[Defect]:
    for kind, statements in _statements(context).items():
        for index, statement in enumerate(statements[1:], start=1):
            activity = statement.activity
            for earlier in statements[:index]:
                other = earlier.activity
                if activity.owner and other.owner and \
                        normalize(activity.owner) != normalize(other.owner):
                    field, mine, theirs = "owner", activity.owner, other.owner
                elif activity.responsible and other.responsible and \
                        {normalize(d) for d in activity.responsible} != \
                        {normalize(d) for d in other.responsible}:
                    field, mine, theirs = \
                        "responsible", list(activity.responsible), list(other.responsible)
                else:
                    continue
                here, elsewhere = _OWNER_MISMATCHES[field]
                yield Defect(statement.document.number, activity.location(field),
                             earlier.cited(statement.document, here, elsewhere,
                                           activity=ACTIVITY_NAMES[kind], here=mine, there=theirs))
                break


@dataclass(frozen=True)
class Frequency:
    """How often a year something happens: exactly `times`, or at least `times`."""

    times: int
    at_least: bool

    def contradicts(self, other: Frequency) -> bool:
        """Return True if no schedule can satisfy both frequencies."""
        if self.at_least and other.at_least:
            return False
        if self.at_least:
            return other.times < self.times
        if other.at_least:
            return self.times < other.times
        return self.times != other.times


def frequency(text: str) -> Frequency | None:
    """Return how often a year `text` schedules something, or None if it cannot tell:
    每季度一次 4, 每年五次 5, 每年6月、12月各一次 2, 每两个月一次 6, 每半年一次 2."""
    words = normalize(text)
    at_least = bool(re.search(r"至少|不少于|不低于|以上", words))
    every = re.search(rf"每(?:隔)?({lexicon.NUMBER})?个?(周|月|季度|季|半年|年)", words)
    times = re.search(rf"({lexicon.NUMBER})次", words)
    count = int(lexicon.number_value(times.group(1)) or 0) if times else 1
    months = set(re.findall(r"(?<!\d)(\d{1,2})月", words))
    if "各" in words and len(months) > 1:  # 每年6月、12月各一次
        return Frequency(len(months) * count, at_least)
    if every and every.group(2) != "年":
        per_year = {"周": 52, "月": 12, "季度": 4, "季": 4, "半年": 2}[every.group(2)]
        spacing = int(lexicon.number_value(every.group(1)) or 1) if every.group(1) else 1
        if per_year % spacing == 0:
            return Frequency(per_year // spacing * count, at_least)
        return None
    if re.search(r"每年|年度|一年|全年|\d{4}年", words):
        if times:
            return Frequency(count, at_least)
        dated = re.findall(r"\d{4}年\d{1,2}月", words)
        if dated:
            return Frequency(len(set(dated)), at_least)  # the months it names
    return None


# The sentences for two schedules that contradict, by whether each says "at least" (two
# that both do never contradict).
_SCHEDULE_MISMATCHES = {
    (False, False): (says.SCHEDULE_MISMATCH, says.SCHEDULE_MISMATCH_ELSEWHERE),
    (True, False): (says.SCHEDULE_AT_LEAST_HERE, says.SCHEDULE_AT_LEAST_HERE_ELSEWHERE),
    (False, True): (says.SCHEDULE_AT_LEAST_THERE, says.SCHEDULE_AT_LEAST_THERE_ELSEWHERE),
}


@rule("XREF-ACTIVITY-SCHEDULE", family="crossref", severity=Severity.ERROR,
      summary="an activity happens as often in every document that schedules it")
def activity_schedules(context: CheckContext) -> Iterator[Defect]:
    for kind, statements in _statements(context).items():
        scheduled = [(statement, frequency(statement.activity.frequency
                                           or statement.activity.when or ""))
                     for statement in statements]
        scheduled = [(statement, often) for statement, often in scheduled if often]
        if not scheduled:
            continue
        reference, expected = scheduled[0]
        for statement, often in scheduled[1:]:
            if often.contradicts(expected):
                activity = statement.activity
                field = "frequency" if activity.frequency else "when"
                here, elsewhere = _SCHEDULE_MISMATCHES[often.at_least, expected.at_least]
                yield Defect(statement.document.number, activity.location(field),
                             reference.cited(statement.document, here, elsewhere,
                                             activity=ACTIVITY_NAMES[kind], here=often.times,
                                             said=getattr(activity, field),
                                             there=expected.times))


def _named_departments(context: CheckContext) -> Iterator[tuple[str, str, Where]]:
    """Yield (document number, department name, where) for every department named."""
    organization = context.organization.organization
    for person in organization.people:
        if person.department:
            yield "", person.department, Within(person, ("department",))
    for document in context.documents:
        if document.model.department:
            yield document.number, document.model.department, \
                Within(document.model, ("department",))
        for activity in document.model.activities.values():
            for field in ("responsible", "cooperating"):
                for index, name in enumerate(getattr(activity, field)):
                    yield document.number, name, Within(activity, (field, index))
        for fragment in context.texts[document.number]:
            if "部" not in fragment.text:
                continue
            for match in DEPARTMENT_IN_PROSE.finditer(fragment.text):
                # 技术部 inside a declared 信息技术部 is that department, not another one.
                if not _inside_a_name(fragment.text, match, context.department_names):
                    yield document.number, match.group(0), fragment.where


def _inside_a_name(text: str, match: re.Match[str], names: set[str]) -> bool:
    """Return whether `match` lies within an occurrence in `text` of one of `names`."""
    if match.group(0) in names:
        return True
    start, end = match.span()
    return any(text.startswith(name, first)
               for name in names if len(name) > end - start
               for first in range(max(0, end - len(name)), start + 1))


@rule("XREF-DEPARTMENT", family="crossref", severity=Severity.ERROR,
      summary="every department named is a department of the organization (org.yaml)")
def departments(context: CheckContext) -> Iterator[Defect]:
    known = context.department_names
    for number, name, where in _named_departments(context):
        if name in known or name in COLLECTIVE_DEPARTMENTS:
            continue
        yield Defect(number, place(where),
                     says.UNKNOWN_DEPARTMENT(name=name,
                                             organization=context.organization.organization.name,
                                             known=sorted(known)))


@rule("XREF-OWNER-UNKNOWN", family="crossref", severity=Severity.WARNING,
      summary="owners of KPIs and activities are roles, people or departments of the organization")
def unknown_owners(context: CheckContext) -> Iterator[Defect]:
    organization = context.organization.organization
    known = set(organization.roles) | set(context.people) | context.department_names
    for document in context.documents:
        owners = [(kpi, kpi.owner) for kpi in document.model.kpis.values()] + \
                 [(activity, activity.owner) for activity in document.model.activities.values()]
        for owner_of, owner in owners:
            if owner and owner not in known:
                yield Defect(document.number, owner_of.location("owner"),
                             says.UNKNOWN_OWNER(owner=owner, organization=organization.name))


@rule("XREF-DOCUMENT-KIND", family="crossref", severity=Severity.ERROR,
      summary="a document does not call itself another kind of document (本制度 in a plan)")
def document_kind(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        if document.model.kind == "其他":  # no word such a document should call itself
            continue
        for fragment in context.texts[document.number]:
            for match in _SELF_REFERENCE.finditer(fragment.text):
                word = match.group(2)
                # 此 points back at something just named (制定培训计划，此计划…) unless the
                # word has not been named before it: then it is the document itself.
                if match.group(1) == "此" and word in fragment.text[:match.start()]:
                    continue
                kind = _KIND_OF_WORD[word]
                if kind != document.model.kind:
                    yield Defect(document.number, fragment.location,
                                 says.WRONG_KIND(kind=document.model.kind, words=match.group(0),
                                                 other=kind))
