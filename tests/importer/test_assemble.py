"""One Word file as a document's data: what the stages found, put together once."""

from __future__ import annotations

from docgen.importer.assemble import import_document
from tests.importer.other_companies import COMPANIES, make_document


def test_a_kind_the_cover_had_to_guess_is_guessed_once(tmp_path):
    """运维服务能力策划 ends in no kind docgen knows: the front matter guesses 其他, and
    putting the document together does not guess it again."""
    [company] = [company for company in COMPANIES if company.title.endswith("策划")]
    source = tmp_path / "plan.docx"
    source.write_bytes(make_document(company))
    imported = import_document(source)
    assert imported.data["kind"] == "其他"
    assert [guess.path for guess in imported.guesses].count(("kind",)) == 1
