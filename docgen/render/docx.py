"""Render a resolved document into .docx bytes through its Word template.

The template draws the frame (cover, signoff, revision table, header and footer)
from the revision rows; the body writer draws the numbered body; the table of contents
is filled from the headings. Numbers and dates become text here, in the document's
house style (docgen.style); heading labels are the ones the template's heading list
shows. Nothing here touches XML: docgen.wordml does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import operator
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from docgen.catalogue.report import NONE
from docgen.catalogue.templates import NO_SUCH_TEMPLATE, NO_TEMPLATE_FOR, NO_TEMPLATES_FOLDER
from docgen.content.model import (
    Block,
    Heading,
    ListBlock,
    Paragraph,
    ResolvedDocument,
    TableBlock,
)
from docgen.content.tables import natural_widths
from docgen.errors import Problem, TemplateError, UsageError
from docgen.messages import Message
from docgen.style import HouseDate, HouseStyle, template_filters
from docgen.wordml.body import BodyWriter
from docgen.wordml.document import WordTemplate
from docgen.wordml.heading_labels import HeadingNumbering
from docgen.wordml.toc import TocEntry

NOT_DOCUMENT_TEMPLATES = {"register"}


class TemplateSet:
    """The Word templates of a project, each read and checked once."""

    def __init__(self, folder: Path):
        if not folder.is_dir():
            raise UsageError(NO_TEMPLATES_FOLDER(folder=str(folder)))
        self.folder = folder
        self._loaded: dict[str, WordTemplate] = {}

    def available(self) -> list[str]:
        """Return the names of the document templates in the folder."""
        return sorted(path.stem for path in self.folder.glob("*.docx")
                      if path.stem not in NOT_DOCUMENT_TEMPLATES)

    def _available(self) -> list[str] | Message:
        """Return the names of the document templates, as a message lists them."""
        return self.available() or NONE()

    def get(self, name: str) -> WordTemplate:
        """Return the template called `name` (templates/docx/<name>.docx)."""
        if name not in self._loaded:
            path = self.folder / f"{name}.docx"
            if not path.exists():  # a pipe or a folder is reported as what it is, when read
                raise TemplateError(path, NO_SUCH_TEMPLATE(available=self._available()))
            self._loaded[name] = WordTemplate(path)
        return self._loaded[name]

    def problems(self, documents: list[ResolvedDocument]) -> list[Problem]:
        """Return a problem for every document that asks for a template that is not there."""
        return [Problem(document.template_location,
                        NO_TEMPLATE_FOR(name=document.template, available=self._available()))
                for document in documents
                if not (self.folder / f"{document.template}.docx").exists()]


def frame_context(document: ResolvedDocument) -> dict[str, object]:
    """Return what the template's tags may show: org, doc, signoff, revisions.

    Dates are dates that print in the house style ({{ r.date }} gives 2025.01.07); the
    `date` filter writes them otherwise.
    """
    current = document.current

    def _date(value: dt.date | None) -> HouseDate | str:
        """Return `value` printed in the house style, or "" for a date left out."""
        return document.style.house_date(value) if value is not None else ""

    return {
        "org": {"name": document.organization.name, "prefix": document.organization.prefix},
        "doc": {
            "number": document.number,
            "title": document.title,
            "cover_title": document.cover_title,
            "version": str(document.version),
            "kind": document.model.kind,
            "department": document.department,
            "effective_date": _date(document.effective_date),
            "state": document.style.cover_state_word(document.state),
            "released_on": _date(document.release.released_on if document.release else None),
            "previous_version": (str(document.model.revisions[-2].version)
                                 if len(document.model.revisions) > 1 else ""),
            "change": current.change,
        },
        "signoff": {
            "author": current.author or "",
            "author_date": _date(current.date) if current.author is not None else "",
            "reviewer": current.reviewer or "", "review_date": _date(current.review_date),
            "approver": current.approver, "approve_date": _date(current.approve_date),
        },
        "revisions": [
            {"version": str(row.version), "author": row.author or "", "date": _date(row.date),
             "reviewer": row.reviewer or "", "review_date": _date(row.review_date),
             "approver": row.approver, "approve_date": _date(row.approve_date),
             "change": row.change}
            for row in document.model.revisions
        ],
    }


def render_key(document: ResolvedDocument, template: WordTemplate) -> str:
    """Return a digest of everything `render_docx` makes `document`'s .docx from.

    Equal keys give byte-identical files (page numbers aside, which the caller keeps
    apart), so a build may leave a file with the same key alone. The key covers the
    template's bytes, the frame's values and every rendered field of every block;
    docgen's own code is the cache's business (see docgen.cache).
    """
    digest = hashlib.sha256(template.digest.encode())
    digest.update(repr(document.style).encode())
    digest.update(repr(frame_context(document)).encode())
    digest.update(repr(_rendered_fields(document.blocks)).encode())
    return digest.hexdigest()


# Where a block came from is not printed; everything else about it may be.
_NOT_RENDERED = frozenset({"source", "origin", "location"})
_SCALARS = frozenset({str, int, float, bool, type(None), Decimal})


def toc_lines(document: ResolvedDocument, template: WordTemplate) -> list[str]:
    """Return each heading as the table of contents lists it: the label its heading list
    gives it (4.1.1.; the house style's scheme, else the template's own), what follows the
    label (a space, or nothing after 一、) and its title."""
    labels = heading_numbering(document, template).labels(
        [heading.level for heading in document.headings], separated=True)
    return [label + heading.title for label, heading in zip(labels, document.headings,
                                                            strict=True)]


_SCHEME_NUMBERINGS: dict[tuple[str, object], HeadingNumbering] = {}


def heading_numbering(document: ResolvedDocument, template: WordTemplate) -> HeadingNumbering:
    """Return the list that numbers `document`'s headings: its house style's heading
    scheme, written over the template's numbering, or the template's own heading list."""
    if document.style.heading_scheme is None:
        return template.heading_numbering
    lists = document.style.heading_lists()
    key = (template.digest, lists)
    if key not in _SCHEME_NUMBERINGS:
        _SCHEME_NUMBERINGS[key] = HeadingNumbering.of_package(template.data, lists)
    return _SCHEME_NUMBERINGS[key]


def caption_text(table: TableBlock, style: HouseStyle) -> str | None:
    """Return a table's caption with its number: 表4-1 2025年培训计划表; an imported
    caption as it was written; the title alone where the house style numbers no tables."""
    if table.caption is None or table.caption_number is None or table.written_number:
        return table.written_caption
    return f"{style.caption_number(table.caption_number)} {table.caption}"


def _rendered_fields(value: object) -> object:
    """Return `value` as nested tuples of what is printed: dataclasses by their fields."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list or kind is tuple:
        return tuple([item if type(item) in _SCALARS else _rendered_fields(item)
                      for item in value])  # type: ignore[attr-defined]
    fields = _fields_of(kind)
    if fields is not None:
        return (kind.__name__, *[item if type(item) in _SCALARS else _rendered_fields(item)
                                 for item in fields(value)])
    if isinstance(value, set | frozenset):
        return tuple(sorted(value))
    return value


@functools.cache
def _fields_of(kind: type) -> Callable[[object], tuple[object, ...]] | None:
    """Return a getter of the printed fields of dataclass `kind` (None for other types)."""
    if not dataclasses.is_dataclass(kind):
        return None
    names = [field.name for field in dataclasses.fields(kind) if field.name not in _NOT_RENDERED]
    getter = operator.attrgetter(*names)
    return getter if len(names) > 1 else (lambda value: (getter(value),))


def render_docx(document: ResolvedDocument, template: WordTemplate,
                page_numbers: dict[str, int] | None = None) -> bytes:
    """Return the .docx bytes of `document`; `page_numbers` maps heading bookmarks to pages."""
    word = template.render(frame_context(document), template_filters(document.style))
    if document.style.heading_scheme is not None:
        word.number_headings(document.style.heading_lists())
    writer = word.body_writer()
    writer.cell_bullet, writer.cell_numbering = document.style.bullet, document.style.list_format
    for block in document.blocks:
        writer.orient(block.landscape)
        write_block(writer, block, document.style)
    word.insert_body(writer)
    pages = page_numbers or {}
    word.fill_toc([TocEntry(heading.level, line, heading.bookmark, pages.get(heading.bookmark))
                   for heading, line in zip(document.headings, toc_lines(document, template),
                                            strict=True)])
    first = document.model.revisions[0]
    word.set_properties(title=f"{document.number} {document.title}", subject=document.title,
                        author=document.current.author or "", version=str(document.version),
                        created=first.date, modified=document.effective_date,
                        revision=len(document.model.revisions))
    return word.to_bytes()


def write_block(writer: BodyWriter, block: Block, style: HouseStyle) -> None:
    """Draw one resolved block with the body writer, its caption in `style`."""
    if isinstance(block, Heading):
        writer.heading(block.level, block.title, block.bookmark)
    elif isinstance(block, Paragraph):
        writer.paragraph(block.text)
    elif isinstance(block, ListBlock):
        if block.ordered:
            writer.numbered_list(block.format, [(item.text, item.restart_at)
                                                for item in block.items])
        else:
            writer.bullet_list([item.text for item in block.items], block.format)
    elif isinstance(block, TableBlock):
        caption = caption_text(block, style)
        if caption and not style.captions_below:
            writer.caption(caption)
        writer.table(block.rows, block.column_count, block.widths or natural_widths(block),
                     block.header_rows, fit_to_text=block.widths is None)
        if caption and style.captions_below:
            writer.caption(caption, below=True)

