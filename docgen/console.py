"""Show a command's progress: a bar on a terminal, a line per file otherwise, or nothing.

On a terminal a build of more than a few documents draws a progress bar while it
renders and converts, then says in one line what it did. Written to a file or a pipe
(a log, CI), it prints one line per document instead, which reads well afterwards.
With --quiet it prints neither; errors and the checks' summary still go to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from docgen.catalogue.output import (
    FILES,
    PDFS,
    REMOVED,
    STAGES,
    TABLES_OF_CONTENTS,
    UNCHANGED,
    WHY,
    WHY_KEPT,
    WHY_OUTDATED,
    WROTE,
    WROTE_FILES,
    WROTE_PDFS,
    WROTE_PDFS_PAGED,
)
from docgen.i18n import ENGLISH
from docgen.messages import Message, render_text
from docgen.output_folder import Removed
from docgen.report import display_path

# Up to this many documents, a bar would flash by: lines say more.
FEW = 3


class Console:
    """Where a command reports what it does."""

    def __init__(self, *, quiet: bool = False, interactive: bool | None = None,
                 language: str = ENGLISH):
        self.quiet = quiet
        self.language = language
        self.interactive = sys.stdout.isatty() if interactive is None else interactive
        self._bar: Any = None
        self._stage = ""

    def progress(self, stage: str, done: int, total: int, path: Path | None = None) -> None:
        """Advance the bar of `stage` (on a terminal), or print the file just written."""
        if self.quiet:
            return
        if self.interactive and total > FEW:
            if self._bar is None or self._stage != stage:
                self._close_bar()
                self._stage = stage
                label = (render_text(STAGES[stage](), self.language) if stage in STAGES
                         else stage)
                self._bar = click.progressbar(length=total, label=label,
                                              show_pos=True, show_eta=False)
                self._bar.__enter__()
            self._bar.update(done - self._bar.pos)
            if done >= total:
                self._close_bar()
        elif path is not None:
            self._say(WROTE(path=display_path(path)))

    def files(self, written: Sequence[Path], unchanged: Sequence[Path],
              removed: Sequence[Removed]) -> None:
        """Say which files were written, left as they were, and removed."""
        if self.quiet:
            return
        if self.interactive and len(written) + len(unchanged) > FEW:
            folders = sorted({display_path(path.parent) for path in [*written, *unchanged]})
            self._say(WROTE_FILES(files=FILES(count=len(written)), unchanged=len(unchanged),
                             folders=folders))
        else:
            for path in written:
                self._say(WROTE(path=display_path(path)))
            for path in unchanged:
                self._say(UNCHANGED(path=display_path(path)))
        for file in removed:
            self._say(REMOVED(path=display_path(file.path), why=_why(file)))

    def pdfs(self, written: Sequence[Path], paged: int = 0) -> None:
        """Sum up the PDFs made, and the .docx files that got their page numbers from
        them (on a terminal; elsewhere each had its line already)."""
        if not self.quiet and self.interactive and len(written) > FEW:
            pdfs = PDFS(count=len(written))
            self._say(WROTE_PDFS_PAGED(pdfs=pdfs, tables=TABLES_OF_CONTENTS(count=paged)) if paged
                 else WROTE_PDFS(pdfs=pdfs))

    def _close_bar(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None

    def close(self) -> None:
        """End any bar still drawn (after an error, say)."""
        self._close_bar()

    def _say(self, message: Message) -> None:
        click.echo(render_text(message, self.language))


def _why(file: Removed) -> Message:
    """Return why a build removed `file`, and where to find it or how to make it again."""
    if file.why == "outdated":
        return WHY_OUTDATED()
    said = {"now": file.now} if file.why != "withdrawn" else {}
    if file.released_copy:
        return WHY_KEPT[file.why](copy=display_path(file.released_copy), **said)
    return WHY[file.why](**said)
