"""What `docgen check` says when an imported document's table of contents, as the original
printed it, does not list the headings its body has.

Codes: toc.*.
"""

from docgen.messages import define

_REBUILD = ("in the Word file, update the table of contents (Update Field); a document docgen "
            "builds writes it from the headings, and 'toc:' may go once the original is "
            "replaced")
TOC_TITLE_DIFFERS = define(
    "toc.title-differs",
    "the table of contents lists {entry!q}, but the heading there is {heading!q}",
    hint=_REBUILD)
TOC_NO_SUCH_HEADING = define(
    "toc.no-such-heading",
    "the table of contents lists {entry!q}, which is not a heading of the document",
    hint=_REBUILD)
TOC_MISSING_HEADING = define(
    "toc.missing-heading",
    "the heading {heading!q} is missing from the table of contents",
    hint=_REBUILD)
