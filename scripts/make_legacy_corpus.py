"""Make the corpus of legacy Word files the import is tested on (tests/fixtures/legacy).

    python scripts/make_legacy_corpus.py [FOLDER] [--look PNG_FOLDER]

The bundled documents (content/yntd: YNTD-ITSS-0303, -0417, -0600; content/xlsk:
XLSJ-ZD-001) are written as companies' Word files are, by several producers:

    hand/          typed in Word by hand (python-docx): no heading styles, typed numbers
    libreoffice/   HTML converted by LibreOffice (XLSJ-ZD-001 through ODT)
    pandoc/        pandoc from HTML (0303, 0417) or Markdown (0600, XLSJ-ZD-001)
    word-style/    docgen's own build: heading styles with automatic numbering, TOC field
    word-resaved/  docgen's build of 0303 opened and saved again by LibreOffice

and bad/ holds the files an import must refuse or treat specially. expected.json says
what each file is and holds (read back with docgen.wordml.reader); README.md there
describes the files. Needs LibreOffice, pandoc, poppler (pdftoppm) and, to encrypt a
file, msoffcrypto-tool (`make corpus` installs it into .venv). `--look` renders the
first pages of every file to PNG, to see that they look like real legacy files.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from legacy_corpus.bad import write_bad_files  # noqa: E402
from legacy_corpus.converted import (  # noqa: E402
    copy_word_style,
    resave,
    write_libreoffice,
    write_pandoc,
)
from legacy_corpus.expected import file_entry  # noqa: E402
from legacy_corpus.hand import write_hand  # noqa: E402
from legacy_corpus.source import build_documents, load_documents  # noqa: E402
from legacy_corpus.tools import Office, missing_programs  # noqa: E402

PRODUCERS = ("hand", "libreoffice", "pandoc", "word-style", "word-resaved", "bad")
MAX_SIZE = 200_000
# pandoc reads these as HTML (to keep their merged cells and multi-line cells); the
# others as Markdown, 0600 with pandoc's own TOC.
PANDOC_FROM_HTML = {"YNTD-ITSS-0303", "YNTD-ITSS-0417"}
PANDOC_TOC = {"YNTD-ITSS-0600"}
LIBREOFFICE_VIA_ODT = {"XLSJ-ZD-001"}
RESAVED = "YNTD-ITSS-0303"


def main(argv: list[str]) -> int:
    """Make the corpus into the folder given (tests/fixtures/legacy); return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path,
                        default=REPO / "tests" / "fixtures" / "legacy")
    parser.add_argument("--look", type=Path, help="render first pages to PNG here")
    arguments = parser.parse_args(argv)
    missing = missing_programs()
    if missing:
        print(f"missing programs: {', '.join(missing)} (apt-get install libreoffice-writer "
              "pandoc poppler-utils)", file=sys.stderr)
        return 1
    try:
        import msoffcrypto  # noqa: F401
    except ImportError:
        print("msoffcrypto-tool is missing: .venv/bin/pip install msoffcrypto-tool",
              file=sys.stderr)
        return 1
    folder: Path = arguments.folder
    for producer in PRODUCERS:
        shutil.rmtree(folder / producer, ignore_errors=True)
        (folder / producer).mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="legacy-corpus-") as temporary, Office() as office:
        work = Path(temporary)
        build_documents(REPO, work / "build")
        documents = load_documents(REPO, work / "build")
        produced = []
        for document in documents:
            name = f"{document.number}.docx"
            produced += [
                ("hand", document, write_hand(document, folder / "hand" / name)),
                ("libreoffice", document, write_libreoffice(
                    document, folder / "libreoffice" / name, office, _folder(work / "libreoffice"),
                    via_odt=document.number in LIBREOFFICE_VIA_ODT)),
                ("pandoc", document, write_pandoc(
                    document, folder / "pandoc" / name, _folder(work / "pandoc"),
                    "html" if document.number in PANDOC_FROM_HTML else "markdown",
                    toc=document.number in PANDOC_TOC)),
                ("word-style", document, copy_word_style(document, folder / "word-style" / name)),
            ]
            if document.number == RESAVED:
                produced.append(("word-resaved", document, resave(
                    document, folder / "word-resaved" / name, office, _folder(work / "resave"))))
        entries = [file_entry(folder / producer / f"{document.number}.docx",
                              f"{producer}/{document.number}.docx", document, printed)
                   for producer, document, printed in produced]
        bad = write_bad_files(folder / "bad", folder / "hand", office, _folder(work / "bad"))
        if arguments.look:
            _look(office, folder, arguments.look)
    _check_sizes(folder)
    expected = {"files": entries, "bad": bad}
    (folder / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(entries)} Word files and {len(bad)} bad files into {folder}")
    return 0


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _check_sizes(folder: Path) -> None:
    """Fail if a corpus file is not small (expected.json, the text of them all, aside)."""
    for producer in PRODUCERS:
        for path in (folder / producer).iterdir():
            if path.stat().st_size >= MAX_SIZE:
                raise SystemExit(f"{path.relative_to(folder)} is {path.stat().st_size} bytes")


def _look(office: Office, folder: Path, target: Path) -> None:
    """Render the first pages of every produced Word file to PNG in `target`."""
    for producer in PRODUCERS[:-1]:
        for path in sorted((folder / producer).glob("*.docx")):
            pages = office.render_pages(path, target / producer, pages=6)
            print(f"{producer}/{path.name}: {len(pages)} pages rendered")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
