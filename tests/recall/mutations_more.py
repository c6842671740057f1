"""Defect classes of structure, arithmetic and cross-document rules."""

from __future__ import annotations

from random import Random

from tests.recall import wordings as w
from tests.recall.setdata import Expected, SetData, captions, table


def _section(data: SetData, number: str, rng: Random) -> int:
    return rng.randrange(len(data.sections(number)))


def _caption_number(chapter: int, place: int, variant: int) -> str:
    forms = ["表{c}-{n}", "表 {c}-{n}", "表{c}－{n}", "表{c}.{n}"]
    return forms[variant % len(forms)].format(c=chapter, n=place)


def caption_duplicate(data: SetData, rng: Random, variant: int) -> Expected:
    number = rng.choice(data.numbers())
    section = _section(data, number, rng)
    path, _ = data.sections(number)[section]
    chapter = data.chapter_of(path)
    taken = [n for c, n, _caption in captions(data.documents[number]) if c == chapter]
    first, second = w.TABLE_SUBJECTS[variant % 8][0], w.TABLE_SUBJECTS[(variant + 1) % 8][0]
    if taken and variant % 2:
        # The number the renderer gives an existing table, written into a new caption
        # after it: in the chapter's last section.
        place = taken[-1]
        section = max(index for index, (other, _s) in enumerate(data.sections(number))
                      if data.chapter_of(other) == chapter)
        data.add_block(number, rng, table(None), section)
    else:
        place = len(taken) + 1
        data.add_block(number, rng, table(f"{_caption_number(chapter, place, variant)} {first}"),
                       section)
    block = data.add_block(number, rng,
                           table(f"{_caption_number(chapter, place, variant + 1)} {second}"),
                           section)
    return Expected("STRUCT-CAPTION-DUPLICATE", number, (*block, "table", "caption"))


def reference_wrong_table(data: SetData, rng: Random, variant: int) -> Expected:
    number = rng.choice(data.numbers())
    section = _section(data, number, rng)
    path, _ = data.sections(number)[section]
    chapter = data.chapter_of(path)
    (first, _), (second, subject) = w.TABLE_SUBJECTS[variant % 8], \
        w.TABLE_SUBJECTS[(variant + 3) % 8]
    if variant % 2:  # captions the renderer numbers
        data.add_block(number, rng, table(first), section)
        data.add_block(number, rng, table(second), section)
        cited = next(f"表{c}-{n}" for c, n, caption in captions(data.documents[number])
                     if caption == first)
    else:  # captions written with their numbers
        taken = [n for c, n, _caption in captions(data.documents[number]) if c == chapter]
        place = len(taken) + 1
        data.add_block(number, rng, table(f"表{chapter}-{place} {first}"), section)
        data.add_block(number, rng, table(f"表{chapter}-{place + 1} {second}"), section)
        cited = f"表{chapter}-{place}"
    text = w.TABLE_REFERENCES[variant % len(w.TABLE_REFERENCES)].format(
        subject=subject, table=cited)
    block = data.add_block(number, rng, text, section)
    return Expected("STRUCT-REFERENCE", number, block)


def reference_wrong_section(data: SetData, rng: Random, variant: int) -> Expected:
    number = rng.choice(data.numbers())
    chapters = data.document(number)["sections"]
    (first, _), (second, subject) = w.TABLE_SUBJECTS[variant % 8], \
        w.TABLE_SUBJECTS[(variant + 3) % 8]
    # A chapter of two sections with distinct subjects; its text cites the first by
    # number for the second's subject.
    chapters.append({"title": "专项计划", "body": [],
                     "sections": [{"title": first, "body": ["按计划执行。"]},
                                  {"title": second, "body": ["按计划执行。"]}]})
    chapter = len(chapters)
    text = w.SECTION_REFERENCES[variant % len(w.SECTION_REFERENCES)].format(
        subject=subject, section=f"{chapter}.1")
    chapters[-1]["body"].append(text)
    return Expected("STRUCT-REFERENCE", number, ("sections", chapter - 1, "body", 0))


def reference_ambiguous(data: SetData, rng: Random, variant: int) -> Expected:
    number = rng.choice(data.numbers())
    section = _section(data, number, rng)
    path, _ = data.sections(number)[section]
    chapter = data.chapter_of(path)
    taken = [n for c, n, _caption in captions(data.documents[number]) if c == chapter]
    place = len(taken) + 1
    for offset in (0, 1):
        subject = w.TABLE_SUBJECTS[(variant + offset) % 8][0]
        data.add_block(number, rng, table(f"表{chapter}-{place} {subject}"), section)
    text = ["详见表{t}。", "具体安排如表{t}所示。", "参见表{t}。", "（见表{t}）",
            "相关数据见表{t}。", "如表{t}所示，各项工作按计划推进。", "表{t}列出了有关内容。",
            "具体见表{t}。"][variant % 8].format(t=f"{chapter}-{place}")
    block = data.add_block(number, rng, text, section)
    return Expected("STRUCT-REFERENCE", number, block)


def reference_missing(data: SetData, rng: Random, variant: int) -> Expected:
    number = rng.choice(data.numbers())
    chapters = len(data.documents[number].get("sections") or [])
    text = w.MISSING_REFERENCES[variant % len(w.MISSING_REFERENCES)].format(c=chapters + 7)
    block = data.add_block(number, rng, text)
    return Expected("STRUCT-REFERENCE", number, block)


def document_kind(data: SetData, rng: Random, variant: int) -> Expected:
    number = rng.choice(data.numbers())
    kind = data.documents[number].get("kind")
    others = [k for k in w.OTHER_KINDS if k != kind and not (kind == "制度" and k in ("办法",))]
    text = w.SELF_REFERENCES[variant % len(w.SELF_REFERENCES)].format(
        kind=others[variant % len(others)])
    block = data.add_block(number, rng, text)
    return Expected("XREF-DOCUMENT-KIND", number, block)


def activity_schedule(data: SetData, rng: Random, variant: int) -> Expected:
    used = {activity.get("kind") for n in data.numbers()
            for activity in (data.documents[n].get("activities") or {}).values()}
    kind = next(k for k in ("quality_analysis", "satisfaction_survey", "internal_audit",
                            "management_review") if k not in used)
    first, second = w.SCHEDULES[variant % len(w.SCHEDULES)]
    if variant % 2:
        first, second = second, first
    numbers = data.numbers()
    # Distinct ids: in a set of one document both statements stand in it, the second last.
    for number, key, frequency in ((numbers[0], "injected_first", first),
                                   (numbers[-1], "injected", second)):
        document = data.document(number)
        if not document.get("activities"):
            document["activities"] = {}
        document["activities"][key] = {"name": "服务质量分析", "kind": kind,
                                       "frequency": frequency}
    return Expected("XREF-ACTIVITY-SCHEDULE", numbers[-1],
                    ("activities", "injected", "frequency"))


def department(data: SetData, rng: Random, variant: int) -> Expected:
    number = rng.choice(data.numbers())
    text = w.DEPARTMENT_SENTENCES[variant % 4].format(
        dept=w.UNKNOWN_DEPARTMENTS[variant % len(w.UNKNOWN_DEPARTMENTS)])
    return Expected("XREF-DEPARTMENT", number, data.add_block(number, rng, text))


def prose_sum(data: SetData, rng: Random, variant: int) -> Expected:
    number = rng.choice(data.numbers())
    a, b = rng.randint(2, 9), rng.randint(2, 9)
    text = w.PROSE_SUMS[variant % len(w.PROSE_SUMS)].format(w=a + b + 1, a=a, b=b)
    return Expected("ARITH-PROSE-SUM", number, data.add_block(number, rng, text))


def total(data: SetData, rng: Random, variant: int) -> Expected:
    number = rng.choice(data.numbers())
    column, label, scope = [("人数", "合计", "total"), ("费用", "总计", "total"),
                            ("课时", "小计", "subtotal"), ("次数", "合计", "total")][variant % 4]
    values = [rng.randint(1, 9) for _ in range(3)]
    rows: list[object] = [[f"项目{i}", str(v)] for i, v in enumerate(values, start=1)]
    rows.append({"cells": [label, str(sum(values) + 1 + variant % 3)], scope: [column]})
    block = data.add_block(number, rng, {"table": {"header": [["项目", column]], "rows": rows}})
    return Expected("ARITH-TOTAL", number, (*block, "table", "rows", 3, "cells", 1))
