"""Convert .docx files to PDF inside a running LibreOffice, through its UNO API.

This script runs under the Python that LibreOffice's `uno` module belongs to (on
Debian /usr/bin/python3 with python3-uno), not under docgen's own interpreter, so it
uses only the standard library and `uno`. docgen starts it, and talks to it in JSON
lines on stdin and stdout:

    {"docx": "/tmp/a.docx", "pdf": "/tmp/a.pdf", "bookmarks": ["_Toc000001", ...]}
    -> {"ok": true, "pages": {"_Toc000001": 5, ...}, "page_count": 17}
    -> {"ok": false, "error": "..."}

For each document it updates every index twice (so that page numbers settle), reads
the page on which each heading's bookmark stands, and exports the PDF.
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
        (_property("Hidden", True), _property("ReadOnly", True)))
    if document is None:
        raise RuntimeError("LibreOffice could not open the document")
    timings["load"] = time.monotonic() - started
    try:
        started = time.monotonic()
        indexes = document.getDocumentIndexes()
        for _ in range(2):
            for position in range(indexes.getCount()):
                indexes.getByIndex(position).update()
        timings["indexes"] = time.monotonic() - started
        started = time.monotonic()
        cursor = document.getCurrentController().getViewCursor()
        bookmarks = document.getBookmarks()
        pages = {}
        for name in request["bookmarks"]:
            if bookmarks.hasByName(name):
                cursor.gotoRange(bookmarks.getByName(name).getAnchor(), False)
                pages[name] = cursor.getPage()
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
        request = json.loads(line)
        try:
            reply = convert(desktop, request)
        except Exception as error:  # noqa: BLE001 - reported to docgen, which explains it
            reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
