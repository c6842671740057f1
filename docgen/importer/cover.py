"""Read a cover as people lay it out: centred lines, a borderless or ruled table, labels
and values in one cell (编制人：吴杰) or in neighbouring cells (编　　制 | 周敏), side by side
on a line with tabs, or labels in one row and values in the rows under them.

What the cover says is gathered as (field, value, origin) facts; the title, the company,
the number and the version are then chosen among the lines no label claims.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from docgen.content.schema import DOCUMENT_KINDS, OTHER_KIND
from docgen.importer.front_values import (
    compact,
    company_in,
    find_date,
    find_number,
    normal_version,
    tidy,
    without_date,
)
from docgen.importer.model import Origin, WordParagraph, WordTable

# Each field a cover may label, with the labels people write for it (longest first when
# matched, so that 编制部门 is not read as 编制 and 审批时间 not as 审批).
LABELS: dict[str, tuple[str, ...]] = {
    "number": ("文件编号", "文档编号", "文件代号", "文件代码", "文件号", "编号"),
    "title": ("文件名称", "文档名称", "文件标题"),
    "version": ("版本号", "版本", "版次", "修订版本", "当前版本"),
    "department": ("编制部门", "编写部门", "起草部门", "主编部门", "归口部门", "主管部门",
                   "责任部门", "发文部门", "编制单位", "起草单位", "编制科室"),
    "other": ("受控状态", "受控号", "分发号", "发放号", "密级", "保密级别", "文件状态",
              "文件类别", "文件类型", "页数", "生效状态", "修改状态", "持有人"),
    "author_date": ("编制时间", "编制日期", "拟制日期", "拟制时间", "起草日期", "起草时间",
                    "编写日期", "编写时间"),
    "review_date": ("审核时间", "审核日期", "校对日期", "校对时间", "审查日期"),
    "approve_date": ("审批时间", "审批日期", "批准时间", "批准日期", "签发日期", "核准日期"),
    "issued": ("发布日期", "发布时间", "颁布日期"),
    "effective": ("实施日期", "生效日期", "实施时间", "生效时间"),
    "date": ("日期", "时间"),
    "author": ("编制人", "编制者", "编制", "拟制人", "拟制", "起草人", "起草", "编写人", "编写",
               "拟稿人", "拟稿", "制定人"),
    "reviewer": ("审核人", "审核", "校对人", "校对", "审查人", "审查"),
    "approver": ("批准人", "批准", "审批人", "审批", "签发人", "签发", "核准人", "核准"),
}
SIGNERS = ("author", "reviewer", "approver")
DATE_OF = {"author": "author_date", "reviewer": "review_date", "approver": "approve_date"}
_FIELD_OF = {label: name for name, labels in LABELS.items() for label in labels}
_SPACES = r"[\s\u3000\u00a0]*"
# A label stands at the start of a line or after a space, and ends with a colon, a space
# or the end of the text: 编制部门 in "编制部门：质量部", not 审核 in "审核管理制度".
_LABEL = re.compile(
    r"(?:^|(?<=[\s\u3000\u00a0|｜]))(?P<label>"
    + "|".join(_SPACES.join(re.escape(char) for char in label)
               for label in sorted(_FIELD_OF, key=len, reverse=True))
    + r")" + _SPACES + r"(?:[:：]" + _SPACES + r"|(?=[\s\u3000\u00a0])|$)", re.MULTILINE)
# Words around a signer's name that are no part of it.
_SIGNATURE = re.compile(r"[（(]?(签字|签名|签章|盖章)[)）]?|[:：_＿]+")
# The kinds a title may end in: the schema's, but 其他.
KINDS = tuple(kind for kind in DOCUMENT_KINDS if kind != OTHER_KIND)


@dataclass
class Fact:
    """A value the cover gives for a field, and where."""

    name: str
    value: str
    origin: Origin
    label: str = ""
    alone: bool = False
    """Whether the label stands in a table cell of its own, its value in the next cell."""


@dataclass
class Cover:
    """What a cover says, field by field, and its lines no label claims."""

    facts: list[Fact] = field(default_factory=list)
    lines: list[tuple[WordParagraph, Origin]] = field(default_factory=list)

    def first(self, name: str) -> Fact | None:
        return next((fact for fact in self.facts if fact.name == name and fact.value), None)

    def date(self, name: str) -> tuple[dt.date, Fact] | None:
        for fact in self.facts:
            if fact.name == name:
                found = find_date(fact.value)
                if found:
                    return found, fact
        return None


def labelled(text: str, signer: str = "") -> list[tuple[str, str, str]]:
    """Return (field, label, value) for each label in `text`, the value running to the next
    label; a date label written after a signer's (or after `signer`'s, on the line before)
    is that signer's date."""
    matches = list(_LABEL.finditer(text))
    found = []
    last_signer = signer
    for position, match in enumerate(matches):
        end = matches[position + 1].start() if position + 1 < len(matches) else len(text)
        label = compact(match.group("label"))
        name = _FIELD_OF[label]
        if name in SIGNERS:
            last_signer = name
        elif name == "date" and last_signer:
            name = DATE_OF[last_signer]
        found.append((name, label, tidy(text[match.end():end])))
    return found


def label_only(text: str) -> tuple[str, str] | None:
    """Return (field, label) if `text` is a label alone (编　　制, 日期：), else None."""
    bare = compact(text).rstrip(":：")
    return (_FIELD_OF[bare], bare) if bare in _FIELD_OF else None


def read_cover(blocks: list[WordParagraph | WordTable]) -> Cover:
    """Return what the cover made of `blocks` says."""
    cover = Cover()
    signer = ""  # the one signer the line before named: 编制：张伟 / 日期：2024/3/5
    waiting: Fact | None = None  # a label that ended its line: 编　制： / 王磊 2024/3/5
    for block in blocks:
        if isinstance(block, WordTable):
            _read_table(block, cover)
            waiting = None
            continue
        origin = Origin(paragraph=block.index, words=tidy(block.text)[:30])
        found = labelled(block.text, signer)
        if waiting is not None and block.text.strip():
            if not found:  # the value stands on the line below its label
                waiting.value = tidy(block.text)
                waiting = None
                continue
            waiting = None
        for name, label, value in found:
            cover.facts.append(Fact(name, value, origin, label))
        if found and not found[-1][2]:
            waiting = cover.facts[-1]
        signers = [name for name, _label, _value in found if name in SIGNERS]
        if block.text.strip():
            signer = signers[0] if len(signers) == 1 and found[-1][0] in SIGNERS else ""
        if not found and block.text.strip():
            cover.lines.append((block, origin))
    _date_after_signer(cover)
    return cover


def _read_table(table: WordTable, cover: Cover) -> None:
    grid = {(cell.row, cell.column): cell for row in table.rows for cell in row}
    used: set[tuple[int, int]] = set()  # cells read as the value of a label
    for row in table.rows:
        signer = ""
        for position, cell in enumerate(row):
            origin = Origin(table=table.index, row=cell.row, words=tidy(cell.text)[:30])
            alone = label_only(cell.text)
            if alone:
                name, label = alone
                if name in SIGNERS:
                    signer = name
                elif name == "date" and signer:
                    name = DATE_OF[signer]
                beside = row[position + 1] if position + 1 < len(row) else None
                below = grid.get((cell.row + cell.rows, cell.column))
                value_cell = next((other for other in (beside, below) if other is not None
                                   and other.text.strip() and not label_only(other.text)
                                   and not labelled(other.text)), None)
                if value_cell is not None:
                    used.add((value_cell.row, value_cell.column))
                value = tidy(value_cell.text) if value_cell is not None else ""
                cover.facts.append(Fact(name, value, origin, label, alone=True))
                continue
            found = labelled(cell.text)
            for name, label, value in found:
                if name == "date" and signer:
                    name = DATE_OF[signer]
                signer = name if name in SIGNERS else signer
                cover.facts.append(Fact(name, value, origin, label))
            if found or (cell.row, cell.column) in used:
                continue
            for paragraph in cell.paragraphs:
                if paragraph.text.strip():
                    cover.lines.append((paragraph, origin))


def _date_after_signer(cover: Cover) -> None:
    """Split a date written after a signer's name (吴杰 2025.1.7) into the signer's date."""
    for fact in list(cover.facts):
        if fact.name in SIGNERS and find_date(fact.value):
            if not cover.date(DATE_OF[fact.name]):
                cover.facts.append(Fact(DATE_OF[fact.name], fact.value, fact.origin, fact.label))
            fact.value = without_date(fact.value)


def signer_name(value: str) -> str:
    """Return a signer's name as the cover writes it, without 签字 or blanks."""
    name = tidy(_SIGNATURE.sub(" ", without_date(value)))
    return "" if label_only(name) or len(name) > 20 else name


def cover_version(cover: Cover) -> tuple[str, str, Origin] | None:
    """Return the cover's version in docgen's form, as written, and where."""
    fact = cover.first("version")
    if fact and normal_version(fact.value):
        return normal_version(fact.value)[0], fact.value, fact.origin
    for paragraph, origin in cover.lines:
        match = re.search(r"(?<![A-Za-z0-9])[Vv]\s?\d{1,3}(?:\.\d{1,3})+(?![\d.])", paragraph.text)
        if match:
            return normal_version(match.group())[0], match.group(), origin
    return None


def cover_number(cover: Cover) -> tuple[str, Origin, bool] | None:
    """Return the cover's document number, where, and whether it is only a guess."""
    fact = cover.first("number")
    if fact and find_number(fact.value):
        return find_number(fact.value), fact.origin, False
    for paragraph, origin in cover.lines:
        found = find_number(paragraph.text)
        if found:
            alone = compact(paragraph.text).strip("()（）【】[]<>《》") == found
            return found, origin, not alone
    return None


def cover_company(cover: Cover) -> tuple[str, Origin] | None:
    """Return the company the cover names, and where."""
    for paragraph, origin in cover.lines:
        found = company_in(paragraph.text)
        if found:
            return found, origin
    fact = cover.first("department")
    if fact and company_in(fact.value):
        return company_in(fact.value), fact.origin
    return None


def is_title_line(text: str) -> bool:
    """Return whether a cover line can be the title: not a number, a version, a date, a
    company, a kind word alone or the heading of the revision table or the TOC."""
    bare = compact(text).strip("()（）【】[]《》")
    return bool(bare) and not (
        find_number(bare) == bare or normal_version(bare) or find_date(bare)
        or company_in(text) or bare in KINDS or is_front_heading(text)
        or re.fullmatch(r"[\d\W_]+", bare) or bare.startswith(("第", "共")) and "页" in bare)


def is_front_heading(text: str) -> bool:
    """Return whether `text` heads a revision table or a table of contents."""
    bare = compact(text)
    return bare in ("目录", "目次", "CONTENTS", "Contents") or any(
        word in bare for word in ("修订记录", "变更记录", "更改记录", "修改记录", "变更履历",
                                  "修订履历", "版本记录", "修订历史", "变更历史", "版本历史",
                                  "文件编制和变更"))


def cover_title(cover: Cover) -> tuple[str, Origin, bool] | None:
    """Return the cover's title, where, and whether it was told by its look alone."""
    fact = cover.first("title")
    if fact:
        return fact.value, fact.origin, False
    candidates = [(paragraph, origin) for paragraph, origin in cover.lines
                  if is_title_line(paragraph.text)]
    if not candidates:
        return None

    def prominence(item: tuple[WordParagraph, Origin]) -> tuple[float, ...]:
        paragraph = item[0]
        titled = "title" in paragraph.style.lower() or "标题" in paragraph.style
        return ((paragraph.size or 0) + 20 * titled + 4 * paragraph.bold
                + 2 * (paragraph.alignment == "center")
                + 3 * tidy(paragraph.text).endswith(KINDS), -len(paragraph.text) / 1000)

    paragraph, origin = max(candidates, key=prominence)
    sure = "title" in paragraph.style.lower() or tidy(paragraph.text).endswith(KINDS) \
        or "标题" in paragraph.style
    return tidy(paragraph.text), origin, not sure


def cover_kind_line(cover: Cover) -> str:
    """Return the kind a cover states on a line of its own (制度), or ""."""
    return next((compact(p.text) for p, _origin in cover.lines if compact(p.text) in KINDS), "")
