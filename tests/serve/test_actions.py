"""Actions: the same rules and refusals as the commands, under a CSRF token, one at a time."""

from __future__ import annotations

import threading

from docgen.pipeline import load_document_set
from tests.serve.conftest import text_of, token

NUMBER = "YNTD-ITSS-0417"
BUMP = {"level": "minor", "change": "修订KPI目标", "author": "吴杰", "reviewer": "赵建中",
        "approver": "陆涛", "date": "2025-03-01", "version": "V1.0"}


def version(project, number=NUMBER) -> str:
    [document] = [d for d in load_document_set(project).documents if d.number == number]
    return str(document.version)


def test_a_bump_adds_the_revision_row_and_the_page_shows_it(client, project):
    form = client.get(f"/documents/{NUMBER}").text
    page = client.post(f"/documents/{NUMBER}/bump", data={**BUMP, "csrf": token(form)})
    assert page.status_code == 200 and page.url.path == f"/documents/{NUMBER}"
    assert version(project) == "V1.1"
    assert f"{NUMBER}: V1.0 -> V1.1, a draft until released" in text_of(page.text)
    assert "V1.1" in text_of(page.text.split('<p class="meta">')[1].split("</p>")[0])


def test_a_refused_bump_says_why_as_the_cli_does_and_keeps_the_form(client, project, runner,
                                                                    in_folder):
    from docgen.cli import main

    form = client.get(f"/documents/{NUMBER}").text
    page = client.post(f"/documents/{NUMBER}/bump",
                       data={**BUMP, "approver": "吴杰", "csrf": token(form)})
    assert page.status_code == 409 and version(project) == "V1.0"
    in_folder(project.content.parent)
    cli = runner.invoke(main, ["bump", NUMBER, "--minor", "--change", "修订KPI目标",
                               "--author", "吴杰", "--reviewer", "赵建中", "--approver", "吴杰",
                               "--date", "2025-03-01", "--templates", str(project.templates)])
    assert cli.exit_code == 2
    for line in cli.stderr.splitlines():
        assert line.strip() in text_of(page.text)
    assert 'value="修订KPI目标"' in page.text


def test_an_action_without_the_token_is_refused(client, project):
    client.get("/")
    for token_sent in ("", "forged"):
        page = client.post(f"/documents/{NUMBER}/bump", data={**BUMP, "csrf": token_sent})
        assert page.status_code == 409
        assert "did not come from this dashboard" in page.text
    assert version(project) == "V1.0"


def test_the_token_must_come_with_its_cookie(client, project):
    sent = token(client.get("/").text)
    client.cookies.clear()
    page = client.post(f"/documents/{NUMBER}/bump", data={**BUMP, "csrf": sent})
    assert page.status_code == 409 and version(project) == "V1.0"


def test_a_form_shown_before_someone_else_bumped_is_refused(client, project):
    sent = token(client.get(f"/documents/{NUMBER}").text)
    client.post(f"/documents/{NUMBER}/bump", data={**BUMP, "csrf": sent})
    again = client.post(f"/documents/{NUMBER}/bump", data={**BUMP, "csrf": sent})
    assert again.status_code == 409
    assert f"{NUMBER} is at V1.1 now, not at V1.0" in text_of(again.text)
    assert version(project) == "V1.1"


def test_two_tabs_bumping_at_once_bump_once(client, project):
    sent = token(client.get(f"/documents/{NUMBER}").text)
    statuses = []

    def bump():
        statuses.append(client.post(f"/documents/{NUMBER}/bump",
                                    data={**BUMP, "csrf": sent}).status_code)

    tabs = [threading.Thread(target=bump) for _ in range(2)]
    for tab in tabs:
        tab.start()
    for tab in tabs:
        tab.join()
    assert sorted(statuses) == [200, 409]
    assert version(project) == "V1.1"


def test_release_is_refused_while_the_document_has_errors_unless_forced(client, project):
    sent = token(client.get(f"/documents/{NUMBER}").text)
    refused = client.post(f"/documents/{NUMBER}/release",
                          data={"csrf": sent, "version": "V1.0", "date": "2025-03-01"})
    assert refused.status_code == 409 and "nothing was released" in refused.text
    forced = client.post(f"/documents/{NUMBER}/release",
                         data={"csrf": sent, "version": "V1.0", "date": "2025-03-01",
                               "force": "on"})
    assert forced.status_code == 200
    assert f"released {NUMBER} V1.0 (forced despite errors)" in forced.text
    history = text_of(client.get(f"/documents/{NUMBER}/history").text)
    assert "V1.0 2025.03.01 yes" in history


def test_withdraw_moves_the_document_out_of_force(client, project):
    sent = token(client.get(f"/documents/{NUMBER}").text)
    empty = client.post(f"/documents/{NUMBER}/withdraw",
                        data={"csrf": sent, "version": "V1.0", "reason": " "})
    assert empty.status_code == 409
    done = client.post(f"/documents/{NUMBER}/withdraw",
                       data={"csrf": sent, "version": "V1.0", "reason": "由0418代替",
                             "date": "2025-04-01"})
    assert done.status_code == 200
    assert client.get("/", params={"state": "withdrawn"}).text.count(f">{NUMBER}<") == 1


def test_the_register_is_written(client, project):
    page = client.post("/actions/register", data={"csrf": token(client.get("/").text)})
    assert page.status_code == 200
    assert sorted(path.suffix for path in (project.output / "yntd").iterdir()) == [".docx",
                                                                                  ".xlsx"]


def test_read_only_shows_no_forms_and_refuses_actions(project):
    from starlette.testclient import TestClient

    from docgen.serve.app import create_app

    client = TestClient(create_app(project, pdf=False, read_only=True))
    page = client.get(f"/documents/{NUMBER}").text
    assert "<form method=\"post\"" not in page
    refused = client.post(f"/documents/{NUMBER}/bump", data={**BUMP, "csrf": "x"})
    assert refused.status_code == 409 and "--read-only" in refused.text
    assert version(project) == "V1.0"


def test_actions_are_refused_while_the_content_does_not_load(client, project):
    sent = token(client.get("/").text)
    (project.content / "yntd" / "YNTD-ITSS-0600.yaml").write_text("number: [\n")
    client.app.state.dashboard.state.reload()
    page = client.post(f"/documents/{NUMBER}/bump", data={**BUMP, "csrf": sent})
    assert page.status_code == 409 and "the content does not load" in page.text


def test_a_content_error_shows_as_the_cli_prints_it_and_the_last_set_stays(client, project,
                                                                           runner, in_folder):
    from docgen.cli import main

    (project.content / "yntd" / "YNTD-ITSS-0600.yaml").write_text("number: [\n")
    client.app.state.dashboard.state.reload()
    page = client.get("/")
    in_folder(project.content.parent)
    cli = runner.invoke(main, ["check"])
    assert cli.exit_code == 2
    shown = text_of(page.text)
    for line in cli.stderr.splitlines():
        assert " ".join(line.split()) in shown
    assert page.text.count("<tr class=") == 3
