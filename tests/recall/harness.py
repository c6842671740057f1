"""Inject every defect class into every clean set and measure what `docgen check` finds.

An injection edits the YAML data of a clean set's documents and says which rule must
report it, where: the document and the data path of the injected node. It is found
when a finding of that rule stands at that node's file and line. The clean sets
themselves must give no finding at all.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from docgen.checks import Finding, run_checks
from docgen.content.loader import load_content
from docgen.content.resolve import resolve_content
from docgen.content.yaml_source import Loader, SourceMap
from tests.recall.clean import CLEAN_SETS
from tests.recall.mutations import DEFECT_CLASSES, Injection
from tests.recall.setdata import Expected, SetData


@dataclass
class Outcome:
    """What happened to one injection."""

    defect: str
    clean_set: str
    variant: int
    expected: Expected
    found: bool
    findings: list[str]
    injected: str = ""
    """The text of the injected node, to show a miss."""


@dataclass
class Report:
    """Injections and their outcomes, and the findings on each clean set."""

    outcomes: list[Outcome] = field(default_factory=list)
    false_alarms: dict[str, list[str]] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)

    def table(self) -> list[dict[str, object]]:
        """Return one row per defect class: its rule, injections, found and recall."""
        rows = []
        for name, defect in DEFECT_CLASSES.items():
            outcomes = [o for o in self.outcomes if o.defect == name]
            found = sum(o.found for o in outcomes)
            rows.append({"class": name, "rule": defect.rule, "injections": len(outcomes),
                         "found": found,
                         "recall": round(found / len(outcomes), 4) if outcomes else None})
        return rows


def _dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100_000)


def _describe(finding: Finding) -> str:
    return f"{finding.location.file.name}:{finding.location.line}: {finding.rule} {finding.text}"


class CleanSet:
    """One clean organization written to a working folder, to be mutated and checked."""

    def __init__(self, name: str, root: Path):
        self.name = name
        self.folder = CLEAN_SETS[name](root / "content")
        self.texts = {path.stem: path.read_text(encoding="utf-8")
                      for path in sorted(self.folder.glob("*.yaml")) if path.stem != "org"}
        self.org = yaml.load((self.folder / "org.yaml").read_text(encoding="utf-8"),
                             Loader=Loader)

    def data(self) -> SetData:
        """Return a fresh copy of every document's data, by number, and the organization's."""
        return SetData({number: yaml.load(text, Loader=Loader)
                        for number, text in self.texts.items()}, self.org)

    def check(self, changed: dict[str, str] | None = None) -> list[Finding]:
        """Return the findings on the set with the documents `changed` rewritten."""
        changed = changed or {}
        for number, text in changed.items():
            (self.folder / f"{number}.yaml").write_text(text, encoding="utf-8")
        try:
            return run_checks(resolve_content(load_content(self.folder.parent)))
        finally:
            for number in changed:
                (self.folder / f"{number}.yaml").write_text(self.texts[number], encoding="utf-8")


def _run_one(clean: CleanSet, defect: str, variant: int, injection: Injection) -> Outcome:
    data = clean.data()
    rng = random.Random(f"{clean.name}/{defect}/{variant}")
    expected = injection(data, rng, variant)
    changed = {number: _dump(document) for number, document in data.documents.items()
               if number in data.touched}
    path = clean.folder / f"{expected.document}.yaml"
    source = SourceMap(path, changed[expected.document])
    line = source.locate(expected.path).line
    expected.line = line
    injected = changed[expected.document].split("\n")[line - 1].strip()
    findings = clean.check(changed)
    found = any(f.rule == expected.rule and f.location.file.name == path.name
                and f.location.line == line for f in findings)
    return Outcome(defect, clean.name, variant, expected, found,
                   [_describe(f) for f in findings], injected)


def run(sets: list[str] | None = None, *, variants: int | None = None,
        classes: list[str] | None = None) -> Report:
    """Return the report of every defect class injected into every clean set (`variants`
    wordings of each class, all by default)."""
    report = Report()
    with tempfile.TemporaryDirectory(prefix="docgen-recall-") as temporary:
        for name in sets or list(CLEAN_SETS):
            clean = CleanSet(name, Path(temporary) / name)
            report.false_alarms[name] = [_describe(f) for f in clean.check()]
            report.documents[name] = len(clean.texts)
            for defect_name, defect in DEFECT_CLASSES.items():
                if classes and defect_name not in classes:
                    continue
                for variant in _variants(defect.variants, variants):
                    report.outcomes.append(_run_one(clean, defect_name, variant,
                                                    defect.inject))
    return report


def _variants(available: int, wanted: int | None) -> Iterator[int]:
    yield from range(available if wanted is None else min(wanted, available))
