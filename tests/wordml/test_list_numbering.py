"""Counting rules that the producer fixtures do not reach: list styles, level overrides,
numbering switched off, single-level definitions, and lists the writer starts."""

from __future__ import annotations

from lxml import etree

from docgen.wordml.list_numbering import ListCounter, NumberingDefinitions
from docgen.wordml.numbering import Numbering
from docgen.wordml.reader import read_docx
from tests.support.wordml_files import W_NS, docx_bytes, paragraph


def lvl(ilvl: int, number_format: str, text: str, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>'
            f'{extra}<w:lvlText w:val="{text}"/></w:lvl>')


def numbering_root(*children: str) -> etree._Element:
    return etree.fromstring(f'<w:numbering xmlns:w="{W_NS}">{"".join(children)}</w:numbering>')


def labels(data: bytes) -> list[str]:
    return [p.label for p in read_docx(data).paragraphs]


def test_lists_linked_to_one_list_style_count_together():
    """Word's "list style" idiom: a w:numbering style names num 1, whose definition has
    w:styleLink; other definitions only say w:numStyleLink and take its levels."""
    numbering = (
        f'<w:numbering xmlns:w="{W_NS}">'
        '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
        '<w:styleLink w:val="ArticleList"/>'
        + lvl(0, "chineseCounting", "第%1条") + "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>'
        '<w:numStyleLink w:val="ArticleList"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    styles = (f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:default="1" '
              'w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="numbering" w:styleId="ArticleList"><w:name w:val="Article List"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')
    body = paragraph("a", "", "2", 0) + paragraph("b", "", "2", 0) + paragraph("c", "", "1", 0)
    assert labels(docx_bytes(body=body, styles=styles, numbering=numbering)) == [
        "第一条", "第二条", "第三条"]


def test_a_level_override_changes_format_and_start_for_its_list_only():
    # The instances still share one count (ListItemRetriever groups by abstractNumId).
    definitions = NumberingDefinitions(numbering_root(
        '<w:abstractNum w:abstractNumId="0">' + lvl(0, "decimal", "%1.") + "</w:abstractNum>",
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="5"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="upperLetter"/>'
        '<w:lvlText w:val="(%1)"/></w:lvl></w:lvlOverride></w:num>'))
    counter = ListCounter(definitions)
    shown = [counter.label(num_id, 0) for num_id in ("1", "1", "2", "2", "1")]
    assert shown == ["1.", "2.", "(E)", "(F)", "7."]


def test_numbering_none_shows_no_number_and_numid_zero_switches_numbering_off():
    definitions = NumberingDefinitions(numbering_root(
        '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
        + lvl(0, "none", "") + lvl(1, "decimal", "%1%2)") + "</w:abstractNum>",
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'))
    counter = ListCounter(definitions)
    assert [counter.label("1", 0), counter.label("1", 1), counter.label("0", 0),
            counter.label("1", 1)] == ["", "1)", "", "2)"]


def test_a_single_level_definition_ignores_the_paragraph_level():
    definitions = NumberingDefinitions(numbering_root(
        '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
        + lvl(0, "lowerRoman", "%1.") + "</w:abstractNum>",
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'))
    counter = ListCounter(definitions)
    assert [counter.label("1", 0), counter.label("1", 3)] == ["i.", "ii."]


def test_each_list_the_writer_starts_counts_from_its_own_start():
    registry = Numbering(numbering_root(
        '<w:abstractNum w:abstractNumId="7">' + lvl(0, "decimal", "%1.") + "</w:abstractNum>"))
    first = registry.start_list("1.")
    second = registry.start_list("1.")
    resumed = registry.start_list("1.", start=4)
    counter = ListCounter(NumberingDefinitions(registry.root))
    shown = [counter.label(str(num_id), 0) for num_id in (first, first, second, resumed)]
    assert shown == ["1.", "2.", "1.", "4."]
