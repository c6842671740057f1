"""Word files that programs made: LibreOffice from HTML (directly or through ODT),
pandoc from Markdown or HTML, docgen itself, and docgen's file re-saved by LibreOffice."""

from __future__ import annotations

import shutil
from pathlib import Path

from .html import document_html
from .markdown import document_markdown
from .source import Printed, SourceDocument, house_date, printed_revisions
from .tools import WORD_2007, Office, pandoc


def write_libreoffice(document: SourceDocument, path: Path, office: Office, work: Path,
                      via_odt: bool = False) -> Printed:
    """Write `document` as HTML and let LibreOffice make `path` of it (`via_odt`: save
    as ODT first, then as Word, as files that went through Writer's own format)."""
    text, printed = document_html(document, "libreoffice")
    printed.notes.append("HTML converted by LibreOffice: h1-h4 are Heading 1-4 with typed "
                         "numbers; ol lists are automatic numbers, (1)/（1） lists typed; the "
                         "TOC is a bulleted list of links; cover values lined up with spaces")
    page = work / f"{document.number}.html"
    page.write_text(text, encoding="utf-8")
    source = page
    if via_odt:
        source = office.convert(page, "odt", work / "odt")
        printed.notes.append("HTML converted to ODT by LibreOffice, then the ODT to Word")
    shutil.copyfile(office.convert(source, WORD_2007, work / "docx"), path)
    return printed


def write_pandoc(document: SourceDocument, path: Path, work: Path, source_format: str,
                 toc: bool = False) -> Printed:
    """Write `document` as Markdown or HTML (`source_format`) and let pandoc make `path`
    of it; `toc` asks pandoc for a TOC field (empty until Word updates it)."""
    if source_format == "html":
        text, printed = document_html(document, "pandoc", title_tag=True, page_header=False)
        printed.notes.append("pandoc read HTML: the title is the Title paragraph, tables keep "
                             "the rowspan/colspan of their body rows")
        if document.org != "xlsk":
            printed.notes.append(
                "pandoc 2.17 keeps the column spans of the revision table's two-row header "
                "but drops its row spans (版本, 更改记录): the second header row (作者 日期 …) "
                "starts one column to the left")
    else:
        text, printed = document_markdown(document)
        printed.notes.append("pandoc read Markdown: title, number, author and date are the "
                             "Title, Subtitle, Author and Date paragraphs")
    source = work / f"{document.number}.{'html' if source_format == 'html' else 'md'}"
    source.write_text(text, encoding="utf-8")
    pandoc(source, path, source_format, *(["--toc"] if toc else []))
    if toc:
        printed.notes.append("pandoc's TOC is a field in a content control (w:sdt), empty "
                             "until Word updates it")
    return printed


def copy_word_style(document: SourceDocument, path: Path) -> Printed:
    """Copy docgen's own build of `document` to `path`: heading styles bound to automatic
    multilevel numbering, automatic list numbers, a real TOC field."""
    shutil.copyfile(document.built, path)
    printed = _docgen_printed(document, "word-style")
    printed.notes.append("docgen's build: heading styles bound to automatic multilevel "
                         "numbering, automatic list numbers, a TOC field (no page numbers)")
    return printed


def resave(document: SourceDocument, path: Path, office: Office, work: Path) -> Printed:
    """Open docgen's build of `document` in LibreOffice and save it as Word again, as
    files that WPS or LibreOffice users passed on are."""
    shutil.copyfile(document.built, work / f"{document.number}.docx")
    converted = office.convert(work / f"{document.number}.docx", WORD_2007, work / "resaved")
    shutil.copyfile(converted, path)
    printed = _docgen_printed(document, "word-resaved")
    printed.notes.append("docgen's file opened and saved again by LibreOffice (docx to docx)")
    return printed


def _docgen_printed(document: SourceDocument, producer: str) -> Printed:
    """Return what docgen's build of `document` prints."""
    latest = document.latest
    dates = [house_date(latest[key], document.org)
             for key in ("date", "review_date", "approve_date")]
    printed = Printed(producer, document.cover_title,
                      [heading.line for heading in document.headings],
                      printed_revisions(document), dates)
    printed.dates += [row[key] for row in printed.revisions for key in row
                      if key.endswith("date") and row[key]]
    return printed
