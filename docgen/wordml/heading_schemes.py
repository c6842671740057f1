"""Number a document's heading styles with a heading scheme, as Word list numbering.

A house style that declares a heading scheme (1. / 1.1., 一、 / （一）, 第一章 / 第一条)
gets it written into the document itself: a multilevel list definition whose levels are
bound to Heading 1..4 (w:pStyle in the level, w:numPr in the style), so that Word, WPS
and LibreOffice show the labels, the table of contents carries them, and a quality
manager can still change them in Word. Articles that count on through the chapters are
a list of their own: LibreOffice ignores w:lvlRestart 0 on a level of the chapters' list
and would start again at 第一条 in every chapter.

The template's own heading list stays in numbering.xml, unbound from the heading styles;
body lists never use a level bound to a style, so they are not disturbed.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from lxml import etree

from docgen.wordml.numbering import Numbering
from docgen.wordml.xml import element, sub, w

HeadingLevel = tuple[str, str, str]
"""One heading level of a scheme: (w:numFmt, w:lvlText, w:suff)."""
LEVELS = 9
# The children of a style's w:pPr that the schema puts before w:numPr.
_BEFORE_NUMBERING = {w(tag) for tag in ("pStyle", "keepNext", "keepLines", "pageBreakBefore",
                                        "framePr", "widowControl")}
# The children of a w:style that the schema puts after w:pPr.
_AFTER_PARAGRAPH_PROPERTIES = {w(tag) for tag in ("rPr", "tblPr", "trPr", "tcPr",
                                                  "tblStylePr")}


def heading_style_ids(styles: etree._Element) -> dict[int, str]:
    """Return the style id of each heading level (1..9), found by the style's name."""
    by_name: dict[str, str] = {}
    for style in styles.iter(w("style")):
        name = style.find(w("name"))
        if name is not None:
            by_name.setdefault(name.get(w("val"), "").lower(), style.get(w("styleId")))
    return {level: by_name[f"heading {level}"] for level in range(1, LEVELS + 1)
            if f"heading {level}" in by_name}


def bind_heading_lists(styles: etree._Element, numbering_root: etree._Element,
                       lists: Sequence[Sequence[HeadingLevel]]) -> None:
    """Write each of `lists` as a list definition and instance of its own, its levels bound
    to the next heading styles in order (the first list from Heading 1), and unbind the
    heading styles from any definition the template bound them to."""
    ids = heading_style_ids(styles)
    bound = set(ids.values())
    for level in numbering_root.iter(w("lvl")):
        style = level.find(w("pStyle"))
        if style is not None and style.get(w("val")) in bound:
            level.remove(style)
    numbering = Numbering(numbering_root)
    heading = 1
    for levels in lists:
        styled = [(ids.get(heading + index), level) for index, level in enumerate(levels)]
        num_id = numbering.add_definition(_definition(styled, styles))
        for ilvl, (style_id, _level) in enumerate(styled):
            if style_id is not None:
                _number_style(_style(styles, style_id), num_id, ilvl)
        heading += len(levels)


def _definition(levels: Sequence[tuple[str | None, HeadingLevel]],
                styles: etree._Element) -> etree._Element:
    """Return a w:abstractNum (without its id) drawing `levels`, each bound to its style."""
    abstract = element("abstractNum", {}, element("multiLevelType", {"val": "multilevel"}))
    for ilvl in range(LEVELS):
        style_id, (number_format, text, suffix) = (levels[ilvl] if ilvl < len(levels)
                                                   else (None, ("decimal", "", "space")))
        node = sub(abstract, "lvl", {"ilvl": str(ilvl)})
        sub(node, "start", {"val": "1"})
        sub(node, "numFmt", {"val": number_format})
        if style_id is not None:
            sub(node, "pStyle", {"val": style_id})
        sub(node, "suff", {"val": suffix})
        sub(node, "lvlText", {"val": text})
        sub(node, "lvlJc", {"val": "left"})
        sub(sub(node, "pPr"), "ind", {"left": "0", "hanging": "0"})
        fonts = _style_fonts(styles, style_id) if style_id is not None else None
        if fonts is not None:
            # The label in the heading's fonts, East Asian included (黑体 for 第一章).
            sub(node, "rPr").append(copy.deepcopy(fonts))
    return abstract


def _style(styles: etree._Element, style_id: str) -> etree._Element:
    return next(style for style in styles.iter(w("style")) if style.get(w("styleId")) == style_id)


def _style_fonts(styles: etree._Element, style_id: str) -> etree._Element | None:
    fonts = _style(styles, style_id).find(f"{w('rPr')}/{w('rFonts')}")
    return fonts


def _number_style(style: etree._Element, num_id: int, ilvl: int) -> None:
    """Make paragraphs of `style` items of list `num_id` at level `ilvl`."""
    properties = style.find(w("pPr"))
    if properties is None:
        properties = element("pPr")
        later = next((child for child in style if child.tag in _AFTER_PARAGRAPH_PROPERTIES),
                     None)
        if later is not None:
            later.addprevious(properties)
        else:
            style.append(properties)
    numbering = properties.find(w("numPr"))
    if numbering is None:
        numbering = element("numPr")
        later = next((child for child in properties if child.tag not in _BEFORE_NUMBERING),
                     None)
        if later is not None:
            later.addprevious(numbering)
        else:
            properties.append(numbering)
    numbering[:] = [element("ilvl", {"val": str(ilvl)}), element("numId", {"val": str(num_id)})]
