"""Only the project's content and output files are served, whatever the URL says."""

from __future__ import annotations

import os

import pytest

CRAFTED = [
    "/files/..%2f..%2fetc%2fpasswd",
    "/files/content/..%2f..%2f..%2fetc%2fpasswd",
    "/files/content/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/files/content/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
    "/files/content/..%5c..%5cetc%5cpasswd",
    "/files/content//etc/passwd",
    "/files/content/%2fetc%2fpasswd",
    "/files/output/%2fetc%2fpasswd",
    "/files/etc/passwd",
    "/files/content/yntd/org.yaml%00.yaml",
    "/static/..%2f..%2f..%2fapp.py",
    "/static/%2e%2e/app.py",
]


@pytest.mark.parametrize("url", CRAFTED)
def test_a_crafted_url_reads_nothing_outside_the_project(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "root:" not in response.text and "import" not in response.text


def test_a_link_out_of_the_content_is_refused(client, project, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n")
    os.symlink(secret, project.content / "yntd" / "linked.yaml")
    os.symlink(tmp_path, project.content / "yntd" / "outside")
    assert client.get("/files/content/yntd/linked.yaml").status_code == 404
    assert client.get("/files/content/yntd/outside/secret.yaml").status_code == 404


def test_content_files_and_built_documents_are_served(client, project):
    page = client.get("/files/content/yntd/org.yaml")
    assert page.status_code == 200 and "吴杰" in page.text
    client.get("/documents/YNTD-ITSS-0600/download/docx")
    [docx] = (project.output / "yntd").glob("*.docx")
    served = client.get(f"/files/output/yntd/{docx.name}")
    assert served.status_code == 200 and served.content == docx.read_bytes()


def test_only_the_kinds_of_file_the_dashboard_shows_are_served(client, project):
    (project.content / "yntd" / "notes.txt").write_text("private")
    assert client.get("/files/content/yntd/notes.txt").status_code == 404


def test_a_page_addressed_to_another_host_is_refused(project):
    from starlette.testclient import TestClient

    from docgen.serve.app import create_app

    app = create_app(project, pdf=False, allowed_hosts=["127.0.0.1", "localhost"])
    assert TestClient(app, base_url="http://127.0.0.1:8765").get("/").status_code == 200
    assert TestClient(app, base_url="http://attacker.example").get("/").status_code == 400
