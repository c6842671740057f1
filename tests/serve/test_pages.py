"""The pages: the set as the register lists it, a document with its findings and its
text as it prints, its history, and the KPIs side by side."""

from __future__ import annotations

import os
import re

import pytest
from starlette.testclient import TestClient

from docgen.catalogue.serve import NOT_FOUND
from docgen.messages import render
from docgen.pipeline import check_documents, load_document_set
from docgen.serve.app import create_app
from docgen.wordml.reader import read_docx
from tests.serve.conftest import text_of


def test_the_set_lists_every_document_with_version_state_date_and_findings(client, project):
    page = client.get("/")
    assert page.status_code == 200
    rows = re.findall(r"<tr class=\"state-(\w+)\">(.*?)</tr>", page.text, re.S)
    assert len(rows) == 3
    findings = check_documents(load_document_set(project)).findings
    for state, row in rows:
        cells = [text_of(cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        number = cells[0]
        errors = sum(f.document == number and f.severity == "error" for f in findings)
        warnings = sum(f.document == number and f.severity == "warning" for f in findings)
        assert state == "draft"
        assert cells[2:] == ["V1.0", "草稿", "2025.01.07", str(errors), str(warnings)]


def test_the_set_is_filtered_by_organization_state_and_rule(client, project):
    def listed(**filters):
        return re.findall(r'<td><a href="/documents/([^"]+)">', client.get("/", params=filters).text)

    assert listed(state="released") == []
    assert len(listed(state="draft")) == len(listed(organization="yntd")) == 3
    assert listed(organization="other") == []
    findings = check_documents(load_document_set(project)).findings
    for rule in {finding.rule for finding in findings}:
        assert listed(rule=rule) == sorted({f.document for f in findings if f.rule == rule} - {""})


def test_a_document_shows_each_finding_with_its_lines_and_hint(client, project):
    page = client.get("/documents/YNTD-ITSS-0303").text
    findings = check_documents(load_document_set(project), ["YNTD-ITSS-0303"]).findings
    assert page.count('<li class="finding') == len(findings)
    shown = text_of(page)
    lines = (project.content / "yntd" / "YNTD-ITSS-0303.yaml").read_text().splitlines()
    for finding in findings:
        assert finding.text in shown and finding.hint in shown
        assert f"YNTD-ITSS-0303.yaml:{finding.location.line}" in shown
        assert lines[finding.location.line - 1].strip() in shown


def test_a_document_shows_its_text_as_it_prints(client, project, tmp_path):
    from docgen.build import build

    page = client.get("/documents/YNTD-ITSS-0303").text
    build(project, ["YNTD-ITSS-0303"])
    [docx] = (project.output / "yntd").glob("YNTD-ITSS-0303*.docx")
    printed = read_docx(docx)
    article = text_of(page.split('<article class="page">')[1])
    for heading in printed.headings:
        assert f"{heading.label} {heading.text}" in article
    merged = [cell for table in printed.tables for row in table.rows for cell in row
              if cell.rows > 1]
    assert merged and page.count('rowspan="') == len(merged)


def test_the_history_lists_revisions_and_releases(client):
    page = text_of(client.get("/documents/YNTD-ITSS-0303/history").text)
    assert "V1.0 吴杰 2025.01.07" in page


def test_the_kpis_stand_side_by_side_and_disagreements_are_marked(client, project):
    page = client.get("/kpis").text
    heads = re.findall(r"<th><a href=\"/documents/([^\"]+)\">", page)
    documents = load_document_set(project).documents
    assert heads == [document.number for document in documents if document.model.kpis]
    for row in re.findall(r'<tr class="disagree">(.*?)</tr>', page, re.S):
        stated = {text_of(statement).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)
                  for statement in cell.split("<br>")}
        assert len(stated - {""}) > 1, row
    assert 'class="disagree"' in page


def test_an_unknown_document_is_not_found_with_the_known_numbers(client):
    page = client.get("/documents/YNTD-ITSS-9999")
    assert page.status_code == 404
    assert "YNTD-ITSS-0303" in text_of(page.text)


def test_a_missing_output_folder_is_made_when_a_docx_is_downloaded(client, project):
    assert not project.output.exists()
    download = client.get("/documents/YNTD-ITSS-0417/download/docx")
    assert download.status_code == 200
    assert read_docx(download.content).headings
    assert list((project.output / "yntd").glob("YNTD-ITSS-0417*.docx"))


def test_the_version_counts_the_loads(client):
    first = client.get("/api/version").json()["version"]
    client.app.state.dashboard.state.reload()
    assert client.get("/api/version").json()["version"] == first + 1


@pytest.mark.libreoffice
def test_the_pdf_is_made_when_it_is_downloaded(project):
    from starlette.testclient import TestClient

    from docgen.errors import LibreOfficeError
    from docgen.render.libreoffice import find_libreoffice
    from docgen.serve.app import create_app

    try:
        find_libreoffice()
    except LibreOfficeError as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PDF tests, but: {error.message}")
        pytest.skip(error.message)
    client = TestClient(create_app(project))
    assert "/download/pdf" in client.get("/documents/YNTD-ITSS-0600").text
    pdf = client.get("/documents/YNTD-ITSS-0600/download/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_dashboard_speaks_the_language_it_is_started_in(project):
    chinese = TestClient(create_app(project, pdf=False, language="zh"), follow_redirects=True)
    english = TestClient(create_app(project, pdf=False), follow_redirects=True)
    for path in ("/", "/documents/YNTD-ITSS-0303"):
        assert chinese.get(path).text != english.get(path).text
    finding = next(f for f in check_documents(load_document_set(project)).findings
                   if f.rule == "KPI-FORMULA-BORROWED")
    page = text_of(chinese.get("/documents/YNTD-ITSS-0303").text)
    assert render(finding.message, "zh")[0] in page
    assert render(finding.message)[0] not in page
    missing = chinese.get("/documents/NO-SUCH-9999")
    assert missing.status_code == 404
    assert "NO-SUCH-9999" in text_of(missing.text)
    assert render(NOT_FOUND(), "zh")[0] in text_of(chinese.get("/nowhere").text)
