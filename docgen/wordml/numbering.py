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

# format name -> (numFmt, lvlText of the first level, lvlText pattern for deeper levels)
LIST_FORMATS: dict[str, tuple[str, str]] = {
    "bullet": ("bullet", "•"),
    "1.": ("decimal", "%1."),
    "(1)": ("decimal", "(%1)"),
    "1)": ("decimal", "%1)"),
    "①": ("decimalEnclosedCircle", "%1"),
}


class Numbering:
    """The numbering part of one document, with the list instances added to it."""

    def __init__(self, root: etree._Element):
        self.root = root
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
        num = sub(self.root, "num", {"numId": str(num_id)})
        sub(num, "abstractNumId", {"val": str(self.abstract_id(list_format))})
        override = sub(num, "lvlOverride", {"ilvl": "0"})
        sub(override, "startOverride", {"val": str(start)})
        return num_id

    def _find(self, list_format: str) -> int | None:
        number_format, text = LIST_FORMATS[list_format]
        for node in self.root.iter(w("abstractNum")):
            first = read_definition(node).levels.get(0)
            # A level bound to a paragraph style numbers headings, not lists.
            if first is None or first.style is not None or first.number_format != number_format:
                continue
            if first.is_bullet or first.text == text:
                return int(node.get(w("abstractNumId")))
        return None

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
        existing = list(self.root.iter(w("abstractNum")))
        if existing:
            existing[-1].addnext(abstract)
        else:
            self.root.insert(0, abstract)
        return abstract_id
