"""Render a Word template into a document: the one place docxtpl and python-docx meet.

docxtpl renders the template's frame (cover, signoff, revision rows, header, footer)
in the sandboxed, autoescaping Jinja environment; then the body is written in place of
the paragraph holding {{ body }}, the table of contents is filled, and the package is
saved reproducibly. Template problems become TemplateError naming the template and tag.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import XmlPart
from docx.opc.pkgwriter import PackageWriter
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, Template, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateError as JinjaTemplateError
from jinja2.utils import missing
from lxml import etree

from docgen.catalogue import templates as said
from docgen.errors import TemplateError
from docgen.files import (
    MAX_ENTRIES,
    MAX_UNPACKED_BYTES,
    NotARegularFile,
    ZipTooLarge,
    check_unpacked_size,
    read_regular_file,
)
from docgen.output import zip_entries
from docgen.sandbox import Refused, SafeEnvironment, check_template, make_environment
from docgen.style import DEFAULT_STYLE, template_filters
from docgen.wordml.body import BodyWriter, StyleIds
from docgen.wordml.body_marker import BodyPlace, find_body_place
from docgen.wordml.heading_labels import HeadingNumbering
from docgen.wordml.heading_schemes import HeadingLevel, bind_heading_lists
from docgen.wordml.numbering import Numbering
from docgen.wordml.orientation import continued, page_sections, turn
from docgen.wordml.toc import TocEntry, fill_toc, toc_levels
from docgen.wordml.xml import w

BODY_TAG = "body"
# What a controlled document cannot do without: its body, its number, its history.
DOCUMENT_TAGS = (BODY_TAG, "doc", "revisions")
BODY_MARKER = "\u2063docgen-body\u2063"
_BODY_PLACE = "docgen-body"  # a comment standing where the body goes, until it is saved
REQUIRED_STYLES = {
    "normal": "Normal", "heading 1": "Heading 1", "heading 2": "Heading 2",
    "heading 3": "Heading 3", "heading 4": "Heading 4", "list bullet": "List Bullet",
    "list number": "List Number", "table text": "Table Text", "table heading": "Table Heading",
    "caption": "Caption", "table grid": "Table Grid", "toc 1": "TOC 1",
}


class MissingValue(UndefinedError):
    """A tag asked for a value the frame does not hold; `name` is the name it looked up
    (a top-level name, an attribute or a key)."""

    def __init__(self, message: str, *, name: Any):
        super().__init__(message)
        self.name = name


class _Undefined(StrictUndefined):
    """StrictUndefined whose error carries the name it stands for (MissingValue), as
    prose's does: what is missing is known without reading Jinja's sentence."""

    __slots__ = ()

    def __init__(self, hint: str | None = None, obj: Any = missing, name: str | None = None,
                 exc: Any = UndefinedError):
        # Another exception (the sandbox's SecurityError for an unsafe attribute) is
        # raised as asked.
        if exc is UndefinedError:
            exc = functools.partial(MissingValue, name=name)
        super().__init__(hint, obj, name, exc)


class CachingEnvironment(SafeEnvironment):
    """The sandboxed, autoescaping environment, compiling each template source once.

    docxtpl hands it the same preprocessed XML for every document rendered from a
    template; compiling it once per template saves most of docxtpl's time.
    """

    def __init__(self) -> None:
        super().__init__(undefined=_Undefined, autoescape=True,
                         keep_trailing_newline=False)
        self.filters.update(template_filters(DEFAULT_STYLE))
        self.globals.clear()  # no range(), lipsum(), ...: tags show values
        self._compiled: dict[str, Template] = {}

    def from_string(self, source: Any, globals: Any = None,  # noqa: A002 - Jinja's name
                    template_class: Any = None) -> Template:
        if not isinstance(source, str):
            raise TypeError("a template is compiled from its source")
        if source not in self._compiled:
            check_template(source, self)  # before anything is evaluated
            if globals or template_class:
                return super().from_string(source, globals, template_class)
            self._compiled[source] = super().from_string(source)
        return self._compiled[source]


class WordTemplate:
    """A .docx template read and checked once, ready to render any number of documents."""

    def __init__(self, path: Path, *, required: tuple[str, ...] = DOCUMENT_TAGS):
        self.path = path
        try:
            self.data = read_regular_file(path)
        except NotARegularFile as error:
            raise TemplateError(path, said.CANNOT_READ_NOT_A_FILE(reason=error.what)) from None
        except OSError as error:
            # The system's words for what is wrong: no such file, permission denied.
            raise TemplateError(path, said.CANNOT_READ(reason=error.strerror)) from None
        if not zipfile.is_zipfile(io.BytesIO(self.data)):
            raise TemplateError(path, said.NOT_A_ZIP())
        try:
            with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
                check_unpacked_size(archive)
                archive.getinfo("word/document.xml")
        except ZipTooLarge as error:
            found = (said.PARTS(count=error.entries) if error.entries > MAX_ENTRIES
                     else said.AT_LEAST_MEGABYTES(megabytes=error.size // (1024 * 1024)))
            raise TemplateError(path, said.TOO_LARGE(
                found=found, megabytes=MAX_UNPACKED_BYTES // (1024 * 1024),
                parts=MAX_ENTRIES)) from None
        except KeyError:
            raise TemplateError(path, said.NOT_WORD()) from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as error:
            # zipfile's or zlib's words for the damage.
            raise TemplateError(path, said.DAMAGED(detail=str(error))) from None
        self.digest = hashlib.sha256(self.data).hexdigest()
        self._environment = CachingEnvironment()
        self._patched: dict[str, str] = {}
        self.tags = self._declared_tags()
        if BODY_TAG in required and BODY_TAG not in self.tags:
            raise TemplateError(path, said.NO_BODY_TAG())
        missing = [tag for tag in required if tag not in self.tags and tag != BODY_TAG]
        if missing:
            raise TemplateError(path, said.MISSING_TAGS(tags=missing))

    def _declared_tags(self) -> set[str]:
        template = DocxTemplate(io.BytesIO(self.data))
        try:
            environment = make_environment(autoescape=True)
            environment.filters.update(template_filters(DEFAULT_STYLE))
            return set(template.get_undeclared_template_variables(environment))
        except TemplateSyntaxError as error:
            raise self._syntax_error(error) from None
        except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as error:
            raise TemplateError(self.path, said.CANNOT_OPEN(detail=str(error))) from None

    @cached_property
    def heading_numbering(self) -> HeadingNumbering:
        """The list that numbers the template's heading styles, as Word shows it."""
        return HeadingNumbering.of_package(self.data)

    def render(self, frame: dict[str, object],
               filters: dict[str, Callable[..., object]] | None = None) -> WordDocument:
        """Return a new document with the template's frame rendered from `frame`; its tags
        may use `filters` ({{ r.date | date }})."""
        # Filters are looked up when a template renders, not when it is compiled.
        self._environment.filters.update(filters or {})
        template = _PatchCachingTemplate(self.data, self._patched)
        context = dict(frame, **({BODY_TAG: BODY_MARKER} if BODY_TAG in self.tags else {}))
        try:
            template.render(context, self._environment)
        except UndefinedError as error:
            name = error.name if isinstance(error, MissingValue) else None
            absent = name if isinstance(name, str) else ""
            tag = next((tag for tag in template_tags(self.data) if absent and absent in tag),
                       None)
            path = re.search(rf"[\w.]*\b{re.escape(absent)}\b", tag or "") if absent else None
            asks = path.group(0) if path else absent
            # Offer the values beside the one asked for (doc.* for doc.owner), else all.
            namespace = asks.split(".")[0] + "." if "." in asks else ""
            offered = [p for p in _value_paths(frame) if p.startswith(namespace)] \
                or _value_paths(frame)
            raise TemplateError(self.path, said.ASKS_FOR(
                tag=tag or said.SOME_TAG(), asks=asks or said.A_VALUE(),
                offered=offered)) from None
        except TemplateSyntaxError as error:
            raise self._syntax_error(error) from None
        except Refused as refused:
            raise TemplateError(self.path, refused.reason) from None
        except (SecurityError, JinjaTemplateError, TypeError) as error:
            raise TemplateError(self.path, said.NOT_RENDERED(detail=str(error))) from None
        return WordDocument(template.docx, self.path)

    def _syntax_error(self, error: TemplateSyntaxError) -> TemplateError:
        tag = broken_tag(self.data)
        # Jinja's words for the error: docgen adds the tag they are about.
        detail = str(error.message)
        return TemplateError(self.path, said.SYNTAX_ERROR_IN_TAG(tag=tag, detail=detail) if tag
                             else said.SYNTAX_ERROR(detail=detail))


# A tag runs from {{ to the first }} (or to a lone } or the end of the paragraph, when
# it is broken), never across the next {{.
_TAG = re.compile(r"\{\{(?:(?!\{\{)[^}])*(?:\}\}|\}|$)|\{%(?:(?!\{%|%\}).)*(?:%\}|$)")
_TAG_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")


def template_tags(data: bytes) -> list[str]:
    """Return the Jinja tags written in a template's body, headers and footers, as text.

    Word may split a tag over several runs; reading a paragraph's text whole finds it.
    """
    tags = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(archive.namelist()):
            if not _TAG_PARTS.match(name):
                continue
            root = etree.fromstring(archive.read(name))
            for paragraph in root.iter(w("p")):
                text = "".join(node.text or "" for node in paragraph.iter(w("t")))
                tags.extend(_TAG.findall(text))
    return tags


def broken_tag(data: bytes) -> str | None:
    """Return the first tag of a template that is not valid Jinja on its own, if any."""
    environment = make_environment(autoescape=True)
    for tag in template_tags(data):
        if tag.startswith("{%"):
            if not tag.endswith("%}"):
                return tag
            continue  # a statement may need its partner ({% endfor %}) to compile
        try:
            environment.parse(tag)
        except TemplateSyntaxError:
            return tag
    return None


def _value_paths(frame: dict[str, object]) -> list[str]:
    """Return the values a template may show: doc.number, doc.title, org.name, ..."""
    paths = []
    for key, value in sorted(frame.items()):
        if isinstance(value, dict):
            paths.extend(f"{key}.{name}" for name in sorted(value))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            paths.append(f"{key} (rows: " + ", ".join(sorted(value[0])) + ")")
        else:
            paths.append(key)
    return paths


class _EntryCollector:
    """Stands in for python-docx's zip writer, keeping each package entry's bytes."""

    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.entries[pack_uri.membername] = blob


class _PatchCachingTemplate(DocxTemplate):
    """docxtpl's template, remembering how it cleaned up each part's XML for Jinja.

    docxtpl rewrites the same template XML with dozens of regular expressions before
    every render; the result depends on the XML alone.
    """

    def __init__(self, data: bytes, patched: dict[str, str]):
        super().__init__(io.BytesIO(data))
        self._patched = patched

    def patch_xml(self, src_xml: str) -> str:
        if src_xml not in self._patched:
            self._patched[src_xml] = super().patch_xml(src_xml)
        return self._patched[src_xml]


class WordDocument:
    """A rendered document being completed: body, table of contents, properties."""

    def __init__(self, document: DocxDocument, template_path: Path):
        self.document = document
        self.template_path = template_path
        self.body = document.element.body
        self.styles = self._style_ids()
        self._body_xml: str | None = None
        self._place: BodyPlace | None = None

    def body_writer(self) -> BodyWriter:
        """Return a writer for the body, in this document's styles and numbering."""
        section = self.document.sections[-1]
        text_width = int(section.page_width.twips - section.left_margin.twips
                         - section.right_margin.twips)
        numbering = Numbering(self.document.part.numbering_part.element)
        used = [int(node.get(w("id"))) for node in self.body.iter(w("bookmarkStart"))]
        writer = BodyWriter(self.styles, numbering, text_width, max(used, default=0) + 1)
        section = self._body_section()
        if section is not None:
            writer.pages = page_sections(section)
        return writer

    def number_headings(self, lists: Sequence[Sequence[HeadingLevel]]) -> None:
        """Number the heading styles with `lists` (docgen.wordml.heading_schemes), in place
        of the template's heading list."""
        bind_heading_lists(self.document.styles.element,
                           self.document.part.numbering_part.element, lists)

    def insert_body(self, writer: BodyWriter) -> None:
        """Put the writer's body where the template says {{ body }} (as it is saved),
        starting a new page where the template's paragraph did."""
        place = self._body_place()
        self._body_xml = writer.xml(break_page_first=place.break_before,
                                    break_page_after=place.break_after)
        section = self._body_section()
        if writer.breaks and section is not None:  # the body's section now ends a later part
            continued(section)
            if writer.landscape:
                turn(section)
        marker = place.paragraph
        marker.addprevious(etree.Comment(_BODY_PLACE))
        if place.section is None:
            marker.getparent().remove(marker)
        else:
            # The section that ends with this paragraph (its page setup, headers and the
            # break to the next section) ends after the body: keep the paragraph, empty.
            for child in list(marker):
                if child.tag != w("pPr"):
                    marker.remove(child)

    def fill_toc(self, entries: Sequence[TocEntry]) -> None:
        """Write the table of contents' entries (only levels its field asks for)."""
        deepest = toc_levels(self.body)
        toc_styles = {level: style_id for level in range(1, 10)
                      if (style_id := self._style_id(f"toc {level}"))}
        fill_toc(self.body, [entry for entry in entries if entry.level <= deepest], toc_styles)

    def set_properties(self, *, title: str, subject: str, author: str, version: str,
                       created: dt.date, modified: dt.date, revision: int) -> None:
        """Set the core properties from the content, never from the clock."""
        properties = self.document.core_properties
        properties.title = title
        properties.subject = subject
        properties.author = author
        properties.last_modified_by = author
        properties.version = version
        properties.revision = revision
        properties.created = dt.datetime.combine(created, dt.time(), dt.UTC)
        properties.modified = dt.datetime.combine(modified, dt.time(), dt.UTC)

    def to_bytes(self) -> bytes:
        """Return the finished .docx, the same bytes for the same content."""
        # python-docx's own save zips the package with the clock's timestamps; its part
        # writer, handed a collector, gives the entries to zip reproducibly in one pass.
        package = self.document.part.package
        for part in package.parts:
            part.before_marshal()
        collector = _EntryCollector()
        PackageWriter._write_content_types_stream(collector, package.parts)
        PackageWriter._write_pkg_rels(collector, package.rels)
        PackageWriter._write_parts(collector, package.parts)
        main = self.document.part.partname.membername
        place = f"<!--{_BODY_PLACE}-->".encode()
        if self._body_xml is not None:
            collector.entries[main] = collector.entries[main].replace(
                place, self._body_xml.encode(), 1)
        return zip_entries(collector.entries)

    def _body_section(self) -> etree._Element | None:
        """Return the sectPr of the section the body is in: the one its paragraph ends,
        else the body's last."""
        section = self._body_place().section
        return section if section is not None else self.body.find(w("sectPr"))

    def _body_place(self) -> BodyPlace:
        """Return the {{ body }} paragraph; refuse a tag that is repeated or misplaced."""
        if self._place is None:
            self._place = self._find_body_place()
        return self._place

    def _find_body_place(self) -> BodyPlace:
        main = self.document.part
        others = {str(part.partname): part.element for part in main.package.iter_parts()
                  if part is not main and isinstance(part, XmlPart)
                  and _TAG_PARTS.match(str(part.partname).lstrip("/"))}
        return find_body_place(self.body, others, BODY_MARKER, self.document.styles.element,
                               self.template_path)

    def _style_id(self, name: str) -> str | None:
        return self._ids_by_name.get(name)

    def _style_ids(self) -> StyleIds:
        self._ids_by_name = {}
        for style in self.document.styles.element.iter(w("style")):
            name = style.find(w("name"))
            if name is not None:
                self._ids_by_name.setdefault(name.get(w("val"), "").lower(),
                                             style.get(w("styleId")))
        missing = [shown for name, shown in REQUIRED_STYLES.items()
                   if name not in self._ids_by_name]
        if missing:
            raise TemplateError(self.template_path, said.MISSING_STYLES(styles=missing))
        ids = self._ids_by_name
        return StyleIds(normal=ids["normal"],
                        headings={level: ids[f"heading {level}"] for level in range(1, 5)},
                        bullet=ids["list bullet"], number=ids["list number"],
                        table_text=ids["table text"], table_heading=ids["table heading"],
                        caption=ids["caption"], table_grid=ids["table grid"])


