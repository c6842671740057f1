"""What a Word file's styles make of a paragraph: its heading level, numbering, alignment,
and how its text looks (bold, size, East Asian font) when no run says otherwise.

Word resolves formatting in layers (ECMA-376 Part 1 §17.7.2): the document defaults
(w:docDefaults), the paragraph style and the styles it is based on, the run's character
style and its bases, and last the run's own properties. Each layer is read once per
style and cached, so that reading a paragraph costs a few dictionary look-ups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from docgen.wordml.xml import w

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_OFF = ("0", "false", "off", "none")
# WPS and Chinese Word name the built-in heading styles 标题 1 … 标题 9; Word writes
# "heading 1" whatever the interface language.
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_ALIGNMENTS = {"left": "left", "start": "left", "right": "right", "end": "right",
               "center": "center", "both": "both", "distribute": "distribute",
               "lowKashida": "both", "mediumKashida": "both", "highKashida": "both",
               "thaiDistribute": "both", "justify": "both"}


@dataclass(frozen=True)
class Look:
    """How text looks; None where no layer has said so yet."""

    bold: bool | None = None
    size: float | None = None
    font: str | None = None
    hidden: bool | None = None

    def over(self, base: Look) -> Look:
        """Return this look with what it leaves unsaid taken from `base`."""
        return Look(base.bold if self.bold is None else self.bold,
                    base.size if self.size is None else self.size,
                    base.font if self.font is None else self.font,
                    base.hidden if self.hidden is None else self.hidden)


@dataclass(frozen=True)
class ParagraphStyle:
    """What a paragraph style (with its bases and the document defaults) gives."""

    name: str
    outline_level: int = 0
    num_id: str | None = None
    level: int | None = None
    alignment: str = ""
    page_break_before: bool = False
    look: Look = Look()


def is_on(node: etree._Element | None) -> bool | None:
    """Return the value of an on/off property element (<w:b/>, <w:b w:val="0"/>), or None."""
    if node is None:
        return None
    return node.get(w("val"), "true").lower() not in _OFF


def theme_fonts(theme: etree._Element | None) -> dict[str, str]:
    """Return the theme's East Asian fonts: {"minorEastAsia": "宋体", "majorEastAsia": …}."""
    fonts: dict[str, str] = {}
    if theme is None:
        return fonts
    for kind in ("minor", "major"):
        scheme = theme.find(f".//{_A}{kind}Font")
        if scheme is None:
            continue
        east_asian = scheme.find(f"{_A}ea")
        typeface = east_asian.get("typeface", "") if east_asian is not None else ""
        if not typeface:  # Word leaves ea empty and names the font per script
            hans = scheme.find(f"{_A}font[@script='Hans']")
            typeface = hans.get("typeface", "") if hans is not None else ""
        if typeface:
            fonts[f"{kind}EastAsia"] = typeface
    return fonts


class StyleSheet:
    """The styles of one document, resolved through basedOn and the document defaults."""

    def __init__(self, root: etree._Element | None, theme: dict[str, str]):
        self.theme = theme
        self._names: dict[str, str] = {}
        self._based_on: dict[str, str] = {}
        self._nodes: dict[str, etree._Element] = {}
        self._paragraph_cache: dict[str, ParagraphStyle] = {}
        self._character_cache: dict[str, Look] = {}
        self._look_cache: dict[bytes, Look] = {}
        self.default_paragraph = ""
        self.defaults = Look()
        self._default_alignment = ""
        if root is None:
            return
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            self.defaults = self.run_look(defaults.find(f"{w('rPrDefault')}/{w('rPr')}"))
            paragraph = defaults.find(f"{w('pPrDefault')}/{w('pPr')}")
            if paragraph is not None:
                self._default_alignment = _alignment(paragraph.find(w("jc")))
        for style in root.iter(w("style")):
            style_id = style.get(w("styleId"), "")
            self._nodes[style_id] = style
            name = style.find(w("name"))
            self._names[style_id] = name.get(w("val"), style_id) if name is not None \
                else style_id
            based = style.find(w("basedOn"))
            if based is not None:
                self._based_on[style_id] = based.get(w("val"), "")
            if style.get(w("type")) == "paragraph" and \
                    style.get(w("default"), "").lower() in ("1", "true", "on"):
                self.default_paragraph = style_id

    def own_num_ids(self) -> dict[str, str | None]:
        """Return the numId each style names itself (numbering styles are linked by it)."""
        found: dict[str, str | None] = {}
        for style_id, node in self._nodes.items():
            numbering = node.find(f"{w('pPr')}/{w('numPr')}")
            if numbering is not None:
                found[style_id] = numbering_properties(numbering)[0]
        return found

    def name(self, style_id: str) -> str:
        """Return the style's name as the file gives it ("heading 2", "标题 2", "Normal")."""
        return self._names.get(style_id, style_id)

    def chain(self, style_id: str) -> list[str]:
        """Return the style and the styles it is based on, nearest first."""
        chain: list[str] = []
        while style_id and style_id not in chain and style_id in self._nodes:
            chain.append(style_id)
            style_id = self._based_on.get(style_id, "")
        return chain

    def paragraph(self, style_id: str) -> ParagraphStyle:
        """Return what the paragraph style `style_id` gives its paragraphs."""
        cached = self._paragraph_cache.get(style_id)
        if cached is None:
            cached = self._paragraph_cache[style_id] = self._resolve_paragraph(style_id)
        return cached

    def character(self, style_id: str) -> Look:
        """Return the look the character style `style_id` gives (what it leaves unsaid None)."""
        cached = self._character_cache.get(style_id)
        if cached is None:
            look = Look()
            for link in self.chain(style_id):
                look = look.over(self.run_look(self._nodes[link].find(w("rPr"))))
            cached = self._character_cache[style_id] = look
        return cached

    def run_look(self, properties: etree._Element | None) -> Look:
        """Return the look a w:rPr element states (its character style not included)."""
        if properties is None or not len(properties):
            return Look()
        key = etree.tostring(properties)
        cached = self._look_cache.get(key)
        if cached is not None:
            return cached
        bold = size = font = hidden = None
        for child in properties:
            tag = child.tag
            if tag == _B:
                bold = is_on(child)
            elif tag == _SZ:
                value = child.get(w("val"), "")
                size = int(value) / 2 if value.isdigit() else None
            elif tag == _FONTS:
                font = child.get(w("eastAsia")) or \
                    self.theme.get(child.get(w("eastAsiaTheme"), ""), None)
            elif tag == _VANISH:
                hidden = is_on(child)
        look = self._look_cache[key] = Look(bold, size, font, hidden)
        return look

    def _resolve_paragraph(self, style_id: str) -> ParagraphStyle:
        chain = self.chain(style_id)
        look = self.defaults
        outline = 0
        num_id: str | None = None
        level: int | None = None
        alignment = self._default_alignment
        page_break = False
        for link in reversed(chain):  # the farthest base first, the style itself last
            node = self._nodes[link]
            look = self.run_look(node.find(w("rPr"))).over(look)
            named = _HEADING_NAME.match(self._names.get(link, ""))
            if named:
                outline = int(named.group(1))
            properties = node.find(w("pPr"))
            if properties is None:
                continue
            stated = properties.find(w("outlineLvl"))
            if stated is not None:
                outline = outline_level(stated)
            numbering = properties.find(w("numPr"))
            if numbering is not None:
                link_id, link_level = numbering_properties(numbering)
                num_id = link_id if link_id is not None else num_id
                level = link_level if link_level is not None else level
            alignment = _alignment(properties.find(w("jc"))) or alignment
            breaks = is_on(properties.find(w("pageBreakBefore")))
            page_break = breaks if breaks is not None else page_break
        return ParagraphStyle(self.name(style_id), outline, num_id, level, alignment,
                              page_break, look)


_B, _SZ, _FONTS, _VANISH = w("b"), w("sz"), w("rFonts"), w("vanish")


def outline_level(node: etree._Element) -> int:
    """Return a w:outlineLvl as a heading level 1-9, or 0 for body text (val 9)."""
    value = node.get(w("val"), "9")
    return int(value) + 1 if value.isdigit() and int(value) < 9 else 0


def numbering_properties(node: etree._Element) -> tuple[str | None, int | None]:
    """Return the numId and ilvl a w:numPr states (None for what it leaves out)."""
    num_id = node.find(w("numId"))
    level = node.find(w("ilvl"))
    level_value = level.get(w("val"), "") if level is not None else ""
    return (num_id.get(w("val")) if num_id is not None else None,
            int(level_value) if level_value.isdigit() else None)


def alignment_of(node: etree._Element | None) -> str:
    """Return a w:jc as left, center, right, both or distribute ("" if absent)."""
    return _alignment(node)


def _alignment(node: etree._Element | None) -> str:
    return _ALIGNMENTS.get(node.get(w("val"), ""), "") if node is not None else ""
