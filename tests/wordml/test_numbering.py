"""List instances: each numbered list starts afresh; definitions are found or added."""

from __future__ import annotations

from lxml import etree

from docgen.wordml.numbering import Numbering
from docgen.wordml.xml import W_NS, w

DECIMAL = (f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="7"><w:lvl w:ilvl="0">'
           '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
           "</w:abstractNum>")


def numbering(*children: str) -> Numbering:
    return Numbering(etree.fromstring(f'<w:numbering xmlns:w="{W_NS}">{"".join(children)}'
                                      "</w:numbering>"))


def test_a_definition_is_found_by_what_it_draws():
    assert numbering(DECIMAL).abstract_id("1.") == 7


def test_a_missing_definition_is_added_before_every_num():
    registry = numbering(DECIMAL, f'<w:num xmlns:w="{W_NS}" w:numId="1"><w:abstractNumId '
                                  'w:val="7"/></w:num>')
    assert registry.abstract_id("(1)") == 8
    tags = [etree.QName(child).localname for child in registry.root]
    assert tags == ["abstractNum", "abstractNum", "num"]
    added = registry.root[1].find(f"{w('lvl')}/{w('lvlText')}")
    assert added.get(w("val")) == "(%1)"


def test_every_list_gets_its_own_instance_counting_from_its_start():
    registry = numbering(DECIMAL)
    first, second = registry.start_list("1."), registry.start_list("1.", start=4)
    assert (first, second) == (1, 2)
    starts = [num.find(f"{w('lvlOverride')}/{w('startOverride')}").get(w("val"))
              for num in registry.root.iter(w("num"))]
    assert starts == ["1", "4"]
