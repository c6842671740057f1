"""Recurring activities stated in prose, as facts: "运维服务能力内审由质量部负责组织实施",
"管理评审由总经理主持，每年度至少一次", "客户满意度调查每年开展一次".

A plan that schedules its internal audit, management review or satisfaction survey in a
sentence rather than a table still says who runs it and how often; declared as an
activity, XREF-ACTIVITY-OWNER and XREF-ACTIVITY-SCHEDULE compare it with the other
documents that plan the same activity. Only the recurring kinds the checks compare
(activity_kind) are taken, each once, and the sentence is left as it is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from docgen.catalogue import import_facts as said
from docgen.checks.kpi_prose import SENTENCE_END
from docgen.importer.activity_tables import activity_kind
from docgen.importer.facts import prose_of
from docgen.importer.model import DataPath, Guess

# 〈activity〉由〈who〉(负责)?(组织)?(实施|主持|开展|牵头|召开|进行)
_RUN_BY = re.compile(
    r"(?P<name>[\u4e00-\u9fffA-Za-z（）()]{2,24}?)(?:工作)?由(?P<who>[\u4e00-\u9fffA-Za-z（）()、和及]"
    r"{2,20}?)(?:负责|牵头)?(?:组织)?(?:实施|主持|开展|召开|进行|执行|组织)")
# 每年度至少一次, 每年开展一次, 每半年一次, 每季度进行一次
_FREQUENCY = re.compile(
    r"每(?:年度?|半年|季度?|月度?)(?:至少|开展|进行|组织|召开){0,2}[一二两三四1-9]次")
# A name that is a department rather than a role or a person: 运维部, 服务台, 质量管理办公室.
DEPARTMENT_NAME = re.compile(r"(部|中心|室|组|处|科|台)$")
_JOINED = re.compile(r"[、和及]")


@dataclass
class StatedActivities:
    """The activities found in prose, by id, with the guesses that mark them."""

    activities: dict[str, dict[str, Any]] = field(default_factory=dict)
    guesses: list[Guess] = field(default_factory=list)
    sources: dict[DataPath, DataPath] = field(default_factory=dict)
    """Where each activity was stated: ("activities", id) -> the paragraph's path."""


def activities_in_prose(sections: list[dict[str, Any]],
                        declared: dict[str, dict[str, Any]]) -> StatedActivities:
    """Return the recurring activities the paragraphs and list items of `sections` state
    who runs, that `declared` (the activities of tables) does not already hold."""
    found = StatedActivities()
    kinds = {activity.get("kind") for activity in declared.values()}
    for prose in prose_of(sections):
        path, text = prose.path, prose.text
        for sentence in SENTENCE_END.split(text):
            for name, who in _run_by(sentence):
                kind = activity_kind(name)
                if kind == "other" or kind in kinds:
                    continue
                kinds.add(kind)
                activity: dict[str, Any] = {"name": name, "kind": kind}
                people = [part for part in _JOINED.split(who) if part]
                if all(DEPARTMENT_NAME.search(part) for part in people):
                    activity["responsible"] = people
                else:
                    activity["owner"] = who
                frequency = _FREQUENCY.search(text)
                if frequency:
                    activity["frequency"] = frequency.group(0)
                key = kind if kind not in declared else f"{kind}_stated"
                found.activities[key] = activity
                found.sources[("activities", key)] = path
                found.guesses.append(Guess(("activities", key), said.ACTIVITY_FROM_PROSE(
                    name=name, who=who, words=sentence.strip()[:40])))
    return found


def _run_by(sentence: str) -> Iterator[tuple[str, str]]:
    """Yield (activity, who runs it) for each "X由Y组织实施" in `sentence`."""
    for match in _RUN_BY.finditer(sentence):
        name = re.sub(r"^(?:其中|每年|年度|公司|本年度)", "", match.group("name"))
        yield name, match.group("who")
