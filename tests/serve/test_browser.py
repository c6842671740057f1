"""The dashboard in a real browser: Chromium, driven by Playwright, clicks through the
set, a document and a finding, bumps a version, and sees an edit show up by itself."""

from __future__ import annotations

import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serve.server import running_server

CHROMIUM = Path("/usr/bin/chromium")
ARGUMENTS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NUMBER = "YNTD-ITSS-0303"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and not shutil.which("chromium"),
    reason="Chromium is not installed (make system-deps installs it)")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGUMENTS)
        yield browser
        browser.close()


@pytest.fixture
def dashboard(project) -> Iterator[str]:
    """The address of `docgen serve` running on a copy of the bundled content."""
    with running_server(project) as (process, url):
        yield url
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=15)


@pytest.fixture
def page(browser, dashboard):
    context = browser.new_context(base_url=dashboard, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_click_through_the_set_a_document_and_a_finding(page):
    from playwright.sync_api import expect

    page.goto("/")
    expect(page.locator("#set-yntd tbody tr")).to_have_count(3)
    page.get_by_role("link", name=NUMBER).click()
    expect(page.locator("h1")).to_contain_text("运维服务能力管理计划")
    expect(page.locator("article.page h2").first).to_be_visible()
    expect(page.locator("article.page table td[rowspan]").first).to_be_visible()
    finding = page.locator("li.finding").first
    expect(finding.locator("pre.source .marked")).to_have_count(1)
    finding.locator("p.place a").click()
    expect(page.locator("body")).to_contain_text("number: YNTD-ITSS-0303")


def test_the_filter_keeps_the_documents_with_a_finding_of_the_rule(page, project):
    from playwright.sync_api import expect

    from docgen.pipeline import check_documents, load_document_set

    findings = check_documents(load_document_set(project)).findings
    having = sorted({f.document for f in findings if f.rule == "XREF-DOCUMENT-KIND"})
    page.goto("/")
    page.select_option("select[name=rule]", "XREF-DOCUMENT-KIND")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("#set-yntd tbody tr td:first-child")).to_have_text(having)


def test_a_bump_from_the_form(page, project):
    from playwright.sync_api import expect

    page.goto(f"/documents/{NUMBER}")
    page.locator("summary", has_text="Bump the version").click()
    form = page.locator("#bump-form")
    form.locator("input[name=change]").fill("修订KPI目标")
    form.locator("input[name=author]").fill("吴杰")
    form.locator("input[name=reviewer]").fill("赵建中")
    form.locator("input[name=approver]").fill("陆涛")
    form.locator("input[name=date]").fill("2025-03-01")
    form.get_by_role("button").click()
    expect(page.locator("#notice")).to_contain_text(f"{NUMBER}: V1.0 -> V1.1")
    expect(page.locator("p.meta")).to_contain_text("V1.1")
    assert "version: V1.1" in (project.content / "yntd" / f"{NUMBER}.yaml").read_text()


def test_a_refused_bump_shows_why(page):
    from playwright.sync_api import expect

    page.goto(f"/documents/{NUMBER}")
    page.locator("summary", has_text="Bump the version").click()
    form = page.locator("#bump-form")
    for name, value in (("change", "修订"), ("author", "吴杰"), ("reviewer", "赵建中"),
                        ("approver", "吴杰")):
        form.locator(f"input[name={name}]").fill(value)
    form.get_by_role("button").click()
    expect(page.locator("#refused")).to_contain_text("'吴杰' may not sign as")


def test_an_edit_shows_up_by_itself(page, project):
    from playwright.sync_api import expect

    page.goto(f"/documents/{NUMBER}")
    expect(page.locator("article.page")).to_be_visible()
    path = project.content / "yntd" / f"{NUMBER}.yaml"
    text = path.read_text()
    path.write_text(text.replace("title: 运维服务能力管理计划", "title: 运维服务能力管理计划（修订稿）"))
    expect(page.locator("h1")).to_contain_text("（修订稿）", timeout=5_000)
    path.write_text(text + "\nnot: [\n")
    expect(page.locator("#content-error")).to_contain_text("YAML syntax error", timeout=5_000)
    path.write_text(text)
    expect(page.locator("#content-error")).to_have_count(0, timeout=5_000)
