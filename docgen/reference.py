"""The content reference: every key a content file may hold, and every value a template
or prose may show, written from the schema's own docstrings.

docs/reference.md is this module's output (scripts/make_reference.py writes it; a test
checks that the committed file is current), so the reference cannot leave out a key
the schema accepts. The values templates and prose may use are declared here, and
tests compare them with what the renderer and the resolver really provide.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any

from pydantic import BaseModel

from docgen.content import schema
from docgen.content.values import Target, Version, parse_identifier
from docgen.style_options import HEADING_SCHEMES

# The models a file may hold, in the order a reader meets them.
SECTIONS: list[tuple[str, type[schema.ContentModel], str]] = [
    ("org.yaml", schema.Organization, "The organization: one `org.yaml` per folder."),
    ("House style", schema.StyleSettings,
     "The value of `style` in org.yaml, and in a document (over the organization's, key by "
     "key); see [the pictures](content-format.md#house-styles)."),
    ("Captions", schema.CaptionStyle, "The value of a house style's `captions`."),
    ("Signoff", schema.Signoff, "The value of `signoff` in org.yaml: which signers every "
     "revision row names."),
    ("Department", schema.Department, "An item of `departments`."),
    ("Person", schema.Person, "An item of `people`."),
    ("Known document", schema.KnownDocument, "An item of `known_documents`."),
    ("A document", schema.Document, "One file per controlled document, named by its number."),
    ("Revision", schema.Revision, "An item of `revisions` (文件编制和变更履历)."),
    ("KPI", schema.Kpi, "A value of `kpis`, under its id."),
    ("Activity", schema.Activity, "A value of `activities`, under its id."),
    ("Process group", schema.ProcessGroup, "An item of `processes` (a process framework)."),
    ("Section", schema.Section, "An item of `sections`: a numbered heading and its body."),
    ("Paragraph", schema.Paragraph, "A body item; a plain string is a paragraph too."),
    ("Bulleted list", schema.BulletList, "A body item."),
    ("Numbered list", schema.NumberedList, "A body item."),
    ("List item", schema.ListItem, "An item of a list; a plain string is an item too."),
    ("Table", schema.TableBlock, "A body item."),
    ("Table contents", schema.Table, "The value of `table`."),
    ("Row", schema.Row, "An item of `header` or `rows`; a plain list is a row of cells."),
    ("Cell", schema.Cell, "An item of a row; a plain string is a cell of one paragraph."),
    ("KPI table", schema.KpiTable, "A body item: KPIs of the document as a table."),
    ("Activity table", schema.ActivityTable, "A body item: planned activities as a table."),
    ("Release record", schema.ReleaseRecord,
     "Written by `docgen release` into `releases/<NUMBER>.yaml`; not edited by hand."),
]

# What the Word templates' tags may show ({{ doc.number }}, {%tr for r in revisions %}).
TEMPLATE_VALUES: dict[str, str] = {
    "org.name": "the organization's name",
    "org.prefix": "its document-number prefix",
    "doc.number": "the document number: YNTD-ITSS-0303",
    "doc.title": "the title as the register lists it",
    "doc.cover_title": "the title on the cover (`cover_title`, else `title`)",
    "doc.version": "the version in force: V1.0",
    "doc.kind": "what kind of document it is: 计划, 制度, …",
    "doc.department": "the department that drafts it (编制部门): the document's "
                      "`department`, else its author's; empty when neither is given",
    "doc.effective_date": "the approval date of the version in force (实施日期)",
    "doc.state": "its state as a cover says it (受控状态): 受控 once the version in force "
                 "is released (`docgen release`), 草稿 before, 作废 when withdrawn",
    "doc.released_on": "when the version in force was released (发布日期); empty until "
                       "it is",
    "doc.previous_version": "the version before the one in force; empty for the first",
    "doc.change": "what the version in force changed (its row's `change`)",
    "signoff.author": "who wrote the version in force (编制人); empty when left out",
    "signoff.author_date": "when it was written (编制时间); empty when the author is left out",
    "signoff.reviewer": "who reviewed it (审核人); empty when left out",
    "signoff.review_date": "when it was reviewed; empty when left out",
    "signoff.approver": "who approved it (批准人)",
    "signoff.approve_date": "when it was approved",
    "revisions": "the revision rows, oldest first: loop over them with "
                 "{%tr for r in revisions %}",
    "revisions[].version": "a row's version",
    "revisions[].author": "who wrote or changed it; empty when left out",
    "revisions[].date": "when",
    "revisions[].reviewer": "who reviewed it; empty when left out",
    "revisions[].review_date": "when; empty when left out",
    "revisions[].approver": "who approved it",
    "revisions[].approve_date": "when",
    "revisions[].change": "what changed (更改记录)",
    "body": "where the numbered body goes: {{ body }} alone in its paragraph",
}

# What the register template (templates/docx/register.docx) may show.
REGISTER_VALUES: dict[str, str] = {
    "org.name": "the organization's name",
    "org.prefix": "its document-number prefix",
    "register.date": "the register's date: the latest approval or withdrawal",
    "register.released": "how many documents are in force and released (现行)",
    "register.drafts": "how many are drafts (草稿)",
    "register.withdrawn": "how many are withdrawn (作废)",
    "current": "the documents in force, by number: {%tr for d in current %}",
    "withdrawn": "the withdrawn documents: {%tr for d in withdrawn %}",
    "current[].index": "the row's number (序号)",
    "current[].number": "文件编号",
    "current[].title": "文件名称",
    "current[].version": "版本",
    "current[].department": "编制部门 (the document's, else its author's department)",
    "current[].author": "编制人",
    "current[].reviewer": "审核人",
    "current[].approver": "批准人",
    "current[].issued": "发布日期: the approval date of the version in force",
    "current[].state": "状态: 现行 or 草稿",
    "current[].withdrawn_on": "作废日期 (empty for documents in force)",
    "current[].reason": "作废原因 (empty for documents in force)",
}

# What prose may cite with {{ ... }}, for each name the resolver gives it.
PROSE_VALUES: dict[str, str] = {
    "doc": "this document: `.number`, `.title`, `.version`, `.kind`; alone, 《title》(number)",
    "docs": "the documents of the organization by number: `docs['YNTD-ITSS-0417'].title`",
    "org": "the organization: `.name`, `.prefix`",
    "kpi": "the document's KPIs by id: `.name`, `.formula`, `.target` (≥95%), "
           "`.target.quantity` (95%), `.target.number` (95), `.period`, `.owner`",
    "activity": "the document's activities by id: `.name`, `.responsible`, `.cooperating`, "
                "`.owner`, `.when`, `.frequency`",
    "processes": "the document's process groups by id, each a list of process names",
    "section": "sections with an id: `.number` (4.1.1., 第七条), `.title`, `.separator` "
               "(what stands between them: a space, or nothing after 一、); alone, all three",
    "table": "tables with an id: `.number` (表4-1, or the number its caption was written "
             "with), `.caption`, `.sum['column']` (the column's sum over the body rows); "
             "alone, the number",
}


def content_reference() -> str:
    """Return the reference of the content format as Markdown."""
    lines = ["# Content reference", "",
             "Every key a content file may hold, generated from docgen's schema "
             "(`docgen/content/schema.py`). [content-format.md](content-format.md) shows "
             "them at work. A key marked *required* must be given; every other key may be "
             "left out.", ""]
    for title, model, where in SECTIONS:
        lines += [f"## {title}", "", where, "", "| key | value | meaning |", "|---|---|---|"]
        for name, field in model.model_fields.items():
            required = " *required*" if field.is_required() else ""
            meaning = " ".join((field.description or "").split()).replace("|", "\\|")
            shown = describe(typing.Annotated[(field.annotation, *field.metadata)]
                             if field.metadata else field.annotation)
            lines.append(f"| `{name}`{required} | {shown} | {meaning} |")
        lines.append("")
    lines += ["## What a Word template may show", "",
              "Tags in `templates/docx/*.docx` (cover, signoff, revision table, headers, "
              "footers) may show these values:", "", "| value | meaning |", "|---|---|"]
    lines += [f"| `{{{{ {name} }}}}` | {meaning} |" for name, meaning in TEMPLATE_VALUES.items()]
    lines += ["", "The register template (`register.docx`) may show:", "",
              "| value | meaning |", "|---|---|"]
    lines += [f"| `{{{{ {name} }}}}` | {meaning} |" for name, meaning in REGISTER_VALUES.items()]
    lines += ["", "The rows of `withdrawn` have the same values as those of `current`.",
              "", "## What prose may cite", "",
              "Paragraphs, list items, table cells and captions may cite facts with "
              "`{{ ... }}`. Citing a fact the content does not state (a KPI without a "
              "formula, a table without a number) is an error at the citation, never an "
              "empty string.", "", "| name | gives |", "|---|---|"]
    lines += [f"| `{name}` | {meaning} |" for name, meaning in PROSE_VALUES.items()]
    return "\n".join(lines) + "\n"


_SCALARS: dict[Any, str] = {str: "text", int: "whole number", float: "number",
                            bool: "true or false", dt.date: "date (2025-01-07)",
                            Version: "version (V1.0)", Target: "KPI target (≥95%)"}


def describe(annotation: Any) -> str:
    """Return what a value of `annotation` looks like, in words."""
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin is typing.Annotated:
        if any(getattr(meta, "func", None) is parse_identifier for meta in arguments[1:]):
            return "id (letters, digits, _)"
        if any(getattr(meta, "func", None) is schema.heading_scheme_value
               for meta in arguments[1:]):
            return ("one of: " + ", ".join(f"`{name}`" for name in HEADING_SCHEMES)
                    + ", or the levels' example: `1. / 1.1 / 1.1.1 / 1.1.1.1`")
        return describe(arguments[0])
    if origin in (typing.Union, types.UnionType):
        members = [argument for argument in arguments if argument is not type(None)]
        return " or ".join(describe(member) for member in members)
    if origin is typing.Literal:
        return "one of: " + ", ".join(f"`{value}`" for value in arguments)
    if origin is list:
        return f"list of {describe(arguments[0])}"
    if origin is dict:
        return f"mapping of {describe(arguments[0])} to {describe(arguments[1])}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        title = next((title for title, model, _where in SECTIONS if model is annotation),
                     annotation.__name__)
        return f"{title} (below)"
    return _SCALARS.get(annotation, getattr(annotation, "__name__", str(annotation)))
