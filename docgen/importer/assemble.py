"""Import one Word file: read it, run each stage, and put the document's data together.

Nothing here writes: `import_document` returns the document in content format (the
dicts and lists its YAML will hold), what was guessed, where each piece came from in
the Word file, and what the organization learns from it (company, prefix, people and
the roles they signed in, departments). docgen.importer.project writes it into a
project; docgen.importer.word_check checks it in memory.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from docgen.catalogue import importing as said
from docgen.content.schema import NUMBER_PATTERN, OTHER_KIND
from docgen.errors import UsageError
from docgen.importer.cover import KINDS
from docgen.importer.model import (
    DataPath,
    FrontMatter,
    Guess,
    ImportedBody,
    Origin,
    WordFile,
    WordTable,
)

# The number pattern of docgen's schema, and what an original's number may look like
# before it is made to fit: ABC/QM-01, abc-qm-01, ABC_QM_01, ABC QM 01.
NUMBER = re.compile(NUMBER_PATTERN)
_NUMBER_SEPARATORS = re.compile(r"[\s/\\_.·—–－]+")

# What a title says about the document's part in the set, most specific first.
_ROLES = (("能力", "capability_plan", "计划"), ("质量", "quality_plan", "计划"),
          ("过程框架", "process_framework", None), ("服务目录", "service_catalogue", None),
          ("服务级别协议", "sla", None), ("SLA", "sla", None))


@dataclass
class ImportedDocument:
    """One Word file as content: the document's data and what the import knows of it."""

    source: Path
    data: dict[str, object]
    company: str
    style: dict[str, object] = field(default_factory=dict)
    """The house style the original is written in (org.yaml `style:` format)."""
    people: dict[str, set[str]] = field(default_factory=dict)
    """Who signed in which roles: {吴杰: {author}, 陆涛: {approver}}."""
    departments: list[str] = field(default_factory=list)
    guesses: list[Guess] = field(default_factory=list)
    origins: dict[DataPath, Origin] = field(default_factory=dict)
    toc: list[tuple[int, str]] = field(default_factory=list)
    """The original's table of contents, for comparing with its headings."""

    @property
    def number(self) -> str:
        return str(self.data["number"])

    @property
    def prefix(self) -> str:
        return self.number.split("-", 1)[0]


def import_document(path: Path) -> ImportedDocument:
    """Return the Word file at `path` as content; raise UsageError if it cannot be read."""
    from docgen.importer.activity_statements import DEPARTMENT_NAME, activities_in_prose
    from docgen.importer.body import import_body
    from docgen.importer.facts import find_facts
    from docgen.importer.front import read_front_matter
    from docgen.importer.processes import find_processes
    from docgen.importer.sources import read_source, refuse_unfit
    from docgen.importer.wordfile import read_word_file

    word = read_word_file(read_source(path), path)
    refuse_unfit(word)
    front = read_front_matter(word)
    body = import_body(word, front.body_start)
    if "dates" not in body.style:  # a body without dates: the cover and revisions have them
        _front_dates(word, front.body_start, body)
    facts = find_facts(body.sections, body.origins)
    guesses = [*front.guesses, *body.guesses, *facts.guesses]
    data: dict[str, object] = {}
    number = document_number(front, path, guesses)
    title = front.title or _title_from_name(path, number)
    if not title:
        raise UsageError(said.NO_TITLE(file=str(path)))
    if not front.title:
        guesses.append(Guess(("title",), said.GUESSED_TITLE_FROM_NAME()))
    data.update(number=number, title=title, kind=_kind(front, title, guesses))
    role = _role(title)
    if role != "other":
        data["role"] = role
        guesses.append(Guess(("role",), said.GUESSED_ROLE(role=role)))
    if front.department:
        data["department"] = front.department
    if front.template:
        data["template"] = front.template
    data["revisions"] = front.revisions
    if facts.kpis:
        data["kpis"] = facts.kpis
    stated = activities_in_prose(facts.sections, facts.activities)
    guesses += stated.guesses
    if facts.activities or stated.activities:
        data["activities"] = {**facts.activities, **stated.activities}
    data["sections"] = facts.sections
    if front.toc:  # kept for STRUCT-TOC-MISMATCH, not printed: docgen writes its own TOC
        data["toc"] = [text for _level, text in front.toc]
    origins = {**front.origins, **facts.origins}
    origins.update({place: origins[source] for place, source in stated.sources.items()
                    if source in origins})
    processes = find_processes(data, origins)  # after `role`: a capability plan's sections
    if processes.groups:
        data["processes"] = processes.groups
    guesses += processes.guesses
    origins.update(processes.origins)
    departments = list(dict.fromkeys(
        [front.department] * bool(front.department) + sorted(facts.departments)
        + sorted(owner for owner in facts.owners if DEPARTMENT_NAME.search(owner))
        + named_departments(data)))
    return ImportedDocument(path, data, front.company, body.style, _signers(front),
                            departments, guesses, origins, front.toc)


def named_departments(data: object, *, at_least: int = 2) -> list[str]:
    """Return the departments the document's text names at least `at_least` times, most
    named first: 运维部 named throughout is one of the company's; a department named
    once may be a slip (客户部 for 客服部), and is left for XREF-DEPARTMENT to report."""
    from docgen.checks.crossref import COLLECTIVE_DEPARTMENTS, DEPARTMENT_IN_PROSE

    counts: Counter[str] = Counter()
    for text in _texts(data):
        if "部" in text:
            counts.update(match.group(0) for match in DEPARTMENT_IN_PROSE.finditer(text))
    return [name for name, count in counts.most_common()
            if count >= at_least and name not in COLLECTIVE_DEPARTMENTS]


def _texts(value: object) -> Iterator[str]:
    """Yield every string inside `value` (dicts, lists and strings)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def _front_dates(word: WordFile, start: int, body: ImportedBody) -> None:
    """Put the date format of the pages before the body into `body.style`."""
    from docgen.importer.house_style import date_style

    texts: list[str] = []
    for block in word.blocks[:start]:
        if isinstance(block, WordTable):
            texts += [cell.text for row in block.rows for cell in row]
        else:
            texts.append(block.text)
    found = date_style(texts)
    if found is not None:
        body.style["dates"], note = found
        if note is not None:
            body.guesses.append(Guess(("style", "dates"), note))


def document_number(front: FrontMatter, path: Path, guesses: list[Guess]) -> str:
    """Return the document number the original carries, made to fit docgen's pattern
    (ABC/QM-01 becomes ABC-QM-01, with a guess); else the file's name, if it is one."""
    for written, from_name in ((front.number, False), (path.stem, True)):
        if not written:
            continue
        fitted = _NUMBER_SEPARATORS.sub("-", written.strip()).strip("-").upper()
        if NUMBER.match(fitted):
            if from_name:
                guesses.append(Guess(("number",), said.GUESSED_NUMBER_FROM_NAME()))
            elif fitted != written.strip():
                guesses.append(Guess(("number",), said.NUMBER_FITTED(written=written)))
            return fitted
    raise UsageError(said.NO_NUMBER(file=str(path), found=front.number or ""))


def _kind(front: FrontMatter, title: str, guesses: list[Guess]) -> str:
    """Return the kind the cover gives (the front matter guessed it where it had to);
    else the kind the title, read from the file's name, ends in; else 其他, a guess."""
    if front.kind:
        return front.kind
    kind = next((kind for kind in KINDS if title.endswith(kind)), "")
    if not kind:
        guesses.append(Guess(("kind",), said.GUESSED_KIND()))
    return kind or OTHER_KIND


def _role(title: str) -> str:
    for word, role, ending in _ROLES:
        if word in title and (ending is None or title.endswith(ending)):
            return role
    if title.endswith(("制度", "程序")) and "管理" in title:
        return "process_policy"
    return "other"


def _signers(front: FrontMatter) -> dict[str, set[str]]:
    people: dict[str, set[str]] = {}
    for row in front.revisions:
        for role in ("author", "reviewer", "approver"):
            name = row.get(role)
            if isinstance(name, str) and name:
                people.setdefault(name, set()).add(role)
    for role, name in front.signers.items():
        if name:
            people.setdefault(name, set()).add(role)
    return people


_VERSION_IN_NAME = re.compile(r"\s*[Vv]\d+(\.\d+)*\s*$")


def _title_from_name(path: Path, number: str) -> str:
    """Return what a file name such as "ABC-QM-01 服务质量计划 V1.0" says the title is."""
    name = path.stem
    fitted = _NUMBER_SEPARATORS.sub("-", name).upper()
    if fitted.startswith(number):
        name = name[len(number):]
    return _VERSION_IN_NAME.sub("", name).strip(" -_")
