"""The resolved document set: what renderers draw and what checks inspect.

Resolution turns validated content into these plain objects: headings carry their
numbers, prose carries its interpolated text, tables carry their cell grid and their
totals. Every object keeps the schema object it came from, so any finding or error
can name the file, line and column of its source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Literal

from docgen.content.fingerprint import content_fingerprint
from docgen.content.schema import (
    DEFAULT_TEMPLATE,
    ContentModel,
    Document,
    Organization,
    ReleaseRecord,
    Revision,
)
from docgen.content.values import Version
from docgen.errors import Location
from docgen.style import DEFAULT_STYLE, HouseStyle


@dataclass(frozen=True, slots=True)
class Within:
    """The value at `parts` inside a schema object, such as one id of a KPI table."""

    model: ContentModel
    parts: tuple[str | int, ...]

    def location(self) -> Location:
        return self.model.location(*self.parts)


# Where something was written: the schema object it came from, or a value inside one
# (their place is looked up only when a finding or an error needs it; finding every
# line of a file costs more than loading it), or a place already known.
Where = ContentModel | Within | Location


def place(where: Where) -> Location:
    """Return the file, line and column of `where`."""
    return where if isinstance(where, Location) else where.location()


@dataclass
class Heading:
    """A numbered section heading: `numbers` (4, 1, 1) is its place in the document."""

    numbers: tuple[int, ...]
    title: str
    bookmark: str
    source: ContentModel
    landscape: bool = False

    @property
    def level(self) -> int:
        return len(self.numbers)


@dataclass
class Paragraph:
    """A paragraph of interpolated prose."""

    text: str
    source: ContentModel
    landscape: bool = False

    @property
    def location(self) -> Location:
        return self.source.location()


@dataclass
class ListEntry:
    """One list item; `restart_at` is set where imported content prints its own number.

    `number` is the number the item shows in a numbered list (counting on from the item
    before, or from `restart_at`); 0 in a bulleted list.
    """

    text: str
    origin: Where
    restart_at: int | None = None
    number: int = 0

    @property
    def location(self) -> Location:
        return place(self.origin)


@dataclass
class ListBlock:
    """A bulleted or numbered list."""

    ordered: bool
    format: str
    items: list[ListEntry]
    source: ContentModel
    landscape: bool = False


@dataclass
class CellLine:
    """One paragraph inside a table cell: plain text, a bullet item or a numbered item."""

    kind: Literal["text", "bullet", "number"]
    text: str


@dataclass
class PlacedCell:
    """A cell at its grid position, with the rows and columns it spans."""

    row: int
    column: int
    rows: int
    cols: int
    lines: list[CellLine]
    origin: Where
    number: int | None = None
    """The row number docgen wrote into this cell (number_rows, activity rows), if any."""

    @property
    def location(self) -> Location:
        return place(self.origin)

    @property
    def text(self) -> str:
        """The cell's text, its paragraphs joined by newlines."""
        return "\n".join(line.text for line in self.lines)


@dataclass
class TotalFact:
    """A total or subtotal row's figure for one column, stated or computed."""

    label: str
    column: str
    scope: Literal["total", "subtotal"]
    stated: Decimal | None
    computed: Decimal
    origin: Where

    @property
    def location(self) -> Location:
        return place(self.origin)


@dataclass
class TableBlock:
    """A table ready to render: header and body rows of placed cells on one grid.

    `widths` are the relative column widths the content asks for, if any; otherwise
    the renderer fits the columns to the page from their longest lines.

    A captioned table has a `caption_number`, (chapter, place in chapter): the one the
    renderer gives it, or the one an imported caption was written with ("表3-1 …"). The
    latter is kept as written in `written_number` ("表3-1 "), and `caption` is the rest.
    """

    id: str | None
    caption: str | None
    caption_number: tuple[int, int] | None
    column_count: int
    widths: list[float] | None
    header_rows: int
    rows: list[list[PlacedCell]]
    total_rows: set[int]
    column_names: list[str]
    totals: list[TotalFact]
    source: ContentModel
    kind: Literal["table", "kpi", "activity"] = "table"
    written_number: str | None = None
    landscape: bool = False
    """Whether the block goes on landscape pages (its section's or its own setting)."""

    @property
    def written_caption(self) -> str | None:
        """The caption as the content wrote it, with its number if it wrote one."""
        if self.caption is None:
            return None
        return (self.written_number or "") + self.caption


Block = Heading | Paragraph | ListBlock | TableBlock


DocumentState = Literal["draft", "released", "withdrawn"]


@dataclass
class ResolvedDocument:
    """One controlled document, resolved: metadata from its revisions and its body blocks."""

    model: Document
    organization: Organization
    organization_key: str
    path: Path
    blocks: list[Block] = field(default_factory=list)
    releases: list[ReleaseRecord] = field(default_factory=list)
    style: HouseStyle = DEFAULT_STYLE
    """How the document prints numbers, dates and lists: its organization's house style,
    with the document's own settings over it."""
    template: str = DEFAULT_TEMPLATE
    """The Word template it is rendered with: its own, else its organization's."""

    @property
    def template_location(self) -> Location:
        """Where the template the document is rendered with was named."""
        if "template" not in self.model.model_fields_set and self.organization.template:
            return self.organization.location("template")
        return self.model.location("template")

    @cached_property
    def fingerprint(self) -> str:
        """The fingerprint of what the document says now (see content.fingerprint)."""
        return content_fingerprint(self.model)

    @property
    def withdrawn(self) -> bool:
        return self.model.status == "withdrawn"

    @property
    def release(self) -> ReleaseRecord | None:
        """The release record of the current version, if it was released."""
        return next((record for record in reversed(self.releases)
                     if record.version == self.version), None)

    @property
    def state(self) -> DocumentState:
        """withdrawn; released (the current version has a release record); or draft."""
        if self.withdrawn:
            return "withdrawn"
        return "released" if self.release is not None else "draft"

    @property
    def department(self) -> str:
        """The department that drafts it (编制部门): its own, else its author's, else ""."""
        if self.model.department:
            return self.model.department
        author = next((person for person in self.organization.people
                       if person.name == self.current.author), None)
        return (author.department if author else None) or ""

    @property
    def number(self) -> str:
        return self.model.number

    @property
    def title(self) -> str:
        return self.model.title

    @property
    def cover_title(self) -> str:
        return self.model.cover_title or self.model.title

    @property
    def current(self) -> Revision:
        """The revision row of the current version."""
        return self.model.current

    @property
    def version(self) -> Version:
        return self.model.current.version

    @property
    def effective_date(self) -> dt.date:
        """The date the current version took effect: its approval date."""
        return self.model.current.approve_date

    @property
    def headings(self) -> list[Heading]:
        return [block for block in self.blocks if isinstance(block, Heading)]

    @property
    def tables(self) -> list[TableBlock]:
        return [block for block in self.blocks if isinstance(block, TableBlock)]


@dataclass
class ResolvedOrganization:
    """An organization with its resolved documents, in number order."""

    key: str
    folder: Path
    organization: Organization
    documents: list[ResolvedDocument]
    style: HouseStyle = DEFAULT_STYLE


@dataclass
class DocumentSet:
    """Every organization of a content tree, resolved."""

    organizations: list[ResolvedOrganization]

    @property
    def documents(self) -> list[ResolvedDocument]:
        return [doc for org in self.organizations for doc in org.documents]

    @property
    def current_documents(self) -> list[ResolvedDocument]:
        """The documents in force: every document that has not been withdrawn."""
        return [doc for doc in self.documents if not doc.withdrawn]
