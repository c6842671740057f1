"""Word list numbering: the definitions in numbering.xml, and the labels Word counts from them.

numbering.xml holds list definitions (w:abstractNum: nine levels, each with a start,
a number format, a label pattern such as "第%1章" or "%1.%2") and list instances
(w:num: a definition, optionally with per-level overrides). A paragraph joins a list
through w:numPr (numId and ilvl), directly or through its style.

Word counts as follows (ECMA-376 Part 1 §17.9, and Microsoft's Open-XML-PowerTools
ListItemRetriever, which reproduces Word's labels):

- The counters belong to the definition, not to the instance: every w:num of one
  w:abstractNum continues the same count, in document order (§17.9.15 num, "all
  instances share the list's numbering"; ListItemRetriever counts per abstractNumId).
- A w:num with a w:startOverride for a level restarts that level at the override the
  first time a paragraph of that num is counted; later paragraphs of it continue
  (§17.9.26 startOverride; ListItemRetriever's startOverrideAlreadyUsed). When the
  level restarts later on its own, the override is again its start.
- A deeper level restarts (at its start) after any shallower level has been used;
  w:lvlRestart n restarts it only after level n or a shallower one, 0 never (§17.9.10).
- A level that was never used, shown in a deeper label ("%1.%2" before any level-1
  item), counts as its start, and the next item at that level counts on from there
  (ListItemRetriever).
- The label is the level's w:lvlText with %1..%9 replaced by the current numbers of
  levels 1..9, each in its own level's w:numFmt; w:isLgl writes them all in decimal
  (§17.9.4); numFmt "none" writes nothing; a bullet level shows its lvlText.
- A definition with w:numStyleLink takes its levels from the numbering style it names
  (the style's numId, whose definition has the matching w:styleLink; §17.9.21, §17.9.27).
- multiLevelType "singleLevel" uses level 0 whatever ilvl says (ListItemRetriever).

The writer (docgen.wordml.numbering) relies on these rules: each list it writes is a
new w:num with a startOverride, so it starts afresh while sharing its definition.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree

from docgen.wordml.number_formats import format_number
from docgen.wordml.xml import w

LEVELS = 9

__all__ = ["Level", "ListDefinition", "ListInstance", "NumberingDefinitions", "ListCounter",
           "read_definition", "label_text", "format_number"]


@dataclass(frozen=True)
class Level:
    """One level of a list definition (w:lvl)."""

    ilvl: int
    start: int = 1
    number_format: str = "decimal"
    text: str = ""
    restart_after: int | None = None  # w:lvlRestart: 0 never, n after level n (1-based)
    legal: bool = False  # w:isLgl: every number of the label in decimal
    suffix: str = "tab"  # w:suff: what follows the label: tab, space or nothing
    style: str | None = None  # w:pStyle: the paragraph style bound to this level

    @property
    def is_bullet(self) -> bool:
        return self.number_format == "bullet"


@dataclass
class ListDefinition:
    """A w:abstractNum: its levels, and the numbering style it defines or links to."""

    abstract_id: str
    levels: dict[int, Level] = field(default_factory=dict)
    multi_level_type: str = ""
    style_link: str | None = None  # w:styleLink: this definition is that numbering style's
    num_style_link: str | None = None  # w:numStyleLink: take the levels of that style


@dataclass
class ListInstance:
    """A w:num: the definition it uses, and its per-level overrides."""

    num_id: str
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


def read_level(node: etree._Element) -> Level:
    """Return the level described by a w:lvl element."""

    def value(tag: str) -> str | None:
        child = node.find(w(tag))
        return child.get(w("val")) if child is not None else None

    start = value("start")
    restart = value("lvlRestart")
    legal = node.find(w("isLgl"))
    return Level(
        ilvl=int(node.get(w("ilvl"), "0")),
        start=int(start) if start is not None else 0,  # §17.9.25: start defaults to 0
        number_format=value("numFmt") or "decimal",
        text=value("lvlText") or "",
        restart_after=int(restart) if restart is not None else None,
        legal=legal is not None and legal.get(w("val"), "true") not in ("0", "false", "off"),
        suffix=value("suff") or "tab",
        style=value("pStyle"))


def read_definition(node: etree._Element) -> ListDefinition:
    """Return the list definition described by a w:abstractNum element."""

    def value(tag: str) -> str | None:
        child = node.find(w(tag))
        return child.get(w("val")) if child is not None else None

    levels = {level.ilvl: level for level in map(read_level, node.findall(w("lvl")))}
    return ListDefinition(node.get(w("abstractNumId")), levels, value("multiLevelType") or "",
                          value("styleLink"), value("numStyleLink"))


def read_instance(node: etree._Element) -> ListInstance:
    """Return the list instance described by a w:num element."""
    abstract = node.find(w("abstractNumId"))
    instance = ListInstance(node.get(w("numId")),
                            abstract.get(w("val")) if abstract is not None else "")
    for override in node.findall(w("lvlOverride")):
        ilvl = int(override.get(w("ilvl"), "0"))
        start = override.find(w("startOverride"))
        if start is not None:
            instance.start_overrides[ilvl] = int(start.get(w("val"), "0"))
        level = override.find(w("lvl"))
        if level is not None:
            instance.level_overrides[ilvl] = read_level(level)
    return instance


class NumberingDefinitions:
    """The definitions and instances of one numbering.xml, with numStyleLink resolved.

    `style_num_ids` maps a style id to the numId its w:numPr names (needed only for
    definitions that link to a numbering style).
    """

    def __init__(self, root: etree._Element | None,
                 style_num_ids: Mapping[str, str | None] | None = None):
        self.definitions: dict[str, ListDefinition] = {}
        self.instances: dict[str, ListInstance] = {}
        if root is not None:
            for node in root.iter(w("abstractNum")):
                definition = read_definition(node)
                self.definitions[definition.abstract_id] = definition
            for node in root.iter(w("num")):
                instance = read_instance(node)
                self.instances[instance.num_id] = instance
        self._style_num_ids = dict(style_num_ids or {})

    def definition(self, num_id: str) -> ListDefinition | None:
        """Return the definition whose levels list `num_id` draws, following numStyleLink."""
        instance = self.instances.get(num_id)
        definition = self.definitions.get(instance.abstract_id) if instance else None
        seen = set()
        while definition is not None and definition.num_style_link \
                and definition.abstract_id not in seen:
            seen.add(definition.abstract_id)
            linked_num = self.instances.get(self._style_num_ids.get(definition.num_style_link)
                                            or "")
            linked = self.definitions.get(linked_num.abstract_id) if linked_num else None
            if linked is None:
                break
            definition = linked
        return definition

    def level(self, num_id: str, ilvl: int) -> Level | None:
        """Return level `ilvl` as list `num_id` draws it: its override, else its definition's
        level, else the nearest shallower level defined (as ListItemRetriever does)."""
        instance = self.instances.get(num_id)
        definition = self.definition(num_id)
        if instance is None or definition is None:
            return None
        for candidate in range(ilvl, -1, -1):
            if candidate in instance.level_overrides:
                return instance.level_overrides[candidate]
            if candidate in definition.levels:
                return definition.levels[candidate]
        return None

    def level_of_style(self, num_id: str, style_id: str) -> int | None:
        """Return the level of `num_id`'s definition bound to paragraph style `style_id`."""
        definition = self.definition(num_id)
        if definition is None:
            return None
        return next((level.ilvl for level in definition.levels.values()
                     if level.style == style_id), None)


class ListCounter:
    """Counts numbered paragraphs in document order and returns the label each shows."""

    def __init__(self, definitions: NumberingDefinitions):
        self.definitions = definitions
        self._counters: dict[str, list[int | None]] = {}
        self._overrides_used: set[str] = set()

    def label(self, num_id: str, ilvl: int) -> str:
        """Return the label of the next paragraph of list `num_id` at level `ilvl`, counting it.

        An unknown list, or numId 0 (numbering switched off), shows no label.
        """
        definition = self.definitions.definition(num_id)
        if definition is None or num_id == "0":
            return ""
        if definition.multi_level_type == "singleLevel":
            ilvl = 0
        ilvl = max(0, min(ilvl, LEVELS - 1))
        level = self.definitions.level(num_id, ilvl)
        if level is None:
            return ""
        numbers = self._count(num_id, definition.abstract_id, ilvl)
        if level.is_bullet:
            return level.text
        formats = [self._format_of(num_id, index) for index in range(ilvl + 1)]
        return label_text(level.text, numbers, formats, legal=level.legal)

    def _count(self, num_id: str, abstract_id: str, ilvl: int) -> list[int]:
        counters = self._counters.setdefault(abstract_id, [None] * LEVELS)
        instance = self.definitions.instances[num_id]
        for deeper in range(ilvl + 1, LEVELS):
            if self._restarts(num_id, deeper, ilvl):
                counters[deeper] = None
        override = instance.start_overrides.get(ilvl)
        if override is not None and num_id not in self._overrides_used:
            self._overrides_used.add(num_id)
            counters[ilvl] = override
        elif counters[ilvl] is None:
            counters[ilvl] = override if override is not None else self._start(num_id, ilvl)
        else:
            counters[ilvl] += 1
        for shallower in range(ilvl):
            if counters[shallower] is None:
                counters[shallower] = self._start(num_id, shallower)
        return [number for number in counters[:ilvl + 1] if number is not None]

    def _restarts(self, num_id: str, deeper: int, used: int) -> bool:
        level = self.definitions.level(num_id, deeper)
        restart_after = level.restart_after if level is not None else None
        if restart_after is None or restart_after > deeper:  # §17.9.10: ignored if deeper
            return True
        return restart_after != 0 and used < restart_after

    def _start(self, num_id: str, ilvl: int) -> int:
        level = self.definitions.level(num_id, ilvl)
        return level.start if level is not None else 1

    def _format_of(self, num_id: str, ilvl: int) -> str:
        level = self.definitions.level(num_id, ilvl)
        return level.number_format if level is not None else "decimal"


def label_text(pattern: str, numbers: list[int], formats: list[str], *,
               legal: bool = False) -> str:
    """Return a level's w:lvlText `pattern` with %1..%9 replaced by `numbers`, each written
    in its level's format from `formats` (all decimal when `legal`, as w:isLgl asks).

    A placeholder for a level deeper than the numbers given shows the last one, as
    ListItemRetriever does.
    """
    parts = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        following = pattern[index + 1] if index + 1 < len(pattern) else ""
        if char == "%" and following in "123456789" and following and numbers:
            level = min(int(following) - 1, len(numbers) - 1)
            number_format = formats[level]
            if legal and number_format not in ("none", "decimalZero"):
                number_format = "decimal"
            parts.append(format_number(numbers[level], number_format))
            index += 2
        else:
            parts.append(char)
            index += 1
    return "".join(parts)
