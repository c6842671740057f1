"""The labels Word shows on a template's headings: 1., 4.1., 第一章, counted as Word counts.

A template numbers its headings with a multilevel list bound to the heading styles; the
quality manager may change it in Word. The table of contents docgen writes, and the
lines it looks for in LibreOffice's updated one, take their labels from here, so they
always say what the headings themselves show.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from lxml import etree

from docgen.wordml.heading_schemes import HeadingLevel, bind_heading_lists
from docgen.wordml.list_numbering import ListCounter, NumberingDefinitions
from docgen.wordml.xml import w


class HeadingNumbering:
    """The list that numbers the heading styles of one template (styles.xml, numbering.xml)."""

    def __init__(self, styles: etree._Element, numbering: etree._Element | None):
        by_name: dict[str, str] = {}
        self._based_on: dict[str, str] = {}
        self._num_pr: dict[str, tuple[str | None, int | None]] = {}
        for style in styles.iter(w("style")):
            style_id = style.get(w("styleId"))
            name = style.find(w("name"))
            if name is not None:
                by_name.setdefault(name.get(w("val"), "").lower(), style_id)
            based = style.find(w("basedOn"))
            if based is not None:
                self._based_on[style_id] = based.get(w("val"))
            num_pr = style.find(f"{w('pPr')}/{w('numPr')}")
            if num_pr is not None:
                num_id, ilvl = num_pr.find(w("numId")), num_pr.find(w("ilvl"))
                self._num_pr[style_id] = (
                    num_id.get(w("val")) if num_id is not None else None,
                    int(ilvl.get(w("val"))) if ilvl is not None else None)
        self.styles = {level: by_name[f"heading {level}"] for level in range(1, 10)
                       if f"heading {level}" in by_name}
        self.definitions = NumberingDefinitions(
            numbering, {style_id: num_id for style_id, (num_id, _l) in self._num_pr.items()})

    @classmethod
    def of_package(cls, data: bytes, lists: Sequence[Sequence[HeadingLevel]] | None = None
                   ) -> HeadingNumbering:
        """Return the heading numbering of the .docx (or template) whose bytes are `data`,
        or, given heading `lists`, of a document made from it whose headings they number."""
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            styles = etree.fromstring(archive.read("word/styles.xml")) \
                if "word/styles.xml" in names else etree.Element(w("styles"))
            numbering = etree.fromstring(archive.read("word/numbering.xml")) \
                if "word/numbering.xml" in names else None
        if lists is not None:
            numbering = numbering if numbering is not None else etree.Element(w("numbering"))
            bind_heading_lists(styles, numbering, lists)
        return cls(styles, numbering)

    def labels(self, levels: Sequence[int], *, separated: bool = False) -> list[str]:
        """Return the label of each heading, given the levels (1, 2, …) of all headings in
        document order; "" for a heading its style does not number. `separated` adds what
        separates label and title where a line shows them (a space, or nothing: 一、目的)."""
        counter = ListCounter(self.definitions)
        labels = []
        for level in levels:
            style_id = self.styles.get(level)
            num_id, ilvl = self._numbering_of(style_id) if style_id else (None, None)
            label = counter.label(num_id, ilvl or 0) if num_id else ""
            if label and separated:
                shown = self.definitions.level(num_id, ilvl or 0)
                label += "" if shown is not None and shown.suffix == "nothing" else " "
            labels.append(label)
        return labels

    def _numbering_of(self, style_id: str) -> tuple[str | None, int | None]:
        """Return the numId and level a style's paragraphs take, through basedOn."""
        num_id = ilvl = None
        seen = set()
        link: str | None = style_id
        while link and link not in seen:
            seen.add(link)
            link_id, link_level = self._num_pr.get(link, (None, None))
            num_id = num_id if num_id is not None else link_id
            ilvl = ilvl if ilvl is not None else link_level
            link = self._based_on.get(link)
        if num_id:
            # A level bound to the style by the definition's w:pStyle wins (§17.9.23).
            bound = self.definitions.level_of_style(num_id, style_id)
            ilvl = bound if bound is not None else ilvl
        return num_id, ilvl
