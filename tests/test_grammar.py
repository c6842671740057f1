"""Prose and templates may only show facts: what they may say is checked before anything
is evaluated, so no text a user writes can make docgen loop, compute or allocate
without end. Each case runs as a separate docgen under a time limit and a memory cap."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.support.running import run_docgen
from tests.support.trees import REPO, TEMPLATES

POLICY = REPO / "content" / "yntd" / "YNTD-ITSS-0600.yaml"
FILE = "content/yntd/YNTD-ITSS-0600.yaml"
MEMORY_MB = 1500


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copytree(TEMPLATES, tmp_path / "templates" / "docx")
    return tmp_path


def add_to_section_one(root: Path, paragraph: str) -> int:
    """Add `paragraph` (a YAML scalar as written) to §1 of YNTD-ITSS-0600; return its line."""
    path = root / FILE
    lines = path.read_text(encoding="utf-8").split("\n")
    body = next(index for index, line in enumerate(lines) if line.strip() == "body:")
    lines.insert(body + 1, f"      - {paragraph}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return body + 2


def yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.mark.parametrize("expression, refused", [
    ("{% for a in 'x'*100000 %}{% for b in 'x'*100000 %}{% endfor %}{% endfor %}",
     "a loop ({% for %})"),
    ("{{ (((((10**100)**100)**100)**100)**100) is number }}", "this kind of expression"),
    ("{{ ('x'*100000).replace('x','x'*100000) | length }}", "the filter 'length'"),
    ("{{ ''.center(2000000000) }}", "a call of a method or function"),
    ("{{ '%0999999999d' % 1 }}", "arithmetic or joining of values"),
    ("{{ kpi.x.name ~ kpi.x.name }}", "arithmetic or joining of values"),
    ("{{ [1, 2, 3] }}", "text or a number of its own"),
    ("{{ kpi[kpi] }}", "this kind of expression"),
    ("{{ doc.title[0:1] }}", "a slice"),
    ("{% set x = 1 %}", "an assignment ({% set %})"),
    ("{{ doc.title if doc else doc }}", "an inline if … else"),
])
def test_prose_that_does_more_than_cite_facts_is_refused_before_it_runs(project, expression,
                                                                         refused):
    line = add_to_section_one(project, yaml_text(expression))
    ran = run_docgen(project, "build", timeout=30, address_space_mb=MEMORY_MB)
    assert ran.code == 2, ran.stderr
    first = ran.stderr.splitlines()[0]
    assert first.startswith(f"{FILE}:{line}:")
    assert f"may only cite facts: {refused}" in first
    assert "Traceback" not in ran.stderr
    assert not (project / "output").exists()


def test_a_control_character_from_an_escape_in_prose_never_reaches_the_word_file(project):
    line = add_to_section_one(project, '"{{ \\"\\\\x0b\\" }}"')
    ran = run_docgen(project, "build", timeout=30)
    assert ran.code == 2
    assert ran.stderr.startswith(f"{FILE}:{line}:")
    assert "text or a number of its own is not allowed in prose" in ran.stderr
    assert not (project / "output").exists()


def test_citations_conditions_and_filters_still_work(project):
    add_to_section_one(project, yaml_text(
        "{% if processes.core %}核心过程为{{ processes.core | join_cn }}{% else %}无{% endif %}；"
        "本制度编号{{ doc.number }}，{{ docs['YNTD-ITSS-0303'].title }}。"))
    ran = run_docgen(project, "build", "YNTD-ITSS-0600", timeout=60)
    assert ran.code == 0, ran.stderr
    from docgen.wordml.reader import read_docx

    [built] = (project / "output" / "yntd").glob("YNTD-ITSS-0600*.docx")
    texts = [paragraph.text for paragraph in read_docx(built).paragraphs]
    assert any(text.startswith("核心过程为") and "本制度编号YNTD-ITSS-0600，运维服务能力管理计划。"
               in text for text in texts)


# --- templates ----------------------------------------------------------------------------

def edit_template(root: Path, old: str, new: str) -> None:
    path = root / "templates" / "docx" / "controlled-document.docx"
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    assert old.encode() in parts["word/document.xml"]
    parts["word/document.xml"] = parts["word/document.xml"].replace(old.encode(), new.encode())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


@pytest.mark.parametrize("tag, refused", [
    ("{% for a in range(100000) %}{% for b in range(100000) %}{{ a }}{% endfor %}{% endfor %}",
     "a call of a method or function"),
    ("{{ doc.title.replace('a', 'b') }}", "a call of a method or function"),
    ("{{ doc.title * 100000 }}", "arithmetic or joining of values"),
    ("{{ doc.title | safe }}", "the filter 'safe'"),
    ("{{ \"\\x0b\" }}", "text or a number of its own"),
    ("{% for r in revisions %}{% for s in revisions %}{% for t in revisions %}{{ t.version }}"
     "{% endfor %}{% endfor %}{% endfor %}", "a loop nested more than 2 deep"),
])
def test_a_template_tag_that_does_more_than_show_values_is_refused(project, tag, refused):
    edit_template(project, "版本：{{ doc.version }}", "版本：" + tag)
    ran = run_docgen(project, "build", "--templates", "templates/docx", timeout=30,
                     address_space_mb=MEMORY_MB)
    assert ran.code == 2, ran.stderr
    assert "may only show values: " + refused in ran.stderr
    assert "the tag {" in ran.stderr
    assert "Traceback" not in ran.stderr
    assert not (project / "output").exists()


def test_template_tags_may_loop_compare_and_format(project):
    edit_template(project, "版本：{{ doc.version }}",
                  "版本：{{ doc.version }}{% if doc.department == '质量部' %}（质量部）{% endif %}"
                  "{% for r in revisions %}/{{ r.date | date('%Y年%-m月%-d日') }}{% endfor %}")
    ran = run_docgen(project, "build", "YNTD-ITSS-0303", "--templates", "templates/docx",
                     timeout=60)
    assert ran.code == 0, ran.stderr
    from docgen.wordml.reader import read_docx

    [built] = (project / "output" / "yntd").glob("YNTD-ITSS-0303*.docx")
    assert "版本：V1.0（质量部）/2025年1月7日" in [p.text for p in read_docx(built).paragraphs]
