"""LibreOffice and pandoc, run the way their users run them on files.

LibreOffice runs headless with a profile of its own in a temporary folder, so that a
LibreOffice already open on the machine (or another run of this script) does not
take the conversion over or lock the profile.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

WORD_2007 = 'docx:"MS Word 2007 XML"'


class Office:
    """A headless LibreOffice with a private profile, for the life of a `with` block."""

    def __enter__(self) -> Office:
        self.profile = Path(tempfile.mkdtemp(prefix="legacy-corpus-profile-"))
        return self

    def __exit__(self, *exc_info) -> None:
        shutil.rmtree(self.profile, ignore_errors=True)

    def convert(self, source: Path, target_format: str, folder: Path,
                input_filter: str = "") -> Path:
        """Convert `source` into `folder` (soffice --convert-to); return the new file.
        `target_format` is an extension with an optional ":filter" (docx:"MS Word 2007
        XML", odt, doc, pdf)."""
        folder.mkdir(parents=True, exist_ok=True)
        command = ["soffice", f"-env:UserInstallation={self.profile.as_uri()}", "--headless",
                   "--norestore"]
        if input_filter:
            command.append(f"--infilter={input_filter}")
        command += ["--convert-to", target_format.replace('"', ""), "--outdir", str(folder),
                    str(source)]
        subprocess.run(command, check=True, capture_output=True, timeout=300)
        extension = target_format.split(":")[0]
        produced = folder / f"{source.stem}.{extension}"
        if not produced.exists():
            raise RuntimeError(f"LibreOffice wrote no {produced.name}")
        return produced

    def render_pages(self, source: Path, folder: Path, pages: int = 2) -> list[Path]:
        """Render the first `pages` pages of a Word file to PNG (60 dpi) for a look."""
        pdf = self.convert(source, "pdf", folder)
        prefix = folder / source.stem
        subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", str(pages), "-png",
                        str(pdf), str(prefix)], check=True)
        return sorted(folder.glob(f"{source.stem}*.png"))


def pandoc(source: Path, target: Path, source_format: str, *options: str) -> None:
    """Convert `source` (markdown or html) to the .docx `target` with pandoc."""
    subprocess.run(["pandoc", "-f", source_format, "-t", "docx", "-o", str(target),
                    *options, str(source)], check=True, capture_output=True, timeout=300)


def missing_programs() -> list[str]:
    """Return the programs the corpus needs that are not installed."""
    return [name for name in ("soffice", "pandoc", "pdftoppm") if not shutil.which(name)]
