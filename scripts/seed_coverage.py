"""Print how completely the content reproduces a seed document (body text only).

    python scripts/seed_coverage.py SEED.txt [NUMBER]

Reads ./content, resolves it, and lists the seed lines that the document's body does
not reproduce. The cover and revision table come from the Word template: measure them
on a built .docx (tests/test_fidelity.py does).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docgen.content.loader import load_content  # noqa: E402
from docgen.content.resolve import resolve_content  # noqa: E402
from tests.support.fidelity import coverage, resolved_units  # noqa: E402

seed_path = Path(sys.argv[1])
number = sys.argv[2] if len(sys.argv) > 2 else seed_path.stem
document_set = resolve_content(load_content(Path("content")))
document = next(doc for doc in document_set.documents if doc.number == number)
result = coverage(seed_path.read_text(encoding="utf-8"), resolved_units(document))
for line in result.missing:
    print("MISSING:", line)
print(f"{number}: {result.covered}/{result.total} lines covered ({result.ratio:.1%})")
