"""The data of a clean set as mutations see it: documents by number, and where to add."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]


@dataclass
class Expected:
    """The finding an injection must cause: its rule, document and data path (and line)."""

    rule: str
    document: str
    path: Path
    line: int = 0


@dataclass
class SetData:
    """Every document's YAML data by number, the organization's, and what was changed."""

    documents: dict[str, dict[str, Any]]
    org: dict[str, Any]
    touched: set[str] = field(default_factory=set)

    def numbers(self) -> list[str]:
        return sorted(self.documents)

    def document(self, number: str) -> dict[str, Any]:
        """Return a document's data, marked as changed."""
        self.touched.add(number)
        return self.documents[number]

    def sections(self, number: str) -> list[tuple[Path, dict[str, Any]]]:
        """Return (path, section) for every section of a document, depth first."""
        found: list[tuple[Path, dict[str, Any]]] = []

        def walk(sections: list[dict[str, Any]], prefix: Path) -> None:
            for index, section in enumerate(sections):
                path = (*prefix, index)
                found.append((path, section))
                walk(section.get("sections") or [], (*path, "sections"))

        walk(self.documents[number].get("sections") or [], ("sections",))
        return found

    def add_block(self, number: str, rng: random.Random, block: Any,
                  section: int | None = None) -> Path:
        """Append `block` to the body of a section (chosen by `rng`); return its path."""
        sections = self.sections(number)
        path, chosen = sections[section if section is not None else rng.randrange(len(sections))]
        self.document(number)
        body = chosen.setdefault("body", [])
        body.append(block)
        return (*path, "body", len(body) - 1)

    def kpis(self) -> list[tuple[str, str, dict[str, Any]]]:
        """Return (document, key, kpi) of every declared KPI."""
        return [(number, key, kpi) for number in self.numbers()
                for key, kpi in (self.documents[number].get("kpis") or {}).items()]

    def add_kpi(self, number: str, key: str, kpi: dict[str, Any]) -> Path:
        """Declare a KPI in a document; return its path."""
        document = self.document(number)
        if not document.get("kpis"):
            document["kpis"] = {}
        document["kpis"][key] = kpi
        return ("kpis", key)

    def chapter_of(self, path: Path) -> int:
        """Return the chapter number (1-based) a section path stands in."""
        return int(path[1]) + 1


_LITERAL = re.compile(r"^\s*表\s*\d+\s*[-－.．]\s*\d+")


def captions(document: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Return (chapter, number, caption) of every table the renderer numbers, in order,
    as it numbers them (restarting in each chapter)."""
    found = []
    counters: dict[int, int] = {}

    def walk(sections: list[dict[str, Any]], chapter: int | None) -> None:
        for index, section in enumerate(sections, start=1):
            here = chapter or index
            for block in section.get("body") or []:
                if not isinstance(block, dict):
                    continue
                caption = (block.get("table") or {}).get("caption") if "table" in block \
                    else block.get("caption")
                if caption and not _LITERAL.match(caption) and \
                        ("table" in block or "kpi_table" in block or "activity_table" in block):
                    counters[here] = counters.get(here, 0) + 1
                    found.append((here, counters[here], caption))
            walk(section.get("sections") or [], here)

    walk(document.get("sections") or [], None)
    return found


def table(caption: str | None, rows: int = 2) -> dict[str, Any]:
    """Return a small table block with `caption`."""
    body = [[f"项目{index}", f"说明{index}"] for index in range(1, rows + 1)]
    block: dict[str, Any] = {"header": [["项目", "说明"]], "rows": body}
    if caption:
        block = {"caption": caption, **block}
    return {"table": block}
