"""The bundled documents as plain blocks: what every producer of the corpus writes out.

The body is taken from the documents as docgen builds them (read back with
docgen.wordml.reader), so that every producer prints the same rendered text: KPI
targets filled in, table totals summed, list and heading numbers as docgen shows them.
The cover facts (company, number, version, signers, revision rows) come from the
content's YAML, because each producer lays the cover out its own way.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from docgen.wordml.reader import ReadParagraph, ReadTable, read_docx

# The bundled documents the corpus is made of: (content folder, number).
DOCUMENTS = [
    ("yntd", "YNTD-ITSS-0303"),
    ("yntd", "YNTD-ITSS-0417"),
    ("yntd", "YNTD-ITSS-0600"),
    ("xlsk", "XLSJ-ZD-001"),
]

# The merged cells of YNTD's two-row 文件编制和变更履历 header: (text, rows, cols).
REVISION_HEADER_SPANS = [("版本", 2, 1), ("编制/更改", 1, 2), ("发布", 1, 2), ("实施", 1, 2),
                         ("更改记录", 2, 1)]

REVISION_KEYS = ("version", "author", "date", "reviewer", "review_date", "approver",
                 "approve_date", "change")


@dataclass
class Heading:
    """A heading: its level (1 for 4., 2 for 4.1.), number as shown and title."""

    level: int
    number: str
    title: str

    @property
    def line(self) -> str:
        """The heading as printed: number, space, title."""
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass
class Paragraph:
    """A paragraph of body text."""

    text: str


@dataclass
class ListItem:
    """An item of a numbered or bulleted list."""

    kind: str
    """numbered or bullet."""
    label: str
    """The label docgen shows: 1., (1), （1）, •, ■."""
    text: str


@dataclass
class Caption:
    """A table's caption."""

    text: str
    """As printed, with its number if it has one: 表4-1 2025年培训计划表."""


@dataclass
class Cell:
    """A table cell at its grid position, with the rows and columns it spans."""

    row: int
    column: int
    rows: int
    cols: int
    blocks: list[Paragraph | ListItem]

    @property
    def lines(self) -> list[str]:
        """Return the text of each of its paragraphs."""
        return [block.text for block in self.blocks]


@dataclass
class Table:
    """A table: for each row, the cells that start in it."""

    rows: list[list[Cell]]
    column_count: int
    header_rows: int

    def grid(self) -> list[list[Cell | None]]:
        """Return each grid position's cell where the cell starts, None where it is
        covered by a cell spanning into it."""
        grid: list[list[Cell | None]] = [[None] * self.column_count for _ in self.rows]
        for row in self.rows:
            for cell in row:
                grid[cell.row][cell.column] = cell
        return grid


Block = Heading | Paragraph | ListItem | Caption | Table


@dataclass
class SourceDocument:
    """One bundled document: its cover facts and its body."""

    org: str
    number: str
    title: str
    cover_title: str
    kind: str
    company: str
    department: str
    revisions: list[dict[str, object]]
    blocks: list[Block]
    built: Path
    """The .docx docgen built of it."""
    header: str = ""
    people: dict[str, str] = field(default_factory=dict)

    @property
    def version(self) -> str:
        """Return the version of its latest revision."""
        return str(self.revisions[-1]["version"])

    @property
    def latest(self) -> dict[str, object]:
        """Return its latest revision."""
        return self.revisions[-1]

    @property
    def headings(self) -> list[Heading]:
        """Return its headings in order."""
        return [block for block in self.blocks if isinstance(block, Heading)]

    @property
    def spans(self) -> list[tuple[str, int, int]]:
        """Return the merged cells the document has (its revision table's and its body
        tables'): each one's first line of text, rows and columns."""
        spans = list(REVISION_HEADER_SPANS) if self.org != "xlsk" else []
        for block in self.blocks:
            if isinstance(block, Table):
                spans += [(cell.lines[0] if cell.lines else "", cell.rows, cell.cols)
                          for row in block.rows for cell in row if cell.rows > 1 or cell.cols > 1]
        return spans

    @property
    def is_policy(self) -> bool:
        """Whether it is written as 管理制度 are: 第一章 / 第一条."""
        return self.headings[0].number.startswith("第")


def build_documents(repo: Path, output: Path) -> None:
    """Build the bundled documents with docgen into `output`."""
    subprocess.run([sys.executable, "-m", "docgen", "build", "--quiet", "--output", str(output),
                    "--content", str(repo / "content"),
                    "--templates", str(repo / "templates" / "docx")],
                   cwd=repo, check=True)


def load_documents(repo: Path, output: Path) -> list[SourceDocument]:
    """Return the corpus's documents, their bodies read from docgen's build in `output`."""
    documents = []
    for org, number in DOCUMENTS:
        org_data = yaml.safe_load((repo / "content" / org / "org.yaml").read_text("utf-8"))
        data = yaml.safe_load((repo / "content" / org / f"{number}.yaml").read_text("utf-8"))
        built = next((output / org).glob(f"{number} *.docx"))
        read = read_docx(built)
        documents.append(SourceDocument(
            org=org, number=number, title=data["title"],
            cover_title=data.get("cover_title", data["title"]), kind=data["kind"],
            company=org_data["name"], department=data["department"],
            revisions=[{key: revision.get(key, "") for key in REVISION_KEYS}
                       for revision in data["revisions"]],
            blocks=_body_blocks(read.blocks), built=built,
            header=read.headers[0] if read.headers else ""))
    return documents


def _body_blocks(read_blocks: list[ReadParagraph | ReadTable]) -> list[Block]:
    """Return the blocks from the first heading on, as plain blocks."""
    start = next(index for index, block in enumerate(read_blocks)
                 if isinstance(block, ReadParagraph) and block.heading_level)
    blocks: list[Block] = []
    for block in read_blocks[start:]:
        if isinstance(block, ReadTable):
            blocks.append(Table(
                [[Cell(cell.row, cell.column, cell.rows, cell.cols,
                       [_paragraph(paragraph) for paragraph in cell.paragraphs])
                  for cell in row] for row in block.rows],
                block.column_count, block.header_rows))
        elif block.heading_level:
            blocks.append(Heading(block.heading_level, block.label, block.text))
        elif block.style.lower() == "caption":
            blocks.append(Caption(block.display))
        elif block.text.strip():
            blocks.append(_paragraph(block))
    return blocks


def _paragraph(paragraph: ReadParagraph) -> Paragraph | ListItem:
    """Return a read paragraph as body text, or as a list item when it shows a label."""
    if not paragraph.label:
        return Paragraph(paragraph.text)
    kind = "bullet" if "Bullet" in paragraph.style or not any(
        character.isdigit() for character in paragraph.label) else "numbered"
    return ListItem(kind, paragraph.label, paragraph.text)


def house_date(value: object, org: str) -> str:
    """Return a date the way the organization's own documents print it."""
    if not isinstance(value, datetime.date):
        return str(value)
    if org == "xlsk":
        return f"{value.year}年{value.month}月{value.day}日"
    return value.strftime("%Y.%m.%d")


@dataclass
class Printed:
    """What a producer printed of a document, as a reader of the file sees it: the facts
    expected.json records beside what is read back from the file."""

    producer: str
    title: str
    """The title as the cover prints it."""
    headings: list[str]
    """The heading lines in order, number and title as printed."""
    revisions: list[dict[str, str]]
    """The revision rows as the revision table prints them ("" for what it leaves out)."""
    dates: list[str]
    """The dates the cover and the revision table print, as printed, in order."""
    toc_differences: list[dict[str, str]] = field(default_factory=list)
    """TOC entries whose text differs from the heading they point at."""
    notes: list[str] = field(default_factory=list)
    """What is deliberately untidy or special in the file."""


def printed_revisions(document: SourceDocument, date=None) -> list[dict[str, str]]:
    """Return the revision rows as the house's own revision table prints them: YNTD's
    8-column 文件编制和变更履历 shows every field, XLSK's 4-column 修订记录 the date of
    approval, version, change and approver."""
    date = date or (lambda value: house_date(value, document.org))
    rows = []
    for revision in document.revisions:
        row = {key: (date(value) if key.endswith("date") else str(value))
               for key, value in revision.items()}
        if document.org == "xlsk":
            row.update(author="", date="", reviewer="", review_date="")
        rows.append(row)
    return rows
