"""Render a resolved document into .docx bytes through its Word template.

The template draws the frame (cover, signoff, revision table, header and footer)
from the revision rows; the body writer draws the numbered body; the table of contents
is filled from the headings. Nothing here touches XML: docgen.wordml does.
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
from docgen.wordml.body import BodyWriter
from docgen.wordml.document import WordTemplate
from docgen.wordml.toc import TocEntry

DATE_FORMAT = "%Y.%m.%d"
NOT_DOCUMENT_TEMPLATES = {"register"}


class TemplateSet:
    """The Word templates of a project, each read and checked once."""

    def __init__(self, folder: Path):
        if not folder.is_dir():
            raise UsageError(f"there is no templates folder at {folder}",
                             "run docgen in your project folder, or pass --templates DIR")
        self.folder = folder
        self._loaded: dict[str, WordTemplate] = {}

    def available(self) -> list[str]:
        """Return the names of the document templates in the folder."""
        return sorted(path.stem for path in self.folder.glob("*.docx")
                      if path.stem not in NOT_DOCUMENT_TEMPLATES)

    def get(self, name: str) -> WordTemplate:
        """Return the template called `name` (templates/docx/<name>.docx)."""
        if name not in self._loaded:
            path = self.folder / f"{name}.docx"
            if not path.exists():  # a pipe or a folder is reported as what it is, when read
                raise TemplateError(path, "there is no such template",
                                    "available templates: "
                                    + (", ".join(self.available()) or "none"))
            self._loaded[name] = WordTemplate(path)
        return self._loaded[name]

    def problems(self, documents: list[ResolvedDocument]) -> list[Problem]:
        """Return a problem for every document that asks for a template that is not there."""
        return [Problem(document.model.location("template"),
                        f"there is no template '{document.model.template}' in the templates "
                        f"folder",
                        "available templates: " + (", ".join(self.available()) or "none"))
                for document in documents
                if not (self.folder / f"{document.model.template}.docx").exists()]


def frame_context(document: ResolvedDocument) -> dict[str, object]:
    """Return what the template's tags may show: org, doc, signoff, revisions."""
    current = document.current
    return {
        "org": {"name": document.organization.name, "prefix": document.organization.prefix},
        "doc": {
            "number": document.number,
            "title": document.title,
            "cover_title": document.cover_title,
            "version": str(document.version),
            "kind": document.model.kind,
            "department": document.model.department or "",
            "effective_date": _date(document.effective_date),
        },
        "signoff": {
            "author": current.author, "author_date": _date(current.date),
            "reviewer": current.reviewer, "review_date": _date(current.review_date),
            "approver": current.approver, "approve_date": _date(current.approve_date),
        },
        "revisions": [
            {"version": str(row.version), "author": row.author, "date": _date(row.date),
             "reviewer": row.reviewer, "review_date": _date(row.review_date),
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
    digest.update(repr(frame_context(document)).encode())
    digest.update(repr(_rendered_fields(document.blocks)).encode())
    return digest.hexdigest()


# Where a block came from is not printed; everything else about it may be.
_NOT_RENDERED = frozenset({"source", "origin", "location"})
_SCALARS = frozenset({str, int, float, bool, type(None), Decimal})


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
    word = template.render(frame_context(document))
    writer = word.body_writer()
    for block in document.blocks:
        write_block(writer, block)
    word.insert_body(writer)
    pages = page_numbers or {}
    word.fill_toc([TocEntry(heading.level, heading.text, heading.bookmark,
                            pages.get(heading.bookmark)) for heading in document.headings])
    first = document.model.revisions[0]
    word.set_properties(title=f"{document.number} {document.title}", subject=document.title,
                        author=document.current.author, version=str(document.version),
                        created=first.date, modified=document.effective_date,
                        revision=len(document.model.revisions))
    return word.to_bytes()


def write_block(writer: BodyWriter, block: Block) -> None:
    """Draw one resolved block with the body writer."""
    if isinstance(block, Heading):
        writer.heading(block.level, block.title, block.bookmark)
    elif isinstance(block, Paragraph):
        writer.paragraph(block.text)
    elif isinstance(block, ListBlock):
        if block.ordered:
            writer.numbered_list(block.format, [(item.text, item.restart_at)
                                                for item in block.items])
        else:
            writer.bullet_list([item.text for item in block.items])
    elif isinstance(block, TableBlock):
        if block.full_caption:
            writer.caption(block.full_caption)
        writer.table(block.rows, block.column_count, block.widths or natural_widths(block),
                     block.header_rows, fit_to_text=block.widths is None)


def _date(value: dt.date) -> str:
    return value.strftime(DATE_FORMAT)
