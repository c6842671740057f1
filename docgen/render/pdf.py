"""Make PDFs of built documents, and put LibreOffice's page numbers into their TOC.

Each .docx is laid out once by LibreOffice: its indexes are updated, the page of each
heading is read and the PDF exported. docgen then writes the .docx again with those
page numbers in its table of contents, so that Word, WPS and LibreOffice show a
complete TOC without updating it. The .docx remains docgen's own file (LibreOffice's
DOCX export would rewrite its styles and numbering), and the same layout gives the
same bytes.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docgen.content.model import ResolvedDocument
from docgen.output import write_all_atomically
from docgen.render.docx import render_docx, toc_lines
from docgen.render.libreoffice import LibreOfficeSession, find_libreoffice
from docgen.wordml.document import WordTemplate


@dataclass(frozen=True)
class PdfJob:
    """A built document to convert: its .docx on disk and where its PDF goes."""

    document: ResolvedDocument
    template: WordTemplate
    docx: Path
    key: str = ""
    """The document's render key, for the build's manifest."""

    @property
    def pdf(self) -> Path:
        return self.docx.with_suffix(".pdf")


def make_pdfs(jobs: Sequence[PdfJob],
              on_converted: Callable[[int, PdfJob, bytes, bytes], None] | None = None
              ) -> list[Path]:
    """Write a PDF beside each job's .docx in one LibreOffice session; return the PDFs.

    `on_converted` is told (how many are done, the job, its .docx and PDF bytes) as
    each document's pair is written.
    """
    if not jobs:
        return []
    installation = find_libreoffice()
    written = []
    with tempfile.TemporaryDirectory(prefix="docgen-pdf-") as scratch, \
            LibreOfficeSession(installation) as office:
        for index, job in enumerate(jobs):
            # A private copy: LibreOffice never touches the output folder.
            source = Path(scratch) / f"{index}.docx"
            target = Path(scratch) / f"{index}.pdf"
            shutil.copyfile(job.docx, source)
            # The lines LibreOffice's updated table of contents shows, as docgen wrote them.
            headings = [(heading.bookmark, line) for heading, line in
                        zip(job.document.headings, toc_lines(job.document, job.template),
                            strict=True)]
            layout = office.convert(source, target, headings)
            docx, pdf = render_docx(job.document, job.template, layout.pages), target.read_bytes()
            write_all_atomically([(job.docx, docx), (job.pdf, pdf)])
            written.append(job.pdf)
            if on_converted:
                on_converted(index + 1, job, docx, pdf)
    return written
