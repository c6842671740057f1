"""docgen new: a new organization starts as a working set in a preset house style.

Right after `docgen new`, build and check --strict succeed without a finding, and the
built document shows the preset's heading labels, dates and revision table. A name,
prefix or folder that cannot be used is refused before anything is written.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from docgen.content.loader import load_content
from docgen.content.schema import Document, Organization
from docgen.content.validation import validate
from docgen.content.yaml_source import parse_yaml
from docgen.errors import UsageError
from docgen.project import Project
from docgen.scaffold import PLACEHOLDER_PEOPLE, PRESETS
from docgen.scaffold.new import new_organization, scaffold_texts
from docgen.wordml.reader import read_docx
from tests.support.revision_tables import REVISION_HEADERS, header_words, revision_table
from tests.support.running import run_docgen
from tests.support.trees import ORG_YAML, TEMPLATES, demo_project, snapshot, write_tree

NAME = "艾克姆信息技术有限公司"
# What each preset gives: its template, the labels of the first document's first
# headings, the label of its numbered lists, and how it writes a date.
EXPECTED = {
    "itss": ("controlled-document", ["1.", "2.", "3.", "3.1.", "3.2.", "4."], "1.",
             lambda d: f"{d:%Y.%m.%d}"),
    "gbt9704": ("controlled-document-6col", ["一、", "二、", "三、", "（一）", "（二）", "（三）"],
                "（1）", lambda d: f"{d.year}年{d.month}月{d.day}日"),
    "policy": ("policy", ["第一章", "第一条", "第二条", "第三条", "第二章", "第四条"], "（1）",
               lambda d: f"{d.year}年{d.month}月{d.day}日"),
    "plain": ("controlled-document-4col", ["1", "2", "3", "4", "4.1", "4.2"], "1.",
              lambda d: d.isoformat()),
}


def project(root: Path) -> Path:
    """Return `root` as a project folder with the bundled templates and no content."""
    shutil.copytree(TEMPLATES, root / "templates" / "docx")
    return root


def test_every_preset_is_tested():
    assert set(EXPECTED) == set(PRESETS)


@pytest.mark.parametrize("preset", sorted(EXPECTED))
def test_a_new_organization_builds_and_passes_the_checks_in_its_house_style(tmp_path, preset):
    root = project(tmp_path)
    made = run_docgen(root, "new", "acme", "--style", preset, "--name", NAME, "--prefix", "ACME")
    assert made.code == 0, made.stderr
    number = f"ACME-{PRESETS[preset]}"
    assert made.stdout.splitlines()[:2] == ["wrote content/acme/org.yaml",
                                            f"wrote content/acme/{number}.yaml"]
    assert "docgen build" in made.stdout and made.stderr == ""

    built = run_docgen(root, "build")
    assert (built.code, built.stderr) == (0, "")
    checked = run_docgen(root, "check", "--strict")
    assert checked.code == 0, checked.stdout
    assert checked.stdout.strip() == "docgen check: 0 errors, 0 warnings in 1 document"

    [organization] = load_content(root / "content")
    [loaded] = organization.documents
    template, headings, list_label, date = EXPECTED[preset]
    assert (organization.organization.name, organization.organization.template) == (NAME,
                                                                                  template)
    [docx] = (root / "output" / "acme").glob(f"{number} *.docx")
    read = read_docx(docx)
    assert [p.label for p in read.headings][:len(headings)] == headings
    assert {p.label for p in read.paragraphs if p.style == "List Number"} >= {list_label}
    table = revision_table(read.tables)
    assert header_words(table) == REVISION_HEADERS[template]
    approved = loaded.model.current.approve_date
    assert date(approved) in [c.text for c in table.rows[table.header_rows]]
    # The cover's company: a line of its own, or "… 发布" at the foot of a ruled cover.
    assert any(p.text.split("\u3000")[0] == NAME for p in read.paragraphs[:8])


def test_the_first_revision_row_is_dated_today(tmp_path):
    before = dt.date.today()
    assert run_docgen(project(tmp_path), "new", "acme").code == 0
    after = dt.date.today()
    [organization] = load_content(tmp_path / "content")
    row = organization.documents[0].model.current
    assert before <= row.date == row.review_date == row.approve_date <= after


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_the_texts_load_as_content_and_keep_their_comments(preset):
    texts = scaffold_texts("acme", preset, name=NAME, prefix="ACME", today=dt.date(2025, 1, 7))
    organization = validate(Organization, parse_yaml(texts["org.yaml"], Path("org.yaml")))
    document = validate(Document, parse_yaml(texts[f"ACME-{PRESETS[preset]}.yaml"],
                                             Path("doc.yaml")))
    assert (organization.name, organization.prefix) == (NAME, "ACME")
    assert [person.name for person in organization.people] == list(PLACEHOLDER_PEOPLE)
    assert document.number == f"ACME-{PRESETS[preset]}"
    assert str(document.current.date) == "2025-01-07"
    # Every key is explained: the comments are there, and say to replace the name.
    assert "# Replace it with your own" in texts["org.yaml"]
    assert texts["org.yaml"].count("\n#") >= 10


@pytest.mark.parametrize("name", ['ACME "Co": {x}', "null", "123", "- 公司", "艾克姆 (中国)"])
def test_any_name_is_written_so_that_it_reads_back_as_typed(name):
    texts = scaffold_texts("acme", "itss", name=name, prefix="ACME", today=dt.date(2025, 1, 7))
    assert validate(Organization, parse_yaml(texts["org.yaml"], Path("org.yaml"))).name == name


def test_the_prefix_defaults_to_the_folder_name_in_capitals(tmp_path):
    made = run_docgen(project(tmp_path), "new", "acme-it_2")
    assert made.code == 0, made.stderr
    [organization] = load_content(tmp_path / "content")
    assert organization.organization.prefix == "ACMEIT2"
    assert organization.organization.name == "acme-it_2"
    assert [d.model.number for d in organization.documents] == ["ACMEIT2-ITSS-001"]


# --- refusals: exit 2, nothing written -----------------------------------------------


def test_an_existing_organization_is_refused_and_left_as_it_was(tmp_path):
    root = demo_project(tmp_path)
    before = snapshot(root / "content")
    refused = run_docgen(root, "new", "demo", "--prefix", "OTHER")
    assert refused.code == 2
    assert refused.stderr.startswith(f"docgen: error: {root / 'content' / 'demo'} already "
                                     "exists and is not an empty folder; nothing was written")
    assert snapshot(root / "content") == before


def test_an_empty_folder_of_that_name_is_used(tmp_path):
    root = project(tmp_path)
    (root / "content" / "acme").mkdir(parents=True)
    assert run_docgen(root, "new", "acme").code == 0
    assert sorted(p.name for p in (root / "content" / "acme").iterdir()) == [
        "ACME-ITSS-001.yaml", "org.yaml"]


def test_a_file_of_that_name_is_refused(tmp_path):
    root = write_tree(tmp_path, {"content/acme": "notes"})
    refused = run_docgen(root, "new", "acme")
    assert refused.code == 2 and "already exists" in refused.stderr
    assert (root / "content" / "acme").read_text(encoding="utf-8") == "notes"


@pytest.mark.parametrize("org", ["a b", "acme.old", "艾克姆", "../acme", "-acme"])
def test_a_folder_name_other_than_letters_digits_dash_and_underscore_is_refused(tmp_path,
                                                                                org):
    refused = run_docgen(tmp_path, "new", "--", org) if org.startswith("-") \
        else run_docgen(tmp_path, "new", org)
    assert refused.code == 2
    assert "cannot name an organization's folder: use the letters a-z" in refused.stderr
    assert not (tmp_path / "content").exists()


@pytest.mark.parametrize("args, says", [
    (["--prefix", "acme"], "--prefix 'acme' is not a document-number prefix"),
    (["--prefix", "1ACME"], "--prefix '1ACME' is not a document-number prefix"),
    (["--prefix", "AC-ME"], "--prefix 'AC-ME' is not a document-number prefix"),
    (["--prefix", "A" * 300], "is too long for document numbers"),
])
def test_a_prefix_the_schema_refuses_is_refused(tmp_path, args, says):
    refused = run_docgen(tmp_path, "new", "acme", *args)
    assert refused.code == 2 and says in refused.stderr
    assert not (tmp_path / "content").exists()


def test_a_folder_name_that_gives_no_prefix_asks_for_one(tmp_path):
    refused = run_docgen(tmp_path, "new", "2025")
    assert refused.code == 2
    assert refused.stderr.splitlines() == [
        "docgen: error: '2025' gives no document-number prefix ('2025' is not one: capital "
        "letters and digits, starting with a letter)",
        "    hint: pass one with --prefix, e.g. --prefix ACME"]


def test_a_prefix_another_organization_uses_is_refused(tmp_path):
    root = demo_project(tmp_path)
    before = snapshot(root / "content")
    refused = run_docgen(root, "new", "acme", "--prefix", "DEMO")
    assert refused.code == 2
    org_file = root / "content" / "demo" / "org.yaml"
    assert refused.stderr.splitlines()[0] == (
        f"docgen: error: the prefix DEMO is already used by the organization demo ({org_file})")
    assert snapshot(root / "content") == before


def test_a_refusal_speaks_chinese(tmp_path):
    root = demo_project(tmp_path)
    refused = run_docgen(root, "--lang", "zh", "new", "acme", "--prefix", "DEMO")
    assert refused.code == 2
    org_file = root / "content" / "demo" / "org.yaml"
    assert refused.stderr.splitlines() == [
        f"docgen：错误：前缀 DEMO 已被组织 demo 使用（{org_file}）",
        "    提示：文件编号必须能区分各组织：用 --prefix 另选一个前缀"]


def test_an_empty_name_is_refused(tmp_path):
    refused = run_docgen(tmp_path, "new", "acme", "--name", "  ")
    assert refused.code == 2 and "--name is empty" in refused.stderr
    assert not (tmp_path / "content").exists()


# --- writing ------------------------------------------------------------------------------


def test_a_failure_while_writing_leaves_nothing_behind(tmp_path, monkeypatch):
    content = tmp_path / "content"
    write_tree(tmp_path, {"content/demo/org.yaml": ORG_YAML})
    before = snapshot(content)

    def fail(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("docgen.scaffold.new.os.rename", fail)
    with pytest.raises(UsageError) as raised:
        new_organization(Project(content, TEMPLATES, tmp_path / "output"), "acme")
    assert raised.value.message == (f"cannot write {content / 'acme'}: No space left on "
                                    "device; nothing was written")
    assert snapshot(content) == before
    assert sorted(p.name for p in content.iterdir()) == ["demo"]  # no hidden leftovers


def test_a_template_missing_from_the_project_is_pointed_out(tmp_path):
    made = run_docgen(tmp_path, "new", "acme", "--style", "policy")
    assert made.code == 0
    assert ("note: the template policy.docx is not in templates/docx; docgen build needs it "
            "there\n    hint: copy it from docgen's templates/docx folder") in made.stdout


def test_the_command_says_what_to_do_next(tmp_path):
    made = run_docgen(project(tmp_path), "new", "acme", "--style", "plain")
    assert made.stdout.splitlines()[2:] == [
        "next: in content/acme/org.yaml, replace the name and the placeholder people "
        "(张三、李四、王五), who also sign the revision row of content/acme/ACME-CX-001.yaml",
        "then: docgen build writes the documents into output; docgen check finds what an "
        "auditor would"]
