"""Find the paragraph that holds {{ body }} in a rendered template, and what it asks of
the page.

The paragraph itself is replaced by the body, so whatever it means for the layout must
be carried over. Word, WPS and LibreOffice write "start on a new page" in different
ways: the paragraph property pageBreakBefore (Word's "page break before"), a page-break
run inside the paragraph (Ctrl+Enter typed before the tag; what LibreOffice makes of
pageBreakBefore when it saves a .docx), or pageBreakBefore in the paragraph's style.
A section break (sectPr) in the paragraph ends a section there and must stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from docgen.catalogue import templates as said
from docgen.errors import TemplateError
from docgen.wordml.xml import w

_OFF = {"0", "false", "off"}


@dataclass(frozen=True)
class BodyPlace:
    """The {{ body }} paragraph, and the page breaks it stands for."""

    paragraph: etree._Element
    break_before: bool
    break_after: bool
    section: etree._Element | None
    """The paragraph's sectPr: the section that ends with it, kept after the body."""


def paragraph_text(paragraph: etree._Element) -> str:
    """Return the text of a paragraph's runs."""
    return "".join(node.text or "" for node in paragraph.iter(w("t")))


def find_body_place(body: etree._Element, other_parts: dict[str, etree._Element],
                    marker: str, styles: etree._Element | None, template: Path) -> BodyPlace:
    """Return where the body goes: the one paragraph of `body` whose text is `marker`.

    Raise TemplateError when the tag is missing, repeated, shares its paragraph, or sits
    anywhere a body cannot go (a table cell, a text box, a header or a footer).
    """
    found = [node for node in body.iter(w("p")) if marker in paragraph_text(node)]
    elsewhere = [name for name, root in sorted(other_parts.items())
                 if any(marker in paragraph_text(node) for node in root.iter(w("p")))]
    total = len(found) + len(elsewhere)
    if not found:
        raise TemplateError(template, said.BODY_OUTSIDE())
    if total > 1:
        raise TemplateError(template, said.BODY_TWICE(count=total))
    [paragraph] = found
    if paragraph_text(paragraph).strip() != marker:
        raise TemplateError(template, said.BODY_SHARED())
    if paragraph.getparent() is not body:
        container = "cell" if any(ancestor.tag == w("tc")
                                  for ancestor in paragraph.iterancestors()) else "frame"
        raise TemplateError(template, said.BODY_CONTAINED(container=said.CONTAINERS[container]()))
    before, after = _page_break_runs(paragraph, marker)
    properties = paragraph.find(w("pPr"))
    section = properties.find(w("sectPr")) if properties is not None else None
    return BodyPlace(paragraph, before or _breaks_page(paragraph, styles), after, section)


def _page_break_runs(paragraph: etree._Element, marker: str) -> tuple[bool, bool]:
    """Return whether the paragraph has a page break before its text, and after it."""
    before = after = False
    seen_text = False
    for node in paragraph.iter(w("t"), w("br")):
        if node.tag == w("t") and marker in (node.text or ""):
            seen_text = True
        elif node.tag == w("br") and node.get(w("type")) == "page":
            after = after or seen_text
            before = before or not seen_text
    return before, after


def _breaks_page(paragraph: etree._Element, styles: etree._Element | None) -> bool:
    """Return whether the paragraph, or the style it is in, starts a new page."""
    direct = paragraph.find(f"{w('pPr')}/{w('pageBreakBefore')}")
    if direct is not None:
        return direct.get(w("val"), "1") not in _OFF
    style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
    by_id = {node.get(w("styleId")): node for node in styles.iter(w("style"))} \
        if styles is not None else {}
    seen: set[str] = set()
    style_id = style.get(w("val")) if style is not None else None
    while style_id in by_id and style_id not in seen:
        seen.add(style_id)
        node = by_id[style_id]
        setting = node.find(f"{w('pPr')}/{w('pageBreakBefore')}")
        if setting is not None:
            return setting.get(w("val"), "1") not in _OFF
        based = node.find(w("basedOn"))
        style_id = based.get(w("val")) if based is not None else None
    return False
