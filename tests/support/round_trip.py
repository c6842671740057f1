"""Import a legacy Word file, build it again, and measure what the rebuild keeps.

    python -m tests.support.round_trip [FILE...]     (default: the whole legacy corpus)

prints, per file of tests/fixtures/legacy, the three figures the import is judged by:
how much of the original's text the rebuilt document covers (tests/support/fidelity.py's
measure, the original's text lines as the seed), how many of the original's merged
cells the rebuild has, and how many of its heading lines (number and title, as shown)
the rebuild shows; and which findings `docgen check` reports on the Word file.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docgen.i18n import ENGLISH
from docgen.project import Project
from docgen.wordml.reader import ReadDocument, read_docx
from tests.support.building import build
from tests.support.fidelity import Coverage, coverage, docx_units
from tests.support.trees import REPO, TEMPLATES

CORPUS = REPO / "tests" / "fixtures" / "legacy"
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]")
# A bullet in a symbol font (Symbol, Wingdings) is read as the font's private-use code
# point (U+F0B7 is Symbol's •); Word draws a bullet, which the measure leaves out.
_SYMBOL_BULLET = re.compile(r"^[\uf000-\uf0ff]")
# The number Word shows before a list item, which a tab separates from the item's text.
# A TOC field's title as its producer words it (pandoc writes Table of Contents); the
# rebuild's TOC has the template's title, 目录, and a TOC's title is no content.
_TOC_TITLE = re.compile(r"^\s*(?:Table of Contents|Contents|目\s*次)\s*$", re.IGNORECASE)
# A cover's label: 编  制：, 编制时间：, 版本号:.
_COVER_LABEL = re.compile(r"(?:^|(?<=\s))[\u4e00-\u9fff](?:[ \u3000\u00a0]*[\u4e00-\u9fff]){0,5}"
                          r"[ \u3000\u00a0]*[：:]")
_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,3}[.．、)）]|[(（]\d{1,3}[)）]|[a-z][.)]|[\u2460-\u2473])\s*$")


def corpus_entries() -> list[dict]:
    """Return expected.json's entries for the good files of the corpus."""
    return json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]


@dataclass
class RoundTrip:
    """What a rebuild of an imported Word file kept of the original."""

    file: str
    coverage: Coverage
    merges: int
    merges_kept: int
    headings: int
    headings_kept: int
    headings_missing: list[str] = field(default_factory=list)
    merges_missing: list[dict] = field(default_factory=list)
    headings_built: int = 0
    """How many headings the rebuild has: as many as the original's, or the import took
    something else (a TOC, a list) for headings."""


def round_trip(entry: dict, folder: Path) -> RoundTrip:
    """Import the corpus file of `entry` into a project in `folder`, build it, and measure
    the rebuild against what expected.json says the original shows."""
    from docgen.importer.into_project import import_into_project

    project = Project(folder / "content", TEMPLATES, folder / "output")
    import_into_project(project, [CORPUS / entry["file"]], language=ENGLISH)
    build(project, jobs=1)
    [built] = (folder / "output").rglob(f"{entry['number']} *.docx")
    read = read_docx(built.read_bytes())
    built_headings = {_bare(paragraph.display): paragraph.display
                      for paragraph in read.headings}
    seed = "\n".join(_measured_lines(entry, built_headings))
    missing = [line for line in entry["headings"] if _bare(line) not in built_headings]
    merges = entry["merged_cells"]
    lost = [merge for merge in merges if not _has_merge(read, merge)]
    return RoundTrip(entry["file"], coverage(seed, docx_units(read)), len(merges),
                     len(merges) - len(lost), len(entry["headings"]),
                     len(entry["headings"]) - len(missing), missing, lost,
                     len(read.headings))


def _measured_lines(entry: dict, built_headings: dict[str, str]) -> list[str]:
    """Return the original's lines as the measure compares them with the rebuild.

    The cover (the lines before the first heading line or TOC title) is the template's
    in the rebuild: its labels are worded as the template words them (编制人 for
    编  制, 审批时间 for 日期) and the number and version stand on lines of their own,
    so what a cover line must keep is its values. A heading line is the rebuild's when
    that shows the same number and title, spaces aside (6.1 is not 6.1.)."""
    headings = {_bare(line) for line in entry["headings"]}
    lines = [_TOC_TITLE.sub("目录", line) for line in entry["lines"]]
    cover_end = next((index for index, line in enumerate(lines)
                      if _bare(line) in headings or _bare(line) == "目录"), len(lines))
    measured = []
    for index, line in enumerate(lines):
        if index < cover_end:
            measured.extend(_cover_values(line, entry))
        elif _bare(line) in headings and _bare(line) in built_headings:
            measured.append(built_headings[_bare(line)])
        else:
            measured.append(_unwrapped(line))
    return measured


def _cover_values(line: str, entry: dict) -> list[str]:
    """Return the values a cover line gives: 编  制：吴杰<tab>日期：2025.1.7 gives 吴杰
    and 2025.1.7; a line of particulars only (YNTD-ITSS-0600 V1.0) gives each."""
    if _COVER_LABEL.search(line):
        values = [value.strip() for value in _COVER_LABEL.split(line)]
        return [value for value in re.split(r"\t|\s{2,}", "\t".join(values)) if value.strip()]
    particulars = {entry["number"], entry["version"], entry["company"], entry["title"]}
    parts = line.split()
    if len(parts) > 1 and all(part in particulars for part in parts):
        return parts
    return [_unwrapped(line)]


def _unwrapped(line: str) -> str:
    """Return a line with tabs as a table row only when it has cells: a TOC entry, a list
    item (its number or bullet, a tab, its text) or a paragraph indented by tabs is a line
    of text."""
    line = _SYMBOL_BULLET.sub("•", line)
    cells = [cell for cell in line.split("\t") if _WORD.search(cell)]  # not a lone bullet
    if cells and _LIST_NUMBER.match(cells[0]):
        cells = cells[1:]
    return line if len(cells) > 1 else line.replace("\t", " ")


def _bare(text: str) -> str:
    return _SPACE.sub("", text)


def _has_merge(read: ReadDocument, merge: dict) -> bool:
    """Whether some table of the rebuilt document has a cell of the merge's text spanning
    as many rows and columns."""
    text = _bare(merge["text"])
    return any(_bare(cell.text) == text and (cell.rows, cell.cols) == (merge["rows"],
                                                                      merge["cols"])
               for table in read.tables for row in table.rows for cell in row)


def main(names: list[str]) -> None:
    entries = [entry for entry in corpus_entries() if not names or entry["file"] in names]
    print(f"{'file':40} {'coverage':>10} {'merges kept':>12} {'headings kept':>14}")
    for entry in entries:
        with tempfile.TemporaryDirectory() as scratch:
            try:
                result = round_trip(entry, Path(scratch))
            except Exception as error:  # noqa: BLE001 - a report of every file, even broken
                print(f"{entry['file']:40} FAILED: {type(error).__name__}: {error}")
                for problem in getattr(error, "problems", [])[:5]:
                    print("    ", problem.location, problem.message)
                continue
        print(f"{result.file:40} {result.coverage.ratio:>9.1%} "
              f"{result.merges_kept:>6}/{result.merges:<5} "
              f"{result.headings_kept:>7}/{result.headings:<6}")
        for line in result.coverage.missing[:8]:
            print("    missing text:", line[:90])
        for line in result.headings_missing[:5]:
            print("    missing heading:", line)
        for merge in result.merges_missing[:5]:
            print("    lost merge:", merge)


if __name__ == "__main__":
    main(sys.argv[1:])
