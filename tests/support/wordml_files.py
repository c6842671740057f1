"""Build small .docx files inline, so that a test shows the whole WordprocessingML it reads.

Only the parts the reader needs are written: content types, relationships, the
document, its styles and its numbering. Each test supplies the XML its producer
(Word, WPS, LibreOffice) would have written.
"""

from __future__ import annotations

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"

CONTENT_TYPES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="{_PACKAGE}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_MAIN_TYPE}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_MAIN_TYPE}.styles+xml"/>'
    f'<Override PartName="/word/numbering.xml" ContentType="{_MAIN_TYPE}.numbering+xml"/>'
    "</Types>")
PACKAGE_RELATIONSHIPS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{_OFFICE}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>")
DOCUMENT_RELATIONSHIPS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{_OFFICE}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_OFFICE}/numbering" Target="numbering.xml"/>'
    "</Relationships>")


def paragraph(text: str, style: str = "", num_id: str | None = None, ilvl: int | None = None
              ) -> str:
    """Return a w:p showing `text` in `style`, with direct numbering if `num_id` or `ilvl`."""
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None or ilvl is not None:
        properties += "<w:numPr>" + (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") \
            + (f'<w:numId w:val="{num_id}"/>' if num_id is not None else "") + "</w:numPr>"
    return f"<w:p><w:pPr>{properties}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx_bytes(*, body: str, styles: str, numbering: str) -> bytes:
    """Return a .docx whose document body, w:styles and w:numbering parts are as given.

    `body` is the content of w:body; `styles` and `numbering` are whole parts (root
    element included), so that each fixture keeps its producer's namespaces.
    """
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", PACKAGE_RELATIONSHIPS)
        package.writestr("word/_rels/document.xml.rels", DOCUMENT_RELATIONSHIPS)
        package.writestr("word/document.xml", document)
        package.writestr("word/styles.xml", styles)
        package.writestr("word/numbering.xml", numbering)
    return buffer.getvalue()
