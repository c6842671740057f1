"""Covers: every value the reference lists reaches a template, in the house's words and
date format, and the two bundled covers draw them in their own layouts.

A cover's 受控状态 and 发布日期 follow the release record: a draft says 草稿 with no
release date; the copy `docgen release` writes, and every build after it, say 受控 and the
release date.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from docgen.cli import main
from docgen.reference import TEMPLATE_VALUES
from docgen.wordml.reader import read_docx
from tests.support.trees import SECOND_REVISION, demo_project, document_yaml


def _policy_project(root: Path) -> Path:
    """Write the demo project with its document at V1.1 in the template with the ruled
    cover (policy), dates as 2025年1月7日."""
    document = document_yaml(extra="""\
        template: policy
        style: {dates: 2025年1月7日}
    """).replace("    change: 首次发布\n", "    change: 首次发布\n" + SECOND_REVISION)
    return demo_project(root, documents={"DEMO-ITSS-0001.yaml": document})


def _run(root: Path, *arguments: str) -> str:
    result = CliRunner().invoke(main, [*arguments, "--content", str(root / "content"),
                                       "--templates", str(root / "templates" / "docx"),
                                       "--output", str(root / "output")])
    assert result.exit_code == 0, result.output
    return result.output


def _cover_rows(path: Path) -> list[list[str]]:
    return [[cell.text for cell in row] for row in read_docx(path.read_bytes()).tables[0].rows]


def test_a_draft_cover_says_draft_and_has_no_release_date(tmp_path):
    root = _policy_project(tmp_path)
    _run(root, "build")
    [built] = (root / "output" / "demo").glob("*.docx")
    assert built.name == "DEMO-ITSS-0001 示例管理计划 V1.1.docx"
    read = read_docx(built.read_bytes())
    assert [p.text for p in read.paragraphs[:2]] == ["计划", "示例管理计划"]
    assert _cover_rows(built) == [
        ["文件编号", "DEMO-ITSS-0001", "版本号", "V1.1"],
        ["编制部门", "质量部", "受控状态", "草稿"],
        ["编　　制", "张三", "日　　期", "2025年3月1日"],
        ["审　　核", "李四", "日　　期", "2025年3月2日"],
        ["批　　准", "王五", "日　　期", "2025年3月3日"],
        ["发布日期", "", "实施日期", "2025年3月3日"]]
    assert "示例科技有限公司　发布" in [p.text for p in read.paragraphs]


def test_the_released_copy_and_later_builds_say_controlled_with_the_release_date(tmp_path):
    root = _policy_project(tmp_path)
    _run(root, "release", "DEMO-ITSS-0001", "--date", "2025-03-10")
    [released] = (root / "output" / "demo" / "released").glob("*.docx")
    rows = _cover_rows(released)
    assert rows[1] == ["编制部门", "质量部", "受控状态", "受控"]
    assert rows[5] == ["发布日期", "2025年3月10日", "实施日期", "2025年3月3日"]
    _run(root, "build")
    [built] = (root / "output" / "demo").glob("*.docx")
    assert _cover_rows(built) == rows


def test_the_department_falls_back_to_the_authors(tmp_path):
    root = _policy_project(tmp_path)
    document = root / "content" / "demo" / "DEMO-ITSS-0001.yaml"
    document.write_text(document.read_text(encoding="utf-8").replace("department: 质量部\n", ""),
                        encoding="utf-8")
    _run(root, "build")
    [built] = (root / "output" / "demo").glob("*.docx")
    assert _cover_rows(built)[1][:2] == ["编制部门", "质量部"]  # 张三's department


def test_a_template_of_ones_own_may_show_every_value_the_reference_lists(tmp_path):
    """A quality manager's own cover, one line per value the reference documents: the
    values listed are the values given, each in the house's words and date format."""
    root = _policy_project(tmp_path)
    template = root / "templates" / "docx" / "policy.docx"
    scalars = [name for name in TEMPLATE_VALUES if "[" not in name and name not in (
        "revisions", "body")]
    lines = "".join(f"<w:p><w:r><w:t>{name}={{{{ {name} }}}}</w:t></w:r></w:p>"
                    for name in scalars)
    _replace_cover(template, lines)
    _run(root, "release", "DEMO-ITSS-0001", "--date", "2025-03-10")
    [released] = (root / "output" / "demo" / "released").glob("*.docx")
    shown = dict(p.text.split("=", 1) for p in read_docx(released.read_bytes()).paragraphs
                 if re.match(r"^[a-z_.]+=", p.text))
    assert shown == {
        "org.name": "示例科技有限公司", "org.prefix": "DEMO",
        "doc.number": "DEMO-ITSS-0001", "doc.title": "示例管理计划",
        "doc.cover_title": "示例管理计划", "doc.version": "V1.1", "doc.kind": "计划",
        "doc.department": "质量部", "doc.effective_date": "2025年3月3日", "doc.state": "受控",
        "doc.released_on": "2025年3月10日", "doc.previous_version": "V1.0",
        "doc.change": "修订目的",
        "signoff.author": "张三", "signoff.author_date": "2025年3月1日",
        "signoff.reviewer": "李四", "signoff.review_date": "2025年3月2日",
        "signoff.approver": "王五", "signoff.approve_date": "2025年3月3日"}


def _replace_cover(template: Path, paragraphs: str) -> None:
    """Put `paragraphs` in place of the cover of the .docx `template` (before 修订记录)."""
    import zipfile

    with zipfile.ZipFile(template) as archive:
        parts = {info: archive.read(info) for info in archive.infolist()}
    [entry] = [info for info in parts if info.filename == "word/document.xml"]
    xml = parts[entry].decode("utf-8")
    start = xml.index("<w:body>") + len("<w:body>")
    end = xml.index('<w:p><w:pPr><w:pStyle w:val="FrontHeading"/>')
    parts[entry] = (xml[:start] + paragraphs + xml[end:]).encode("utf-8")
    replaced = template.with_suffix(".new")
    with zipfile.ZipFile(replaced, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts.items():
            archive.writestr(info, data)
    shutil.move(replaced, template)

