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

from docgen.output_folder import Removed
from docgen.report import display_path

# Up to this many documents, a bar would flash by: lines say more.
FEW = 3
_STAGES = {"rendering": "rendering", "pdf": "making PDFs"}


class Console:
    """Where a command reports what it does."""

    def __init__(self, *, quiet: bool = False, interactive: bool | None = None):
        self.quiet = quiet
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
                self._bar = click.progressbar(length=total, label=_STAGES.get(stage, stage),
                                              show_pos=True, show_eta=False)
                self._bar.__enter__()
            self._bar.update(done - self._bar.pos)
            if done >= total:
                self._close_bar()
        elif path is not None:
            click.echo(f"wrote {display_path(path)}")

    def files(self, written: Sequence[Path], unchanged: Sequence[Path],
              removed: Sequence[Removed]) -> None:
        """Say which files were written, left as they were, and removed."""
        if self.quiet:
            return
        if self.interactive and len(written) + len(unchanged) > FEW:
            folders = sorted({display_path(path.parent) for path in [*written, *unchanged]})
            click.echo(f"wrote {_count(len(written), 'file')}, {len(unchanged)} unchanged, "
                       f"in {', '.join(folders)}")
        else:
            for path in written:
                click.echo(f"wrote {display_path(path)}")
            for path in unchanged:
                click.echo(f"unchanged {display_path(path)}")
        for file in removed:
            click.echo(f"removed {display_path(file.path)} ({_why(file)})")

    def pdfs(self, written: Sequence[Path], paged: int = 0) -> None:
        """Sum up the PDFs made, and the .docx files that got their page numbers from
        them (on a terminal; elsewhere each had its line already)."""
        if not self.quiet and self.interactive and len(written) > FEW:
            also = f", and page numbers in {_count(paged, 'table')} of contents" if paged else ""
            click.echo(f"wrote {_count(len(written), 'PDF')}{also}")

    def _close_bar(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None

    def close(self) -> None:
        """End any bar still drawn (after an error, say)."""
        self._close_bar()


def _why(file: Removed) -> str:
    """Return why a build removed `file`, and where to find it or how to make it again."""
    kept = (f"; its released copy stays in {display_path(file.released_copy)}"
            if file.released_copy else "")
    if file.why == "withdrawn":
        return f"the document is withdrawn{kept}"
    if file.why == "superseded":
        return f"superseded by {file.now}, the version in force{kept}"
    if file.why == "renamed":
        return f"the document's file is now {file.now}{kept}"
    return ("it showed the content before this build; 'docgen build --pdf' makes it again "
            "from the content as it is now")


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"
