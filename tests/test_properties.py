"""Property-based tests: arbitrary Unicode in every text field either builds into a
.docx that reopens with the same text, or is refused with a clear message.

Never a crash, never a file that does not reopen. On CI (CI set) each property runs
a thousand examples; locally a quicker profile runs.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from docgen.content.loader import LoadedDocument, OrganizationContent
from docgen.content.resolve import resolve_content
from docgen.content.schema import Document, Organization
from docgen.content.validation import validate
from docgen.content.yaml_source import parse_yaml
from docgen.control.yaml_edit import scalar
from docgen.errors import ContentError
from docgen.render.docx import TemplateSet, render_docx
from docgen.wordml.reader import read_docx
from tests.support.trees import ORG_YAML, TEMPLATES

TEMPLATE = TemplateSet(TEMPLATES).get("controlled-document")
JINJA_MARKERS = ("{{", "{%", "{#")
CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
PUNCTUATION = st.sampled_from(list("，。、；：“”‘’（）《》【】—…·！？ \t\n-:#&*!|>'\"%@`{}[],<>"))
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
    st.text(st.one_of(CHINESE, PUNCTUATION), min_size=1, max_size=60),
)
SNIPPETS = st.sampled_from(["{{ kpi.x.target }}", "{{ ''.__class__ }}", "{% include 'a' %}",
                            "{{", "}}", "{%", "{#", "{{ 9 ** 9 }}", "{{ doc.title }}",
                            "{{ config }}", "{{ 'x' * 99999999 }}", "&amp;", "<w:t>", "]]>"])
RISKY = st.lists(st.one_of(TEXT, SNIPPETS), min_size=1, max_size=4).map("".join)
FAST = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


def document_yaml(text: str) -> str:
    """Return a document with `text` in every text field that reaches the Word file."""
    value = scalar(text)
    return f"""\
number: DEMO-ITSS-0001
title: {value}
cover_title: {value}
kind: 计划
revisions:
  - version: V1.0
    author: 张三
    date: 2025-01-07
    reviewer: 李四
    review_date: 2025-01-08
    approver: 王五
    approve_date: 2025-01-09
    change: {value}
kpis:
  k:
    name: {value}
    formula: {value}
    target: ≥95%
activities:
  a:
    name: {value}
    measures: [{scalar(text, flow=True)}]
    responsible: [质量部]
sections:
  - title: {value}
    body:
      - p: {value}
      - bullets: [{scalar(text, flow=True)}]
      - numbered: [{scalar(text, flow=True)}]
      - table:
          caption: {value}
          header: [[甲, 乙]]
          rows:
            - [{scalar(text, flow=True)}, 丙]
      - kpi_table: [k]
      - activity_table: [a]
"""


ORGANIZATION = validate(Organization, parse_yaml(ORG_YAML, Path("content/demo/org.yaml")))


def build_in_memory(document_text: str) -> tuple[Document, bytes]:
    """Load, validate, resolve and render one document; return its model and .docx bytes."""
    path = Path("content/demo/DEMO-ITSS-0001.yaml")
    parsed = parse_yaml(document_text, path)
    model = validate(Document, parsed)
    content = OrganizationContent("demo", path.parent, ORGANIZATION,
                                  [LoadedDocument(path, model)])
    document = resolve_content([content]).documents[0]
    return model, render_docx(document, TEMPLATE)


def texts_of(data: bytes) -> tuple[list[str], list[str]]:
    """Return the paragraphs and the table cells of a .docx, reopened with python-docx."""
    read = read_docx(data)
    cells = [cell.text for table in read.tables for row in table.rows for cell in row]
    cells += [paragraph.text for table in read.tables for row in table.rows for cell in row
              for paragraph in cell.paragraphs]
    return [paragraph.text for paragraph in read.paragraphs], cells


@FAST
@given(TEXT.filter(lambda text: not any(marker in text for marker in JINJA_MARKERS)))
@example("运维服务能力管理计划 <草案> & 说明")
@example("  前后空格  ")
@example("第一行\n第二行\t制表")
@example("a\x0bb")
@example("")
def test_any_text_builds_and_reopens_with_the_same_text_or_is_refused_clearly(text):
    try:
        model, data = build_in_memory(document_yaml(text))
    except ContentError as error:
        # Refused: only for characters a Word file cannot hold, each named with its place.
        assert error.problems
        assert all(problem.location.line > 0 for problem in error.problems)
        assert all("illegal control character" in problem.message
                   for problem in error.problems)
        return
    shown = model.sections[0].title  # the text as docgen read it (ends trimmed)
    # A carriage return is a line break, as it is in the YAML file itself.
    assert shown.strip() == text.replace("\r\n", "\n").replace("\r", "\n").strip()
    read = read_docx(data)
    paragraphs, cells = texts_of(data)
    assert paragraphs[1] == model.cover_title  # the cover
    assert read.headings[0].text == shown
    body = paragraphs[paragraphs.index(read.headings[0].text, 4) + 1:]
    assert body[0] == shown  # the paragraph
    assert body[1:3] == [shown, shown]  # the bullet and the numbered item
    if shown:
        assert f"表1-1 {shown}" in body  # the caption
    assert shown in cells  # table cell, KPI name and formula, activity
    assert model.current.change in cells  # the revision row


@FAST
@given(RISKY)
@example("{{ ''.__class__.__mro__[1].__subclasses__() }}")
@example("{% for x in range(99999999) %}x{% endfor %}")
def test_any_text_with_template_syntax_builds_or_is_refused_but_never_crashes(text):
    try:
        _model, data = build_in_memory(document_yaml(text))
    except ContentError as error:
        assert error.problems and all(problem.message for problem in error.problems)
        return
    texts_of(data)  # the .docx reopens


@FAST
@given(TEXT)
@example("[unclosed")
@example("key: value: more")
@example("- a list\n- instead")
@example("&anchor x")
@example("!!python/object:os.system")
def test_any_text_written_into_yaml_unquoted_loads_or_is_refused_but_never_crashes(text):
    document = document_yaml("x").replace('title: x', f"title: {text}", 1)
    try:
        build_in_memory(document)
    except ContentError as error:
        assert error.problems
        assert all(problem.location.file == Path("content/demo/DEMO-ITSS-0001.yaml")
                   for problem in error.problems)
