"""A template that cannot be used is named, with what is wrong and what to do."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from docgen.cli import main
from docgen.errors import TemplateError
from docgen.wordml.document import WordTemplate
from tests.support.trees import TEMPLATES

TEMPLATE = TEMPLATES / "controlled-document.docx"


def edited(tmp_path: Path, change) -> Path:
    """Return a copy of the template whose document.xml went through `change`."""
    with zipfile.ZipFile(TEMPLATE) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document.xml"] = change(parts["word/document.xml"].decode()).encode()
    path = tmp_path / "edited.docx"
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def refusal(path: Path) -> tuple[str, str]:
    with pytest.raises(TemplateError) as raised:
        WordTemplate(path)
    return raised.value.message, raised.value.hint


def test_a_file_that_is_not_a_docx(tmp_path):
    path = tmp_path / "t.docx"
    path.write_text("not a zip")
    assert refusal(path) == ("the template is not a .docx file (not a zip archive)",
                             "save the template from Word or WPS as 'Word Document (.docx)'")


def test_a_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "t.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert refusal(path)[0] == "the template is a zip archive but not a Word document"


def test_a_damaged_zip(tmp_path):
    data = TEMPLATE.read_bytes()
    path = tmp_path / "t.docx"
    path.write_bytes(data[: len(data) // 2] + b"\0" * 64 + data[len(data) // 2 + 64:])
    message, _hint = refusal(path)
    assert message.startswith(("the template file is damaged", "the template is not a .docx"))


def test_a_template_without_the_body_tag(tmp_path):
    path = edited(tmp_path, lambda xml: xml.replace("{{ body }}", "BODY"))
    assert refusal(path) == ("the template has no {{ body }} tag",
                             "put {{ body }} alone in the paragraph where the numbered body "
                             "should start")


def test_a_jinja_syntax_error_in_the_template(tmp_path):
    path = edited(tmp_path, lambda xml: xml.replace("{{ doc.number }}", "{{ doc.number }"))
    message, _hint = refusal(path)
    assert message == "Jinja syntax error in the tag {{ doc.number }: unexpected '}'"


def test_a_tag_the_content_does_not_provide(tmp_path):
    path = edited(tmp_path, lambda xml: xml.replace("{{ doc.cover_title }}", "{{ doc.owner }}"))
    template = WordTemplate(path)
    with pytest.raises(TemplateError) as raised:
        template.render({"org": {"name": "x"}, "doc": {"number": "N"}, "signoff": {},
                         "revisions": []})
    assert raised.value.message == ("the tag {{ doc.owner }} asks for doc.owner, which docgen "
                                    "does not provide")
    assert raised.value.hint == "remove the tag in Word, or use one of: doc.number"


def test_the_cli_names_the_template(runner, demo, in_folder):
    in_folder(demo)
    target = demo / "templates" / "docx" / "controlled-document.docx"
    target.write_bytes(b"PK\x03\x04 broken")
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(
        "templates/docx/controlled-document.docx: error: the template")
    assert result.stderr.splitlines()[-1] == \
        "docgen: the template cannot be used; nothing was written."
    assert not (demo / "output").exists()


def test_a_document_asking_for_a_template_that_does_not_exist(runner, demo, in_folder):
    in_folder(demo)
    doc = demo / "content" / "demo" / "DEMO-ITSS-0001.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace(
        "kind: 计划", "kind: 计划\ntemplate: fancy"), encoding="utf-8")
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "content/demo/DEMO-ITSS-0001.yaml:4:11: error: there is no template 'fancy' in the "
        "templates folder",
        "    hint: available templates: controlled-document, controlled-document-4col, "
        "controlled-document-6col, policy",
        "docgen: 1 problem in the content; nothing was written."]


def test_a_template_edited_without_our_styles_is_refused_with_the_list(tmp_path, demo, runner,
                                                                        in_folder):
    with zipfile.ZipFile(TEMPLATE) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(b'w:val="Table Text"',
                                                                b'w:val="My Text"')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    shutil.rmtree(demo / "templates")
    (demo / "templates" / "docx").mkdir(parents=True)
    (demo / "templates" / "docx" / "controlled-document.docx").write_bytes(buffer.getvalue())
    in_folder(demo)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    assert "the template lacks the style(s) Table Text" in result.stderr


def test_a_template_without_the_revision_table_is_refused(tmp_path):
    path = edited(tmp_path, lambda xml: xml.replace("{%tr for r in revisions %}", "")
                  .replace("{%tr endfor %}", "").replace("r.", "x."))
    message, hint = refusal(path)
    assert message == "the template lacks the tags that show revisions"
    assert "{%tr for r in revisions %}" in hint


def test_an_unclosed_tag_is_named(tmp_path):
    path = edited(tmp_path, lambda xml: xml.replace("{{ org.name }}", "{{ org.name"))
    message, _hint = refusal(path)
    assert message.startswith("Jinja syntax error in the tag {{ org.name")
