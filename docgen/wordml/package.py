"""Open a .docx package for reading: its body and the parts a reader needs, as lxml
elements.

The one place the importer meets python-docx: it opens the package and follows its
relationships (styles, numbering, theme, comments, and the headers and footers the
sections name, in order); everything after that is lxml.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from docgen.wordml.xml import w

_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class NotAWordPackage(Exception):
    """The bytes are not a Word document's package; the reason is python-docx's or zip's."""


@dataclass
class WordPackage:
    """A Word document's body, its parts by relationship type, and its page headers and
    footers in the order the sections name them."""

    body: etree._Element
    parts: dict[str, etree._Element] = field(default_factory=dict)
    """The XML parts (styles, numbering, theme, comments, …) by the last word of their
    relationship type."""
    headers: list[etree._Element] = field(default_factory=list)
    footers: list[etree._Element] = field(default_factory=list)


def open_package(data: bytes) -> WordPackage:
    """Return the package whose bytes are `data`; raise NotAWordPackage if it is none."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError,
            etree.XMLSyntaxError) as error:
        raise NotAWordPackage(str(error)) from error
    parts = {relationship.reltype.rsplit("/", 1)[-1]: _element(relationship.target_part)
             for relationship in document.part.rels.values()
             if not relationship.is_external
             and relationship.target_part.content_type.endswith("xml")}  # not pictures
    return WordPackage(document.element.body, parts,
                       [_element(part) for part in _parts_in_order(document, "header")],
                       [_element(part) for part in _parts_in_order(document, "footer")])


def _element(part) -> etree._Element:
    element = getattr(part, "element", None)
    return element if element is not None else etree.fromstring(part.blob)


def _parts_in_order(document, kind: str) -> list:
    """Return the header (or footer) parts the sections name, each once, in order."""
    seen: list = []
    for section in document.sections:
        for reference in section._sectPr.findall(w(f"{kind}Reference")):
            part = document.part.related_parts.get(reference.get(_RELATIONSHIP_ID))
            if part is not None and part not in seen:
                seen.append(part)
    return seen
