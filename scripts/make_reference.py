"""Write docs/reference.md, the content reference, from docgen's schema.

    python scripts/make_reference.py

A test checks that the committed file is what this script writes.
"""

from __future__ import annotations

from pathlib import Path

from docgen.reference import content_reference

REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "reference.md"

if __name__ == "__main__":
    REFERENCE.write_text(content_reference(), encoding="utf-8")
    print("wrote docs/reference.md")
