"""Release fingerprints: what a document says, and nothing of how the schema grows."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import Field

from docgen.content import schema
from docgen.content.fingerprint import content_fingerprint
from docgen.content.validation import validate
from docgen.content.yaml_source import parse_yaml, read_yaml_file
from tests.support.trees import REPO, document_yaml

# Recorded by docgen release before fingerprints ignored the schema's later fields: such
# records must keep matching the documents they were made from.
RECORDED = {
    "YNTD-ITSS-0303": "sha256:cca09f5ef96abbbb1edacfd3ddcbb6fd63d12aca1964418d11140e9108608300",
    "YNTD-ITSS-0417": "sha256:bc85314c6a8c884da2f1ec35b3385074fae9109f3398c2b40ffba461ecb86d6c",
    "YNTD-ITSS-0600": "sha256:a95c471390bc99f8446353180c0c0c29f29128a8b543f1ff529a897d8916fadc",
}


@pytest.mark.parametrize("number", sorted(RECORDED))
def test_fingerprints_recorded_earlier_still_match(number):
    parsed = read_yaml_file(REPO / "content" / "yntd" / f"{number}.yaml")
    assert content_fingerprint(validate(schema.Document, parsed)) == RECORDED[number]


# The schema as a later docgen might have it: optional fields added at every level.
class LaterKpi(schema.Kpi):
    category: str | None = None
    """A field this docgen does not have yet."""


class LaterSection(schema.Section):
    landscape: bool = False
    sections: list[LaterSection] = Field(default_factory=list)


class LaterDocument(schema.Document):
    house_style: str | None = None
    signers: list[str] = Field(default_factory=list)
    kpis: dict[str, LaterKpi] = Field(default_factory=dict)
    sections: list[LaterSection] = Field(min_length=1)


TEXT = document_yaml("""\
    - title: 目的
      body:
        - 为了规范运维服务。
      sections:
        - title: 范围
          body:
            - 适用于运维服务。
""", extra="""\
    kpis:
      sla: {name: SLA达成率, formula: 达成数/总数×100%, target: ≥95%, period: 年度}
""")


def fingerprint(model: type[schema.Document], text: str) -> str:
    return content_fingerprint(validate(model, parse_yaml(text, Path("DEMO-ITSS-0001.yaml"))))


def test_optional_fields_added_to_the_schema_change_no_fingerprint():
    assert fingerprint(LaterDocument, TEXT) == fingerprint(schema.Document, TEXT)


@pytest.mark.parametrize("edit", [
    ("kind: 计划", "kind: 计划\nhouse_style: gbt9704"),
    ("period: 年度}", "period: 年度, category: 人员}"),
    ("- title: 范围", "- title: 范围\n        landscape: true"),
])
def test_a_new_field_given_a_value_changes_the_fingerprint(edit):
    edited = TEXT.replace(*edit)
    assert edited != TEXT
    assert fingerprint(LaterDocument, edited) != fingerprint(LaterDocument, TEXT)


def test_what_the_document_says_still_counts():
    assert fingerprint(schema.Document, TEXT.replace("≥95%", "≥90%")) != \
        fingerprint(schema.Document, TEXT)
