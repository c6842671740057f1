"""Render the controlled-document register as a Word document and as an Excel workbook.

docgen.control.register builds the register's rows; here they are printed in the
organization's house style: dates in its date format (real date cells in the
workbook), states in its words (草稿, 现行, 作废).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from lxml import etree
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from docgen.content.model import ResolvedOrganization
from docgen.control.register import Register, RegisterEntry, build_register
from docgen.output import output_path, reproducible_zip, write_all_atomically
from docgen.pipeline import load_document_set
from docgen.project import Project
from docgen.style import template_filters
from docgen.wordml.document import WordTemplate

REGISTER_NAME = "受控文件清单"
REGISTER_TEMPLATE = "register"
CURRENT_COLUMNS = [("序号", "index", 6), ("文件编号", "number", 18), ("文件名称", "title", 36),
                   ("版本", "version", 8), ("编制部门", "department", 12), ("编制人", "author", 10),
                   ("审核人", "reviewer", 10), ("批准人", "approver", 10),
                   ("发布日期", "issued", 12), ("状态", "state", 8)]
WITHDRAWN_COLUMNS = [("序号", "index", 6), ("文件编号", "number", 18), ("文件名称", "title", 36),
                     ("版本", "version", 8), ("发布日期", "issued", 12),
                     ("作废日期", "withdrawn_on", 12), ("作废原因", "reason", 40)]


def register_paths(project: Project, organization: ResolvedOrganization) -> tuple[Path, Path]:
    """Return where the register of `organization` is written, as .docx and as .xlsx."""
    stem = f"{organization.organization.prefix} {REGISTER_NAME}"
    return (output_path(project.output, organization.key, f"{stem}.docx"),
            output_path(project.output, organization.key, f"{stem}.xlsx"))


def write_registers(project: Project) -> list[Path]:
    """Write the register of every organization; return the files written."""
    document_set = load_document_set(project)
    rendered = []
    for organization in document_set.organizations:
        register = build_register(organization)
        docx_file, xlsx_file = register_paths(project, organization)
        rendered.append((docx_file, register_docx(register, project.templates)))
        rendered.append((xlsx_file, register_xlsx(register)))
    write_all_atomically(rendered)
    return [path for path, _data in rendered]


def register_frame(register: Register) -> dict[str, object]:
    """Return what the register template's tags show: dates that print in the house style
    ({{ e.issued }} gives 2025.01.07), states as the house words them."""
    style = register.style

    def row(entry: RegisterEntry) -> dict[str, object]:
        return dict(vars(entry), issued=style.house_date(entry.issued),
                    state=style.state_word(entry.state),
                    withdrawn_on=style.house_date(entry.withdrawn_on) if entry.withdrawn_on
                    else "")

    return {
        "org": {"name": register.organization, "prefix": register.prefix},
        "register": {"date": style.house_date(register.date),
                     "released": register.count("released"),
                     "drafts": register.count("draft"),
                     "withdrawn": len(register.withdrawn)},
        "current": [row(entry) for entry in register.current],
        "withdrawn": [row(entry) for entry in register.withdrawn],
    }


def register_docx(register: Register, templates: Path) -> bytes:
    """Return the register as .docx bytes, rendered from templates/docx/register.docx."""
    template = WordTemplate(templates / f"{REGISTER_TEMPLATE}.docx",
                            required=("current", "withdrawn"))
    document = template.render(register_frame(register), template_filters(register.style))
    document.set_properties(title=f"{register.organization} 受控文件清单", subject="受控文件清单",
                            author="docgen", version=register.date.isoformat(),
                            created=register.date, modified=register.date, revision=1)
    return document.to_bytes()


def register_xlsx(register: Register) -> bytes:
    """Return the register as .xlsx bytes: one sheet in force, one withdrawn."""
    workbook = Workbook()
    current = workbook.active
    current.title = "受控文件清单"
    _fill(current, CURRENT_COLUMNS, register.current, register)
    _fill(workbook.create_sheet("作废文件清单"), WITHDRAWN_COLUMNS, register.withdrawn, register)
    when = dt.datetime.combine(register.date, dt.time())
    workbook.properties.creator = "docgen"
    workbook.properties.title = f"{register.organization} 受控文件清单"
    workbook.properties.created = when
    buffer = io.BytesIO()
    workbook.save(buffer)
    return reproducible_zip(_dated(buffer.getvalue(), when))


def _fill(sheet, columns, entries: list[RegisterEntry], register: Register) -> None:
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    date_format = register.style.excel_date_format()
    sheet.append([title for title, _field, _width in columns])
    for entry in entries:
        sheet.append([_cell_value(entry, field, register) for _title, field, _width in columns])
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
            elif isinstance(cell.value, dt.date):
                cell.number_format = date_format
            elif cell.data_type == "f":
                # openpyxl makes text that starts with "=" a formula, which Excel would
                # run (=HYPERLINK(…), a DDE call): what content says is always text.
                cell.data_type = "s"
    sheet.freeze_panes = "A2"


def _cell_value(entry: RegisterEntry, field: str, register: Register) -> object:
    """Return what the workbook's cell shows for `field`: dates as dates, states as words."""
    value = getattr(entry, field)
    if field == "state":
        return register.style.state_word(value)
    return value


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
