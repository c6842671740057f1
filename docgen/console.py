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
              removed: Sequence[Path]) -> None:
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
        for path in removed:
            click.echo(f"removed {display_path(path)} (not the version in force)")

    def pdfs(self, written: Sequence[Path]) -> None:
        """Sum up the PDFs made (on a terminal; elsewhere each had its line already)."""
        if not self.quiet and self.interactive and len(written) > FEW:
            click.echo(f"wrote {_count(len(written), 'PDF')}")

    def _close_bar(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None

    def close(self) -> None:
        """End any bar still drawn (after an error, say)."""
        self._close_bar()


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"
