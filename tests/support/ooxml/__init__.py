"""Validate .docx files against the ECMA-376 schemas with validate_docx.py (see README.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

VALIDATOR = Path(__file__).with_name("validate_docx.py")


def violations(docx: Path) -> str:
    """Return the validator's report on `docx` if it finds any violation, else ''."""
    ran = subprocess.run([sys.executable, str(VALIDATOR), "-q", str(docx)], capture_output=True,
                         text=True, timeout=300)
    assert ran.returncode in (0, 1), ran.stderr
    return ran.stdout if ran.returncode else ""
