"""Schema errors name the place, say what is wrong, and suggest what was meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.content.schema import Document, Organization
from docgen.content.validation import validate
from docgen.content.yaml_source import parse_yaml
from docgen.errors import ContentError
from tests.support.trees import DOCUMENT_YAML, ORG_YAML, document_yaml


def errors(model, text: str) -> list[tuple[int, int, str, str]]:
    with pytest.raises(ContentError) as raised:
        validate(model, parse_yaml(text, Path("f.yaml")))
    return [(p.location.line, p.location.column, p.message, p.hint)
            for p in raised.value.problems]


def test_the_demo_document_is_valid():
    document = validate(Document, parse_yaml(DOCUMENT_YAML, Path("f.yaml")))
    assert document.number == "DEMO-ITSS-0001"
    assert str(document.current.version) == "V1.0"
    assert document.sections[0].body[0].p == "为了规范运维服务。"


def test_every_model_knows_where_it_was_written():
    document = validate(Document, parse_yaml(DOCUMENT_YAML, Path("f.yaml")))
    location = document.revisions[0].location("reviewer")
    assert (location.file, location.line, location.column) == (Path("f.yaml"), 9, 15)


def test_a_misspelt_nested_key_gets_a_suggestion():
    text = document_yaml("""\
        - titel: 目的
    """)
    assert errors(Document, text) == [
        (15, 5, "missing required key 'title'", "add 'title: ...' to this mapping"),
        (15, 5, "unknown key 'titel'", "did you mean 'title'?")]


def test_an_unknown_key_without_a_close_match_lists_the_allowed_ones():
    text = document_yaml("""\
        - title: 目的
          colour: red
    """)
    [(line, column, message, hint)] = errors(Document, text)
    assert (line, column, message) == (16, 5, "unknown key 'colour'")
    assert hint == "allowed keys here: title, id, process, body, sections, landscape"


def test_a_misspelt_block_kind_gets_a_suggestion():
    text = document_yaml("""\
        - title: 目的
          body:
            - bulets: [甲]
    """)
    [(line, column, message, hint)] = errors(Document, text)
    assert (line, column) == (17, 9)
    assert message.endswith("exactly one of: p, bullets, numbered, table, kpi_table, "
                            "activity_table; found: bulets")
    assert hint == "did you mean 'bullets'?"


def test_a_file_that_is_a_list_is_refused():
    assert errors(Document, "- number: X\n")[0][2] == \
        "the file must be a mapping of keys, found a list ('- ' lines)"


def test_an_empty_value_is_named():
    text = DOCUMENT_YAML.replace("title: 示例管理计划", "title:")
    assert errors(Document, text) == [(2, 1, "'title' is empty", "give 'title' a value")]


def test_a_value_outside_its_choices_lists_them():
    text = DOCUMENT_YAML.replace("kind: 计划", "kind: 计化")
    [(_line, _column, message, hint)] = errors(Document, text)
    assert message == "'计化' is not allowed for 'kind'"
    assert hint.startswith("use one of: '计划', '制度', '程序'")


def test_a_document_number_must_look_like_one():
    text = DOCUMENT_YAML.replace("number: DEMO-ITSS-0001", "number: ../../etc")
    assert errors(Document, text)[0][2:] == (
        "'../../etc' is not a document number",
        "write it as PREFIX-SERIES-NNNN, e.g. YNTD-ITSS-0303")


def test_a_kpi_id_must_be_usable_in_prose():
    text = document_yaml(extra="""\
        kpis:
          招聘率:
            name: 招聘计划完成率
            target: ≥95%
    """)
    [(line, column, message, hint)] = errors(Document, text)
    assert (line, column) == (15, 3)
    assert message.startswith("'招聘率' is not a valid id")
    assert hint == "rename the key"


def test_all_errors_of_a_file_are_reported_together():
    text = (DOCUMENT_YAML.replace("date: 2025-01-07", "date: 2025-01-32")
            .replace("version: V1.0", "version: first"))
    assert [message for _l, _c, message, _h in errors(Document, text)] == [
        "'first' is not a version",
        "'2025-01-32' is not a date that exists (2025-01 has no day 32)"]


def test_a_whole_number_field_refuses_other_text():
    text = document_yaml("""\
        - title: 目的
          body:
            - table:
                header: [[甲, 乙]]
                rows:
                  - [{text: 丙, rows: 两}, 丁]
    """)
    [(_l, _c, message, _h)] = errors(Document, text)
    assert message == "'rows' must be a whole number, found the text '两'"


def test_the_organization_schema_refuses_unknown_signing_roles():
    text = ORG_YAML.replace("signs: [author]", "signs: [writer]")
    [(line, _column, message, hint)] = errors(Organization, text)
    assert (line, message) == (11, "'writer' is not allowed for 'signs'")
    assert hint == "use one of: 'author', 'reviewer' or 'approver'"
