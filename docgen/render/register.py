"""Render the controlled-document register as a Word document and as an Excel workbook."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from docgen.output import reproducible_zip
from docgen.wordml.document import WordTemplate

if TYPE_CHECKING:
    from docgen.control.register import Register

REGISTER_TEMPLATE = "register"
CURRENT_COLUMNS = [("序号", "index", 6), ("文件编号", "number", 18), ("文件名称", "title", 36),
                   ("版本", "version", 8), ("编制部门", "department", 12), ("编制人", "author", 10),
                   ("审核人", "reviewer", 10), ("批准人", "approver", 10),
                   ("发布日期", "issued", 12), ("状态", "state", 8)]
WITHDRAWN_COLUMNS = [("序号", "index", 6), ("文件编号", "number", 18), ("文件名称", "title", 36),
                     ("版本", "version", 8), ("发布日期", "issued", 12),
                     ("作废日期", "withdrawn_on", 12), ("作废原因", "reason", 40)]


def register_docx(register: Register, templates: Path) -> bytes:
    """Return the register as .docx bytes, rendered from templates/docx/register.docx."""
    template = WordTemplate(templates / f"{REGISTER_TEMPLATE}.docx",
                            required=("current", "withdrawn"))
    document = template.render(register.frame())
    document.set_properties(title=f"{register.organization} 受控文件清单", subject="受控文件清单",
                            author="docgen", version=register.date.isoformat(),
                            created=register.date, modified=register.date, revision=1)
    return document.to_bytes()


def register_xlsx(register: Register) -> bytes:
    """Return the register as .xlsx bytes: one sheet in force, one withdrawn."""
    workbook = Workbook()
    current = workbook.active
    current.title = "受控文件清单"
    _fill(current, CURRENT_COLUMNS, register.current)
    _fill(workbook.create_sheet("作废文件清单"), WITHDRAWN_COLUMNS, register.withdrawn)
    when = dt.datetime.combine(register.date, dt.time())
    workbook.properties.creator = "docgen"
    workbook.properties.title = f"{register.organization} 受控文件清单"
    workbook.properties.created = when
    buffer = io.BytesIO()
    workbook.save(buffer)
    return reproducible_zip(_dated(buffer.getvalue(), when))


def _fill(sheet, columns, entries) -> None:
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.append([title for title, _field, _width in columns])
    for entry in entries:
        sheet.append([getattr(entry, field) for _title, field, _width in columns])
    for index, (_title, _field, width) in enumerate(columns, start=1):
        sheet.column_dimensions[chr(ord("A") + index - 1)].width = width
    for row_number, row in enumerate(sheet.iter_rows(), start=1):
        for cell in row:
            cell.font = Font(name="宋体", size=10.5, bold=row_number == 1)
            cell.border = border
            cell.alignment = Alignment(vertical="center", wrap_text=True,
                                       horizontal="center" if row_number == 1 else None)
            if row_number == 1:
                cell.fill = PatternFill("solid", fgColor="D9D9D9")
    sheet.freeze_panes = "A2"


def _dated(data: bytes, when: dt.datetime) -> bytes:
    """Return the workbook with its modification date set to `when`, not to the clock."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                root = etree.fromstring(content)
                for node in root.iter("{http://purl.org/dc/terms/}modified"):
                    node.text = when.strftime("%Y-%m-%dT%H:%M:%SZ")
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                         standalone=True)
            target.writestr(info, content)
    return buffer.getvalue()
