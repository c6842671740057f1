"""Read a .docx back as a person sees it: paragraphs with their numbers, tables with spans.

Used to prove what was produced: tests reopen generated documents and compare
headings, list numbers, table cells and merges with the content. Numbers shown by
Word's automatic numbering (4.1.1., 1., (1), 第十一章) are counted from numbering.xml by
docgen.wordml.list_numbering, the way Word counts them; merged cells are recovered
from gridSpan and vMerge.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import docx
from lxml import etree

from docgen.wordml.list_numbering import ListCounter, NumberingDefinitions
from docgen.wordml.xml import w


@dataclass
class ReadParagraph:
    """A paragraph: its style's name, its text, and the label its numbering shows."""

    style: str
    text: str
    label: str = ""
    heading_level: int = 0

    @property
    def display(self) -> str:
        """The paragraph as shown: label, space, text."""
        return f"{self.label} {self.text}" if self.label else self.text


@dataclass
class ReadCell:
    """A table cell at its grid position, with the rows and columns it spans."""

    row: int
    column: int
    rows: int
    cols: int
    paragraphs: list[ReadParagraph] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The cell's paragraphs (without list labels) joined by newlines."""
        return "\n".join(paragraph.text for paragraph in self.paragraphs)


@dataclass
class ReadTable:
    """A table: for each row, the cells that start in it; and its repeated header rows."""

    rows: list[list[ReadCell]]
    column_count: int
    header_rows: int
    column_widths: list[int]


@dataclass
class ReadDocument:
    """A document's body in order, its page headers and footers, and its properties."""

    blocks: list[ReadParagraph | ReadTable]
    headers: list[str]
    footers: list[str]
    properties: dict[str, object]

    @property
    def paragraphs(self) -> list[ReadParagraph]:
        return [block for block in self.blocks if isinstance(block, ReadParagraph)]

    @property
    def tables(self) -> list[ReadTable]:
        return [block for block in self.blocks if isinstance(block, ReadTable)]

    @property
    def headings(self) -> list[ReadParagraph]:
        return [block for block in self.paragraphs if block.heading_level]


def read_docx(source: Path | bytes) -> ReadDocument:
    """Return the content of the .docx at `source` (a path or the file's bytes)."""
    document = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    styles = _Styles(document.styles.element)
    definitions = NumberingDefinitions(_numbering_root(document), styles.num_ids())
    reader = _BodyReader(styles, definitions)
    blocks: list[ReadParagraph | ReadTable] = []
    for child in document.element.body:
        if child.tag == w("p"):
            blocks.append(reader.paragraph(child))
        elif child.tag == w("tbl"):
            blocks.append(reader.table(child))
    headers, footers = [], []
    for section in document.sections:
        for part, target in ((section.header, headers), (section.footer, footers)):
            if not part.is_linked_to_previous:
                target.append("\n".join(_text(p) for p in part._element.iter(w("p"))))
    core = document.core_properties
    properties = {name: getattr(core, name) for name in
                  ("title", "subject", "author", "version", "revision", "created", "modified")}
    return ReadDocument(blocks, headers, footers, properties)


def _numbering_root(document: docx.document.Document) -> etree._Element | None:
    for relationship in document.part.rels.values():
        if relationship.reltype.endswith("/numbering"):
            return relationship.target_part.element
    return None


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text(paragraph: etree._Element) -> str:
    parts = []
    # mc:AlternateContent holds one shape twice: its choice, and a fallback for older
    # readers; Word shows the choice only.
    has_fallback = next(paragraph.iter(_FALLBACK), None) is not None
    for node in paragraph.iter(w("t"), w("tab"), w("br"), w("cr")):
        if has_fallback and any(True for _ in node.iterancestors(_FALLBACK)):
            continue
        if node.tag == w("t"):
            parts.append(node.text or "")
        elif node.tag == w("tab"):
            parts.append("\t")
        elif node.get(w("type")) in (None, "textWrapping"):
            parts.append("\n")
    return "".join(parts)


class _Styles:
    def __init__(self, root: etree._Element):
        self.names: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.numbering: dict[str, tuple[str | None, int | None]] = {}
        self.outline: dict[str, int] = {}
        self.default = "Normal"
        for style in root.iter(w("style")):
            style_id = style.get(w("styleId"))
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
                self.default = style_id
            name = style.find(w("name"))
            self.names[style_id] = name.get(w("val")) if name is not None else style_id
            based = style.find(w("basedOn"))
            if based is not None:
                self.based_on[style_id] = based.get(w("val"))
            num_pr = style.find(f"{w('pPr')}/{w('numPr')}")
            if num_pr is not None:
                self.numbering[style_id] = _num_pr(num_pr)
            outline = style.find(f"{w('pPr')}/{w('outlineLvl')}")
            if outline is not None:
                self.outline[style_id] = int(outline.get(w("val")))

    def chain(self, style_id: str) -> list[str]:
        chain = []
        while style_id and style_id not in chain:
            chain.append(style_id)
            style_id = self.based_on.get(style_id, "")
        return chain

    def heading_level(self, style_id: str) -> int:
        name = self.names.get(style_id, "").lower()
        if name.startswith("heading ") and name[8:].isdigit():
            return int(name[8:])
        for link in self.chain(style_id):
            if link in self.outline and self.outline[link] < 9:
                return self.outline[link] + 1
        return 0

    def num_pr(self, style_id: str) -> tuple[str | None, int | None]:
        """Return the numId and ilvl `style_id` gives its paragraphs, each inherited on its
        own through basedOn (Word's heading 2 may name only its level)."""
        num_id = level = None
        for link in self.chain(style_id):
            link_id, link_level = self.numbering.get(link, (None, None))
            num_id = num_id if num_id is not None else link_id
            level = level if level is not None else link_level
        return num_id, level

    def num_ids(self) -> dict[str, str | None]:
        """Return the numId each style names itself (numbering styles are linked by it)."""
        return {style_id: num_id for style_id, (num_id, _level) in self.numbering.items()}


def _num_pr(num_pr: etree._Element) -> tuple[str | None, int | None]:
    num_id = num_pr.find(w("numId"))
    level = num_pr.find(w("ilvl"))
    return (num_id.get(w("val")) if num_id is not None else None,
            int(level.get(w("val"))) if level is not None else None)


class _BodyReader:
    def __init__(self, styles: _Styles, definitions: NumberingDefinitions):
        self.styles = styles
        self.definitions = definitions
        self.counter = ListCounter(definitions)

    def paragraph(self, node: etree._Element) -> ReadParagraph:
        style_node = node.find(f"{w('pPr')}/{w('pStyle')}")
        style_id = style_node.get(w("val")) if style_node is not None else self.styles.default
        num_id, level = self.styles.num_pr(style_id)
        direct_id = direct_level = None
        direct = node.find(f"{w('pPr')}/{w('numPr')}")
        if direct is not None:
            direct_id, direct_level = _num_pr(direct)
        if direct_id is None and num_id:
            # A style bound to a level by the definition's w:pStyle takes that level,
            # whatever ilvl the style says (ECMA-376 §17.9.23).
            bound = self.definitions.level_of_style(num_id, style_id)
            level = bound if bound is not None else level
        num_id = direct_id or num_id
        level = direct_level if direct_level is not None else level
        label = ""
        if num_id and num_id != "0":
            label = self.counter.label(num_id, level or 0)
        return ReadParagraph(self.styles.names.get(style_id, style_id), _text(node), label,
                             self.styles.heading_level(style_id))

    def table(self, node: etree._Element) -> ReadTable:
        rows: list[list[ReadCell]] = []
        open_cells: dict[int, ReadCell] = {}
        header_rows = 0
        column_count = 0
        for row_index, row in enumerate(node.findall(w("tr"))):
            if row.find(f"{w('trPr')}/{w('tblHeader')}") is not None and \
                    header_rows == row_index:
                header_rows += 1
            cells: list[ReadCell] = []
            column = 0
            for cell in row.findall(w("tc")):
                properties = cell.find(w("tcPr"))
                span_node = properties.find(w("gridSpan")) if properties is not None else None
                span = int(span_node.get(w("val"))) if span_node is not None else 1
                merge = properties.find(w("vMerge")) if properties is not None else None
                if merge is not None and merge.get(w("val"), "continue") == "continue" \
                        and column in open_cells:
                    open_cells[column].rows += 1
                else:
                    read = ReadCell(row_index, column, 1, span,
                                    [self.paragraph(p) for p in cell.findall(w("p"))])
                    cells.append(read)
                    if merge is not None:
                        open_cells[column] = read
                    else:
                        open_cells.pop(column, None)
                column += span
            column_count = max(column_count, column)
            rows.append(cells)
        widths = [int(col.get(w("w"), "0")) for col in node.iter(w("gridCol"))]
        return ReadTable(rows, column_count, header_rows, widths)
