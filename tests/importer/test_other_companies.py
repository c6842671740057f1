"""Other companies' legacy controlled documents (tests/importer/other_companies.py: twelve
invented companies, each laying out its cover, revision table, TOC, headings, lists and
tables its own way) import into content that loads and builds, whose rebuild shows the
original's body text, heading lines and merged cells; `docgen check` reads them.

What docgen cannot express is asserted as the difference it makes, each with its reason:
the rebuilt cover and revision table are the template's (its wording, its columns, no
会签 or 受控 line), a version is written V2.0 however the original wrote it, a number
with a slash is written with a dash, and typed a) lists come back as a. lists.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import ContentError
from docgen.i18n import ENGLISH
from docgen.importer.into_project import import_into_project
from docgen.importer.word_check import check_word_files
from docgen.pipeline import load_document_set
from docgen.project import Project
from docgen.wordml.reader import read_docx
from scripts.legacy_corpus.expected import merged_cells, text_lines, unwrap_content_controls
from tests.importer.other_companies import COMPANIES, Company, make_document
from tests.support.round_trip import round_trip
from tests.support.trees import TEMPLATES

# A document whose revision table (版本 | 编制 | 批准, V2.0) does not say what changed.
MISSING_CHANGE = {"QC-ZD-005"}


@pytest.fixture(params=COMPANIES, ids=[company.number for company in COMPANIES])
def company(request) -> Company:
    return request.param


def as_shown(data: bytes) -> bytes:
    """Return the .docx `data` as Word shows it: content controls unwrapped (the reader
    reads an mc:AlternateContent shape once, as Word shows it)."""
    return unwrap_content_controls(data)


def body_lines(company: Company, data: bytes) -> list[str]:
    """Return the original's visible lines from its first heading on (the cover and the
    revision table are rebuilt by the template and checked as facts instead)."""
    lines = text_lines(read_docx(as_shown(data)))
    start = lines.index(company.headings_shown[0])
    body = lines[start:]
    if "letter" in company.lists:
        # Beyond docgen: numbered_lists offers a. but not a); the items come back as a. lists.
        body = [line.replace(") ", ". ", 1) if line[:2] in ("a)", "b)", "c)") else line
                for line in body]
    return body


def imported_number(company: Company) -> str:
    # Beyond docgen: a number names the content file, so SDIT/ZL-2024-03 is SDIT-ZL-2024-03.
    return company.number.replace("/", "-")


# A document whose import cannot build until its missing change is filled in is measured
# by the tests below, which assert that the import names what is missing.
COMPLETE = [company for company in COMPANIES if company.number not in MISSING_CHANGE]


@pytest.mark.parametrize("company", COMPLETE, ids=[company.number for company in COMPLETE])
def test_a_document_of_another_company_comes_back_whole(company: Company, tmp_path: Path):
    data = make_document(company)
    source = tmp_path / f"{imported_number(company)} {company.title}.docx"
    source.write_bytes(data)
    entry = {"file": str(source), "number": imported_number(company), "title": company.title,
             "company": company.company, "version": company.version,
             "headings": company.headings_shown, "lines": body_lines(company, data),
             "merged_cells": merged_cells(read_docx(data)), "spans_dropped": []}

    result = round_trip(entry, tmp_path / "rebuilt")

    assert result.coverage.ratio >= 0.99, result.coverage.missing
    assert result.headings_missing == []
    assert result.headings_built == len(company.headings_shown)
    revision_table = 1 if company.cover == "grid" else 0
    # Beyond docgen: the rebuilt revision table is the template's, so a merged two-row
    # header (版本 | 编制: 编制人 日期 | 批准: 批准人 日期) is not kept; every body merge is.
    assert [merge for merge in result.merges_missing
            if company.revisions != "merged" or merge["table"] != revision_table] == []


def test_the_cover_and_revision_facts_are_imported(company: Company, tmp_path: Path):
    source = tmp_path / "legacy.docx"
    source.write_bytes(make_document(company))
    project = Project(tmp_path / "content", TEMPLATES, tmp_path / "output")

    [written] = import_into_project(project, [source], language=ENGLISH).documents

    if company.number in MISSING_CHANGE:
        # The file says nothing of what its V2.0 changed: the import says where to fill it in.
        assert [(problem.what.code, problem.what.params) for problem in written.problems] == [
            ("schema.missing-key", {"key": "change"})]
        return
    assert written.problems == []
    [document] = [d for d in load_document_set(project).documents
                  if d.model.number == imported_number(company)]
    assert document.model.title == company.title
    author, reviewer, approver = company.signers
    current = document.model.revisions[-1]
    assert (current.author, current.reviewer, current.approver) == (author, reviewer, approver)
    assert current.approve_date.isoformat() == "2024-03-05"
    # Beyond docgen: versions are V-numbers; A/1 is read as V1.0 (guessed), 第2版 as V2.0.
    assert str(current.version).startswith("V")


def test_checking_the_word_file_reads_it(company: Company, tmp_path: Path):
    source = tmp_path / "legacy.docx"
    source.write_bytes(make_document(company))
    if company.number in MISSING_CHANGE:  # docgen's own error, naming what is missing
        with pytest.raises(ContentError) as raised:
            check_word_files([source], None, [], ENGLISH)
        assert [problem.what.params for problem in raised.value.problems] == [
            {"key": "change"}]
        return
    result = check_word_files([source], None, [], ENGLISH)
    assert all(finding.location.file == source for finding in result.findings
               if hasattr(finding.location, "file"))
