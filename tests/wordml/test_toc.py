"""The table of contents field is filled with entries that show without an update."""

from __future__ import annotations

from lxml import etree

from docgen.wordml.reader import read_docx
from docgen.wordml.toc import TocEntry, fill_toc, find_toc_paragraphs
from docgen.wordml.xml import W_NS, w

BEGIN = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
INSTRUCTION = '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>'
SEPARATE = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
STYLES = {1: "TOC1", 2: "TOC2"}


def body(*paragraphs: str) -> etree._Element:
    return etree.fromstring(f'<w:body xmlns:w="{W_NS}">{"".join(paragraphs)}</w:body>')


def texts(root: etree._Element) -> list[str]:
    return ["".join(t.text for t in p.iter(w("t"))) for p in root.iter(w("p"))]


def test_entries_replace_the_placeholder_and_the_field_still_closes():
    root = body(f"<w:p>{BEGIN}{INSTRUCTION}{SEPARATE}<w:r><w:t>placeholder</w:t></w:r>{END}</w:p>",
                "<w:p><w:r><w:t>after</w:t></w:r></w:p>")
    assert fill_toc(root, [TocEntry(1, "1. 目的", "_Toc1", 5), TocEntry(2, "1.1. 范围", "_Toc2")],
                    STYLES)
    assert texts(root) == ["1. 目的5", "1.1. 范围", "after"]
    kinds = [node.get(w("fldCharType")) for node in root.iter(w("fldChar"))]
    # the TOC field, with one PAGEREF field per entry nested inside it
    assert kinds == ["begin", "separate", "begin", "separate", "end", "begin", "separate", "end",
                     "end"]
    styles = [p.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) for p in root.iter(w("p"))
              if p.find(w("pPr")) is not None]
    assert styles == ["TOC1", "TOC2"]


def test_a_toc_made_by_word_over_several_paragraphs_is_replaced_whole():
    root = body(f"<w:p>{BEGIN}{INSTRUCTION}{SEPARATE}<w:r><w:t>old 1</w:t></w:r></w:p>",
                "<w:p><w:r><w:t>old 2</w:t></w:r></w:p>",
                f"<w:p><w:r><w:t>old 3</w:t></w:r>{END}</w:p>",
                "<w:p><w:r><w:t>body</w:t></w:r></w:p>")
    assert len(find_toc_paragraphs(root)) == 3
    fill_toc(root, [TocEntry(1, "1. 目的", "_Toc1", 3)], STYLES)
    assert texts(root) == ["1. 目的3", "body"]


def test_without_a_toc_field_nothing_changes():
    root = body("<w:p><w:r><w:t>text</w:t></w:r></w:p>")
    assert fill_toc(root, [TocEntry(1, "1. 目的", "_Toc1")], STYLES) is False
    assert texts(root) == ["text"]


def test_built_documents_link_each_entry_to_its_heading(yntd_built):
    read = read_docx(yntd_built["YNTD-ITSS-0600"])
    assert [p.text for p in read.paragraphs if p.style == "toc 1"][:2] == ["1. 目的\t", "2. 范围\t"]
