"""Files an import must refuse or treat specially: encrypted, with tracked changes or
comments, a scanned page, not Word at all, cut short, plain text, Word 97 binary."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm

from .direct_format import HEI, add_paragraph, new_document
from .tools import Office

PASSWORD = "docgen"
_CHANGE_DATE = "2025-03-02T10:15:00Z"


def write_bad_files(folder: Path, hand: Path, office: Office, work: Path) -> list[dict]:
    """Write the bad and special files into `folder`, made from the hand-typed files in
    `hand`; return what each one is, for expected.json."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = [
        _encrypted(folder / "encrypted.docx", hand / "XLSJ-ZD-001.docx"),
        _tracked_changes(folder / "tracked-changes.docx"),
        _comments(folder / "comments.docx"),
        _image_only(folder / "image-only.docx", hand / "YNTD-ITSS-0417.docx", office, work),
        _not_word(folder / "not-word.docx"),
        _truncated(folder / "truncated.docx", hand / "YNTD-ITSS-0600.docx"),
        _plain_text(folder / "plain.txt.docx"),
        _binary_doc(folder / "legacy.doc", hand / "YNTD-ITSS-0417.docx", office, work),
    ]
    return [{"file": f"bad/{name}", **entry} for name, entry in entries]


def _encrypted(path: Path, source: Path) -> tuple[str, dict]:
    """A Word file protected by a password to open (Word's Encrypt with Password)."""
    from msoffcrypto.format.ooxml import OOXMLFile  # only needed to make the corpus

    with source.open("rb") as plain, path.open("wb") as encrypted:
        OOXMLFile(plain).encrypt(PASSWORD, encrypted)
    return path.name, {"problem": "encrypted", "password": PASSWORD,
                       "detail": "an OLE compound file (EncryptedPackage, agile encryption) "
                                 f"holding {source.parent.name}/{source.name}"}


def _tracked_changes(path: Path) -> tuple[str, dict]:
    """Revisions still tracked in the body: an insertion and a deletion not accepted."""
    word = new_document("周敏")
    add_paragraph(word, "第三章 信息安全事件管理", size=16, bold=True, font=HEI)
    paragraphs = [add_paragraph(word, line, indent_chars=2) for line in (
        "第七条 信息安全事件分为以下三级：", "第八条 发现信息安全事件的员工应立即报告值班室。")]
    author = f'w:author="杨帆" w:date="{_CHANGE_DATE}"'
    paragraphs[0]._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="1" {author}><w:r><w:t>（2025年修订）</w:t></w:r></w:ins>'))
    paragraphs[1]._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="2" {author}><w:r><w:delText>并在24小时内书面报告'
        "</w:delText></w:r></w:del>"))
    paragraphs[1]._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="3" {author}><w:r><w:t>并在1小时内电话报告安全合规部'
        "</w:t></w:r></w:ins>"))
    word.save(str(path))
    return path.name, {"problem": "tracked_changes", "insertions": 2, "deletions": 1,
                       "detail": "w:ins and w:del by 杨帆 in the body, not accepted"}


def _comments(path: Path) -> tuple[str, dict]:
    """A reviewer's comment on a KPI target, in a comments part."""
    word = new_document("吴杰")
    add_paragraph(word, "4.4.5. 问题管理", size=14, bold=True, font=HEI)
    paragraph = add_paragraph(word, "按季度对问题解决率进行考核，要求问题解决率不低于",
                              indent_chars=2)
    target = paragraph.add_run("90%")
    paragraph.add_run("。")
    word.add_comment(target, text="目标值与质量计划不一致，请核对。", author="赵建中",
                     initials="ZJZ")
    word.save(str(path))
    return path.name, {"problem": "comments", "comments": 1,
                       "detail": "a comment by 赵建中 on the KPI target 90%"}


def _image_only(path: Path, page_of: Path, office: Office, work: Path) -> tuple[str, dict]:
    """A scanned page: one paragraph holding a picture of a page, no text at all."""
    pdf = office.convert(page_of, "pdf", work / "scan")
    prefix = work / "scan" / "page"
    subprocess.run(["pdftoppm", "-r", "50", "-gray", "-f", "5", "-l", "5", "-singlefile",
                    "-png", str(pdf), str(prefix)], check=True)
    word = new_document("扫描仪")
    word.add_paragraph().add_run().add_picture(str(prefix) + ".png", width=Cm(15))
    word.save(str(path))
    return path.name, {"problem": "image_only", "images": 1,
                       "detail": f"a grey scan of page 5 of {page_of.parent.name}/"
                                 f"{page_of.name} as a PNG picture, no text"}


def _not_word(path: Path) -> tuple[str, dict]:
    """An Excel workbook named .docx: a zip without word/document.xml."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "受控文件清单"
    sheet.append(["文件编号", "文件名称", "版本", "发布日期"])
    sheet.append(["YNTD-ITSS-0303", "运维服务能力管理计划", "V1.0", "2025.01.07"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())
    with zipfile.ZipFile(path) as archive:
        assert "word/document.xml" not in archive.namelist()
    return path.name, {"problem": "not_word",
                       "detail": "an .xlsx workbook (受控文件清单) renamed .docx"}


def _truncated(path: Path, source: Path) -> tuple[str, dict]:
    """A Word file cut in half, as an interrupted download or copy leaves it."""
    data = source.read_bytes()
    path.write_bytes(data[:len(data) // 2])
    return path.name, {"problem": "truncated",
                       "detail": f"the first half of {source.parent.name}/{source.name}"}


def _plain_text(path: Path) -> tuple[str, dict]:
    """Plain text saved with a .docx name."""
    lines = ["过程框架管理制度", "", "1. 目的",
             "本制度依据ITSS建立统一、规范的运维服务过程管理框架。"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path.name, {"problem": "plain_text", "detail": "UTF-8 text (CRLF) named .docx"}


def _binary_doc(path: Path, source: Path, office: Office, work: Path) -> tuple[str, dict]:
    """A Word 97-2003 binary .doc (LibreOffice's MS Word 97 filter)."""
    converted = office.convert(source, "doc", work / "doc")
    shutil.copyfile(converted, path)
    return path.name, {"problem": "binary_doc",
                       "detail": f"Word 97 .doc converted by LibreOffice from "
                                 f"{source.parent.name}/{source.name}"}
