"""What rules look at: one organization's resolved documents, and all their text.

Rules run over the resolved document set, never over rendered Word files. The text
index lists every heading, paragraph, list item, caption and table cell with its
location and the section it stands in, so prose rules need not walk blocks themselves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from docgen.content.model import (
    Block,
    Heading,
    ListBlock,
    Paragraph,
    ResolvedDocument,
    ResolvedOrganization,
    TableBlock,
    Where,
    Within,
    place,
)
from docgen.content.schema import ContentModel
from docgen.errors import Location

_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Return `text` for comparison: width variants folded, whitespace removed."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


@dataclass(slots=True)
class Fragment:
    """One piece of a document's text, where it is, and under which heading."""

    document: ResolvedDocument
    text: str
    origin: Where
    kind: Literal["heading", "paragraph", "item", "caption", "cell"]
    section: Heading | None
    key: str | None = None
    """The field of `origin` that holds the text, where `origin` holds more than text."""

    @property
    def where(self) -> Where:
        """Where the text was written, to be looked up when a finding needs it."""
        if self.key is not None and isinstance(self.origin, ContentModel):
            return Within(self.origin, (self.key,))
        return self.origin

    @property
    def location(self) -> Location:
        """Where the text was written: file, line and column."""
        return place(self.where)


def blocks_with_sections(document: ResolvedDocument) -> Iterator[tuple[Heading | None, Block]]:
    """Yield every block of `document` with the heading it stands under."""
    heading: Heading | None = None
    for block in document.blocks:
        if isinstance(block, Heading):
            heading = block
        yield heading, block


def fragments(document: ResolvedDocument) -> list[Fragment]:
    """Return all text of `document` in order, each piece with its location."""
    result = []
    for section, block in blocks_with_sections(document):
        if isinstance(block, Heading):
            result.append(Fragment(document, block.title, block.source, "heading", block,
                                   "title"))
        elif isinstance(block, Paragraph):
            result.append(Fragment(document, block.text, block.source, "paragraph", section))
        elif isinstance(block, ListBlock):
            result.extend(Fragment(document, item.text, item.origin, "item", section)
                          for item in block.items)
        elif isinstance(block, TableBlock):
            if block.written_caption:
                result.append(Fragment(document, block.written_caption, block.source,
                                       "caption", section, "caption"))
            result.extend(Fragment(document, cell.text, cell.origin, "cell", section)
                          for row in block.rows for cell in row)
    return result


class CheckContext:
    """One organization's documents, as the rules see them."""

    def __init__(self, organization: ResolvedOrganization,
                 all_documents: list[ResolvedDocument]):
        self.organization = organization
        # Withdrawn documents are out of force: the rules compare the documents in force.
        self.documents = [d for d in organization.documents if not d.withdrawn]
        self.withdrawn = [d for d in organization.documents if d.withdrawn]
        self.all_documents = all_documents

    @cached_property
    def texts(self) -> dict[str, list[Fragment]]:
        """Every document's text fragments, by document number."""
        return {document.number: fragments(document) for document in self.documents}

    def all_texts(self) -> Iterator[Fragment]:
        """Yield the text fragments of every document."""
        for document in self.documents:
            yield from self.texts[document.number]

    @cached_property
    def department_names(self) -> set[str]:
        """The organization's departments and the units inside them."""
        departments = self.organization.organization.departments
        return {department.name for department in departments} | {
            unit for department in departments for unit in department.units}

    @cached_property
    def people(self) -> dict[str, object]:
        """The organization's people by name."""
        return {person.name: person for person in self.organization.organization.people}

    @property
    def org_file(self) -> Location:
        """The location of the organization's org.yaml."""
        return Location(self.organization.folder / "org.yaml")
