"""The pieces of WordprocessingML python-docx has no call for, as Word writes them: a TOC
field in a content control, pictures, mc:AlternateContent, text boxes, footnotes, nested
tables, gridBefore rows, and numbering definitions bound to styles."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NAMESPACES = (
    f'xmlns:w="{_W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"')


def _xml(text: str):
    return parse_xml(text.replace("NS", _NAMESPACES, 1))


def tiny_png() -> bytes:
    """Return a 1×1 white PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def drawing_run(paragraph) -> None:
    """Add an inline picture to `paragraph`, as Word inserts one."""
    paragraph.add_run().add_picture(io.BytesIO(tiny_png()))


def alternate_content_run(text: str):
    """Return a run holding a shape with `text` in mc:AlternateContent: a wps shape for
    Word 2010 and later, a VML text box as the fallback."""
    paragraph = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    return _xml(
        f'<w:r NS><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="1828800" cy="457200"/><wp:wrapNone/><wp:docPr id="91" name="文本框 1"/>'
        '<a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:txbx><w:txbxContent>{paragraph}</w:txbxContent></wps:txbx><wps:bodyPr/>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape style="width:144pt;height:36pt"><v:textbox>'
        f'<w:txbxContent>{paragraph}</w:txbxContent></v:textbox></v:shape></w:pict>'
        '</mc:Fallback></mc:AlternateContent></w:r>')


def text_box_run(text: str):
    """Return a run holding a VML text box with `text`, as older Word and WPS write one."""
    return _xml(f'<w:r NS><w:pict><v:shape style="width:200pt;height:40pt"><v:textbox>'
                f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
                "</v:textbox></v:shape></w:pict></w:r>")


def footnote_reference_run():
    """Return a run referring to footnote 1."""
    return _xml('<w:r NS><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                '<w:footnoteReference w:id="1"/></w:r>')


_FOOTNOTES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    '</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve"> 见GB/T 28827.1-2022。</w:t></w:r></w:p></w:footnote>'
    '</w:footnotes>')


def with_footnotes(data: bytes) -> bytes:
    """Return the .docx `data` with a footnotes part holding footnote 1."""
    source = zipfile.ZipFile(io.BytesIO(data))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", (
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                    b"</Types>"))
            elif item.filename == "word/_rels/document.xml.rels":
                body = body.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>"))
            copy.writestr(item.filename, body)
        copy.writestr("word/footnotes.xml", _FOOTNOTES.encode("utf-8"))
    return target.getvalue()


def _run_text(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _field(instruction: str, shown: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f"{_run_text(shown)}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>")


def toc_field(lines: list[str]):
    """Return a content control holding a TOC field as Word writes one: a title, then an
    entry per line, each a hyperlink to its bookmark with a PAGEREF field for its page."""
    entries = []
    for index, line in enumerate(lines):
        begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
                 'xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r>') if index == 0 else ""
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if index == len(lines) - 1 else ""
        level = line.count(".") + 1 if line[0].isdigit() else 1
        page = _field(f"PAGEREF _Toc{1000 + index} \\h", str(2 + index // 3))
        entries.append(
            f'<w:p><w:pPr><w:pStyle w:val="TOC{min(level, 3)}"/><w:tabs><w:tab w:val="right" '
            f'w:leader="dot" w:pos="8296"/></w:tabs></w:pPr>{begin}'
            f'<w:hyperlink w:anchor="_Toc{1000 + index}" w:history="1">{_run_text(line)}'
            f'<w:r><w:tab/></w:r>{page}'
            f"</w:hyperlink>{end}</w:p>")
    return _xml(
        '<w:sdt NS><w:sdtPr><w:id w:val="-1"/><w:docPartObj><w:docPartGallery '
        'w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>'
        '<w:p><w:pPr><w:pStyle w:val="TOCHeading"/><w:jc w:val="center"/></w:pPr>'
        f'{_run_text("目录")}</w:p>{"".join(entries)}</w:sdtContent></w:sdt>')


def nested_table(outer_cell, rows: list[list[str]]) -> None:
    """Put a table of `rows` inside `outer_cell`, after its text."""
    inner = outer_cell.add_table(rows=len(rows), cols=len(rows[0]))
    inner.style = "Table Grid"
    for index, row in enumerate(rows):
        for column, text in enumerate(row):
            inner.cell(index, column).text = text
    outer_cell.add_paragraph()  # Word keeps a paragraph after a nested table


def grid_before_table(document, rows: list[list[str]]) -> None:
    """Add a table whose last row starts one grid column in (w:gridBefore), as a hand-drawn
    table's indented last row is written."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for index, row in enumerate(rows):
        for column, text in enumerate(row):
            table.cell(index, column).text = text
    last = table.rows[-1]._tr
    last.remove(last.tc_lst[0])
    last.get_or_add_trPr().append(parse_xml(
        f'<w:gridBefore {nsdecls("w")} w:val="1"/>'))
    last.trPr.append(parse_xml(f'<w:wBefore {nsdecls("w")} w:w="1000" w:type="dxa"/>'))
