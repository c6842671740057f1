"""Every good file of the legacy corpus (tests/fixtures/legacy) comes back from import and
build with what its original shows: at least 99% of its text, every merged cell it has,
every heading line (number and title, as shown: 6.1 is not 6.1.), and no heading it does
not have; and `docgen check` on the Word file reports the stale TOC entries expected.json
lists, at the entry in the Word file."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.catalogue import checks_toc as toc_says
from docgen.catalogue import importing as where_says
from docgen.checks.toc import entry_title
from docgen.errors import WordLocation
from docgen.i18n import ENGLISH
from docgen.importer.word_check import check_word_files
from tests.support.round_trip import CORPUS, corpus_entries, round_trip

ENTRIES = corpus_entries()


@pytest.fixture(params=ENTRIES, ids=[entry["file"] for entry in ENTRIES])
def entry(request) -> dict:
    return request.param


def test_a_corpus_file_comes_back_whole(entry: dict, tmp_path: Path):
    result = round_trip(entry, tmp_path)
    assert result.coverage.ratio >= 0.99, result.coverage.missing
    dropped = {(span["text"], span["rows"], span["cols"]) for span in entry["spans_dropped"]}
    lost = [merge for merge in result.merges_missing
            if (merge["text"], merge["rows"], merge["cols"]) not in dropped]
    assert lost == []
    assert result.headings_missing == []
    assert result.headings_built == len(entry["headings"])


def test_checking_a_corpus_file_reports_its_stale_toc_entries_in_it(entry: dict):
    path = CORPUS / entry["file"]
    findings = [finding for finding in check_word_files([path], None, [], ENGLISH).findings
                if finding.rule == "STRUCT-TOC-MISMATCH"]
    expected = [toc_says.TOC_TITLE_DIFFERS(entry=difference["toc"],
                                           heading=entry_title(difference["heading"]))
                for difference in entry["toc_differences"]]
    assert [finding.message for finding in findings] == expected
    for finding, difference in zip(findings, entry["toc_differences"], strict=True):
        assert isinstance(finding.location, WordLocation)
        assert finding.location.file == path
        assert finding.location.where == where_says.IN_TOC_LINE(words=difference["toc"][:16])
