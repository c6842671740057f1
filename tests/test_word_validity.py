"""Every kind of .docx docgen writes is valid for Word: ISO/IEC 29500 transitional
schemas with Word's stricter order of run properties, plus the structural checks Word
enforces (tests/support/ooxml/validate_docx.py). LibreOffice opens files Word refuses,
so reading them back is not enough."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from docgen.render.register import write_registers
from tests.support.trees import REPO, TEMPLATES

VALIDATOR = REPO / "tests" / "support" / "ooxml" / "validate_docx.py"


def validate(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(VALIDATOR), "-q", *map(str, files)],
                          capture_output=True, text=True, timeout=600)


def test_the_built_documents_are_valid_for_word(yntd_built):
    result = validate(*yntd_built.values())
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_register_is_valid_for_word(yntd_project, yntd_built):
    written = write_registers(yntd_project)
    result = validate(*[path for path in written if path.suffix == ".docx"])
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.docx")), ids=lambda p: p.name)
def test_the_templates_are_valid_for_word(template):
    result = validate(template)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_validator_finds_what_word_refuses(tmp_path, yntd_built):
    # A w:num before a w:abstractNum: LibreOffice opens it, Word does not.
    import zipfile

    source = next(iter(yntd_built.values()))
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(broken, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "word/numbering.xml":
                text = data.decode()
                first_num = text.index("<w:num ")
                num = text[first_num:text.index("</w:num>", first_num) + len("</w:num>")]
                text = text.replace(num, "", 1)
                text = text.replace("<w:abstractNum ", num + "<w:abstractNum ", 1)
                data = text.encode()
            copy.writestr(info, data)
    assert validate(broken).returncode == 1
