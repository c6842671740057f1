"""A house style is declared in org.yaml (and, key by key, in a document): each setting is
one line of YAML, validated at its line, and becomes the HouseStyle documents print in."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from docgen.content.loader import load_content
from docgen.content.resolve import resolve_content
from docgen.errors import ContentError
from docgen.messages import render
from docgen.style import DEFAULT_STYLE
from docgen.style_options import date_pattern, house_style
from docgen.wordml.reader import read_docx
from tests.support.running import run_docgen
from tests.support.trees import ORG_YAML, TEMPLATES, demo_project, document_yaml

DAY = dt.date(2025, 1, 7)
LATER = dt.date(2026, 11, 23)


@pytest.mark.parametrize(("example", "shown_later"), [
    ("2025.01.07", "2026.11.23"), ("2025.1.7", "2026.11.23"), ("2025. 1. 7", "2026. 11. 23"),
    ("2025年1月7日", "2026年11月23日"), ("2025-01-07", "2026-11-23"), ("2025/1/7", "2026/11/23"),
    ("7/1/2025", "23/11/2026")])
def test_a_date_format_is_written_as_7_january_2025_would_be(example, shown_later):
    style = house_style({"dates": date_pattern(example)})
    assert style.date(DAY) == example
    assert style.date(LATER) == shown_later


def test_a_date_with_leading_zeros_keeps_them_for_every_date():
    style = house_style({"dates": date_pattern("2025.01.07")})
    assert style.date(dt.date(2025, 3, 9)) == "2025.03.09"
    assert style.date(dt.date(2025, 3, 9)) == DEFAULT_STYLE.date(dt.date(2025, 3, 9))


@pytest.mark.parametrize("example", ["2024.1.7", "2025.1.8", "1月7日", "2025.13.7", "明天", ""])
def test_a_date_example_of_another_day_is_refused(example):
    assert date_pattern(example) is None


def test_no_style_is_the_default_style():
    assert house_style(None) is DEFAULT_STYLE
    assert house_style({}) is DEFAULT_STYLE


def _loaded(tmp_path: Path, style: str, document_extra: str = ""):
    demo_project(tmp_path, org=ORG_YAML + style,
                 documents={"DEMO-ITSS-0001.yaml": document_yaml(extra=document_extra)},
                 templates=False)
    return resolve_content(load_content(tmp_path / "content"))


def test_org_yaml_declares_the_house_style_and_a_document_overrides_it_key_by_key(tmp_path):
    document_set = _loaded(tmp_path, """\
style:
  headings: gbt9704
  numbered_lists: "1、"
  bullets: "■"
  captions: {numbering: document, position: below}
  dates: 2025年1月7日
""", document_extra="""\
style:
  headings: chapters
  captions: {position: above}
""")
    [organization] = document_set.organizations
    assert organization.style.heading_scheme == "gbt9704"
    assert organization.style.date(DAY) == "2025年1月7日"
    [document] = organization.documents
    style = document.style
    assert (style.heading_scheme, style.articles_run_on) == ("chapters", True)
    assert (style.list_format, style.bullet, style.date_format) == ("1、", "■", "%Y年%-m月%-d日")
    assert (style.captions_restart, style.captions_below) == (False, False)
    assert style.caption_number((3, 2)) == "表2"


def test_an_organization_without_a_style_prints_as_docgen_always_has(tmp_path):
    [organization] = _loaded(tmp_path, "").organizations
    assert organization.style == DEFAULT_STYLE
    assert organization.documents[0].template == "controlled-document"


@pytest.mark.parametrize(("style", "line", "said"), [
    ("style:\n  dates: 2025年1月8日\n", 17,
     "'2025年1月8日' is not 7 January 2025 written as a date"),
    ("style:\n  headings: 1.1\n", 17, "'1.1' is not a heading scheme"),
    ("style:\n  bullets: '*'\n", 17, "'*' is not allowed for 'bullets'"),
    ("style:\n  captions: {numbering: chapters}\n", 17,
     "'chapters' is not allowed for 'numbering'"),
    ("style:\n  heading: chapters\n", 17, "unknown key 'heading'"),
])
def test_a_style_setting_that_does_not_fit_is_reported_at_its_line(tmp_path, style, line, said):
    with pytest.raises(ContentError) as caught:
        _loaded(tmp_path, style)
    [problem] = caught.value.problems
    assert problem.location.line == line
    assert render(problem.what)[0] == said


HEADING_HINT = ('name one ("1.", "1", gbt9704, chapters), or write how your four heading '
                'levels look, each number with or without its final dot, from the top: '
                '"1. / 1.1 / 1.1.1 / 1.1.1.1" (the last form given counts for the levels '
                'below it)')


@pytest.mark.parametrize("written", [
    "1. / 1.1.1",            # a level left out
    "1.1 / 1.1.1",           # not from the top
    "1、 / 1.1",             # not a decimal label
    "1. / 1.1 / 1.1.1 / 1.1.1.1 / 1.1.1.1.1",  # five levels
    "一、 / （一）",          # gbt9704 is named, not written out
    "1.1.",
    "1. | 1.1",
])
def test_a_headings_value_that_is_no_scheme_is_refused_at_its_line_with_the_forms(
        tmp_path, written):
    with pytest.raises(ContentError) as caught:
        _loaded(tmp_path, f'style:\n  headings: "{written}"\n')
    [problem] = caught.value.problems
    assert problem.location.line == 17
    assert render(problem.what) == (f"'{written}' is not a heading scheme", HEADING_HINT)


@pytest.mark.parametrize(("written", "kept", "levels"), [
    ("1. / 1.1 / 1.1.1 / 1.1.1.1", "1. / 1.1 / 1.1.1 / 1.1.1.1",
     ("%1.", "%1.%2", "%1.%2.%3", "%1.%2.%3.%4")),
    ("1./1.1", "1. / 1.1", ("%1.", "%1.%2", "%1.%2.%3", "%1.%2.%3.%4")),
    ("1 / 1.1. / 1.1.1", "1 / 1.1. / 1.1.1", ("%1", "%1.%2.", "%1.%2.%3", "%1.%2.%3.%4")),
    ("1. / 1.1. / 1.1.1", "1. / 1.1. / 1.1.1", ("%1.", "%1.%2.", "%1.%2.%3", "%1.%2.%3.%4")),
    ("1", "1", ("%1", "%1.%2", "%1.%2.%3", "%1.%2.%3.%4")),
])
def test_a_decimal_scheme_is_written_as_its_levels_look_the_last_form_counting_below(
        tmp_path, written, kept, levels):
    [organization] = _loaded(tmp_path, f'style:\n  headings: "{written}"\n').organizations
    style = organization.style
    assert (style.heading_scheme, style.heading_levels) == (kept, levels)
    assert style.heading_formats == ("decimal",) * 4
    assert style.heading_labels([(6,), (6, 4), (6, 4, 1), (6, 4, 1, 2)]) == [
        level.replace("%1", "6").replace("%2", "4").replace("%3", "1").replace("%4", "2")
        for level in levels]


def _template_with_cover(company_line: str) -> bytes:
    """Return the bundled template with its cover's company line replaced."""
    with zipfile.ZipFile(TEMPLATES / "controlled-document.docx") as source:
        parts = {entry: source.read(entry) for entry in source.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"{{ org.name }}", company_line.encode(), 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry, data in parts.items():
            archive.writestr(entry, data)
    return buffer.getvalue()


def test_one_build_renders_each_organization_in_its_own_template_and_style(tmp_path):
    demo_project(tmp_path, org=ORG_YAML + "template: demo-cover\nstyle:\n  dates: 2025/1/7\n")
    other = (ORG_YAML.replace("示例科技有限公司", "另一咨询客户有限公司")
             .replace("DEMO", "ACME") + "style:\n  dates: 2025年1月7日\n")
    (tmp_path / "content" / "acme").mkdir()
    (tmp_path / "content" / "acme" / "org.yaml").write_text(other, encoding="utf-8")
    (tmp_path / "content" / "acme" / "ACME-ITSS-0001.yaml").write_text(
        document_yaml().replace("DEMO-", "ACME-"), encoding="utf-8")
    (tmp_path / "templates" / "docx" / "demo-cover.docx").write_bytes(
        _template_with_cover("DEMO封面 {{ org.name }}"))
    result = run_docgen(tmp_path, "build", "-q")
    assert result.code == 0, result.stderr
    demo, = (tmp_path / "output" / "demo").glob("*.docx")
    acme, = (tmp_path / "output" / "acme").glob("*.docx")
    demo_texts = [p.text for p in read_docx(demo.read_bytes()).paragraphs]
    acme_texts = [p.text for p in read_docx(acme.read_bytes()).paragraphs]
    assert "DEMO封面 示例科技有限公司" in demo_texts
    assert "另一咨询客户有限公司" in acme_texts and not any("封面" in t for t in acme_texts)
    demo_dates = [c.text for c in read_docx(demo.read_bytes()).tables[1].rows[2]]
    acme_dates = [c.text for c in read_docx(acme.read_bytes()).tables[1].rows[2]]
    assert demo_dates[2] == "2025/1/7" and acme_dates[2] == "2025年1月7日"


def test_a_missing_organization_template_is_reported_at_org_yaml(tmp_path):
    demo_project(tmp_path, org=ORG_YAML + "template: no-such\n")
    result = run_docgen(tmp_path, "build")
    assert result.code == 2
    assert "content/demo/org.yaml:16:11: error: there is no template 'no-such'" in result.stderr
