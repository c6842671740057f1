"""List numbering, writing side: find the template's list definitions, start list instances.

Word counts per definition (w:abstractNum): every list instance (w:num) of one
definition continues the same count, and an instance with a w:startOverride restarts
it the first time one of its paragraphs is counted (docgen.wordml.list_numbering,
which the reader counts with, describes the rules and their sources). So a numbered
list that must start at 1 (or at the number an imported document printed) gets its
own w:num with a startOverride, sharing the definition. Definitions are found by
what they look like (decimal with "%1.", "(%1)", a bullet, ...), read through the
same module as the reader uses, so a template edited in Word or WPS, which may
renumber them, keeps working; a missing one is added.
"""

from __future__ import annotations

from lxml import etree

from docgen.wordml.list_numbering import read_definition
from docgen.wordml.xml import element, sub, w

# format name -> (numFmt, lvlText of the first level)
LIST_FORMATS: dict[str, tuple[str, str]] = {
    "•": ("bullet", "•"),
    "➤": ("bullet", "➤"),
    "■": ("bullet", "■"),
    "-": ("bullet", "-"),
    "1.": ("decimal", "%1."),
    "1、": ("decimal", "%1、"),
    "(1)": ("decimal", "(%1)"),
    "（1）": ("decimal", "（%1）"),
    "1)": ("decimal", "%1)"),
    "①": ("decimalEnclosedCircle", "%1"),
    "a.": ("lowerLetter", "%1."),
}
# The bullet that stands for the template's own, whichever glyph it draws.
TEMPLATE_BULLET = "•"


# The order the schema gives the children of a list level (CT_Lvl).
_LEVEL_ORDER = {name: rank for rank, name in enumerate(
    ["start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText", "lvlPicBulletId",
     "legacy", "lvlJc", "pPr", "rPr"])}


def put_levels_in_schema_order(root: etree._Element) -> None:
    """Reorder the children of every w:lvl as the schema wants them.

    LibreOffice writes a heading level's pStyle before its numFmt; Word reads that,
    but the file is not valid, and neither would be any document made from it.
    """
    for level in root.iter(w("lvl")):
        children = list(level)
        ranked = sorted(children, key=lambda child: _LEVEL_ORDER.get(
            etree.QName(child).localname if isinstance(child.tag, str) else "",
            len(_LEVEL_ORDER)))
        if ranked != children:
            level[:] = ranked


class Numbering:
    """The numbering part of one document, with the list instances added to it."""

    def __init__(self, root: etree._Element):
        self.root = root
        put_levels_in_schema_order(root)
        self._abstract_ids: dict[str, int] = {}
        self._next_num_id = 1 + max((int(num.get(w("numId"))) for num in root.iter(w("num"))),
                                    default=0)

    def abstract_id(self, list_format: str) -> int:
        """Return the id of the definition drawing `list_format`, adding one if missing."""
        if list_format not in self._abstract_ids:
            found = self._find(list_format)
            self._abstract_ids[list_format] = found if found is not None else self._add(list_format)
        return self._abstract_ids[list_format]

    def start_list(self, list_format: str, start: int = 1) -> int:
        """Return the numId of a new list instance of `list_format` counting from `start`."""
        num_id = self._next_num_id
        self._next_num_id += 1
        abstract_id = self.abstract_id(list_format)
        num = element("num", {"numId": str(num_id)})
        sub(num, "abstractNumId", {"val": str(abstract_id)})
        override = sub(num, "lvlOverride", {"ilvl": "0"})
        sub(override, "startOverride", {"val": str(start)})
        self._insert_in_order(num)
        return num_id

    def add_definition(self, abstract: etree._Element) -> int:
        """Return the numId of a new list instance of `abstract`, a w:abstractNum added
        under the next free id."""
        abstract_id = 1 + max((int(node.get(w("abstractNumId")))
                               for node in self.root.iter(w("abstractNum"))), default=-1)
        abstract.set(w("abstractNumId"), str(abstract_id))
        self._insert_in_order(abstract)
        num_id = self._next_num_id
        self._next_num_id += 1
        num = element("num", {"numId": str(num_id)})
        sub(num, "abstractNumId", {"val": str(abstract_id)})
        self._insert_in_order(num)
        return num_id

    def _insert_in_order(self, node: etree._Element) -> None:
        """Insert a w:num or w:abstractNum where the schema wants it: numPicBullet*,
        abstractNum*, num*, numIdMacAtCleanup? (Word writes the last one; a w:num after
        it makes the file invalid, and Word may refuse it)."""
        order = ["numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"]
        rank = order.index(etree.QName(node).localname)
        later = next((child for child in self.root
                      if isinstance(child.tag, str)
                      and etree.QName(child).localname in order[rank + 1:]), None)
        if later is not None:
            later.addprevious(node)
        else:
            self.root.append(node)

    def _find(self, list_format: str) -> int | None:
        number_format, text = LIST_FORMATS[list_format]
        any_bullet = None
        for node in self.root.iter(w("abstractNum")):
            first = read_definition(node).levels.get(0)
            # A level bound to a paragraph style numbers headings, not lists.
            if first is None or first.style is not None or first.number_format != number_format:
                continue
            if first.text == text:
                return int(node.get(w("abstractNumId")))
            if first.is_bullet and any_bullet is None:
                any_bullet = int(node.get(w("abstractNumId")))
        # • is the template's bullet, even one drawn in Symbol or Wingdings.
        return any_bullet if list_format == TEMPLATE_BULLET else None

    def _add(self, list_format: str) -> int:
        number_format, text = LIST_FORMATS[list_format]
        abstract_id = 1 + max((int(node.get(w("abstractNumId")))
                               for node in self.root.iter(w("abstractNum"))), default=-1)
        abstract = element("abstractNum", {"abstractNumId": str(abstract_id)},
                           element("multiLevelType", {"val": "hybridMultilevel"}))
        level = sub(abstract, "lvl", {"ilvl": "0"})
        sub(level, "start", {"val": "1"})
        sub(level, "numFmt", {"val": number_format})
        sub(level, "lvlText", {"val": text})
        sub(level, "lvlJc", {"val": "left"})
        sub(sub(level, "pPr"), "ind", {"left": "840", "hanging": "420"})
        # Every abstractNum must come before every num, or Word refuses the file.
        self._insert_in_order(abstract)
        return abstract_id
