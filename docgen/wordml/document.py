"""Render a Word template into a document: the one place docxtpl and python-docx meet.

docxtpl renders the template's frame (cover, signoff, revision rows, header, footer)
in the sandboxed, autoescaping Jinja environment; then the body is written in place of
the paragraph holding {{ body }}, the table of contents is filled, and the package is
saved reproducibly. Template problems become TemplateError naming the template and tag.
"""

from __future__ import annotations

import datetime as dt
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
from lxml import etree

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


class CachingEnvironment(SafeEnvironment):
    """The sandboxed, autoescaping environment, compiling each template source once.

    docxtpl hands it the same preprocessed XML for every document rendered from a
    template; compiling it once per template saves most of docxtpl's time.
    """

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=True,
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
            raise TemplateError(path, f"cannot read the template: {error.strerror}",
                                "docgen reads only regular files: put the .docx file itself "
                                "in its place") from None
        except OSError as error:
            raise TemplateError(path, f"cannot read the template: {error.strerror}",
                                "check the template name and that the file exists") from None
        if not zipfile.is_zipfile(io.BytesIO(self.data)):
            raise TemplateError(path, "the template is not a .docx file (not a zip archive)",
                                "save the template from Word or WPS as 'Word Document (.docx)'")
        try:
            with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
                check_unpacked_size(archive)
                archive.getinfo("word/document.xml")
        except ZipTooLarge as error:
            megabytes = MAX_UNPACKED_BYTES // (1024 * 1024)
            found = (f"{error.entries} parts" if error.entries > MAX_ENTRIES
                     else f"at least {error.size // (1024 * 1024)} MB")
            raise TemplateError(path, f"the template unpacks to {found}; docgen reads Word "
                                      f"files of at most {megabytes} MB and {MAX_ENTRIES} parts",
                                "save it again from Word or WPS, leaving out large images and "
                                "embedded files") from None
        except KeyError:
            raise TemplateError(path, "the template is a zip archive but not a Word document",
                                "save the template from Word or WPS as .docx") from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as error:
            raise TemplateError(path, f"the template file is damaged: {error}",
                                "restore it from version control or save it again") from None
        self.digest = hashlib.sha256(self.data).hexdigest()
        self._environment = CachingEnvironment()
        self._patched: dict[str, str] = {}
        self.tags = self._declared_tags()
        if BODY_TAG in required and BODY_TAG not in self.tags:
            raise TemplateError(path, "the template has no {{ body }} tag",
                                "put {{ body }} alone in the paragraph where the numbered body "
                                "should start")
        missing = [tag for tag in required if tag not in self.tags and tag != BODY_TAG]
        if missing:
            raise TemplateError(path, "the template lacks the tags that show "
                                + ", ".join(missing),
                                "restore them from the bundled template, e.g. {{ doc.number }} "
                                "and the {%tr for r in revisions %} row of the revision table")

    def _declared_tags(self) -> set[str]:
        template = DocxTemplate(io.BytesIO(self.data))
        try:
            environment = make_environment(autoescape=True)
            environment.filters.update(template_filters(DEFAULT_STYLE))
            return set(template.get_undeclared_template_variables(environment))
        except TemplateSyntaxError as error:
            raise self._syntax_error(error) from None
        except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as error:
            raise TemplateError(self.path, f"the template cannot be opened as a Word document: "
                                           f"{error}", "save it again from Word or WPS") from None

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
            missing = _undefined_name(error.message or "")
            tag = next((tag for tag in template_tags(self.data) if missing and missing in tag),
                       None)
            path = re.search(rf"[\w.]*\b{re.escape(missing)}\b", tag or "") if missing else None
            asks = path.group(0) if path else missing or "a value"
            # Offer the values beside the one asked for (doc.* for doc.owner), else all.
            namespace = asks.split(".")[0] + "." if "." in asks else ""
            offered = [p for p in _value_paths(frame) if p.startswith(namespace)] \
                or _value_paths(frame)
            raise TemplateError(self.path, f"the tag {tag or '{{ … }}'} asks for {asks}, which "
                                           f"docgen does not provide",
                                "remove the tag in Word, or use one of: "
                                + ", ".join(offered)) from None
        except TemplateSyntaxError as error:
            raise self._syntax_error(error) from None
        except Refused as refused:
            raise TemplateError(self.path, refused.reason) from None
        except (SecurityError, JinjaTemplateError, TypeError) as error:
            raise TemplateError(self.path, f"the template's tags could not be rendered: {error}",
                                "tags may only show values: {{ doc.number }}") from None
        return WordDocument(template.docx, self.path)

    def _syntax_error(self, error: TemplateSyntaxError) -> TemplateError:
        tag = broken_tag(self.data)
        where = f"in the tag {tag}: " if tag else ""
        return TemplateError(self.path, f"Jinja syntax error {where}{error.message}",
                             "open the template in Word and fix the tag; tags look like "
                             "{{ doc.number }} or {%tr for r in revisions %}")


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


def _undefined_name(message: str) -> str:
    """Return the name an UndefinedError complains about: 'x' has no attribute 'owner'."""
    match = re.search(r"'([^']+)'\s*$", message) or re.search(r"'([^']+)' is undefined",
                                                               message)
    return match.group(1) if match else ""


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

    def body_writer(self) -> BodyWriter:
        """Return a writer for the body, in this document's styles and numbering."""
        section = self.document.sections[-1]
        text_width = int(section.page_width.twips - section.left_margin.twips
                         - section.right_margin.twips)
        numbering = Numbering(self.document.part.numbering_part.element)
        used = [int(node.get(w("id"))) for node in self.body.iter(w("bookmarkStart"))]
        return BodyWriter(self.styles, numbering, text_width, max(used, default=0) + 1)

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

    def _body_place(self) -> BodyPlace:
        """Return the {{ body }} paragraph; refuse a tag that is repeated or misplaced."""
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
            raise TemplateError(self.template_path,
                                "the template lacks the style(s) " + ", ".join(missing),
                                "add them in Word (Styles pane) or start again from "
                                "templates/docx/controlled-document.docx")
        ids = self._ids_by_name
        return StyleIds(normal=ids["normal"],
                        headings={level: ids[f"heading {level}"] for level in range(1, 5)},
                        bullet=ids["list bullet"], number=ids["list number"],
                        table_text=ids["table text"], table_heading=ids["table heading"],
                        caption=ids["caption"], table_grid=ids["table grid"])


