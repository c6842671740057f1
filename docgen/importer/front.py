"""Read the pages before a Word document's numbered body: the cover (company, title,
number, version, department, who signed and when), the revision table, the table of
contents; say where the body starts and which bundled template fits the file.

A value read weakly (the title told by its look alone, the number taken from the page
header, a version such as 第2版 made V2.0, a revision row's signer taken from the cover)
is kept with a Guess at its place in the document's data.
"""

from __future__ import annotations

import datetime as dt
import re

from docgen.catalogue import import_files as said
from docgen.importer import cover as covers
from docgen.importer.cover import DATE_OF, KINDS, SIGNERS, Cover, read_cover, signer_name
from docgen.importer.front_values import (
    compact,
    company_in,
    find_date,
    find_number,
    normal_version,
    tidy,
)
from docgen.importer.model import FrontMatter, Guess, Origin, WordFile, WordParagraph, WordTable
from docgen.importer.revision_rows import first_issue, one_date
from docgen.importer.revisions import RevisionTable, is_revision_table, read_revisions
from docgen.importer.toc import find_toc

# Title endings that name a kind in other words: 管理办法 is a 制度.
KIND_SYNONYMS = {"办法": "制度", "细则": "制度", "规定": "制度", "守则": "制度", "准则": "制度",
                 "条例": "制度", "流程": "程序", "程序文件": "程序", "标准": "规范", "规程": "规范",
                 "要求": "规范", "说明书": "手册", "规划": "计划", "预案": "方案", "名录": "目录",
                 "一览表": "清单", "台账": "清单", "合同": "协议", "总结": "报告"}
# A heading of the body typed without Word's numbering: 1 目的, 1.2、范围, 第一章 总则, 一、目的.
_TYPED_HEADING = re.compile(r"^(第[一二三四五六七八九十百\d]+[章条节]"
                            r"|[一二三四五六七八九十]+[、．.]"
                            r"|\d{1,2}(?:[.．]\d{1,2})*[.、．]?[\s\u3000]*[^\d\s.．、%％])")
# The fields of the revision tables the bundled templates print, and the template.
_TEMPLATE_COLUMNS = (({"approve_date", "version", "change", "approver"},
                      "controlled-document-4col"),
                     ({"version", "date", "author", "reviewer", "approver", "change"},
                      "controlled-document-6col"))
_SIGNER_ROWS = ("author", "date", "reviewer", "review_date", "approver", "approve_date")


def read_front_matter(word: WordFile) -> FrontMatter:
    """Return what the pages before the numbered body of `word` say, and where it starts."""
    blocks = word.blocks
    toc = find_toc(blocks)
    anchor = toc.last if toc else -1
    first_heading = _first_heading(blocks, anchor + 1)
    revision_index = _revision_table_index(blocks, first_heading)
    if revision_index is not None and revision_index > anchor and (
            first_heading is None or revision_index < first_heading):
        anchor = revision_index
    body_start = _next_content(blocks, anchor + 1) if anchor >= 0 else (first_heading or 0)
    # The cover is what stands before the body but the TOC and the revision table: a
    # converter may put the TOC first and the cover's company and signers after it.
    toc_blocks = range(toc.first, toc.last + 1) if toc else range(0)
    front = FrontMatter(body_start=body_start)
    if toc:
        front.toc = toc.entries
        for number, position in enumerate(toc.positions):
            front.origins[("toc", number)] = Origin(paragraph=blocks[position].index,
                                                    words=toc.entries[number][1])
    cover = read_cover([block for index, block in enumerate(blocks[:body_start])
                        if index not in toc_blocks and index != revision_index])
    _cover_values(front, cover, word)
    table = read_revisions(blocks[revision_index]) if revision_index is not None else None
    _revisions(front, cover, table)
    front.template = _template(cover, table)
    return front


def _revision_table_index(blocks: list[WordParagraph | WordTable],
                          body: int | None) -> int | None:
    """Return the index of the revision table: the first table before the body (`body`)
    whose columns make one, or after it, one under a heading such as 修订记录."""
    heading = ""
    for index, block in enumerate(blocks):
        if isinstance(block, WordParagraph):
            if block.text.strip():
                heading = block.text if covers.is_front_heading(block.text) else ""
        elif (body is None or index < body or heading) and is_revision_table(block, heading):
            return index
    return None


def _starts_body(block: WordParagraph | WordTable) -> bool:
    if not isinstance(block, WordParagraph) or block.toc_entry or not block.text.strip():
        return False
    text = block.text.strip()
    if covers.is_front_heading(text) or find_date(text):
        return False
    if block.outline_level:
        return True
    return bool(_TYPED_HEADING.match(text)) and len(text) <= 40 and not text.endswith(
        ("。", "；", ";"))


def _first_heading(blocks: list[WordParagraph | WordTable], start: int) -> int | None:
    return next((index for index in range(start, len(blocks)) if _starts_body(blocks[index])),
                None)


def _next_content(blocks: list[WordParagraph | WordTable], start: int) -> int:
    """Return the first block from `start` with text, pictures or cells, front headings
    (目录, 修订记录) and empty paragraphs passed over."""
    for index in range(start, len(blocks)):
        block = blocks[index]
        if isinstance(block, WordTable):
            return index
        if (block.text.strip() or block.images) and not covers.is_front_heading(block.text):
            return index
    return len(blocks)


def _cover_values(front: FrontMatter, cover: Cover, word: WordFile) -> None:
    header = "\n".join(word.headers)
    company = covers.cover_company(cover)
    if company:
        front.company, front.origins[("company",)] = company
    else:
        found = next((company_in(part) for part in re.split(r"[\t\n]|\s{2,}", header)
                      if company_in(part)), None)
        if found:
            front.company = found
            front.guesses.append(Guess(("company",), said.GUESS_COMPANY_HEADER(company=found)))
    title = covers.cover_title(cover)
    if title:
        front.title, front.origins[("title",)], by_look = title
        if by_look:
            front.guesses.append(Guess(("title",), said.GUESS_TITLE()))
    number = covers.cover_number(cover)
    if number:
        front.number, front.origins[("number",)], weak = number
        if weak:
            front.guesses.append(Guess(("number",), said.GUESS_NUMBER_PATTERN(
                number=front.number)))
    elif find_number(header):
        front.number = find_number(header) or ""
        front.guesses.append(Guess(("number",), said.GUESS_NUMBER_HEADER()))
    version = covers.cover_version(cover)
    if version is None:
        match = re.search(r"(?<![A-Za-z0-9])[Vv]\d{1,3}\.\d{1,3}(?![\d.])", header)
        version = (f"V{match.group()[1:]}", match.group(), Origin()) if match else None
    if version:
        front.version = version[0]
        front.origins[("version",)] = version[2]
    _kind(front, covers.cover_kind_line(cover))
    department = cover.first("department")
    if department and not company_in(department.value):
        front.department = tidy(department.value)
        front.origins[("department",)] = department.origin
    for role in SIGNERS:
        fact = cover.first(role)
        name = signer_name(fact.value) if fact else ""
        if name:
            front.signers[role] = name
            front.origins[("signers", role)] = fact.origin


def _kind(front: FrontMatter, stated: str) -> None:
    if stated:
        front.kind = stated
        return
    title = compact(front.title)
    if not title:
        return
    kind = next((kind for kind in KINDS if title.endswith(kind)), "")
    if kind:
        front.kind = kind
        return
    front.kind = next((kind for ending, kind in KIND_SYNONYMS.items() if title.endswith(ending)),
                      "其他")
    front.guesses.append(Guess(("kind",), said.GUESS_KIND(kind=front.kind, title=front.title)))


def cover_dates(cover: Cover) -> tuple[dict[str, dt.date], bool]:
    """Return the date the cover gives each signer, and whether one date serves them all."""
    dates = {}
    for role in SIGNERS:
        found = cover.date(DATE_OF[role])
        if found:
            dates[role] = found[0]
    if dates:
        return dates, False
    shared = cover.date("date") or cover.date("effective") or cover.date("issued")
    return ({role: shared[0] for role in SIGNERS}, True) if shared else ({}, False)


def _revisions(front: FrontMatter, cover: Cover, table: RevisionTable | None) -> None:
    dates, shared = cover_dates(cover)
    from_cover: dict[str, object] = {}
    for role in SIGNERS:
        if role in front.signers:
            from_cover[role] = front.signers[role]
        if role in dates and (role in front.signers or not shared):
            from_cover[DATE_OF[role].replace("author_date", "date")] = dates[role]
    if table is None or not table.rows:
        if not front.version and not from_cover:
            return
        row: dict[str, object] = {"version": front.version} if front.version else {}
        row.update((key, from_cover[key]) for key in _SIGNER_ROWS if key in from_cover)
        front.revisions = [row]
        front.guesses.append(Guess(("revisions", 0), said.GUESS_ROW_FROM_COVER()))
        if shared:
            _shared_date_guesses(front, 0, row)
        current = 0
    else:
        front.revisions = table.rows
        for index, origin in enumerate(table.origins):
            front.origins[("revisions", index)] = origin
        for index, written in table.guessed_versions:
            front.guesses.append(Guess(("revisions", index, "version"), said.GUESS_VERSION(
                written=written, version=str(table.rows[index]["version"]))))
        if table.newest_first:
            front.guesses.append(Guess(("revisions",), said.GUESS_NEWEST_FIRST()))
        current = next((index for index, row in enumerate(table.rows)
                        if front.version and row.get("version") == front.version),
                       len(table.rows) - 1)
        row = table.rows[current]
        for key in _SIGNER_ROWS:
            if key not in row and key in from_cover:
                row[key] = from_cover[key]
                front.guesses.append(Guess(("revisions", current, key), said.GUESS_FROM_COVER(
                    value=_shown(from_cover[key]))))
        one_date(front, table.rows)
        _reorder(front.revisions)
    first_issue(front)
    if not front.version and front.revisions and front.revisions[-1].get("version"):
        front.version = str(front.revisions[-1]["version"])
    written = covers.cover_version(cover)
    said_already = any(guess.path == ("revisions", current, "version")
                       for guess in front.guesses)
    if (written and front.revisions and written[1].strip() and not said_already
            and _is_guessed_version(written[1])):
        front.guesses.append(Guess(("revisions", current, "version"), said.GUESS_VERSION(
            written=written[1].strip(), version=front.version)))


def _shared_date_guesses(front: FrontMatter, index: int, row: dict[str, object]) -> None:
    for key in ("date", "review_date", "approve_date"):
        if key in row:
            front.guesses.append(Guess(("revisions", index, key), said.GUESS_SHARED_DATE(
                date=row[key])))


def _is_guessed_version(written: str) -> bool:
    found = normal_version(written)
    return bool(found and found[1])


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _reorder(rows: list[dict[str, object]]) -> None:
    """Put each row's keys in the order content files write them."""
    order = ("version", "author", "date", "reviewer", "review_date", "approver", "approve_date",
             "change")
    for position, row in enumerate(rows):
        rows[position] = {key: row[key] for key in order if key in row} | {
            key: value for key, value in row.items() if key not in order}


def _template(cover: Cover, table: RevisionTable | None) -> str:
    """Return the bundled template whose cover and revision table fit the file ("" for the
    default): a ruled grid of particulars is the policy's, a 4- or 6-column 修订记录 the
    controlled document's variants."""
    grid_labels = {fact.name for fact in cover.facts if fact.alone}
    if "number" in grid_labels and grid_labels & {"version", "other", "department"}:
        return "policy"
    if table is not None:
        fields = set(table.columns) - {""}
        for columns, template in _TEMPLATE_COLUMNS:
            if fields == columns:
                return template
    return ""
