"""The content schema: what an organization file and a controlled-document file may say.

One declarative model per YAML mapping, each field with a short docstring. Unknown
keys are refused; shorthand forms (a plain string for a paragraph, a plain list for a
table row) are expanded before validation so every error names one clear place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
)

from docgen.catalogue import content as content_said
from docgen.catalogue import style as style_said
from docgen.content.values import (
    DateField,
    Flag,
    Identifier,
    InvalidValue,
    TargetField,
    VersionField,
)
from docgen.errors import Location
from docgen.style import KPI_FIELDS
from docgen.style_options import (
    BULLETS,
    CAPTION_NUMBERING,
    CAPTION_POSITIONS,
    DECIMAL_FORM_SEPARATOR,
    HEADING_SCHEMES,
    NUMBERED_LIST_FORMATS,
    date_pattern,
    heading_scheme,
)

SigningRole = Literal["author", "reviewer", "approver"]
# The roles as people read them. docgen.catalogue.checks.ROLES says them (meta.role.*);
# this copy stays for docgen.control.bump until its messages come from the catalogue.
SIGNING_ROLE_NAMES = {"author": "编制 (author)", "reviewer": "审核 (reviewer)",
                      "approver": "批准 (approver)"}
Period = Literal["周度", "月度", "季度", "半年", "年度"]
DOCUMENT_KINDS = ("计划", "制度", "程序", "规范", "目录", "手册", "协议", "指南", "清单", "报告",
                  "方案", "其他")
OTHER_KIND = "其他"
DocumentKind = Literal[DOCUMENT_KINDS]  # type: ignore[valid-type]
# A prefix (YNTD) and a document number (YNTD-ITSS-0303): capital letters and digits.
PREFIX_PATTERN = r"^[A-Z][A-Z0-9]*$"
NUMBER_PATTERN = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"
ListFormat = Literal[NUMBERED_LIST_FORMATS]  # type: ignore[valid-type]
BulletFormat = Literal[BULLETS]  # type: ignore[valid-type]
CaptionNumbering = Literal[tuple(CAPTION_NUMBERING)]  # type: ignore[valid-type]
CaptionPosition = Literal[CAPTION_POSITIONS]  # type: ignore[valid-type]
DEFAULT_TEMPLATE = "controlled-document"
ActivityKind = Literal["internal_audit", "management_review", "satisfaction_survey",
                       "quality_analysis", "other"]
DocumentRole = Literal["capability_plan", "quality_plan", "process_framework", "process_policy",
                       "service_catalogue", "sla", "other"]


class ContentModel(BaseModel):
    """Base of every schema model: unknown keys are errors; each model knows its source."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False,
                              use_attribute_docstrings=True)

    # Where each object was written lives in pydantic's private slot, set once by
    # validation.attach_sources (declaring private attributes would cost a copy per object).

    def location(self, *parts: str | int) -> Location:
        """Return where this object, or the value at `parts` inside it, was written."""
        private = self.__pydantic_private__ or {}
        if "_source" not in private:
            return Location(Path("<unknown>"))
        return private["_source"].locate(private["_path"] + parts)

    def locate_text(self, needle: str, *parts: str | int) -> Location:
        """Return where `needle` is written inside this object's text, or the value at
        `parts` inside it (where the text starts, if the file does not show it as written)."""
        private = self.__pydantic_private__ or {}
        if "_source" not in private:
            return Location(Path("<unknown>"))
        return private["_source"].locate_text(private["_path"] + parts, needle)


def _text_as(key: str):
    """Return a validator that expands a bare string into a mapping {key: string}."""

    def expand(value: Any) -> Any:
        return {key: value} if isinstance(value, str) or value is None else value

    return expand


# --- House style -----------------------------------------------------------------


def _date_example(value: str) -> str:
    """Return the date pattern of a date example (2025年1月7日 -> %Y年%-m月%-d日)."""
    pattern = date_pattern(value)
    if pattern is None:
        raise InvalidValue(style_said.NOT_A_DATE_EXAMPLE(value=value))
    return pattern


DateExample = Annotated[str, AfterValidator(_date_example)]


def heading_scheme_value(value: str) -> str:
    """Return a `headings:` value once it names a heading scheme ("1.", gbt9704) or writes
    one as the example of its levels ("1. / 1.1 / 1.1.1"), spaced as docgen writes it."""
    if heading_scheme(value) is None:
        raise InvalidValue(style_said.NOT_A_HEADING_SCHEME(
            value=value, names=[f'"{name}"' if name[:1].isdigit() else name
                                for name in HEADING_SCHEMES]))
    if value in HEADING_SCHEMES:
        return value
    return DECIMAL_FORM_SEPARATOR.join(form.strip() for form in value.split("/"))


HeadingSchemeValue = Annotated[str, AfterValidator(heading_scheme_value)]


def _kpi_column(value: str | dict[str, str]) -> str | dict[str, str]:
    """Return a KPI table's column as written, once it names one KPI field."""
    if isinstance(value, dict) and len(value) != 1:
        raise InvalidValue(content_said.KPI_COLUMN_FORM())
    field = value if isinstance(value, str) else next(iter(value))
    if field not in KPI_FIELDS:
        raise InvalidValue(content_said.NO_KPI_COLUMN(name=field, known=list(KPI_FIELDS)))
    return value


KpiColumn = Annotated[str | dict[str, str], AfterValidator(_kpi_column)]


class CaptionStyle(ContentModel):
    numbering: CaptionNumbering | None = None
    """chapter: 表3-1, counted afresh in each chapter (the default); document: 表1, 表2, …
    through the document; none: a title only (人员配置表), no number."""
    position: CaptionPosition | None = None
    """above the table (the default) or below it."""


class StyleSettings(ContentModel):
    headings: HeadingSchemeValue | None = None
    """How headings are numbered, by Word's own multilevel numbering: "1." gives 1. / 1.1.
    / 1.1.1.; "1" gives 1 / 1.1 / 1.1.1; gbt9704 gives 一、 / （一） / 1. / （1）; chapters
    gives 第一章 / 第一条, the articles numbered on through the chapters. A decimal scheme
    whose levels differ in the final dot is written as its levels look, from the top: "1. /
    1.1 / 1.1.1" gives 1. for chapters and 1.1, 1.1.1, 1.1.1.1 below (the last form given
    counts for the deeper levels). Not given: the template's own heading numbering (1. /
    1.1. in the bundled one)."""
    numbered_lists: ListFormat | None = None
    """How numbered lists are labelled when a list does not say: "1." "1、" "(1)" "（1）"
    "1)" "①" "a." (quote the value)."""
    bullets: BulletFormat | None = None
    """The bullet of bulleted lists when a list does not say: "•" (the template's) "➤"
    "■" "-"."""
    captions: CaptionStyle | None = None
    """How tables are captioned: {numbering: chapter, position: above}."""
    dates: DateExample | None = None
    """How dates are written everywhere (cover, signoff, revision table, register), shown as
    7 January 2025 would be: 2025.01.07 (the default), 2025.1.7, 2025. 1. 7, 2025年1月7日,
    2025-01-07, 2025/1/7."""
    kpi_columns: list[KpiColumn] | None = None
    """The columns of a kpi_table that names none, as its `columns:` would: [number,
    category, name, {formula: 计算公式}, target, period, owner]. Not given: 指标名称 / 计算方式
    / 目标值 / 考核周期."""


# --- Organization ----------------------------------------------------------------


class Department(ContentModel):
    name: str
    """The department's name as documents write it: 运维部, 质量部."""
    units: list[str] = Field(default_factory=list)
    """Functions that belong to it and that documents may name as owners: 服务台, PMO."""


class Person(ContentModel):
    name: str
    """Full name as it appears on covers and in revision rows."""
    department: str | None = None
    """The department the person belongs to (must be one of the organization's)."""
    title: str | None = None
    """Job title or role: 总经理, 质量部经理."""
    signs: list[SigningRole] = Field(default_factory=list)
    """The signoff roles this person may take: author (编制), reviewer (审核), approver (批准)."""


class KnownDocument(ContentModel):
    title: str
    """Title as documents cite it inside 《》."""
    number: str | None = None
    """Its document number, when it has one."""
    kind: Literal["document", "standard", "record", "planned"] = "document"
    """document: kept outside this content; standard: a national or group standard;
    record: a form or report produced by a process; planned: to be written this year."""


class Signoff(ContentModel):
    required: list[SigningRole] = Field(default_factory=lambda: ["author", "reviewer",
                                                                 "approver"])
    """The roles every revision row must name, with their dates: author (编制), reviewer
    (审核), approver (批准). Not given: all three. The approver and approve_date are
    always required; a row may leave out a role that is not required."""


class Organization(ContentModel):
    name: str
    """Registered company name, printed on covers and headers: 云南腾电科技有限公司."""
    prefix: str = Field(pattern=PREFIX_PATTERN)
    """Document-number prefix: YNTD for numbers such as YNTD-ITSS-0303."""
    departments: list[Department]
    """Every department that may appear as an owner, a responsible or cooperating unit."""
    roles: list[str] = Field(default_factory=list)
    """Positions that documents name as owners: 总经理, 管理者代表, 运维部经理."""
    people: list[Person]
    """Everyone who signs documents, with the roles they may sign in."""
    known_documents: list[KnownDocument] = Field(default_factory=list)
    """Documents and standards cited in 《》 that are not kept in this content tree."""
    template: str | None = None
    """The Word template its documents are rendered with (in the templates folder, without
    .docx); a document's own `template` overrides it. Not given: controlled-document."""
    style: StyleSettings | None = None
    """The house style of its documents: how headings, lists and tables are numbered and
    dates written. A document's own `style` overrides it key by key."""
    signoff: Signoff = Field(default_factory=Signoff)
    """Which roles sign its documents: {required: [approver]} lets revision rows name
    only the approver; the cover and revision table show the others blank."""


# --- Facts: KPIs, activities, processes ----------------------------------------------


class Kpi(ContentModel):
    name: str
    """The indicator's name: 招聘计划完成率, 客户满意度."""
    formula: str | None = None
    """How it is computed (计算方式): 实际招聘人数/计划招聘人数×100%."""
    target: TargetField
    """Target with comparator and unit (目标值): ≥95%, ≤1次, ≥95分, 100%."""
    period: Period | None = None
    """Assessment period (考核周期): 月度, 季度, 半年 or 年度."""
    owner: str | None = None
    """Department or role accountable for it."""
    category: str | None = None
    """The domain it belongs to (指标域): 服务质量, 人员管理. A kpi_table showing the category
    column merges the cells of consecutive KPIs of one category."""


class Activity(ContentModel):
    name: str
    """What is done (工作项目): 内审, 管理评审, 客户满意度调查."""
    kind: ActivityKind = "other"
    """Which recurring activity this is, so documents can be compared: internal_audit,
    management_review, satisfaction_survey, quality_analysis, other."""
    measures: Annotated[list[str], BeforeValidator(lambda v: [v] if isinstance(v, str) else v)] \
        = Field(default_factory=list)
    """Measures and requirements (措施及要求); several are numbered 1. 2. 3."""
    responsible: list[str] = Field(default_factory=list)
    """Responsible departments (责任部门)."""
    cooperating: list[str] = Field(default_factory=list)
    """Cooperating departments (配合部门); 各有关部门 means all concerned."""
    owner: str | None = None
    """The role or person in charge (负责人)."""
    when: str | None = None
    """Planned date as the plan words it (计划实施日期): 2025年10月, 全年."""
    frequency: str | None = None
    """How often it happens: 每年至少一次."""
    number: int | None = None
    """The number printed in the plan's 编号 column, when imported content carries one."""


class ProcessGroup(ContentModel):
    id: Identifier
    """How prose and tables refer to the group: {{ processes.core }}."""
    name: str
    """The group's name: 核心过程, 支撑过程, 管理过程."""
    processes: list[str]
    """The processes of the group, in the framework's order."""
    kind: Literal["service", "management"] = "service"
    """service: processes that deliver the service, which the capability plan must plan
    for; management: the framework's own processes (planning, monitoring, review)."""


# --- Body blocks -----------------------------------------------------------------


class ListItem(ContentModel):
    text: str
    """The item's text; numbers and bullets are added when rendering."""
    number: int | None = Field(default=None, ge=1)
    """Only for imported content: the number the original printed here, when it does not
    follow on from the previous item. The renderer restarts the count at it."""


Item = Annotated[ListItem, BeforeValidator(_text_as("text"))]


class Cell(ContentModel):
    text: str | None = None
    """The cell's text; may interpolate facts."""
    paragraphs: list[str] = Field(default_factory=list)
    """Several paragraphs instead of one text."""
    bullets: list[str] = Field(default_factory=list)
    """A bulleted list inside the cell (after the text, if any)."""
    numbered: list[str] = Field(default_factory=list)
    """A numbered list inside the cell."""
    rows: int = Field(default=1, ge=1)
    """How many rows the cell spans downwards (merged vertically)."""
    cols: int = Field(default=1, ge=1)
    """How many columns the cell spans to the right (merged horizontally)."""
    sum: Flag = False
    """In a total row: show the computed sum of this column instead of a stated figure."""


CellInput = Annotated[Cell, BeforeValidator(_text_as("text"))]


class Row(ContentModel):
    cells: list[CellInput]
    """The row's cells, left to right, leaving out positions covered by merged cells above."""
    total: list[str] = Field(default_factory=list)
    """Marks a total row (合计, 总计): the columns (header text) whose cells state the sum
    of all body rows above."""
    subtotal: list[str] = Field(default_factory=list)
    """Marks a subtotal row (小计): the columns whose cells state the sum of the rows since
    the previous subtotal or total."""


RowInput = Annotated[Row, BeforeValidator(lambda v: {"cells": v} if isinstance(v, list) else v)]


class Table(ContentModel):
    id: Identifier | None = None
    """How prose refers to the table: {{ table.recruitment.sum['计划人数'] }}."""
    caption: str | None = None
    """Caption shown above the table (or below, as the house style says); the renderer
    numbers it (表4-1)."""
    number: int | None = Field(default=None, ge=1)
    """Only for imported content: the number the original printed on this caption where it
    breaks the sequence (5 for 表3-5 after 表3-2, or for 表5). The caption shows it,
    {{ table.<id>.number }} gives it, and the tables after it count on from it."""
    header: list[RowInput] = Field(min_length=1)
    """Header rows, repeated on every page the table spans."""
    rows: list[RowInput] = Field(default_factory=list)
    """Body rows, then total rows."""
    number_rows: Literal["1.", "1"] | None = None
    """Fill the first column of each body row with its number: "1." gives 1. 2. 3., "1"
    gives 1 2 3 (quote the value)."""
    widths: list[Annotated[float, Field(gt=0)]] | None = None
    """Relative column widths; by default they follow the text."""
    details: Identifier | None = None
    """The process group whose processes this table's first column details."""
    landscape: bool = False
    """Put the table (with its caption) on landscape pages of its own, as wide as they are."""


class Paragraph(ContentModel):
    p: str
    """A paragraph of prose; {{ ... }} interpolates facts."""


class BulletList(ContentModel):
    bullets: list[Item] = Field(min_length=1)
    """The list's items."""
    format: BulletFormat | None = None
    """The bullet: "•" "➤" "■" "-"; not given: the house style's."""


class NumberedList(ContentModel):
    numbered: list[Item] = Field(min_length=1)
    """The list's items; numbered 1. 2. 3. from 1 in each new list."""
    format: ListFormat = "1."
    """How the numbers look: "1." "1、" "(1)" "（1）" "1)" "①" "a."; not given: the house
    style's (1. by default)."""


class TableBlock(ContentModel):
    table: Table
    """A table with header rows, body rows, merged cells and totals."""


class KpiTable(ContentModel):
    kpi_table: list[Identifier] = Field(min_length=1)
    """The KPIs (by id) to show, by default as 指标名称 / 计算方式 / 目标值 / 考核周期."""
    columns: list[KpiColumn] | None = None
    """The columns to show, in order, each a KPI field: number (序号, 1, 2, 3 per row),
    category (指标域), name (指标名称), formula (计算方式), target (目标值), period (考核周期),
    owner (负责人); written `formula: 计算公式` it has that header word instead."""
    widths: list[float] | None = None
    """Relative widths of the columns, one per column."""
    caption: str | None = None
    """Caption above the table (or below, as the house style says)."""
    number: int | None = Field(default=None, ge=1)
    """Only for imported content: the number the original printed on this caption where it
    breaks the sequence (5 for 表3-5 after 表3-2, or for 表5). The caption shows it,
    {{ table.<id>.number }} gives it, and the tables after it count on from it."""


class ActivityTable(ContentModel):
    activity_table: list[Identifier] = Field(min_length=1)
    """The activities (by id) to show as 编号 / 工作项目 / 措施及要求 / 责任部门 / 配合部门 /
    负责人 / 计划实施日期."""
    caption: str | None = None
    """Caption above the table (or below, as the house style says)."""
    number: int | None = Field(default=None, ge=1)
    """Only for imported content: the number the original printed on this caption where it
    breaks the sequence (5 for 表3-5 after 表3-2, or for 表5). The caption shows it,
    {{ table.<id>.number }} gives it, and the tables after it count on from it."""


BLOCK_KEYS = {
    "p": "Paragraph", "bullets": "BulletList", "numbered": "NumberedList",
    "table": "TableBlock", "kpi_table": "KpiTable", "activity_table": "ActivityTable",
}


def _block_tag(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return type(value).__name__
    if isinstance(value, dict):
        tags = [BLOCK_KEYS[key] for key in value if key in BLOCK_KEYS]
        return tags[0] if len(tags) == 1 else None
    return None


Block = Annotated[
    Annotated[Paragraph, Tag("Paragraph")]
    | Annotated[BulletList, Tag("BulletList")]
    | Annotated[NumberedList, Tag("NumberedList")]
    | Annotated[TableBlock, Tag("TableBlock")]
    | Annotated[KpiTable, Tag("KpiTable")]
    | Annotated[ActivityTable, Tag("ActivityTable")],
    Discriminator(
        _block_tag,
        custom_error_type="block_kind",
        custom_error_message="a body item must be text, or a mapping with exactly one of: "
                             + ", ".join(BLOCK_KEYS),
    ),
    BeforeValidator(_text_as("p")),
]


class Section(ContentModel):
    title: str
    """The heading, without its number: 人员招聘计划 (the renderer writes 4.1.1.)."""
    id: Identifier | None = None
    """How prose refers to the section: {{ section.recruitment.number }}."""
    process: str | None = None
    """The framework process this section plans for, named as the framework names it."""
    body: list[Block] = Field(default_factory=list)
    """Paragraphs, lists and tables, in order."""
    sections: list[Section] = Field(default_factory=list)
    """Subsections (at most four heading levels in all)."""
    landscape: bool = False
    """Put the section, its heading and subsections on landscape pages of their own."""


# --- Document --------------------------------------------------------------------


class Revision(ContentModel):
    version: VersionField
    """The version this row releases: V1.0, V1.1, V2.0."""
    author: str | None = None
    """Who wrote or changed it (编制/更改 作者); may be left out when org.yaml's signoff
    does not require the author."""
    date: DateField
    """When it was written (编制/更改 日期); every row has it, also when the author is
    left out."""
    reviewer: str | None = None
    """Who reviewed it (发布 审核); may be left out when org.yaml's signoff does not
    require the reviewer."""
    review_date: DateField | None = None
    """When it was reviewed; left out with the reviewer."""
    approver: str
    """Who approved it (实施 批准)."""
    approve_date: DateField
    """When it was approved; the version takes effect on this date."""
    change: str
    """What changed (更改记录): 首次发布, 修订KPI目标."""


class Document(ContentModel):
    number: str = Field(pattern=NUMBER_PATTERN)
    """The controlled-document number: YNTD-ITSS-0303."""
    title: str
    """The document's title as the register lists it."""
    cover_title: str | None = None
    """The title on the cover when it differs from the register title."""
    kind: DocumentKind
    """What kind of document it is: 计划, 制度, 程序, 规范, 目录, 手册, ..."""
    role: DocumentRole = "other"
    """Its part in the set: capability_plan (运维服务能力管理计划), quality_plan,
    process_framework, process_policy, service_catalogue, sla, other."""
    department: str | None = None
    """The department that drafts and maintains it (编制部门)."""
    template: str = DEFAULT_TEMPLATE
    """The Word template (in the templates folder, without .docx) it is rendered with; not
    given: the organization's (org.yaml `template`), else controlled-document."""
    style: StyleSettings | None = None
    """This document's own house style, key by key over the organization's:
    {headings: chapters}."""
    status: Literal["current", "withdrawn"] = "current"
    """current, or withdrawn (作废): no longer built, listed in the 作废文件清单."""
    withdrawn_on: DateField | None = None
    """When it was withdrawn."""
    withdrawn_reason: str | None = None
    """Why it was withdrawn (作废原因)."""
    revisions: list[Revision] = Field(min_length=1)
    """The revision history (文件编制和变更履历), oldest first; the last row is current."""
    kpis: dict[Identifier, Kpi] = Field(default_factory=dict)
    """Every KPI the document states, by id; prose cites them as {{ kpi.<id>.target }}."""
    activities: dict[Identifier, Activity] = Field(default_factory=dict)
    """Planned activities, by id; prose cites them as {{ activity.<id>.owner }}."""
    processes: list[ProcessGroup] = Field(default_factory=list)
    """Only in a process framework: the process groups it defines."""
    sections: list[Section] = Field(min_length=1)
    """The numbered body of the document."""
    toc: list[str] = Field(default_factory=list)
    """Only for imported content: the table of contents the original printed, each entry
    as it showed it (4.1 人才招聘计划), without page numbers. docgen writes its own TOC;
    STRUCT-TOC-MISMATCH reports entries that differ from the headings."""

    @property
    def current(self) -> Revision:
        """The revision row that states the current version."""
        return self.revisions[-1]


# --- Release records ---------------------------------------------------------------


class ReleaseRecord(ContentModel):
    version: VersionField
    """The version that was released."""
    released_on: DateField
    """When it was released."""
    fingerprint: str = Field(pattern=r"^sha256:[0-9a-f]{64}$")
    """A hash of the document's content as it was released."""
    forced: Flag = False
    """True when it was released with --force despite errors found by the checks."""


class Releases(ContentModel):
    releases: list[ReleaseRecord] = Field(default_factory=list)
    """Every release of the document, oldest first (written by docgen release)."""
