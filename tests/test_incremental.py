"""Incremental and parallel builds: a rebuild writes only what changed, and any number
of processes writes the same bytes.

The output folder keeps a manifest (.docgen-manifest.json) of what each file was made
from. It is only a cache: whatever happens to it, to the output or to the content, the
files a build leaves are those a fresh build into an empty folder would write.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from bench.synthetic import write as write_synthetic
from docgen.build import check
from docgen.cache import FORMAT, MANIFEST_FILE
from docgen.pipeline import load_document_set
from docgen.project import Project
from docgen.render.docx import TemplateSet, render_key
from tests.support.building import build
from tests.support.trees import (
    DOCUMENT_YAML,
    SECOND_REVISION,
    TEMPLATES,
    demo_project,
    document_yaml,
    snapshot,
)

COUNT = 6  # enough for two rendering workers (three documents each)
LONG_AGO = 978_307_200 * 10**9  # 2001-01-01, in nanoseconds: no build writes files this old
EDITED = "本段为修改后的新内容，用于验证增量构建。"


def synthetic(root: Path, output: str = "output") -> Project:
    """A project of COUNT synthetic documents (bench/synthetic.py) under `root`."""
    write_synthetic(root, COUNT)
    return Project(root / "content", TEMPLATES, root / output)


def docx_files(folder: Path) -> dict[str, bytes]:
    """Return every file docgen wrote under `folder` with its bytes, but the manifest."""
    return {name: data for name, data in snapshot(folder).items() if name != MANIFEST_FILE}


def age(paths: list[Path]) -> None:
    """Date `paths` back to LONG_AGO, so that a file written again shows it."""
    for path in paths:
        os.utime(path, ns=(LONG_AGO, LONG_AGO))


def untouched(path: Path) -> bool:
    return path.stat().st_mtime_ns == LONG_AGO


def document_file(project: Project, index: int) -> Path:
    return project.content / "syn" / f"SYN-ITSS-{index:04d}.yaml"


def edit_first_sentence(path: Path, text: str) -> None:
    """Replace the first plain sentence of the body of the synthetic document at `path`."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines)
                 if line.startswith("          - ") and line.rstrip().endswith("。"))
    lines[first] = f"          - {text}\n"
    path.write_text("".join(lines), encoding="utf-8")


def all_text(path: Path) -> list[str]:
    """Return the text of every paragraph of a .docx, in the body and in table cells."""
    document = docx.Document(str(path))
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [cell.text for cell in row.cells]
    return texts


def manifest_of(project: Project) -> Path:
    return project.output / MANIFEST_FILE


# --- parallel rendering -------------------------------------------------------------


def test_one_process_and_two_processes_write_byte_identical_files(tmp_path):
    project = synthetic(tmp_path)
    alone = build(Project(project.content, TEMPLATES, tmp_path / "one"), jobs=1)
    shared = build(Project(project.content, TEMPLATES, tmp_path / "two"), jobs=2)
    assert len(alone.written) == len(shared.written) == COUNT
    one, two = docx_files(tmp_path / "one"), docx_files(tmp_path / "two")
    assert len(one) == COUNT
    assert one == two


# --- what a rebuild writes ----------------------------------------------------------


def test_a_rebuild_with_nothing_changed_writes_nothing(tmp_path):
    project = synthetic(tmp_path)
    first = build(project, jobs=2)
    before = docx_files(project.output)
    age(first.written)

    again = build(project, jobs=2)

    assert again.written == []
    assert sorted(path.resolve() for path in again.unchanged) == sorted(first.written)
    assert again.removed == []
    assert docx_files(project.output) == before
    assert all(untouched(path) for path in first.written)


@pytest.mark.parametrize("jobs", [1, 2])
def test_editing_one_document_writes_only_that_document_again(tmp_path, jobs):
    project = synthetic(tmp_path)
    first = build(project, jobs=jobs)
    before = docx_files(project.output)
    age(first.written)
    [edited] = [path for path in first.written if path.name.startswith("SYN-ITSS-0003 ")]
    assert EDITED not in all_text(edited)

    edit_first_sentence(document_file(project, 3), EDITED)
    again = build(project, jobs=jobs)

    assert again.written == [edited]
    assert sorted(again.unchanged) == sorted(set(first.written) - {edited})
    assert EDITED in all_text(edited)
    assert not untouched(edited)
    after = docx_files(project.output)
    for path in first.written:
        name = f"syn/{path.name}"
        if path != edited:
            assert untouched(path), path.name
            assert after[name] == before[name], path.name
    fresh = tmp_path / "fresh"
    build(Project(project.content, TEMPLATES, fresh), jobs=1)
    assert after == docx_files(fresh)


def test_outputs_deleted_or_changed_by_hand_are_written_again(tmp_path):
    project = synthetic(tmp_path)
    first = build(project, jobs=2)
    before = docx_files(project.output)
    age(first.written)
    deleted, changed = first.written[1], first.written[4]
    deleted.unlink()
    with changed.open("ab") as stream:
        stream.write(b"appended by hand")

    again = build(project, jobs=2)

    assert sorted(again.written) == sorted([deleted, changed])
    assert docx_files(project.output) == before
    assert all(untouched(path) for path in first.written if path not in (deleted, changed))


def test_a_file_changed_by_hand_is_written_again_even_with_the_same_size_and_time(tmp_path):
    project = synthetic(tmp_path)
    first = build(project, jobs=1)
    target = first.written[0]
    original = target.read_bytes()
    stat = target.stat()
    flipped = bytearray(original)
    flipped[len(flipped) // 2] ^= 0xFF
    target.write_bytes(bytes(flipped))
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    again = build(project, jobs=1)

    assert again.written == [target]
    assert target.read_bytes() == original


def test_a_full_build_after_a_discarded_edit_writes_what_the_content_says_now(tmp_path):
    # Edit a document, build only it to have a look, undo the edit (git checkout),
    # build everything: the document must be back to what its content says.
    project = synthetic(tmp_path)
    build(project, jobs=1)
    before = docx_files(project.output)
    source = document_file(project, 2)
    original = source.read_text(encoding="utf-8")
    edit_first_sentence(source, EDITED)
    [previewed] = build(project, ["SYN-ITSS-0002"], jobs=1).written
    assert EDITED in all_text(previewed)
    source.write_text(original, encoding="utf-8")

    build(project, jobs=1)

    assert EDITED not in all_text(previewed)
    assert docx_files(project.output) == before


# --- the manifest is only a cache ---------------------------------------------------


def truncated(manifest: bytes) -> bytes:
    return manifest[:len(manifest) // 2]


def run_record_of_the_wrong_shape(manifest: bytes) -> bytes:
    # Valid JSON from this very docgen, with a run's file list and report mangled.
    data = json.loads(manifest)
    for record in data["runs"].values():
        record["outputs"] = 5
        record["report"] = []
    return json.dumps(data).encode()


DAMAGE = {
    "garbage bytes": lambda manifest: b"\x00\xff\xfe garbage \x89PNG",
    "empty": lambda manifest: b"",
    "truncated JSON": truncated,
    "JSON that is not an object": lambda manifest: b"[1, 2, 3]",
    "file records of the wrong shape": lambda manifest: manifest.replace(
        b'"sha256"', b'"sha-256"'),
    "run records of the wrong shape": run_record_of_the_wrong_shape,
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_manifest_costs_a_rebuild_never_a_failure(tmp_path, damage):
    project = synthetic(tmp_path)
    build(project, jobs=2)
    fresh = docx_files(project.output)
    for path in project.output.rglob("*.docx"):
        path.write_bytes(b"not what docgen wrote")
    manifest = manifest_of(project)
    manifest.write_bytes(DAMAGE[damage](manifest.read_bytes()))

    again = build(project, jobs=2)

    assert len(again.written) == COUNT
    assert docx_files(project.output) == fresh
    assert json.loads(manifest.read_text(encoding="utf-8"))["format"] == FORMAT


@pytest.mark.parametrize("field, value", [("code", "0" * 64), ("format", 999)])
def test_a_manifest_from_another_docgen_renders_everything_again(tmp_path, field, value):
    project = synthetic(tmp_path)
    first = build(project, jobs=2)
    before = docx_files(project.output)
    age(first.written)
    manifest = manifest_of(project)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert field in data
    data[field] = value
    manifest.write_text(json.dumps(data), encoding="utf-8")

    again = build(project, jobs=2)

    assert sorted(again.written) == sorted(first.written)
    assert again.unchanged == []
    assert not any(untouched(path) for path in first.written)
    assert docx_files(project.output) == before


def test_a_changed_template_renders_every_document_again(tmp_path):
    project = synthetic(tmp_path)
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    project = Project(project.content, templates, project.output)
    first = build(project, jobs=2)
    age(first.written)
    with zipfile.ZipFile(templates / "controlled-document.docx", "a") as template:
        template.comment = b"saved again"

    again = build(project, jobs=2)

    assert sorted(again.written) == sorted(first.written)
    assert not any(untouched(path) for path in first.written)


# --- render keys --------------------------------------------------------------------


TABLE = """\
    - title: 人员
      body:
        - table:
            id: staff
            caption: 人员配置
            header:
              - [部门, 人数]
            rows:
              - [运维部, 3]
              - [质量部, 2]
"""


def key_of(root: Path, text: str = document_yaml(TABLE), templates: Path = TEMPLATES) -> str:
    """Return the render key of the one demo document `text`, with `templates`."""
    demo_project(root, documents={"DEMO-ITSS-0001.yaml": text}, templates=False)
    [document] = load_document_set(Project(root / "content", templates, root / "output")).documents
    return render_key(document, TemplateSet(templates).get(document.model.template))


def test_the_same_document_and_template_give_the_same_render_key(tmp_path):
    assert key_of(tmp_path / "a") == key_of(tmp_path / "b")


def test_a_different_table_cell_gives_a_different_render_key(tmp_path):
    assert key_of(tmp_path / "a") != key_of(tmp_path / "b",
                                            document_yaml(TABLE.replace("[质量部, 2]",
                                                                        "[质量部, 4]")))


def test_a_different_revision_row_gives_a_different_render_key(tmp_path):
    changed = document_yaml(TABLE).replace("change: 首次发布", "change: 首次发布并实施")
    assert key_of(tmp_path / "a") != key_of(tmp_path / "b", changed)


def test_a_different_template_gives_a_different_render_key(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    with zipfile.ZipFile(templates / "controlled-document.docx", "a") as template:
        template.comment = b"saved again"
    assert key_of(tmp_path / "a") != key_of(tmp_path / "b", templates=templates)


# --- check --------------------------------------------------------------------------


REVIEWED_TOO_EARLY = DOCUMENT_YAML.replace("review_date: 2025-01-08", "review_date: 2025-01-06")


def test_an_unchanged_check_is_answered_from_the_manifest_with_the_same_findings(
        tmp_path, monkeypatch):
    root = demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": REVIEWED_TOO_EARLY})
    project = Project(root / "content", root / "templates" / "docx", root / "output")
    project.output.mkdir()
    first = check(project)
    assert [finding.rule for finding in first.findings] == ["META-SIGNOFF-DATES"]

    def not_again(*_args: object) -> None:
        raise AssertionError("the checks ran again although nothing had changed")

    monkeypatch.setattr("docgen.checks.run_checks", not_again)
    again = check(project)

    assert again.findings == first.findings
    assert again.titles == first.titles


def test_a_check_after_an_edit_finds_what_the_content_says_now(tmp_path):
    root = demo_project(tmp_path, documents={"DEMO-ITSS-0001.yaml": REVIEWED_TOO_EARLY})
    project = Project(root / "content", root / "templates" / "docx", root / "output")
    project.output.mkdir()
    first = check(project)
    source = project.content / "demo" / "DEMO-ITSS-0001.yaml"
    source.write_text(REVIEWED_TOO_EARLY.replace("approve_date: 2025-01-09",
                                                 "approve_date: 2025-01-05"), encoding="utf-8")

    again = check(project)

    assert [finding.text for finding in again.findings] == [
        "V1.0 is reviewed on 2025-01-06, before it was written on 2025-01-07",
        "V1.0 is approved on 2025-01-05, before it was reviewed on 2025-01-06"]
    assert again.findings != first.findings
    assert again.findings == check(Project(project.content, project.templates,
                                           tmp_path / "no-manifest")).findings
    source.write_text(DOCUMENT_YAML, encoding="utf-8")
    assert check(project).findings == []


# --- file names that change ---------------------------------------------------------


RENAMES = {
    "a new version": (DOCUMENT_YAML.replace("sections:\n", SECOND_REVISION + "sections:\n"),
                      "DEMO-ITSS-0001 示例管理计划 V1.1.docx"),
    "a new title": (DOCUMENT_YAML.replace("title: 示例管理计划", "title: 示例服务计划"),
                    "DEMO-ITSS-0001 示例服务计划 V1.0.docx"),
}


@pytest.mark.parametrize("change", RENAMES, ids=list(RENAMES))
def test_a_document_whose_file_name_changes_leaves_only_its_new_file(tmp_path, change):
    root = demo_project(tmp_path)
    project = Project(root / "content", root / "templates" / "docx", root / "output")
    [old] = build(project).written
    assert old.name == "DEMO-ITSS-0001 示例管理计划 V1.0.docx"
    text, new_name = RENAMES[change]
    (project.content / "demo" / "DEMO-ITSS-0001.yaml").write_text(text, encoding="utf-8")

    renamed = build(project)

    assert [path.name for path in renamed.written] == [new_name]
    assert [removed.path for removed in renamed.removed] == [old]
    build(Project(project.content, project.templates, tmp_path / "fresh"))
    assert docx_files(project.output) == docx_files(tmp_path / "fresh")
    again = build(project)
    assert again.written == [] and again.removed == []
    assert [path.name for path in again.unchanged] == [new_name]
    assert list(docx_files(project.output)) == [f"demo/{new_name}"]
