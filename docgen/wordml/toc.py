"""Fill the table of contents field with its entries, so it shows without an update.

Word, WPS and LibreOffice display a TOC field's cached result until someone updates
the field; python-docx can only insert the field. docgen writes the result itself:
one paragraph per heading (number, title, a dotted tab and the page number when it is
known), each a hyperlink to the heading's bookmark with a PAGEREF field for the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from docgen.wordml.xml import XML_NS, element, sub, text_runs, w

_LEVELS = re.compile(r'\\o\s+"(\d)-(\d)"')


@dataclass(frozen=True)
class TocEntry:
    """One line of the table of contents."""

    level: int
    text: str
    bookmark: str
    page: int | None = None


def find_toc_paragraphs(body: etree._Element) -> list[etree._Element]:
    """Return the paragraphs the TOC field spans, from its begin to its end; [] if none."""
    for instruction in body.iter(w("instrText")):
        if (instruction.text or "").strip().startswith("TOC"):
            start = _ancestor_paragraph(instruction)
            paragraphs = [start]
            node = start
            while not _has_field_end(node, after=instruction if node is start else None):
                node = node.getnext()
                if node is None or node.tag != w("p"):
                    return []
                paragraphs.append(node)
            return paragraphs
    return []


def toc_levels(body: etree._Element) -> int:
    """Return the deepest heading level the TOC field lists (its \\o switch; 3 by default)."""
    for instruction in body.iter(w("instrText")):
        text = instruction.text or ""
        if text.strip().startswith("TOC"):
            match = _LEVELS.search(text)
            return int(match.group(2)) if match else 3
    return 0


def fill_toc(body: etree._Element, entries: Sequence[TocEntry], style_ids: dict[int, str]) -> bool:
    """Replace the TOC field's cached result with `entries`; return False if there is no TOC."""
    paragraphs = find_toc_paragraphs(body)
    if not paragraphs:
        return False
    first = paragraphs[0]
    field_start = _field_start_runs(first)
    for extra in paragraphs[1:]:
        extra.getparent().remove(extra)
    for child in list(first):
        if child.tag != w("pPr") and child not in field_start:
            first.remove(child)
    end_run = element("r", None, element("fldChar", {"fldCharType": "end"}))
    if not entries:
        first.append(end_run)
        return True
    lines = [first] + [element("p") for _ in entries[1:]]
    anchor = first
    for line, entry in zip(lines, entries, strict=True):
        _set_style(line, style_ids.get(entry.level, style_ids[max(style_ids)]))
        line.append(_entry_link(entry))
        if line is not first:
            anchor.addnext(line)
            anchor = line
    lines[-1].append(end_run)
    return True


def _entry_link(entry: TocEntry) -> etree._Element:
    link = element("hyperlink", {"anchor": entry.bookmark, "history": "1"})
    link.extend(text_runs(entry.text))
    link.append(element("r", None, element("tab")))
    for kind, text in (("begin", None), (None, f" PAGEREF {entry.bookmark} \\h "),
                       ("separate", None)):
        run = sub(link, "r")
        if kind:
            sub(run, "fldChar", {"fldCharType": kind})
        else:
            instruction = sub(run, "instrText")
            instruction.text = text
            instruction.set(f"{{{XML_NS}}}space", "preserve")
    if entry.page is not None:
        link.extend(text_runs(str(entry.page)))
    link.append(element("r", None, element("fldChar", {"fldCharType": "end"})))
    return link


def _set_style(paragraph: etree._Element, style_id: str) -> None:
    properties = paragraph.find(w("pPr"))
    if properties is None:
        properties = element("pPr")
        paragraph.insert(0, properties)
    style = properties.find(w("pStyle"))
    if style is None:
        style = element("pStyle")
        properties.insert(0, style)
    style.set(w("val"), style_id)


def _ancestor_paragraph(node: etree._Element) -> etree._Element:
    while node.tag != w("p"):
        node = node.getparent()
    return node


def _field_start_runs(paragraph: etree._Element) -> list[etree._Element]:
    """Return the runs from the TOC's begin up to and including its separate."""
    runs = []
    started = False
    for run in paragraph.iter(w("r")):
        field_char = run.find(w("fldChar"))
        instruction = run.find(w("instrText"))
        if field_char is not None and field_char.get(w("fldCharType")) == "begin":
            started = True
            runs = [run]
            continue
        if started:
            runs.append(run)
            if field_char is not None and field_char.get(w("fldCharType")) == "separate":
                return runs
            if instruction is None and field_char is None:
                runs.pop()
    return runs


def _has_field_end(paragraph: etree._Element, after: etree._Element | None) -> bool:
    seen = after is None
    depth = 0
    for node in paragraph.iter(w("instrText"), w("fldChar")):
        if node is after:
            seen = True
            continue
        if not seen or node.tag != w("fldChar"):
            continue
        kind = node.get(w("fldCharType"))
        if kind == "begin":
            depth += 1
        elif kind == "end":
            if depth == 0:
                return True
            depth -= 1
    return False
