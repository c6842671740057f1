"""What `docgen import` reads out of a Word file, and what it makes of it.

A Word file is read once into a WordFile: its body in order, paragraphs with the facts a
person sees (the text, the number Word shows before it, whether it looks like a heading:
bold, larger, 黑体, centred) and tables with their merged cells. Each stage of the import
takes the WordFile (or the part of it the stage before left) and returns plain data in
docgen's content format (the dicts and lists a document's YAML holds), together with
what it only guessed and where in the Word file each piece came from:

    sources    a file on disk          -> the .docx bytes (.doc/.wps through LibreOffice)
    wordfile   the .docx bytes         -> WordFile
    front      WordFile                -> FrontMatter (cover, revision table, TOC) and
                                          where the body starts
    body       the body's blocks       -> sections, the house style it is written in
    facts      sections                -> KPIs and activities as facts
    yaml_text  the document's data     -> YAML text with `# import: guessed …` comments

A `Path` below is a key path into the document's data, as docgen.content.yaml_source
locates values: ("sections", 3, "body", 0) is the first block of the fourth section.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.messages import Message

DataPath = tuple[str | int, ...]


@dataclass
class WordParagraph:
    """A paragraph as a person sees it in Word."""

    index: int
    """Its place among the body's paragraphs, from 0 (tables' cells not counted)."""
    text: str
    """Its text without the automatic number; tabs as \\t, manual line breaks as \\n."""
    style: str = ""
    """Its paragraph style's name: "heading 2", "Normal", "toc 1", "List Number", …"""
    label: str = ""
    """The number or bullet Word's automatic numbering shows before it (4.1.1., （1）, •)."""
    numbering_format: str = ""
    """That numbering's w:numFmt at the paragraph's level: decimal, bullet, chineseCounting…"""
    numbering_level: int = 0
    """The list level (ilvl) of an automatically numbered paragraph, from 0."""
    numbering_list: str = ""
    """Which list it belongs to (the numId), so that restarted lists can be told apart."""
    outline_level: int = 0
    """1-9 when its style (or the paragraph) makes it a heading for the TOC; 0 otherwise."""
    bold: bool = False
    """Whether all its visible text is bold."""
    size: float | None = None
    """Its text's font size in points (the largest run's), where the file says it."""
    east_asian_font: str = ""
    """The font of its Chinese text (黑体, 宋体, …), where the file says it."""
    alignment: str = ""
    """left, center, right, both (justified), or "" for the style's."""
    page_break_before: bool = False
    """Whether it starts a new page (a page break before it or in it, or the property)."""
    toc_entry: bool = False
    """Whether it is an entry of a table of contents (a toc style or inside a TOC field)."""
    images: int = 0
    """How many pictures it holds."""
    bold_ranges: list[tuple[int, int]] = field(default_factory=list)
    """The [start, end) ranges of `text` that print bold, so that bold words inside a
    paragraph can be kept (added for the body stage; empty when nothing is bold)."""


@dataclass
class WordCell:
    """A table cell at its grid position, with the rows and columns it spans."""

    row: int
    column: int
    rows: int = 1
    cols: int = 1
    paragraphs: list[WordParagraph] = field(default_factory=list)
    shaded: bool = False
    """Whether the cell has a background fill, as header cells often do (added for the
    body stage)."""

    @property
    def text(self) -> str:
        """The cell's paragraphs joined by newlines, automatic numbers left out."""
        return "\n".join(paragraph.text for paragraph in self.paragraphs)


@dataclass
class WordTable:
    """A table: for each row, the cells that start in it."""

    index: int
    """Its place among the body's tables, from 0."""
    rows: list[list[WordCell]]
    column_count: int
    header_rows: int = 0
    """How many leading rows are marked to repeat as a header on each page."""
    column_widths: list[int] = field(default_factory=list)
    """The grid's column widths in twips, where the file gives them."""


WordBlock = WordParagraph | WordTable


@dataclass
class WordFile:
    """A Word file's body in order, its page headers and footers, and what makes it
    unfit for import as it is."""

    path: Path
    blocks: list[WordBlock]
    headers: list[str] = field(default_factory=list)
    footers: list[str] = field(default_factory=list)
    tracked_changes: int = 0
    """How many insertions, deletions and moves are still tracked (not accepted)."""
    comments: int = 0
    """How many comments it holds."""
    images: int = 0
    """How many pictures its body holds."""

    @property
    def paragraphs(self) -> list[WordParagraph]:
        return [block for block in self.blocks if isinstance(block, WordParagraph)]

    @property
    def tables(self) -> list[WordTable]:
        return [block for block in self.blocks if isinstance(block, WordTable)]


@dataclass(frozen=True)
class Origin:
    """Where in the Word file a piece of content came from, for messages that point a
    quality manager at it: a paragraph (by its first words), or a table's row."""

    paragraph: int | None = None
    """The index of the paragraph (WordParagraph.index)."""
    table: int | None = None
    """The index of the table (WordTable.index), from 0."""
    row: int | None = None
    """The row of that table, from 0."""
    section: str = ""
    """The number and title of the section it is in, as the original shows it: 4.1 招聘计划."""
    words: str = ""
    """The first words of the paragraph or row, as a person would search for them."""


@dataclass(frozen=True)
class Guess:
    """Something the import was unsure of: what it did, at which value of the data."""

    path: DataPath
    what: Message


@dataclass
class FrontMatter:
    """What the pages before the body say: the cover, the revision table, the TOC."""

    company: str = ""
    title: str = ""
    number: str = ""
    version: str = ""
    kind: str = ""
    department: str = ""
    revisions: list[dict[str, object]] = field(default_factory=list)
    """The revision rows in content format (version, author, date, …, change), oldest
    first; dates as date objects."""
    signers: dict[str, str] = field(default_factory=dict)
    """Who signed the cover in which role: {"author": 吴杰, "reviewer": …, "approver": …}."""
    toc: list[tuple[int, str]] = field(default_factory=list)
    """The table of contents as it stands in the file: (level, the entry's text without
    its page number), e.g. (2, "4.1 人才招聘计划")."""
    body_start: int = 0
    """The index in WordFile.blocks where the numbered body starts."""
    template: str = ""
    """The bundled template whose cover and revision table fit best ("" for the default)."""
    guesses: list[Guess] = field(default_factory=list)
    origins: dict[DataPath, Origin] = field(default_factory=dict)


@dataclass
class ImportedBody:
    """The numbered body in content format, and the house style it was written in."""

    sections: list[dict[str, object]]
    style: dict[str, object] = field(default_factory=dict)
    """House-style settings in org.yaml's `style:` format: headings, numbered_lists,
    bullets, captions, dates."""
    guesses: list[Guess] = field(default_factory=list)
    origins: dict[DataPath, Origin] = field(default_factory=dict)


@dataclass
class ImportedFacts:
    """KPIs and activities found in the body, and the body with its KPI and activity
    tables turned into kpi_table and activity_table blocks."""

    sections: list[dict[str, object]]
    kpis: dict[str, dict[str, object]] = field(default_factory=dict)
    activities: dict[str, dict[str, object]] = field(default_factory=dict)
    guesses: list[Guess] = field(default_factory=list)
    origins: dict[DataPath, Origin] = field(default_factory=dict)
    departments: set[str] = field(default_factory=set)
    """The departments the activities name (责任部门, 配合部门), collective words such as
    各有关部门 left out: org.yaml must list them."""
    owners: set[str] = field(default_factory=set)
    """Whom the KPIs and activities name as owner (负责人): roles, people or departments,
    which org.yaml must know."""
