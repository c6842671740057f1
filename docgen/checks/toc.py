"""The table of contents an imported original printed, against the headings it has.

Word fills a TOC when told to, and people forget: a heading renamed after the TOC was
last updated, a section added or dropped. docgen writes its own TOC from the headings,
so only imported content (`toc:`, the entries as the original printed them) can
disagree; an auditor reading the original sees the difference.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from docgen.catalogue import checks_toc as says
from docgen.checks.context import CheckContext
from docgen.checks.findings import Defect, Severity
from docgen.checks.registry import rule
from docgen.content.model import ResolvedDocument

# A heading's label as TOCs print it: 4.1.1. / 4.1 / 一、 / （一） / 第一章 / 第三条 / (1).
_LABEL = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇两\d]+[章节条部分篇]|[一二三四五六七八九十]+[、.．]"
    r"|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[.．]\d+)*[.．、]?)\s*")
_SPACE = re.compile(r"[\s\u3000]+")


def entry_title(entry: str) -> str:
    """Return a TOC entry or heading line without its label and spaces:
    4.1 人才 招聘 gives 人才招聘."""
    return _SPACE.sub("", _LABEL.sub("", entry, count=1))


@rule("STRUCT-TOC-MISMATCH", family="structure", severity=Severity.WARNING,
      summary="an imported original's table of contents lists the headings its body has, "
              "under their titles")
def toc_mismatch(context: CheckContext) -> Iterator[Defect]:
    for document in context.documents:
        if document.model.toc:
            yield from _differences(document)


def _differences(document: ResolvedDocument) -> Iterator[Defect]:
    entries = [entry_title(entry) for entry in document.model.toc]
    # How deep the TOC goes: as deep as the headings it lists go (a "1." under 一、 and
    # （一） is a third level), else as deep as its labels say.
    listed = set(entries)
    depth = max([heading.level for heading in document.headings
                 if _SPACE.sub("", heading.title) in listed]
                + [_depth(entry) for entry in document.model.toc])
    headings = [heading for heading in document.headings if heading.level <= depth]
    titles = [_SPACE.sub("", heading.title) for heading in headings]
    front = _front_matter_entries(document.model.toc, titles)
    matcher = difflib.SequenceMatcher(a=entries[front:], b=titles, autojunk=False)
    for operation, first, last, start, end in matcher.get_opcodes():
        if operation == "equal":
            continue
        written = list(range(front + first, front + last))
        shown = list(range(start, end))
        for offset in range(max(len(written), len(shown))):
            entry = written[offset] if offset < len(written) else None
            heading = headings[shown[offset]] if offset < len(shown) else None
            if entry is not None and heading is not None:
                message = says.TOC_TITLE_DIFFERS(entry=document.model.toc[entry],
                                                 heading=heading.title)
            elif entry is not None:
                message = says.TOC_NO_SUCH_HEADING(entry=document.model.toc[entry])
            else:
                assert heading is not None
                message = says.TOC_MISSING_HEADING(heading=heading.title)
            where = (document.model.location("toc", entry) if entry is not None
                     else document.model.location("toc"))
            yield Defect(document.number, where, message)


def _front_matter_entries(toc: list[str], titles: list[str]) -> int:
    """Return how many of the TOC's first entries stand for the pages before the body
    (文件编制和变更履历, 修订记录, 前言): entries without a number, before the first that
    names a heading. docgen's own TOC starts at the body, but such an entry is no error."""
    count = 0
    for entry in toc:
        if _LABEL.match(entry) or entry_title(entry) in titles:
            break
        count += 1
    return count


def _depth(entry: str) -> int:
    """Return how deep a TOC entry's label goes: 4.1.1 is 3; 第一章, 一、 and labels left
    out count as 1, （一） and 第三条 as 2."""
    label = _LABEL.match(entry)
    text = label.group().strip() if label else ""
    if re.match(r"\d", text):
        return len([part for part in re.split(r"[.．、]", text) if part])
    if text.startswith(("（", "(")) or text.endswith("条"):
        return 2
    return 1
