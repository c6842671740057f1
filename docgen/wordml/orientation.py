"""Landscape pages inside a portrait body: the section breaks that turn the page.

A part of the body on landscape pages is a section of its own. Word ends a section with
a sectPr in the section's last paragraph, so each change of orientation is an empty
paragraph carrying the setup of the pages before it. Every new section is a copy of the
section the body is in (its header and footer references, its page numbering going on),
turned for the landscape parts: page width and height swapped, margins turned with it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from docgen.wordml.xml import NSMAP, w

# What may come before w:type in a sectPr (the schema's order).
_BEFORE_TYPE = {w("headerReference"), w("footerReference"), w("footnotePr"), w("endnotePr")}


@dataclass(frozen=True)
class PageSections:
    """The section breaks a body may need, as XML paragraphs, and the landscape width."""

    first: str
    """Ends the first part of the body's section (it keeps the first-page setup)."""
    portrait: str
    """Ends a later portrait part."""
    landscape: str
    """Ends a landscape part."""
    landscape_width: int
    """The text width on landscape pages, in twips."""


def page_sections(section: etree._Element) -> PageSections:
    """Return the section breaks that split `section` (a w:sectPr) into parts."""
    first = _new_page(copy.deepcopy(section))
    portrait = _new_page(continued(copy.deepcopy(section)))
    landscape = turn(copy.deepcopy(portrait))
    size, margins = landscape.find(w("pgSz")), landscape.find(w("pgMar"))
    width = _twips(size, "w") - _twips(margins, "left") - _twips(margins, "right")
    return PageSections(_paragraph(first), _paragraph(portrait), _paragraph(landscape), width)


def continued(section: etree._Element) -> etree._Element:
    """Return `section` (changed in place) as a part after the first: no first-page
    setup of its own, and page numbers counting on."""
    for node in section.findall(w("titlePg")):
        section.remove(node)
    for node in section.findall(w("pgNumType")):
        node.attrib.pop(w("start"), None)
    return section


def turn(section: etree._Element) -> etree._Element:
    """Return `section` (changed in place) on landscape pages: width and height swapped,
    the margins turned with the page."""
    size = section.find(w("pgSz"))
    if size is not None:
        width, height = size.get(w("w")), size.get(w("h"))
        if width is not None and height is not None:
            size.set(w("w"), height)
            size.set(w("h"), width)
        size.set(w("orient"), "landscape")
    margins = section.find(w("pgMar"))
    if margins is not None:
        top, right, bottom, left = (margins.get(w(side)) for side in
                                    ("top", "right", "bottom", "left"))
        for side, value in (("top", left), ("right", top), ("bottom", right), ("left", bottom)):
            if value is not None:
                margins.set(w(side), value.lstrip("-"))
    return section


def _new_page(section: etree._Element) -> etree._Element:
    for node in section.findall(w("type")):
        section.remove(node)
    kind = etree.Element(w("type"))
    kind.set(w("val"), "nextPage")
    position = sum(1 for child in section if child.tag in _BEFORE_TYPE)
    section.insert(position, kind)
    return section


def _twips(node: etree._Element | None, name: str) -> int:
    value = node.get(w(name)) if node is not None else None
    try:
        return abs(int(value)) if value is not None else 0
    except ValueError:
        return 0


def _paragraph(section: etree._Element) -> str:
    paragraph = etree.Element(w("p"), nsmap=NSMAP)
    etree.SubElement(paragraph, w("pPr")).append(section)
    return etree.tostring(paragraph, encoding="unicode")
