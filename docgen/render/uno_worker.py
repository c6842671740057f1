"""Convert .docx files to PDF inside a running LibreOffice, through its UNO API.

This script runs under the Python that LibreOffice's `uno` module belongs to (on
Debian /usr/bin/python3 with python3-uno), not under docgen's own interpreter, so it
uses only the standard library and `uno`. docgen starts it, and talks to it in JSON
lines on stdin and stdout:

    {"docx": "/tmp/a.docx", "pdf": "/tmp/a.pdf",
     "headings": [["_Toc000001", "1. 目的"], ...]}

Each heading comes as docgen's table of contents lists it (docgen.render.docx.toc_lines:
the label of the template's heading list, a space, the title), so the lines of the
updated table of contents can be matched without knowing how headings are numbered.
    -> {"ok": true, "pages": {"_Toc000001": 5, ...}, "page_count": 17, "timings": {...}}
    -> {"ok": false, "error": "..."}

For each document it updates the indexes, reads the page of each heading from the
updated table of contents, and exports the PDF. The table of contents comes from
docgen with every entry already in place, so one update normally gives the final
pages; the first heading's actual page confirms it, and if the entries' new page
numbers pushed the body down, the indexes are updated again. Should the table of
contents not list the headings as docgen wrote them, each heading's page is asked
of the layout instead (slower).
"""

import json
import sys
import time

import uno  # noqa: F401 - provided by LibreOffice's Python, not by docgen's
from com.sun.star.beans import PropertyValue


def _property(name, value):
    result = PropertyValue()
    result.Name = name
    result.Value = value
    return result


def connect(pipe_name, timeout):
    """Return LibreOffice's desktop, retrying until it accepts connections."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            context = resolver.resolve(
                f"uno:pipe,name={pipe_name};urp;StarOffice.ComponentContext")
            return context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context)
        except Exception:  # noqa: BLE001 - not listening yet
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def convert(desktop, request):
    """Convert one document; return its heading pages, page count and step timings."""
    timings = {}
    started = time.monotonic()
    document = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(request["docx"]), "_blank", 0,
        (_property("Hidden", True), _property("ReadOnly", True),
         _property("FilterName", "MS Word 2007 XML")))
    if document is None:
        raise RuntimeError("LibreOffice could not open the document")
    timings["load"] = time.monotonic() - started
    try:
        started = time.monotonic()
        _update_indexes(document)
        timings["indexes"] = time.monotonic() - started
        started = time.monotonic()
        cursor = document.getCurrentController().getViewCursor()
        headings = request["headings"]
        pages = _pages_from_contents(document, headings)
        first = next(iter(pages), None)
        if first is not None and _page_of(document, cursor, first) != pages[first]:
            _update_indexes(document)  # the new page numbers moved the body on
            pages = _pages_from_contents(document, headings)
        if not pages:
            pages = {name: page for name, _text in headings
                     if (page := _page_of(document, cursor, name)) is not None}
        cursor.jumpToLastPage()
        page_count = cursor.getPage()
        timings["pages"] = time.monotonic() - started
        started = time.monotonic()
        document.storeToURL(uno.systemPathToFileUrl(request["pdf"]),
                            (_property("FilterName", "writer_pdf_Export"),))
        timings["export"] = time.monotonic() - started
        return {"ok": True, "pages": pages, "page_count": page_count, "timings": timings}
    finally:
        started = time.monotonic()
        document.close(True)
        timings["close"] = time.monotonic() - started


def _update_indexes(document):
    indexes = document.getDocumentIndexes()
    for position in range(indexes.getCount()):
        indexes.getByIndex(position).update()


def _pages_from_contents(document, headings):
    """Return {bookmark: page} read from the table of contents, or {} when its entries
    are not the headings in order (each line reads "4.1. 标题<tab>12")."""
    indexes = document.getDocumentIndexes()
    lines = []
    for position in range(indexes.getCount()):
        lines += indexes.getByIndex(position).getAnchor().getString().splitlines()
    pages = {}
    remaining = iter(headings)
    for line in lines:
        text, _tab, page = line.rpartition("\t")
        if not text or not page.strip().isdigit():
            continue  # the title of the table of contents
        wanted = "".join(text.split())  # LibreOffice may put a space after any label
        for name, heading in remaining:
            if "".join(heading.split()) == wanted:
                pages[name] = int(page)
                break
        else:
            return {}
    return pages


def _page_of(document, cursor, bookmark):
    bookmarks = document.getBookmarks()
    if not bookmarks.hasByName(bookmark):
        return None
    cursor.gotoRange(bookmarks.getByName(bookmark).getAnchor(), False)
    return cursor.getPage()


def main():
    pipe_name, timeout = sys.argv[1], float(sys.argv[2])
    try:
        desktop = connect(pipe_name, timeout)
    except Exception as error:  # noqa: BLE001 - reported to docgen, which explains it
        print(json.dumps({"ok": False, "error": f"cannot connect to LibreOffice: {error}"}),
              flush=True)
        return
    print(json.dumps({"ok": True, "ready": True}), flush=True)
    for line in sys.stdin:
        received = time.monotonic()
        request = json.loads(line)
        try:
            reply = convert(desktop, request)
            reply["timings"]["total"] = time.monotonic() - received
        except Exception as error:  # noqa: BLE001 - reported to docgen, which explains it
            reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
